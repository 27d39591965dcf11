#include "losses/contrastiveloss_p.h"

namespace equiscope {

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
