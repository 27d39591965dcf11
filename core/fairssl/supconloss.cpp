#include "fairssl/supconloss_p.h"

#include <limits>

namespace equiscope::supcon {

torch::Tensor perView(const torch::Tensor &z, const torch::Tensor &labels, double tau)
{
    const int64_t n = z.size(0);
    const auto eye = torch::eye(n, torch::TensorOptions().dtype(torch::kBool).device(z.device()));
    const auto sim = z.mm(z.t()) / tau;
    // log of the denominator over a ≠ i; the numerator uses the unmasked sim so that the
    // (excluded) diagonal stays finite and 0 · it is 0, not NaN.
    const auto logDenominator =
        torch::logsumexp(sim.masked_fill(eye, -std::numeric_limits<double>::infinity()), 1, true);
    const auto logProb = sim - logDenominator;
    const auto positives =
        labels.view({n, 1}).eq(labels.view({1, n})).logical_and(eye.logical_not()).to(z.dtype());
    return -(positives * logProb).sum(1) / positives.sum(1).clamp_min(1);
}

torch::Tensor perSample(const torch::Tensor &z1, const torch::Tensor &z2,
                        const torch::Tensor &labels, double tau)
{
    const int64_t n = z1.size(0);
    const auto l = perView(torch::cat({z1, z2}), torch::cat({labels, labels}), tau);
    return 0.5 * (l.narrow(0, 0, n) + l.narrow(0, n, n));
}

torch::Tensor weighted(const torch::Tensor &perSampleLoss, const torch::Tensor &weights)
{
    return (weights * perSampleLoss).sum() / weights.sum().clamp_min(1e-12);
}

torch::Tensor perViewReference(const torch::Tensor &zIn, const torch::Tensor &labelsIn, double tau)
{
    const auto z = zIn.to(torch::kFloat64);
    const auto labels = labelsIn.to(torch::kLong).contiguous();
    const int64_t n = z.size(0);
    std::vector<torch::Tensor> losses;
    for (int64_t i = 0; i < n; ++i) {
        torch::Tensor denominator = torch::zeros({}, z.options());
        for (int64_t a = 0; a < n; ++a)
            if (a != i)
                denominator = denominator + torch::exp(z[i].dot(z[a]) / tau);
        torch::Tensor sum = torch::zeros({}, z.options());
        int64_t count = 0;
        for (int64_t p = 0; p < n; ++p) {
            if (p == i || labels[p].item<int64_t>() != labels[i].item<int64_t>())
                continue;
            sum = sum + torch::log(torch::exp(z[i].dot(z[p]) / tau) / denominator);
            ++count;
        }
        losses.push_back(-sum / double(std::max<int64_t>(1, count)));
    }
    return torch::stack(losses);
}

} // namespace equiscope::supcon
