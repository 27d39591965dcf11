#pragma once
// Private state of FairSslPipeline, shared by its implementation files (one per stage group).

#include "fairssl/fairsslpipeline.h"
#include "fairssl/metaweightnet_p.h"
#include "fairssl/torchscriptencoder_p.h"

#include "distributed/overlappedgradients_p.h"

#include "data/groupassignment.h"
#include "nn/batchaugmenter_p.h"
#include "nn/encoders_p.h"

#include <torch/torch.h>

#include <memory>
#include <unordered_map>

namespace equiscope {

class DataParallelGroup;

/// Independent reproducible random streams: a resumed stage or epoch draws what an uninterrupted
/// one would have drawn.
quint64 fairSslStream(quint64 seed, quint64 purpose, quint64 index = 0);
/// An error of the pipeline (not of an input file).
DataError fairSslError(const QString &detail);
torch::Tensor indexTensor(const std::vector<qint64> &samples);

/// Purposes of the random streams (fairSslStream's second argument).
enum StreamPurpose : quint64
{
    SeedDraw = 1,
    PoolDraw,
    ProbeDraw,
    TestDraw,
    LabelledDraw,
    EmbedInit,
    EmbedBatches,
    EmbedViews,
    TrainInit,
    TrainBatches,
    TrainViews,
    MetaBatches,
    KMeans,
};

struct FairSslPipeline::Private
{
    FairSslConfig config;
    Dataset dataset;
    torch::Device device{torch::kCPU};
    torch::ScalarType precision = torch::kFloat; ///< of the training forwards (config.precision)
    int classes = 0;
    QStringList classNames;
    std::vector<int> classOf; ///< per dataset sample: class index, −1 outside the target levels
    GroupAssignment groups;

    std::vector<qint64> evalTrain; ///< labelled train images for the classifier
    std::vector<qint64> evalTest;  ///< test images the results are measured on
    std::vector<qint64> seeds;     ///< seed set S
    std::vector<qint64> pool;      ///< unlabelled pool U (train split, never a seed or test)

    // embed
    std::unique_ptr<TorchScriptEncoder> script;
    ContrastiveModel embedModel{nullptr}; ///< the SimCLR encoder (built-in source)
    std::unique_ptr<torch::optim::Optimizer> embedOptimizer;
    std::vector<qint64> universe; ///< embedded samples: seeds, pool, evalTest (in that order)
    torch::Tensor embeddings;     ///< universe.size() × d, L2-normalised
    std::unordered_map<qint64, int64_t> rowOf; ///< sample → row of embeddings
    torch::Tensor classEmbeddings;             ///< zero-shot: C × d text embeddings

    // curation
    std::vector<qint64> keptSeeds, keptPool; ///< after dedup / leakage removal
    std::vector<qint64> curated;             ///< D after retrieval (seeds first)
    std::vector<qint64> trainSet;            ///< D after the quality filter

    // pseudo-labels (parallel to trainSet)
    std::vector<int> pseudoLabel;
    std::vector<float> confidence;
    std::vector<qint64> labelledExamples;
    std::vector<qint64> metaSet; ///< indices into trainSet

    // train
    ContrastiveModel model{nullptr}; ///< SupCon / CE model; the classifier reads its backbone
    torch::nn::Linear ceHead{nullptr};
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    MetaWeightNet weightNet{nullptr};
    std::unique_ptr<torch::optim::Adam> weightOptimizer;
    /// metaWeight.metaLoss cross-entropy: the linear head the meta loss reads, and its optimiser.
    torch::nn::Linear metaHead{nullptr};
    std::unique_ptr<torch::optim::Adam> metaHeadOptimizer;
    /// One step of metaHead on a batch's (detached) representation and its pseudo-labels.
    void trainMetaHead(const torch::Tensor &representation, const torch::Tensor &labels);
    bool trainReady = false;

    std::unique_ptr<BatchAugmenter> evaluator; ///< deterministic test-time view

    std::shared_ptr<DataParallelGroup> parallel; ///< set for a data-parallel run

