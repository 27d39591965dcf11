#include "nn/larsoptimizer_p.h"

namespace equiscope {

LarsOptimizer::LarsOptimizer(std::vector<torch::Tensor> params, double lr, double momentum,
                             double weightDecay, double trust)
    : m_params(std::move(params)), m_lr(lr), m_mom(momentum), m_wd(weightDecay), m_trust(trust)
{
    for (const auto &p : m_params)
        m_momentum.push_back(torch::zeros_like(p));
}

void LarsOptimizer::zeroGrad()
{
    for (auto &p : m_params)
        if (p.grad().defined())
            p.grad().zero_();
}

void LarsOptimizer::step()
{
    torch::NoGradGuard guard;
    for (size_t i = 0; i < m_params.size(); ++i) {
        auto &p = m_params[i];
        if (!p.grad().defined())
            continue;
        auto g = p.grad();
        if (p.dim() > 1) {
            g = g + m_wd * p;
            const double wn = p.norm().item<double>();
            const double gn = g.norm().item<double>();
            if (wn > 0 && gn > 0)
                g = g * (m_trust * wn / gn);
        }
        m_momentum[i].mul_(m_mom).add_(g);
        p.add_(m_momentum[i], -m_lr);
    }
}

void LarsOptimizer::save(torch::serialize::OutputArchive &archive) const
{
    for (size_t i = 0; i < m_momentum.size(); ++i)
        archive.write("lars_momentum_" + std::to_string(i), m_momentum[i]);
}

void LarsOptimizer::load(torch::serialize::InputArchive &archive)
{
    for (size_t i = 0; i < m_momentum.size(); ++i)
        archive.read("lars_momentum_" + std::to_string(i), m_momentum[i]);
}

} // namespace equiscope
