#include "clustering/clusteringfamily.h"

#include "clustering/clusteringconfig.h"
#include "clustering/clusteringcost.h"
#include "clustering/clusteringjob.h"

#include "families/familyhelpers.h"

#include <QCoreApplication>

namespace equiscope {

namespace {

QList<MethodInfo> clusteringMethods()
{
    QList<MethodInfo> methods;
    // Keys are ClusteringConfig JSON keys (docs/design/methods/clustering.md); the launcher form
    // writes them.
    const MethodOption k = MethodOption::integer(
        QStringLiteral("k"), QT_TRANSLATE_NOOP("MethodRegistry", "Neighbours k"), 80, 2, 1000,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Neighbours per sample in the cosine kNN graph; each anchor's cluster is the "
            "sequence of its k nearest neighbours (the anchor first)."));
    const MethodOption knnIndex = MethodOption::choice(
        QStringLiteral("knn"), QT_TRANSLATE_NOOP("MethodRegistry", "kNN graph"),
        {QStringLiteral("exact"), QStringLiteral("hnsw"), QStringLiteral("ivf")},
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "exact: every pair (best up to a few hundred thousand samples); hnsw or "
                          "ivf: FAISS approximate search for large inputs, with its recall "
                          "measured on a sample and reported per group."));
    const MethodOption hnswDepth = MethodOption::integer(
        QStringLiteral("hnswSearchDepth"), QT_TRANSLATE_NOOP("MethodRegistry", "HNSW search depth"),
        0, 0, 10000,
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "hnsw: candidates kept while searching (efSearch); more is slower and "
                          "finds more of the true neighbours. 0 = 2k."));
    const MethodOption ivfProbes = MethodOption::integer(
        QStringLiteral("ivfProbes"), QT_TRANSLATE_NOOP("MethodRegistry", "IVF probes"), 32, 1,
        100000,
        QT_TRANSLATE_NOOP("MethodRegistry",
                          "ivf: cells searched per sample (of 4·√n); more is slower and finds "
                          "more of the true neighbours."));
    const MethodOption subClusters = MethodOption::integer(
        QStringLiteral("subClusters"), QT_TRANSLATE_NOOP("MethodRegistry", "Sub-clusters S"), 4, 2,
        64,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "The ranked neighbours split into S contiguous sub-clusters: the first is the "
            "centroid, the last the furthest."));
    const MethodOption layers = MethodOption::integer(
        QStringLiteral("layers"), QT_TRANSLATE_NOOP("MethodRegistry", "Encoder layers"), 2, 0, 24,
        QT_TRANSLATE_NOOP("MethodRegistry", "Self-attention encoder layers over the tokens."));
    const MethodOption heads =
        MethodOption::integer(QStringLiteral("heads"), QT_TRANSLATE_NOOP("MethodRegistry", "Heads"),
                              4, 1, 32, QT_TRANSLATE_NOOP("MethodRegistry", "Attention heads."));
    const MethodOption width = MethodOption::integer(
        QStringLiteral("width"), QT_TRANSLATE_NOOP("MethodRegistry", "Width"), 0, 0, 4096,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Model width; 0 = feature dimension + k, rounded up to a multiple of the heads."));
    const MethodOption edge = MethodOption::real(
        QStringLiteral("edgeThreshold"), QT_TRANSLATE_NOOP("MethodRegistry", "Edge threshold"), 0.9,
        0.0, 1.0,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "An edge (anchor, neighbour) is kept when the model's probability p exceeds it."),
        3);
    const MethodOption shared = MethodOption::real(
        QStringLiteral("sharedThreshold"),
        QT_TRANSLATE_NOOP("MethodRegistry", "Shared-neighbour ratio"), 0.65, 0.0, 1.0,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "An edge survives only if the two samples share this fraction of their neighbours "
            "(0 keeps every edge). Connected components of the survivors are the clusters."),
        3);
    const MethodOption tune = MethodOption::flag(
        QStringLiteral("tuneThresholds"),
        QT_TRANSLATE_NOOP("MethodRegistry", "Tune thresholds on validation"), true,
        QT_TRANSLATE_NOOP(
            "MethodRegistry",
            "Pick both thresholds on the validation identities (never on test); off uses the "
            "values above."));

    MethodInfo fair;
    fair.name = QStringLiteral("transformer-fair");
    fair.family = RunFamily::Clustering;
    fair.title = QT_TRANSLATE_NOOP("MethodRegistry", "Fair transformer clustering");
    fair.description = QT_TRANSLATE_NOOP(
        "MethodRegistry",
        "Tokens [feature ; similarity row] of each anchor's kNN sequence, a transformer "
        "encoder, Cross-attention from the furthest to the centroid sub-cluster, and BCE + "
        "soft Fowlkes–Mallows + λ · purity loss.");
    fair.options = {
        k,
        knnIndex,
        hnswDepth,
        ivfProbes,
        subClusters,
        layers,
        heads,
        width,
        MethodOption::flag(
            QStringLiteral("crossAttention"),
            QT_TRANSLATE_NOOP("MethodRegistry", "Cross-attention"), true,
            QT_TRANSLATE_NOOP("MethodRegistry",
                              "Queries from the furthest sub-cluster attend to the centroid "
                              "sub-cluster (ablation: off).")),
        MethodOption::flag(
            QStringLiteral("crossAttentionAll"),
            QT_TRANSLATE_NOOP("MethodRegistry", "…for every sub-cluster"), false,
            QT_TRANSLATE_NOOP("MethodRegistry",
                              "Apply the Cross-attention to every non-central sub-cluster, not "
                              "only the furthest.")),
        MethodOption::flag(
            QStringLiteral("purityLoss"), QT_TRANSLATE_NOOP("MethodRegistry", "Purity loss"), true,
            QT_TRANSLATE_NOOP("MethodRegistry",
                              "Add λ · purity penalty to the loss (ablation: off).")),
        MethodOption::real(QStringLiteral("lambda"),
                           QT_TRANSLATE_NOOP("MethodRegistry", "Purity weight λ"), 0.5, 0.0, 100.0,
                           QT_TRANSLATE_NOOP("MethodRegistry", "Weight of the purity penalty."), 3),
        MethodOption::choice(
            QStringLiteral("purityForm"), QT_TRANSLATE_NOOP("MethodRegistry", "Purity form"),
            {QStringLiteral("upper-bound"), QStringLiteral("variance")},
            QT_TRANSLATE_NOOP("MethodRegistry",
                              "upper-bound: mean (1 − P)², an upper bound of the spread of "
                              "purities; variance: mean (P − mean P)².")),
        edge,
        shared,
        tune};
    methods.append(fair);

    MethodInfo plain;
    plain.name = QStringLiteral("transformer");
    plain.family = RunFamily::Clustering;
    plain.title = QT_TRANSLATE_NOOP("MethodRegistry", "Transformer clustering (plain)");
    plain.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "The same transformer without Cross-attention and without the purity "
                          "loss: BCE + soft Fowlkes–Mallows only.");
    plain.options = {k,     knnIndex, hnswDepth, ivfProbes, subClusters, layers,
                     heads, width,    edge,      shared,    tune};
    methods.append(plain);

    MethodInfo knn;
    knn.name = QStringLiteral("knn-threshold");
    knn.family = RunFamily::Clustering;
    knn.title = QT_TRANSLATE_NOOP("MethodRegistry", "kNN graph + threshold");
    knn.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "No model: keep kNN edges whose cosine similarity exceeds the threshold, "
                          "filter by shared neighbours, connected components.");
    MethodOption cosine = edge;
    cosine.label = QT_TRANSLATE_NOOP("MethodRegistry", "Cosine threshold");
    cosine.defaultValue = 0.7;
    cosine.minimum = -1.0;
    cosine.toolTip = QT_TRANSLATE_NOOP("MethodRegistry",
                                       "An edge is kept when the cosine similarity exceeds it.");
    knn.options = {k, knnIndex, hnswDepth, ivfProbes, cosine, shared, tune};
    knn.trainsModel = false;
    methods.append(knn);

    MethodInfo kmeans;
    kmeans.name = QStringLiteral("kmeans");
    kmeans.family = RunFamily::Clustering;
    kmeans.title = QT_TRANSLATE_NOOP("MethodRegistry", "k-means");
    kmeans.description = QT_TRANSLATE_NOOP(
        "MethodRegistry", "Lloyd's k-means on the normalised features with K = the true number "
                          "of clusters of each split (an oracle count).");
    kmeans.trainsModel = false;
    kmeans.options = {MethodOption::integer(
        QStringLiteral("kmeansIterations"), QT_TRANSLATE_NOOP("MethodRegistry", "Iterations"), 30,
        1, 1000, QT_TRANSLATE_NOOP("MethodRegistry", "Lloyd iterations at most."))};
    methods.append(kmeans);
    return methods;
}

