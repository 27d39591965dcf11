#include "distributed/dataparallelops_p.h"

#include "distributed/dataparallelgroup_p.h"

namespace equiscope {

namespace {

/// The autograd node of allGatherRows: forward concatenates every rank's rows; backward keeps
/// this rank's slice of the (replicated) gradient.
struct AllGatherRowsFunction : public torch::autograd::Function<AllGatherRowsFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, torch::Tensor local,
                                 int64_t groupAddress)
    {
        auto &group = *reinterpret_cast<DataParallelGroup *>(groupAddress);
        auto &p = group.impl();
        const auto contiguous = local.detach().contiguous();
        std::vector<std::vector<at::Tensor>> outputs(1);
        for (int r = 0; r < group.worldSize(); ++r)
            outputs[0].push_back(torch::empty_like(contiguous));
        std::vector<at::Tensor> inputs{contiguous};
        p.wait("all-gather", [&] { return p.group->allgather(outputs, inputs); });
        ctx->saved_data["rank"] = int64_t(group.rank());
        ctx->saved_data["rows"] = local.size(0);
        return torch::cat(outputs[0]);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const int64_t rank = ctx->saved_data["rank"].toInt();
        const int64_t rows = ctx->saved_data["rows"].toInt();
        return {grads[0].narrow(0, rank * rows, rows), torch::Tensor()};
    }
};

std::vector<torch::Tensor> gradientsOf(const std::vector<torch::Tensor> &params)
{
    std::vector<torch::Tensor> grads;
    for (const auto &p : params)
        grads.push_back(p.grad().defined() ? p.grad().reshape({-1})
                                           : torch::zeros({p.numel()}, p.options()));
    return grads;
}

} // namespace

torch::Tensor allGatherRows(DataParallelGroup &group, const torch::Tensor &local)
{
    // Gloo gathers host memory; a device tensor travels through a host copy (a GPU cluster
    // would use NCCL instead: docs/design/distributed.md).
    const auto host = local.device().is_cpu() ? local : local.to(torch::kCPU);
    auto gathered = AllGatherRowsFunction::apply(host, int64_t(reinterpret_cast<intptr_t>(&group)));
    return gathered.to(local.device());
}

void allReduceGradients(DataParallelGroup &group, const std::vector<torch::Tensor> &sharded,
                        const std::vector<torch::Tensor> &replicated)
{
    torch::NoGradGuard noGrad;
    auto parts = gradientsOf(sharded);
    for (auto &g : gradientsOf(replicated))
        parts.push_back(g / double(group.worldSize()));
    if (parts.empty())
        return;
    // One bucket: a single all-reduce per step costs one round of latency, not one per tensor.
    std::vector<at::Tensor> flat{torch::cat(parts).to(torch::kCPU).contiguous()};
    auto &p = group.impl();
    p.wait("gradient all-reduce", [&] { return p.group->allreduce(flat); });
    int64_t offset = 0;
    auto scatter = [&](const std::vector<torch::Tensor> &params) {
        for (const auto &param : params) {
            const int64_t n = param.numel();
            auto slice = flat[0].narrow(0, offset, n).view(param.sizes()).to(param.device());
            if (param.grad().defined())
                param.mutable_grad().copy_(slice);
            else
                param.mutable_grad() = slice.clone();
            offset += n;
        }
    };
    scatter(sharded);
    scatter(replicated);
}

void broadcastTensors(DataParallelGroup &group, const std::vector<torch::Tensor> &tensors)
{
    torch::NoGradGuard noGrad;
    if (tensors.empty())
        return;
    std::vector<torch::Tensor> parts;
    for (const auto &t : tensors)
        parts.push_back(t.detach().reshape({-1}).to(torch::kCPU, torch::kFloat));
    std::vector<at::Tensor> flat{torch::cat(parts).contiguous()};
    auto &p = group.impl();
    p.wait("broadcast", [&] { return p.group->broadcast(flat); });
    int64_t offset = 0;
    for (const auto &t : tensors) {
        const int64_t n = t.numel();
        t.detach().copy_(flat[0].narrow(0, offset, n).view(t.sizes()));
        offset += n;
    }
}

} // namespace equiscope
