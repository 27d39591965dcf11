#include "report/reportdocument.h"

namespace equiscope {

ReportBlock ReportBlock::paragraph(const QString &text)
{
    ReportBlock b;
    b.kind = Kind::Paragraph;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::note(const QString &text)
{
    ReportBlock b;
    b.kind = Kind::Note;
    b.text = text;
    return b;
}

ReportBlock ReportBlock::tableBlock(const ReportTable &table, const QString &caption)
{
    ReportBlock b;
    b.kind = Kind::Table;
    b.table = table;
    b.caption = caption;
    return b;
}

ReportBlock ReportBlock::keyValues(const QVector<QPair<QString, QString>> &pairs)
{
    ReportBlock b;
    b.kind = Kind::KeyValues;
    b.pairs = pairs;
    return b;
}

ReportBlock ReportBlock::definitions(const QVector<QPair<QString, QString>> &pairs)
{
    ReportBlock b;
    b.kind = Kind::Definitions;
    b.pairs = pairs;
    return b;
}

ReportBlock ReportBlock::chartBlock(const ChartSpec &chart, const QString &caption)
{
    ReportBlock b;
    b.kind = Kind::Chart;
    b.chart = chart;
    b.caption = caption;
    return b;
}

ReportBlock ReportBlock::bullets(const QStringList &items)
{
    ReportBlock b;
    b.kind = Kind::Bullets;
    b.items = items;
    return b;
}

ReportBlock ReportBlock::code(const QString &text)
{
    ReportBlock b;
    b.kind = Kind::Code;
    b.text = text;
    return b;
}

} // namespace equiscope
