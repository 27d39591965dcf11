#include "store/runstore.h"

#include "store/artifactkinds.h"

#include "store/sqliteconnection.h"
#include "store/sqlitestatement.h"
#include "store/storeschema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUuid>

namespace equiscope {

namespace {

const char kRunColumns[] =
    "id, name, method, family, config, status, status_message, created_at, started_at, "
    "finished_at, versions, dataset_fingerprint, dataset_spec, seed, owner_pid, owner_host, "
    "heartbeat_at, current_epoch, notes";

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// The JSON object in column @p column; an empty object, and a line in @p problems, when the
/// text is not one (a store edited or damaged outside Equiscope).
QJsonObject jsonObjectColumn(const QString &text, const char *column, QStringList *problems)
{
    if (text.isEmpty())
        return {};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        *problems << QStringLiteral("column %1 is not valid JSON (%2 at offset %3)")
                         .arg(QLatin1String(column), error.errorString())
                         .arg(error.offset);
    else if (!doc.isObject())
        *problems << QStringLiteral("column %1 is not a JSON object").arg(QLatin1String(column));
    return doc.object();
}

RunRecord runFromRow(const SqliteStatement &s)
{
    RunRecord r;
    r.id = s.text(0);
    r.name = s.text(1);
    r.method = s.text(2);
    const auto family = runFamilyFromName(s.text(3));
    if (!family)
        r.problems << QStringLiteral("column family has the unknown value '%1'").arg(s.text(3));
    r.family = family.value_or(RunFamily::Fare);
    r.config = jsonObjectColumn(s.text(4), "config", &r.problems);
    const auto status = runStatusFromName(s.text(5));
    if (!status)
        r.problems << QStringLiteral("column status has the unknown value '%1'").arg(s.text(5));
    r.status = status.value_or(RunStatus::Failed);
    r.statusMessage = s.text(6);
    r.createdAt = storeTimeFromText(s.text(7));
    r.startedAt = storeTimeFromText(s.text(8));
    r.finishedAt = storeTimeFromText(s.text(9));
    r.versions = jsonObjectColumn(s.text(10), "versions", &r.problems);
    r.datasetFingerprint = s.text(11);
    r.datasetSpec = jsonObjectColumn(s.text(12), "dataset_spec", &r.problems);
    r.seed = s.int64(13);
    r.ownerPid = s.int64(14);
    r.ownerHost = s.text(15);
    r.heartbeatAt = storeTimeFromText(s.text(16));
    r.currentEpoch = int(s.int64(17));
    r.notes = s.text(18);
    return r;
}

} // namespace

RunStore::RunStore(QString path, RunStoreOptions options)
    : m_path(std::move(path)), m_options(options)
{
    // Where large artifacts go can be lowered for a whole process: the fault-injection test uses
    // it so that tiny runs write artifact files too (README, "Benchmark and reproduction").
    bool ok = false;
    const qint64 threshold = qEnvironmentVariableIntValue("EQUISCOPE_STORE_FILE_THRESHOLD", &ok);
    if (ok && threshold >= 0)
        m_options.externalThreshold = threshold;
}

RunStore::~RunStore() = default;

Expected<std::unique_ptr<RunStore>> RunStore::open(const QString &path,
                                                   const RunStoreOptions &options)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!options.create && !QFileInfo::exists(absolute))
        return DataError{absolute, -1, -1, {}, {}, {}, QStringLiteral("no such run store")};
    if (options.create)
        QDir().mkpath(QFileInfo(absolute).absolutePath());
    std::unique_ptr<RunStore> store(new RunStore(absolute, options));
    // Stores are files people send each other and keep on shared or archived media: one this
    // user cannot write is still listed and read, never silently left unopened.
    const QFileInfo file(absolute);
    store->m_readOnly =
        options.readOnly ||
        (file.exists() && (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable()));
    try {
        store->m_db = std::make_unique<SqliteConnection>(absolute);
        SqliteConnection &db = *store->m_db;
        if (store->m_readOnly) {
            db.open(false, options.busyTimeoutMs, SqliteConnection::Access::ReadOnly);
            try {
                StoreSchema::check(db);
            } catch (const DataException &) {
                // A WAL store in a folder nobody may write to: SQLite cannot create the -shm
                // file it reads the WAL through, so the file is read as it is, without locks.
                db.open(false, options.busyTimeoutMs, SqliteConnection::Access::Immutable);
            }
            store->m_openedVersion = StoreSchema::check(db);
            if (store->m_openedVersion != StoreSchema::latestVersion())
                return DataError{absolute,
                                 -1,
                                 -1,
                                 {},
                                 {},
                                 {},
                                 QStringLiteral("the run store is read-only and has schema "
                                                "version %1; this Equiscope needs %2 (open a "
                                                "writable copy to upgrade it)")
                                     .arg(store->m_openedVersion)
                                     .arg(StoreSchema::latestVersion())};
            db.exec("PRAGMA foreign_keys = ON");
            return std::move(store);
        }
        db.open(options.create, options.busyTimeoutMs);
        // Checked before anything is written, so a newer or foreign file is not converted to WAL.
        StoreSchema::check(db);
        db.queryText("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
        store->m_openedVersion = StoreSchema::migrate(db);
    } catch (const DataException &e) {
        return e.error();
    }
    if (options.recoverOnOpen) {
        auto recovered = store->recoverInterruptedRuns();
        if (!recovered)
            return recovered.error();
        // Housekeeping only: a store that is busy now is swept at a later open.
        store->removeOrphanArtifactFiles();
    }
    return std::move(store);
}

