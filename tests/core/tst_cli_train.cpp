// `equiscope-cli train` and `runs resume` as a user runs them: a real child process, killed with
// SIGKILL in the middle of a run, then resumed.
#include "clusteringfixtures.h"
#include "enginefixtures.h"
#include "fixtures.h"
#include "store/runstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace equiscope;

class TestCliTrain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    QString store() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        FareConfig c = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("data")), 640, 160);
        c.epochs = 4;
        m_config = m_dir.filePath(QStringLiteral("run.json"));
        QVERIFY(fixtures::writeFile(m_config, QJsonDocument(c.toJson()).toJson()));
    }

    void trainPrintsASummary()
    {
        const auto r =
            fixtures::runCli({"train", "--config", m_config, "--epochs", "1", "--store", store()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("status").toString(), QStringLiteral("finished"));
        QCOMPARE(o.value("method").toString(), QStringLiteral("fare"));
        QVERIFY(o.value("accuracy").toDouble() > 0.5);
        QVERIFY(o.contains("bias_mse"));
        const auto list = fixtures::runCli({"runs", "list", "--store", store()});
        QVERIFY(list.out.contains(o.value("run").toString().left(8).toUtf8()));

        // Representation leakage of the finished run: its representation, the same run as the
        // baseline, and the raw pixels, each attribute probed on the stored test images.
        const QString id = o.value("run").toString();
        const auto leak = fixtures::runCli({"runs", "leakage", id.left(8), "--baseline", id,
                                            "--resamples", "50", "--store", store(), "--json"});
        QVERIFY2(leak.exitCode == 0, leak.err.constData());
        const QJsonArray probes =
            QJsonDocument::fromJson(leak.out).object().value("probes").toArray();
        QCOMPARE(probes.size(), 3);
        QCOMPARE(probes.at(2).toObject().value("source").toString(), QStringLiteral("raw pixels"));
        QCOMPARE(probes.at(0).toObject().value("rows").toInt(), 160);
        QCOMPARE(probes.at(0).toObject().value("attributes"),
                 probes.at(1).toObject().value("attributes"));
        for (const auto &a : probes.at(2).toObject().value("attributes").toArray())
            if (a.toObject().value("attribute").toString() ==
                QLatin1String("rgb")) // colour is in the pixels
                QVERIFY2(a.toObject().value("value").toDouble() > 0.8, leak.out.constData());
        const auto text = fixtures::runCli({"runs", "leakage", id.left(8), "--no-raw-pixels",
                                            "--resamples", "50", "--store", store()});
        QVERIFY2(text.exitCode == 0 && text.out.contains("representation leakage of run"),
                 text.out.constData());
        const auto missing =
            fixtures::runCli({"runs", "leakage", "no-such-run", "--store", store()});
        QCOMPARE(missing.exitCode, 1);

        // The worst subgroups of the run's own test predictions, over every attribute but the
        // target (the colour; rgb is a vector and left out with its reason).
        const auto scan =
            fixtures::runCli({"runs", "scan", id.left(8), "--null-scans", "19", "--min-group-size",
                              "10", "--store", store(), "--json"});
        QVERIFY2(scan.exitCode == 0, scan.err.constData());
        const QJsonObject scanned = QJsonDocument::fromJson(scan.out).object();
        QCOMPARE(scanned.value("run").toString(), id);
        QCOMPARE(scanned.value("target").toString(), QStringLiteral("label"));
        QCOMPARE(scanned.value("rows").toInt(), 160);
        QCOMPARE(scanned.value("attributes").toArray(), QJsonArray{QStringLiteral("color")});
        QCOMPARE(scanned.value("subgroups_possible").toInt(), 10); // the ten colours
        // A probe without a single error has no subgroup to report, and says why.
        if (scanned.value("events").toInt() == 0)
            QVERIFY2(scanned.value("warnings").toArray().size() == 1, scan.out.constData());
        else
            QVERIFY2(scanned.value("subgroups")
                         .toArray()
                         .at(0)
                         .toObject()
                         .value("label")
                         .toString()
                         .startsWith(QStringLiteral("color=")),
                     scan.out.constData());
        // The MNIST-family label has ten classes (the fixture uses two of them): a rate of one
        // class against the rest is refused with the reason.
        const auto fnr = fixtures::runCli(
            {"runs", "scan", id.left(8), "--scan-metric", "fnr", "--store", store()});
        QCOMPARE(fnr.exitCode, 1);
        QVERIFY2(fnr.err.contains("needs a binary target") && fnr.err.contains("10 classes"),
                 fnr.err.constData());
        // An attribute the dataset lacks is refused by name.
        const auto unknown = fixtures::runCli(
            {"runs", "scan", id.left(8), "--attributes", "age", "--store", store()});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("no attribute 'age'"), unknown.err.constData());
        // The report's Bias discovery section: the dataset's association scan and the leakage.
        const QString html = m_dir.filePath(QStringLiteral("bias.html"));
        const auto report = fixtures::runCli({"report", id.left(8), "--bias-discovery",
                                              "--no-context", "--out", html, "--store", store()});
        QVERIFY2(report.exitCode == 0, report.err.constData());
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QByteArray content = page.readAll();
        QVERIFY(content.contains("Bias discovery"));
        QVERIFY(content.contains("Association scan of"));
        QVERIFY(content.contains("Representation leakage of"));
        QVERIFY(content.contains("test predictions of 'label'. Worst-subgroup scan"));
    }

    void dryRunEstimatesWithoutTraining()
    {
        // No past run in a fresh store: a few steps are timed; nothing is recorded.
        const QString fresh = m_dir.filePath(QStringLiteral("fresh.sqlite"));
        auto r = fixtures::runCli({"train", "--config", m_config, "--dry-run", "--store", fresh});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("family").toString(), QStringLiteral("fare"));
        QVERIFY(o.value("complete").toBool());
        QCOMPARE(o.value("stages").toArray().size(), 1);
        QJsonObject train = o.value("stages").toArray().at(0).toObject();
        QCOMPARE(train.value("stage").toString(), QStringLiteral("train"));
        QVERIFY2(train.value("basis").toString().startsWith("calibration"), r.out.constData());
        QCOMPARE(train.value("epochs").toInt(), 4);
        QVERIFY(train.value("stepsPerEpoch").toInt() > 0);
        QCOMPARE(train.value("steps").toInt(), 4 * train.value("stepsPerEpoch").toInt());
        QVERIFY(train.value("itemsPerSecond").toDouble() > 0);
        QCOMPARE(train.value("unit").toString(), QStringLiteral("images"));
        QVERIFY(r.err.contains("≈"));
        QVERIFY(!QFile::exists(fresh)); // a dry run records nothing, not even a store
        // The store of trainPrintsASummary holds a finished run like it: its throughput is used.
        r = fixtures::runCli({"train", "--config", m_config, "--dry-run", "--store", store()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        train = QJsonDocument::fromJson(r.out).object().value("stages").toArray().at(0).toObject();
        QVERIFY2(train.value("basis").toString().contains("past run"), r.out.constData());
        // A run far beyond an hour is flagged.
        r = fixtures::runCli({"train", "--config", m_config, "--dry-run", "--store", fresh,
                              "--epochs", "100000", "--train-limit", "0"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QJsonDocument::fromJson(r.out).object().value("longerThanAnHour").toBool());
        QVERIFY2(r.err.contains("longer than an hour"), r.err.constData());
    }

    void dryRunCoversEveryFamily()
    {
        // Fair SSL: its stages in order, the SimCLR stage timed, the total a lower bound.
        const QString fresh = m_dir.filePath(QStringLiteral("fresh-families.sqlite"));
        auto r = fixtures::runCli({"train", "--method", "fair-ssl", "--dry-run", "--store", fresh,
                                   "--pool-limit", "600", "--seed-size", "200"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("family").toString(), QStringLiteral("fair-ssl"));
        QVERIFY(!o.value("complete").toBool());
        QStringList stages;
        for (const QJsonValue &v : o.value("stages").toArray())
            stages << v.toObject().value("stage").toString();
        QCOMPARE(stages, (QStringList{"embed", "dedup", "retrieve", "quality", "pseudo-label",
                                      "train", "classifier"}));
        const QJsonObject embed = o.value("stages").toArray().at(0).toObject();
        QVERIFY(embed.value("itemsPerSecond").toDouble() > 0);
        QVERIFY(embed.value("basis").toString().startsWith("calibration"));
        QVERIFY(!embed.value("minutes").isNull());
        QVERIFY(o.value("stages").toArray().at(1).toObject().value("minutes").isNull());
        QVERIFY2(r.err.startsWith("at least"), r.err.constData());
        QVERIFY(!QFile::exists(fresh));

        // Clustering: input, graph, training, evaluation.
        const QString features =
            fixtures::writeClusteringFeatures(m_dir.filePath(QStringLiteral("clusters")));
        r = fixtures::runCli({"cluster", "--features", features, "--dim", "32", "-k", "10",
                              "--dry-run", "--store", fresh});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("family").toString(), QStringLiteral("clustering"));
        QVERIFY2(r.err.contains("kNN graph") && r.err.contains("anchors/s"), r.err.constData());
        QVERIFY(!QFile::exists(fresh));
    }

    void badConfigIsAClearError()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        fixtures::writeFile(bad, "{\"method\": \"simclr++\"}");
        const auto r = fixtures::runCli({"train", "--config", bad, "--store", store()});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("bad.json") && r.err.contains("simclr++"), r.err.constData());
    }

    void killedRunResumes()
    {
        QProcess child;
        child.start(QStringLiteral(EQUISCOPE_CLI_PATH),
                    {"train", "--config", m_config, "--store", store(), "--name", "killed"});
        QVERIFY(child.waitForStarted());
        // Wait (polling the store, with a deadline) until the first epoch is recorded.
        QString id;
        QDeadlineTimer deadline(120000);
        while (!deadline.hasExpired()) {
            QTest::qWait(200);
            auto s = RunStore::open(store());
            if (!s)
                continue;
            auto id_ = s.value()->resolveRun(QStringLiteral("killed"));
            if (id_ && s.value()->resumableEpoch(id_.value()).value_or(-1) >= 1) {
                id = id_.value();
                break;
            }
            QVERIFY(child.state() == QProcess::Running);
        }
        QVERIFY2(!id.isEmpty(), "the first epoch was never recorded");
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        {
            auto s = RunStore::open(store()); // recovers interrupted runs on open
            QVERIFY(s.ok());
            QCOMPARE(s.value()->integrityCheck().value(), QStringLiteral("ok"));
            QCOMPARE(s.value()->run(id)->status, RunStatus::Interrupted);
            QVERIFY(s.value()->resumableEpoch(id).value() >= 1);
        }
        const auto r = fixtures::runCli({"runs", "resume", "killed", "--store", store()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("resuming run"), r.err.constData());
        auto s = RunStore::open(store());
        QCOMPARE(s.value()->run(id)->status, RunStatus::Finished);
        QCOMPARE(s.value()->epochs(id)->size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
