// The report of a fair-SSL run has a "Pipeline stages" section with the store's stage numbers
// and the meta-learned weight per group; runs of other families get no such section.
#include "fairsslfixtures.h"

#include "fairssl/fairssljob.h"
#include "report/reportbuilder.h"
#include "store/runstore.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace equiscope;

namespace {

/// The text inside <section id="@p id"> of a well-formed report (empty when absent).
QString sectionText(const QByteArray &html, const QString &id, bool *wellFormed)
{
    QXmlStreamReader xml(html);
    QString text;
    int depth = 0, inside = -1;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            if (xml.name() == QLatin1String("section") &&
                xml.attributes().value(QStringLiteral("id")) == id)
                inside = depth;
        } else if (xml.isEndElement()) {
            if (depth == inside)
                inside = -1;
            --depth;
        } else if (xml.isCharacters() && inside >= 0) {
            text += xml.text().toString() + QLatin1Char(' ');
        }
    }
    *wellFormed = !xml.hasError();
    return text;
}

} // namespace

class TestFairSslReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fixtures::FairSslFixture m_fixture;
    QString m_run;
    QString store() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_fixture = fixtures::writeFairSslFixture(m_dir.filePath(QStringLiteral("data")));
        FairSslConfig c = m_fixture.config;
        c.embedEpochs = 1;
        FairSslJob job(c, store());
        QSignalSpy finished(&job, &FairSslJob::finished);
        job.start();
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).value<JobOutcome>() == JobOutcome::Finished,
                 qPrintable(finished.first().at(1).toString()));
        m_run = job.runId();
    }

    void sectionShowsEveryStageWithTheStoresNumbers()
    {
        ReportOptions o;
        o.paretoContext = false;
        o.openDatasets = false;
        const QString out = m_dir.filePath(QStringLiteral("run.html"));
        auto written = exportRunReport(store(), {m_run}, ReportFormat::Html, out, o);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bool wellFormed = false;
        const QString text = sectionText(f.readAll(), QStringLiteral("pipeline"), &wellFormed);
        QVERIFY(wellFormed);
        QVERIFY2(text.contains(QStringLiteral("Pipeline stages")), qPrintable(text));
        auto s = RunStore::open(store());
        QVERIFY(s.ok());
        for (const QString &stage :
             {QStringLiteral("embed"), QStringLiteral("dedup"), QStringLiteral("retrieve"),
              QStringLiteral("quality"), QStringLiteral("pseudo-label"), QStringLiteral("train"),
              QStringLiteral("classifier")}) {
            QVERIFY2(text.contains(stage), qPrintable(stage));
            auto a =
                s.value()->artifact(m_run, QStringLiteral("fairssl-stage"), std::nullopt, stage);
            QVERIFY(a.ok());
            const QJsonObject r = QJsonDocument::fromJson(a->bytes).object();
            // The row of the stage: its name, then in, kept and dropped as the store has them.
            const QString row = QStringLiteral("%1 %2 %3 %4")
                                    .arg(stage)
                                    .arg(r.value(QStringLiteral("input")).toInteger())
                                    .arg(r.value(QStringLiteral("kept")).toInteger())
                                    .arg(r.value(QStringLiteral("dropped")).toInteger());
            QVERIFY2(text.simplified().contains(row), qPrintable(row + " in " + text));
        }
        // The dedup stage dropped the planted duplicates and test copies.
        auto dedup =
            s.value()->artifact(m_run, QStringLiteral("fairssl-stage"), std::nullopt, "dedup");
        QVERIFY(QJsonDocument::fromJson(dedup->bytes).object().value("dropped").toInt() > 0);
        QVERIFY(text.contains(QStringLiteral("Meta-learned weight per group")));
        QVERIFY(text.contains(QStringLiteral("tint=red")) &&
                text.contains(QStringLiteral("tint=blue")));
    }

    void otherFamiliesHaveNoPipelineSection()
    {
        ReportRun run;
        run.record.id = QStringLiteral("r1");
        run.record.method = QStringLiteral("FARE");
        const ReportDocument doc = ReportBuilder({run}).build();
        for (const ReportSection &section : doc.sections)
            QVERIFY(section.id != QLatin1String("pipeline"));
        QVERIFY(!doc.sections.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFairSslReport)
#include "tst_fairsslreport.moc"
