// A run store is a file people send each other: its artifact paths are untrusted. A crafted path
// ("../..", absolute, or a link out of <store>.artifacts/) must never make the store read, copy
// into a bundle, or delete a file outside its artifact folder; and resuming a finished run must
// not rewrite its record. A damaged row (invalid JSON in a column) is read and reported, never
// silently emptied; a store opened read-only is listed and refuses writes by name.
#include "export/runbundle.h"
#include "families/familyregistry.h"
#include "fare/fareconfig.h"
#include "jobs/runjob.h"
#include "store/artifactkinds.h"
#include "store/runstore.h"

#include "fixtures.h"
#include "storefixtures.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include <unistd.h>

using namespace equiscope;
using namespace equiscope::storefixtures;

class TestHostileStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    struct Crafted
    {
        QString store;
        QString run;
        QString victim; ///< a file outside the store the crafted rows point at
        QByteArray victimBytes;
    };

    // A store with one run whose checkpoint is an external file, and a victim file beside the
    // store with the same size and hash (so only the path check can stop a copy).
    Crafted craft()
    {
        Crafted c;
        const QString folder = m_dir.filePath(QStringLiteral("case%1").arg(++m_counter));
        QDir().mkpath(folder + QStringLiteral("/store"));
        c.store = folder + QStringLiteral("/store/runs.sqlite");
        c.victim = folder + QStringLiteral("/victim.bin");
        c.victimBytes = pattern(5000, 7);
        {
            QFile f(c.victim);
            if (!f.open(QIODevice::WriteOnly) || f.write(c.victimBytes) != c.victimBytes.size())
                qFatal("cannot write the victim file");
        }
        RunStoreOptions o;
        o.externalThreshold = 1024;
        auto store = take(RunStore::open(c.store, o));
        RunRecord r;
        r.name = QStringLiteral("crafted");
        r.method = QStringLiteral("fare");
        // A valid FARE config whose dataset is not here: bundling records no split for it.
        FareConfig config = FareConfig::coloredFashionMnistDefault();
        config.dataset.format = QStringLiteral("idx");
        config.dataset.path = folder + QStringLiteral("/no-dataset");
        r.config = config.toJson();
        c.run = take(store->createRun(r));
        take(store->recordEpochWithCheckpoint(c.run, 1, {{"loss", 1}}, 1, pattern(5000, 1)));
        take(store->finishRun(c.run, RunStatus::Finished, QStringLiteral("done")));
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(c.victimBytes, QCryptographicHash::Sha256).toHex());
        if (!execSql(c.store, {QStringLiteral("UPDATE artifacts SET sha256 = '%1', size = %2")
                                   .arg(sha)
                                   .arg(c.victimBytes.size())}))
            qFatal("cannot craft the store");
        return c;
    }

    static void setPath(const Crafted &c, const QString &path)
    {
        QString quoted = path;
        quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
        if (!execSql(c.store,
                     {QStringLiteral("UPDATE artifacts SET path = '%1' WHERE path IS NOT NULL")
                          .arg(quoted)}))
            qFatal("cannot set the artifact path");
    }

    static bool victimIntact(const Crafted &c)
    {
        QFile f(c.victim);
        return f.open(QIODevice::ReadOnly) && f.readAll() == c.victimBytes;
    }

