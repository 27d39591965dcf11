#include "util/texttable.h"

#include <algorithm>

namespace equiscope {

QString alignedColumns(const QVector<QStringList> &rows)
{
    QVector<int> widths;
    for (const QStringList &row : rows)
        for (int c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = std::max(widths[c], int(row[c].size()));
        }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        // The last cell is not padded, so lines carry no trailing blanks.
        for (int c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 2) : row[c];
        out += QStringLiteral("  ") + line + QLatin1Char('\n');
    }
    return out;
}

} // namespace equiscope
