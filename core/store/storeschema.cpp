#include "store/storeschema.h"

#include "store/sqliteconnection.h"
#include "util/expected.h"

#include <iterator>

namespace equiscope {

namespace {

// Append only: a released migration never changes, a new one gets the next number.
const char *const kMigrations[] = {
    // v1: runs, their epochs, final metrics and artifacts.
    R"sql(
CREATE TABLE runs (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    family TEXT NOT NULL CHECK (family IN ('fare', 'fair-ssl', 'clustering')),
    config TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'finished', 'cancelled', 'failed', 'interrupted')),
    status_message TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    versions TEXT NOT NULL DEFAULT '{}',
    dataset_fingerprint TEXT NOT NULL DEFAULT '',
    dataset_spec TEXT NOT NULL DEFAULT '{}',
    seed INTEGER NOT NULL DEFAULT 0,
    owner_pid INTEGER,
    owner_host TEXT,
    heartbeat_at TEXT,
    current_epoch INTEGER NOT NULL DEFAULT -1
);
CREATE TABLE epochs (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    metrics TEXT NOT NULL DEFAULT '{}',
    wall_seconds REAL NOT NULL DEFAULT 0,
    recorded_at TEXT NOT NULL,
    UNIQUE (run_id, epoch)
);
CREATE TABLE metrics (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    scope TEXT NOT NULL CHECK (scope = 'final' OR scope GLOB 'epoch:[0-9]*'),
    name TEXT NOT NULL,
    value REAL NOT NULL,
    ci_lo REAL,
    ci_hi REAL,
    group_label TEXT,
    group_size INTEGER
);
CREATE INDEX metrics_by_run ON metrics (run_id, scope);
CREATE TABLE artifacts (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    epoch INTEGER,
    name TEXT NOT NULL DEFAULT '',
    mime TEXT NOT NULL DEFAULT 'application/octet-stream',
    bytes BLOB,
    path TEXT,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK ((bytes IS NULL) <> (path IS NULL))
);
CREATE INDEX artifacts_by_run ON artifacts (run_id, kind, epoch);
)sql",
    // v2: user notes on a run; listing by status without a scan.
    R"sql(
ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_by_status ON runs (status);
)sql",
};

[[noreturn]] void notOurs(const QString &file, const QString &detail)
{
    throwDataProblem(file, QStringLiteral("not an Equiscope run store (%1)").arg(detail));
}

} // namespace

int StoreSchema::latestVersion()
{
    return int(std::size(kMigrations));
}

const char *StoreSchema::migrationSql(int version)
{
    return version >= 1 && version <= latestVersion() ? kMigrations[version - 1] : nullptr;
}

int StoreSchema::check(SqliteConnection &db)
{
    // Reading the header first: a non-SQLite file fails here with SQLITE_NOTADB.
    const int appId = int(db.queryInt("PRAGMA application_id"));
    const int version = int(db.queryInt("PRAGMA user_version"));
    if (appId != 0 && appId != kApplicationId)
        notOurs(db.path(), QStringLiteral("SQLite application id 0x%1")
                               .arg(quint32(appId), 8, 16, QLatin1Char('0')));
    if (version == 0 && db.queryInt("SELECT count(*) FROM sqlite_schema") > 0)
        notOurs(db.path(), QStringLiteral("a SQLite database with other tables"));
    if (version > latestVersion())
        throwDataProblem(db.path(), QStringLiteral("run store schema v%1 was written by a newer "
                                                   "Equiscope; this build reads up to v%2")
                                        .arg(version)
                                        .arg(latestVersion()));
    return version;
}

int StoreSchema::migrate(SqliteConnection &db)
{
    const int before = check(db);
    if (before == latestVersion())
        return before;
    SqliteTransaction tx(db);
    // Another process may have migrated between the check and taking the write lock.
    const int current = check(db);
    for (int v = current + 1; v <= latestVersion(); ++v)
        db.exec(kMigrations[v - 1]);
    db.exec(QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2")
                .arg(kApplicationId)
                .arg(latestVersion())
                .toUtf8()
                .constData());
    tx.commit();
    return before;
}

} // namespace equiscope
