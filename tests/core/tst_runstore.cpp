// The run store: every field round-trips, writes are transactions that survive a SIGKILL, old
// files migrate, foreign and newer files fail clearly, stores merge and export.
#include "store/runstore.h"
#include "store/storeschema.h"

#include "fixtures.h"
#include "storefixtures.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace equiscope;

using namespace equiscope::storefixtures;

class TestRunStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath()
    {
        return m_dir.filePath(QStringLiteral("s%1/runs.sqlite").arg(++m_counter));
    }

    std::unique_ptr<RunStore> openStore(const QString &path, RunStoreOptions o = {})
    {
        auto s = RunStore::open(path, o);
        if (!s)
            qFatal("open failed: %s", qPrintable(s.error().toString()));
        return std::move(s.value());
    }

private Q_SLOTS:
    void everyFieldRoundTrips()
    {
        const QString path = freshPath();
        RunRecord in = fullRun();
        QString id;
        {
            auto store = openStore(path);
            QCOMPARE(store->openedSchemaVersion(), 0);
            id = take(store->createRun(in));
            QCOMPARE(QUuid::fromString(id).isNull(), false);
        }
        RunStoreOptions o;
        o.recoverOnOpen = false;
        auto store = openStore(path, o);
        QCOMPARE(store->openedSchemaVersion(), StoreSchema::latestVersion());
        in.id = id;
        const RunRecord out = take(store->run(id));
        QCOMPARE(out.name, in.name);
        QCOMPARE(out.config, in.config);
        QCOMPARE(out.createdAt, in.createdAt);
        QCOMPARE(out.heartbeatAt, in.heartbeatAt);
        QCOMPARE(out.seed, in.seed);
        QVERIFY(out == in);
        QCOMPARE(take(store->runs()).size(), 1);

        RunRecord bare;
        bare.family = RunFamily::Clustering;
        const QString id2 = take(store->createRun(bare));
        const RunRecord b = take(store->run(id2));
        QVERIFY(b.createdAt.isValid());
        QVERIFY(!b.startedAt.isValid());
        QCOMPARE(b.family, RunFamily::Clustering);
        QCOMPARE(b.ownerPid, 0);
        QCOMPARE(b.currentEpoch, -1);

        RunFilter f;
        f.family = RunFamily::Clustering;
        QCOMPARE(take(store->runs(f)).size(), 1);
        f = {};
        f.nameContains = QStringLiteral("CELEBA");
        QCOMPARE(take(store->runs(f)).value(0).id, id);

        QVERIFY(store->markRunning(id2, 77));
        RunRecord running = take(store->run(id2));
        QCOMPARE(running.status, RunStatus::Running);
        QCOMPARE(running.ownerPid, 77);
        QCOMPARE(running.ownerHost, QSysInfo::machineHostName());
        QVERIFY(running.startedAt.isValid() && running.heartbeatAt.isValid());
        QVERIFY(store->heartbeat(id2));
        QVERIFY(store->finishRun(id2, RunStatus::Failed, QStringLiteral("out of memory")));
        running = take(store->run(id2));
        QCOMPARE(running.status, RunStatus::Failed);
        QCOMPARE(running.statusMessage, QStringLiteral("out of memory"));
        QVERIFY(running.finishedAt.isValid());
        QVERIFY(store->renameRun(id2, QStringLiteral("renamed")));
        QCOMPARE(take(store->run(id2)).name, QStringLiteral("renamed"));
        QCOMPARE(take(store->resolveRun(QStringLiteral("renamed"))), id2);
        QCOMPARE(take(store->resolveRun(id2.left(8))), id2);

        const auto missing = store->run(QStringLiteral("nope"));
        QVERIFY(!missing);
        QVERIFY(missing.error().toString().contains(QStringLiteral("no run 'nope'")));
        QVERIFY(!store->heartbeat(QStringLiteral("nope")));
        QVERIFY(!store->recordEpoch(QStringLiteral("nope"), 0, {}, 1));
    }

    void epochsUpsert()
    {
        auto store = openStore(freshPath());
        const QString id = take(store->createRun({}));
        QVERIFY(store->recordEpoch(id, 0, {{"loss", 2.0}}, 1.5));
        QVERIFY(store->recordEpoch(id, 1, {{"loss", 1.0}}, 1.25));
        QVERIFY(store->recordEpoch(id, 0, {{"loss", 1.9}, {"acc", 0.5}}, 1.75));
        const auto epochs = take(store->epochs(id));
        QCOMPARE(epochs.size(), 2);
        QCOMPARE(epochs[0].epoch, 0);
        QCOMPARE(epochs[0].metrics.value("loss").toDouble(), 1.9);
        QCOMPARE(epochs[0].metrics.value("acc").toDouble(), 0.5);
        QCOMPARE(epochs[0].wallSeconds, 1.75);
        QVERIFY(epochs[0].recordedAt.isValid());
        QCOMPARE(epochs[1].metrics.value("loss").toDouble(), 1.0);
        QCOMPARE(take(store->run(id)).currentEpoch, 1);
        QCOMPARE(take(store->resumableEpoch(id)), -1);
    }

    void metricsWithIntervalsAndGroups()
    {
        auto store = openStore(freshPath());
        const QString id = take(store->createRun({}));
        MetricRow overall{QStringLiteral("accuracy"), 0.91, 0.89, 0.93, {}, std::nullopt, {}};
        MetricRow men{QStringLiteral("accuracy"), 0.95, 0.92, 0.97,
                      QStringLiteral("Male=1"),   420,  {}};
        MetricRow women{QStringLiteral("accuracy"),
                        0.87,
                        std::nullopt,
                        std::nullopt,
                        QStringLiteral("Male=0"),
                        580,
                        {}};
        QVERIFY(store->putMetrics(id, QStringLiteral("final"), {overall, men, women}));
        QVERIFY(store->putMetrics(id, QStringLiteral("epoch:3"), {overall}));
        auto rows = take(store->metrics(id));
        QCOMPARE(rows.size(), 3);
        overall.scope = men.scope = women.scope = QStringLiteral("final");
        QVERIFY(rows[0] == overall);
        QVERIFY(rows[1] == men);
        QVERIFY(rows[2] == women);
        QVERIFY(!rows[2].ciLow.has_value());
        QCOMPARE(take(store->metrics(id, {})).size(), 4);
        QCOMPARE(take(store->metrics(id, QStringLiteral("epoch:3"))).size(), 1);
        // Replacing a scope replaces its rows, nothing else.
        QVERIFY(store->putMetrics(id, QStringLiteral("final"), {men}));
        QCOMPARE(take(store->metrics(id)).size(), 1);
        QCOMPARE(take(store->metrics(id, {})).size(), 2);
        QVERIFY(!store->putMetrics(id, QStringLiteral("bogus"), {men}));
        QCOMPARE(take(store->metrics(id)).size(), 1); // the failed write changed nothing
    }

    void artifactsInlineAndExternal()
    {
        const QString path = freshPath();
        RunStoreOptions o;
        o.externalThreshold = 1024;
        auto store = openStore(path, o);
        const QString id = take(store->createRun({}));
        const QByteArray small = pattern(100, 1), large = pattern(5000, 2);
        ArtifactRecord att;
        att.kind = QStringLiteral("attention");
        att.epoch = 2;
        att.name = QStringLiteral("sample-0");
        att.mime = QStringLiteral("image/png");
        const ArtifactRecord a1 = take(store->putArtifact(id, att, small));
        QVERIFY(a1.externalPath.isEmpty());
        QCOMPARE(a1.size, 100);
        QCOMPARE(a1.sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash(small, QCryptographicHash::Sha256).toHex()));
        const ArtifactRecord c1 =
            take(store->recordEpochWithCheckpoint(id, 2, {{"loss", 1}}, 1, large));
        QVERIFY(!c1.externalPath.isEmpty());
        const QString file = store->artifactDirectory() + "/" + c1.externalPath;
        QVERIFY(QFileInfo(file).absoluteFilePath().startsWith(path + ".artifacts/" + id + "/"));
        QVERIFY(QFile::exists(file));

        QCOMPARE(take(store->artifact(id, "attention", 2)).bytes, small);
        const StoredArtifact c = take(store->artifact(id, "checkpoint"));
        QCOMPARE(c.bytes, large);
        QCOMPARE(c.record.epoch, std::optional<int>(2));
        QCOMPARE(take(store->artifacts(id)).size(), 2);
        QCOMPARE(take(store->artifacts(id, "checkpoint")).size(), 1);
        QCOMPARE(take(store->resumableEpoch(id)), 2);
        QVERIFY(!store->artifact(id, "gradcam"));

        // Replacing the checkpoint of an epoch removes the old file once committed.
        const ArtifactRecord c2 =
            take(store->recordEpochWithCheckpoint(id, 2, {{"loss", 0.5}}, 1, pattern(6000, 3)));
        QVERIFY(c2.externalPath != c1.externalPath);
        QVERIFY(!QFile::exists(file));
        QCOMPARE(take(store->artifacts(id, "checkpoint")).size(), 1);

        // A corrupted external file is reported, naming the file.
        const QString file2 = store->artifactDirectory() + "/" + c2.externalPath;
        {
            QFile f(file2);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(10);
            f.write("XX");
        }
        const auto corrupt = store->artifact(id, "checkpoint", 2);
        QVERIFY(!corrupt);
        QVERIFY2(corrupt.error().toString().contains(c2.externalPath),
                 qPrintable(corrupt.error().toString()));
        QVERIFY(corrupt.error().toString().contains("corrupt artifact"));
        QFile::remove(file2);
        const auto missing = store->artifactData(c2);
        QVERIFY(!missing);
        QVERIFY(missing.error().toString().contains("missing"));
    }

    void failedTransactionLeavesNoFile()
    {
        RunStoreOptions o;
        o.externalThreshold = 10;
        auto store = openStore(freshPath(), o);
        const QString id = take(store->createRun({}));
        QString written;
        const auto result = store->atomically([&]() -> Expected<Done> {
            ArtifactRecord a;
            a.kind = "embeddings";
            const auto put = store->putArtifact(id, a, pattern(100, 4));
            written = put->externalPath;
            return DataError{store->path(), -1, -1, {}, {}, {}, "simulated failure"};
        });
        QVERIFY(!result);
        QVERIFY(!written.isEmpty());
        QVERIFY(!QFile::exists(store->artifactDirectory() + "/" + written));
        QCOMPARE(take(store->artifacts(id)).size(), 0);
    }

    void deleteCascades()
    {
        RunStoreOptions o;
        o.externalThreshold = 10;
        auto store = openStore(freshPath(), o);
        const QString keep = take(store->createRun({}));
        const QString id = take(store->createRun({}));
        for (const QString &run : {keep, id}) {
            QVERIFY(store->recordEpochWithCheckpoint(run, 0, {{"loss", 1}}, 1, pattern(100, 5)));
            QVERIFY(store->putMetrics(run, "final", {MetricRow{"acc", 0.5, {}, {}, {}, {}, {}}}));
        }
        const QString file =
            store->artifactDirectory() + "/" + take(store->artifacts(id))[0].externalPath;
        QVERIFY(QFile::exists(file));
        QVERIFY(store->deleteRun(id));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QDir(store->artifactDirectory() + "/" + id).exists());
        QVERIFY(!store->run(id));
        QVERIFY(!store->epochs(id));
        QVERIFY(!store->deleteRun(id));
        QCOMPARE(take(store->runs()).size(), 1);
        QCOMPARE(take(store->epochs(keep)).size(), 1);
        QCOMPARE(take(store->artifact(keep, "checkpoint")).bytes, pattern(100, 5));
        // No orphans: the cascade reached every table.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "count");
            db.setDatabaseName(store->path());
            QVERIFY(db.open());
            for (const char *table : {"epochs", "metrics", "artifacts"}) {
                QSqlQuery q(QStringLiteral("SELECT count(*) FROM %1 WHERE run_id = '%2'")
                                .arg(QString::fromLatin1(table), id),
                            db);
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toInt(), 0);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase("count");
    }

    void migratesHandMadeV1File()
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QStringList v1 = QString::fromUtf8(StoreSchema::migrationSql(1)).split(";\n");
        v1 << "INSERT INTO runs (id, name, method, family, config, status, created_at, seed) "
              "VALUES ('old-run', 'from v1', 'fare', 'fare', '{\"lr\":0.1}', 'finished', "
              "'2023-01-02T03:04:05.006Z', 7)"
           << "INSERT INTO epochs (run_id, epoch, metrics, recorded_at) VALUES ('old-run', 0, "
              "'{\"loss\":1}', '2023-01-02T03:05:00.000Z')"
           << "PRAGMA user_version = 1";
        QVERIFY(execSql(path, v1));
        QCOMPARE(userVersion(path), 1);
        {
            auto store = openStore(path);
            QCOMPARE(store->openedSchemaVersion(), 1);
            const RunRecord r = take(store->run("old-run"));
            QCOMPARE(r.name, QStringLiteral("from v1"));
            QCOMPARE(r.config.value("lr").toDouble(), 0.1);
            QCOMPARE(r.createdAt, QDateTime(QDate(2023, 1, 2), QTime(3, 4, 5, 6), Qt::UTC));
            QCOMPARE(r.notes, QString(""));
            QCOMPARE(take(store->epochs("old-run")).size(), 1);
            QVERIFY(store->setNotes("old-run", "migrated"));
        }
        QCOMPARE(userVersion(path), StoreSchema::latestVersion());
        auto again = openStore(path);
        QCOMPARE(again->openedSchemaVersion(), StoreSchema::latestVersion());
        QCOMPARE(take(again->run("old-run")).notes, QStringLiteral("migrated"));
    }

    void newerSchemaIsAClearError()
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY(execSql(path, {"CREATE TABLE runs (id TEXT)", "PRAGMA user_version = 99"}));
        const auto store = RunStore::open(path);
        QVERIFY(!store);
        const QString message = store.error().toString();
        QVERIFY2(message.contains(path) && message.contains("newer Equiscope") &&
                     message.contains("v99"),
                 qPrintable(message));
        QCOMPARE(userVersion(path), 99);
    }

    void nonSqliteFileIsAClearError()
    {
        const QString path = m_dir.filePath("notes.txt");
        QVERIFY(fixtures::writeFile(
            path, QByteArray("these are my notes, not a database\n").repeated(50)));
        const auto store = RunStore::open(path);
        QVERIFY(!store);
        const QString message = store.error().toString();
        QVERIFY2(message.contains(path) && message.contains("not a SQLite database"),
                 qPrintable(message));

        const QString other = m_dir.filePath("other.sqlite");
        QVERIFY(execSql(other, {"CREATE TABLE photos (id INTEGER)"}));
        const auto foreign = RunStore::open(other);
        QVERIFY(!foreign);
        QVERIFY2(foreign.error().toString().contains("not an Equiscope run store"),
                 qPrintable(foreign.error().toString()));

        RunStoreOptions noCreate;
        noCreate.create = false;
        QVERIFY(!RunStore::open(m_dir.filePath("absent.sqlite"), noCreate));
        QVERIFY(!QFile::exists(m_dir.filePath("absent.sqlite")));
    }

    void recoversDeadOwnersOnly()
    {
        const QString path = freshPath();
        RunStoreOptions o;
        o.recoverOnOpen = false;
        o.staleAfterSeconds = 60;
        auto store = openStore(path, o);
        const QString alive = take(store->createRun({}));
        QVERIFY(store->markRunning(alive)); // this process
        // A process that has certainly exited (and been reaped) stands in for a dead owner.
        QProcess gone;
        gone.start(QStringLiteral(EQUISCOPE_STORECHILD_PATH), {});
        QVERIFY(gone.waitForStarted(10000));
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished(10000));
        const QString dead = take(store->createRun({}));
        QVERIFY(store->markRunning(dead, deadPid));
        const QString remote = take(store->createRun({}));
        const QString remoteFresh = take(store->createRun({}));
        QVERIFY(execSql(
            path,
            {QStringLiteral("UPDATE runs SET status='running', owner_host='elsewhere', "
                            "owner_pid=1, heartbeat_at='2020-01-01T00:00:00.000Z' WHERE id='%1'")
                 .arg(remote),
             QStringLiteral("UPDATE runs SET status='running', owner_host='elsewhere', "
                            "owner_pid=1, heartbeat_at='%2' WHERE id='%1'")
                 .arg(remoteFresh, storeTimestamp(storeNow()))}));
        QStringList recovered = take(store->recoverInterruptedRuns());
        recovered.sort();
        QStringList expected{dead, remote};
        expected.sort();
        QCOMPARE(recovered, expected);
        QCOMPARE(take(store->run(alive)).status, RunStatus::Running);
        QCOMPARE(take(store->run(remoteFresh)).status, RunStatus::Running);
        const RunRecord d = take(store->run(dead));
        QCOMPARE(d.status, RunStatus::Interrupted);
        QVERIFY(d.statusMessage.contains(QString::number(deadPid)));
        QVERIFY(take(store->run(remote)).statusMessage.contains("elsewhere"));
    }

    void concurrentWritersNeverSeeLocked()
    {
        const QString path = freshPath();
        openStore(path); // create once so the writers race only on writes
        const int perThread = 150;
        std::atomic<int> failures{0};
        QStringList errors;
        QMutex errorsMutex;
        auto shared = openStore(path);
        auto writer = [&](RunStore *store) {
            const QString id = take(store->createRun({}));
            for (int e = 0; e < perThread; ++e) {
                auto r =
                    e % 5 == 0
                        ? store->recordEpochWithCheckpoint(id, e, {{"e", e}}, 0.1, pattern(200, e))
                              .ok()
                        : store->recordEpoch(id, e, {{"e", e}}, 0.1).ok();
                if (!r) {
                    ++failures;
                }
            }
            if (!store->putMetrics(id, "final", {MetricRow{"acc", 1, {}, {}, {}, {}, {}}}))
                ++failures;
        };
        auto own = [&] {
            auto s = RunStore::open(path);
            if (!s) {
                QMutexLocker l(&errorsMutex);
                errors << s.error().toString();
                return;
            }
            writer(s.value().get());
        };
        std::thread t1(own), t2(own), t3([&] { writer(shared.get()); }),
            t4([&] { writer(shared.get()); });
        // A reader alongside: WAL readers never block and never fail.
        auto reader = openStore(path);
        for (int i = 0; i < 50; ++i)
            QVERIFY(reader->runs());
        t1.join();
        t2.join();
        t3.join();
        t4.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join("\n")));
        QCOMPARE(failures.load(), 0);
        const auto runs = take(reader->runs());
        QCOMPARE(runs.size(), 4);
        for (const RunRecord &r : runs) {
            QCOMPARE(take(reader->epochs(r.id)).size(), perThread);
            QCOMPARE(take(reader->resumableEpoch(r.id)), 145);
        }
        QCOMPARE(take(reader->integrityCheck()), QStringLiteral("ok"));
    }

    void killedWriterLeavesAConsistentResumableRun()
    {
        QElapsedTimer timer;
        timer.start();
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(EQUISCOPE_STORECHILD_PATH), {path});
        QVERIFY(child.waitForStarted(5000));
        QVERIFY(child.waitForReadyRead(10000));
        const QString id = QString::fromUtf8(child.readLine()).trimmed();
        QVERIFY(!id.isEmpty());

        RunStoreOptions watch;
        watch.recoverOnOpen = false;
        watch.create = false;
        auto watcher = openStore(path, watch);
        QDeadlineTimer deadline(10000);
        int seen = 0;
        while (!deadline.hasExpired()) {
            seen = take(watcher->epochs(id)).size();
            if (seen >= 3 || child.state() != QProcess::Running)
                break;
            QTest::qWait(5);
        }
        QVERIFY2(seen >= 3, "the child did not record three epochs in time");
        QCOMPARE(child.state(), QProcess::Running);
        const qint64 childPid = child.processId();
        child.kill(); // SIGKILL: no destructors, no rollback, possibly mid-transaction
        QVERIFY(child.waitForFinished(5000)); // reaped, so kill(pid, 0) reports ESRCH
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        watcher.reset();

        auto store = openStore(path); // recovers on open
        QCOMPARE(take(store->integrityCheck()), QStringLiteral("ok"));
        QCOMPARE(take(store->recoverInterruptedRuns()), QStringList()); // already done on open
        const RunRecord run = take(store->run(id));
        QCOMPARE(run.status, RunStatus::Interrupted);
        QVERIFY(run.statusMessage.contains(QString::number(childPid)));
        const auto epochs = take(store->epochs(id));
        QVERIFY(epochs.size() >= 3);
        const int last = epochs.last().epoch;
        QCOMPARE(epochs.size(), last + 1); // no gaps, no half-written epoch
        QCOMPARE(run.currentEpoch, last);
        QCOMPARE(take(store->resumableEpoch(id)), last);
        QCOMPARE(take(store->artifacts(id, "checkpoint")).size(), last + 1);
        const StoredArtifact ckpt = take(store->artifact(id, "checkpoint", last));
        QCOMPARE(ckpt.record.sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash(ckpt.bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(ckpt.bytes, pattern(last % 2 == 0 ? 40 * 1024 : 8 * 1024, last));
        QCOMPARE(ckpt.record.externalPath.isEmpty(), last % 2 != 0);
        qInfo("killed after epoch %d; whole test %lld ms", last, qint64(timer.elapsed()));
        QVERIFY(timer.elapsed() < 15000);
    }
};

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"
