#pragma once

#include "data/dataset.h"
#include "fairssl/fairsslconfig.h"
#include "families/runcostestimate.h"
#include "util/expected.h"

#include <atomic>

namespace equiscope {

/// What a fair-SSL run will cost before it starts, stage by stage (FairSslPipeline::stages()):
/// - "embed" (SimCLR epochs over the seed set and the pool) and, for the supervised-CE
///   reference, "train": timed by @p calibrationSteps steps here, or from the store's past runs
///   of the same method, backbone and batch size;
/// - "train" after curation: its images are bounded by the seeds plus what retrieval can add
///   (seeds × retrieval.perSeed, at most the pool); its rate comes from past runs, or else from
///   the SimCLR rate measured here times the measured ratio of the two kinds of steps (0.8 for
///   meta-weighted training with the head+last-block look-ahead, 0.3 with the full one, 1 for
///   unweighted SupCon);
/// - curation stages and the classifier: one pass over the embeddings, not estimated.
Expected<RunCostEstimate> estimateFairSslCost(const FairSslConfig &config, const Dataset &dataset,
                                              const QString &storePath,
                                              const std::atomic<bool> &cancel,
                                              int calibrationSteps = 4);

} // namespace equiscope
