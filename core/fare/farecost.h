#pragma once

#include "data/dataset.h"
#include "families/runcostestimate.h"
#include "fare/fareconfig.h"
#include "util/expected.h"

#include <atomic>

namespace equiscope {

/// What a FARE-family run will cost before it starts: one stage, "train" — the images, steps and
/// epochs it trains and the minutes that takes at a throughput taken from the finished runs of
/// the same method, encoder, batch size and device in @p storePath (may be empty), or else
/// measured by timing @p calibrationSteps training steps on the opened @p dataset. Training only:
/// the evaluation afterwards adds about half a minute for the default limits. Stops early when
/// @p cancel becomes true.
Expected<RunCostEstimate> estimateFareCost(const FareConfig &config, const Dataset &dataset,
                                           const QString &storePath,
                                           const std::atomic<bool> &cancel,
                                           int calibrationSteps = 6);

} // namespace equiscope
