#include "storefixtures.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtDebug>

namespace equiscope::storefixtures {

QDateTime utc(int h, int m, int s, int ms)
{
    return QDateTime(QDate(2024, 5, 1), QTime(h, m, s, ms), Qt::UTC);
}

RunRecord fullRun()
{
    RunRecord r;
    r.name = QStringLiteral("fare, \"celeba\" smile");
    r.method = QStringLiteral("sparse-fare");
    r.family = RunFamily::FairSsl;
    r.config = QJsonObject{{"lr", 0.001}, {"target", "Smiling"}, {"sensitive", QJsonArray{"Male"}}};
    r.status = RunStatus::Queued;
    r.statusMessage = QStringLiteral("waiting");
    r.createdAt = utc(10, 0, 0, 5);
    r.startedAt = utc(10, 1, 0, 0);
    r.finishedAt = utc(11, 0, 0, 999);
    r.versions = QJsonObject{
        {"equiscope", "0.1.0"}, {"qt", "6.4.2"}, {"libtorch", "2.1"}, {"blas", "openblas"}};
    r.datasetFingerprint = QStringLiteral("sha256:abc");
    r.datasetSpec = QJsonObject{{"format", "celeba"}, {"path", "/data/celeba"}};
    r.seed = 1234567890123LL;
    r.ownerPid = 4242;
    r.ownerHost = QStringLiteral("node-7");
    r.heartbeatAt = utc(10, 30, 0, 1);
    r.currentEpoch = 3;
    r.notes = QStringLiteral("first try");
    return r;
}

QByteArray pattern(int size, int seed)
{
    QByteArray b(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        b[i] = char((i * 31 + seed * 7) & 0xff);
    return b;
}

/// Runs SQL on a file through Qt's own SQLite driver, independent of RunStore.
bool execSql(const QString &file, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(file);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (sql.trimmed().isEmpty())
                continue;
            if (!q.exec(sql)) {
                qWarning() << sql << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

int userVersion(const QString &file)
{
    int v = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ver"));
        db.setDatabaseName(file);
        db.open();
        QSqlQuery q(QStringLiteral("PRAGMA user_version"), db);
        if (q.next())
            v = q.value(0).toInt();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ver"));
    return v;
}

} // namespace equiscope::storefixtures
