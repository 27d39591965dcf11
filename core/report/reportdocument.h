#pragma once

#include "report/chart.h"

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace equiscope {

/// One table cell: plain text (writers escape it), an optional muted note (e.g. the CI) and a
/// tone that writers may colour.
struct ReportCell
{
    enum class Tone
    {
        Normal,
        Good,
        Bad,
        Muted,
        Heading ///< a row header
    };
    QString text;
    QString note;
    Tone tone = Tone::Normal;
    bool numeric = false;

    ReportCell() = default;
    ReportCell(QString t) : text(std::move(t)) {}
    ReportCell(QString t, QString n, Tone tone_ = Tone::Normal, bool num = true)
        : text(std::move(t)), note(std::move(n)), tone(tone_), numeric(num)
    {
    }
};

/// A table with a header row.
struct ReportTable
{
    QStringList header;
    QVector<QVector<ReportCell>> rows;
};

/// One headline number at the top of a report.
struct ReportCard
{
    QString label;
    QString value;
    QString note;
};

/// A block of a section: every string is plain text; writers escape it.
struct ReportBlock
{
    enum class Kind
    {
        Paragraph,
        Note, ///< a highlighted remark (limitations, warnings)
        Table,
        KeyValues,   ///< two-column facts
        Definitions, ///< term → definition
        Chart,
        Bullets,
        Code ///< preformatted text (JSON)
    };
    Kind kind = Kind::Paragraph;
    QString text;
    QString caption;
    ReportTable table;
    QVector<QPair<QString, QString>> pairs; ///< KeyValues and Definitions
    QStringList items;                      ///< Bullets
    ChartSpec chart;

    static ReportBlock paragraph(const QString &text);
    static ReportBlock note(const QString &text);
    static ReportBlock tableBlock(const ReportTable &table, const QString &caption = {});
    static ReportBlock keyValues(const QVector<QPair<QString, QString>> &pairs);
    static ReportBlock definitions(const QVector<QPair<QString, QString>> &pairs);
    static ReportBlock chartBlock(const ChartSpec &chart, const QString &caption = {});
    static ReportBlock bullets(const QStringList &items);
    static ReportBlock code(const QString &text);
};

/// A numbered section with an id usable as an anchor ("dataset", "metrics", ...).
struct ReportSection
{
    QString id;
    QString title;
    QVector<ReportBlock> blocks;
};

/// A whole report, independent of its output format (HtmlReportWriter, PdfReportWriter).
struct ReportDocument
{
    QString title;
    QString subtitle;
    QVector<ReportCard> cards;
    QVector<ReportSection> sections;
    QString generatedAt; ///< ISO time, shown in the footer
    QString generator;   ///< "Equiscope 0.1.0"
};

} // namespace equiscope