private Q_SLOTS:
    void orphanFilesAreSweptAndNothingElse()
    {
        // What a killed writer leaves (a file without a row, QSaveFile's temporary) is removed
        // when the store is opened; a file it did not write, and a link, are left alone.
        const QString folder = m_dir.filePath(QStringLiteral("orphans"));
        const QString path = folder + QStringLiteral("/runs.sqlite");
        RunStoreOptions o;
        o.externalThreshold = 1024;
        QString run, kept;
        {
            auto store = take(RunStore::open(path, o));
            RunRecord r;
            r.name = QStringLiteral("r");
            run = take(store->createRun(r));
            kept =
                take(store->recordEpochWithCheckpoint(run, 1, {{"loss", 1}}, 1, pattern(5000, 1)))
                    .externalPath;
        }
        const QString dir = path + QStringLiteral(".artifacts/") + run + QLatin1Char('/');
        const QString outside = folder + QStringLiteral("/outside-0123456789ab.bin");
        for (const QString &name :
             {dir + QStringLiteral("checkpoint-e2-0123456789ab.bin"),
              dir + QStringLiteral("checkpoint-e2-0123456789ab.bin.Ab12Cd"),
              path + QStringLiteral(".artifacts/gone-run/report-aaaaaaaaaaaa.bin"),
              dir + QStringLiteral("notes.txt"), outside})
            QVERIFY(fixtures::writeFile(name, "x"));
        QVERIFY(QFile::link(outside, dir + QStringLiteral("link-abcdefabcdef.bin")));

        auto store = take(RunStore::open(path, o));
        QCOMPARE(store->removeOrphanArtifactFiles().value(), QStringList()); // done on open
        QVERIFY(QFile::exists(path + QStringLiteral(".artifacts/") + kept));
        QVERIFY(!QFile::exists(dir + QStringLiteral("checkpoint-e2-0123456789ab.bin")));
        QVERIFY(!QFile::exists(dir + QStringLiteral("checkpoint-e2-0123456789ab.bin.Ab12Cd")));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".artifacts/gone-run")));
        QVERIFY(QFile::exists(dir + QStringLiteral("notes.txt")));
        QVERIFY(QFileInfo(dir + QStringLiteral("link-abcdefabcdef.bin")).isSymLink());
        QVERIFY(QFile::exists(outside));
        QVERIFY(store->artifact(run, ArtifactKind::checkpoint(), 1).ok());
    }

    void traversalPaths_data();
    void traversalPaths();
    void linkOutOfTheFolderIsRefused();
    void bundleNeverCopiesAnOutsideFile();
    void resumingAFinishedRunLeavesItsRecord();
    void damagedColumnsAreReported();
    void readOnlyStoreIsReadAndRefusesWrites();
    void readOnlyStoreIsDetected();
};

void TestHostileStore::traversalPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("parent") << QStringLiteral("../victim.bin");
    QTest::newRow("deep parent") << QStringLiteral("run/../../victim.bin");
    QTest::newRow("absolute") << QStringLiteral("ABSOLUTE");
    QTest::newRow("dot segment") << QStringLiteral("./../victim.bin");
    QTest::newRow("backslash") << QStringLiteral("..\\victim.bin");
}

void TestHostileStore::traversalPaths()
{
    QFETCH(QString, path);
    const Crafted c = craft();
    setPath(c, path == QLatin1String("ABSOLUTE") ? c.victim : path);
    auto store = take(RunStore::open(c.store));

    // Reading names the store, the artifact and why the path is refused.
    const auto read = store->artifact(c.run, ArtifactKind::checkpoint());
    QVERIFY(!read);
    const QString message = read.error().toString();
    QVERIFY2(message.contains(QStringLiteral("refused artifact path")), qPrintable(message));
    QVERIFY2(message.contains(c.store), qPrintable(message));

    // Deleting the run removes its rows and never the outside file.
    QVERIFY(store->deleteRun(c.run));
    QVERIFY(!store->run(c.run));
    QVERIFY(victimIntact(c));
}

