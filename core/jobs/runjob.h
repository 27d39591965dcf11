#pragma once

#include "store/runrecord.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QMetaType>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace equiscope {

struct Dataset;
struct DatasetSpec;
class DataParallelGroup;
class RunStore;
struct DistributedEnvironment;

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

/// How a family's steps ended: the outcome and the message the run is finished with.
struct JobEnd
{
    JobOutcome outcome = JobOutcome::Failed;
    QString message;
    /// A failure that is not the run's fault (a rank of a data-parallel run died): the run is
    /// recorded as interrupted, like a killed one, and resumes.
    bool interrupted = false;
    static JobEnd finished(const QString &message) { return {JobOutcome::Finished, message}; }
    static JobEnd cancelled(const QString &message) { return {JobOutcome::Cancelled, message}; }
    static JobEnd failed(const DataError &error) { return {JobOutcome::Failed, error.toString()}; }
    static JobEnd interruptedBy(const QString &message)
    {
        return {JobOutcome::Failed, message, true};
    }
};

/// One run of any method family on a worker thread, recorded in a run store. This class is the
/// skeleton every family's job shares: the thread and cancel flag; opening the store; for a
/// resumed run, checking that it may be resumed and reading its stored config; recording a new
/// run (with the family, the versions of this build and the owner process); marking it running;
/// throttled progress with the store heartbeat; and finishing it in the store with its outcome.
/// A family's job supplies only its own steps: loadConfig(), prepare(), newRunRecord() and
/// execute(). Any family's run resumes through FamilyRegistry::resume(). Wiring in a widget is
/// three lines: Stop → requestCancel(), progressChanged → progress bar, start().
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
    /// The name the run got in the store (a config without a name gets "<method> on <dataset>");
    /// empty until runCreated() for a new run.
    QString runName() const;
    QString storePath() const;
    JobOutcome outcome() const;
    QString message() const;
    /// Final evaluation (family-specific JSON) of a finished run.
    QJsonObject result() const;

    /// The family and method that run, and a name for lists (may be empty before the run exists).
    virtual RunFamily family() const = 0;
    virtual QString methodName() const = 0;
    virtual QString displayName() const = 0;

    /// Whether this run can train as one rank of several (docs/design/distributed.md); the
    /// others refuse to start in a data-parallel environment, by name.
    virtual bool supportsDataParallel() const { return false; }

Q_SIGNALS:
    void runCreated(const QString &runId);
    void progressChanged(const equiscope::JobProgress &progress);
    void epochFinished(int epoch, const QJsonObject &metrics);
    void logMessage(const QString &message);
    void finished(equiscope::JobOutcome outcome, const QString &message);

protected:
    /// A job that records a new run in the store at @p storePath.
    RunJob(const QString &storePath, QObject *parent);
    /// Makes this job resume run @p runId of its store instead (call before start()).
    void setResumeRunId(const QString &runId);
    /// Whether this job continues a stored run (its config came from loadConfig()).
    bool isResume() const;

    // The family's steps, called on the worker thread in this order.

    /// Reads the config a resumed run was stored with into the job's config.
    virtual Expected<Done> loadConfig(const QJsonObject &config) = 0;
    /// Opens the inputs and builds the session; a failure ends the job before a new run is
    /// recorded (Cancelled when cancel was requested meanwhile, else Failed).
    virtual Expected<Done> prepare() = 0;
    /// The new run's record: name, method, config, dataset fingerprint and spec, seed. The
    /// skeleton fills in the family and the versions.
    virtual RunRecord newRunRecord() const = 0;
    /// The run's own steps (restore a resumed run's state, train, evaluate, store results) with
    /// the run recorded in @p store and marked running.
    virtual JobEnd execute(RunStore &store, const QString &runId) = 0;

    // Helpers for the steps.

    /// Reads @p json into @p config: the usual loadConfig().
    template <typename Config>
    static Expected<Done> readConfig(const QJsonObject &json, Config &config)
    {
        auto parsed = Config::fromJson(json);
        if (!parsed)
            return parsed.error();
        config = parsed.value();
        return Done{};
    }
    /// The usual newRunRecord(): named @p name, or "<method> on <source>" without one.
    RunRecord runRecord(const QString &name, const QString &source, const QJsonObject &config,
                        const QJsonObject &datasetSpec, quint64 seed,
                        const QString &fingerprint) const;

    bool cancelRequested() const;
    const std::atomic<bool> &cancelFlag() const;
    void setResult(const QJsonObject &result);
    /// Emits @p progress at most ~10 times per second across threads (always when @p force or
    /// at the end of an epoch), with an ETA from the fraction done by this process, and renews
    /// the run's heartbeat in the store every 10 s.
    void reportProgress(JobProgress progress, bool force = false);
    /// The last epoch with a checkpoint in the store and that checkpoint; epoch 0 and no bytes
    /// when the run has none yet.
    struct Checkpoint
    {
        int epoch = 0;
        QByteArray bytes;
    };
    Expected<Checkpoint> lastCheckpoint(RunStore &store, const QString &runId) const;
    /// "cancelled during epoch E; resumable from epoch E−1".
    static JobEnd cancelledDuringEpoch(int epoch);
    /// Opens @p spec on the worker thread (logged; stops early when the job is cancelled).
    Expected<Dataset> openJobDataset(const DatasetSpec &spec);

    // Data-parallel runs (docs/design/distributed.md). When the process was started as one rank
    // of several (RANK, WORLD_SIZE, … set), the skeleton joins the other ranks after prepare(),
    // checks that they all train the same config and data, and records the ranks' hosts with
    // the run; only rank 0 writes the run store that matters (launchers give the other ranks a
    // scratch store).

    /// The group of a data-parallel run (null in a one-process run), from prepare() on.
    std::shared_ptr<DataParallelGroup> dataParallel() const;
    /// Whether this process writes the run: always, except ranks other than 0.
    bool recordsRun() const;
    /// The usual end of a data-parallel run's failed epoch: interrupted when a rank was lost,
    /// failed otherwise.
    JobEnd epochFailed(const DataError &error) const;

private:
    /// The skeleton: runs on the worker thread and finishes the job exactly once.
    void work();
    void finish(RunStore *store, JobOutcome outcome, const QString &message,
                bool interrupted = false);
    /// Joins the data-parallel run this process is a rank of, if any (after prepare()).
    Expected<Done> joinDataParallelRun(const DistributedEnvironment &env, const RunRecord &record);
    void setRunId(const QString &runId);
    /// Why @p run cannot be resumed by this process (empty when it can): it has finished
    /// (@p outcome = Finished) or another live process runs it (@p outcome = Failed).
    static QString resumeObstacle(const RunRecord &run, JobOutcome *outcome);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace equiscope

Q_DECLARE_METATYPE(equiscope::JobProgress)
Q_DECLARE_METATYPE(equiscope::JobOutcome)
