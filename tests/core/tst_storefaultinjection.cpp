// Fault injection on the run store through the real CLI: SIGKILL at random points while runs of
// all three families train, resume, merge and are deleted (at least 100 kills), each followed by
// PRAGMA integrity_check, a check that no finished run changed, and a resume; then a disk that
// fills up during a checkpoint and during an image-cache write.
#include "clusteringfixtures.h"
#include "enginefixtures.h"
#include "fairsslfixtures.h"
#include "fixtures.h"

#include "clustering/clusteringconfig.h"
#include "fairssl/fairsslconfig.h"
#include "fare/fareconfig.h"
#include "store/runstore.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace equiscope;

namespace {

enum class Operation
{
    TrainFare,
    TrainFairSsl,
    Cluster,
    Resume,
    Merge,
    Delete
};

const char *operationName(Operation op)
{
    switch (op) {
    case Operation::TrainFare:
        return "train FARE";
    case Operation::TrainFairSsl:
        return "train fair SSL";
    case Operation::Cluster:
        return "cluster";
    case Operation::Resume:
        return "resume";
    case Operation::Merge:
        return "merge";
    case Operation::Delete:
        return "delete";
    }
    return "?";
}

struct Outcome
{
    bool killed = false;
    int exitCode = -1;
    QByteArray err;
};

/// Runs the CLI and SIGKILLs it after @p killAfterMs unless it has finished by then (< 0: never).
Outcome runCli(const QStringList &args, qint64 killAfterMs,
               const std::function<void()> &childSetup = {})
{
    QProcess p;
    if (childSetup)
        p.setChildProcessModifier(childSetup);
    p.start(QStringLiteral(EQUISCOPE_CLI_PATH), args);
    Outcome o;
    if (!p.waitForStarted())
        return o;
    if (killAfterMs >= 0 && !p.waitForFinished(int(killAfterMs))) {
        p.kill(); // SIGKILL: no destructor, no rollback, possibly in the middle of a write
        p.waitForFinished(-1);
        o.killed = true;
    } else {
        p.waitForFinished(-1);
    }
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.err = p.readAllStandardError();
    return o;
}

/// Every finished run of a store with its content digest (the store is opened, so interrupted
/// runs are recovered and orphan files swept first, as any later user of the store would).
QMap<QString, QByteArray> finishedRuns(const QString &storePath, QString *integrity = nullptr)
{
    QMap<QString, QByteArray> out;
    auto store = RunStore::open(storePath);
    if (!store)
        return out;
    if (integrity)
        *integrity = store.value()->integrityCheck().value_or(QStringLiteral("(failed)"));
    for (const RunRecord &r : store.value()->runs().value_or(QVector<RunRecord>()))
        if (r.status == RunStatus::Finished)
            out.insert(r.id, store.value()->runDigest(r.id).value_or(QByteArray()));
    return out;
}

/// Files under @p dir (recursively) whose name contains @p part.
QStringList filesContaining(const QString &dir, const QString &part)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (QFileInfo(f).fileName().contains(part))
            out.append(f);
    }
    return out;
}

/// Size of the regular files under @p dir (recursively), and the largest of them.
qint64 bytesUnder(const QString &dir, qint64 *largest = nullptr)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const qint64 size = QFileInfo(it.next()).size();
        total += size;
        if (largest)
            *largest = std::max(*largest, size);
    }
    return total;
}

/// A small tmpfs at @p dir, unmounted when destroyed. Mounting needs root in a namespace that
/// allows it; where it does not, mounted() is false and the tests limit the file size instead.
class SmallFileSystem
{
public:
    SmallFileSystem(const QString &dir, qint64 bytes) : m_dir(QFile::encodeName(dir))
    {
        QDir().mkpath(dir);
        // EQUISCOPE_TEST_NO_MOUNT=1 takes the path of machines that cannot mount.
        m_mounted = !qEnvironmentVariableIsSet("EQUISCOPE_TEST_NO_MOUNT") &&
                    ::mount("tmpfs", m_dir.constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                            ("size=" + QByteArray::number(bytes)).constData()) == 0;
    }
    ~SmallFileSystem()
    {
        if (m_mounted)
            ::umount2(m_dir.constData(), MNT_DETACH);
    }
    bool mounted() const { return m_mounted; }
    bool resize(qint64 bytes)
    {
        return ::mount("tmpfs", m_dir.constData(), "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV,
                       ("size=" + QByteArray::number(bytes)).constData()) == 0;
    }

private:
    QByteArray m_dir;
    bool m_mounted = false;
};

