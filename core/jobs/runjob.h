#pragma once

#include "data/dataerror.h"
#include "store/runrecord.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace equiscope {

struct Dataset;
struct DatasetSpec;
class RunStore;

/// Throttled progress of a job (at most ~10 per second cross threads). Runs made of stages
/// (the fair SSL pipeline) name the current one in @c stage; epochs count the stage's units.
struct JobProgress
{
    int epoch = 0;
    int epochs = 0;
    qint64 step = 0;
    qint64 stepsPerEpoch = 0;
    double loss = 0;
    double etaSeconds = -1; ///< −1 until the first steps give a rate
    QString stage;          ///< empty for plain epoch-by-epoch training
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

/// One run of any method family on a worker thread, recorded in a run store. Subclasses
/// implement work(); this class owns the thread, the cancel flag and the outcome. Wiring in a
/// widget is three lines: Stop → requestCancel(), progressChanged → progress bar, start().
class RunJob : public QObject
{
    Q_OBJECT

public:
    ~RunJob() override;

    /// Starts the worker thread; returns immediately.
    void start();
    /// Stops within one step; the run is recorded as cancelled (resumable).
    void requestCancel();
    bool isRunning() const;
    /// Blocks until the worker ended (for tests and the CLI); true if it did within @p ms.
    bool wait(int ms = -1);

    QString runId() const;
    QString storePath() const;
    JobOutcome outcome() const;
    QString message() const;
    /// Final evaluation (family-specific JSON) of a finished run.
    QJsonObject result() const;

    /// The family and method that run, and a name for lists (may be empty before the run exists).
    virtual RunFamily family() const = 0;
    virtual QString methodName() const = 0;
    virtual QString displayName() const = 0;

    /// Resumes run @p runId of the store at @p storePath with the job type of its family
    /// (runjobresume.cpp); nullptr (and @p error set) when the run cannot be read or its family
    /// has no job type.
    static RunJob *resume(const QString &runId, const QString &storePath, QString *error = nullptr,
                          QObject *parent = nullptr);

Q_SIGNALS:
    void runCreated(const QString &runId);
    void progressChanged(const equiscope::JobProgress &progress);
    void epochFinished(int epoch, const QJsonObject &metrics);
    void logMessage(const QString &message);
    void finished(equiscope::JobOutcome outcome, const QString &message);

protected:
    RunJob(const QString &storePath, QObject *parent);
    /// Runs on the worker thread. Must end by calling finish() exactly once.
    virtual void work() = 0;

    bool cancelRequested() const;
    const std::atomic<bool> &cancelFlag() const;
    void setRunId(const QString &runId);
    void setResult(const QJsonObject &result);
    /// Records the outcome, marks run runId() final in @p store (unless @p store is null) and
    /// emits logMessage + finished.
    void finish(RunStore *store, JobOutcome outcome, const QString &message);
    /// Why @p run cannot be resumed by this process (empty when it can): it has finished
    /// (@p outcome = Finished) or another live process runs it (@p outcome = Failed).
    static QString resumeObstacle(const RunRecord &run, JobOutcome *outcome);

    /// What work() learns about the run it is asked to resume: its stored config JSON, or why
    /// it cannot be resumed (the outcome and message to finish with, and whether the run is
    /// still this job's to mark — not when it cannot be read or another process runs it).
    struct ResumeCheck
    {
        std::optional<QJsonObject> config;
        JobOutcome outcome = JobOutcome::Failed;
        QString message;
        bool ours = false;
    };
    static ResumeCheck checkResume(RunStore &store, const QString &runId);
    /// Opens @p spec on the worker thread (logged; stops early when the job is cancelled).
    Expected<Dataset> openJobDataset(const DatasetSpec &spec);
    /// The outcome of a failed openJobDataset(): Cancelled when the job was cancelled.
    JobOutcome datasetFailureOutcome() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace equiscope

Q_DECLARE_METATYPE(equiscope::JobProgress)
Q_DECLARE_METATYPE(equiscope::JobOutcome)
