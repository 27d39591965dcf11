// Sweeps as files (core/families/sweepplan.h) and `equiscope-cli sweep` run here: the grid of any
// family's config, the manifest read back as untrusted input, and a local run merged into one
// store. The Slurm path is tests/slurm/slurm-sweep.sh.
#include "enginefixtures.h"
#include "fixtures.h"

#include "fairssl/fairsslconfig.h"
#include "families/sweepplan.h"
#include "store/runstore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestSweepPlan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    }

    void gridOverAFareConfig()
    {
        FareConfig base = FareConfig::coloredFashionMnistDefault();
        base.name = QStringLiteral("base");
        auto plan = SweepPlan::create(base.toJson(),
                                      {{QStringLiteral("learningRate"), {"0.1", "0.2"}},
                                       {QStringLiteral("temperature"), {"0.05", "0.5", "1"}}},
                                      {QStringLiteral("0"), QStringLiteral("7")});
        QVERIFY2(plan, qPrintable(plan.error().toString()));
        QCOMPARE(plan->points().size(), 12);
        QCOMPARE(plan->family(), RunFamily::Fare);
        // Row-major, seeds innermost; each point a valid config with its values.
        const auto &p = plan->points()[5];
        QCOMPARE(p.name, QStringLiteral("base learningRate=0.1 temperature=1 seed=7"));
        auto parsed = FareConfig::fromJson(p.config);
        QVERIFY(parsed);
        QCOMPARE(parsed->learningRate, 0.1);
        QCOMPARE(parsed->loss.temperature, 1.0);
        QCOMPARE(parsed->seed, quint64(7));
        QCOMPARE(p.values.value("temperature").toString(), QStringLiteral("1"));
    }

    void keysKeepTheirTypeAndNestedKeysWork()
    {
        // fair-SSL keeps its seed as a string and nests its stage options.
        const QJsonObject base = FairSslConfig::coloredFashionMnistDefault().toJson();
        auto plan = SweepPlan::create(base, {{QStringLiteral("dedup.threshold"), {"0.9", "0.95"}}},
                                      {QStringLiteral("3")});
        QVERIFY2(plan, qPrintable(plan.error().toString()));
        QCOMPARE(plan->family(), RunFamily::FairSsl);
        const QJsonObject c = plan->points()[1].config;
        QCOMPARE(c.value("dedup").toObject().value("threshold").toDouble(), 0.95);
        QCOMPARE(c.value("seed").toString(), QStringLiteral("3"));
    }

    void badGridsAreRefusedByName()
    {
        const QJsonObject base = FareConfig::coloredFashionMnistDefault().toJson();
        auto unknown = SweepPlan::create(base, {{QStringLiteral("learningRat"), {"1"}}}, {});
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().toString().contains("no key 'learningRat'"),
                 qPrintable(unknown.error().toString()));
        auto notNumber = SweepPlan::create(base, {{QStringLiteral("epochs"), {"many"}}}, {});
        QVERIFY(!notNumber);
        QVERIFY(notNumber.error().toString().contains("needs a number"));
        auto invalid = SweepPlan::create(base, {{QStringLiteral("batchSize"), {"0"}}}, {});
        QVERIFY(!invalid); // the family's own validation
        QStringList many;
        for (int i = 0; i < 101; ++i)
            many << QString::number(i + 1);
        auto huge = SweepPlan::create(
            base, {{QStringLiteral("epochs"), many}, {QStringLiteral("seed"), many}}, many);
        QVERIFY(!huge);
        QVERIFY(huge.error().toString().contains("more than 10000"));
    }

    void aManifestIsReadBackAsUntrustedInput()
    {
        const QString dir = m_dir.filePath(QStringLiteral("plan"));
        auto plan = SweepPlan::create(FareConfig::coloredFashionMnistDefault().toJson(),
                                      {{QStringLiteral("learningRate"), {"0.1", "0.2"}}}, {"1"});
        QVERIFY(plan);
        QVERIFY(plan->write(dir));
        auto back = SweepPlan::read(dir);
        QVERIFY2(back, qPrintable(back.error().toString()));
        QCOMPARE(back->manifest(), plan->manifest());
        // A different plan does not overwrite it.
        auto other = SweepPlan::create(FareConfig::coloredFashionMnistDefault().toJson(),
                                       {{QStringLiteral("learningRate"), {"0.3"}}}, {"1"});
        QVERIFY(other);
        auto overwrite = other->write(dir);
        QVERIFY(!overwrite);
        QVERIFY(overwrite.error().toString().contains("holds another sweep"));
        // A config edited after writing is reported with its file.
        const QString config = SweepPlan::configPath(dir, 1);
        QJsonObject edited = plan->points()[1].config;
        edited.insert("epochs", 999);
        QVERIFY(fixtures::writeFile(config, QJsonDocument(edited).toJson()));
        auto tampered = SweepPlan::read(dir);
        QVERIFY(!tampered);
        QVERIFY2(tampered.error().toString().contains("0001.json"),
                 qPrintable(tampered.error().toString()));
        // A manifest whose points do not follow from its base, or that is not a manifest.
        QVERIFY(fixtures::writeFile(config, QJsonDocument(plan->points()[1].config).toJson()));
        QJsonObject m = plan->manifest();
        QJsonArray points = m.value("points").toArray();
        points.removeLast();
        m.insert("points", points);
        const QString manifest = QDir(dir).filePath(QStringLiteral("manifest.json"));
        QVERIFY(fixtures::writeFile(manifest, QJsonDocument(m).toJson()));
        QVERIFY(!SweepPlan::read(dir));
        QVERIFY(fixtures::writeFile(manifest, "[1, 2]"));
        QVERIFY(!SweepPlan::read(dir));
        QVERIFY(fixtures::writeFile(manifest, R"({"format": "other"})"));
        auto foreign = SweepPlan::read(dir);
        QVERIFY(!foreign);
        QVERIFY(foreign.error().toString().contains("not an Equiscope sweep manifest"));
    }

    void runLocallyAndCollect()
    {
        FareConfig c = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("data")), 192, 64);
        c.epochs = 1;
        c.threads = 1;
        const QString base = m_dir.filePath(QStringLiteral("base.json"));
        QVERIFY(fixtures::writeFile(base, QJsonDocument(c.toJson()).toJson()));
        const QString dir = m_dir.filePath(QStringLiteral("sweep"));
        auto created = fixtures::runCli({"sweep", "create", "--config", base, "--grid",
                                         "learningRate=0.001,0.002", "--seeds", "0", "--out", dir});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        auto ran = fixtures::runCli({"sweep", "run", dir, "--local", "2"});
        QVERIFY2(ran.exitCode == 0, ran.err.constData());
        // A second run has nothing left to do.
        auto again = fixtures::runCli({"sweep", "run", dir, "--local", "2"});
        QVERIFY2(again.err.contains("0 of 2 points to run"), again.err.constData());
        auto status = fixtures::runCli({"sweep", "status", dir, "--json"});
        QCOMPARE(QJsonDocument::fromJson(status.out).object().value("finished").toInt(), 2);
        const QString into = m_dir.filePath(QStringLiteral("all.sqlite"));
        auto collected = fixtures::runCli({"sweep", "collect", dir, "--into", into});
        QVERIFY2(collected.exitCode == 0, collected.err.constData());
        auto store = RunStore::open(into);
        QVERIFY(store);
        auto runs = store.value()->runs();
        QVERIFY(runs);
        QCOMPARE(runs->size(), 2);
        for (const RunRecord &r : runs.value())
            QCOMPARE(r.status, RunStatus::Finished);
        // Each point as a data-parallel run of 2 processes (rank 0 writes the point's shard).
        const QString dpDir = m_dir.filePath(QStringLiteral("sweep-dp"));
        QCOMPARE(fixtures::runCli({"sweep", "create", "--config", base, "--grid",
                                   "learningRate=0.001", "--out", dpDir})
                     .exitCode,
                 0);
        auto dp = fixtures::runCli({"sweep", "run", dpDir, "--local", "1", "--nproc", "2"});
        QVERIFY2(dp.exitCode == 0, dp.err.constData());
        auto shard = RunStore::open(SweepPlan::shardPath(dpDir, 0));
        QVERIFY(shard);
        auto dpRuns = shard.value()->runs();
        QVERIFY(dpRuns && dpRuns->size() == 1);
        QCOMPARE(dpRuns->first().status, RunStatus::Finished);
        QCOMPARE(dpRuns->first()
                     .versions.value("data_parallel")
                     .toObject()
                     .value("world_size")
                     .toInt(),
                 2);
        // Usage errors.
        QCOMPARE(fixtures::runCli({"sweep", "run", dir}).exitCode, 2);
        QCOMPARE(fixtures::runCli({"sweep", "task", dir, "7"}).exitCode, 2);
        QCOMPARE(fixtures::runCli({"sweep", "frobnicate"}).exitCode, 2);
        QCOMPARE(fixtures::runCli({"sweep", "status", m_dir.filePath("nowhere")}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestSweepPlan)
#include "tst_sweepplan.moc"