void TestHostileStore::linkOutOfTheFolderIsRefused()
{
    const Crafted c = craft();
    const QString inside =
        QFileInfo(c.store).absoluteFilePath() + QStringLiteral(".artifacts/%1/link.bin").arg(c.run);
    QVERIFY(QFile::link(c.victim, inside));
    setPath(c, c.run + QStringLiteral("/link.bin"));
    auto store = take(RunStore::open(c.store));
    const auto read = store->artifact(c.run, ArtifactKind::checkpoint());
    QVERIFY(!read);
    QVERIFY2(read.error().toString().contains(QStringLiteral("link out of the artifact folder")),
             qPrintable(read.error().toString()));
    QVERIFY(store->deleteRun(c.run));
    QVERIFY(victimIntact(c));

    // A link that stays inside the folder is an ordinary file.
    const Crafted d = craft();
    auto store2 = take(RunStore::open(d.store));
    const ArtifactRecord record = take(store2->artifacts(d.run, ArtifactKind::checkpoint())).at(0);
    const QString folder = QFileInfo(d.store).absoluteFilePath() + QStringLiteral(".artifacts/");
    QVERIFY(QFile::link(folder + record.externalPath, folder + d.run + QStringLiteral("/in.bin")));
    setPath(d, d.run + QStringLiteral("/in.bin"));
    const auto inside2 = store2->artifact(d.run, ArtifactKind::checkpoint());
    // It resolves inside, so only the (crafted) hash can fail, not the path check.
    QVERIFY(!inside2);
    QVERIFY2(inside2.error().toString().contains(QStringLiteral("corrupt artifact")),
             qPrintable(inside2.error().toString()));
}

void TestHostileStore::bundleNeverCopiesAnOutsideFile()
{
    const Crafted c = craft();
    setPath(c, QStringLiteral("../../victim.bin"));
    const QString bundle = m_dir.filePath(QStringLiteral("crafted.eqbundle"));
    const auto written = writeRunBundle(c.store, c.run, bundle);
    QVERIFY(!written);
    QVERIFY2(written.error().toString().contains(QStringLiteral("refused artifact path")),
             qPrintable(written.error().toString()));
    if (QFile::exists(bundle)) {
        QFile f(bundle);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(c.victimBytes.left(64)));
    }
}

void TestHostileStore::resumingAFinishedRunLeavesItsRecord()
{
    const Crafted c = craft();
    RunRecord before;
    {
        auto store = take(RunStore::open(c.store));
        before = take(store->run(c.run));
    }
    QCOMPARE(before.status, RunStatus::Finished);
    QString error;
    std::unique_ptr<RunJob> job(FamilyRegistry::instance().resume(c.run, c.store, &error));
    QVERIFY2(job, qPrintable(error));
    QSignalSpy finished(job.get(), &RunJob::finished);
    job->start();
    QVERIFY(job->wait(30000));
    QCOMPARE(job->outcome(), JobOutcome::Finished);
    QVERIFY(job->message().contains(QStringLiteral("already finished")));
    auto store = take(RunStore::open(c.store));
    const RunRecord after = take(store->run(c.run));
    QCOMPARE(after.status, RunStatus::Finished);
    QCOMPARE(after.statusMessage, before.statusMessage);
    QCOMPARE(after.finishedAt, before.finishedAt);
}

void TestHostileStore::damagedColumnsAreReported()
{
    const Crafted c = craft();
    QVERIFY(execSql(c.store, {QStringLiteral("UPDATE runs SET config = '{\"epochs\": 3,', "
                                             "versions = '[1, 2]'"),
                              QStringLiteral("UPDATE epochs SET metrics = 'nope'")}));
    {
        auto store = take(RunStore::open(c.store));
        const RunRecord r = take(store->run(c.run));
        QCOMPARE(r.problems.size(), 3);
        QVERIFY2(r.problems.join('\n').contains(
                     QStringLiteral("1 epoch row(s) whose metrics are not a JSON object")),
                 qPrintable(r.problems.join('\n')));
        QVERIFY2(r.problems.join('\n').contains(QStringLiteral("column config is not valid JSON")),
                 qPrintable(r.problems.join('\n')));
        QVERIFY(
            r.problems.join('\n').contains(QStringLiteral("column versions is not a JSON object")));
        QVERIFY(r.config.isEmpty());
    }
    // The CLI lists the run, names the damage and exits with the data-error code.
    auto r = fixtures::runCli({"runs", "list", "--store", c.store});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(c.run.left(8).toUtf8()));
    QVERIFY2(r.err.contains("column config is not valid JSON") && r.err.contains(c.run.toUtf8()),
             r.err.constData());
    r = fixtures::runCli({"runs", "show", c.run, "--store", c.store, "--json"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("column versions is not a JSON object"));
}

