#include "losses/contrastiveloss_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <limits>

namespace equiscope {

namespace {

using namespace lossdetail;
using torch::Tensor;

// k-means (Lloyd, k-means++ seeding, fixed seed) of z into at most k bins; used when the batch
// comes without group ids. On the host (b x dz, with a CPU generator so the bins do not depend on
// the device); the bins go back to z's device.
Tensor kmeansBins(const Tensor &zIn, int k, uint64_t seed)
{
    torch::NoGradGuard noGrad;
    const Tensor z = zIn.to(torch::kCPU, torch::kDouble);
    const int64_t b = z.size(0);
    k = int(std::min<int64_t>(k, b));
    at::Generator gen = at::detail::createCPUGenerator(seed);
    const auto hostLong = torch::TensorOptions().dtype(torch::kLong).device(torch::kCPU);
    std::vector<int64_t> chosen{torch::randint(b, {1}, gen, hostLong).item<int64_t>()};
    Tensor d2 = (z - z[chosen[0]]).pow(2).sum(1);
    while (int(chosen.size()) < k) {
        if (d2.sum().item<double>() <= 0)
            break;
        chosen.push_back(torch::multinomial(d2, 1, false, gen).item<int64_t>());
        d2 = torch::minimum(d2, (z - z[chosen.back()]).pow(2).sum(1));
    }
    Tensor centres = z.index_select(0, torch::tensor(chosen, hostLong));
    Tensor assign;
    for (int it = 0; it < 25; ++it) {
        assign = torch::cdist(z, centres).argmin(1);
        const Tensor sums = torch::zeros_like(centres).index_add_(0, assign, z);
        const Tensor counts =
            torch::bincount(assign, {}, centres.size(0)).to(torch::kDouble).unsqueeze(1);
        centres = torch::where(counts > 0, sums / counts.clamp_min(1), centres);
    }
    return assign.to(zIn.device());
}

class FairInfoNceLoss : public ContrastiveLoss
{
public:
    using ContrastiveLoss::ContrastiveLoss;

    LossOutput forwardFast(const LossInputs &in) override
    {
        LossOutput out;
        if (m_config.fairMode == LossConfig::FairMode::Batch) {
            // The batch is drawn from one bin by the sampler: the loss itself is NT-Xent.
            out.loss = infoNceFast(in.u1, in.u2, m_config.temperature);
            return out;
        }
        // Negatives restricted to the anchor's group: the groups are independent NT-Xent
        // problems, so each is solved on its own rows (cost sum n_g^2 instead of b^2).
        const int64_t b = in.u1.size(0);
        const Tensor g = groupsOf(in);
        const auto [values, inverse, counts] = torch::_unique2(g, true, true, true);
        Tensor loss = torch::zeros({}, in.u1.options());
        const Tensor order = std::get<1>(inverse.sort());
        const Tensor countsHost = counts.to(torch::kCPU); // a handful of groups
        const auto *cnt = countsHost.data_ptr<int64_t>();
        int64_t start = 0;
        for (int64_t i = 0; i < counts.size(0); ++i) {
            const Tensor rows = order.narrow(0, start, cnt[i]);
            start += cnt[i];
            const Tensor li = infoNceFast(in.u1.index_select(0, rows), in.u2.index_select(0, rows),
                                          m_config.temperature);
            loss = loss + li * (double(cnt[i]) / double(b));
        }
        out.loss = loss;
        return out;
    }

    LossOutput forwardReference(const LossInputs &in) override
    {
        LossOutput out;
        if (m_config.fairMode == LossConfig::FairMode::Batch) {
            out.loss = infoNceReference(in.u1, in.u2, m_config.temperature);
            return out;
        }
        const int64_t b = in.u1.size(0);
        const Tensor g = groupsOf(in).repeat({2});
        const Tensor U = torch::cat({in.u1, in.u2});
        Tensor sim = U.mm(U.t()) / m_config.temperature;
        const Tensor other = g.unsqueeze(1).ne(g.unsqueeze(0));
        const Tensor mask = other.logical_or(torch::eye(2 * b, other.options()));
        sim = sim.masked_fill(mask, -std::numeric_limits<double>::infinity());
        const Tensor labels = (torch::arange(2 * b, g.options()) + b).remainder(2 * b);
        out.loss = torch::nn::functional::cross_entropy(sim, labels);
        return out;
    }

private:
    Tensor groupsOf(const LossInputs &in) const
    {
        if (in.groups.defined())
            return in.groups.to(torch::kLong);
        return kmeansBins(in.z, m_config.bins, m_config.hashSeed);
    }
};

} // namespace

std::shared_ptr<ContrastiveLoss> lossdetail::makeFairInfoNceLoss(const LossConfig &config)
{
    return std::make_shared<FairInfoNceLoss>(config);
}

} // namespace equiscope
