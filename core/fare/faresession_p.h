#pragma once

#include <functional>
// Private state of FareSession, shared by its implementation files.

#include "distributed/overlappedgradients_p.h"
#include "fare/faresession.h"
#include "losses/contrastiveloss_p.h"
#include "nn/batchaugmenter_p.h"
#include "nn/encoders_p.h"
#include "nn/larsoptimizer_p.h"

#include "data/groupassignment.h"

#include <torch/torch.h>

namespace equiscope {

struct FareSession::Private
{
    FareConfig config;
    Dataset dataset;
    torch::Device device{torch::kCPU};
    torch::ScalarType precision = torch::kFloat; ///< training compute type (config.precision)

    std::vector<qint64> trainSamples; ///< used for contrastive training
    std::vector<qint64> probeTrain;   ///< used to fit the linear probes
    std::vector<qint64> testSamples;
    std::vector<qint64> probeBatch; ///< fixed attention probe batch, sorted by z

    torch::Tensor zStandardized; ///< N×dz float (all samples), standardised on train
    torch::Tensor zRaw;          ///< N×dz raw values (for bias regression)
    bool zContinuous = false;    ///< any raw (continuous/vector) sensitive column
    torch::Tensor fairBins;      ///< N int64: k-means bin of z (Fair-InfoNCE)
    GroupAssignment groups;      ///< metric groups of the sensitive attributes

    ContrastiveModel model{nullptr};
    std::shared_ptr<ContrastiveLoss> loss;
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    std::unique_ptr<LarsOptimizer> lars;
    std::unique_ptr<BatchAugmenter> augmenter;
    qint64 stepsPerEpoch = 0;
    std::shared_ptr<DataParallelGroup> parallel; ///< set for a data-parallel run
    /// The gradient all-reduce overlapping the backward (null: one bucket after it).
    std::unique_ptr<OverlappedGradientReduction> reduction;

    /// The two views of @p batch, this rank's rows only in a data-parallel run ((2·b/N)×…).
    torch::Tensor trainingViews(const std::vector<qint64> &batch);
    /// Backbone representations of both views of the whole batch, in one-process order: in a
    /// data-parallel run this rank's rows are encoded here and the others' gathered.
    torch::Tensor globalRepresentation(const torch::Tensor &views, int64_t batchSize);
    /// Sums / averages the gradients over the ranks (nothing in a one-process run).
    void reduceGradients();
    /// Before the backward of a data-parallel step: lets its all-reduce start during it.
    void armGradients();

    /// Batches of sample indices for one epoch: a pure function of (seed, epoch).
    std::vector<std::vector<qint64>> epochBatches(int epoch) const;
    /// uint8 b×H×W×C images of @p samples, gathered from the memory-mapped cache.
    torch::Tensor gatherImages(const std::vector<qint64> &samples) const;
    torch::Tensor gatherFeatures(const std::vector<qint64> &samples) const;
    torch::Tensor rows(const torch::Tensor &table, const std::vector<qint64> &samples) const;
    /// Backbone representations, frozen, test-time view. @p chunkDone hears the fraction of
    /// @p samples done after each chunk of 1,024; when it returns false the pass stops and the
    /// result is an undefined tensor (cancelled).
    torch::Tensor represent(const std::vector<qint64> &samples,
                            const std::function<bool(double)> &chunkDone = {});
    double learningRateAt(int epoch, qint64 step) const;
    void setLearningRate(double lr);
    std::vector<torch::Tensor> trainableParameters() const;
};

} // namespace equiscope
