// RunStore: artifacts (inline blobs or checksummed files beside the database) and deleting runs.
#include "store/runstore.h"

#include "store/sqliteconnection.h"
#include "store/sqlitestatement.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStorageInfo>
#include <QUuid>

#include <cerrno>
#include <cstring>

namespace equiscope {

namespace {

const char kArtifactColumns[] =
    "id, run_id, kind, epoch, name, mime, size, sha256, path, created_at";

ArtifactRecord artifactFromRow(const SqliteStatement &s)
{
    ArtifactRecord a;
    a.id = s.int64(0);
    a.runId = s.text(1);
    a.kind = s.text(2);
    if (!s.isNull(3))
        a.epoch = int(s.int64(3));
    a.name = s.text(4);
    a.mime = s.text(5);
    a.size = s.int64(6);
    a.sha256 = s.text(7);
    a.externalPath = s.text(8);
    a.createdAt = storeTimeFromText(s.text(9));
    return a;
}

QString safeFileName(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    QString out = text;
    out.replace(unsafe, QStringLiteral("_"));
    return out.isEmpty() ? QStringLiteral("_") : out.left(64);
}

/// Why writing @p bytes into @p dir failed with @p error: a full disk says so with its figures.
QString writeFailure(const QString &dir, int error, qint64 bytes)
{
    const QStorageInfo storage(dir);
    if (error == ENOSPC || error == EDQUOT ||
        (storage.isValid() && storage.bytesAvailable() < bytes))
        return QStringLiteral("no space left on %1 (%2 bytes free)")
            .arg(storage.rootPath())
            .arg(storage.bytesAvailable());
    return error != 0 ? QString::fromLocal8Bit(std::strerror(error))
                      : QStringLiteral("the write failed");
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

ArtifactRecord RunStore::writeArtifact(const QString &id, ArtifactRecord a, const QByteArray &bytes)
{
    SqliteTransaction tx(*m_db);
    readRun(id);
    a.runId = id;
    a.size = bytes.size();
    a.sha256 = sha256Hex(bytes);
    if (!a.createdAt.isValid())
        a.createdAt = storeNow();
    if (a.mime.isEmpty())
        a.mime = QStringLiteral("application/octet-stream");

    SqliteStatement old(*m_db, "SELECT id, path FROM artifacts WHERE run_id = ?1 AND kind = ?2 "
                               "AND epoch IS ?3 AND name = ?4");
    old.bind(1, id).bindText(2, a.kind).bind(3, a.epoch).bindText(4, a.name);
    QVector<qint64> replaced;
    while (old.next()) {
        replaced.append(old.int64(0));
        if (!old.isNull(1))
            removeArtifactFileOnCommit(old.text(1));
    }
    SqliteStatement del(*m_db, "DELETE FROM artifacts WHERE id = ?1");
    for (qint64 rowId : replaced) {
        del.bind(1, rowId).run();
        del.reset();
    }

    a.externalPath.clear();
    if (a.size > m_options.externalThreshold) {
        // A fresh name per write: the row that names the old file stays valid until commit.
        a.externalPath = safeFileName(id) + QLatin1Char('/') + safeFileName(a.kind) +
                         (a.epoch ? QStringLiteral("-e%1").arg(*a.epoch) : QString()) +
                         QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(12) +
                         QStringLiteral(".bin");
        const QString file = artifactDirectory() + QLatin1Char('/') + a.externalPath;
        QDir().mkpath(QFileInfo(file).absolutePath());
        QSaveFile out(file);
        // errno is read right after the call that failed: QSaveFile reports a full disk as
        // "Unknown error".
        bool written = false;
        int error = 0;
        if (!out.open(QIODevice::WriteOnly))
            error = errno;
        else if (out.write(bytes) != bytes.size() || !out.flush())
            error = errno;
        else if (!(written = out.commit()))
            error = errno;
        if (!written)
            throwDataProblem(file, QStringLiteral("cannot write artifact (%1 bytes): %2")
                                       .arg(a.size)
                                       .arg(writeFailure(artifactDirectory(), error, a.size)));
        m_db->noteFileWritten(file);
    }
    SqliteStatement ins(*m_db, "INSERT INTO artifacts (run_id, kind, epoch, name, mime, bytes, "
                               "path, size, sha256, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                               "?7, ?8, ?9, ?10)");
    ins.bind(1, id).bindText(2, a.kind).bind(3, a.epoch).bindText(4, a.name).bindText(5, a.mime);
    if (a.externalPath.isEmpty())
        ins.bindBlob(6, bytes.isNull() ? QByteArray("") : bytes).bindNull(7);
    else
        ins.bindNull(6).bind(7, a.externalPath);
    ins.bind(8, a.size).bind(9, a.sha256).bind(10, storeTimestamp(a.createdAt)).run();
    a.id = m_db->lastInsertId();
    tx.commit();
    return a;
}

Expected<ArtifactRecord> RunStore::putArtifact(const QString &id, ArtifactRecord artifact,
                                               const QByteArray &bytes)
{
    return locked([&] { return writeArtifact(id, artifact, bytes); });
}

QVector<ArtifactRecord> RunStore::readArtifacts(const QString &id, const QString &kind) const
{
    SqliteStatement s(*m_db, QByteArray("SELECT ") + kArtifactColumns +
                                 " FROM artifacts WHERE run_id = ?1 AND (?2 IS NULL OR kind = ?2) "
                                 "ORDER BY coalesce(epoch, -1), kind, name, id");
    s.bind(1, id).bind(2, kind.isEmpty() ? QString() : kind);
    QVector<ArtifactRecord> out;
    while (s.next())
        out.append(artifactFromRow(s));
    return out;
}

Expected<QVector<ArtifactRecord>> RunStore::artifacts(const QString &id, const QString &kind) const
{
    return locked([&] {
        readRun(id);
        return readArtifacts(id, kind);
    });
}

QByteArray RunStore::readArtifactBytes(const ArtifactRecord &a) const
{
    QByteArray bytes;
    QString where;
    if (a.externalPath.isEmpty()) {
        where = m_path;
        SqliteStatement s(*m_db, "SELECT bytes FROM artifacts WHERE id = ?1");
        s.bind(1, a.id);
        if (!s.next())
            throwDataProblem(m_path, QStringLiteral("no artifact %1").arg(a.id));
        bytes = s.blob(0);
    } else {
        QString why;
        where = confinedArtifactFile(a.externalPath, &why);
        if (where.isEmpty()) {
            DataError e;
            e.file = m_path;
            e.field = QStringLiteral("%1 artifact '%2' of run %3").arg(a.kind, a.name, a.runId);
            e.expected = QStringLiteral("a file inside %1").arg(artifactDirectory());
            e.found = QStringLiteral("'%1' (%2)").arg(a.externalPath, why);
            e.detail = QStringLiteral("refused artifact path");
            throw DataException(e);
        }
        // The recorded size is checked before reading: a store cannot make us read a device
        // or a file of any other size into memory.
        const QFileInfo info(where);
        if (info.exists() && info.size() != a.size) {
            DataError e;
            e.file = where;
            e.field = QStringLiteral("%1 artifact '%2'").arg(a.kind, a.name);
            e.expected = QStringLiteral("%1 bytes").arg(a.size);
            e.found = QStringLiteral("%1 bytes").arg(info.size());
            e.detail = QStringLiteral("corrupt artifact");
            throw DataException(e);
        }
        QFile f(where);
        if (!f.open(QIODevice::ReadOnly))
            throwDataProblem(where, QStringLiteral("artifact file of run %1 is missing or "
                                                   "unreadable: %2")
                                        .arg(a.runId, f.errorString()));
        bytes = f.readAll();
    }
    const QString found = sha256Hex(bytes);
    if (bytes.size() != a.size || found != a.sha256) {
        DataError e;
        e.file = where;
        e.field = QStringLiteral("%1 artifact '%2'").arg(a.kind, a.name);
        e.expected = QStringLiteral("sha256 %1 (%2 bytes)").arg(a.sha256).arg(a.size);
        e.found = QStringLiteral("sha256 %1 (%2 bytes)").arg(found).arg(bytes.size());
        e.detail = QStringLiteral("corrupt artifact");
        throw DataException(e);
    }
    return bytes;
}

Expected<QByteArray> RunStore::artifactData(const ArtifactRecord &artifact) const
{
    return locked([&] { return readArtifactBytes(artifact); });
}

Expected<StoredArtifact> RunStore::artifact(const QString &id, const QString &kind,
                                            std::optional<int> epoch, const QString &name) const
{
    return locked([&] {
        SqliteStatement s(*m_db, QByteArray("SELECT ") + kArtifactColumns +
                                     " FROM artifacts WHERE run_id = ?1 AND kind = ?2 AND "
                                     "(?3 IS NULL OR epoch = ?3) AND (?4 IS NULL OR name = ?4) "
                                     "ORDER BY coalesce(epoch, -1) DESC, id DESC LIMIT 1");
        s.bind(1, id).bind(2, kind).bind(3, epoch).bind(4, name.isEmpty() ? QString() : name);
        if (!s.next())
            throwDataProblem(
                m_path,
                QStringLiteral("run '%1' has no %2 artifact%3%4")
                    .arg(id, kind, epoch ? QStringLiteral(" for epoch %1").arg(*epoch) : QString(),
                         name.isEmpty() ? QString() : QStringLiteral(" named '%1'").arg(name)));
        StoredArtifact out;
        out.record = artifactFromRow(s);
        out.bytes = readArtifactBytes(out.record);
        return out;
    });
}

QString RunStore::confinedArtifactFile(const QString &storedPath, QString *why) const
{
    // Stored paths are written by writeArtifact() as "<run>/<kind>-<epoch>-<uuid>.bin", but a
    // store is a file people send each other: treat the path as untrusted.
    if (storedPath.isEmpty() || storedPath.contains(QChar(0)) ||
        storedPath.contains(QLatin1Char('\\'))) {
        *why = QStringLiteral("not a relative file name");
        return {};
    }
    if (QDir::isAbsolutePath(storedPath) || storedPath.startsWith(QLatin1Char('/'))) {
        *why = QStringLiteral("an absolute path");
        return {};
    }
    const QStringList parts = storedPath.split(QLatin1Char('/'));
    for (const QString &part : parts)
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")) {
            *why = QStringLiteral("leaves the artifact folder");
            return {};
        }
    const QString root = QDir::cleanPath(artifactDirectory());
    const QString file = QDir::cleanPath(root + QLatin1Char('/') + storedPath);
    if (!file.startsWith(root + QLatin1Char('/'))) {
        *why = QStringLiteral("leaves the artifact folder");
        return {};
    }
    // A symbolic link anywhere on the way may point out of the folder: compare the resolved
    // paths. A file that does not exist yet resolves nothing and is reported missing later.
    const QFileInfo info(file);
    if (info.exists() || info.isSymLink()) {
        const QString realRoot = QFileInfo(root).canonicalFilePath();
        const QString realFile = info.canonicalFilePath();
        if (realRoot.isEmpty() || realFile.isEmpty() ||
            !realFile.startsWith(realRoot + QLatin1Char('/'))) {
            *why = QStringLiteral("a link out of the artifact folder");
            return {};
        }
        if (!QFileInfo(realFile).isFile()) {
            *why = QStringLiteral("not a regular file");
            return {};
        }
    }
    return file;
}

void RunStore::removeArtifactFileOnCommit(const QString &storedPath)
{
    QString why;
    const QString file = confinedArtifactFile(storedPath, &why);
    if (file.isEmpty()) {
        qWarning("%s: not deleting artifact path '%s' (%s)", qPrintable(m_path),
                 qPrintable(storedPath), qPrintable(why));
        return;
    }
    m_db->removeFileOnCommit(file);
}

void RunStore::removeRun(const QString &id)
{
    SqliteTransaction tx(*m_db);
    readRun(id);
    SqliteStatement files(*m_db, "SELECT path FROM artifacts WHERE run_id = ?1 AND path IS NOT "
                                 "NULL");
    files.bind(1, id);
    while (files.next())
        removeArtifactFileOnCommit(files.text(0));
    SqliteStatement del(*m_db, "DELETE FROM runs WHERE id = ?1");
    del.bind(1, id).run();
    tx.commit();
}

Expected<Done> RunStore::deleteRun(const QString &id)
{
    return locked([&] {
        removeRun(id);
        // Succeeds only once the folder is empty, i.e. when not inside an outer transaction.
        QDir(artifactDirectory()).rmdir(safeFileName(id));
        return Done{};
    });
}

} // namespace equiscope
