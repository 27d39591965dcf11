#pragma once

// Private state of ClusteringSession, shared by its implementation files.

#include "clustering/clusteringloss_p.h"
#include "clustering/clusteringmodel_p.h"
#include "clustering/clusteringsession.h"
#include "util/scratchmapping.h"

#include <torch/torch.h>

#include <memory>
#include <optional>

namespace equiscope {

/// One identity split: its rows, normalised features and kNN graph (local row numbers).
struct ClusteringSplit
{
    Split split = Split::Train;
    std::vector<qint64> rows;                ///< input rows of this split, ascending
    torch::Tensor features;                  ///< [n, D] L2-normalised, in memory or in scratch
    std::unique_ptr<ScratchMapping> scratch; ///< holds features when out of core
    torch::Tensor identity;                  ///< [n] int64
    KnnGraph graph;                          ///< local indices
    torch::Tensor neighbours;                ///< [n, k] int32 view of graph.neighbours
    std::optional<KnnRecall> recall;         ///< approximate graphs: measured on a sample of rows
    qint64 identities = 0;

    qint64 size() const { return qint64(rows.size()); }
};

struct ClusteringSession::Private
{
    ClusteringConfig config;
    ClusteringData data;
    ClusteringSplit train, val, test;
    bool graphsBuilt = false;
    bool featuresOutOfCore = false; ///< split features in scratch files (featureScratchMiB)
    int k = 0;

    torch::Device device{torch::kCPU}; ///< of the transformer; graphs and features on the host
    torch::ScalarType precision = torch::kFloat; ///< of the training forward (config.precision)
    ClusterTransformer model{nullptr};
    std::unique_ptr<torch::optim::AdamW> optimizer;
    qint64 stepsPerEpoch = 0;
    std::vector<qint64> attentionAnchors; ///< local test rows whose Cross-attention is stored
    std::shared_ptr<DataParallelGroup> parallel; ///< set for a data-parallel run

    ClusteringSplit &split(Split s)
    {
        return s == Split::Train ? train : s == Split::Val ? val : test;
    }
    /// Tokens [B, k, D + k] of @p anchors (local rows of @p s): [feature ; similarity row].
    torch::Tensor tokens(const ClusteringSplit &s, const torch::Tensor &anchors) const;
    /// Targets [B, k]: 1 where the neighbour has the anchor's identity.
    torch::Tensor targets(const ClusteringSplit &s, const torch::Tensor &anchors) const;
    /// The identities of the rows of @p s, in its order.
    std::vector<int64_t> truthOf(const ClusteringSplit &s) const;
    /// The clustering scores of @p predicted (labels in the order of @p s's rows): overall and per
    /// sensitive group, groups under minGroupSize listed but not judged.
    Expected<ClusteringReport> scoreSplit(const ClusteringSplit &s,
                                          const std::vector<int64_t> &predicted) const;
    /// The model's p_j for every anchor of @p s, rows × k (eval mode, no grad). Reports the rows
    /// scored after every chunk; empty when @p cancel became true.
    std::vector<float> probabilities(const ClusteringSplit &s, const std::atomic<bool> *cancel,
                                     const std::function<void(qint64 rows)> &scored = {});
    /// The edge scores inference thresholds: p_j (transformers) or cosine (knn-threshold).
    std::vector<float> edgeScores(ClusteringSplit &s, const std::atomic<bool> *cancel,
                                  const std::function<void(qint64 rows)> &scored = {});
    std::vector<int64_t> anchorOrder(int epoch) const;
    double learningRateAt(int epoch, qint64 step) const;
};

/// Mixes the run seed with a purpose and an epoch (reproducible, resumable random streams).
quint64 clusteringStreamSeed(quint64 seed, quint64 purpose, quint64 epoch);

} // namespace equiscope
