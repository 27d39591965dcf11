#include "report/pdfreportwriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFormat>
#include <QTextLayout>
#include <QTextObjectInterface>

namespace equiscope {

namespace pdfdetail {

/// Draws "chart:N" image objects of the text document as vector charts.
class ChartObjectHandler : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    QVector<ChartSpec> charts;

    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &format) override
    {
        const QTextImageFormat f = format.toImageFormat();
        return QSizeF(f.width(), f.height());
    }
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                    const QTextFormat &format) override
    {
        const QString name = format.toImageFormat().name();
        if (!name.startsWith(QLatin1String("chart:")))
            return;
        const int index = name.mid(6).toInt();
        if (index >= 0 && index < charts.size())
            paintChart(charts[index], painter, rect);
    }
};

} // namespace pdfdetail

namespace {

using pdfdetail::ChartObjectHandler;

// A4 at 96 layout units per inch, with 16 mm side margins and room for header and footer.
constexpr double kPageWidth = 793.7;
constexpr double kPageHeight = 1122.5;
constexpr double kMarginX = 60;
constexpr double kMarginTop = 70;
constexpr double kMarginBottom = 64;
constexpr double kContentWidth = kPageWidth - 2 * kMarginX;
constexpr double kContentHeight = kPageHeight - kMarginTop - kMarginBottom;

QString htmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

const char *toneColor(ReportCell::Tone tone)
{
    switch (tone) {
    case ReportCell::Tone::Good:
        return "#047857";
    case ReportCell::Tone::Bad:
        return "#b91c1c";
    case ReportCell::Tone::Muted:
        return "#6b7280";
    default:
        return "#1f2937";
    }
}

QString pdfTableHtml(const ReportTable &t, const QString &caption)
{
    QString out = QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\" "
        "style=\"border-collapse:collapse; border-color:#d1d5db; border-style:solid; "
        "margin-top:4px; margin-bottom:4px;\"><thead><tr>");
    for (const QString &h : t.header)
        out += QStringLiteral("<th bgcolor=\"#eef2f7\" align=\"left\">%1</th>").arg(htmlEscaped(h));
    out += QStringLiteral("</tr></thead>");
    for (int r = 0; r < t.rows.size(); ++r) {
        out += r % 2 ? QStringLiteral("<tr bgcolor=\"#fafafa\">") : QStringLiteral("<tr>");
        for (const ReportCell &c : t.rows[r]) {
            out +=
                QStringLiteral("<td%1><span style=\"color:%2;%3\">%4</span>")
                    .arg(c.numeric ? QStringLiteral(" align=\"right\"") : QString(),
                         QLatin1String(toneColor(c.tone)),
                         c.tone == ReportCell::Tone::Heading ? QStringLiteral(" font-weight:600;")
                                                             : QString(),
                         htmlEscaped(c.text));
            if (!c.note.isEmpty())
                out +=
                    QStringLiteral("<br/><span style=\"color:#6b7280; font-size:9px;\">%1</span>")
                        .arg(htmlEscaped(c.note));
            out += QStringLiteral("</td>");
        }
        out += QStringLiteral("</tr>");
    }
    out += QStringLiteral("</table>");
    if (!caption.isEmpty())
        out += QStringLiteral("<p style=\"color:#6b7280; font-size:10px;\">%1</p>")
                   .arg(htmlEscaped(caption));
    return out;
}

