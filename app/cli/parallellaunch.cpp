#include "parallellaunch.h"

#include "clioutput.h"

#include "distributed/distributedenvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace equiscope::cli {

namespace {

/// A TCP port on the loopback interface that nothing listens on right now (the kernel picks
/// it); 0 when none could be found.
quint16 freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

/// @p arguments without `--nproc N` / `--nproc=N`.
QStringList withoutNproc(const QStringList &arguments)
{
    QStringList out;
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--nproc")) {
            ++i;
            continue;
        }
        if (arguments[i].startsWith(QLatin1String("--nproc=")))
            continue;
        out << arguments[i];
    }
    return out;
}

QString tail(const QString &path, int lines)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    return all.mid(std::max(0, int(all.size()) - lines - 1)).join(QLatin1Char('\n'));
}

} // namespace

int requestedProcesses(const QStringList &arguments)
{
    QString value;
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--nproc"))
            value = arguments.value(i + 1);
        else if (arguments[i].startsWith(QLatin1String("--nproc=")))
            value = arguments[i].mid(8);
        else
            continue;
        bool ok = false;
        const int n = value.toInt(&ok);
        return ok && n >= 1 && n <= 256 ? n : -1;
    }
    return 1;
}

int launchLocalRanks(int processes)
{
    QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/equiscope-ranks-XXXXXX"));
    if (!scratch.isValid()) {
        std::fprintf(stderr, "equiscope-cli: cannot create a scratch folder for the ranks' logs\n");
        return 1;
    }
    const quint16 port = freeLoopbackPort();
    if (port == 0) {
        std::fprintf(stderr, "equiscope-cli: no free TCP port on 127.0.0.1 for the rendezvous\n");
        return 1;
    }
    // The whole command line of this process, not the subcommand's view of it (`runs resume`
    // hands its command only the words after "runs").
    QStringList workerArguments = withoutNproc(QCoreApplication::arguments()).mid(1);
    std::fprintf(stderr,
                 "equiscope-cli: %d processes on this machine, rendezvous at 127.0.0.1:%u\n",
                 processes, unsigned(port));
    std::vector<std::unique_ptr<QProcess>> ranks;
    for (int r = 0; r < processes; ++r) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(DistributedEnvironment::workerEnvironment(
            QProcessEnvironment::systemEnvironment(), r, processes, QStringLiteral("127.0.0.1"),
            port));
        if (r == 0) {
            process->setProcessChannelMode(QProcess::ForwardedChannels);
        } else {
            process->setProcessChannelMode(QProcess::MergedChannels);
            process->setStandardOutputFile(scratch.filePath(QStringLiteral("rank-%1.log").arg(r)));
        }
        process->start(QCoreApplication::applicationFilePath(), workerArguments);
        ranks.push_back(std::move(process));
    }
    // Wait for every rank; after the first failure the others get 60 s to notice and stop.
    QElapsedTimer sinceFailure;
    int failedRank = -1;
    for (;;) {
        bool running = false;
        for (int r = 0; r < processes; ++r) {
            QProcess &p = *ranks[size_t(r)];
            if (p.state() != QProcess::NotRunning) {
                p.waitForFinished(50);
            }
            if (p.state() != QProcess::NotRunning) {
                running = true;
                continue;
            }
            const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
            if (!ok && failedRank < 0) {
                failedRank = r;
                sinceFailure.start();
            }
        }
        if (!running)
            break;
        if (failedRank >= 0 && sinceFailure.elapsed() > 60000) {
            for (auto &p : ranks)
                if (p->state() != QProcess::NotRunning)
                    p->kill();
        }
    }
    int code = 0;
    for (int r = 0; r < processes; ++r) {
        QProcess &p = *ranks[size_t(r)];
        const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (ok)
            continue;
        const QString how = p.exitStatus() == QProcess::CrashExit
                                ? QStringLiteral("was killed")
                                : QStringLiteral("exited with code %1").arg(p.exitCode());
        std::fprintf(stderr, "equiscope-cli: rank %d of %d %s\n", r, processes,
                     how.toUtf8().constData());
        if (r > 0) {
            const QString log = tail(scratch.filePath(QStringLiteral("rank-%1.log").arg(r)), 8);
            if (!log.trimmed().isEmpty())
                std::fprintf(stderr, "[rank %d] %s\n", r,
                             QString(log)
                                 .replace(QLatin1Char('\n'), QStringLiteral("\n[rank %1] ").arg(r))
                                 .toUtf8()
                                 .constData());
        }
        if (code == 0)
            code = r == 0 && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : 1;
    }
    return code;
}

QCommandLineOption nprocOption()
{
    return {QStringLiteral("nproc"),
            QStringLiteral("Train as N processes of one data-parallel run on this machine (global "
                           "batch split over them; with --threads 0, each gets cores / N threads). "
                           "On a cluster, start one process per rank with torchrun's variables "
                           "instead (docs/guide/scaling-out.md)."),
            QStringLiteral("N")};
}

int launchRanksIfAsked(const QStringList &arguments)
{
    const int processes = requestedProcesses(arguments);
    if (processes < 0)
        return fail(QStringLiteral("--nproc needs a whole number from 1 to 256"), 2);
    if (processes == 1)
        return -1;
    if (qEnvironmentVariableIsSet("RANK") || qEnvironmentVariableIsSet("WORLD_SIZE"))
        return fail(QStringLiteral("--nproc starts its own ranks; this process already is one "
                                   "(RANK / WORLD_SIZE are set): drop --nproc or those variables"),
                    2);
    return launchLocalRanks(processes);
}

QString scratchStoreForThisRank(QString *error)
{
    auto env = DistributedEnvironment::fromProcess();
    if (!env) {
        *error = env.error().toString();
        return {};
    }
    if (!env.value() || env.value()->rank == 0)
        return {};
    static QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/equiscope-rank-XXXXXX"));
    if (!scratch.isValid()) {
        *error = QStringLiteral("rank %1: cannot create a scratch folder for its store")
                     .arg(env.value()->rank);
        return {};
    }
    return scratch.filePath(QStringLiteral("rank-%1.sqlite").arg(env.value()->rank));
}

} // namespace equiscope::cli
