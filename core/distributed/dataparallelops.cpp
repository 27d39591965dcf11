#include "distributed/dataparallelops_p.h"

#include "distributed/dataparallelgroup_p.h"

#include <algorithm>
#include <stdexcept>

namespace equiscope {

namespace {

/// The autograd node of allGatherRows: forward concatenates every rank's rows; backward keeps
/// this rank's slice of the (replicated) gradient.
struct AllGatherRowsFunction : public torch::autograd::Function<AllGatherRowsFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, torch::Tensor local,
                                 int64_t groupAddress, std::vector<int64_t> rows)
    {
        auto &group = *reinterpret_cast<DataParallelGroup *>(groupAddress);
        auto &p = group.impl();
        // Gloo gathers equal shapes: every rank's rows padded to the largest share.
        const int64_t most = *std::max_element(rows.begin(), rows.end());
        auto padded = local.detach().contiguous();
        if (padded.size(0) < most) {
            auto shape = padded.sizes().vec();
            shape[0] = most - padded.size(0);
            padded = torch::cat({padded, torch::zeros(shape, padded.options())});
        }
        std::vector<std::vector<at::Tensor>> outputs(1);
        for (int r = 0; r < group.worldSize(); ++r)
            outputs[0].push_back(torch::empty_like(padded));
        std::vector<at::Tensor> inputs{padded};
        p.wait("all-gather", [&] { return p.group->allgather(outputs, inputs); });
        std::vector<torch::Tensor> parts;
        int64_t offset = 0;
        for (int r = 0; r < group.worldSize(); ++r) {
            parts.push_back(outputs[0][size_t(r)].narrow(0, 0, rows[size_t(r)]));
            if (r < group.rank())
                offset += rows[size_t(r)];
        }
        ctx->saved_data["offset"] = offset;
        ctx->saved_data["rows"] = local.size(0);
        return torch::cat(parts);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const int64_t offset = ctx->saved_data["offset"].toInt();
        const int64_t rows = ctx->saved_data["rows"].toInt();
        return {grads[0].narrow(0, offset, rows), torch::Tensor(), torch::Tensor()};
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
    return allGatherRows(group, local,
                         std::vector<int64_t>(size_t(group.worldSize()), local.size(0)));
}

torch::Tensor allGatherRows(DataParallelGroup &group, const torch::Tensor &local,
                            const std::vector<int64_t> &rows)
{
    if (rows.size() != size_t(group.worldSize()) || rows[size_t(group.rank())] != local.size(0))
        throw std::invalid_argument("allGatherRows: the row counts do not match the ranks");
    // Gloo gathers host memory; a device tensor travels through a host copy (a GPU cluster
    // would use NCCL instead: docs/design/distributed.md).
    const auto host = local.device().is_cpu() ? local : local.to(torch::kCPU);
    auto gathered =
        AllGatherRowsFunction::apply(host, int64_t(reinterpret_cast<intptr_t>(&group)), rows);
    return gathered.to(local.device());
}

std::pair<int64_t, int64_t> shareOf(int64_t count, int rank, int world)
{
    return {count * rank / world, count * (rank + 1) / world};
}

std::vector<int64_t> sharesOf(int64_t count, int world)
{
    std::vector<int64_t> rows;
    for (int r = 0; r < world; ++r) {
        const auto [first, last] = shareOf(count, r, world);
        rows.push_back(last - first);
    }
    return rows;
}

torch::Tensor allGatherTwoViews(DataParallelGroup &group, const torch::Tensor &local,
                                const std::vector<int64_t> &rows)
{
    std::vector<int64_t> viewRows;
    for (int64_t n : rows)
        viewRows.push_back(2 * n);
    const auto gathered = allGatherRows(group, local, viewRows);
    // Gathered by rank: [view 1 of rank 0's rows, view 2 of rank 0's rows, view 1 of rank 1's,
    // …]; the one-process order is every view 1 row, then every view 2 row.
    std::vector<int64_t> order;
    for (int64_t view = 0; view < 2; ++view) {
        int64_t start = 0;
        for (int64_t n : rows) {
            for (int64_t i = 0; i < n; ++i)
                order.push_back(start + view * n + i);
            start += 2 * n;
        }
    }
    return gathered.index_select(
        0, torch::tensor(order, torch::TensorOptions().dtype(torch::kLong).device(local.device())));
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
            // A parameter the step did not reach (the projection head of a cross-entropy step)
            // has no gradient on any rank — every rank runs the same graph — and keeps none:
            // optimisers skip it as in one process (a zero gradient would let Adam's weight
            // decay move it).
            if (param.grad().defined())
                param.mutable_grad().copy_(slice);
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