QString blockHtml(const ReportBlock &b, ChartObjectHandler &charts)
{
    switch (b.kind) {
    case ReportBlock::Kind::Paragraph:
        return QStringLiteral("<p>%1</p>").arg(htmlEscaped(b.text));
    case ReportBlock::Kind::Note:
        return QStringLiteral("<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" "
                              "style=\"margin-top:4px; margin-bottom:4px;\"><tr>"
                              "<td bgcolor=\"#f59e0b\" width=\"3\"></td>"
                              "<td bgcolor=\"#fffbeb\">%1</td></tr></table>")
            .arg(htmlEscaped(b.text));
    case ReportBlock::Kind::Table:
        return pdfTableHtml(b.table, b.caption);
    case ReportBlock::Kind::KeyValues: {
        QString out = QStringLiteral("<table cellpadding=\"2\" cellspacing=\"0\" width=\"100%\">");
        for (const auto &kv : b.pairs)
            out += QStringLiteral("<tr><td width=\"30%\"><span style=\"color:#6b7280;\">%1</span>"
                                  "</td><td>%2</td></tr>")
                       .arg(htmlEscaped(kv.first), htmlEscaped(kv.second));
        return out + QStringLiteral("</table>");
    }
    case ReportBlock::Kind::Definitions: {
        QString out;
        for (const auto &kv : b.pairs)
            out +=
                QStringLiteral("<p style=\"margin-top:3px; margin-bottom:3px;\">"
                               "<span style=\"font-family:'DejaVu Sans Mono'; font-weight:600;\">"
                               "%1</span> — %2</p>")
                    .arg(htmlEscaped(kv.first), htmlEscaped(kv.second));
        return out;
    }
    case ReportBlock::Kind::Chart: {
        const int index = int(charts.charts.size());
        charts.charts.push_back(b.chart);
        const double width = std::min(kContentWidth, b.chart.width * 0.9);
        const double height = b.chart.height * width / b.chart.width;
        QString out = QStringLiteral("<p align=\"center\"><img src=\"chart:%1\" width=\"%2\" "
                                     "height=\"%3\"/></p>")
                          .arg(index)
                          .arg(int(width))
                          .arg(int(height));
        if (!b.caption.isEmpty())
            out += QStringLiteral("<p style=\"color:#6b7280; font-size:10px;\">%1</p>")
                       .arg(htmlEscaped(b.caption));
        return out;
    }
    case ReportBlock::Kind::Bullets: {
        QString out = QStringLiteral("<ul>");
        for (const QString &item : b.items)
            out += QStringLiteral("<li>%1</li>").arg(htmlEscaped(item));
        return out + QStringLiteral("</ul>");
    }
    case ReportBlock::Kind::Code:
        return QStringLiteral("<pre style=\"font-size:8px;\">%1</pre>").arg(htmlEscaped(b.text));
    }
    return {};
}

QString printHtml(const ReportDocument &d, ChartObjectHandler &charts)
{
    QString out = QStringLiteral("<html><body>");
    out += QStringLiteral("<h1 style=\"font-size:22px; margin-bottom:2px;\">%1</h1>")
               .arg(htmlEscaped(d.title));
    if (!d.subtitle.isEmpty())
        out += QStringLiteral("<p style=\"color:#475569;\">%1</p>").arg(htmlEscaped(d.subtitle));
    if (!d.cards.isEmpty()) {
        out += QStringLiteral("<table width=\"100%\" cellspacing=\"6\" cellpadding=\"6\"><tr>");
        for (const ReportCard &c : d.cards)
            out +=
                QStringLiteral("<td bgcolor=\"#0f172a\"><span style=\"color:#94a3b8; "
                               "font-size:8px;\">%1</span><br/><span style=\"color:#ffffff; "
                               "font-size:15px; font-weight:700;\">%2</span><br/>"
                               "<span style=\"color:#cbd5e1; font-size:8px;\">%3</span></td>")
                    .arg(htmlEscaped(c.label.toUpper()), htmlEscaped(c.value), htmlEscaped(c.note));
        out += QStringLiteral("</tr></table>");
    }
    out += QStringLiteral("<p style=\"color:#475569;\"><b>Contents:</b> ");
    QStringList toc;
    for (int i = 0; i < d.sections.size(); ++i)
        toc << QStringLiteral("%1. %2").arg(i + 1).arg(htmlEscaped(d.sections[i].title));
    out += toc.join(QStringLiteral(" · ")) + QStringLiteral("</p>");
    for (int i = 0; i < d.sections.size(); ++i) {
        const ReportSection &s = d.sections[i];
        // Chart sections and the model card start a page: the text engine cannot keep a
        // heading with the block that follows it.
        const bool newPage =
            i > 0 && ((!s.blocks.isEmpty() && s.blocks.first().kind == ReportBlock::Kind::Chart) ||
                      s.id == QLatin1String("model-card"));
        out += QStringLiteral("<h2 style=\"font-size:16px; color:#0f172a; margin-top:16px;%1\">"
                              "<span style=\"color:#94a3b8;\">%2.</span> %3</h2>")
                   .arg(newPage ? QStringLiteral(" page-break-before:always;") : QString())
                   .arg(i + 1)
                   .arg(htmlEscaped(s.title));
        for (const ReportBlock &b : s.blocks)
            out += blockHtml(b, charts);
    }
    return out + QStringLiteral("</body></html>");
}

} // namespace

struct PaginatedReport::Private
{
    ReportDocument document;
    QTextDocument text;
    ChartObjectHandler charts;
    /// The text document's pages that hold something to see, in order. A forced page break
    /// that lands where the layout already started a new page, or a block of blank lines,
    /// would otherwise print a page with only the header and footer.
    QVector<int> pages;

