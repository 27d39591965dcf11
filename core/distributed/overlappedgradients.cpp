#include "distributed/overlappedgradients_p.h"

#include "distributed/dataparallelgroup_p.h"

#include <QString>

#include <torch/csrc/autograd/function_hook.h>
#include <torch/csrc/autograd/variable.h>

namespace equiscope {

namespace {

/// Calls back once the accumulator has added this backward's gradient into .grad().
class AccumulatedHook : public torch::autograd::FunctionPostHook
{
public:
    explicit AccumulatedHook(std::function<void()> ready) : m_ready(std::move(ready)) {}
    torch::autograd::variable_list operator()(const torch::autograd::variable_list &outputs,
                                              const torch::autograd::variable_list &) override
    {
        m_ready();
        return outputs;
    }

private:
    std::function<void()> m_ready;
};

} // namespace

OverlappedGradientReduction::OverlappedGradientReduction(DataParallelGroup &group,
                                                         std::vector<torch::Tensor> sharded,
                                                         std::vector<torch::Tensor> replicated,
                                                         int64_t bucketFloats)
    : m_group(group)
{
    const double average = 1.0 / double(group.worldSize());
    // Registration order is roughly the forward's; the backward runs it in reverse.
    for (auto &t : sharded)
        m_slots.push_back(Slot{t, 1.0});
    for (auto &t : replicated)
        m_slots.push_back(Slot{t, average});
    for (int i = int(m_slots.size()) - 1; i >= 0; --i) {
        Slot &s = m_slots[size_t(i)];
        if (m_buckets.empty() || m_buckets.back().size >= bucketFloats)
            m_buckets.emplace_back();
        Bucket &b = m_buckets.back();
        s.bucket = int(m_buckets.size()) - 1;
        s.offset = b.size;
        b.slots.push_back(i);
        b.size += s.param.numel();
    }
    for (size_t i = 0; i < m_slots.size(); ++i) {
        auto accumulator = torch::autograd::impl::grad_accumulator(m_slots[i].param);
        if (!accumulator)
            continue; // not a leaf that requires a gradient: finish() counts it as zero
        const uintptr_t key = accumulator->add_post_hook(
            std::make_unique<AccumulatedHook>([this, i] { gradientReady(int(i)); }));
        m_hooks.emplace_back(std::move(accumulator), key);
    }
}

OverlappedGradientReduction::~OverlappedGradientReduction()
{
    for (auto &[node, key] : m_hooks)
        node->del_post_hook(key);
}

void OverlappedGradientReduction::arm()
{
    for (Bucket &b : m_buckets) {
        b.ready = 0;
        b.work.reset();
    }
    m_next = 0;
    m_startedDuringBackward = 0;
    m_armed = true;
}

void OverlappedGradientReduction::gradientReady(int slot)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_armed)
        return;
    ++m_buckets[size_t(m_slots[size_t(slot)].bucket)].ready;
    // Collectives must be issued in the same order on every rank: buckets start in their
    // order, each once it and every bucket before it are complete.
    while (m_next < m_buckets.size() &&
           m_buckets[m_next].ready == int(m_buckets[m_next].slots.size()))
        start(m_buckets[m_next++]);
}

void OverlappedGradientReduction::start(Bucket &b)
{
    torch::NoGradGuard noGrad;
    b.buffer = torch::zeros({b.size}, torch::kFloat);
    for (int i : b.slots) {
        const Slot &s = m_slots[size_t(i)];
        const auto &g = s.param.grad();
        if (g.defined())
            b.buffer.narrow(0, s.offset, s.param.numel())
                .copy_((s.scale == 1.0 ? g : g * s.scale).reshape({-1}).to(torch::kCPU));
    }
    std::vector<at::Tensor> tensors{b.buffer};
    auto &p = m_group.impl();
    b.work = p.launch("gradient all-reduce", [&] { return p.group->allreduce(tensors); });
}

void OverlappedGradientReduction::finish()
{
    // Buckets whose parameters the backward did not all reach start now, in the same order on
    // every rank (every rank runs the same graph).
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_startedDuringBackward = int(m_next);
    for (; m_next < m_buckets.size(); ++m_next)
        start(m_buckets[m_next]);
    m_armed = false;
    auto &p = m_group.impl();
    torch::NoGradGuard noGrad;
    for (Bucket &b : m_buckets) {
        p.finish("gradient all-reduce", b.work);
        for (int i : b.slots) {
            Slot &s = m_slots[size_t(i)];
            // Parameters without a gradient keep none (allReduceGradients says why).
            if (s.param.grad().defined())
                s.param.mutable_grad().copy_(b.buffer.narrow(0, s.offset, s.param.numel())
                                                 .view(s.param.sizes())
                                                 .to(s.param.device()));
        }
        b.work.reset();
    }
}

bool overlapGradientReduction()
{
    return qEnvironmentVariable("EQUISCOPE_DIST_OVERLAP") != QLatin1String("0");
}

} // namespace equiscope
