#include "util/expected.h"

#include <QFileInfo>

namespace equiscope {

QString DataError::toString() const
{
    QString where = file;
    if (line >= 0)
        where += QLatin1Char(':') + QString::number(line);
    else if (offset >= 0)
        where += QStringLiteral(" (byte %1)").arg(offset);
    QString text = where.isEmpty() ? QString() : where + QStringLiteral(": ");
    if (!field.isEmpty())
        text += QStringLiteral("field '%1': ").arg(field);
    if (!expected.isEmpty() || !found.isEmpty()) {
        text += QStringLiteral("expected %1, found %2").arg(expected, found);
        if (!detail.isEmpty())
            text += QStringLiteral(" (%1)").arg(detail);
    } else {
        text += detail;
    }
    return text;
}

DataError fileError(const QString &file, const QString &detail)
{
    DataError e;
    e.file = file;
    e.detail = detail;
    return e;
}

DataError fieldError(const QString &file, const QString &field, const QString &expected,
                     const QString &found)
{
    DataError e;
    e.file = file;
    e.field = field;
    e.expected = expected;
    e.found = found;
    return e;
}

DataException::DataException(DataError error)
    : m_error(std::move(error)), m_what(m_error.toString().toUtf8())
{
}

void throwDataError(const QString &file, qint64 line, const QString &expected, const QString &found,
                    const QString &field)
{
    DataError e;
    e.file = file;
    e.line = line;
    e.expected = expected;
    e.found = found;
    e.field = field;
    throw DataException(e);
}

void throwDataErrorAt(const QString &file, qint64 offset, const QString &expected,
                      const QString &found)
{
    DataError e;
    e.file = file;
    e.offset = offset;
    e.expected = expected;
    e.found = found;
    throw DataException(e);
}

void throwDataProblem(const QString &file, const QString &detail)
{
    DataError e;
    e.file = file;
    e.detail = detail;
    throw DataException(e);
}

} // namespace equiscope
