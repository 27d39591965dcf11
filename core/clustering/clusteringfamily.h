#pragma once

#include "families/methodfamily.h"

#include <memory>

namespace equiscope {

/// The fair clustering family (the transformer with Cross-attention and its baselines;
/// docs/design/methods/clustering.md), for FamilyRegistry.
std::unique_ptr<MethodFamily> makeClusteringFamily();

} // namespace equiscope
