// Drives `equiscope-cli runs ...` as a user would: a real child process on stores built here.
#include "store/runstore.h"

#include "fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestCliRuns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_fare;
    QString m_ssl;

    static QStringList withStore(QStringList args, const QString &store)
    {
        return args << QStringLiteral("--store") << store;
    }

    /// A store with two runs: a finished FARE run (2 epochs, grouped final metrics, a large
    /// external checkpoint) and a queued SSL run.
    static QString makeStore(const QString &path, const QString &prefix, QString *fare,
                             QString *ssl)
    {
        RunStoreOptions o;
        o.externalThreshold = 100;
        auto store = RunStore::open(path, o);
        if (!store)
            return {};
        RunStore &s = *store.value();
        RunRecord r;
        r.name = prefix + QStringLiteral("fare-smile");
        r.method = QStringLiteral("fare");
        r.config = QJsonObject{{"target", "Smiling"}, {"lr", 0.001}};
        r.seed = 7;
        *fare = s.createRun(r).value();
        s.markRunning(*fare);
        s.recordEpoch(*fare, 0, {{"loss", 1.5}, {"acc", 0.6}}, 2.0);
        s.recordEpochWithCheckpoint(*fare, 1, {{"loss", 0.75}, {"acc", 0.8}}, 2.5,
                                    QByteArray(500, 'c'));
        s.putMetrics(*fare, QStringLiteral("final"),
                     {MetricRow{"accuracy", 0.85, 0.8, 0.9, {}, {}, {}},
                      MetricRow{"accuracy", 0.9, std::nullopt, std::nullopt, "Male=1", 40, {}},
                      MetricRow{"accuracy", 0.8, std::nullopt, std::nullopt, "Male=0", 60, {}}});
        s.finishRun(*fare, RunStatus::Finished);
        RunRecord q;
        q.name = prefix + QStringLiteral("ssl-queued");
        q.method = QStringLiteral("simclr-fair");
        q.family = RunFamily::FairSsl;
        *ssl = s.createRun(q).value();
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_store = makeStore(m_dir.filePath("main/runs.sqlite"), {}, &m_fare, &m_ssl);
        QVERIFY(!m_store.isEmpty());
    }

    void listsRuns()
    {
        auto r = fixtures::runCli(withStore({"runs", "list"}, m_store));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("fare-smile"));
        QVERIFY(r.out.contains("ssl-queued"));
        QVERIFY(r.out.contains(m_fare.left(8).toUtf8()));
        QVERIFY(r.out.contains("finished"));

        r = fixtures::runCli(withStore({"runs", "list", "--json"}, m_store));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray runs = o.value("runs").toArray();
        QCOMPARE(runs.size(), 2);
        QStringList ids{runs[0].toObject().value("id").toString(),
                        runs[1].toObject().value("id").toString()};
        QVERIFY(ids.contains(m_fare) && ids.contains(m_ssl));
        for (const QJsonValue &v : runs)
            if (v.toObject().value("id").toString() == m_fare) {
                QCOMPARE(v.toObject().value("status").toString(), QStringLiteral("finished"));
                QCOMPARE(v.toObject().value("currentEpoch").toInt(), 1);
            }

        r = fixtures::runCli(withStore({"runs", "list", "--status", "queued", "--json"}, m_store));
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("runs").toArray().size(), 1);

        r = fixtures::runCli(
            withStore({"runs", "list", "--json"}, m_dir.filePath("absent.sqlite")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("runs").toArray().size(), 0);
        QVERIFY(!QFile::exists(m_dir.filePath("absent.sqlite")));
    }

    void storeComesFromTheEnvironment()
    {
        qputenv("EQUISCOPE_STORE", m_store.toUtf8());
        const auto r = fixtures::runCli({"runs", "list", "--json"});
        qunsetenv("EQUISCOPE_STORE");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("runs").toArray().size(), 2);
    }

    void showsARunByPrefixOrName()
    {
        auto r = fixtures::runCli(withStore({"runs", "show", m_fare.left(6)}, m_store));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("status: finished"), r.out.constData());
        QVERIFY(r.out.contains("\"target\": \"Smiling\""));
        QVERIFY(r.out.contains("epochs: 2"));
        QVERIFY(r.out.contains("0.75"));
        QVERIFY(r.out.contains("final metrics: 3"));
        QVERIFY(r.out.contains("Male=1"));
        QVERIFY(r.out.contains("[0.8, 0.9]"));
        QVERIFY(r.out.contains("checkpoint"));

        r = fixtures::runCli(withStore({"runs", "show", "fare-smile", "--json"}, m_store));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("run").toObject().value("id").toString(), m_fare);
        QCOMPARE(o.value("run").toObject().value("config").toObject().value("lr").toDouble(),
                 0.001);
        QCOMPARE(o.value("epochs").toArray().size(), 2);
        QCOMPARE(o.value("epochs")
                     .toArray()[1]
                     .toObject()
                     .value("metrics")
                     .toObject()
                     .value("acc")
                     .toDouble(),
                 0.8);
        const QJsonArray metrics = o.value("finalMetrics").toArray();
        QCOMPARE(metrics.size(), 3);
        QCOMPARE(metrics[0].toObject().value("ciLow").toDouble(), 0.8);
        QVERIFY(metrics[0].toObject().value("group").isNull());
        QCOMPARE(metrics[1].toObject().value("groupSize").toInt(), 40);
        QCOMPARE(o.value("artifacts").toArray()[0].toObject().value("external").toBool(), true);
    }

    void unknownOrAmbiguousRunsAreOneLineErrors()
    {
        auto r = fixtures::runCli(withStore({"runs", "show", "no-such-run"}, m_store));
        QVERIFY(r.exitCode != 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.contains("no run 'no-such-run'"));

        // The empty-looking prefix "" is not a key; a name shared by two runs is ambiguous.
        const QString path = m_dir.filePath("twins/runs.sqlite");
        {
            auto s = std::move(RunStore::open(path).value());
            RunRecord t;
            t.name = "twin";
            s->createRun(t);
            s->createRun(t);
        }
        r = fixtures::runCli(withStore({"runs", "show", "twin"}, path));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("matches 2 runs"), r.err.constData());

        r = fixtures::runCli(withStore({"runs", "show", "x"}, m_dir.filePath("absent2.sqlite")));
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains("absent2.sqlite"));
        QVERIFY(!QFile::exists(m_dir.filePath("absent2.sqlite")));

        r = fixtures::runCli({"runs", "frobnicate"});
        QCOMPARE(r.exitCode, 2);
    }

    void exportsCsv()
    {
        auto r = fixtures::runCli(withStore({"runs", "export", "--format", "csv"}, m_store));
        QCOMPARE(r.exitCode, 0);
        const QByteArray csv = r.out;
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        // Three stored metrics, then the two numbers of each of the two epochs.
        QCOMPARE(lines.size(), 8);
        QVERIFY(lines[0].startsWith("run_id,run_name,method,status,scope,metric,group"));
        QCOMPARE(lines[1],
                 (m_fare + ",fare-smile,fare,finished,final,accuracy,,,0.85,0.8,0.9").toUtf8());
        QCOMPARE(lines[2],
                 (m_fare + ",fare-smile,fare,finished,final,accuracy,Male=1,40,0.9,,").toUtf8());
        QCOMPARE(lines[4], (m_fare + ",fare-smile,fare,finished,epoch:0,acc,,,0.6,,").toUtf8());
        QCOMPARE(lines[7], (m_fare + ",fare-smile,fare,finished,epoch:1,loss,,,0.75,,").toUtf8());

        const QString file = m_dir.filePath("out/metrics.csv");
        QDir().mkpath(QFileInfo(file).absolutePath());
        r = fixtures::runCli(
            withStore({"runs", "export", "--format", "csv", "--out", file}, m_store));
        QCOMPARE(r.exitCode, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), csv);

        r = fixtures::runCli(withStore({"runs", "export", "--format", "xlsx"}, m_store));
        QCOMPARE(r.exitCode, 2);
    }

    void mergesStoresAndReportsConflicts()
    {
        QString a1, a2, b1, b2;
        const QString a = makeStore(m_dir.filePath("sweep/a.sqlite"), "a-", &a1, &a2);
        const QString b = makeStore(m_dir.filePath("sweep/b.sqlite"), "b-", &b1, &b2);
        const QString into = m_dir.filePath("sweep/all.sqlite");
        auto r = fixtures::runCli({"runs", "merge", a, b, "--into", into});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("4 copied, 0 already present, 0 conflicting"), r.out.constData());
        auto all = std::move(RunStore::open(into).value());
        QCOMPARE(all->runs()->size(), 4);
        QCOMPARE(all->artifact(a1, "checkpoint")->bytes, QByteArray(500, 'c'));
        all.reset();

        r = fixtures::runCli({"runs", "merge", a, b, "--into", into});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("0 copied, 4 already present"));

        RunStore::open(a).value()->renameRun(a1, "changed");
        r = fixtures::runCli({"runs", "merge", a, "--into", into});
        QCOMPARE(r.exitCode, 1); // a data error; 3 means cancelled
        QVERIFY(r.out.contains("conflict: run " + a1.toUtf8()));
        QVERIFY(r.err.contains("1 conflicting run"));

        r = fixtures::runCli({"runs", "merge", a});
        QCOMPARE(r.exitCode, 2);
    }

    void deletesARun()
    {
        QString f, s;
        const QString path = makeStore(m_dir.filePath("del/runs.sqlite"), {}, &f, &s);
        const QString folder = path + ".artifacts/" + f;
        QVERIFY(QDir(folder).exists());
        auto r = fixtures::runCli(withStore({"runs", "delete", "fare-smile"}, path));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(f.toUtf8()));
        QVERIFY(!QDir(folder).exists());
        auto store = std::move(RunStore::open(path).value());
        QCOMPARE(store->runs()->size(), 1);
        QVERIFY(!store->run(f));
        r = fixtures::runCli(withStore({"runs", "delete", f}, path));
        QVERIFY(r.exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRuns)
#include "tst_cli_runs.moc"
