#include "fare/farefamily.h"

#include "fare/fareconfig.h"
#include "fare/farecost.h"
#include "fare/farejob.h"

#include "data/datasetreader.h"

#include "families/familyhelpers.h"

#include <QCoreApplication>

namespace equiscope {

namespace {

QList<MethodInfo> fareMethods()
{
    QList<MethodInfo> methods;
    const MethodOption temperature = MethodOption::real(
        QStringLiteral("temperature"), QT_TRANSLATE_NOOP("MethodRegistry", "Temperature τ"), 0.1,
        0.001, 10.0,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Divides the cosine similarities: S_ij = cos(h_i, h_j) / τ. Smaller values sharpen "
            "the softmax and weight hard negatives more."));
    const MethodOption attentionScale = MethodOption::real(
        QStringLiteral("attentionScale"), QT_TRANSLATE_NOOP("MethodRegistry", "Attention scale ρ"),
        1.0, 0.001, 100.0,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Scales the attention logits A_ij = q_i·k_j / ρ computed from the protected "
            "attribute z. Larger ρ flattens the attention over the batch."));
    const MethodOption negativeScale = MethodOption::choice(
        QStringLiteral("negativeScale"), QT_TRANSLATE_NOOP("MethodRegistry", "Negative scale"),
        {QStringLiteral("1"), QStringLiteral("b-1")},
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "The factor c in front of the attention-weighted negatives: 1 as in the paper, or "
            "b − 1 as CCLK does."));
    const MethodOption symmetric = MethodOption::flag(
        QStringLiteral("symmetric"), QT_TRANSLATE_NOOP("MethodRegistry", "Symmetric"), true,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Average the loss of both directions (view x → view y and y → x) with the same "
            "attention."));

    MethodInfo fare;
    fare.name = QStringLiteral("fare");
    fare.family = RunFamily::Fare;
    fare.title = QT_TRANSLATE_NOOP("MethodRegistry", "FARE");
    fare.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "Fairness-aware attention: each anchor's negatives are weighted by an "
                          "attention over the protected attribute, so the representation stops "
                          "encoding it. O(b²) per batch.");
    fare.options = {
        temperature, attentionScale,
        MethodOption::choice(
            QStringLiteral("diagonal"), QT_TRANSLATE_NOOP("MethodRegistry", "Diagonal"),
            {QStringLiteral("mask"), QStringLiteral("keep")},
            QT_TRANSLATE_NOOP("MethodRegistry",
                              "Whether an anchor may attend to itself (keep) or not (mask).")),
        negativeScale, symmetric};
    methods.append(fare);

    MethodInfo sparse;
    sparse.name = QStringLiteral("sparse-fare");
    sparse.family = RunFamily::Fare;
    sparse.title = QT_TRANSLATE_NOOP("MethodRegistry", "SparseFARE");
    sparse.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "FARE with the attention restricted to a locality-sensitive-hashing "
                          "support of z: O(b · bucket size) instead of O(b²).");
    sparse.options = {
        temperature,
        attentionScale,
        negativeScale,
        symmetric,
        MethodOption::integer(
            QStringLiteral("bucketSize"), QT_TRANSLATE_NOOP("MethodRegistry", "Bucket size"), 128,
            32, 512,
            QT_TRANSLATE_NOOP(
                "MethodRegistry",
                "Samples per LSH bucket (32–512). The batch is split into b / bucket size "
                "buckets; larger buckets approach full FARE.")),
        MethodOption::integer(
            QStringLiteral("hashRounds"), QT_TRANSLATE_NOOP("MethodRegistry", "Hash rounds"), 1, 1,
            8,
            QT_TRANSLATE_NOOP(
                "MethodRegistry",
                "Independent hashings (1–8); the support is their union, so more rounds miss "
                "fewer similar pairs at a higher cost.")),
        MethodOption::choice(
            QStringLiteral("support"), QT_TRANSLATE_NOOP("MethodRegistry", "Support"),
            {QStringLiteral("adjacent"), QStringLiteral("intra")},
            QT_TRANSLATE_NOOP(
                "MethodRegistry",
                "adjacent: a bucket also attends to its neighbour bucket; intra: only within "
                "the bucket."))};
    methods.append(sparse);

    MethodInfo infonce;
    infonce.name = QStringLiteral("infonce");
    infonce.family = RunFamily::Fare;
    infonce.title = QT_TRANSLATE_NOOP("MethodRegistry", "InfoNCE (SimCLR)");
    infonce.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "The unfair baseline: SimCLR's NT-Xent with 2b anchors and 2b − 2 "
                          "negatives, blind to the protected attribute.");
    infonce.options = {temperature};
    methods.append(infonce);

    MethodInfo fairInfonce;
    fairInfonce.name = QStringLiteral("fair-infonce");
    fairInfonce.family = RunFamily::Fare;
    fairInfonce.title = QT_TRANSLATE_NOOP("MethodRegistry", "Fair-InfoNCE");
    fairInfonce.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "InfoNCE whose negatives are restricted to the anchor's protected "
                          "group; continuous z is binned by k-means first.");
    fairInfonce.options = {
        temperature,
        MethodOption::choice(
            QStringLiteral("fairMode"), QT_TRANSLATE_NOOP("MethodRegistry", "Fair mode"),
            {QStringLiteral("batch"), QStringLiteral("mask")},
            QT_TRANSLATE_NOOP(
                "MethodRegistry",
                "batch: sample each batch from one group; mask: mask out the negatives of other "
                "groups within a mixed batch.")),
        MethodOption::integer(
            QStringLiteral("bins"), QT_TRANSLATE_NOOP("MethodRegistry", "Bins K"), 10, 2, 1000,
            QT_TRANSLATE_NOOP(
                "MethodRegistry",
                "Number of k-means bins for a continuous or vector protected attribute."))};
    methods.append(fairInfonce);

    MethodInfo cclk;
    cclk.name = QStringLiteral("cclk");
    cclk.family = RunFamily::Fare;
    cclk.title = QT_TRANSLATE_NOOP("MethodRegistry", "CCLK");
    cclk.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "Conditional contrastive learning with kernel (Tsai et al. 2022): "
                          "negatives re-weighted by a kernel ridge regression on z.");
    cclk.options = {
        temperature,
        MethodOption::choice(
            QStringLiteral("kernel"), QT_TRANSLATE_NOOP("MethodRegistry", "Kernel"),
            {QStringLiteral("cosine"), QStringLiteral("rbf"), QStringLiteral("laplacian"),
             QStringLiteral("linear"), QStringLiteral("polynomial")},
            QT_TRANSLATE_NOOP("MethodRegistry", "The kernel K_Z over the protected attribute.")),
        MethodOption::real(
            QStringLiteral("bandwidth"), QT_TRANSLATE_NOOP("MethodRegistry", "Bandwidth"), 1.0,
            0.001, 1000.0,
            QT_TRANSLATE_NOOP(
                "MethodRegistry",
                "The kernels see z / bandwidth (RBF, Laplacian, linear, polynomial).")),
        MethodOption::real(
            QStringLiteral("lambda"), QT_TRANSLATE_NOOP("MethodRegistry", "Ridge λ"), 0.01, 0.0001,
            100.0,
            QT_TRANSLATE_NOOP(
                "MethodRegistry",
                "Ridge term of (K_Z + λI)⁻¹ K_Z; larger values smooth the conditioning.")),
        MethodOption::integer(
            QStringLiteral("polynomialDegree"),
            QT_TRANSLATE_NOOP("MethodRegistry", "Polynomial degree"), 3, 1, 10,
            QT_TRANSLATE_NOOP("MethodRegistry", "Degree of the polynomial kernel."))};
    methods.append(cclk);

    return methods;
}

