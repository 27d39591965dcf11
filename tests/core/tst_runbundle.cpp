// Run bundles: one self-contained file per run, and a replay that retrains it bit-exactly with
// the recorded thread count (and within tolerance, saying so, with another thread count).
#include "export/runbundle.h"

#include "enginefixtures.h"
#include "fare/farejob.h"
#include "fixtures.h"
#include "store/runstore.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestRunBundle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_run;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", path("cache").toUtf8());
        m_store = path("runs.sqlite");
        FareConfig c = fixtures::tinyColoredRun(path("data"));
        c.epochs = 2;
        FareJob job(c, m_store);
        job.start();
        job.wait();
        QCOMPARE(job.outcome(), JobOutcome::Finished);
        m_run = job.runId();
    }

    void trainingIsDeterministic()
    {
        // The premise of replay: two runs of one config agree to the last bit.
        FareConfig c = fixtures::tinyColoredRun(path("data"));
        c.epochs = 2;
        FareJob job(c, m_store);
        job.start();
        job.wait();
        QCOMPARE(job.outcome(), JobOutcome::Finished);
        auto store = RunStore::open(m_store);
        QVERIFY(store.ok());
        const auto a = store.value()->epochs(m_run).value();
        const auto b = store.value()->epochs(job.runId()).value();
        QCOMPARE(a.size(), b.size());
        for (int i = 0; i < a.size(); ++i)
            QCOMPARE(a[i].metrics.value("loss").toDouble(), b[i].metrics.value("loss").toDouble());
        QCOMPARE(store.value()->metrics(job.runId()).value().size(),
                 store.value()->metrics(m_run).value().size());
        const auto ma = store.value()->metrics(m_run).value();
        const auto mb = store.value()->metrics(job.runId()).value();
        for (int i = 0; i < ma.size(); ++i) {
            QCOMPARE(mb[i].name, ma[i].name);
            QCOMPARE(mb[i].value, ma[i].value);
            QCOMPARE(mb[i].ciLow, ma[i].ciLow);
        }
    }

    void bundleIsOneFileWithEverything()
    {
        const QString bundle = path("out/run.eqbundle");
        QDir().mkpath(path("out"));
        auto info = writeRunBundle(m_store, m_run, bundle);
        QVERIFY2(info.ok(), qPrintable(info.error().toString()));
        QCOMPARE(info->runId, m_run);
        QCOMPARE(QDir(path("out")).entryList(QDir::Files | QDir::NoDotAndDotDot),
                 QStringList{"run.eqbundle"});
        QVERIFY(!QDir(bundle + ".artifacts").exists());
        QVERIFY(info->manifest.value("threads").toInt() > 0);
        QCOMPARE(info->manifest.value("split")
                     .toObject()
                     .value("test")
                     .toObject()
                     .value("count")
                     .toInt(),
                 160);

        RunStoreOptions o;
        o.create = false;
        auto store = RunStore::open(bundle, o);
        QVERIFY(store.ok());
        QCOMPARE(store.value()->runs()->size(), 1);
        const auto artifacts = store.value()->artifacts(m_run).value();
        int checkpoints = 0;
        QStringList kinds;
        for (const ArtifactRecord &a : artifacts) {
            checkpoints += a.kind == "checkpoint";
            kinds << a.kind;
            QVERIFY(a.externalPath.isEmpty());
        }
        QCOMPARE(checkpoints, 1); // the last one only
        QVERIFY(kinds.contains("bundle-manifest"));
        QVERIFY(kinds.contains("bundle-split"));
        QVERIFY(kinds.contains("evaluation"));
        QCOMPARE(store.value()->epochs(m_run)->size(), 2);
        QCOMPARE(store.value()->run(m_run)->config,
                 RunStore::open(m_store).value()->run(m_run)->config);
        QVERIFY(!store.value()->metrics(m_run)->isEmpty());

        // A queued run is not bundled.
        auto source = RunStore::open(m_store);
        const QString queued = source.value()->createRun(RunRecord{}).value();
        source.value().reset();
        QVERIFY(!writeRunBundle(m_store, queued, path("out/queued.eqbundle")).ok());
    }

    void replayIsBitExactHere()
    {
        std::atomic<bool> cancel{false};
        QStringList log;
        auto report = replayBundle(
            path("out/run.eqbundle"), {}, [&](const QString &m) { log << m; }, cancel);
        QVERIFY2(report.ok(), qPrintable(report.error().toString()));
        QVERIFY2(report->sameEnvironment, qPrintable(report->environmentDifferences.join("; ")));
        QVERIFY(report->splitMatches);
        QVERIFY2(report->bitExact, qPrintable(report->summary()));
        QVERIFY(report->passed);
        QStringList what;
        for (const ReplayComparison &c : report->comparisons)
            what << c.what;
        QVERIFY(what.contains("epoch 1 loss"));
        QVERIFY(what.contains("epoch 2 loss"));
        QVERIFY(what.contains("accuracy"));
        QVERIFY(what.contains("final weights (max |Δ|)"));
        QVERIFY(what.size() > 10); // group metrics and their CIs too
        QVERIFY(report->summary().contains("bit-exact"));
        QVERIFY(!log.isEmpty());
    }

    void anotherThreadCountIsJudgedByTolerance()
    {
        std::atomic<bool> cancel{false};
        ReplayOptions o;
        o.threads = 1;
        auto report = replayBundle(path("out/run.eqbundle"), o, {}, cancel);
        QVERIFY2(report.ok(), qPrintable(report.error().toString()));
        QVERIFY(!report->sameEnvironment);
        QVERIFY(report->environmentDifferences.join(" ").contains("threads"));
        QVERIFY2(report->passed, qPrintable(report->summary()));
        QVERIFY(report->summary().contains("tolerance"));
        QCOMPARE(report->passed, report->withinTolerance);
    }

    void cliBundlesAndReplays()
    {
        const QString bundle = path("cli.eqbundle");
        auto r = fixtures::runCli({"bundle", m_run.left(8), "--out", bundle, "--store", m_store});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("split recorded"));
        r = fixtures::runCli({"replay", bundle, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o.value("passed").toBool());
        QVERIFY(o.value("bitExact").toBool());
        // The bundle is a run store: the runs tools read it.
        r = fixtures::runCli({"runs", "show", m_run, "--store", bundle});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("bundle-manifest"));
        r = fixtures::runCli({"replay", path("nothing.eqbundle")});
        QVERIFY(r.exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestRunBundle)
#include "tst_runbundle.moc"