/// For QProcess::setChildProcessModifier: files the child writes may not grow past @p bytes
/// (writes beyond fail with EFBIG, as on a full disk, instead of raising SIGXFSZ).
std::function<void()> fileSizeLimit(qint64 bytes)
{
    return [bytes] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{rlim_t(bytes), rlim_t(bytes)};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    };
}

} // namespace

class TestStoreFaultInjection : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_fareConfig, m_fairSslConfig, m_clusterConfig;
    QString m_source; ///< one finished run per family: what merges copy
    QMap<QString, QByteArray> m_sourceRuns;
    QMap<Operation, qint64> m_durationMs; ///< of an uninterrupted run, measured first
    QRandomGenerator m_random{20261206};
    int m_names = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString mainStore() const { return path(QStringLiteral("main.sqlite")); }

    QStringList startArgs(Operation op, const QString &store, const QString &name) const
    {
        switch (op) {
        case Operation::TrainFare:
            return {"train", "--config", m_fareConfig, "--store", store, "--name", name};
        case Operation::TrainFairSsl:
            return {"train", "--config", m_fairSslConfig, "--store", store, "--name", name};
        case Operation::Cluster:
            return {"cluster", "--config", m_clusterConfig,
                    "--store", store,      "--name",
                    name,      "--out",    path(QStringLiteral("clusters-") + name)};
        default:
            return {};
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("EQUISCOPE_CACHE_DIR", path(QStringLiteral("cache")).toUtf8());
        // Checkpoints and reports as files beside the database, as large runs write them: the
        // kills then also land between a file and its row.
        qputenv("EQUISCOPE_STORE_FILE_THRESHOLD", "4096");
        FareConfig fare = fixtures::tinyColoredRun(path(QStringLiteral("fare")), 192, 64);
        fare.threads = 1;
        m_fareConfig = path(QStringLiteral("fare.json"));
        QVERIFY(fixtures::writeFile(m_fareConfig, QJsonDocument(fare.toJson()).toJson()));
        FairSslConfig ssl =
            fixtures::writeFairSslFixture(path(QStringLiteral("fairssl")), 160, 64).config;
        m_fairSslConfig = path(QStringLiteral("fairssl.json"));
        QVERIFY(fixtures::writeFile(m_fairSslConfig, QJsonDocument(ssl.toJson()).toJson()));
        ClusteringConfig cluster = fixtures::tinyClusteringRun(
            fixtures::writeClusteringFeatures(path(QStringLiteral("clusters")), 24, 8));
        m_clusterConfig = path(QStringLiteral("cluster.json"));
        QVERIFY(fixtures::writeFile(m_clusterConfig, QJsonDocument(cluster.toJson()).toJson()));

        // One uninterrupted run of each: the runs that merges copy, and how long each takes
        // (the kill points are drawn relative to it).
        m_source = path(QStringLiteral("source.sqlite"));
        for (Operation op : {Operation::TrainFare, Operation::TrainFairSsl, Operation::Cluster}) {
            QElapsedTimer t;
            t.start();
            const Outcome o =
                runCli(startArgs(op, m_source, QString::fromLatin1(operationName(op))), -1);
            QVERIFY2(o.exitCode == 0, o.err.constData());
            m_durationMs[op] = t.elapsed();
        }
        m_sourceRuns = finishedRuns(m_source);
        QCOMPARE(m_sourceRuns.size(), 3);
        QElapsedTimer t;
        t.start();
        const Outcome merged = runCli(
            {"runs", "merge", m_source, "--into", path(QStringLiteral("timing.sqlite"))}, -1);
        QVERIFY2(merged.exitCode == 0, merged.err.constData());
        m_durationMs[Operation::Merge] = t.elapsed();
        t.restart();
        const Outcome deleted = runCli(
            {"runs", "delete", "cluster", "--store", path(QStringLiteral("timing.sqlite"))}, -1);
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        m_durationMs[Operation::Delete] = t.elapsed();
        m_durationMs[Operation::Resume] = m_durationMs[Operation::TrainFare];
        for (auto it = m_durationMs.cbegin(); it != m_durationMs.cend(); ++it)
            qInfo("%s: %lld ms uninterrupted", operationName(it.key()), it.value());
    }

    void killsAtRandomPoints()
    {
        const int wanted = qEnvironmentVariableIsSet("EQUISCOPE_FAULT_KILLS")
                               ? qEnvironmentVariableIntValue("EQUISCOPE_FAULT_KILLS")
                               : 100;
        QMap<Operation, int> kills, completed;
        QStringList waiting;   ///< interrupted runs of the main store, resumed before anything else
        QStringList deletable; ///< finished runs the campaign made
        int total = 0, merges = 0, swept = 0;
        QElapsedTimer clock;
        clock.start();
        for (int iteration = 0; total < wanted; ++iteration) {
            QVERIFY2(iteration < 6 * wanted, "too few of the operations could be killed");
            const QMap<QString, QByteArray> before = finishedRuns(mainStore());

            // Every kill of a run is followed by its resume; otherwise a random operation.
            Operation op = Operation::Resume;
            if (waiting.isEmpty()) {
                const int pick = int(m_random.bounded(11));
                op = pick < 3   ? Operation::TrainFare
                     : pick < 5 ? Operation::TrainFairSsl
                     : pick < 7 ? Operation::Cluster
                     : pick < 9 ? Operation::Merge
                                : Operation::Delete;
                if (op == Operation::Delete && deletable.isEmpty())
                    op = Operation::TrainFare;
            }
            // Kill points from 10 % to 150 % of an uninterrupted run: about two in three land
            // while the command still runs, anywhere from start-up to the final write.
            const qint64 killAfter =
                qint64(double(m_durationMs[op]) * (0.1 + 1.4 * m_random.generateDouble()));

            QString runName, runId, mergeTarget;
            QStringList args;
            if (op == Operation::Resume) {
                runId = waiting.first();
                args = {"runs", "resume", runId, "--store", mainStore()};
            } else if (op == Operation::Merge) {
                mergeTarget = path(QStringLiteral("merge-%1.sqlite").arg(++merges));
                args = {"runs", "merge", m_source, "--into", mergeTarget};
            } else if (op == Operation::Delete) {
                runId = deletable.takeAt(int(m_random.bounded(qsizetype(deletable.size()))));
                args = {"runs", "delete", runId, "--store", mainStore()};
            } else {
                runName = QStringLiteral("run-%1").arg(++m_names);
                args = startArgs(op, mainStore(), runName);
            }
            const Outcome o = runCli(args, killAfter);
            const QString what =
                QStringLiteral("%1 (iteration %2, %3 after %4 ms)")
                    .arg(QLatin1String(operationName(op)))
                    .arg(iteration)
                    .arg(o.killed ? QStringLiteral("killed") : QStringLiteral("completed"))
                    .arg(killAfter);
            if (o.killed) {
                ++kills[op];
                ++total;
            } else {
                ++completed[op];
                QVERIFY2(o.exitCode == 0,
                         qPrintable(what + QLatin1String(": ") + QString::fromUtf8(o.err)));
            }

            // Files a killed writer left without a row: counted here, removed by every open.
            {
                RunStoreOptions raw;
                raw.recoverOnOpen = false;
                auto unopened = RunStore::open(mainStore(), raw);
                QVERIFY2(unopened.ok(), qPrintable(what));
                swept += int(unopened.value()->removeOrphanArtifactFiles().value().size());
            }
            // The main store after the kill: intact, no finished run changed.
            auto store = RunStore::open(mainStore());
            QVERIFY2(store.ok(), qPrintable(what));
            QCOMPARE(store.value()->integrityCheck().value(), QStringLiteral("ok"));
            for (auto it = before.cbegin(); it != before.cend(); ++it) {
                if (it.key() == runId && op == Operation::Delete)
                    continue; // checked below
                QVERIFY2(store.value()->runDigest(it.key()).value_or(QByteArray()) == it.value(),
                         qPrintable(
                             QStringLiteral("finished run %1 changed by %2").arg(it.key(), what)));
            }

            if (op == Operation::Resume || !runName.isEmpty()) {
                const QString id = runId.isEmpty()
                                       ? store.value()->resolveRun(runName).value_or(QString())
                                       : runId;
                if (id.isEmpty()) {
                    QVERIFY2(o.killed, qPrintable(what)); // killed before the run was created
                } else {
                    const RunRecord r = store.value()->run(id).value();
                    QVERIFY2(r.status == RunStatus::Finished ||
                                 (o.killed && r.status == RunStatus::Interrupted),
                             qPrintable(what + QLatin1String(": status ") +
                                        runStatusName(r.status) + QLatin1Char(' ') +
                                        r.statusMessage));
                    waiting.removeAll(id);
                    if (r.status == RunStatus::Interrupted)
                        waiting.append(id);
                    else
                        deletable.append(id);
                }
            } else if (op == Operation::Merge) {
                // Whatever the target holds is a complete copy; a second merge completes it.
                const QMap<QString, QByteArray> partial = finishedRuns(mergeTarget);
                for (auto it = partial.cbegin(); it != partial.cend(); ++it)
                    QVERIFY2(m_sourceRuns.value(it.key()) == it.value(), qPrintable(what));
                const Outcome again =
                    runCli({"runs", "merge", m_source, "--into", mergeTarget}, -1);
                QVERIFY2(again.exitCode == 0, again.err.constData());
                QString integrity;
                QCOMPARE(finishedRuns(mergeTarget, &integrity), m_sourceRuns);
                QCOMPARE(integrity, QStringLiteral("ok"));
            } else if (op == Operation::Delete) {
                // Either gone or untouched; deleting again finishes the job.
                if (store.value()->run(runId).ok()) {
                    QVERIFY2(store.value()->runDigest(runId).value() == before.value(runId),
                             qPrintable(what));
                    const Outcome again =
                        runCli({"runs", "delete", runId, "--store", mainStore()}, -1);
                    QVERIFY2(again.exitCode == 0, again.err.constData());
                }
                QVERIFY(!RunStore::open(mainStore()).value()->run(runId).ok());
                QVERIFY2(!QFileInfo::exists(store.value()->artifactDirectory() + QLatin1Char('/') +
                                            runId),
                         qPrintable(what));
            }
        }
        QCOMPARE(m_sourceRuns, finishedRuns(m_source)); // merging never wrote to its source

        // Finally every interrupted run resumes to the end, with all of its epochs.
        for (const QString &id : std::as_const(waiting)) {
            const Outcome o = runCli({"runs", "resume", id, "--store", mainStore()}, -1);
            QVERIFY2(o.exitCode == 0, o.err.constData());
        }
        auto store = RunStore::open(mainStore());
        const QVector<RunRecord> all = store.value()->runs().value();
        for (const RunRecord &r : all) {
            QVERIFY2(r.status == RunStatus::Finished,
                     qPrintable(r.name + QLatin1String(": ") + runStatusName(r.status)));
            if (r.family == RunFamily::Fare)
                QCOMPARE(store.value()->epochs(r.id).value().size(), 3);
        }
        QString report;
        for (auto it = kills.cbegin(); it != kills.cend(); ++it)
            report += QStringLiteral("%1: %2 killed, %3 completed; ")
                          .arg(QLatin1String(operationName(it.key())))
                          .arg(it.value())
                          .arg(completed.value(it.key()));
        qInfo("%d kills in %.0f s (%s%d orphan files swept); %d runs in the store", total,
              clock.elapsed() / 1000.0, qPrintable(report), swept, int(all.size()));
    }

    void diskFullDuringACheckpoint()
    {
        // How much a whole run writes (database, checkpoints as files), on an ordinary disk.
        const QString reference = path(QStringLiteral("reference/runs.sqlite"));
        const Outcome full = runCli(startArgs(Operation::TrainFare, reference, "reference"), -1);
        QVERIFY2(full.exitCode == 0, full.err.constData());
        QVERIFY(RunStore::open(reference).ok()); // closes cleanly: the WAL is folded back
        qint64 checkpoint = 0;
        const qint64 footprint = QFileInfo(reference).size() +
                                 bytesUnder(reference + QStringLiteral(".artifacts"), &checkpoint);
        QVERIFY(checkpoint > 4096);

        // A file system one and a half checkpoints short of that: the run must fail writing a
        // checkpoint (or the epoch row beside it) at the latest. Where no file system can be
        // mounted, no file may grow past half a checkpoint, so the first checkpoint fails.
        const QString folder = path(QStringLiteral("small"));
        SmallFileSystem small(folder, footprint - checkpoint * 3 / 2);
        const QString store = folder + QStringLiteral("/runs.sqlite");
        std::function<void()> limit;
        if (!small.mounted()) {
            qInfo("no tmpfs can be mounted here (%s): limiting the file size instead",
                  std::strerror(errno));
            limit = fileSizeLimit(checkpoint / 2);
        }
        const Outcome o = runCli(startArgs(Operation::TrainFare, store, "full"), -1, limit);
        QVERIFY2(o.exitCode == 1, o.err.constData()); // a data error, not a crash
        QVERIFY2(o.err.contains("space") || o.err.contains("full") || o.err.contains("too large"),
                 o.err.constData());
        QVERIFY2(o.err.contains(folder.toUtf8()), o.err.constData()); // names the file
        if (small.mounted())
            QVERIFY(small.resize(256ll << 20)); // the user frees space

        // Nothing half-written: the store is intact, every artifact it names reads back with
        // its checksum, and no file is left that no row names.
        {
            auto s = RunStore::open(store);
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
            QCOMPARE(s.value()->integrityCheck().value(), QStringLiteral("ok"));
            const QString id = s.value()->resolveRun(QStringLiteral("full")).value();
            const RunRecord r = s.value()->run(id).value();
            QVERIFY2(r.status == RunStatus::Failed || r.status == RunStatus::Interrupted,
                     qPrintable(runStatusName(r.status)));
            const QVector<ArtifactRecord> artifacts = s.value()->artifacts(id).value();
            if (small.mounted())
                QVERIFY(!artifacts.isEmpty()); // the first checkpoints were written
            for (const ArtifactRecord &a : artifacts)
                QVERIFY2(s.value()->artifactData(a).ok(), qPrintable(a.name));
            QCOMPARE(s.value()->removeOrphanArtifactFiles().value(), QStringList());
            QCOMPARE(filesContaining(folder, QStringLiteral(".bin.")), QStringList());
        }
        // And it resumes once there is room.
        const Outcome resumed = runCli({"runs", "resume", "full", "--store", store}, -1);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        auto s = RunStore::open(store);
        const QString id = s.value()->resolveRun(QStringLiteral("full")).value();
        QCOMPARE(s.value()->run(id).value().status, RunStatus::Finished);
        QCOMPARE(s.value()->epochs(id).value().size(), 3);
        qInfo("checkpoint %lld bytes, whole run %lld bytes; %s: %s", checkpoint, footprint,
              small.mounted() ? "tmpfs" : "file size limit",
              o.err.trimmed().right(200).constData());
    }

    void diskFullDuringTheImageCache()
    {
        // A dataset no cache exists for yet.
        FareConfig fare = fixtures::tinyColoredRun(path(QStringLiteral("uncached")), 192, 64);
        fare.threads = 1;
        const QString config = path(QStringLiteral("uncached.json"));
        QVERIFY(fixtures::writeFile(config, QJsonDocument(fare.toJson()).toJson()));
        const QString store = path(QStringLiteral("cache-test.sqlite"));
        const QByteArray cacheEnv = qgetenv("EQUISCOPE_CACHE_DIR");
        const auto restore = qScopeGuard([&] { qputenv("EQUISCOPE_CACHE_DIR", cacheEnv); });

        // Too little room left: refused before a byte is written.
        const QString folder = path(QStringLiteral("small-cache"));
        SmallFileSystem small(folder, 2 << 20);
        if (small.mounted()) {
            qputenv("EQUISCOPE_CACHE_DIR", folder.toUtf8());
            const Outcome o = runCli({"train", "--config", config, "--store", store}, -1);
            QVERIFY2(o.exitCode == 1, o.err.constData());
            QVERIFY2(o.err.contains("not enough disk space") && o.err.contains(folder.toUtf8()),
                     o.err.constData());
            QCOMPARE(filesContaining(folder, QStringLiteral(".partial")), QStringList());
        } else {
            qInfo("no tmpfs can be mounted here: the free-space refusal is tested in "
                  "tst_imagecache only");
        }

        // The disk fills while the cache is written (here: the file may not grow past 64 KiB):
        // a clear error, not SIGBUS from a mapped page that cannot be allocated; no partial file.
        const QString cacheDir = path(QStringLiteral("limited-cache"));
        qputenv("EQUISCOPE_CACHE_DIR", cacheDir.toUtf8());
        const Outcome o =
            runCli({"train", "--config", config, "--store", store}, -1, fileSizeLimit(64 << 10));
        QVERIFY2(o.exitCode == 1, o.err.constData());
        QVERIFY2(o.err.contains("cannot reserve the disk space") && o.err.contains(".partial"),
                 o.err.constData());
        QCOMPARE(filesContaining(cacheDir, QStringLiteral(".partial")), QStringList());

        // With room, the same command builds the cache and trains.
        const Outcome ok = runCli({"train", "--config", config, "--store", store}, -1);
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QCOMPARE(filesContaining(cacheDir, QStringLiteral(".partial")), QStringList());
        QVERIFY(!QDir(cacheDir).entryList(QDir::Files).isEmpty());
        qInfo("%s", o.err.trimmed().right(240).constData());
    }
};

QTEST_GUILESS_MAIN(TestStoreFaultInjection)
#include "tst_storefaultinjection.moc"
