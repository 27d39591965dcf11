#pragma once
// Private (LibTorch) header: LARS (You et al. 2017), the optimiser of the original protocol.

#include <torch/torch.h>

namespace equiscope {

/// SGD with momentum where each weight tensor's step is scaled by the trust ratio
/// η·‖w‖/(‖∇w‖ + wd·‖w‖). Biases and normalisation parameters (1-D tensors) are excluded
/// from weight decay and adaptation, as in SimCLR's LARS.
class LarsOptimizer
{
public:
    LarsOptimizer(std::vector<torch::Tensor> params, double lr, double momentum, double weightDecay,
                  double trust);
    void zeroGrad();
    void step();
    void setLearningRate(double lr) { m_lr = lr; }
    void save(torch::serialize::OutputArchive &archive) const;
    void load(torch::serialize::InputArchive &archive);

private:
    std::vector<torch::Tensor> m_params, m_momentum;
    double m_lr, m_mom, m_wd, m_trust;
};

} // namespace equiscope
