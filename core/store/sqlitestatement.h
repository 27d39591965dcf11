#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace equiscope {

class SqliteConnection;

/// A prepared SQLite statement (store-internal). Binding indices are 1-based, column indices
/// 0-based; errors throw DataException naming the database file.
class SqliteStatement
{
public:
    SqliteStatement(SqliteConnection &connection, const QByteArray &sql);
    SqliteStatement(SqliteConnection &connection, const char *sql)
        : SqliteStatement(connection, QByteArray(sql))
    {
    }
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    SqliteStatement &bind(int index, const QString &text); ///< a null QString binds NULL
    /// Binds text for a NOT NULL column: a null QString binds ''.
    SqliteStatement &bindText(int index, const QString &text);
    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, int value) { return bind(index, qint64(value)); }
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bind(int index, std::optional<double> value);
    SqliteStatement &bind(int index, std::optional<qint64> value);
    SqliteStatement &bind(int index, std::optional<int> value);
    SqliteStatement &bindBlob(int index, const QByteArray &bytes); ///< a null array binds NULL
    SqliteStatement &bindNull(int index);

    /// Advances; true while a row is available, false when done.
    bool next();
    /// Runs a statement that returns no rows.
    void run();
    void reset();

    bool isNull(int column) const;
    QString text(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    std::optional<double> optionalReal(int column) const;
    std::optional<qint64> optionalInt64(int column) const;

private:
    SqliteConnection &m_connection;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_sql;
};

} // namespace equiscope