void TestHostileStore::readOnlyStoreIsReadAndRefusesWrites()
{
    const Crafted c = craft();
    const QFileInfo before(c.store);
    RunStoreOptions o;
    o.create = false;
    o.readOnly = true;
    auto store = take(RunStore::open(c.store, o));
    QVERIFY(store->isReadOnly());
    QCOMPARE(take(store->runs()).size(), 1);
    QCOMPARE(take(store->run(c.run)).status, RunStatus::Finished);
    RunRecord r;
    r.name = QStringLiteral("new");
    r.method = QStringLiteral("fare");
    auto created = store->createRun(r);
    QVERIFY(!created.ok());
    QVERIFY2(created.error().toString().contains(QStringLiteral("read-only")) &&
                 created.error().toString().contains(QFileInfo(c.store).absoluteFilePath()),
             qPrintable(created.error().toString()));
    auto deleted = store->deleteRun(c.run);
    QVERIFY(!deleted.ok());
    store.reset();
    QCOMPARE(QFileInfo(c.store).lastModified(), before.lastModified());
    auto again = take(RunStore::open(c.store));
    QCOMPARE(take(again->runs()).size(), 1); // nothing was deleted
}

void TestHostileStore::readOnlyStoreIsDetected()
{
    // Nobody says "read-only" here: the store's file and folder are not writable for the user
    // who opens it. As root (permission bits do not bind root) the CLI runs as "nobody" instead.
    const Crafted c = craft();
    const QString folder = QFileInfo(c.store).absolutePath();
    const QFileInfo before(c.store);
    std::function<void()> asUser;
    if (::geteuid() == 0) {
        // nobody must reach the store: every folder above it readable and searchable.
        for (QDir d(folder); !d.isRoot(); d.cdUp())
            if (d.absolutePath().startsWith(m_dir.path()))
                QFile::setPermissions(d.absolutePath(), QFile::permissions(d.absolutePath()) |
                                                            QFile::ReadOther | QFile::ExeOther);
        QFile::setPermissions(c.store, QFile::permissions(c.store) | QFile::ReadOther);
        asUser = [] {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(99);
        };
    } else {
        QVERIFY(QFile::setPermissions(c.store, QFile::ReadOwner | QFile::ReadOther));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner |
                                                  QFile::ReadOther | QFile::ExeOther));
    }
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(c.store, QFile::ReadOwner | QFile::WriteOwner);
    });
    const auto run = [&](const QStringList &args) {
        QProcess p;
        p.setChildProcessModifier(asUser);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), QDir::tempPath());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(EQUISCOPE_CLI_PATH), args);
        p.waitForFinished(60000);
        const bool started = p.error() != QProcess::FailedToStart && p.exitCode() != 99;
        return std::make_pair(started, fixtures::CliResult{p.exitCode(), p.readAllStandardOutput(),
                                                           p.readAllStandardError()});
    };
    auto [started, r] = run({"runs", "list", "--store", c.store});
    if (!started)
        QSKIP("the user 'nobody' cannot run " EQUISCOPE_CLI_PATH " (a folder above it is private)");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains(c.run.left(8).toUtf8()));
    QVERIFY2(r.err.contains("is read-only: opened for reading"), r.err.constData());
    r = run({"runs", "delete", c.run, "--store", c.store}).second;
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("read-only") && r.err.contains(c.store.toUtf8()), r.err.constData());
    QCOMPARE(QFileInfo(c.store).lastModified(), before.lastModified());
    QVERIFY(!QFileInfo::exists(c.store + QStringLiteral("-wal")));
}

QTEST_GUILESS_MAIN(TestHostileStore)
#include "tst_hostilestore.moc"
