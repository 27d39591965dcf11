#include "runs/externalrun.h"

#include "families/sweepplan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <unistd.h>

namespace equiscope {

namespace {

/// The last @p lines non-empty lines of a process's error output: where the CLI says what went
/// wrong.
QString lastLines(const QByteArray &output, int lines = 3)
{
    QStringList kept;
    const auto all = QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = std::max<qsizetype>(0, all.size() - lines); i < all.size(); ++i)
        kept << all[i].trimmed();
    return kept.join(QLatin1Char('\n'));
}

bool slurmActive(const QString &state)
{
    return state == QLatin1String("RUNNING") || state == QLatin1String("COMPLETING") ||
           state == QLatin1String("CONFIGURING");
}

} // namespace

ExternalRun::ExternalRun(const QString &name, const Request &request, const QString &folder,
                         const QString &storePath, QObject *parent)
    : QObject(parent), m_name(name), m_request(request), m_folder(folder), m_storePath(storePath)
{
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &ExternalRun::poll);
}

ExternalRun::~ExternalRun()
{
    // The run goes on without the window (it is the CLI's); only the pollers stop.
    for (QProcess *p : {m_status.data(), m_collector.data()})
        if (p) {
            p->kill();
            p->waitForFinished(2000);
        }
    if (m_launcher) {
        m_launcher->disconnect(this);
        // A local run is a child of this process: it keeps running detached from it.
        m_launcher->setParent(nullptr);
    }
}

ExternalRun *ExternalRun::start(const QJsonObject &config, const Request &request,
                                const QString &folder, const QString &storePath, QString *error,
                                QObject *parent)
{
    auto fail = [&](const QString &why) -> ExternalRun * {
        if (error)
            *error = why;
        return nullptr;
    };
    if (request.place == Place::Slurm)
        if (const QString why = slurmUnavailableReason(); !why.isEmpty())
            return fail(why);
    if (cliPath().isEmpty())
        return fail(tr("equiscope-cli was not found next to this program or on PATH"));
    auto plan = SweepPlan::create(config, {}, {});
    if (!plan)
        return fail(plan.error().toString());
    if (auto written = plan->write(folder); !written)
        return fail(written.error().toString());
    const QString name = config.value(QStringLiteral("name")).toString().isEmpty()
                             ? plan->points().value(0).name
                             : config.value(QStringLiteral("name")).toString();
    auto *run = new ExternalRun(name, request, folder, storePath, parent);
    run->launch();
    return run;
}

QString ExternalRun::cliPath()
{
    const QString given = qEnvironmentVariable("EQUISCOPE_CLI");
    if (!given.isEmpty())
        return QFileInfo(given).isExecutable() ? given : QString();
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("equiscope-cli"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("equiscope-cli"));
}

QString ExternalRun::slurmUnavailableReason()
{
    if (QStandardPaths::findExecutable(QStringLiteral("sbatch")).isEmpty())
        return tr("Slurm's sbatch is not on PATH: this machine cannot submit Slurm jobs");
    return {};
}

bool ExternalRun::isActive() const
{
    return m_state != State::Finished && m_state != State::Failed && m_state != State::Cancelled;
}

QProcess *ExternalRun::newCli(const QStringList &arguments)
{
    auto *p = new QProcess(this);
    p->setProgram(cliPath());
    p->setArguments(arguments);
    return p;
}

void ExternalRun::launch()
{
    QStringList args{QStringLiteral("sweep"), QStringLiteral("run"), m_folder};
    if (m_request.place == Place::LocalProcesses) {
        args << QStringLiteral("--local") << QStringLiteral("1") << QStringLiteral("--nproc")
             << QString::number(m_request.processes);
    } else {
        args << QStringLiteral("--slurm");
        if (!m_request.partition.isEmpty())
            args << QStringLiteral("--partition") << m_request.partition;
        if (!m_request.timeLimit.isEmpty())
            args << QStringLiteral("--time") << m_request.timeLimit;
        args << QStringLiteral("--nodes") << QString::number(m_request.nodes);
    }
    m_launcher = newCli(args);
    // A process group of its own: Cancel signals the run's every process (the point's task and
    // its ranks), not only the launcher.
    m_launcher->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_launcher, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) {
                launcherFinished(status == QProcess::NormalExit ? exitCode : -1);
            });
    connect(m_launcher, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            setState(State::Failed, m_launcher->errorString());
    });
    m_launcher->start();
    m_timer.start();
}

void ExternalRun::launcherFinished(int exitCode)
{
    m_launcherDone = true;
    const QByteArray err = m_launcher->readAllStandardError();
    const QByteArray out = m_launcher->readAllStandardOutput();
    if (m_request.place == Place::Slurm) {
        if (exitCode != 0) {
            setState(State::Failed, lastLines(err));
            return;
        }
        m_slurmJob = QJsonDocument::fromJson(out).object().value(QStringLiteral("job")).toString();
        setState(m_state == State::Cancelled ? State::Cancelled : State::Queued);
        poll();
        return;
    }
    if (m_state == State::Cancelled)
        return;
    if (exitCode != 0) {
        setState(State::Failed, lastLines(err));
        return;
    }
    collect();
}

