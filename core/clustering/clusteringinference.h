#pragma once

#include "clustering/knngraph.h"

#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace equiscope {

/// Disjoint sets over 0 … n−1 (union by size, path halving).
class UnionFind
{
public:
    explicit UnionFind(qint64 n);
    qint64 find(qint64 x);
    /// Joins the sets of @p a and @p b; false when they were already one.
    bool unite(qint64 a, qint64 b);
    /// Dense component labels 0, 1, … in order of each component's smallest member.
    std::vector<int64_t> labels();

private:
    std::vector<int64_t> m_parent;
    std::vector<int64_t> m_size;
};

/// One undirected edge kept after thresholding, with its shared-neighbour ratio.
struct GraphEdge
{
    int32_t u;
    int32_t v;
    float sharedRatio; ///< max(|N(u)∩N(v)| / |N(u)|, |N(u)∩N(v)| / |N(v)|), closed neighbourhoods
};

/// The undirected edges (a, n_j), j ≥ 1, of @p graph whose score (rows × k, e.g. the model's
/// p_j or the cosine) exceeds @p edgeThreshold, each once (u < v), with the shared-neighbour
/// ratio computed on the thresholded graph. N(u) is the closed neighbourhood (u and its kept
/// neighbours), so two samples linked only to each other have ratio 1.
std::vector<GraphEdge> thresholdedEdges(const KnnGraph &graph, const std::vector<float> &scores,
                                        double edgeThreshold);

/// Connected components (union–find) of the edges whose shared ratio exceeds
/// @p sharedThreshold (0 keeps every edge): the predicted cluster of every row, dense labels.
std::vector<int64_t> connectedComponents(qint64 rows, const std::vector<GraphEdge> &edges,
                                         double sharedThreshold);

/// thresholdedEdges() then connectedComponents().
std::vector<int64_t> clusterKnnGraph(const KnnGraph &graph, const std::vector<float> &scores,
                                     double edgeThreshold, double sharedThreshold);

/// The thresholds with the best pairwise F-score against @p truth over the grid. Ties (common
/// on small validation splits) take the middle of the tied grid entries (lower median; grids are
/// given in ascending order): the shared threshold per edge threshold, then the edge threshold.
/// Meant for a validation split: never pass the test labels.
/// Each edge threshold of the grid is one unit of @p progress; @p cancel is read before each
/// (a cancelled search returns cancelled = true and no choice).
struct ThresholdChoice
{
    double edgeThreshold = 0;
    double sharedThreshold = 0;
    double fScore = 0;
    bool cancelled = false;
};
ThresholdChoice chooseThresholds(const KnnGraph &graph, const std::vector<float> &scores,
                                 const std::vector<int64_t> &truth,
                                 const std::vector<double> &edgeGrid,
                                 const std::vector<double> &sharedGrid,
                                 const std::atomic<bool> *cancel = nullptr,
                                 const std::function<void(qint64, qint64)> &progress = {});

} // namespace equiscope