class ClusteringFamily final : public MethodFamily
{
public:
    RunFamily id() const override { return RunFamily::Clustering; }
    QString title() const override
    {
        return QStringLiteral(QT_TRANSLATE_NOOP("MethodRegistry", "Fair clustering"));
    }
    QList<MethodInfo> methods() const override
    {
        static const QList<MethodInfo> table = clusteringMethods();
        return table;
    }
    Expected<QJsonObject> defaultConfig(const QString &method) const override
    {
        ClusteringMethod m = ClusteringMethod::TransformerFair;
        if (!method.isEmpty()) {
            auto named = clusteringMethodFromName(method);
            if (!named)
                return named.error();
            m = named.value();
        }
        return ClusteringConfig::forMethod(m).toJson();
    }
    Expected<QJsonObject> parseConfig(const QJsonObject &json) const override
    {
        return validatedConfigJson(ClusteringConfig::fromJson(json));
    }
    Expected<QJsonObject> withOption(const QJsonObject &json, const QString &key,
                                     const QString &text) const override
    {
        // Clustering options are top-level config keys: the option table gives their types.
        const QString method = json.value(QStringLiteral("method")).toString();
        const MethodOption *option = nullptr;
        const QList<MethodInfo> all = methods();
        for (const MethodInfo &m : all)
            if (m.name == method || method.isEmpty())
                for (const MethodOption &o : m.options)
                    if (o.key == key && !option)
                        option = &o;
        DataError e;
        e.file = QStringLiteral("run config");
        e.field = key;
        if (!option) {
            e.expected = QStringLiteral("an option of method %1").arg(method);
            e.found = QStringLiteral("'%1'").arg(key);
            return e;
        }
        QJsonObject changed = json;
        bool ok = true;
        switch (option->kind) {
        case MethodOption::Kind::Real:
            changed.insert(key, text.toDouble(&ok));
            e.expected = QStringLiteral("a number");
            break;
        case MethodOption::Kind::Integer:
            changed.insert(key, text.toInt(&ok));
            e.expected = QStringLiteral("an integer");
            break;
        case MethodOption::Kind::Flag:
            ok = text == QLatin1String("true") || text == QLatin1String("false");
            changed.insert(key, text == QLatin1String("true"));
            e.expected = QStringLiteral("true or false");
            break;
        case MethodOption::Kind::Choice:
            ok = option->choices.contains(text);
            changed.insert(key, text);
            e.expected = option->choices.join(QStringLiteral(", "));
            break;
        }
        if (!ok) {
            e.found = QStringLiteral("'%1'").arg(text);
            return e;
        }
        return validatedConfigJson(ClusteringConfig::fromJson(changed));
    }
    Expected<RunJob *> createJob(const QJsonObject &json, const QString &storePath,
                                 QObject *parent) const override
    {
        return newFamilyJob<ClusteringJob, ClusteringConfig>(json, storePath, parent);
    }
    RunJob *resumeJob(const QString &runId, const QString &storePath,
                      QObject *parent) const override
    {
        return ClusteringJob::resume(runId, storePath, parent);
    }
    Expected<RunCostEstimate> estimateCost(const QJsonObject &json, const QString &storePath,
                                           const std::atomic<bool> &cancel) const override
    {
        return estimateFromJson<ClusteringConfig>(json, [&](const ClusteringConfig &config) {
            return estimateClusteringCost(config, storePath, cancel);
        });
    }
    QList<RunView> views(const RunRecord &run) const override
    {
        QList<RunView> views{RunView::Clustering};
        // The Cross-attention map exists only for a transformer trained with the block.
        auto method = clusteringMethodFromName(run.method);
        if (method && clusteringMethodTrains(method.value()) &&
            run.config.value(QStringLiteral("crossAttention")).toBool())
            views.append(RunView::CrossAttention);
        return views;
    }
    QStringList paretoMetrics() const override
    {
        return {QStringLiteral("pairwise_f_score"), QStringLiteral("pairwise_f_score_group_std")};
    }
    bool hasImageEncoder() const override { return false; }
    QString designPage() const override
    {
        return QStringLiteral("docs/design/methods/clustering.md");
    }
};

} // namespace

std::unique_ptr<MethodFamily> makeClusteringFamily()
{
    return std::make_unique<ClusteringFamily>();
}

} // namespace equiscope
