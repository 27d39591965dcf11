#include "data/csvtable.h"
#include "data/inputfile.h"

#include <QFile>

namespace equiscope {

CsvTable CsvTable::read(const QString &path, QChar delimiter)
{
    return parse(readInputFile(path), path, delimiter);
}

CsvTable CsvTable::parse(const QByteArray &content, const QString &file, QChar delimiter)
{
    CsvTable t;
    t.file = file;
    const QString text = QString::fromUtf8(content);
    qint64 line = 1;
    qint64 rowLine = 1;
    QStringList row;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;
    auto endRow = [&]() {
        row << field;
        field.clear();
        const bool blank = row.size() == 1 && row.front().trimmed().isEmpty() && !fieldStarted;
        if (!blank) {
            if (t.header.isEmpty()) {
                t.header = row;
                for (QString &h : t.header)
                    h = h.trimmed();
            } else {
                if (row.size() != t.header.size())
                    throwDataError(file, rowLine, QStringLiteral("%1 fields").arg(t.header.size()),
                                   QStringLiteral("%1 fields").arg(row.size()));
                t.rows.push_back(row);
                t.lines.push_back(rowLine);
            }
        }
        row.clear();
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            row << field;
            field.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\r')) {
            // CR of a CRLF pair: the LF ends the row.
        } else if (c == QLatin1Char('\n')) {
            endRow();
            ++line;
            rowLine = line;
        } else {
            field += c;
        }
    }
    if (inQuotes)
        throwDataError(file, rowLine, QStringLiteral("a closing quote"),
                       QStringLiteral("end of file"));
    if (!field.isEmpty() || !row.isEmpty())
        endRow();
    if (t.header.isEmpty())
        throwDataError(file, 1, QStringLiteral("a header row"), QStringLiteral("an empty file"));
    return t;
}

QStringList CsvTable::column(int index) const
{
    QStringList out;
    out.reserve(qsizetype(rows.size()));
    for (const QStringList &r : rows)
        out << r[index];
    return out;
}

} // namespace equiscope