    void findPagesWithContent()
    {
        QSet<int> used;
        const auto *layout = text.documentLayout();
        for (QTextBlock block = text.begin(); block.isValid(); block = block.next()) {
            // Blank blocks (the empty paragraph a table or page break leaves) print nothing.
            if (block.text().trimmed().isEmpty())
                continue;
            const QRectF box = layout->blockBoundingRect(block);
            const QTextLayout *lines = block.layout();
            for (int i = 0; lines && i < lines->lineCount(); ++i) {
                const QTextLine line = lines->lineAt(i);
                const double middle = box.top() + line.y() + line.height() / 2;
                used.insert(int(middle / kContentHeight));
            }
        }
        // Blocks inside tables are reached through text.begin() too; charts are inline objects
        // of non-empty blocks (the object replacement character).
        const int total = text.pageCount();
        for (int page = 0; page < total; ++page)
            if (used.contains(page))
                pages << page;
        if (pages.isEmpty())
            pages << 0;
    }

    /// Paints text page @p textPage as page @p shown (0-based) of @p pages.
    void paint(QPainter *p, int textPage, int shown, int pages) const
    {
        // Header: title on the left, generator on the right, a hairline below.
        QFont small(QStringLiteral("DejaVu Sans"));
        small.setPixelSize(9);
        p->setFont(small);
        p->setPen(QColor(0x64, 0x74, 0x8b));
        const QRectF header(kMarginX, 30, kContentWidth, 16);
        const QString title =
            QFontMetricsF(small).elidedText(document.title, Qt::ElideRight, kContentWidth * 0.7);
        p->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, title);
        p->drawText(header, Qt::AlignRight | Qt::AlignVCenter, document.generator);
        p->setPen(QPen(QColor(0xcb, 0xd5, 0xe1), 0.8));
        p->drawLine(QPointF(kMarginX, 50), QPointF(kMarginX + kContentWidth, 50));
        const QRectF footer(kMarginX, kPageHeight - 44, kContentWidth, 16);
        p->setPen(QColor(0x64, 0x74, 0x8b));
        p->drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                    QStringLiteral("generated %1").arg(document.generatedAt));
        p->drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                    QStringLiteral("page %1 of %2").arg(shown + 1).arg(pages));

        p->save();
        p->translate(kMarginX, kMarginTop);
        const QRectF clip(0, 0, kContentWidth, kContentHeight);
        p->setClipRect(clip);
        p->translate(0, -textPage * kContentHeight);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = QRectF(0, textPage * kContentHeight, kContentWidth, kContentHeight);
        ctx.palette.setColor(QPalette::Text, QColor(0x1f, 0x29, 0x37));
        text.documentLayout()->draw(p, ctx);
        p->restore();
    }
};

PaginatedReport::PaginatedReport(const ReportDocument &document) : d(std::make_unique<Private>())
{
    d->document = document;
    d->text.documentLayout()->registerHandler(QTextFormat::ImageObject, &d->charts);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(11);
    d->text.setDefaultFont(font);
    d->text.setDocumentMargin(0);
    d->text.setDefaultStyleSheet(
        QStringLiteral("h1, h2 { color: #0f172a; } th { font-weight: 600; }"));
    d->text.setHtml(printHtml(document, d->charts));
    d->text.setPageSize(QSizeF(kContentWidth, kContentHeight));
    d->findPagesWithContent();
}

PaginatedReport::~PaginatedReport() = default;

int PaginatedReport::pageCount() const
{
    return int(d->pages.size());
}

QSizeF PaginatedReport::pageSize() const
{
    return QSizeF(kPageWidth, kPageHeight);
}

QImage PaginatedReport::renderPage(int page, double dpi) const
{
    const double scale = dpi / 96.0;
    QImage img(int(kPageWidth * scale), int(kPageHeight * scale), QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.scale(scale, scale);
    if (page >= 0 && page < pageCount())
        d->paint(&p, d->pages[page], page, pageCount());
    p.end();
    return img;
}

QByteArray PaginatedReport::toPdf() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(300);
        pdf.setTitle(d->document.title);
        pdf.setCreator(d->document.generator);
        QPainter p(&pdf);
        const double scale = double(pdf.width()) / kPageWidth;
        const int pages = pageCount();
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                pdf.newPage();
            p.save();
            p.scale(scale, scale);
            d->paint(&p, d->pages[page], page, pages);
            p.restore();
        }
        p.end();
    }
    return bytes;
}

Expected<int> writeReportPdf(const ReportDocument &document, const QString &path)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return DataError{
            path, -1, -1, {}, {}, {}, QStringLiteral("PDF output needs a QGuiApplication (fonts)")};
    PaginatedReport report(document);
    const QByteArray pdf = report.toPdf();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit())
        return DataError{path,
                         -1,
                         -1,
                         {},
                         {},
                         {},
                         QStringLiteral("cannot write the PDF: %1").arg(file.errorString())};
    return report.pageCount();
}

} // namespace equiscope

#include "pdfreportwriter.moc"
