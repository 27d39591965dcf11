#pragma once

#include "util/expected.h"

#include <QStringList>

#include <vector>

namespace equiscope {

/// A parsed CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Every row has the
/// header's field count; a ragged row throws a DataException with its line number.
struct CsvTable
{
    QString file;
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<qint64> lines; ///< 1-based source line of each row

    /// Reads @p path; @p delimiter ',' by default. Empty lines are ignored.
    static CsvTable read(const QString &path, QChar delimiter = QLatin1Char(','));
    static CsvTable parse(const QByteArray &content, const QString &file,
                          QChar delimiter = QLatin1Char(','));
    /// The cells of column @p index, one per row.
    QStringList column(int index) const;
};

} // namespace equiscope