QString RunStore::artifactDirectory() const
{
    return m_path + QStringLiteral(".artifacts");
}

void RunStore::failNoRun(const QString &id) const
{
    throwDataProblem(m_path, QStringLiteral("no run '%1'").arg(id));
}

void RunStore::requireChanged(const QString &id) const
{
    if (m_db->changes() == 0)
        failNoRun(id);
}

void RunStore::insertRunRow(const RunRecord &r)
{
    SqliteStatement s(*m_db, "INSERT INTO runs (id, name, method, family, config, status, "
                             "status_message, created_at, started_at, finished_at, versions, "
                             "dataset_fingerprint, dataset_spec, seed, owner_pid, owner_host, "
                             "heartbeat_at, current_epoch, notes) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                             "?14, ?15, ?16, ?17, ?18, ?19)");
    s.bind(1, r.id).bindText(2, r.name).bindText(3, r.method).bind(4, runFamilyName(r.family));
    s.bind(5, jsonText(r.config)).bind(6, runStatusName(r.status)).bindText(7, r.statusMessage);
    s.bind(8, storeTimestamp(r.createdAt)).bind(9, storeTimestamp(r.startedAt));
    s.bind(10, storeTimestamp(r.finishedAt)).bind(11, jsonText(r.versions));
    s.bindText(12, r.datasetFingerprint).bind(13, jsonText(r.datasetSpec)).bind(14, r.seed);
    s.bind(15, r.ownerPid > 0 ? std::optional<qint64>(r.ownerPid) : std::nullopt);
    s.bind(16, r.ownerHost.isEmpty() ? QString() : r.ownerHost);
    s.bind(17, storeTimestamp(r.heartbeatAt)).bind(18, r.currentEpoch).bindText(19, r.notes);
    s.run();
}

Expected<QString> RunStore::createRun(RunRecord run)
{
    return locked([&] {
        if (run.id.isEmpty())
            run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!run.createdAt.isValid())
            run.createdAt = storeNow();
        SqliteTransaction tx(*m_db);
        insertRunRow(run);
        tx.commit();
        return run.id;
    });
}

