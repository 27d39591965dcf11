#pragma once

#include "clustering/knnindex.h"
#include "data/dataset.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace equiscope {

/// The clustering methods (docs/design/methods/clustering.md): the full method, the plain
/// transformer and the two model-free baselines of the ablation ladder.
enum class ClusteringMethod
{
    TransformerFair, ///< "transformer-fair": Cross-attention + purity loss
    Transformer,     ///< "transformer": plain transformer (no Cross-attention, no purity loss)
    KMeans,          ///< "kmeans": K = the true cluster count of the evaluated split
    KnnThreshold,    ///< "knn-threshold": cosine-threshold kNN graph + connected components
};
QString clusteringMethodName(ClusteringMethod method);
Expected<ClusteringMethod> clusteringMethodFromName(const QString &name);
/// Whether the method trains a transformer (and so has epochs and checkpoints).
bool clusteringMethodTrains(ClusteringMethod method);

/// How the purity penalty of the loss is formed.
enum class PurityForm
{
    UpperBound, ///< "upper-bound": mean_a (1 − P_a)²
    Variance,   ///< "variance": mean_a (P_a − mean P)²
};
QString purityFormName(PurityForm form);

/// Everything a clustering run needs; its JSON is the reproducible run spec (every default is
/// written out). Input: a feature dataset (features.bin + labels.meta [+ groups], CSV, NPY) or the
/// embeddings of a dataset by a trained FARE-family run (fromRun). Group labels are used for
/// evaluation only, never in training.
struct ClusteringConfig
{
    QString name;
    ClusteringMethod method = ClusteringMethod::TransformerFair;

    // Input.
    DatasetSpec dataset;  ///< the features, or (fromRun) the dataset to embed; empty = the run's
    QString fromRun;      ///< id (or unique prefix / name) of a finished FARE-family run
    QString fromRunStore; ///< store of that run; empty = the store this run is recorded in
    /// A TorchScript encoder file (.pt) that embeds the images of `dataset` (instead of fromRun).
    QString encoderScript;
    QString identity = QStringLiteral("label");        ///< attribute holding the true cluster label
    QStringList sensitive = {QStringLiteral("group")}; ///< evaluation groups; empty = none
    int views = 1; ///< fromRun: > 1 makes every source sample an identity of this many views
    qint64 sampleLimit = 0;                       ///< fromRun: source samples embedded (0 = all)
    QString sampleSplit = QStringLiteral("test"); ///< fromRun: train | val | test | all
    /// Makes one group under-represented: only this fraction of the identities whose members are
    /// mostly in group @c subsampleGroup (a group label) is kept, seeded.
    QString subsampleGroup;
    double subsampleFraction = 1.0;
    int groupBins = 4;     ///< bins for a continuous sensitive attribute
    int minGroupSize = 30; ///< smaller groups are reported but left out of the spread

    // Identity split: the model trains on train identities, thresholds are picked on val
    // identities, metrics are computed on test identities; the splits share no identity.
    double valFraction = 0.15;
    double testFraction = 0.35;

    /// Subtract the mean feature of the training identities before L2 normalisation. Embeddings
    /// of a network share a large common direction (every cosine ≈ 1 without this).
    bool centerFeatures = true;
    /// Inputs whose features exceed this many MiB keep the splits' centred, normalised copies
    /// in scratch files of the cache directory, memory-mapped, instead of in memory (0: never).
    int featureScratchMiB = 512;

    // kNN graph (docs/design/methods/clustering.md, "kNN graph").
    int k = 80;
    KnnIndex knn = KnnIndex::Exact;
    int knnMemoryMiB = 256;  ///< exact: block budget of the similarity products
    int hnswLinks = 32;      ///< hnsw: links per node (FAISS M)
    int hnswBuildDepth = 64; ///< hnsw: candidate list while building (efConstruction)
    int hnswSearchDepth = 0; ///< hnsw: candidate list while searching (efSearch), 0 = 2k
    int ivfCells = 0;        ///< ivf: k-means cells, 0 = 4·√rows
    int ivfProbes = 32;      ///< ivf: cells visited per query
    /// Approximate graphs: rows per split whose exact neighbours measure the recall (0 = none).
    int recallSample = 1000;
    /// Approximate graphs: the run fails when a split's measured recall@k is below this (0 = no
    /// floor). Checked as soon as the first split's graph exists, before any training.
    double minRecall = 0;

    // Model (transformer methods).
    int subClusters = 4;
    int layers = 2;
    int heads = 4;
    int width = 0; ///< 0 = D + k rounded up to a multiple of heads
    double dropout = 0.1;
    bool crossAttention = true;
    bool crossAttentionAll = false; ///< Cross-attention for every non-central sub-cluster
    bool purityLoss = true;
    double lambda = 0.5;
    PurityForm purityForm = PurityForm::UpperBound;

    // Inference.
    double edgeThreshold = 0.9;    ///< keep (a, n_j) when p_j (or cosine, knn-threshold) exceeds it
    double sharedThreshold = 0.65; ///< shared-neighbour ratio an edge needs
    bool tuneThresholds = true;    ///< pick both on the validation identities (never on test)

    int kmeansIterations = 30;

    // Training.
    int epochs = 10;
    int batchSize = 32;         ///< anchors per step
    qint64 anchorsPerEpoch = 0; ///< train anchors drawn per epoch (0 = all)
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    quint64 seed = 0;
    int threads = 0; ///< LibTorch threads, 0 = all cores
    /// auto | cpu | cuda[:N]: where the transformer trains and scores; the kNN graph, k-means and
    /// the metrics stay on the host (docs/design/gpu.md).
    QString device = QStringLiteral("auto");
    /// fp32 | bf16 | fp16: the transformer's training forward under autocast, the losses and
    /// the scoring in fp32 (docs/design/gpu.md). Reduced precision needs a CUDA device here:
    /// LibTorch 1.13's CPU autocast cannot run the transformer's layer norms in bf16.
    QString precision = QStringLiteral("fp32");
    int attentionAnchors = 6; ///< test anchors whose Cross-attention is stored each epoch

    /// The defaults of @p method (the plain transformer switches Cross-attention and purity off).
    static ClusteringConfig forMethod(ClusteringMethod method);
    QJsonObject toJson() const;
    /// Reads a config; missing keys keep the defaults of the method named in the JSON.
    static Expected<ClusteringConfig> fromJson(const QJsonObject &json);
    /// Checks values and names (not the data: the job checks k against the split sizes).
    Expected<Done> validate() const;
    /// The model width for @p featureDim: width, or D + k rounded up to a multiple of heads.
    int modelWidth(int featureDim) const;
};

} // namespace equiscope
