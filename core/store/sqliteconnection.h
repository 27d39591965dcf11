#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

struct sqlite3;

namespace equiscope {

/// One SQLite connection (store-internal). Not thread-safe by itself: RunStore serialises
/// access. Errors throw DataException naming the database file.
class SqliteConnection
{
public:
    explicit SqliteConnection(QString path);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    /// How open() opens the file.
    enum class Access
    {
        ReadWrite,
        ReadOnly,  ///< SQLite's read-only mode: reads the WAL when its -shm file can be used
        Immutable, ///< read-only without locks or WAL: a file in a folder nobody can write to
    };
    /// Opens (creating when @p create, only with Access::ReadWrite) the file; does not touch its
    /// content yet.
    void open(bool create, int busyTimeoutMs, Access access = Access::ReadWrite);
    /// Closes the connection (open() may follow).
    void close();
    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    void exec(const char *sql);
    /// Rows changed by the last INSERT/UPDATE/DELETE.
    int changes() const;
    qint64 lastInsertId() const;
    /// The first column of the first row of @p sql as an integer (0 when there is no row).
    qint64 queryInt(const char *sql);
    QString queryText(const char *sql);

    /// Throws a DataException with SQLite's message for @p rc, saying what was being done.
    [[noreturn]] void fail(int rc, const QString &what) const;

    /// Nesting depth of SqliteTransaction guards (0 = autocommit).
    int transactionDepth() const { return m_levels.size(); }
    /// Files created inside the current transaction: removed again if it rolls back.
    void noteFileWritten(const QString &path);
    /// Files to remove once the outermost transaction has committed.
    void removeFileOnCommit(const QString &path);

private:
    friend class SqliteTransaction;
    struct Level
    {
        QStringList written;
        QStringList toRemove;
    };
    void begin();
    void commit();
    void rollback();

    QString m_path;
    sqlite3 *m_db = nullptr;
    QVector<Level> m_levels;
};

/// RAII write transaction: BEGIN IMMEDIATE at the outermost level (so the write lock is taken up
/// front and waits through busy_timeout instead of failing later), SAVEPOINTs when nested.
/// Rolls back unless commit() was called.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteConnection &connection);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;
    void commit();

private:
    SqliteConnection &m_connection;
    bool m_done = false;
};

} // namespace equiscope
