#pragma once

#include "families/methodfamily.h"

#include <memory>

namespace equiscope {

/// The FARE family (FARE / SparseFARE and the InfoNCE, Fair-InfoNCE and CCLK baselines;
/// docs/design/methods/fare.md), for FamilyRegistry.
std::unique_ptr<MethodFamily> makeFareFamily();

} // namespace equiscope
