#include "fare/farecost.h"

#include "fare/faresession.h"

#include <algorithm>

namespace equiscope {

Expected<RunCostEstimate> estimateFareCost(const FareConfig &config, const Dataset &dataset,
                                           const QString &storePath,
                                           const std::atomic<bool> &cancel, int calibrationSteps)
{
    CostStage e;
    e.name = QStringLiteral("train");
    e.epochs = config.epochs;
    // The session knows how the train split, the limit and the batch size make the steps.
    auto created = FareSession::create(config, dataset);
    if (!created)
        return created.error();
    FareSession &session = *created.value();
    e.stepsPerEpoch = session.stepsPerEpoch();
    e.items = e.stepsPerEpoch * config.batchSize;

    const auto [rate, runs] = pastEpochRate(
        storePath, RunFamily::Fare, lossMethodName(config.loss.method),
        [&](const QJsonObject &json) {
            auto past = FareConfig::fromJson(json);
            return past && past->encoder == config.encoder && past->batchSize == config.batchSize &&
                   past->device == config.device;
        },
        QStringLiteral("imagesPerSecond"));
    if (rate > 0) {
        e.itemsPerSecond = rate;
        e.basis = pastRunsBasis(runs, storePath);
    } else {
        // Calibration: time a few steps of epoch 1, then stop the epoch.
        CalibrationTimer timer(calibrationSteps, cancel);
        auto report =
            session.runEpoch(1, timer.stopFlag(), [&](const StepProgress &) { timer.step(); });
        if (!report)
            return report.error();
        if (timer.cancelled())
            return DataError{{}, -1, -1, {}, {}, {}, QStringLiteral("estimate cancelled")};
        e.itemsPerSecond = std::max(1e-9, timer.stepsPerSecond()) * config.batchSize;
        e.basis = QStringLiteral("calibration: %1 steps timed here").arg(timer.timedSteps());
    }
    e.minutes = double(e.items) * e.epochs / std::max(1e-9, e.itemsPerSecond) / 60.0;
    return RunCostEstimate{{e}};
}

} // namespace equiscope