Expected<Done> RunStore::markRunning(const QString &id, qint64 pid)
{
    return locked([&] {
        const QString now = storeTimestamp(storeNow());
        SqliteTransaction tx(*m_db);
        SqliteStatement s(*m_db, "UPDATE runs SET status = 'running', status_message = '', "
                                 "owner_pid = ?2, owner_host = ?3, started_at = "
                                 "coalesce(started_at, ?4), heartbeat_at = ?4, finished_at = NULL "
                                 "WHERE id = ?1");
        s.bind(1, id).bind(2, pid > 0 ? pid : QCoreApplication::applicationPid());
        s.bind(3, QSysInfo::machineHostName()).bind(4, now).run();
        requireChanged(id);
        tx.commit();
        return Done{};
    });
}

Expected<Done> RunStore::heartbeat(const QString &id)
{
    return locked([&] {
        SqliteTransaction tx(*m_db);
        SqliteStatement s(*m_db, "UPDATE runs SET heartbeat_at = ?2 WHERE id = ?1");
        s.bind(1, id).bind(2, storeTimestamp(storeNow())).run();
        requireChanged(id);
        tx.commit();
        return Done{};
    });
}

void RunStore::upsertEpochRow(const QString &id, const EpochRecord &e)
{
    SqliteStatement s(*m_db,
                      "INSERT INTO epochs (run_id, epoch, metrics, wall_seconds, "
                      "recorded_at) VALUES (?1, ?2, ?3, ?4, ?5) "
                      "ON CONFLICT (run_id, epoch) DO UPDATE SET metrics = excluded.metrics, "
                      "wall_seconds = excluded.wall_seconds, "
                      "recorded_at = excluded.recorded_at");
    s.bind(1, id).bind(2, e.epoch).bind(3, jsonText(e.metrics)).bind(4, e.wallSeconds);
    s.bind(5, storeTimestamp(e.recordedAt.isValid() ? e.recordedAt : storeNow())).run();
}

Expected<Done> RunStore::recordEpoch(const QString &id, int epoch, const QJsonObject &metrics,
                                     double seconds)
{
    return locked([&] {
        const QDateTime now = storeNow();
        SqliteTransaction tx(*m_db);
        SqliteStatement s(*m_db, "UPDATE runs SET current_epoch = max(current_epoch, ?2), "
                                 "heartbeat_at = ?3 WHERE id = ?1");
        s.bind(1, id).bind(2, epoch).bind(3, storeTimestamp(now)).run();
        requireChanged(id);
        upsertEpochRow(id, EpochRecord{epoch, metrics, seconds, now});
        tx.commit();
        return Done{};
    });
}

Expected<ArtifactRecord> RunStore::recordEpochWithCheckpoint(const QString &id, int epoch,
                                                             const QJsonObject &metrics,
                                                             double seconds,
                                                             const QByteArray &checkpoint)
{
    return locked([&] {
        SqliteTransaction tx(*m_db);
        auto recorded = recordEpoch(id, epoch, metrics, seconds);
        if (!recorded)
            throw DataException(recorded.error());
        ArtifactRecord a;
        a.kind = ArtifactKind::checkpoint();
        a.epoch = epoch;
        a.name = QStringLiteral("epoch-%1").arg(epoch);
        ArtifactRecord written = writeArtifact(id, a, checkpoint);
        tx.commit();
        return written;
    });
}