class FareFamily final : public MethodFamily
{
public:
    RunFamily id() const override { return RunFamily::Fare; }
    QString title() const override
    {
        return QStringLiteral(
            QT_TRANSLATE_NOOP("MethodRegistry", "Fair representation learning (FARE family)"));
    }
    QList<MethodInfo> methods() const override
    {
        static const QList<MethodInfo> table = fareMethods();
        return table;
    }
    Expected<QJsonObject> defaultConfig(const QString &method) const override
    {
        FareConfig config = FareConfig::coloredFashionMnistDefault();
        if (!method.isEmpty()) {
            auto m = lossMethodFromName(method);
            if (!m)
                return m.error();
            config.loss.method = m.value();
        }
        return config.toJson();
    }
    Expected<QJsonObject> parseConfig(const QJsonObject &json) const override
    {
        return validatedConfigJson(FareConfig::fromJson(json));
    }
    Expected<QJsonObject> withOption(const QJsonObject &json, const QString &key,
                                     const QString &text) const override
    {
        auto config = FareConfig::fromJson(json);
        if (!config)
            return config.error();
        auto loss = config->loss.withOption(key, text);
        if (!loss)
            return loss.error();
        config->loss = loss.value();
        return config->toJson();
    }
    Expected<RunJob *> createJob(const QJsonObject &json, const QString &storePath,
                                 QObject *parent) const override
    {
        return newFamilyJob<FareJob, FareConfig>(json, storePath, parent);
    }
    RunJob *resumeJob(const QString &runId, const QString &storePath,
                      QObject *parent) const override
    {
        return FareJob::resume(runId, storePath, parent);
    }
    Expected<RunCostEstimate> estimateCost(const QJsonObject &json, const QString &storePath,
                                           const std::atomic<bool> &cancel) const override
    {
        return estimateFromJson<FareConfig>(
            json, [&](const FareConfig &config) -> Expected<RunCostEstimate> {
                auto dataset = openDataset(config.dataset, ReadContext());
                if (!dataset)
                    return dataset.error();
                if (auto against = config.validateAgainst(dataset.value()); !against)
                    return against.error();
                return estimateFareCost(config, dataset.value(), storePath, cancel);
            });
    }
    QList<RunView> views(const RunRecord &run) const override
    {
        // Only the attention losses have an attention map to show.
        auto method = lossMethodFromName(run.method);
        if (method &&
            (method.value() == LossMethod::Fare || method.value() == LossMethod::SparseFare))
            return {RunView::Attention};
        return {};
    }
    QStringList paretoMetrics() const override
    {
        return {QStringLiteral("accuracy"), QStringLiteral("bias_mse")};
    }
    bool hasImageEncoder() const override { return true; }
    QString designPage() const override { return QStringLiteral("docs/design/methods/fare.md"); }
};

} // namespace

std::unique_ptr<MethodFamily> makeFareFamily()
{
    return std::make_unique<FareFamily>();
}

} // namespace equiscope
