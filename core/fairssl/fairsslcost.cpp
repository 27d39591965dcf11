#include "fairssl/fairsslcost.h"

#include "fairssl/fairsslpipeline.h"

#include <algorithm>

namespace equiscope {

namespace {

/// The median images/s of past fair-SSL runs like @p config in @p stage.
std::pair<double, int> pastStageRate(const FairSslConfig &config, const QString &storePath,
                                     const QString &stage)
{
    return pastEpochRate(
        storePath, RunFamily::FairSsl, fairSslMethodName(config.method),
        [&](const QJsonObject &json) {
            auto past = FairSslConfig::fromJson(json);
            return past && past->backbone == config.backbone &&
                   past->batchSize == config.batchSize && past->device == config.device;
        },
        QStringLiteral("imagesPerSecond"),
        [&](const QJsonObject &epoch) {
            return epoch.value(QStringLiteral("stage")).toString() == stage;
        });
}

} // namespace

Expected<RunCostEstimate> estimateFairSslCost(const FairSslConfig &config, const Dataset &dataset,
                                              const QString &storePath,
                                              const std::atomic<bool> &cancel, int calibrationSteps)
{
    auto created = FairSslPipeline::create(config, dataset);
    if (!created)
        return created.error();
    FairSslPipeline &pipeline = *created.value();
    const QJsonObject counts = pipeline.sampleCounts();
    const qint64 seeds = counts.value(QStringLiteral("seeds")).toInteger();
    const qint64 pool = counts.value(QStringLiteral("pool")).toInteger();
    const qint64 batch = std::max(1, config.batchSize);

    RunCostEstimate estimate;
    double measuredRate = 0; // images/s of a stage timed here, for the train-stage assumption
    QString measuredStage;
    for (const QString &stage : pipeline.stages()) {
        CostStage s;
        s.name = stage;
        s.epochs = pipeline.epochsOf(stage);
        if (s.epochs == 0) {
            s.items = stage == QLatin1String("classifier")
                          ? counts.value(QStringLiteral("classifierTrain")).toInteger()
                          : seeds + pool;
            s.basis = stage == QLatin1String("embed")
                          ? QStringLiteral("one pass of the TorchScript encoder; not estimated")
                          : QStringLiteral("one pass over the embeddings; not estimated");
            estimate.stages << s;
            continue;
        }
        // The train stage of the curated methods needs the earlier stages' outputs: it cannot
        // run here, so its size is bounded and its rate taken from elsewhere.
        const bool afterCuration =
            stage == QLatin1String("train") && config.method != FairSslMethod::SupervisedCe;
        if (afterCuration) {
            s.items = seeds + std::min(pool, seeds * qint64(std::max(0, config.retrievalPerSeed)));
            s.stepsPerEpoch = std::max<qint64>(1, s.items / batch);
        }
        const auto [rate, runs] = pastStageRate(config, storePath, stage);
        if (rate > 0) {
            s.itemsPerSecond = rate;
            s.basis = pastRunsBasis(runs, storePath);
        }
        if (!afterCuration) {
            // Time a few steps of its first epoch; the steps tell the epoch's size too.
            CalibrationTimer timer(calibrationSteps, cancel);
            qint64 steps = 0;
            auto report =
                pipeline.runEpoch(stage, 1, timer.stopFlag(), [&](const StageProgress &p) {
                    steps = p.steps;
                    timer.step();
                });
            if (!report)
                return report.error();
            if (timer.cancelled())
                return DataError{{}, -1, -1, {}, {}, {}, QStringLiteral("estimate cancelled")};
            s.stepsPerEpoch = steps;
            s.items = steps * batch;
            measuredRate = timer.stepsPerSecond() * double(batch);
            measuredStage = stage;
            if (s.itemsPerSecond <= 0) {
                s.itemsPerSecond = measuredRate;
                s.basis =
                    QStringLiteral("calibration: %1 steps timed here").arg(timer.timedSteps());
            }
        } else if (s.itemsPerSecond <= 0 && measuredRate > 0) {
            // Ratios of a train step to a SimCLR step measured with LeNet on this project's
            // 2-core reference machine (docs/guide/fair-ssl.md): the look-ahead of the head and
            // last block costs little, a full look-ahead about three times as much.
            const double ratio = !config.metaWeighted()                           ? 1.0
                                 : config.lookAheadScope == QLatin1String("full") ? 0.3
                                                                                  : 0.8;
            s.itemsPerSecond = measuredRate * ratio;
            s.basis = QStringLiteral("assumed: %1 × the %2 rate timed here (the measured ratio "
                                     "of its steps); at most this many images")
                          .arg(ratio)
                          .arg(measuredStage);
        }
        if (s.itemsPerSecond > 0)
            s.minutes = double(s.stepsPerEpoch * batch) * s.epochs / s.itemsPerSecond / 60.0;
        else
            s.basis = QStringLiteral("needs the embeddings first; no past run like it");
        estimate.stages << s;
    }
    return estimate;
}

} // namespace equiscope
