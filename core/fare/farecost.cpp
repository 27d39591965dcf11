#include "fare/farecost.h"

#include "fare/faresession.h"
#include "store/runstore.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <vector>

namespace equiscope {

namespace {

/// The median images/s of the epochs of finished runs like @p config in the store at @p path,
/// and how many runs they came from; 0 when there are none.
std::pair<double, int> pastThroughput(const FareConfig &config, const QString &path)
{
    if (path.isEmpty() || !QFileInfo::exists(path))
        return {0, 0};
    RunStoreOptions o;
    o.create = false;
    o.recoverOnOpen = false;
    auto store = RunStore::open(path, o);
    if (!store)
        return {0, 0};
    RunFilter filter;
    filter.family = RunFamily::Fare;
    filter.status = RunStatus::Finished;
    filter.method = lossMethodName(config.loss.method);
    std::vector<double> rates;
    int runs = 0;
    for (const RunRecord &r : store.value()->runs(filter).value_or({})) {
        auto past = FareConfig::fromJson(r.config);
        if (!past || past->encoder != config.encoder || past->batchSize != config.batchSize ||
            past->device != config.device)
            continue;
        bool counted = false;
        for (const EpochRecord &e : store.value()->epochs(r.id).value_or({})) {
            const double rate = e.metrics.value(QStringLiteral("imagesPerSecond")).toDouble();
            if (rate > 0 && std::isfinite(rate)) {
                rates.push_back(rate);
                counted = true;
            }
        }
        runs += counted ? 1 : 0;
    }
    if (rates.empty())
        return {0, 0};
    std::nth_element(rates.begin(), rates.begin() + long(rates.size() / 2), rates.end());
    return {rates[rates.size() / 2], runs};
}

} // namespace

QJsonObject FareCostEstimate::toJson() const
{
    return QJsonObject{{QStringLiteral("trainImages"), trainImages},
                       {QStringLiteral("stepsPerEpoch"), stepsPerEpoch},
                       {QStringLiteral("epochs"), epochs},
                       {QStringLiteral("steps"), stepsPerEpoch * epochs},
                       {QStringLiteral("imagesPerSecond"), std::round(imagesPerSecond)},
                       {QStringLiteral("basis"), basis},
                       {QStringLiteral("minutes"), std::round(minutes * 10) / 10},
                       {QStringLiteral("seconds"), std::round(minutes * 60)},
                       {QStringLiteral("longerThanAnHour"), longerThanAnHour()}};
}

QString FareCostEstimate::summary() const
{
    const QString time = minutes < 1
                             ? QStringLiteral("%1 s").arg(std::ceil(minutes * 60))
                             : QStringLiteral("%1 min").arg(minutes, 0, 'f', minutes < 10 ? 1 : 0);
    return QStringLiteral("≈ %1: %2 epochs × %3 steps (%4 images) at %5 images/s (%6)")
        .arg(time)
        .arg(epochs)
        .arg(stepsPerEpoch)
        .arg(trainImages)
        .arg(imagesPerSecond, 0, 'f', 0)
        .arg(basis);
}

Expected<FareCostEstimate> estimateFareCost(const FareConfig &config, const Dataset &dataset,
                                            const QString &storePath,
                                            const std::atomic<bool> &cancel, int calibrationSteps)
{
    FareCostEstimate e;
    e.epochs = config.epochs;
    // The session knows how the train split, the limit and the batch size make the steps.
    auto created = FareSession::create(config, dataset);
    if (!created)
        return created.error();
    FareSession &session = *created.value();
    e.stepsPerEpoch = session.stepsPerEpoch();
    e.trainImages = e.stepsPerEpoch * config.batchSize;

    const auto [rate, runs] = pastThroughput(config, storePath);
    if (rate > 0) {
        e.imagesPerSecond = rate;
        e.basis = QStringLiteral("median of %1 past run%2 like it in %3")
                      .arg(runs)
                      .arg(runs == 1 ? QString() : QStringLiteral("s"))
                      .arg(QFileInfo(storePath).fileName());
    } else {
        // Calibration: time a few steps of epoch 1 after a warm-up step, then stop the epoch.
        std::atomic<bool> stop{false};
        QElapsedTimer timer;
        int steps = 0;
        double seconds = 0;
        auto report = session.runEpoch(1, stop, [&](const StepProgress &) {
            if (cancel)
                stop = true;
            if (++steps == 1)
                timer.start(); // the first step pays for allocations and caches
            seconds = double(timer.nsecsElapsed()) / 1e9;
            if (steps > calibrationSteps)
                stop = true;
        });
        if (!report)
            return report.error();
        if (cancel)
            return DataError{{}, -1, -1, {}, {}, {}, QStringLiteral("estimate cancelled")};
        const int timed = std::max(1, steps - 1);
        seconds = std::max(1e-6, seconds);
        e.imagesPerSecond = double(timed) * config.batchSize / seconds;
        e.basis = QStringLiteral("calibration: %1 steps timed here").arg(timed);
    }
    e.minutes = double(e.trainImages) * e.epochs / std::max(1e-9, e.imagesPerSecond) / 60.0;
    return e;
}

} // namespace equiscope
