#pragma once
// Private (LibTorch) header: the tensor collectives of a data-parallel training step.

#include "distributed/dataparallelgroup.h"

#include <torch/torch.h>

#include <vector>

namespace equiscope {

/// Every rank's @p local rows (the same shape on every rank), concatenated by rank: the global
/// batch. Differentiable, for a loss every rank computes whole and identically on the gathered
/// rows: the gradient of the gathered tensor is then the same on every rank, so the backward
/// hands each rank the slice of its own rows without communicating; summing the parameter
/// gradients over ranks (allReduceGradients) then gives exactly the one-process gradient.
torch::Tensor allGatherRows(DataParallelGroup &group, const torch::Tensor &local);
/// The same for ranks holding different numbers of rows: @p rows[r] on rank r (every rank
/// passes the same list; this rank's entry is local.size(0)).
torch::Tensor allGatherRows(DataParallelGroup &group, const torch::Tensor &local,
                            const std::vector<int64_t> &rows);

/// A two-view batch: @p local holds [view 1 of this rank's rows; view 2 of the same rows];
/// the result is [view 1 of every rank's rows in rank order; view 2 of them], the order one
/// process that augments the whole batch has. @p rows[r] is rank r's row count (per view).
/// Differentiable as allGatherRows.
torch::Tensor allGatherTwoViews(DataParallelGroup &group, const torch::Tensor &local,
                                const std::vector<int64_t> &rows);

/// Every rank's row count when @p count items are split with shareOf().
std::vector<int64_t> sharesOf(int64_t count, int world);

/// Rank @p rank's share of @p count items split as evenly as possible over @p world ranks: the
/// half-open range [first, second). Every rank computes every rank's share the same way.
std::pair<int64_t, int64_t> shareOf(int64_t count, int rank, int world);

/// Sums @p sharded gradients over the ranks (parameters whose gradient each rank computed from
/// its own rows) and averages @p replicated ones (parameters every rank computed the whole
/// gradient of: equal up to rounding) in one flat all-reduce. Parameters without a gradient
/// (the step did not reach them, on any rank) keep none.
void allReduceGradients(DataParallelGroup &group, const std::vector<torch::Tensor> &sharded,
                        const std::vector<torch::Tensor> &replicated);

/// Overwrites @p tensors on every rank with rank 0's (one flat broadcast).
void broadcastTensors(DataParallelGroup &group, const std::vector<torch::Tensor> &tensors);

} // namespace equiscope
