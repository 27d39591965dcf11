#include "losses/contrastiveloss_p.h"

namespace equiscope {

namespace lossdetail {

namespace {
thread_local torch::ScalarType t_productType = torch::ScalarType::Undefined;
}

torch::ScalarType productType()
{
    return t_productType;
}

ProductTypeScope::ProductTypeScope(torch::ScalarType type) : m_before(t_productType)
{
    t_productType = type;
}

ProductTypeScope::~ProductTypeScope()
{
    t_productType = m_before;
}

} // namespace lossdetail

std::shared_ptr<ContrastiveLoss> makeContrastiveLoss(const LossConfig &config, int zDim)
{
    using namespace lossdetail;
    switch (config.method) {
    case LossMethod::InfoNce:
        return makeInfoNceLoss(config);
    case LossMethod::FairInfoNce:
        return makeFairInfoNceLoss(config);
    case LossMethod::Cclk:
        return makeCclkLoss(config);
    case LossMethod::Fare:
        return makeFareLoss(config, zDim);
    case LossMethod::SparseFare:
        return makeSparseFareLoss(config, zDim);
    }
    return {};
}

} // namespace equiscope
