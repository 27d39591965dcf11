// `equiscope-cli train --method fair-ssl|simclr|supcon|supervised-ce` as a user runs it.
#include "fairsslfixtures.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestCliFairSsl : public QObject
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
        fixtures::FairSslFixture f =
            fixtures::writeFairSslFixture(m_dir.filePath(QStringLiteral("data")));
        m_config = m_dir.filePath(QStringLiteral("tiny.json"));
        QVERIFY(fixtures::writeFile(m_config, QJsonDocument(f.config.toJson()).toJson()));
    }

    void printsTheDefaultWithEveryStageOption()
    {
        const auto r = fixtures::runCli({"train", "--method", "fair-ssl", "--print-config"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("family").toString(), QStringLiteral("fair-ssl"));
        QCOMPARE(o.value("dataset").toObject().value("format").toString(),
                 QStringLiteral("colored"));
        QCOMPARE(o.value("targetLevels").toArray().size(), 2);
        QCOMPARE(o.value("sensitive").toArray().first().toString(), QStringLiteral("color"));
        QCOMPARE(o.value("dedup").toObject().value("threshold").toDouble(), 0.95);

        const auto flags =
            fixtures::runCli({"train", "--method", "supcon", "--dedup-threshold", "0.9",
                              "--retrieve", "3", "--no-quality-filter", "--pseudo-labels", "knn",
                              "--lookahead-scope", "full", "--stage-option", "metaWeight.batch=32",
                              "--target-levels", "Coat,Pullover", "--print-config"});
        QVERIFY2(flags.exitCode == 0, flags.err.constData());
        const QJsonObject c = QJsonDocument::fromJson(flags.out).object();
        QCOMPARE(c.value("method").toString(), QStringLiteral("supcon"));
        QCOMPARE(c.value("dedup").toObject().value("threshold").toDouble(), 0.9);
        QCOMPARE(c.value("retrieval").toObject().value("perSeed").toInt(), 3);
        QCOMPARE(c.value("quality").toObject().value("enabled").toBool(), false);
        QCOMPARE(c.value("pseudoLabels").toObject().value("mode").toString(),
                 QStringLiteral("knn"));
        QCOMPARE(c.value("metaWeight").toObject().value("scope").toString(),
                 QStringLiteral("full"));
        QCOMPARE(c.value("metaWeight").toObject().value("batch").toInt(), 32);
        QCOMPARE(c.value("targetLevels").toArray().at(0).toString(), QStringLiteral("Coat"));
    }

    void badOptionsAreClearErrors()
    {
        const auto range = fixtures::runCli(
            {"train", "--method", "fair-ssl", "--dedup-threshold", "2", "--print-config"});
        QCOMPARE(range.exitCode, 2);
        QVERIFY2(range.err.contains("dedup.threshold"), range.err.constData());
        const auto unknown = fixtures::runCli(
            {"train", "--method", "fair-ssl", "--stage-option", "dedup.tau=1", "--print-config"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("dedup.tau"), unknown.err.constData());
        const QString missing = m_dir.filePath(QStringLiteral("missing.pt"));
        const auto script =
            fixtures::runCli({"train", "--config", m_config, "--encoder-source", "torchscript",
                              "--encoder-file", missing, "--store", store()});
        QCOMPARE(script.exitCode, 1);
        QVERIFY2(script.err.contains("missing.pt"), script.err.constData());
    }

    void tinyRunPrintsASummaryAndIsListed()
    {
        const auto r = fixtures::runCli({"train", "--config", m_config, "--method", "simclr",
                                         "--embed-epochs", "1", "--store", store()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("status").toString(), QStringLiteral("finished"));
        QCOMPARE(o.value("method").toString(), QStringLiteral("simclr"));
        QVERIFY(o.value("accuracy").toDouble() > 0.9);
        QVERIFY(o.contains("worst_group_accuracy"));
        QVERIFY(o.contains("accuracy_std"));
        QVERIFY2(r.err.contains("embed"), r.err.constData()); // the stage names the progress
        const auto show = fixtures::runCli(
            {"runs", "show", o.value("run").toString(), "--json", "--store", store()});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QVERIFY(show.out.contains("fair-ssl"));
    }
};

QTEST_GUILESS_MAIN(TestCliFairSsl)
#include "tst_cli_fairssl.moc"
