#pragma once

#include "engine/runconfig.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>

#include <atomic>
#include <memory>

namespace equiscope {

/// Throttled progress of a training job (at most ~10 per second cross threads).
struct JobProgress
{
    int epoch = 0;
    int epochs = 0;
    qint64 step = 0;
    qint64 stepsPerEpoch = 0;
    double loss = 0;
    double etaSeconds = -1; ///< −1 until the first steps give a rate
    double fraction() const;
};

/// How a job ended. Cancelling is not an error.
enum class JobOutcome
{
    Finished,
    Cancelled,
    Failed,
};
QString jobOutcomeName(JobOutcome outcome);

/// One training run on a worker thread: opens the dataset, records the run in the store, trains
/// epoch by epoch (checkpoint + metrics + attention snapshot each epoch, in one transaction),
/// evaluates, and reports. Wiring in a widget is three lines: Stop → requestCancel(),
/// progressChanged → progress bar, start().
class TrainingJob : public QObject
{
    Q_OBJECT

public:
    /// A new run of @p config recorded in the store at @p storePath.
    TrainingJob(const RunConfig &config, const QString &storePath, QObject *parent = nullptr);
    /// Resumes run @p runId of the store from its last checkpoint.
    static TrainingJob *resume(const QString &runId, const QString &storePath,
                               QObject *parent = nullptr);
    ~TrainingJob() override;

    /// Starts the worker thread; returns immediately.
    void start();
    /// Stops within one training step; the run is recorded as cancelled (resumable).
    void requestCancel();
    bool isRunning() const;
    /// Blocks until the worker ended (for tests and the CLI); true if it did within @p ms.
    bool wait(int ms = -1);

    QString runId() const;
    const RunConfig &config() const;
    JobOutcome outcome() const;
    QString message() const;
    /// Final evaluation (EvaluationReport JSON) of a finished run.
    QJsonObject result() const;

Q_SIGNALS:
    void runCreated(const QString &runId);
    void progressChanged(const equiscope::JobProgress &progress);
    void epochFinished(int epoch, const QJsonObject &metrics);
    void logMessage(const QString &message);
    void finished(equiscope::JobOutcome outcome, const QString &message);

private:
    void work();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace equiscope

Q_DECLARE_METATYPE(equiscope::JobProgress)
Q_DECLARE_METATYPE(equiscope::JobOutcome)