void RunStore::insertMetricRow(const QString &id, const QString &scope, const MetricRow &m)
{
    SqliteStatement s(*m_db, "INSERT INTO metrics (run_id, scope, name, value, ci_lo, ci_hi, "
                             "group_label, group_size) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    s.bind(1, id).bindText(2, scope).bindText(3, m.name).bind(4, m.value).bind(5, m.ciLow);
    s.bind(6, m.ciHigh).bind(7, m.group.isEmpty() ? QString() : m.group).bind(8, m.groupSize);
    s.run();
}

Expected<Done> RunStore::putMetrics(const QString &id, const QString &scope,
                                    const QVector<MetricRow> &rows)
{
    return locked([&] {
        SqliteTransaction tx(*m_db);
        readRun(id); // a clear "no run" error rather than a foreign-key failure
        SqliteStatement del(*m_db, "DELETE FROM metrics WHERE run_id = ?1 AND scope = ?2");
        del.bind(1, id).bind(2, scope).run();
        for (const MetricRow &row : rows)
            insertMetricRow(id, scope, row);
        tx.commit();
        return Done{};
    });
}

Expected<Done> RunStore::finishRun(const QString &id, RunStatus status, const QString &message)
{
    return locked([&] {
        SqliteTransaction tx(*m_db);
        SqliteStatement s(*m_db, "UPDATE runs SET status = ?2, status_message = ?3, "
                                 "finished_at = ?4 WHERE id = ?1");
        s.bind(1, id).bind(2, runStatusName(status)).bindText(3, message);
        s.bind(4, storeTimestamp(storeNow())).run();
        requireChanged(id);
        tx.commit();
        return Done{};
    });
}

Expected<Done> RunStore::renameRun(const QString &id, const QString &name)
{
    return locked([&] {
        SqliteTransaction tx(*m_db);
        SqliteStatement s(*m_db, "UPDATE runs SET name = ?2 WHERE id = ?1");
        s.bind(1, id).bindText(2, name).run();
        requireChanged(id);
        tx.commit();
        return Done{};
    });
}

Expected<Done> RunStore::setNotes(const QString &id, const QString &notes)
{
    return locked([&] {
        SqliteTransaction tx(*m_db);
        SqliteStatement s(*m_db, "UPDATE runs SET notes = ?2 WHERE id = ?1");
        s.bind(1, id).bindText(2, notes).run();
        requireChanged(id);
        tx.commit();
        return Done{};
    });
}

RunRecord RunStore::readRun(const QString &id) const
{
    SqliteStatement s(*m_db, QByteArray("SELECT ") + kRunColumns + " FROM runs WHERE id = ?1");
    s.bind(1, id);
    if (!s.next())
        failNoRun(id);
    RunRecord r = runFromRow(s);
    addRowProblems(r);
    return r;
}

void RunStore::addRowProblems(RunRecord &run) const
{
    // The run's other rows are read leniently where they are used (an epoch's metrics as an
    // empty object); what was damaged is said once, with the run. One statement per run: the
    // GUI lists every run every two seconds.
    SqliteStatement s(*m_db, "SELECT (SELECT count(*) FROM epochs WHERE run_id = ?1 AND "
                             "(NOT json_valid(metrics) OR json_type(metrics) != 'object')), "
                             "(SELECT count(*) FROM epochs WHERE run_id = ?1 AND epoch < 0), "
                             "(SELECT count(*) FROM metrics WHERE run_id = ?1 AND "
                             "typeof(value) NOT IN ('real', 'integer'))");
    if (!s.bind(1, run.id).next())
        return;
    const char *what[] = {"epoch row(s) whose metrics are not a JSON object",
                          "epoch row(s) with a negative epoch number",
                          "metric row(s) whose value is not a number"};
    for (int i = 0; i < 3; ++i)
        if (s.int64(i) > 0)
            run.problems << QStringLiteral("%1 %2").arg(s.int64(i)).arg(QLatin1String(what[i]));
}

Expected<RunRecord> RunStore::run(const QString &id) const
{
    return locked([&] { return readRun(id); });
}

Expected<QVector<RunRecord>> RunStore::runs(const RunFilter &filter) const
{
    return locked([&] {
        SqliteStatement s(*m_db, QByteArray("SELECT ") + kRunColumns +
                                     " FROM runs WHERE (?1 IS NULL OR status = ?1) AND "
                                     "(?2 IS NULL OR family = ?2) AND (?3 IS NULL OR method = ?3) "
                                     "AND (?4 IS NULL OR instr(lower(name), lower(?4)) > 0) "
                                     "ORDER BY created_at DESC, id");
        s.bind(1, filter.status ? runStatusName(*filter.status) : QString());
        s.bind(2, filter.family ? runFamilyName(*filter.family) : QString());
        s.bind(3, filter.method.isEmpty() ? QString() : filter.method);
        s.bind(4, filter.nameContains.isEmpty() ? QString() : filter.nameContains);
        QVector<RunRecord> out;
        while (s.next()) {
            out.append(runFromRow(s));
            addRowProblems(out.last());
        }
        return out;
    });
}

Expected<QString> RunStore::resolveRun(const QString &key) const
{
    return locked([&] {
        SqliteStatement exact(*m_db, "SELECT id FROM runs WHERE id = ?1");
        if (exact.bind(1, key).next())
            return exact.text(0);
        QStringList matches;
        SqliteStatement s(*m_db, "SELECT id FROM runs WHERE (length(?1) > 0 AND substr(id, 1, "
                                 "length(?1)) = ?1) OR name = ?1 ORDER BY id");
        s.bindText(1, key);
        while (s.next())
            matches.append(s.text(0));
        if (matches.isEmpty())
            failNoRun(key);
        if (matches.size() > 1)
            throwDataProblem(m_path,
                             QStringLiteral("'%1' matches %2 runs (%3): give more of the id")
                                 .arg(key)
                                 .arg(matches.size())
                                 .arg(matches.join(QStringLiteral(", "))));
        return matches.first();
    });
}

QVector<EpochRecord> RunStore::readEpochs(const QString &id) const
{
    SqliteStatement s(*m_db, "SELECT epoch, metrics, wall_seconds, recorded_at FROM epochs "
                             "WHERE run_id = ?1 ORDER BY epoch");
    s.bind(1, id);
    QVector<EpochRecord> out;
    while (s.next())
        out.append(EpochRecord{int(s.int64(0)), jsonObject(s.text(1)), s.real(2),
                               storeTimeFromText(s.text(3))});
    return out;
}

Expected<QVector<EpochRecord>> RunStore::epochs(const QString &id) const
{
    return locked([&] {
        readRun(id);
        return readEpochs(id);
    });
}

QVector<MetricRow> RunStore::readMetrics(const QString &id, const QString &scope) const
{
    SqliteStatement s(*m_db, "SELECT name, value, ci_lo, ci_hi, group_label, group_size, scope "
                             "FROM metrics WHERE run_id = ?1 AND (?2 IS NULL OR scope = ?2) "
                             "ORDER BY scope, id");
    s.bind(1, id).bind(2, scope.isEmpty() ? QString() : scope);
    QVector<MetricRow> out;
    while (s.next()) {
        MetricRow m;
        m.name = s.text(0);
        m.value = s.real(1);
        m.ciLow = s.optionalReal(2);
        m.ciHigh = s.optionalReal(3);
        m.group = s.text(4);
        m.groupSize = s.optionalInt64(5);
        m.scope = s.text(6);
        out.append(m);
    }
    return out;
}

Expected<QVector<MetricRow>> RunStore::metrics(const QString &id, const QString &scope) const
{
    return locked([&] {
        readRun(id);
        return readMetrics(id, scope);
    });
}

Expected<Done> RunStore::atomically(const std::function<Expected<Done>()> &body)
{
    return locked([&] {
        SqliteTransaction tx(*m_db);
        Expected<Done> result = body();
        if (!result)
            throw DataException(result.error());
        tx.commit();
        return Done{};
    });
}

Expected<QString> RunStore::integrityCheck() const
{
    return locked([&] {
        SqliteStatement s(*m_db, "PRAGMA integrity_check");
        QStringList lines;
        while (s.next())
            lines.append(s.text(0));
        return lines.join(QLatin1Char('\n'));
    });
}

QString defaultStorePath()
{
    const QString env = qEnvironmentVariable("EQUISCOPE_STORE");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/equiscope/runs.sqlite");
}

} // namespace equiscope
