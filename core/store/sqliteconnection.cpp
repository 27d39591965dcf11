#include "store/sqliteconnection.h"

#include "store/sqlitestatement.h"
#include "util/expected.h"

#include <QFile>

#include <sqlite3.h>

namespace equiscope {

SqliteConnection::SqliteConnection(QString path) : m_path(std::move(path)) {}

SqliteConnection::~SqliteConnection()
{
    while (!m_levels.isEmpty())
        rollback();
    sqlite3_close_v2(m_db);
}

void SqliteConnection::open(bool create, int busyTimeoutMs, Access access)
{
    close();
    int flags = SQLITE_OPEN_FULLMUTEX;
    QByteArray name = QFile::encodeName(m_path);
    if (access == Access::ReadWrite) {
        flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    } else {
        // A URI, so that the path's own '?' and '#' are percent-encoded, not parsed.
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name = "file:" + name.toPercentEncoding("/") + "?mode=ro" +
               (access == Access::Immutable ? "&immutable=1" : "");
    }
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, QStringLiteral("opening the run store"));
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
}

void SqliteConnection::close()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

void SqliteConnection::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        fail(rc, QStringLiteral("running \"%1\"").arg(QString::fromUtf8(sql).simplified()));
}

int SqliteConnection::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteConnection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

qint64 SqliteConnection::queryInt(const char *sql)
{
    SqliteStatement s(*this, sql);
    return s.next() ? s.int64(0) : 0;
}

QString SqliteConnection::queryText(const char *sql)
{
    SqliteStatement s(*this, sql);
    return s.next() ? s.text(0) : QString();
}

void SqliteConnection::fail(int rc, const QString &what) const
{
    const QString message = m_db && sqlite3_errcode(m_db) == rc
                                ? QString::fromUtf8(sqlite3_errmsg(m_db))
                                : QString::fromUtf8(sqlite3_errstr(rc));
    DataError e;
    e.file = m_path;
    if ((rc & 0xff) == SQLITE_READONLY)
        e.detail = QStringLiteral("the run store is read-only: cannot write it (%1 while %2)")
                       .arg(message, what);
    else if ((rc & 0xff) == SQLITE_NOTADB)
        e.detail = QStringLiteral("not a SQLite database, so not an Equiscope run store (%1)")
                       .arg(message);
    else
        e.detail = QStringLiteral("SQLite error %1 while %2: %3").arg(rc).arg(what, message);
    throw DataException(e);
}

void SqliteConnection::noteFileWritten(const QString &path)
{
    if (m_levels.isEmpty())
        return;
    m_levels.last().written.append(path);
}

void SqliteConnection::removeFileOnCommit(const QString &path)
{
    if (m_levels.isEmpty())
        QFile::remove(path);
    else
        m_levels.last().toRemove.append(path);
}

void SqliteConnection::begin()
{
    if (m_levels.isEmpty())
        exec("BEGIN IMMEDIATE");
    else
        exec(QStringLiteral("SAVEPOINT sp%1").arg(m_levels.size()).toUtf8().constData());
    m_levels.append(Level());
}

void SqliteConnection::commit()
{
    if (m_levels.size() == 1) {
        exec("COMMIT");
        const Level done = m_levels.takeLast();
        // Replaced or deleted external files go only once the rows that named them are gone.
        for (const QString &path : done.toRemove)
            QFile::remove(path);
        return;
    }
    exec(QStringLiteral("RELEASE sp%1").arg(m_levels.size() - 1).toUtf8().constData());
    const Level done = m_levels.takeLast();
    m_levels.last().written += done.written;
    m_levels.last().toRemove += done.toRemove;
}

void SqliteConnection::rollback()
{
    const Level undone = m_levels.takeLast();
    // A failed rollback (e.g. SQLite already rolled back after an I/O error) leaves nothing to
    // undo, so its error is ignored here.
    if (m_levels.isEmpty()) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    } else {
        const QByteArray name = "sp" + QByteArray::number(m_levels.size());
        sqlite3_exec(m_db, ("ROLLBACK TO " + name + "; RELEASE " + name).constData(), nullptr,
                     nullptr, nullptr);
    }
    for (const QString &path : undone.written)
        QFile::remove(path);
}

SqliteTransaction::SqliteTransaction(SqliteConnection &connection) : m_connection(connection)
{
    m_connection.begin();
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_done)
        m_connection.rollback();
}

void SqliteTransaction::commit()
{
    m_connection.commit();
    m_done = true;
}

} // namespace equiscope
