#include "losses/contrastiveloss_p.h"
#include "losses/weightednegatives_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <limits>

namespace equiscope {

namespace {

using namespace lossdetail;
using torch::Tensor;

// The support is bookkeeping of the host (see buildSupport).
const auto hostLong = torch::TensorOptions().dtype(torch::kLong).device(torch::kCPU);

// Angular LSH of docs/design/methods/fare.md (Reformer): centre z, h = argmax([zR, -zR]) with R ~
// N(0,1) of dz x n_b/2, seeded per round so the buckets of a batch are reproducible. Returns int64
// b.
Tensor hashBuckets(const Tensor &z, int64_t nBuckets, uint64_t seed)
{
    const int64_t b = z.size(0);
    if (nBuckets < 2)
        return torch::zeros({b}, hostLong);
    const Tensor zc = z.to(torch::kDouble) - z.to(torch::kDouble).mean(0, true);
    at::Generator gen = at::detail::createCPUGenerator(seed);
    const Tensor R = torch::randn({z.size(1), nBuckets / 2}, gen, zc.options());
    const Tensor proj = zc.mm(R);
    return torch::cat({proj, -proj}, 1).argmax(1);
}

// Supports of all rounds: the permutation that sorts by bucket, the tiles and the keys that say
// which pairs each round contains (chunk ids for `adjacent`, bucket ids for `intra`). The
// buckets are hashed on the host (b x dz, cheap, and the tiles are host-side bookkeeping); the
// permutation and keys are handed back on z's device, where the engine indexes with them.
std::vector<SupportRound> buildSupport(const LossConfig &config, const Tensor &zIn)
{
    const Tensor z = zIn.detach().to(torch::kCPU);
    const int64_t b = z.size(0);
    const int64_t bs = std::max(1, config.bucketSize);
    const int64_t nBuckets = std::max<int64_t>(1, b / bs);
    std::vector<SupportRound> rounds;
    const Tensor index = torch::arange(b, hostLong);
    for (int r = 0; r < config.hashRounds; ++r) {
        const Tensor h = hashBuckets(z, nBuckets, config.hashSeed + uint64_t(r));
        // Stable order by (bucket, sample): the keys are unique, so any sort is stable.
        const Tensor perm = std::get<1>((h * b + index).sort());
        SupportRound round;
        round.perm = perm;
        round.keys = torch::empty({b}, hostLong);
        if (config.support == LossConfig::Support::Adjacent) {
            // Chunks of bs in sorted order; chunk c attends to chunks c and c-1 (no wrap-around).
            round.keys.index_copy_(0, perm, torch::arange(b, hostLong).div(bs, "floor"));
            for (int64_t c0 = 0; c0 < b; c0 += bs) {
                const int64_t nr = std::min(bs, b - c0);
                const int64_t start = std::max<int64_t>(0, c0 - bs);
                round.tiles.push_back({c0, nr, start, c0 + nr - start});
                // One product per chunk c: its pairs with chunk c-1 serve x only, with c both,
                // with c+1 y only (row j of the y direction attends to the chunk before its own).
                const int64_t end = std::min(b, c0 + nr + bs);
                round.pairTiles.push_back(
                    {c0, nr, start, end - start, c0 + nr - start, c0 - start});
            }
        } else {
            round.keys = h;
            const Tensor counts = torch::bincount(h, {}, 2 * (nBuckets / 2) + 1);
            const auto *cnt = counts.data_ptr<int64_t>();
            int64_t start = 0;
            for (int64_t k = 0; k < counts.size(0); ++k) {
                const int64_t n = cnt[k];
                // Rows of a large bucket are split so a tile stays bs x n.
                for (int64_t r0 = 0; r0 < n; r0 += bs) {
                    round.tiles.push_back({start + r0, std::min(bs, n - r0), start, n});
                    round.pairTiles.push_back({start + r0, std::min(bs, n - r0), start, n});
                }
                start += n;
            }
        }
        round.perm = round.perm.to(zIn.device());
        round.keys = round.keys.to(zIn.device());
        rounds.push_back(std::move(round));
    }
    return rounds;
}

// Dense b x b support (bool), the union over rounds, diagonal excluded. Reference only.
Tensor denseSupport(const LossConfig &config, const std::vector<SupportRound> &rounds, int64_t b)
{
    const auto boolOpts = rounds.front().keys.options().dtype(torch::kBool);
    Tensor support = torch::zeros({b, b}, boolOpts);
    for (const auto &round : rounds) {
        const Tensor ki = round.keys.unsqueeze(1), kj = round.keys.unsqueeze(0);
        Tensor in = kj.eq(ki);
        if (config.support == LossConfig::Support::Adjacent)
            in = in.logical_or(kj.eq(ki - 1));
        support = support.logical_or(in);
    }
    return support.logical_and(torch::eye(b, boolOpts).logical_not());
}

class SparseFareLoss : public ContrastiveLoss
{
public:
    SparseFareLoss(const LossConfig &config, int zDim) : ContrastiveLoss(config)
    {
        m_wq = register_parameter("W_Q", torch::eye(zDim));
        m_wk = register_parameter("W_K", torch::eye(zDim));
    }

