// Reports from real tiny runs: the HTML parses as XML and holds every section with the store's
// numbers, data strings are escaped, nothing is loaded from outside, and the PDF has the pages
// the layout says (rendered to images here).
#include "report/chart.h"
#include "report/modelcard.h"
#include "report/pdfreportwriter.h"
#include "report/reportbuilder.h"

#include "enginefixtures.h"
#include "fare/fareconfig.h"
#include "fare/farejob.h"
#include "fixtures.h"
#include "store/runstore.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace equiscope;

namespace {

const QString kScript = QStringLiteral("<script>alert(1)</script>");

/// The parsed structure of a report page.
struct ParsedHtml
{
    bool wellFormed = false;
    QString error;
    QStringList sectionIds;
    QHash<QString, QString> sectionText; ///< id → all text inside the section
    QStringList elementNames;
    QStringList links; ///< every href and src value
    int svgCount = 0;
    QString allText;
};

ParsedHtml parseHtml(const QByteArray &html)
{
    ParsedHtml p;
    QXmlStreamReader xml(html);
    QString section;
    int sectionDepth = -1, depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            const QString name = xml.name().toString();
            p.elementNames << name;
            if (name == QLatin1String("svg"))
                ++p.svgCount;
            for (const auto &a : xml.attributes())
                if (a.name() == QLatin1String("href") || a.name() == QLatin1String("src"))
                    p.links << a.value().toString();
            if (name == QLatin1String("section")) {
                section = xml.attributes().value(QStringLiteral("id")).toString();
                sectionDepth = depth;
                p.sectionIds << section;
            }
        } else if (xml.isEndElement()) {
            if (depth == sectionDepth) {
                section.clear();
                sectionDepth = -1;
            }
            --depth;
        } else if (xml.isCharacters()) {
            p.allText += xml.text().toString() + QLatin1Char(' ');
            if (!section.isEmpty())
                p.sectionText[section] += xml.text().toString() + QLatin1Char(' ');
        }
    }
    p.wellFormed = !xml.hasError();
    p.error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
    return p;
}

/// Share of pixels that are not (nearly) white.
double inkFraction(const QImage &img)
{
    qint64 ink = 0;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            ink += qGray(img.pixel(x, y)) < 200;
    return double(ink) / (double(img.width() / 2) * double(img.height() / 2));
}