void ExternalRun::poll()
{
    if (!isActive() || m_state == State::Collecting || m_status)
        return;
    m_status = newCli(
        {QStringLiteral("sweep"), QStringLiteral("status"), m_folder, QStringLiteral("--json")});
    QProcess *p = m_status;
    connect(p, &QProcess::finished, this, [this, p] {
        const QByteArray json = p->readAllStandardOutput();
        p->deleteLater();
        statusRead(json);
    });
    p->start();
}

void ExternalRun::statusRead(const QByteArray &json)
{
    const QJsonObject point = QJsonDocument::fromJson(json)
                                  .object()
                                  .value(QStringLiteral("points"))
                                  .toArray()
                                  .at(0)
                                  .toObject();
    if (point.isEmpty())
        return; // the folder is being written or the CLI failed: the next poll tries again
    m_pointStatus = point.value(QStringLiteral("status")).toString();
    if (const QString id = point.value(QStringLiteral("run")).toString(); !id.isEmpty())
        m_runId = id;
    m_epochs = qint64(point.value(QStringLiteral("epochs")).toDouble());
    m_slurmState = point.value(QStringLiteral("slurm")).toString();
    if (!isActive() || m_state == State::Collecting)
        return;
    if (m_request.place == Place::LocalProcesses) {
        if (!m_launcherDone && m_pointStatus == QLatin1String("running"))
            setState(State::Running);
        else
            Q_EMIT changed();
        return;
    }
    if (!m_launcherDone || m_slurmJob.isEmpty())
        return;
    if (!m_slurmState.isEmpty()) {
        setState(slurmActive(m_slurmState) ? State::Running : State::Queued);
        return;
    }
    // The job left the queue: its run says how it ended.
    if (m_pointStatus == QLatin1String("finished"))
        collect();
    else if (m_pointStatus == QLatin1String("cancelled"))
        setState(State::Cancelled);
    else
        setState(State::Failed, tr("Slurm job %1 left the queue with its run %2; its log is in %3")
                                    .arg(m_slurmJob, m_pointStatus,
                                         QDir::toNativeSeparators(
                                             QDir(m_folder).filePath(QStringLiteral("logs")))));
}

void ExternalRun::collect()
{
    setState(State::Collecting);
    m_collector = newCli({QStringLiteral("sweep"), QStringLiteral("collect"), m_folder,
                          QStringLiteral("--into"), m_storePath});
    QProcess *p = m_collector;
    connect(p, &QProcess::finished, this, [this, p](int exitCode, QProcess::ExitStatus status) {
        const QByteArray err = p->readAllStandardError();
        p->deleteLater();
        if (status != QProcess::NormalExit || exitCode != 0) {
            setState(State::Failed, lastLines(err));
            return;
        }
        // The status of the merged run (its id is the shard's).
        setState(State::Finished);
        Q_EMIT collected(m_runId);
    });
    p->start();
}

void ExternalRun::cancel()
{
    if (!isActive() || m_state == State::Collecting)
        return;
    if (m_request.place == Place::LocalProcesses) {
        if (m_launcher && m_launcher->state() != QProcess::NotRunning)
            ::kill(-pid_t(m_launcher->processId()), SIGTERM);
    } else if (!m_slurmJob.isEmpty()) {
        QProcess::startDetached(QStringLiteral("scancel"), {m_slurmJob});
    }
    setState(State::Cancelled);
}

void ExternalRun::setState(State state, const QString &error)
{
    m_state = state;
    if (!error.isEmpty())
        m_error = error;
    if (!isActive())
        m_timer.stop();
    Q_EMIT changed();
}

QString ExternalRun::statusText() const
{
    QString where = m_request.place == Place::LocalProcesses
                        ? tr("%1 local processes").arg(m_request.processes)
                        : (m_slurmJob.isEmpty() ? tr("Slurm") : tr("Slurm job %1").arg(m_slurmJob));
    QString what;
    switch (m_state) {
    case State::Starting:
        what = m_request.place == Place::Slurm ? tr("submitting") : tr("starting");
        break;
    case State::Queued:
        what = m_slurmState.isEmpty() ? tr("queued") : tr("queued (%1)").arg(m_slurmState);
        break;
    case State::Running:
        what = m_epochs > 0 ? tr("running, epochs recorded: %1").arg(m_epochs) : tr("running");
        break;
    case State::Collecting:
        what = tr("merging into the store");
        break;
    case State::Finished:
        what = tr("finished");
        break;
    case State::Failed:
        what = tr("failed");
        break;
    case State::Cancelled:
        what = tr("cancelled");
        break;
    }
    return tr("%1: %2").arg(where, what);
}

} // namespace equiscope
