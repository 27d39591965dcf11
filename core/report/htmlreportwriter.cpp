#include "report/htmlreportwriter.h"

namespace equiscope {

namespace {

const char kCss[] = R"css(
:root { --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --accent:#1d4ed8; --bg:#f8fafc;
        --good:#047857; --bad:#b91c1c; --note:#fffbeb; --noteline:#f59e0b; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
       font:15px/1.55 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
header.top { background:#0f172a; color:#f8fafc; padding:28px 0 22px; }
.wrap { max-width:1000px; margin:0 auto; padding:0 28px; }
header.top h1 { margin:0 0 4px; font-size:26px; font-weight:700; letter-spacing:-0.01em; }
header.top p { margin:0; color:#cbd5e1; }
.cards { display:flex; flex-wrap:wrap; gap:12px; margin:18px 0 0; }
.card { background:#1e293b; border-radius:8px; padding:10px 14px; min-width:150px; }
.card .label { font-size:12px; text-transform:uppercase; letter-spacing:0.05em; color:#94a3b8; }
.card .value { font-size:22px; font-weight:700; font-variant-numeric:tabular-nums; }
.card .sub { font-size:12px; color:#cbd5e1; }
nav.toc { background:#fff; border-bottom:1px solid var(--line); padding:10px 0; font-size:14px; }
nav.toc a { color:var(--accent); text-decoration:none; margin-right:16px; white-space:nowrap; }
main { padding:8px 0 40px; }
section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:18px 24px;
          margin:20px 0; }
section h2 { margin:0 0 12px; font-size:19px; }
section h2 .num { color:var(--muted); font-weight:400; margin-right:6px; }
p { margin:8px 0; }
.note { background:var(--note); border-left:4px solid var(--noteline); padding:8px 12px;
        margin:10px 0; border-radius:4px; }
table { border-collapse:collapse; width:100%; margin:10px 0; font-size:14px; }
th, td { border-bottom:1px solid var(--line); padding:6px 8px; text-align:left;
         vertical-align:top; }
th { background:#f1f5f9; font-weight:600; }
tbody tr:nth-child(even) td { background:#fafafa; }
td.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
td.head { font-weight:600; }
td .ci { display:block; color:var(--muted); font-size:12px; }
td.good { color:var(--good); } td.bad { color:var(--bad); } td.muted { color:var(--muted); }
caption, .caption { caption-side:bottom; text-align:left; color:var(--muted); font-size:13px;
                    padding-top:6px; }
dl.kv { display:grid; grid-template-columns:max-content 1fr; gap:4px 18px; margin:8px 0; }
dl.kv dt { color:var(--muted); } dl.kv dd { margin:0; word-break:break-word; }
dl.defs dt { font-weight:600; font-family:"DejaVu Sans Mono", monospace; font-size:13px;
             margin-top:8px; }
dl.defs dd { margin:2px 0 0 0; color:#374151; }
figure { margin:12px 0; }
figure svg { max-width:100%; height:auto; display:block; }
pre { background:#f8fafc; border:1px solid var(--line); border-radius:6px; padding:10px;
      overflow:auto; font-size:12.5px; }
footer { color:var(--muted); font-size:13px; padding:0 0 30px; }
@media print { body { background:#fff; } section { break-inside:avoid-page; border:none; }
               nav.toc { display:none; } header.top { -webkit-print-color-adjust:exact; } }
)css";

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString cellClass(const ReportCell &c)
{
    QStringList classes;
    if (c.numeric)
        classes << QStringLiteral("num");
    switch (c.tone) {
    case ReportCell::Tone::Good:
        classes << QStringLiteral("good");
        break;
    case ReportCell::Tone::Bad:
        classes << QStringLiteral("bad");
        break;
    case ReportCell::Tone::Muted:
        classes << QStringLiteral("muted");
        break;
    case ReportCell::Tone::Heading:
        classes << QStringLiteral("head");
        break;
    case ReportCell::Tone::Normal:
        break;
    }
    return classes.isEmpty() ? QString()
                             : QStringLiteral(" class=\"%1\"").arg(classes.join(QLatin1Char(' ')));
}

QString tableHtml(const ReportTable &t, const QString &caption)
{
    QString out = QStringLiteral("<table>");
    if (!caption.isEmpty())
        out += QStringLiteral("<caption>%1</caption>").arg(esc(caption));
    out += QStringLiteral("<thead><tr>");
    for (const QString &h : t.header)
        out += QStringLiteral("<th>%1</th>").arg(esc(h));
    out += QStringLiteral("</tr></thead><tbody>");
    for (const auto &row : t.rows) {
        out += QStringLiteral("<tr>");
        for (const ReportCell &c : row) {
            out += QStringLiteral("<td%1>%2").arg(cellClass(c), esc(c.text));
            if (!c.note.isEmpty())
                out += QStringLiteral("<span class=\"ci\">%1</span>").arg(esc(c.note));
            out += QStringLiteral("</td>");
        }
        out += QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</tbody></table>");
}

QString blockHtml(const ReportBlock &b)
{
    switch (b.kind) {
    case ReportBlock::Kind::Paragraph:
        return QStringLiteral("<p>%1</p>").arg(esc(b.text));
    case ReportBlock::Kind::Note:
        return QStringLiteral("<div class=\"note\">%1</div>").arg(esc(b.text));
    case ReportBlock::Kind::Table:
        return tableHtml(b.table, b.caption);
    case ReportBlock::Kind::KeyValues:
    case ReportBlock::Kind::Definitions: {
        QString out = QStringLiteral("<dl class=\"%1\">")
                          .arg(b.kind == ReportBlock::Kind::KeyValues ? QStringLiteral("kv")
                                                                      : QStringLiteral("defs"));
        for (const auto &kv : b.pairs)
            out += QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(esc(kv.first), esc(kv.second));
        return out + QStringLiteral("</dl>");
    }
    case ReportBlock::Kind::Chart: {
        QString out = QStringLiteral("<figure>") + chartToSvg(b.chart);
        if (!b.caption.isEmpty())
            out +=
                QStringLiteral("<figcaption class=\"caption\">%1</figcaption>").arg(esc(b.caption));
        return out + QStringLiteral("</figure>");
    }
    case ReportBlock::Kind::Bullets: {
        QString out = QStringLiteral("<ul>");
        for (const QString &item : b.items)
            out += QStringLiteral("<li>%1</li>").arg(esc(item));
        return out + QStringLiteral("</ul>");
    }
    case ReportBlock::Kind::Code:
        return QStringLiteral("<pre>%1</pre>").arg(esc(b.text));
    }
    return {};
}

} // namespace

QString reportToHtml(const ReportDocument &d)
{
    QString out;
    out.reserve(64 * 1024);
    out +=
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">"
                       "<head><meta charset=\"utf-8\"/>"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                       "<meta name=\"generator\" content=\"%1\"/><title>%2</title><style>")
            .arg(esc(d.generator), esc(d.title));
    out += QString::fromUtf8(kCss);
    out += QStringLiteral("</style></head>\n<body><header class=\"top\"><div class=\"wrap\">");
    out += QStringLiteral("<h1>%1</h1>").arg(esc(d.title));
    if (!d.subtitle.isEmpty())
        out += QStringLiteral("<p>%1</p>").arg(esc(d.subtitle));
    if (!d.cards.isEmpty()) {
        out += QStringLiteral("<div class=\"cards\">");
        for (const ReportCard &c : d.cards)
            out += QStringLiteral("<div class=\"card\"><div class=\"label\">%1</div>"
                                  "<div class=\"value\">%2</div><div class=\"sub\">%3</div></div>")
                       .arg(esc(c.label), esc(c.value), esc(c.note));
        out += QStringLiteral("</div>");
    }
    out += QStringLiteral("</div></header>\n<nav class=\"toc\"><div class=\"wrap\">");
    for (int i = 0; i < d.sections.size(); ++i)
        out += QStringLiteral("<a href=\"#%1\">%2. %3</a>")
                   .arg(esc(d.sections[i].id))
                   .arg(i + 1)
                   .arg(esc(d.sections[i].title));
    out += QStringLiteral("</div></nav>\n<main class=\"wrap\">\n");
    for (int i = 0; i < d.sections.size(); ++i) {
        const ReportSection &s = d.sections[i];
        out += QStringLiteral("<section id=\"%1\"><h2><span class=\"num\">%2.</span>%3</h2>")
                   .arg(esc(s.id))
                   .arg(i + 1)
                   .arg(esc(s.title));
        for (const ReportBlock &b : s.blocks)
            out += blockHtml(b);
        out += QStringLiteral("</section>\n");
    }
    out +=
        QStringLiteral("</main><footer class=\"wrap\">%1 · generated %2</footer></body></html>\n")
            .arg(esc(d.generator), esc(d.generatedAt));
    return out;
}

} // namespace equiscope
