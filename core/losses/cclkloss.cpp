#include "losses/contrastiveloss_p.h"
#include "losses/weightednegatives_p.h"
#include "util/torchdevice_p.h"

#include <cmath>
#include <limits>

namespace equiscope {

namespace {

using namespace lossdetail;
using torch::Tensor;

// Kernel on standardised z (seen as z / bandwidth), in double: the solve is ill-conditioned
// enough (lambda = 0.01) that float would move the 1e-6 threshold around.
Tensor kernelMatrix(const LossConfig &c, const Tensor &zIn)
{
    const Tensor z = zIn.to(torch::kDouble) / c.bandwidth;
    switch (c.kernel) {
    case LossConfig::Kernel::Cosine: {
        const Tensor zn = torch::nn::functional::normalize(
            z, torch::nn::functional::NormalizeFuncOptions().dim(1).eps(1e-12));
        return zn.mm(zn.t());
    }
    case LossConfig::Kernel::Linear:
        return z.mm(z.t());
    case LossConfig::Kernel::Polynomial:
        return (z.mm(z.t()) + 1.0).pow(c.polynomialDegree);
    case LossConfig::Kernel::Rbf:
        return torch::exp(-0.5 * torch::cdist(z, z).pow(2));
    case LossConfig::Kernel::Laplacian:
        return torch::exp(-torch::cdist(z, z));
    }
    return {};
}

// W = (K_Z + lambda I)^-1 K_Z, diagonal zeroed, entries < 1e-6 set to 0 (no gradient).
Tensor finishWeights(Tensor W)
{
    W.fill_diagonal_(0.0);
    return W.masked_fill(W < 1e-6, 0.0);
}

Tensor referenceWeights(const LossConfig &c, const Tensor &z)
{
    torch::NoGradGuard noGrad;
    const Tensor K = kernelMatrix(c, z);
    const Tensor eye = torch::eye(K.size(0), K.options());
    return finishWeights(torch::linalg::solve(K + c.lambda * eye, K, true));
}

// Same W, cheaper. The cosine and linear kernels are Phi Phi^T with Phi of rank <= dz, where
// (Phi Phi^T + lambda I)^-1 Phi Phi^T = Phi (Phi^T Phi + lambda I)^-1 Phi^T (Woodbury): W stays
// in factored form V Phi^T with V = Phi (Phi^T Phi + lambda I)^-1 (the fused engine forms its
// entries tile by tile, O(b dz) memory). The others use a Cholesky factorisation:
// W = I - lambda (K + lambda I)^-1, dense. W is symmetric either way (K and (K + lambda I)^-1
// commute), which the fused engine relies on.
struct FastWeights
{
    Tensor V, Phi; ///< low rank, double
    Tensor dense;  ///< finished dense W, double
};

FastWeights fastWeights(const LossConfig &c, const Tensor &zIn)
{
    torch::NoGradGuard noGrad;
    const Tensor z = zIn.to(torch::kDouble) / c.bandwidth;
    FastWeights w;
    if (c.kernel == LossConfig::Kernel::Cosine) {
        w.Phi = torch::nn::functional::normalize(
            z, torch::nn::functional::NormalizeFuncOptions().dim(1).eps(1e-12));
    } else if (c.kernel == LossConfig::Kernel::Linear) {
        w.Phi = z;
    }
    if (w.Phi.defined()) {
        const Tensor small =
            w.Phi.t().mm(w.Phi) + c.lambda * torch::eye(w.Phi.size(1), w.Phi.options());
        w.V = torch::linalg::solve(small, w.Phi.t(), true).t().contiguous();
        return w;
    }
    const Tensor K = kernelMatrix(c, zIn);
    const int64_t b = K.size(0);
    const Tensor L = torch::linalg::cholesky(K + c.lambda * torch::eye(b, K.options()));
    Tensor W = torch::cholesky_inverse(L).mul_(-c.lambda);
    W.diagonal().add_(1.0);
    w.dense = finishWeights(W);
    return w;
}

class CclkLoss : public ContrastiveLoss
{
public:
    using ContrastiveLoss::ContrastiveLoss;

    LossOutput forwardFast(const LossInputs &in) override
    {
        const int64_t b = in.u1.size(0);
        const FastWeights W = fastWeights(m_config, in.z);
        NegativesProblem p;
        p.softmax = false;
        p.weightV = W.V;
        p.weightPhi = W.Phi;
        p.weights = W.dense;
        p.weightThreshold = 1e-6;
        p.maskDiagonal = true;
        p.tau = m_config.temperature;
        p.logC = b > 1 ? std::log(double(b - 1)) : -std::numeric_limits<double>::infinity();
        p.symmetric = true;
        SupportRound round;
        round.tiles = denseTiles(b, !cpuEnginesApply(in.u1));
        round.pairTiles = densePairTiles(b);
        p.rounds.push_back(std::move(round));
        LossOutput out;
        // No attention operands: empty placeholders (autograd functions reject undefined inputs).
        const Tensor none = torch::empty({0}, in.u1.options());
        out.loss = weightedNegativesLoss(p, in.u1, in.u2, none, none);
        return out;
    }

    LossOutput forwardReference(const LossInputs &in) override
    {
        const int64_t b = in.u1.size(0);
        const Tensor W = referenceWeights(m_config, in.z).to(in.u1.dtype());
        const Tensor S = in.u1.mm(in.u2.t()) / m_config.temperature;
        const Tensor Kxy = S.exp();
        const Tensor pos = Kxy.diagonal();
        const Tensor exy = Kxy.mm(W).diagonal();
        const Tensor eyx = Kxy.t().mm(W).diagonal();
        const double c = double(b - 1);
        const Tensor lxy = -torch::log(pos / (pos + c * exy)).mean();
        const Tensor lyx = -torch::log(pos / (pos + c * eyx)).mean();
        LossOutput out;
        out.loss = 0.5 * (lxy + lyx);
        return out;
    }
};

} // namespace

std::shared_ptr<ContrastiveLoss> lossdetail::makeCclkLoss(const LossConfig &config)
{
    return std::make_shared<CclkLoss>(config);
}

} // namespace equiscope
