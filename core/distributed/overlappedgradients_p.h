#pragma once
// Private (LibTorch) header: gradient all-reduce overlapping the backward.

#include "distributed/dataparallelgroup.h"

#include <torch/torch.h>

#include <c10/util/intrusive_ptr.h>

#include <memory>
#include <mutex>
#include <vector>

namespace c10d {
class Work;
}

namespace equiscope {

/// The gradient all-reduce of a data-parallel step, started while the backward still runs (as
/// PyTorch's DistributedDataParallel does): the parameters are packed into buckets of about
/// @p bucketFloats values in reverse order (the order a backward produces their gradients: head
/// and loss first, then the encoder from its last layer down); once a bucket's every gradient has
/// been accumulated (a post-hook on the parameter's gradient accumulator), its all-reduce starts on
/// Gloo's threads. finish() starts what is left (parameters the backward did not reach count as
/// zero), waits, and writes the results back. Sharded gradients (from this rank's rows) are
/// summed over the ranks, replicated ones (computed whole on every rank) averaged — the values
/// allReduceGradients() gives. Only a backward between arm() and finish() is reduced: the
/// look-ahead's torch::autograd::grad never reaches the accumulators.
class OverlappedGradientReduction
{
public:
    OverlappedGradientReduction(DataParallelGroup &group, std::vector<torch::Tensor> sharded,
                                std::vector<torch::Tensor> replicated,
                                int64_t bucketFloats = 32768);
    ~OverlappedGradientReduction();
    OverlappedGradientReduction(const OverlappedGradientReduction &) = delete;
    OverlappedGradientReduction &operator=(const OverlappedGradientReduction &) = delete;

    /// Call after zero_grad(), before the backward.
    void arm();
    /// Call after the backward: every bucket reduced and written back into .grad().
    void finish();
    int bucketCount() const { return int(m_buckets.size()); }
    /// Buckets of the last backward whose all-reduce started inside it (before finish()).
    int startedDuringBackward() const { return m_startedDuringBackward; }
    /// Buckets started since arm().
    int started() const { return int(m_next); }

private:
    struct Slot
    {
        torch::Tensor param;
        double scale = 1; ///< 1 (summed) or 1 / world size (averaged)
        int bucket = 0;
        int64_t offset = 0; ///< in the bucket's buffer
    };
    struct Bucket
    {
        std::vector<int> slots;
        int64_t size = 0;
        int ready = 0;
        torch::Tensor buffer;
        c10::intrusive_ptr<c10d::Work> work;
    };
    void gradientReady(int slot);
    void start(Bucket &bucket);

    DataParallelGroup &m_group;
    std::vector<Slot> m_slots;
    std::vector<Bucket> m_buckets;
    std::vector<std::pair<std::shared_ptr<torch::autograd::Node>, uintptr_t>> m_hooks;
    size_t m_next = 0; ///< the next bucket to start
    int m_startedDuringBackward = 0;
    bool m_armed = false;
    std::mutex m_mutex; ///< the hooks run on the thread the autograd engine picks
};

/// Whether data-parallel steps overlap their all-reduce with the backward: yes, unless
/// EQUISCOPE_DIST_OVERLAP=0 (one bucket after the backward; for comparing the two).
bool overlapGradientReduction();

} // namespace equiscope
