// RunStore: telling interrupted runs from running ones, and where to resume.
#include "store/runstore.h"

#include "store/sqliteconnection.h"
#include "store/sqlitestatement.h"

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
