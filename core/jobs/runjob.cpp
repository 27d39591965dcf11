#include "runjob.h"

#include "data/datasetreader.h"
#include "store/runstore.h"

#include <QCoreApplication>
#include <QMutex>
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
    std::atomic<bool> cancel{false};
    std::unique_ptr<QThread> thread;
    mutable QMutex mutex;
    QString runId;
    JobOutcome outcome = JobOutcome::Failed;
    QString message;
    QJsonObject result;
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

void RunJob::finish(RunStore *store, JobOutcome outcome, const QString &message)
{
    const QString id = runId();
    if (store && !id.isEmpty()) {
        const RunStatus status = outcome == JobOutcome::Finished    ? RunStatus::Finished
                                 : outcome == JobOutcome::Cancelled ? RunStatus::Cancelled
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

RunJob::ResumeCheck RunJob::checkResume(RunStore &store, const QString &runId)
{
    ResumeCheck check;
    auto run = store.run(runId);
    if (!run) {
        check.message = run.error().toString();
        return check;
    }
    check.message = resumeObstacle(run.value(), &check.outcome);
    // A finished run stays ours to report on; one another process runs is not ours to touch.
    check.ours = check.message.isEmpty() || check.outcome != JobOutcome::Failed;
    if (check.message.isEmpty())
        check.config = run->config;
    return check;
}

Expected<Dataset> RunJob::openJobDataset(const DatasetSpec &spec)
{
    Q_EMIT logMessage(QStringLiteral("opening %1 (%2)").arg(spec.path, spec.format));
    ReadContext ctx;
    ctx.cancelled = [this] { return cancelRequested(); };
    return openDataset(spec, ctx);
}

JobOutcome RunJob::datasetFailureOutcome() const
{
    return cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed;
}

} // namespace equiscope
