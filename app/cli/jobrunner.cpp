#include "jobrunner.h"

#include "clioutput.h"

#include "families/familyregistry.h"
#include "jobs/runjob.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace equiscope::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void onSignal(int)
{
    g_interrupted = 1;
}

QString formatEta(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2")
        .arg(s / 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

int runJobInTerminal(RunJob *job, const QString &storePath, bool printSummary)
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    const bool tty = isatty(fileno(stderr));
    QObject::connect(job, &RunJob::progressChanged, job, [tty](const JobProgress &p) {
        const int width = 30;
        const int filled = int(p.fraction() * width);
        const QString bar =
            QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
        const QString unit = p.stage.isEmpty() ? QStringLiteral("epoch") : p.stage;
        const QString line = QStringLiteral("[%1] %8 %2/%3 step %4/%5 loss %6 eta %7")
                                 .arg(bar)
                                 .arg(p.epoch)
                                 .arg(p.epochs)
                                 .arg(p.step)
                                 .arg(p.stepsPerEpoch)
                                 .arg(p.loss, 0, 'f', 4)
                                 .arg(formatEta(p.etaSeconds), unit);
        const QByteArray b =
            (tty ? QStringLiteral("\r") + line : line + QLatin1Char('\n')).toUtf8();
        // Without a terminal, print only each epoch's last step to keep logs short.
        if (tty || p.step == p.stepsPerEpoch)
            std::fputs(b.constData(), stderr);
    });
    QObject::connect(job, &RunJob::logMessage, job, [tty](const QString &m) {
        std::fputs(((tty ? QStringLiteral("\r\033[K") : QString()) + m + QLatin1Char('\n'))
                       .toUtf8()
                       .constData(),
                   stderr);
    });
    QObject::connect(
        job, &RunJob::finished, qApp, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, job, [job] {
        if (g_interrupted) {
            job->requestCancel();
            g_interrupted = 0;
        }
    });
    poll.start(100);
    job->start();
    QCoreApplication::exec();
    job->wait();

    QJsonObject summary{{QStringLiteral("run"), job->runId()},
                        {QStringLiteral("status"), jobOutcomeName(job->outcome())},
                        {QStringLiteral("message"), job->message()},
                        {QStringLiteral("store"), storePath},
                        {QStringLiteral("method"), job->methodName()}};
    // The family's headline numbers: every top-level scalar of its result.
    const QJsonObject result = job->result();
    for (auto it = result.begin(); it != result.end(); ++it)
        if (it.value().isDouble() && !summary.contains(it.key()))
            summary.insert(it.key(), it.value());
    if (printSummary)
        printJson(summary);
    return job->outcome() == JobOutcome::Finished    ? 0
           : job->outcome() == JobOutcome::Cancelled ? 3
                                                     : 1;
}

QCommandLineOption dryRunOption()
{
    return {QStringLiteral("dry-run"),
            QStringLiteral("Print what the run would do (its stages with images, steps, epochs) "
                           "and an estimate of its minutes on this machine, from the store's past "
                           "runs like it or a short calibration, then exit without training.")};
}

int printRunCost(RunFamily family, const QJsonObject &config, const QString &storePath)
{
    const MethodFamily *f = FamilyRegistry::instance().family(family);
    if (!f)
        return fail(QStringLiteral("no method family %1").arg(runFamilyName(family)));
    std::atomic<bool> cancel{false};
    auto cost = f->estimateCost(config, storePath, cancel);
    if (!cost)
        return fail(cost.error().toString());
    QJsonObject o = cost->toJson();
    o.insert(QStringLiteral("family"), runFamilyName(family));
    o.insert(QStringLiteral("method"), config.value(QStringLiteral("method")));
    printJson(o);
    std::fprintf(stderr, "%s\n", qPrintable(cost->summary()));
    if (cost->longerThanAnHour())
        std::fprintf(stderr, "warning: this run would take longer than an hour on this machine "
                             "(CPU); lower the epochs or the sample limits for a first look\n");
    return 0;
}

} // namespace equiscope::cli