    /// @p views augmented views of this rank's share of @p batch (all of it in one process),
    /// view after view, on the device; the random draws are the whole batch's on every rank.
    torch::Tensor trainingViews(BatchAugmenter &augmenter, const std::vector<qint64> &batch,
                                int views);
    /// Rows computed from trainingViews() gathered into the one-process order (unchanged in
    /// one process); differentiable back to this rank's rows.
    torch::Tensor gatherViews(const torch::Tensor &local, int64_t batchSize, int views);
    /// How a training stage's data-parallel steps reduce their gradients: those of
    /// @p sharded parameters (computed from this rank's rows) summed over the ranks, those of
    /// @p replicated ones (computed on the gathered batch) averaged, during the backward when
    /// overlapping (distributed/overlappedgradients_p.h); @p buffers (batch-norm statistics of
    /// the sharded part) set to rank 0's after it.
    struct StageReduction
    {
        std::vector<torch::Tensor> sharded, replicated, buffers;
        std::unique_ptr<OverlappedGradientReduction> overlapped;
    };
    StageReduction embedReduction, trainReduction;
    /// Before a step's backward (nothing in one process).
    void beginBackward(StageReduction &reduction);
    /// After it: every gradient reduced (nothing in one process).
    void endBackward(StageReduction &reduction);
    /// Whether this process records the run (one process, or rank 0).
    bool recordsRun() const;

    int imageChannels() const;
    torch::Tensor gatherImages(const std::vector<qint64> &samples) const;
    /// Embeddings of @p samples with the embed encoder: centred on @p centre when given, then
    /// L2-normalised. Chunked, no gradient.
    torch::Tensor embedSamples(const std::vector<qint64> &samples, const std::atomic<bool> &cancel,
                               const StageProgressFn &progress, const QString &stage);
    /// Backbone representation (frozen, test-time view) of @p samples with @p m.
    torch::Tensor represent(ContrastiveModel &m, const std::vector<qint64> &samples);
    torch::Tensor rowsOf(const std::vector<qint64> &samples) const;
    ContrastiveModel newModel(quint64 initSeed) const;
    /// The training stages' optimiser (config.optimizer) over @p params at rate @p lr.
    std::unique_ptr<torch::optim::Optimizer> newOptimizer(std::vector<torch::Tensor> params,
                                                          double lr) const;
    /// Trains-stage setup: model (from the embedding encoder or from scratch), optimisers,
    /// meta-weight net, meta set. Fails on an empty meta set.
    Expected<Done> prepareTraining();
    std::vector<std::pair<std::string, torch::Tensor>> lookAheadParameters() const;
    /// Cosine-decayed learning rate at @p step of @p total.
    static double cosineRate(double peak, qint64 step, qint64 total);

    Expected<FairSslEpochReport> embedEpoch(int epoch, const std::atomic<bool> &cancel,
                                            const StageProgressFn &progress);
    Expected<FairSslEpochReport> trainEpoch(int epoch, const std::atomic<bool> &cancel,
                                            const StageProgressFn &progress);
    Expected<StageResult> completeEmbed(const std::atomic<bool> &cancel,
                                        const StageProgressFn &progress);
    Expected<StageResult> completeDedup(const std::atomic<bool> &cancel);
    Expected<StageResult> completeRetrieve(const std::atomic<bool> &cancel);
    Expected<StageResult> completeQuality(const std::atomic<bool> &cancel);
    Expected<StageResult> completePseudoLabel();
    Expected<StageResult> completeTrain();
    Expected<Done> restoreEmbed(const QByteArray &outputs);
    Expected<Done> restoreTrain(const QByteArray &outputs);
    QJsonObject thumbnailItem(qint64 sample, qint64 partner, double score,
                              const QString &reason) const;
};

/// Shuffled batches of @p batch samples (the last partial batch is dropped; a set smaller than
/// one batch is one batch).
std::vector<std::vector<qint64>> fairSslBatches(const std::vector<qint64> &samples, int batch,
                                                quint64 seed);
/// Stage outputs without tensors: lists of indices and one float list, versioned binary.
QByteArray fairSslPackLists(const std::vector<std::vector<qint64>> &lists,
                            const std::vector<float> &floats = {});
bool fairSslUnpackLists(const QByteArray &bytes, std::vector<std::vector<qint64>> *lists,
                        std::vector<float> *floats);

/// The weight distribution per group: {"bins": B, "max": M, "groups": [{"label", "counts": [B],
/// "mean", "n"}], "mean", "std"} of weights in [0, M] (larger values count in the last bin).
QJsonObject weightHistogramJson(const std::vector<float> &weights, const std::vector<int> &groupOf,
                                const QStringList &groupLabels, int bins = 20,
                                double maxValue = 1.0);

} // namespace equiscope