    LossOutput forwardFast(const LossInputs &in) override
    {
        const Tensor z = in.z.to(m_wq.dtype());
        const int64_t b = in.u1.size(0);
        NegativesProblem p;
        p.softmax = true;
        p.rho = m_config.attentionScale;
        p.maskDiagonal = true;
        p.tau = m_config.temperature;
        p.logC = logNegativeScale(m_config, b);
        p.symmetric = m_config.symmetric;
        p.adjacentKeys = m_config.support == LossConfig::Support::Adjacent;
        p.rounds = buildSupport(m_config, z.detach());
        LossOutput out;
        out.loss = weightedNegativesLoss(p, in.u1, in.u2, z.mm(m_wq.t()), z.mm(m_wk.t()));
        out.attentionEntropy = p.entropy;
        out.emptySupportRows = p.emptyRows;
        return out;
    }

    // The dense masked softmax of the formula: -inf outside the support.
    LossOutput forwardReference(const LossInputs &in) override
    {
        const int64_t b = in.u1.size(0);
        Tensor empty;
        const Tensor logits = maskedLogits(in.z, &empty);
        // An empty row would be all -inf (NaN after the softmax): give it finite logits; its
        // negative term is forced to 0 by `empty` in the loss.
        const Tensor safe = logits.masked_fill(empty.unsqueeze(1), 0.0);
        const Tensor logP = torch::log_softmax(safe, 1);
        LossOutput out;
        out.loss = referenceWeightedLoss(logP, in.u1, in.u2, m_config.temperature,
                                         logNegativeScale(m_config, b), m_config.symmetric, empty);
        out.attentionEntropy = meanRowEntropy(attentionFrom(logits, empty));
        out.emptySupportRows = empty.sum().item<int64_t>();
        return out;
    }

    Tensor attentionMatrix(const Tensor &z) override
    {
        torch::NoGradGuard noGrad;
        Tensor empty;
        const Tensor logits = maskedLogits(z, &empty);
        return attentionFrom(logits, empty);
    }

private:
    Tensor maskedLogits(const Tensor &zIn, Tensor *empty)
    {
        const Tensor z = zIn.to(m_wq.dtype());
        const int64_t b = z.size(0);
        const Tensor support = denseSupport(m_config, buildSupport(m_config, z.detach()), b);
        *empty = support.any(1).logical_not();
        const Tensor logits = z.mm(m_wq.t()).mm(z.mm(m_wk.t()).t()) / m_config.attentionScale;
        return logits.masked_fill(support.logical_not(), -std::numeric_limits<double>::infinity());
    }

    static Tensor attentionFrom(const Tensor &logits, const Tensor &empty)
    {
        torch::NoGradGuard noGrad;
        return torch::softmax(logits.masked_fill(empty.unsqueeze(1), 0.0), 1)
            .masked_fill(empty.unsqueeze(1), 0.0);
    }

    Tensor m_wq, m_wk;
};

} // namespace

std::shared_ptr<ContrastiveLoss> lossdetail::makeSparseFareLoss(const LossConfig &config, int zDim)
{
    return std::make_shared<SparseFareLoss>(config, zDim);
}

} // namespace equiscope
