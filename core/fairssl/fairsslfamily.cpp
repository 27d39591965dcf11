#include "fairssl/fairsslfamily.h"

#include "fairssl/fairsslconfig.h"
#include "fairssl/fairsslcost.h"
#include "fairssl/fairssljob.h"

#include "data/datasetreader.h"

#include "families/familyhelpers.h"

#include <QCoreApplication>

namespace equiscope {

namespace {

QList<MethodInfo> fairSslMethods()
{
    QList<MethodInfo> methods;
    // Keys are FairSslConfig JSON paths (FairSslConfig::withOption()).
    const MethodOption seedSize = MethodOption::integer(
        QStringLiteral("pool.seedSize"), QT_TRANSLATE_NOOP("MethodRegistry", "Seed set size"), 500,
        2, 1000000,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Seed set S: labelled train images of the target levels. The curated set is S "
            "plus the pool images retrieved for each seed."));
    const MethodOption poolLimit = MethodOption::integer(
        QStringLiteral("pool.limit"), QT_TRANSLATE_NOOP("MethodRegistry", "Pool size"), 3000, 0,
        10000000,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Unlabelled pool U drawn from the train split (0 = all of it). Test images never "
            "enter it."));
    const MethodOption embedEpochs = MethodOption::integer(
        QStringLiteral("encoder.epochs"), QT_TRANSLATE_NOOP("MethodRegistry", "SimCLR epochs"), 2,
        1, 10000,
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "Epochs of the built-in SimCLR encoder that embeds U ∪ S (stage 1)."));
    const MethodOption dedup = MethodOption::real(
        QStringLiteral("dedup.threshold"), QT_TRANSLATE_NOOP("MethodRegistry", "Dedup cosine τ"),
        0.95, 0.5, 1.0,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Images whose embeddings have cosine ≥ τ form near-duplicate groups; the first of "
            "each group is kept. Pool images this close to a test image are dropped."),
        3);
    const MethodOption retrieval = MethodOption::integer(
        QStringLiteral("retrieval.perSeed"),
        QT_TRANSLATE_NOOP("MethodRegistry", "Retrieved per seed M"), 2, 0, 1000,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "For every seed image, the M most similar pool images join the curated set."));
    const MethodOption quality = MethodOption::flag(
        QStringLiteral("quality.enabled"), QT_TRANSLATE_NOOP("MethodRegistry", "Quality filter"),
        true,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Drop images whose sharpness (variance of the Laplacian, a proxy for the paper's "
            "face-quality network) is below the threshold."));
    const MethodOption qualityThreshold = MethodOption::real(
        QStringLiteral("quality.threshold"),
        QT_TRANSLATE_NOOP("MethodRegistry", "Sharpness threshold"), 20.0, 0.0, 1e6,
        QT_TRANSLATE_NOOP("MethodRegistry", "Minimum variance of the Laplacian of the grey image."),
        1);
    const MethodOption pseudoMode = MethodOption::choice(
        QStringLiteral("pseudoLabels.mode"), QT_TRANSLATE_NOOP("MethodRegistry", "Pseudo-labels"),
        {QStringLiteral("kmeans"), QStringLiteral("knn"), QStringLiteral("zero-shot")},
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "kmeans: K = C clusters mapped to classes by the labelled examples' vote; knn: vote of "
            "the nearest labelled examples; zero-shot: cosine to class text embeddings (needs a "
            "TorchScript image tower and a text-embedding file)."));
    const MethodOption labelled = MethodOption::integer(
        QStringLiteral("pseudoLabels.labelledPerClass"),
        QT_TRANSLATE_NOOP("MethodRegistry", "Labelled per class"), 10, 1, 100000,
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "Labelled seed images per class used to map clusters to classes."));
    const MethodOption supconTau = MethodOption::real(
        QStringLiteral("supcon.temperature"), QT_TRANSLATE_NOOP("MethodRegistry", "SupCon τ"), 0.07,
        0.001, 10.0,
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "Temperature of the supervised-contrastive loss over the 2N views."),
        3);
    const MethodOption metaFraction = MethodOption::real(
        QStringLiteral("metaWeight.fraction"),
        QT_TRANSLATE_NOOP("MethodRegistry", "Meta set fraction"), 0.02, 0.001, 1.0,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Size of the meta set (high-confidence pseudo-labelled images, balanced across "
            "groups and classes) as a fraction of the curated set."),
        3);
    const MethodOption scope = MethodOption::choice(
        QStringLiteral("metaWeight.scope"), QT_TRANSLATE_NOOP("MethodRegistry", "Look-ahead scope"),
        {QStringLiteral("head+last-block"), QStringLiteral("full")},
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Parameters the one-step look-ahead differentiates through (second order): the "
            "projection head and the encoder's last block (cheap), or the full encoder."));
    const MethodOption step = MethodOption::real(
        QStringLiteral("metaWeight.step"), QT_TRANSLATE_NOOP("MethodRegistry", "Look-ahead step α"),
        0.1, 0.0001, 10.0,
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "Step size of the virtual update θ̂ = θ − α ∇θ Σ V(ℓ) ℓ / Σ V(ℓ)."));
    const MethodOption metaLoss = MethodOption::choice(
        QStringLiteral("metaWeight.metaLoss"), QT_TRANSLATE_NOOP("MethodRegistry", "Meta loss"),
        {QStringLiteral("supcon"), QStringLiteral("cross-entropy")},
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "What the meta set judges the look-ahead by: unweighted SupCon, or the cross-entropy "
            "of a linear head on the representation (trained alongside on the pseudo-labels)."));
    const MethodOption minPerCell = MethodOption::integer(
        QStringLiteral("metaWeight.minPerCell"),
        QT_TRANSLATE_NOOP("MethodRegistry", "Meta images per cell"), 8, 0, 100000,
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "At least this many meta images per group and class (where the curated "
                          "set has them), on top of the meta set fraction."));
    const MethodOption warmup = MethodOption::integer(
        QStringLiteral("metaWeight.warmupEpochs"),
        QT_TRANSLATE_NOOP("MethodRegistry", "Unweighted warm-up epochs"), 0, 0, 100000,
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "Epochs of plain SupCon before the meta-learned weights start."));

    MethodInfo full;
    full.name = QStringLiteral("fair-ssl");
    full.family = RunFamily::FairSsl;
    full.title = QT_TRANSLATE_NOOP("MethodRegistry", "Fair SSL pipeline");
    full.description = QT_TRANSLATE_NOOP(
        "MethodRegistry",
        "Embed → deduplicate → retrieve → quality filter → pseudo-label → SupCon weighted by "
        "Meta-Weight-Net (one-step look-ahead on a group-balanced meta set) → linear "
        "classifier. Each stage is a visible, resumable step.");
    full.options = {seedSize,         poolLimit,  embedEpochs, dedup,     retrieval,    quality,
                    qualityThreshold, pseudoMode, labelled,    supconTau, metaFraction, minPerCell,
                    metaLoss,         warmup,     scope,       step};
    methods.append(full);

    MethodInfo simclr;
    simclr.name = QStringLiteral("simclr");
    simclr.family = RunFamily::FairSsl;
    simclr.title = QT_TRANSLATE_NOOP("MethodRegistry", "SimCLR + linear probe");
    simclr.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "Baseline: the pipeline's SimCLR encoder trained on U ∪ S, frozen, "
                          "with the same linear classifier and group metrics.");
    simclr.options = {seedSize, poolLimit, embedEpochs};
    methods.append(simclr);

    MethodInfo supcon;
    supcon.name = QStringLiteral("supcon");
    supcon.family = RunFamily::FairSsl;
    supcon.title = QT_TRANSLATE_NOOP("MethodRegistry", "SupCon, unweighted pseudo-labels");
    supcon.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "Baseline: the whole pipeline with plain SupCon on the pseudo-labels "
                          "(no meta-learned weights).");
    supcon.options = {seedSize, poolLimit,        embedEpochs, dedup,    retrieval,
                      quality,  qualityThreshold, pseudoMode,  labelled, supconTau};
    methods.append(supcon);

    MethodInfo ce;
    ce.name = QStringLiteral("supervised-ce");
    ce.family = RunFamily::FairSsl;
    ce.title = QT_TRANSLATE_NOOP("MethodRegistry", "Supervised cross-entropy");
    ce.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "Upper reference: the encoder trained with cross-entropy on the true "
                          "labels of the train split, then the same linear classifier.");
    methods.append(ce);
    return methods;
}

