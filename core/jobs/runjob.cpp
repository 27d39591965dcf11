#include "jobs/runjob.h"

#include "data/datasetreader.h"
#include "distributed/dataparallelgroup.h"
#include "store/artifactkinds.h"
#include "store/runstore.h"

#include "util/environment.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QSysInfo>
#include <QThread>

#include <algorithm>

namespace equiscope {

double JobProgress::fraction() const
{
    const double total = double(epochs) * double(std::max<qint64>(1, stepsPerEpoch));
    return total > 0
               ? std::min(1.0, (double(epoch - 1) * double(stepsPerEpoch) + double(step)) / total)
               : 0.0;
}

QString jobOutcomeName(JobOutcome outcome)
{
    switch (outcome) {
    case JobOutcome::Finished:
        return QStringLiteral("finished");
    case JobOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case JobOutcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

struct RunJob::Private
{
    QString storePath;
    QString resumeRunId;
    RunStore *store = nullptr; ///< open while work() runs
    QElapsedTimer sinceStart, sinceEmit, sinceHeartbeat;
    double firstFraction = -1;
    std::atomic<bool> cancel{false};
    std::unique_ptr<QThread> thread;
    mutable QMutex mutex;
    QString runId;
    QString runName;
    JobOutcome outcome = JobOutcome::Failed;
    QString message;
    QJsonObject result;
    std::shared_ptr<DataParallelGroup> parallel;
};

namespace {

void registerTypes()
{
    static const bool once = [] {
        qRegisterMetaType<JobProgress>("equiscope::JobProgress");
        qRegisterMetaType<JobOutcome>("equiscope::JobOutcome");
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

RunJob::RunJob(const QString &storePath, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    registerTypes();
    d->storePath = storePath;
}

RunJob::~RunJob()
{
    // Subclasses must not be destroyed while work() runs: their destructors wait too, this is
    // the last line of defence for jobs that never started.
    requestCancel();
    wait();
}

void RunJob::start()
{
    if (d->thread)
        return;
    d->thread.reset(QThread::create([this] { work(); }));
    d->thread->setObjectName(QStringLiteral("RunJob"));
    d->thread->start();
}

void RunJob::requestCancel()
{
    d->cancel = true;
}

bool RunJob::isRunning() const
{
    return d->thread && d->thread->isRunning();
}

bool RunJob::wait(int ms)
{
    if (!d->thread)
        return true;
    return ms < 0 ? d->thread->wait() : d->thread->wait(QDeadlineTimer(ms));
}

QString RunJob::runId() const
{
    QMutexLocker lock(&d->mutex);
    return d->runId;
}

QString RunJob::runName() const
{
    QMutexLocker lock(&d->mutex);
    return d->runName;
}

QString RunJob::storePath() const
{
    return d->storePath;
}

JobOutcome RunJob::outcome() const
{
    QMutexLocker lock(&d->mutex);
    return d->outcome;
}

QString RunJob::message() const
{
    QMutexLocker lock(&d->mutex);
    return d->message;
}

QJsonObject RunJob::result() const
{
    QMutexLocker lock(&d->mutex);
    return d->result;
}

bool RunJob::cancelRequested() const
{
    return d->cancel.load();
}

const std::atomic<bool> &RunJob::cancelFlag() const
{
    return d->cancel;
}

void RunJob::setRunId(const QString &runId)
{
    QMutexLocker lock(&d->mutex);
    d->runId = runId;
}

void RunJob::setResult(const QJsonObject &result)
{
    QMutexLocker lock(&d->mutex);
    d->result = result;
}

void RunJob::finish(RunStore *store, JobOutcome outcome, const QString &message, bool interrupted)
{
    const QString id = runId();
    if (store && !id.isEmpty()) {
        const RunStatus status = outcome == JobOutcome::Finished    ? RunStatus::Finished
                                 : outcome == JobOutcome::Cancelled ? RunStatus::Cancelled
                                 : interrupted                      ? RunStatus::Interrupted
                                                                    : RunStatus::Failed;
        store->finishRun(id, status, message);
    }
    {
        QMutexLocker lock(&d->mutex);
        d->outcome = outcome;
        d->message = message;
    }
    Q_EMIT logMessage(QStringLiteral("%1: %2").arg(jobOutcomeName(outcome), message));
    Q_EMIT finished(outcome, message);
}

QString RunJob::resumeObstacle(const RunRecord &run, JobOutcome *outcome)
{
    if (run.status == RunStatus::Finished) {
        *outcome = JobOutcome::Finished;
        return QStringLiteral("run %1 has already finished").arg(run.id);
    }
    if (run.status == RunStatus::Running && run.ownerPid != QCoreApplication::applicationPid()) {
        *outcome = JobOutcome::Failed;
        return QStringLiteral("run %1 is still running in process %2")
            .arg(run.id)
            .arg(run.ownerPid);
    }
    return {};
}

void RunJob::setResumeRunId(const QString &runId)
{
    d->resumeRunId = runId;
    setRunId(runId);
}

bool RunJob::isResume() const
{
    return !d->resumeRunId.isEmpty();
}

void RunJob::work()
{
    std::unique_ptr<RunStore> store;
    QString runId; // empty while no run of ours is in the store (not created, or another's)
    auto end = [&](JobOutcome outcome, const QString &message, bool interrupted = false) {
        d->store = nullptr;
        if (!runId.isEmpty())
            setRunId(runId);
        finish(runId.isEmpty() ? nullptr : store.get(), outcome, message, interrupted);
        d->parallel.reset();
    };
    auto opened = RunStore::open(storePath());
    if (!opened)
        return end(JobOutcome::Failed, opened.error().toString());
    store = std::move(opened.value());

    if (isResume()) {
        auto run = store->run(d->resumeRunId);
        if (!run)
            return end(JobOutcome::Failed, run.error().toString());
        JobOutcome outcome = JobOutcome::Failed;
        const QString obstacle = resumeObstacle(run.value(), &outcome);
        // Reported, never recorded: a finished run keeps its summary and finish time, and a run
        // another process runs is not ours to touch.
        if (!obstacle.isEmpty())
            return end(outcome, obstacle);
        runId = d->resumeRunId;
        if (auto loaded = loadConfig(run->config); !loaded)
            return end(JobOutcome::Failed, loaded.error().toString());
    }
    auto parallelEnvironment = DistributedEnvironment::fromProcess();
    if (!parallelEnvironment)
        return end(JobOutcome::Failed, parallelEnvironment.error().toString());
    if (parallelEnvironment.value() && parallelEnvironment.value()->isDistributed() &&
        !supportsDataParallel())
        return end(JobOutcome::Failed,
                   QStringLiteral("%1 runs (%2) train in one process; WORLD_SIZE=%3 asks for a "
                                  "data-parallel run (docs/design/distributed.md lists what can)")
                       .arg(runFamilyName(family()), methodName())
                       .arg(parallelEnvironment.value()->worldSize));
    if (auto prepared = prepare(); !prepared)
        return end(cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed,
                   prepared.error().toString());
    if (parallelEnvironment.value() && parallelEnvironment.value()->isDistributed()) {
        if (auto joined = joinDataParallelRun(*parallelEnvironment.value(), newRunRecord());
            !joined)
            return end(JobOutcome::Failed, joined.error().toString());
    }
    if (runId.isEmpty()) {
        RunRecord record = newRunRecord();
        record.family = family();
        record.versions = environmentInfo().toJson();
        if (d->parallel)
            record.versions.insert(QStringLiteral("data_parallel"), d->parallel->toJson());
        // Created as running by this process, not as queued: a process killed between the insert
        // and markRunning() below then leaves a row the store's recovery marks interrupted (its
        // owner is known and dead); a queued row has no owner to check and stayed queued.
        record.status = RunStatus::Running;
        record.ownerPid = QCoreApplication::applicationPid();
        record.ownerHost = QSysInfo::machineHostName();
        auto id = store->createRun(record);
        if (!id)
            return end(JobOutcome::Failed, id.error().toString());
        runId = id.value();
        QMutexLocker lock(&d->mutex);
        d->runName = record.name;
    }
    setRunId(runId);
    Q_EMIT runCreated(runId);
    store->markRunning(runId, QCoreApplication::applicationPid());
    d->store = store.get();
    d->sinceStart.start();
    d->sinceEmit.start();
    d->sinceHeartbeat.start();
    d->firstFraction = -1;
    const JobEnd result = execute(*store, runId);
    end(result.outcome, result.message, result.interrupted);
}

Expected<Done> RunJob::joinDataParallelRun(const DistributedEnvironment &env,
                                           const RunRecord &record)
{
    Q_EMIT logMessage(QStringLiteral("rank %1 of %2: joining the run at %3:%4")
                          .arg(env.rank)
                          .arg(env.worldSize)
                          .arg(env.masterAddress)
                          .arg(env.masterPort));
    auto group = DataParallelGroup::join(env);
    if (!group)
        return group.error();
    // The same run on every rank: its config (the thread count may differ per machine) and the
    // fingerprint of its data.
    QJsonObject config = record.config;
    config.remove(QStringLiteral("threads"));
    const QByteArray fingerprint = QJsonDocument(config).toJson(QJsonDocument::Compact) + '\n' +
                                   record.datasetFingerprint.toUtf8();
    if (auto same = group.value()->checkSameRun(fingerprint); !same)
        return same.error();
    d->parallel = group.value();
    return Done{};
}

std::shared_ptr<DataParallelGroup> RunJob::dataParallel() const
{
    return d->parallel;
}

bool RunJob::recordsRun() const
{
    return !d->parallel || d->parallel->rank() == 0;
}

JobEnd RunJob::epochFailed(const DataError &error) const
{
    if (d->parallel && d->parallel->lostContact())
        return JobEnd::interruptedBy(
            QStringLiteral("%1; the run is interrupted after its last checkpoint and resumes "
                           "with 'runs resume' (any number of ranks)")
                .arg(error.toString()));
    return JobEnd::failed(error);
}

void RunJob::reportProgress(JobProgress progress, bool force)
{
    if (d->store && d->sinceHeartbeat.elapsed() > 10000) {
        d->store->heartbeat(runId());
        d->sinceHeartbeat.restart();
    }
    // Throttle: progress crosses threads at most ~10 times per second.
    if (!force && d->sinceEmit.elapsed() < 100 && progress.step != progress.stepsPerEpoch)
        return;
    d->sinceEmit.restart();
    // ETA from the fraction done by this process (restored epochs and stages cost nothing).
    const double f = progress.fraction();
    if (d->firstFraction < 0)
        d->firstFraction = f;
    const double elapsed = double(d->sinceStart.elapsed()) / 1000.0;
    if (progress.etaSeconds < 0 && f > d->firstFraction + 1e-3 && elapsed > 0.2)
        progress.etaSeconds = elapsed * (1.0 - f) / (f - d->firstFraction);
    Q_EMIT progressChanged(progress);
}

Expected<RunJob::Checkpoint> RunJob::lastCheckpoint(RunStore &store, const QString &runId) const
{
    Checkpoint checkpoint;
    auto resumable = store.resumableEpoch(runId);
    if (!resumable || resumable.value() < 1)
        return checkpoint;
    auto stored = store.artifact(runId, ArtifactKind::checkpoint(), resumable.value());
    if (!stored)
        return stored.error();
    checkpoint.epoch = resumable.value();
    checkpoint.bytes = stored->bytes;
    return checkpoint;
}

RunRecord RunJob::runRecord(const QString &name, const QString &source, const QJsonObject &config,
                            const QJsonObject &datasetSpec, quint64 seed,
                            const QString &fingerprint) const
{
    RunRecord record;
    record.name = name.isEmpty() ? QStringLiteral("%1 on %2").arg(methodName(), source) : name;
    record.method = methodName();
    record.config = config;
    record.datasetFingerprint = fingerprint;
    record.datasetSpec = datasetSpec;
    record.seed = qint64(seed);
    return record;
}

JobEnd RunJob::cancelledDuringEpoch(int epoch)
{
    return JobEnd::cancelled(QStringLiteral("cancelled during epoch %1; resumable from epoch %2")
                                 .arg(epoch)
                                 .arg(epoch - 1));
}

Expected<Dataset> RunJob::openJobDataset(const DatasetSpec &spec)
{
    Q_EMIT logMessage(QStringLiteral("opening %1 (%2)").arg(spec.path, spec.format));
    ReadContext ctx;
    ctx.cancelled = [this] { return cancelRequested(); };
    auto dataset = openDataset(spec, ctx);
    // What the reader had to assume goes to the run's log, never only into the run.
    if (dataset)
        for (const QString &warning : dataset->warnings)
            Q_EMIT logMessage(QStringLiteral("warning: %1: %2").arg(spec.path, warning));
    return dataset;
}

} // namespace equiscope
