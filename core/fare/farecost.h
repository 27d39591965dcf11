#pragma once

#include "data/dataset.h"
#include "fare/fareconfig.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QString>

#include <atomic>

namespace equiscope {

/// What a FARE-family run will cost before it starts (`train --dry-run`, the launcher's
/// estimate): the images, steps and epochs it trains, and the minutes that takes on this
/// machine at a throughput taken from the store's past runs of the same method, encoder and
/// batch size, or else measured by a short calibration (a few training steps). Training only:
/// the evaluation afterwards adds about half a minute for the default limits.
struct FareCostEstimate
{
    qint64 trainImages = 0; ///< images per epoch (the train split, capped by trainLimit)
    qint64 stepsPerEpoch = 0;
    int epochs = 0;
    double imagesPerSecond = 0;
    QString basis; ///< where the throughput comes from, in words
    double minutes = 0;

    /// Longer than an hour on this machine: the launcher and the CLI warn.
    bool longerThanAnHour() const { return minutes > 60; }
    QJsonObject toJson() const;
    /// One line: "≈ 12.5 min: 3 epochs × 78 steps (20,000 images) at 4,100 images/s (…)".
    QString summary() const;
};

/// Estimates @p config on the opened @p dataset. @p storePath (may be empty) is searched for
/// finished runs of the same method, encoder and batch size; without any, @p calibrationSteps
/// training steps are timed. Stops early when @p cancel becomes true.
Expected<FareCostEstimate> estimateFareCost(const FareConfig &config, const Dataset &dataset,
                                            const QString &storePath,
                                            const std::atomic<bool> &cancel,
                                            int calibrationSteps = 6);

} // namespace equiscope
