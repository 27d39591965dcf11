#include "store/sqlitestatement.h"

#include "store/sqliteconnection.h"

#include <sqlite3.h>

namespace equiscope {

SqliteStatement::SqliteStatement(SqliteConnection &connection, const QByteArray &sql)
    : m_connection(connection), m_sql(sql)
{
    const int rc =
        sqlite3_prepare_v2(connection.handle(), sql.constData(), int(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        connection.fail(rc, QStringLiteral("preparing \"%1\"").arg(QString::fromUtf8(sql)));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::bind(int index, const QString &text)
{
    if (text.isNull())
        return bindNull(index);
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bindText(int index, const QString &text)
{
    return bind(index, text.isNull() ? QStringLiteral("") : text);
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, std::optional<double> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

SqliteStatement &SqliteStatement::bind(int index, std::optional<qint64> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

SqliteStatement &SqliteStatement::bind(int index, std::optional<int> value)
{
    return value ? bind(index, qint64(*value)) : bindNull(index);
}

SqliteStatement &SqliteStatement::bindBlob(int index, const QByteArray &bytes)
{
    if (bytes.isNull())
        return bindNull(index);
    sqlite3_bind_blob64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                        SQLITE_STATIC);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool SqliteStatement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_connection.fail(rc, QStringLiteral("running \"%1\"").arg(QString::fromUtf8(m_sql)));
}

void SqliteStatement::run()
{
    while (next()) {
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqliteStatement::text(int column) const
{
    if (isNull(column))
        return {};
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray SqliteStatement::blob(int column) const
{
    if (isNull(column))
        return {};
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return size > 0 ? QByteArray(static_cast<const char *>(data), size) : QByteArray("");
}

std::optional<double> SqliteStatement::optionalReal(int column) const
{
    return isNull(column) ? std::nullopt : std::optional<double>(real(column));
}

std::optional<qint64> SqliteStatement::optionalInt64(int column) const
{
    return isNull(column) ? std::nullopt : std::optional<qint64>(int64(column));
}

} // namespace equiscope
