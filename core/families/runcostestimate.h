#pragma once

#include "store/runrecord.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <algorithm>
#include <atomic>
#include <functional>

namespace equiscope {

/// One stage of a run's cost: what it processes and how long that takes on this machine.
struct CostStage
{
    QString name;             ///< "train", "embed", "kNN graph", …
    qint64 items = 0;         ///< images (or rows, anchors) per epoch or pass
    qint64 stepsPerEpoch = 0; ///< 0 for a stage without steps
    int epochs = 0;           ///< 0 for a one-pass stage
    double itemsPerSecond = 0;
    QString unit = QStringLiteral("images"); ///< what items are: images, rows, anchors
    double minutes = -1;                     ///< −1: not estimated (basis says why)
    QString basis;                           ///< where the rate comes from, in words

    bool estimated() const { return minutes >= 0; }
    QJsonObject toJson() const;
};

/// What a run will cost before it starts (`--dry-run`, the launchers' "Estimate time"), built
/// by each family's MethodFamily::estimateCost() from the store's past runs like it or a short
/// calibration. Stages that cannot be estimated before earlier ones ran say so instead of
/// guessing; minutes() is then a lower bound.
struct RunCostEstimate
{
    QVector<CostStage> stages;

    /// The sum of the estimated stages.
    double minutes() const;
    /// Every stage is estimated (minutes() is not just a lower bound).
    bool complete() const;
    /// Longer than an hour on this machine: the launchers and the CLI warn.
    bool longerThanAnHour() const { return minutes() > 60; }
    QJsonObject toJson() const;
    /// One line per stage after a total: "≈ 12.5 min: train 3 epochs × 78 steps (…)".
    QString summary() const;
};

/// The median of the epoch metric @p rateKey over the finished runs of @p family and @p method
/// in the store at @p storePath whose config @p alike accepts and whose epoch metrics
/// @p epochFilter accepts (every epoch when empty), with the number of runs it came from;
/// {0, 0} when there are none or the store cannot be opened.
std::pair<double, int>
pastEpochRate(const QString &storePath, RunFamily family, const QString &method,
              const std::function<bool(const QJsonObject &)> &alike, const QString &rateKey,
              const std::function<bool(const QJsonObject &)> &epochFilter = {});

/// Times a calibration: a stage's step callback calls step(); the first step is a warm-up
/// (allocations, caches), the next @p steps are timed, then stopFlag() turns true so the stage
/// stops within a step; it also follows @p cancel.
class CalibrationTimer
{
public:
    CalibrationTimer(int steps, const std::atomic<bool> &cancel) : m_steps(steps), m_cancel(cancel)
    {
    }
    void step()
    {
        if (m_cancel.load())
            m_stop = true;
        if (++m_seen == 1)
            m_timer.start();
        m_seconds = double(m_timer.nsecsElapsed()) / 1e9;
        if (m_seen > m_steps)
            m_stop = true;
    }
    std::atomic<bool> &stopFlag() { return m_stop; }
    bool cancelled() const { return m_cancel.load(); }
    int timedSteps() const { return std::max(0, m_seen - 1); }
    /// Timed steps per second; 0 before two steps ran.
    double stepsPerSecond() const
    {
        return timedSteps() > 0 ? timedSteps() / std::max(1e-6, m_seconds) : 0;
    }

private:
    int m_steps;
    const std::atomic<bool> &m_cancel;
    std::atomic<bool> m_stop{false};
    QElapsedTimer m_timer;
    int m_seen = 0;
    double m_seconds = 0;
};

/// "median of 3 past runs like it in runs.sqlite".
QString pastRunsBasis(int runs, const QString &storePath);

} // namespace equiscope
