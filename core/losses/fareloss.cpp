#include "losses/contrastiveloss_p.h"
#include "losses/weightednegatives_p.h"
#include "util/torchdevice_p.h"

#include <cmath>
#include <limits>

namespace equiscope {

namespace lossdetail {

double logNegativeScale(const LossConfig &config, int64_t b)
{
    if (config.negativeScale == LossConfig::NegativeScale::One)
        return 0.0;
    return b > 1 ? std::log(double(b - 1)) : -std::numeric_limits<double>::infinity();
}

torch::Tensor referenceWeightedLoss(const torch::Tensor &logP, const torch::Tensor &u1,
                                    const torch::Tensor &u2, double tau, double logC,
                                    bool symmetric, const torch::Tensor &empty)
{
    const torch::Tensor S = u1.mm(u2.t()) / tau;
    const torch::Tensor pos = S.diagonal();
    const auto minusInf = torch::full({}, -std::numeric_limits<double>::infinity(), S.options());
    auto direction = [&](const torch::Tensor &scores) {
        torch::Tensor logFare = torch::logsumexp(logP + scores, 1);
        if (empty.defined())
            logFare = torch::where(empty, minusInf, logFare);
        const torch::Tensor denom = torch::logaddexp(pos, logFare + logC);
        return (denom - pos).mean();
    };
    const torch::Tensor lxy = direction(S);
    if (!symmetric)
        return lxy;
    return 0.5 * (lxy + direction(S.t()));
}

double meanRowEntropy(const torch::Tensor &P)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor h = -torch::xlogy(P, P).sum(1);
    const torch::Tensor has = P.sum(1).gt(0.5);
    const int64_t n = has.sum().item<int64_t>();
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return h.masked_select(has).sum().item<double>() / double(n);
}

} // namespace lossdetail

namespace {

using namespace lossdetail;

// FAREContrast (docs/design/methods/fare.md, "FARE"): attention p = softmax(W_Q z . W_K z / rho)
// over the batch.
class FareLoss : public ContrastiveLoss
{
public:
    FareLoss(const LossConfig &config, int zDim) : ContrastiveLoss(config)
    {
        m_wq = register_parameter("W_Q", torch::eye(zDim));
        m_wk = register_parameter("W_K", torch::eye(zDim));
    }

    LossOutput forwardFast(const LossInputs &in) override
    {
        const torch::Tensor z = in.z.to(m_wq.dtype());
        const int64_t b = in.u1.size(0);
        NegativesProblem p;
        p.softmax = true;
        p.rho = m_config.attentionScale;
        p.maskDiagonal = m_config.diagonal == LossConfig::Diagonal::Mask;
        p.tau = m_config.temperature;
        p.logC = logNegativeScale(m_config, b);
        p.symmetric = m_config.symmetric;
        SupportRound round;
        round.tiles = denseTiles(b, !cpuEnginesApply(in.u1));
        round.pairTiles = densePairTiles(b);
        p.rounds.push_back(std::move(round));
        LossOutput out;
        out.loss = weightedNegativesLoss(p, in.u1, in.u2, z.mm(m_wq.t()), z.mm(m_wk.t()));
        out.attentionEntropy = p.entropy;
        out.emptySupportRows = p.emptyRows;
        return out;
    }

    LossOutput forwardReference(const LossInputs &in) override
    {
        const int64_t b = in.u1.size(0);
        const torch::Tensor logits = attentionLogits(in.z);
        const torch::Tensor logP = torch::log_softmax(logits, 1);
        LossOutput out;
        out.loss = referenceWeightedLoss(logP, in.u1, in.u2, m_config.temperature,
                                         logNegativeScale(m_config, b), m_config.symmetric, {});
        out.attentionEntropy = meanRowEntropy(logP.exp());
        return out;
    }

    torch::Tensor attentionMatrix(const torch::Tensor &z) override
    {
        torch::NoGradGuard noGrad;
        return torch::softmax(attentionLogits(z), 1);
    }

private:
    torch::Tensor attentionLogits(const torch::Tensor &zIn)
    {
        const torch::Tensor z = zIn.to(m_wq.dtype());
        torch::Tensor logits = z.mm(m_wq.t()).mm(z.mm(m_wk.t()).t()) / m_config.attentionScale;
        if (m_config.diagonal == LossConfig::Diagonal::Mask) {
            const auto eye = torch::eye(z.size(0), z.options().dtype(torch::kBool));
            logits = logits.masked_fill(eye, -std::numeric_limits<double>::infinity());
        }
        return logits;
    }

    torch::Tensor m_wq, m_wk;
};

} // namespace

std::shared_ptr<ContrastiveLoss> lossdetail::makeFareLoss(const LossConfig &config, int zDim)
{
    return std::make_shared<FareLoss>(config, zDim);
}

} // namespace equiscope
