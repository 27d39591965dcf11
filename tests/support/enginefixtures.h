#pragma once

#include "fare/fareconfig.h"

namespace fixtures {

/// Writes a small two-class IDX dataset (train + t10k) whose classes differ visibly (ink in the
/// top vs bottom half) into @p dir, and returns a FareConfig that trains on its coloured version
/// with tiny settings (LeNet, batch 32, few steps): fast enough for unit tests.
equiscope::FareConfig tinyColoredRun(const QString &dir, int trainImages = 320,
                                     int testImages = 160);

} // namespace fixtures
