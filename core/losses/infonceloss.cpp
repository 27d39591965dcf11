#include "losses/contrastiveloss_p.h"
#include "losses/fusedsupport_p.h"
#include "losses/weightednegatives_p.h"
#include "util/torchdevice_p.h"

#include <ATen/Parallel.h>

#include <limits>

namespace equiscope {

namespace {

using namespace lossdetail;
using torch::Tensor;

struct NtXentResult
{
    Tensor loss, dU;
};

// NT-Xent over U = [u1; u2] (n = 2b rows): loss_i = lse_{j != i} Sim_ij - Sim_{i, i+b mod n}.
// The safe path (inputs outside the fused path's bound, see ntxentfused.cpp): row blocks of
// Sim = U U^T / tau are computed, shifted by their row maxima, reduced and turned into their
// gradient while they are in cache; dU = (dSim + dSim^T) U / tau is accumulated per thread.
// On any other device (or forced) the same blocks run one after another on the caller: the
// device-generic path, one block of Sim in memory at a time.
NtXentResult evaluateNtXentSafe(const Tensor &U, double tau, bool needGrad)
{
    const bool onThreads = cpuEnginesApply(U);
    const auto longOpts = U.options().dtype(torch::kLong);
    const int64_t n = U.size(0), b = n / 2;
    const double invTau = 1.0 / tau;
    const int64_t rowsPerBlock = denseBlockRows(n, !onThreads);
    const int64_t nBlocks = (n + rowsPerBlock - 1) / rowsPerBlock;
    // Mixed precision: Sim's products in the reduced type, the rest in U's (docs/design/gpu.md).
    const torch::ScalarType products = productType();
    const Tensor Up = products != torch::ScalarType::Undefined && products != U.scalar_type()
                          ? U.to(products)
                          : Tensor();
    const int nThreads = onThreads ? at::get_num_threads() : 1;
    std::vector<Tensor> acc(static_cast<size_t>(nThreads));
    for (auto &a : acc)
        a = needGrad ? torch::zeros_like(U) : Tensor();
    Tensor lossRows = torch::empty({n}, U.options());
    auto walk = [&](int64_t begin, int64_t end, int tid) {
        c10::AutoGradMode noGrad(false); // thread-local: the caller's mode does not carry over
        Tensor &dU = acc[size_t(tid)];
        Tensor bufSim = torch::empty({rowsPerBlock * n}, U.options());
        Tensor bufT = torch::empty({rowsPerBlock * n}, U.options());
        for (int64_t blk = begin; blk < end; ++blk) {
            const int64_t r0 = blk * rowsPerBlock, nr = std::min(rowsPerBlock, n - r0);
            Tensor Sim = bufSim.narrow(0, 0, nr * n).view({nr, n});
            Tensor T = bufT.narrow(0, 0, nr * n).view({nr, n});
            const Tensor Ur = U.narrow(0, r0, nr);
            if (Up.defined())
                Sim.copy_(torch::mm(Up.narrow(0, r0, nr), Up.t())).mul_(invTau);
            else
                at::addmm_out(Sim, Sim, Ur, U.t(), 0.0, invTau);
            Sim.diagonal(r0).fill_(kMasked);
            const Tensor posIdx =
                (torch::arange(r0, r0 + nr, longOpts) + b).remainder(n).unsqueeze(1);
            const Tensor pos = Sim.gather(1, posIdx).squeeze(1);
            const Tensor m = std::get<0>(Sim.max(1, true));
            at::sub_out(T, Sim, m);
            T.exp_();
            const Tensor sum = T.sum(1);
            lossRows.narrow(0, r0, nr).copy_(m.squeeze(1) + sum.log() - pos);
            if (!needGrad)
                continue;
            // dSim = (softmax - onehot(pos)) / n
            T.mul_((1.0 / double(n)) / sum.unsqueeze(1));
            T.scatter_add_(1, posIdx, torch::full({nr, 1}, -1.0 / double(n), U.options()));
            dU.narrow(0, r0, nr).addmm_(T, U, 1.0, invTau);
            dU.addmm_(T.t(), Ur, 1.0, invTau);
        }
    };
    if (onThreads) {
        at::parallel_for(0, nBlocks, 1, [&](int64_t begin, int64_t end) {
            singleThreadedBlasInThisWorker();
            walk(begin, end, at::get_thread_num());
        });
    } else {
        walk(0, nBlocks, 0);
    }
    NtXentResult r;
    r.loss = lossRows.mean();
    if (needGrad) {
        r.dU = acc[0];
        for (size_t t = 1; t < acc.size(); ++t)
            r.dU += acc[t];
    }
    return r;
}

NtXentResult evaluateNtXent(const Tensor &U, double tau, bool needGrad)
{
    NtXentResult r;
    const bool fused = cpuEnginesApply(U) && ntXentFused(U, tau, needGrad, r.loss, r.dU);
    noteFusedPath(fused);
    return fused ? r : evaluateNtXentSafe(U, tau, needGrad);
}

class NtXentFunction : public torch::autograd::Function<NtXentFunction>
{
public:
    static Tensor forward(torch::autograd::AutogradContext *ctx, const Tensor &u1, const Tensor &u2,
                          double tau)
    {
        const int64_t b = u1.size(0);
        NtXentResult r = evaluateNtXent(torch::cat({u1, u2}).contiguous(), tau, true);
        ctx->saved_data["du1"] = r.dU.narrow(0, 0, b);
        ctx->saved_data["du2"] = r.dU.narrow(0, b, b);
        return r.loss;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list gradOut)
    {
        return {takeScaled(ctx, "du1", gradOut[0]), takeScaled(ctx, "du2", gradOut[0]), Tensor()};
    }
};

class InfoNceLoss : public ContrastiveLoss
{
public:
    using ContrastiveLoss::ContrastiveLoss;

    LossOutput forwardFast(const LossInputs &in) override
    {
        LossOutput out;
        out.loss = infoNceFast(in.u1, in.u2, m_config.temperature);
        return out;
    }

    LossOutput forwardReference(const LossInputs &in) override
    {
        LossOutput out;
        out.loss = infoNceReference(in.u1, in.u2, m_config.temperature);
        return out;
    }
};

} // namespace

namespace lossdetail {

Tensor infoNceFast(const Tensor &u1, const Tensor &u2, double tau)
{
    const bool needGrad =
        torch::GradMode::is_enabled() && (u1.requires_grad() || u2.requires_grad());
    if (!needGrad) {
        torch::NoGradGuard noGrad;
        return evaluateNtXent(torch::cat({u1, u2}).contiguous(), tau, false).loss;
    }
    return NtXentFunction::apply(u1, u2, tau);
}

Tensor infoNceReference(const Tensor &u1, const Tensor &u2, double tau)
{
    const int64_t b = u1.size(0);
    const Tensor U = torch::cat({u1, u2});
    Tensor sim = U.mm(U.t()) / tau;
    sim = sim.masked_fill(torch::eye(2 * b, U.options().dtype(torch::kBool)),
                          -std::numeric_limits<double>::infinity());
    const Tensor labels =
        (torch::arange(2 * b, U.options().dtype(torch::kLong)) + b).remainder(2 * b);
    return torch::nn::functional::cross_entropy(sim, labels);
}

std::shared_ptr<ContrastiveLoss> makeInfoNceLoss(const LossConfig &config)
{
    return std::make_shared<InfoNceLoss>(config);
}

} // namespace lossdetail

} // namespace equiscope
