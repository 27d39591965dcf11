// RunStore: telling interrupted runs from running ones, and where to resume.
#include "store/runstore.h"

#include "store/sqliteconnection.h"
#include "store/sqlitestatement.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace equiscope {

namespace {

/// True unless the process certainly does not exist. EPERM means it exists under another user.
bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
#else
    return true;
#endif
}

} // namespace

Expected<QStringList> RunStore::recoverInterruptedRuns()
{
    return locked([&] {
        const QString host = QSysInfo::machineHostName();
        const QDateTime now = storeNow();
        QStringList gone;
        QStringList messages;
        // Looked up before taking the write lock: most opens find nothing to recover.
        {
            SqliteStatement s(*m_db, "SELECT id, owner_pid, owner_host, heartbeat_at FROM runs "
                                     "WHERE status = 'running'");
            while (s.next()) {
                const qint64 pid = s.int64(1);
                const QString owner = s.text(2);
                const QDateTime beat = storeTimeFromText(s.text(3));
                if (owner.isEmpty() || owner == host) {
                    if (!processAlive(pid)) {
                        gone.append(s.text(0));
                        messages.append(
                            QStringLiteral("owner process %1 on %2 ended without finishing the run")
                                .arg(pid)
                                .arg(host));
                    }
                } else if (!beat.isValid() || beat.secsTo(now) > m_options.staleAfterSeconds) {
                    gone.append(s.text(0));
                    messages.append(
                        QStringLiteral("no heartbeat from %1 (process %2) since %3")
                            .arg(owner)
                            .arg(pid)
                            .arg(beat.isValid() ? storeTimestamp(beat) : QStringLiteral("ever")));
                }
            }
        }
        if (gone.isEmpty())
            return gone;
        SqliteTransaction tx(*m_db);
        // "AND status = 'running'": another process may have finished or recovered it meanwhile.
        SqliteStatement u(*m_db, "UPDATE runs SET status = 'interrupted', status_message = ?2 "
                                 "WHERE id = ?1 AND status = 'running'");
        QStringList recovered;
        for (int i = 0; i < gone.size(); ++i) {
            u.bind(1, gone[i]).bind(2, messages[i]).run();
            if (m_db->changes() > 0)
                recovered.append(gone[i]);
            u.reset();
        }
        tx.commit();
        return recovered;
    });
}

namespace {

/// Artifact files as writeArtifact() names them ("<kind>[-e<N>]-<12 hex>.bin"), and the temporary
/// file QSaveFile writes first ("….bin.XXXXXX"). Nothing else in the folder is ever removed.
bool isStoreArtifactName(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9_.-]+-[0-9a-f]{12}\\.bin(\\.[A-Za-z0-9]{6})?$"));
    return pattern.match(name).hasMatch();
}

/// "<run folder>/<file>" of every artifact-named regular file; links are neither followed nor
/// listed, so nothing outside the folder is ever a candidate.
QStringList artifactFilesOnDisk(const QString &root)
{
    QStringList out;
    const QDir base(root);
    for (const QFileInfo &runDir :
         base.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks | QDir::Hidden)) {
        for (const QFileInfo &f :
             QDir(runDir.filePath()).entryInfoList(QDir::Files | QDir::NoSymLinks | QDir::Hidden))
            if (isStoreArtifactName(f.fileName()))
                out.append(runDir.fileName() + QLatin1Char('/') + f.fileName());
    }
    return out;
}

} // namespace

Expected<QStringList> RunStore::removeOrphanArtifactFiles()
{
    if (m_readOnly || !QFileInfo(artifactDirectory()).isDir())
        return QStringList();
    return locked([&] {
        const auto referenced = [&] {
            QSet<QString> paths;
            SqliteStatement s(*m_db, "SELECT path FROM artifacts WHERE path IS NOT NULL");
            while (s.next())
                paths.insert(s.text(0));
            return paths;
        };
        const auto orphans = [&](const QSet<QString> &named) {
            QStringList out;
            for (const QString &file : artifactFilesOnDisk(artifactDirectory()))
                if (!named.contains(file))
                    out.append(file);
            return out;
        };
        // Most opens find nothing: only then is the write lock taken. A writer holds that lock
        // from before it writes a file until its row is committed, so under the lock a file
        // without a row is certainly an orphan.
        if (orphans(referenced()).isEmpty())
            return QStringList();
        SqliteTransaction tx(*m_db);
        const QStringList removed = orphans(referenced());
        QDir root(artifactDirectory());
        for (const QString &file : removed) {
            root.remove(file);
            root.rmdir(file.section(QLatin1Char('/'), 0, 0)); // only when now empty
        }
        tx.commit();
        return removed;
    });
}

Expected<int> RunStore::resumableEpoch(const QString &id) const
{
    return locked([&] {
        readRun(id);
        SqliteStatement s(*m_db, "SELECT max(a.epoch) FROM artifacts a JOIN epochs e ON "
                                 "e.run_id = a.run_id AND e.epoch = a.epoch WHERE a.run_id = ?1 "
                                 "AND a.kind = 'checkpoint'");
        s.bind(1, id);
        return s.next() && !s.isNull(0) ? int(s.int64(0)) : -1;
    });
}

} // namespace equiscope