class FairSslFamily final : public MethodFamily
{
public:
    RunFamily id() const override { return RunFamily::FairSsl; }
    QString title() const override
    {
        return QStringLiteral(QT_TRANSLATE_NOOP("MethodRegistry", "Fair self-supervised pipeline"));
    }
    QList<MethodInfo> methods() const override
    {
        static const QList<MethodInfo> table = fairSslMethods();
        return table;
    }
    Expected<QJsonObject> defaultConfig(const QString &method) const override
    {
        FairSslConfig config = FairSslConfig::coloredFashionMnistDefault();
        if (!method.isEmpty()) {
            auto m = fairSslMethodFromName(method);
            if (!m)
                return m.error();
            config.method = m.value();
        }
        return config.toJson();
    }
    Expected<QJsonObject> parseConfig(const QJsonObject &json) const override
    {
        return validatedConfigJson(FairSslConfig::fromJson(json));
    }
    Expected<QJsonObject> withOption(const QJsonObject &json, const QString &key,
                                     const QString &text) const override
    {
        auto config = FairSslConfig::fromJson(json);
        if (!config)
            return config.error();
        auto changed = config->withOption(key, text);
        if (!changed)
            return changed.error();
        return changed->toJson();
    }
    Expected<RunJob *> createJob(const QJsonObject &json, const QString &storePath,
                                 QObject *parent) const override
    {
        return newFamilyJob<FairSslJob, FairSslConfig>(json, storePath, parent);
    }
    RunJob *resumeJob(const QString &runId, const QString &storePath,
                      QObject *parent) const override
    {
        return FairSslJob::resume(runId, storePath, parent);
    }
    Expected<RunCostEstimate> estimateCost(const QJsonObject &json, const QString &storePath,
                                           const std::atomic<bool> &cancel) const override
    {
        return estimateFromJson<FairSslConfig>(
            json, [&](const FairSslConfig &config) -> Expected<RunCostEstimate> {
                auto dataset = openDataset(config.dataset);
                if (!dataset)
                    return dataset.error();
                return estimateFairSslCost(config, dataset.value(), storePath, cancel);
            });
    }
    QList<RunView> views(const RunRecord &) const override
    {
        return {RunView::FairSslStages, RunView::FairSslWeights, RunView::FairSslGroups};
    }
    QStringList paretoMetrics() const override
    {
        return {QStringLiteral("accuracy"), QStringLiteral("equalized_odds_difference")};
    }
    bool hasImageEncoder() const override { return false; }
    QString designPage() const override
    {
        return QStringLiteral("docs/design/methods/fair-ssl.md");
    }
};

} // namespace

std::unique_ptr<MethodFamily> makeFairSslFamily()
{
    return std::make_unique<FairSslFamily>();
}

} // namespace equiscope
