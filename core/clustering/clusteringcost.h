#pragma once

#include "clustering/clusteringconfig.h"
#include "families/runcostestimate.h"
#include "util/expected.h"

#include <atomic>

namespace equiscope {

/// What a clustering run will cost before it starts:
/// - "input": loading (or, from a run, embedding) the features — done here, so timed;
/// - "kNN graph": built here for up to @p knnBudgetSeconds; when it needs longer, the rate of
///   its first rows is scaled by the exact engine's cost (each split's rows squared);
/// - "train" (transformer methods): @p calibrationSteps steps timed once the graph is built, or
///   the anchors/s of the store's past runs like it; not estimated when neither is available;
/// - "inference and evaluation": not estimated.
Expected<RunCostEstimate> estimateClusteringCost(const ClusteringConfig &config,
                                                 const QString &storePath,
                                                 const std::atomic<bool> &cancel,
                                                 double knnBudgetSeconds = 5,
                                                 int calibrationSteps = 4);

} // namespace equiscope
