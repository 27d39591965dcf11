#include "slurmarray.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>

namespace equiscope::cli {

namespace {

DataError slurmError(const QString &file, const QString &detail)
{
    DataError e;
    e.file = file;
    e.detail = detail;
    return e;
}

/// A value written into the job script: no white space, quotes or shell characters.
bool scriptSafe(const QString &text)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:,+@=-]*$"));
    return safe.match(text).hasMatch();
}

QString slurmRecordPath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("slurm.json"));
}

} // namespace

Expected<QString> submitSlurmArray(const QString &dirIn, const SweepPlan &plan,
                                   const SlurmArrayOptions &options)
{
    const QString dir = QFileInfo(dirIn).absoluteFilePath();
    const QString cli = QCoreApplication::applicationFilePath();
    for (const QString &value : {dir, cli, options.partition, options.timeLimit})
        if (!scriptSafe(value))
            return slurmError(QStringLiteral("sweep run --slurm"),
                              QStringLiteral("'%1' cannot go into a Slurm job script (white space, "
                                             "quotes or shell characters)")
                                  .arg(value));
    const int last = int(plan.points().size()) - 1;
    QString script =
        QStringLiteral("#!/bin/sh\n"
                       "# Written by equiscope-cli sweep run --slurm: one array task "
                       "per point of the sweep in %1.\n"
                       "#SBATCH --job-name=equiscope-sweep\n"
                       "#SBATCH --array=0-%2%3\n"
                       "#SBATCH --output=%1/logs/slurm-%A_%a.log\n")
            .arg(dir)
            .arg(last)
            .arg(options.maxRunning > 0 ? QStringLiteral("%") + QString::number(options.maxRunning)
                                        : QString());
    if (!options.partition.isEmpty())
        script += QStringLiteral("#SBATCH --partition=%1\n").arg(options.partition);
    if (!options.timeLimit.isEmpty())
        script += QStringLiteral("#SBATCH --time=%1\n").arg(options.timeLimit);
    if (options.cpusPerTask > 0)
        script += QStringLiteral("#SBATCH --cpus-per-task=%1\n").arg(options.cpusPerTask);
    if (options.nodes > 1) {
        // One rank per node; rank 0's node serves the rendezvous (docs/guide/scaling-out.md).
        script += QStringLiteral("#SBATCH --nodes=%1\n#SBATCH --ntasks-per-node=1\n"
                                 "MASTER_ADDR=$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | "
                                 "head -n 1)\n"
                                 "MASTER_PORT=$((29500 + SLURM_ARRAY_TASK_ID %% 1000))\n"
                                 "export MASTER_ADDR MASTER_PORT WORLD_SIZE=$SLURM_NTASKS\n"
                                 "exec srun sh -c 'RANK=$SLURM_PROCID LOCAL_RANK=$SLURM_LOCALID "
                                 "LOCAL_WORLD_SIZE=1 exec \"$0\" sweep task \"$1\" \"$2\"' "
                                 "%2 %3 \"$SLURM_ARRAY_TASK_ID\"\n")
                      .arg(options.nodes)
                      .arg(cli, dir);
        script.replace(QStringLiteral("%%"), QStringLiteral("%"));
    } else {
        script += QStringLiteral("exec %1 sweep task %2 \"$SLURM_ARRAY_TASK_ID\"\n").arg(cli, dir);
    }
    const QString scriptPath = QDir(dir).filePath(QStringLiteral("sweep.sbatch"));
    {
        QSaveFile f(scriptPath);
        if (!f.open(QIODevice::WriteOnly))
            return slurmError(scriptPath, f.errorString());
        f.write(script.toUtf8());
        if (!f.commit())
            return slurmError(scriptPath, f.errorString());
    }
    QProcess sbatch;
    sbatch.setWorkingDirectory(dir);
    sbatch.start(QStringLiteral("sbatch"), {QStringLiteral("--parsable"), scriptPath});
    if (!sbatch.waitForStarted(10000))
        return slurmError(QStringLiteral("sbatch"),
                          QStringLiteral("cannot run sbatch (%1): is Slurm's client installed and "
                                         "on PATH?")
                              .arg(sbatch.errorString()));
    if (!sbatch.waitForFinished(60000)) {
        sbatch.kill();
        return slurmError(QStringLiteral("sbatch"),
                          QStringLiteral("no answer from the Slurm controller within 60 s"));
    }
    const QString out = QString::fromUtf8(sbatch.readAllStandardOutput()).trimmed();
    const QString err = QString::fromUtf8(sbatch.readAllStandardError()).trimmed();
    if (sbatch.exitStatus() != QProcess::NormalExit || sbatch.exitCode() != 0 || out.isEmpty())
        return slurmError(
            QStringLiteral("sbatch"),
            QStringLiteral("refused the job array: %1")
                .arg(err.isEmpty() ? QStringLiteral("exit code %1").arg(sbatch.exitCode()) : err));
    const QString jobId = out.section(QLatin1Char(';'), 0, 0).trimmed();
    QSaveFile record(slurmRecordPath(dir));
    if (record.open(QIODevice::WriteOnly)) {
        record.write(
            QJsonDocument(QJsonObject{{QStringLiteral("job"), jobId},
                                      {QStringLiteral("script"), scriptPath},
                                      {QStringLiteral("submitted"),
                                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}})
                .toJson());
        record.commit();
    }
    return jobId;
}

QString slurmJobId(const QString &dir)
{
    QFile f(slurmRecordPath(dir));
    if (!f.open(QIODevice::ReadOnly) || f.size() > 65536)
        return {};
    const QString job =
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("job")).toString();
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return digits.match(job).hasMatch() ? job : QString();
}

QMap<int, QString> slurmTaskStates(const QString &dir)
{
    QMap<int, QString> states;
    const QString job = slurmJobId(dir);
    if (job.isEmpty())
        return states;
    QProcess squeue;
    squeue.start(QStringLiteral("squeue"),
                 {QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-j"), job,
                  QStringLiteral("-o"), QStringLiteral("%i %T")});
    if (!squeue.waitForFinished(30000) || squeue.exitCode() != 0)
        return states;
    // "JOB_INDEX STATE" per task; a pending range not yet split reads "JOB_[0-3] PENDING".
    static const QRegularExpression line(QStringLiteral("^\\d+_(\\d+)\\s+(\\S+)$"));
    for (const QString &l :
         QString::fromUtf8(squeue.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const auto m = line.match(l.trimmed());
        if (m.hasMatch())
            states.insert(m.captured(1).toInt(), m.captured(2));
    }
    return states;
}

} // namespace equiscope::cli
