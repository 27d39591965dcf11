#pragma once

#include "families/methodfamily.h"

#include <memory>

namespace equiscope {

/// The fair self-supervised family (the pipeline and its SimCLR, SupCon and cross-entropy
/// baselines; docs/design/methods/fair-ssl.md), for FamilyRegistry.
std::unique_ptr<MethodFamily> makeFairSslFamily();

} // namespace equiscope
