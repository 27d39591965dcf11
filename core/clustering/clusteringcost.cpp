#include "clustering/clusteringcost.h"

#include "clustering/clusteringinput.h"
#include "clustering/clusteringsession.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

DataError cancelled()
{
    return DataError{{}, -1, -1, {}, {}, {}, QStringLiteral("estimate cancelled")};
}

} // namespace

Expected<RunCostEstimate> estimateClusteringCost(const ClusteringConfig &config,
                                                 const QString &storePath,
                                                 const std::atomic<bool> &cancel,
                                                 double knnBudgetSeconds, int calibrationSteps)
{
    RunCostEstimate estimate;
    QElapsedTimer timer;
    timer.start();
    auto data = loadClusteringData(config, storePath, cancel);
    if (!data)
        return data.error();
    if (cancel)
        return cancelled();
    CostStage input;
    input.name = QStringLiteral("input");
    input.unit = QStringLiteral("rows");
    input.items = data->rows();
    input.minutes = double(timer.nsecsElapsed()) / 60e9;
    input.basis = QStringLiteral("timed here");
    estimate.stages << input;

    auto created = ClusteringSession::create(config, std::move(data.value()));
    if (!created)
        return created.error();
    ClusteringSession &session = *created.value();
    const std::array<qint64, 3> rows = session.splitRows();

    CostStage knn;
    knn.name = QStringLiteral("kNN graph");
    knn.unit = QStringLiteral("rows");
    knn.items = rows[0] + rows[1] + rows[2];
    // The exact engine compares every row with every row of its split: seconds ∝ Σ n².
    std::atomic<bool> stop{false};
    qint64 firstSplitRows = 0;
    double firstSplitSeconds = 0;
    timer.restart();
    auto built = session.buildGraphs(stop, [&](qint64 done, qint64) {
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (done <= rows[0]) {
            firstSplitRows = done;
            firstSplitSeconds = seconds;
        }
        if (cancel || seconds > knnBudgetSeconds)
            stop = true;
    });
    if (cancel)
        return cancelled();
    const bool graphsBuilt = built.ok() && !stop;
    if (!built && !stop)
        return built.error();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (graphsBuilt) {
        knn.minutes = seconds / 60;
        knn.basis = QStringLiteral("built here");
    } else if (firstSplitRows > 0 && rows[0] > 0) {
        // The work per row grows with the split: every other row (exact), the cells' rows a
        // query scans (IVF: 4·√n cells of √n / 4 rows), the depth of the HNSW hierarchy.
        const auto perRowWork = [&](double n) {
            switch (config.knn) {
            case KnnIndex::Exact:
                return n;
            case KnnIndex::Ivf:
                return std::sqrt(n);
            case KnnIndex::Hnsw:
                return std::log2(std::max(2.0, n));
            }
            return n;
        };
        const double perUnit =
            firstSplitSeconds / (double(firstSplitRows) * perRowWork(double(rows[0])));
        double work = 0;
        for (qint64 n : rows)
            work += double(n) * perRowWork(double(n));
        knn.minutes = perUnit * work / 60;
        knn.itemsPerSecond = double(firstSplitRows) / std::max(1e-9, firstSplitSeconds);
        const QString scaling = config.knn == KnnIndex::Exact ? QStringLiteral("rows²")
                                : config.knn == KnnIndex::Ivf ? QStringLiteral("rows^1.5")
                                                              : QStringLiteral("rows·log rows");
        knn.basis = QStringLiteral("%1 of %2 train rows timed here, scaled by %3")
                        .arg(firstSplitRows)
                        .arg(rows[0])
                        .arg(scaling);
    } else {
        knn.basis = QStringLiteral("no block finished within %1 s").arg(knnBudgetSeconds);
    }
    estimate.stages << knn;

    if (session.trains()) {
        CostStage train;
        train.name = QStringLiteral("train");
        train.unit = QStringLiteral("anchors");
        train.epochs = config.epochs;
        train.stepsPerEpoch = session.stepsPerEpoch();
        train.items = train.stepsPerEpoch * config.batchSize;
        const auto [rate, runs] = pastEpochRate(
            storePath, RunFamily::Clustering, clusteringMethodName(config.method),
            [&](const QJsonObject &json) {
                auto past = ClusteringConfig::fromJson(json);
                return past && past->k == config.k && past->layers == config.layers &&
                       past->heads == config.heads && past->batchSize == config.batchSize;
            },
            QStringLiteral("anchorsPerSecond"));
        if (rate > 0) {
            train.itemsPerSecond = rate;
            train.basis = pastRunsBasis(runs, storePath);
        } else if (graphsBuilt) {
            CalibrationTimer steps(calibrationSteps, cancel);
            auto report = session.runEpoch(1, steps.stopFlag(),
                                           [&](qint64, qint64, double) { steps.step(); });
            if (!report)
                return report.error();
            if (steps.cancelled())
                return cancelled();
            train.itemsPerSecond = steps.stepsPerSecond() * config.batchSize;
            train.basis =
                QStringLiteral("calibration: %1 steps timed here").arg(steps.timedSteps());
        } else {
            train.basis = QStringLiteral("needs the kNN graph first; no past run like it");
        }
        if (train.itemsPerSecond > 0)
            train.minutes = double(train.items) * train.epochs / train.itemsPerSecond / 60;
        estimate.stages << train;
    }

    CostStage evaluation;
    evaluation.name = QStringLiteral("inference and evaluation");
    evaluation.unit = QStringLiteral("rows");
    evaluation.items = knn.items;
    evaluation.basis = QStringLiteral("not estimated");
    estimate.stages << evaluation;
    return estimate;
}

} // namespace equiscope