QString train(const FareConfig &config, const QString &store)
{
    FareJob job(config, store);
    job.start();
    job.wait();
    return job.outcome() == JobOutcome::Finished ? job.runId() : QString();
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_a, m_b, m_script;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QByteArray read(const QString &file) const
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", path("cache").toUtf8());
        m_store = path("runs.sqlite");
        FareConfig a = fixtures::tinyColoredRun(path("data"));
        a.epochs = 2;
        a.name = QStringLiteral("tiny FARE");
        m_a = train(a, m_store);
        QVERIFY(!m_a.isEmpty());
        FareConfig b = a;
        b.seed = 5;
        b.learningRate = 3e-3;
        b.name = QStringLiteral("tiny FARE, lr 3e-3");
        m_b = train(b, m_store);
        QVERIFY(!m_b.isEmpty());

        // A folder-CSV dataset whose sensitive column is named like an HTML script element.
        QByteArray csv = "file,label," + kScript.toUtf8() + ",split\n";
        for (int i = 0; i < 96; ++i) {
            const QString file = QStringLiteral("img/%1.png").arg(i);
            QVERIFY(fixtures::writeSyntheticImage(path("csvdata/" + file), 24, 24, unsigned(i)));
            csv += QStringLiteral("%1,%2,%3,%4\n")
                       .arg(file)
                       .arg(i % 2)
                       .arg((i / 2) % 2 ? QStringLiteral("<b>bold</b>") : QStringLiteral("x&y"))
                       .arg(i < 64 ? QStringLiteral("train") : QStringLiteral("test"))
                       .toUtf8();
        }
        QVERIFY(fixtures::writeFile(path("csvdata/labels.csv"), csv));
        FareConfig c = a;
        c.name = kScript;
        c.dataset = DatasetSpec{QStringLiteral("folder-csv"), path("csvdata/labels.csv"), {}};
        c.sensitive = {kScript};
        c.epochs = 1;
        c.batchSize = 16;
        c.minGroupSize = 4;
        m_script = train(c, m_store);
        QVERIFY(!m_script.isEmpty());
    }

    void htmlHasEverySectionWithTheStoresNumbers()
    {
        const QString out = path("a.html");
        auto written = exportRunReport(m_store, {m_a}, ReportFormat::Html, out);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        const QByteArray html = read(out);
        const ParsedHtml p = parseHtml(html);
        QVERIFY2(p.wellFormed, qPrintable(p.error));
        for (const QString &id : {"overview", "dataset", "config", "training", "metrics", "groups",
                                  "attention", "pareto", "environment", "model-card"})
            QVERIFY2(p.sectionIds.contains(id), qPrintable(id));
        QVERIFY(p.svgCount >= 5); // curves, group bars, attention maps

        auto store = RunStore::open(m_store);
        QVERIFY(store.ok());
        const auto metrics = store.value()->metrics(m_a).value();
        double accuracy = -1;
        QString someGroup;
        qint64 someGroupSize = 0;
        for (const MetricRow &m : metrics) {
            if (m.name == "accuracy" && m.group.isEmpty())
                accuracy = m.value;
            if (!m.group.isEmpty() && m.groupSize && someGroup.isEmpty()) {
                someGroup = m.group;
                someGroupSize = *m.groupSize;
            }
        }
        QVERIFY(accuracy >= 0);
        // In the workbench's unit: percent.
        QVERIFY(p.sectionText["metrics"].contains(
            formatMetricText(QStringLiteral("accuracy"), accuracy)));
        QVERIFY(p.sectionText["metrics"].contains("Demographic parity difference"));
        // Each metric shown has its definition.
        QVERIFY(p.sectionText["metrics"].contains("max_g − min_g of the selection rate"));
        QVERIFY(p.sectionText["dataset"].contains(someGroup));
        QVERIFY(p.sectionText["dataset"].contains(QString::number(someGroupSize)));
        QVERIFY(p.sectionText["config"].contains("learningRate"));
        QVERIFY(p.sectionText["environment"].contains("LibTorch"));
        QVERIFY(p.sectionText["model-card"].contains("Intended use"));
        QVERIFY(p.sectionText["model-card"].contains("rgb"));
        QVERIFY(p.sectionText["model-card"].contains("Limitations"));
        // The single-run report puts the store's other run on the same data into the plot.
        QVERIFY(p.sectionText["pareto"].contains("Hypervolume"));
        QVERIFY(p.sectionText["pareto"].contains("tiny FARE, lr 3e-3"));
    }

    void nothingIsLoadedFromOutside()
    {
        const QByteArray html = read(path("a.html"));
        const ParsedHtml p = parseHtml(html);
        QVERIFY(!p.elementNames.contains("script"));
        QVERIFY(!p.elementNames.contains("link"));
        QVERIFY(!p.elementNames.contains("iframe"));
        for (const QString &link : p.links)
            QVERIFY2(link.startsWith('#') || link.startsWith("data:image/png;base64,"),
                     qPrintable(link.left(60)));
        QVERIFY(!html.contains("url("));
        QVERIFY(!html.contains("@import"));
    }

    void dataStringsAreEscaped()
    {
        const QString out = path("script.html");
        auto written = exportRunReport(m_store, {m_script}, ReportFormat::Html, out);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        const QByteArray html = read(out);
        QVERIFY(!html.contains(kScript.toUtf8()));
        QVERIFY(!html.contains("<b>bold</b>"));
        QVERIFY(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        const ParsedHtml p = parseHtml(html);
        QVERIFY2(p.wellFormed, qPrintable(p.error));
        QVERIFY(!p.elementNames.contains("script"));
        QVERIFY(!p.elementNames.contains("b"));
        // As text it is all there: the run name, the column, its levels and group labels.
        QVERIFY(p.allText.contains(kScript));
        QVERIFY(p.sectionText["dataset"].contains(kScript + "=<b>bold</b>"));
        QVERIFY(p.sectionText["dataset"].contains("x&y"));
        // And the PDF of the same run is written too.
        auto pdf = exportRunReport(m_store, {m_script}, ReportFormat::Pdf, path("script.pdf"));
        QVERIFY2(pdf.ok(), qPrintable(pdf.error().toString()));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (!pdftotext.isEmpty()) {
            // Qt's rich text would have turned markup into formatting: it shows as text.
            QProcess proc;
            proc.start(pdftotext, {path("script.pdf"), QStringLiteral("-")});
            QVERIFY(proc.waitForFinished(60000));
            const QString text = QString::fromUtf8(proc.readAllStandardOutput());
            QVERIFY(text.contains(kScript));
            QVERIFY(text.contains("<b>bold</b>"));
        }
    }

    void comparisonShowsDifferencesAndTheFront()
    {
        const QString out = path("compare.html");
        ReportOptions o;
        o.paretoContext = false;
        auto written = exportRunReport(m_store, {m_a, m_b}, ReportFormat::Html, out, o);
        QVERIFY(written.ok());
        const ParsedHtml p = parseHtml(read(out));
        QVERIFY(p.wellFormed);
        QVERIFY(p.allText.contains("Fairness comparison of 2 runs"));
        QVERIFY(p.sectionText["config"].contains("Settings that differ"));
        QVERIFY(p.sectionText["config"].contains("learningRate"));
        QVERIFY(p.sectionText["pareto"].contains("Hypervolume"));
        QVERIFY(p.sectionText["pareto"].contains("Reference point"));
        QCOMPARE(p.sectionText["model-card"].count("Intended use"), 2);
    }

    void pdfHasTheLaidOutPages()
    {
        ReportOptions o;
        o.storePath = m_store;
        QVector<ReportRun> context;
        auto runs = loadReportRuns(m_store, {m_a}, o, &context);
        QVERIFY(runs.ok());
        const ReportDocument doc = ReportBuilder(runs.value(), context, o).build();
        const PaginatedReport paginated(doc);
        QVERIFY(paginated.pageCount() >= 3);
        const QString out = path("a.pdf");
        auto written = writeReport(doc, ReportFormat::Pdf, out);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        const QByteArray pdf = read(out);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        // Page objects, not the /Pages tree node.
        const int pages = int(QString::fromLatin1(pdf).count(
            QRegularExpression(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"))));
        QCOMPARE(pages, paginated.pageCount());
        QVERIFY(written->contains(QStringLiteral("%1 pages").arg(pages)));

        // The first two pages, rendered: text and charts put ink on them.
        const QImage first = paginated.renderPage(0, 72);
        const QImage second = paginated.renderPage(1, 72);
        QCOMPARE(first.size(), QSize(int(793.7 * 0.75), int(1122.5 * 0.75)));
        QVERIFY(inkFraction(first) > 0.02);
        QVERIFY(inkFraction(second) > 0.02);
        QVERIFY(first != second);

        // With poppler's pdftotext (scripts/setup installs poppler-utils) check the PDF's text.
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext not installed: page count and rendering checked only");
        QProcess proc;
        proc.start(pdftotext, {out, QStringLiteral("-")});
        QVERIFY(proc.waitForFinished(60000));
        const QString text = QString::fromUtf8(proc.readAllStandardOutput());
        QVERIFY(text.contains("Fairness report: tiny FARE"));
        QVERIFY(text.contains("Model card"));
        QVERIFY(text.contains("Per-group metrics")); // (words with "fi" come out as ligatures)
        QVERIFY(text.contains(QStringLiteral("page %1 of %1").arg(pages)));
    }

    void chartsEscapeAndScale()
    {
        ChartSpec c;
        c.kind = ChartSpec::Kind::Bars;
        c.title = kScript;
        c.categories = {"a<b", "c"};
        c.categoryMuted = {false, true};
        ChartSeries s;
        s.points = {{0, 0.5}, {1, 0.7}};
        s.low = {0.4, NAN};
        s.high = {0.6, NAN};
        c.series = {s};
        const QString svg = chartToSvg(c);
        QVERIFY(!svg.contains(kScript));
        QVERIFY(svg.contains("a&lt;b"));
        QVERIFY(svg.contains("too small"));
        QXmlStreamReader xml(svg);
        int rects = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement &&
                xml.name() == QLatin1String("rect"))
                ++rects;
        QVERIFY(!xml.hasError());
        QVERIFY(rects >= 2); // one bar and the muted placeholder
        const QImage img = chartToImage(c, 1.0);
        QCOMPARE(img.size(), QSize(720, 300));
        QVERIFY(inkFraction(img) > 0.01);
    }

    void pdfHasNoBlankPages()
    {
        // A page that would hold only blank lines (here a preformatted block of empty lines
        // running over a page, then a section that starts a page of its own) is not printed:
        // no page of header and footer only.
        ReportDocument doc;
        doc.title = QStringLiteral("blank pages");
        doc.generator = QStringLiteral("test");
        ReportSection first{QStringLiteral("first"), QStringLiteral("First"), {}};
        first.blocks << ReportBlock::paragraph(QStringLiteral("Text on the first page."));
        first.blocks << ReportBlock::code(QString(160, QLatin1Char('\n')));
        ReportSection card{QStringLiteral("model-card"), QStringLiteral("Model card"), {}};
        card.blocks << ReportBlock::paragraph(QStringLiteral("Text on the last page."));
        doc.sections = {first, card};
        const PaginatedReport paginated(doc);
        QCOMPARE(paginated.pageCount(), 2);
        for (int page = 0; page < paginated.pageCount(); ++page) {
            // The content area, without the header and footer lines.
            const QImage image = paginated.renderPage(page, 48);
            const QImage content = image.copy(0, image.height() * 80 / 1122, image.width(),
                                              image.height() * 960 / 1122);
            QVERIFY2(inkFraction(content) > 0.0005, qPrintable(QString::number(page)));
        }
        QVERIFY(paginated.renderPage(1, 48) != paginated.renderPage(0, 48));
    }

    void scatterLabelsStayInsideTheChart()
    {
        // A run at the right edge of a Pareto plot: its name ends left of its point instead of
        // running off the chart (it was cut at the page margin).
        ChartSpec c;
        c.kind = ChartSpec::Kind::Scatter;
        ChartSeries s;
        s.points = {{0.1, 0.5}, {0.9, 0.7}};
        s.pointLabels = {QStringLiteral("left run"),
                         QStringLiteral("fare on Colored Fashion-MNIST, the rightmost run")};
        c.series = {s};
        const QString svg = chartToSvg(c);
        QXmlStreamReader xml(svg);
        QString anchorLeft, anchorRight;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement ||
                xml.name() != QLatin1String("text"))
                continue;
            const QString anchor = xml.attributes().value(QLatin1String("text-anchor")).toString();
            const QString text = xml.readElementText();
            if (text == s.pointLabels[0])
                anchorLeft = anchor;
            else if (text == s.pointLabels[1])
                anchorRight = anchor;
        }
        QVERIFY(!xml.hasError());
        QCOMPARE(anchorLeft, QStringLiteral("start"));
        QCOMPARE(anchorRight, QStringLiteral("end"));
    }

    void cliWritesBothFormats()
    {
        const QString pdf = path("cli.pdf");
        auto r = fixtures::runCli(
            {"report", m_a, m_b, "--format", "pdf", "--out", pdf, "--store", m_store});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("PDF"));
        QVERIFY(read(pdf).startsWith("%PDF-"));
        const QString html = path("cli.html");
        r = fixtures::runCli(
            {"report", m_a.left(8), "--out", html, "--store", m_store, "--no-dataset"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(parseHtml(read(html)).wellFormed);
        r = fixtures::runCli(
            {"report", m_a, "--format", "docx", "--out", html, "--store", m_store});
        QCOMPARE(r.exitCode, 2);
        r = fixtures::runCli({"report", "no-such-run", "--out", html, "--store", m_store});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no-such-run"));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
