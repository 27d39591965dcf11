#pragma once

#include "store/runrecord.h"
#include "util/expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QRecursiveMutex>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QIODevice;

namespace equiscope {

class SqliteConnection;

/// How a RunStore opens its file.
struct RunStoreOptions
{
    bool create = true;        ///< create the file when missing
    int busyTimeoutMs = 15000; ///< how long a writer waits for another writer's lock
    /// Artifacts larger than this are written as files under "<db>.artifacts/<run>/" and
    /// referenced by path; smaller ones are stored inline.
    qint64 externalThreshold = 8 * 1024 * 1024;
    /// A 'running' run owned by another host whose heartbeat is older than this is interrupted.
    int staleAfterSeconds = 600;
    bool recoverOnOpen = true; ///< call recoverInterruptedRuns() when opening
    /// Open for reading only. A store whose file or folder this user cannot write is opened
    /// this way whatever this says (isReadOnly() tells); writes then fail naming the store.
    bool readOnly = false;
};

/// An artifact's metadata and its (checksum-verified) bytes.
struct StoredArtifact
{
    ArtifactRecord record;
    QByteArray bytes;
};

/// The run store: one SQLite file (WAL) holding runs, their epochs, final per-group metrics and
/// artifacts, plus a folder "<db>.artifacts/" for large artifacts. Every write is one transaction,
/// so a killed process never leaves a half-recorded epoch.
///
/// Threads: each RunStore owns one SQLite connection. Its methods may be called from any thread;
/// an internal mutex serialises them. For parallel work open one RunStore per thread or process
/// on the same file: WAL lets readers run beside a writer and writers wait for each other up to
/// RunStoreOptions::busyTimeoutMs.
class RunStore
{
public:
    /// Opens or creates the store at @p path, migrating older schemas. Fails with an error naming
    /// the file when it is not SQLite, not a run store, or written by a newer Equiscope.
    static Expected<std::unique_ptr<RunStore>> open(const QString &path,
                                                    const RunStoreOptions &options = {});
    ~RunStore();
    RunStore(const RunStore &) = delete;
    RunStore &operator=(const RunStore &) = delete;

    const QString &path() const { return m_path; }
    /// "<db>.artifacts": where large artifacts live.
    QString artifactDirectory() const;
    /// The schema version the file had before open() migrated it (0 = new file).
    int openedSchemaVersion() const { return m_openedVersion; }
    /// Opened for reading only (asked for, or this user cannot write the file or its folder).
    bool isReadOnly() const { return m_readOnly; }

    /// Adds a run; fills id (UUID) and createdAt when empty. Returns the id.
    Expected<QString> createRun(RunRecord run);
    /// Status 'running', owned by @p pid (0 = this process) on this host; sets started and
    /// heartbeat times.
    Expected<Done> markRunning(const QString &id, qint64 pid = 0);
    /// Tells readers the owner is still alive.
    Expected<Done> heartbeat(const QString &id);
    /// Inserts or replaces one epoch's metrics; also advances current epoch and the heartbeat.
    Expected<Done> recordEpoch(const QString &id, int epoch, const QJsonObject &metrics,
                               double seconds);
    /// recordEpoch() and the epoch's checkpoint artifact in one transaction.
    Expected<ArtifactRecord> recordEpochWithCheckpoint(const QString &id, int epoch,
                                                       const QJsonObject &metrics, double seconds,
                                                       const QByteArray &checkpoint);
    /// Replaces the metrics of @p scope ("final" or "epoch:N") with @p rows.
    Expected<Done> putMetrics(const QString &id, const QString &scope,
                              const QVector<MetricRow> &rows);
    /// Stores an artifact, replacing one with the same run, kind, epoch and name.
    Expected<ArtifactRecord> putArtifact(const QString &id, ArtifactRecord artifact,
                                         const QByteArray &bytes);
    /// The newest artifact of @p kind for @p epoch (any epoch when unset) and @p name (any when
    /// empty), its checksum verified.
    Expected<StoredArtifact> artifact(const QString &id, const QString &kind,
                                      std::optional<int> epoch = std::nullopt,
                                      const QString &name = {}) const;
    /// Metadata of a run's artifacts of @p kind (all kinds when empty), by epoch.
    Expected<QVector<ArtifactRecord>> artifacts(const QString &id, const QString &kind = {}) const;
    /// The bytes of an artifact, checksum verified; a corrupt or missing file is an error.
    Expected<QByteArray> artifactData(const ArtifactRecord &artifact) const;
    /// Final status (finished, cancelled, failed, interrupted) with a message.
    Expected<Done> finishRun(const QString &id, RunStatus status, const QString &message = {});
    Expected<Done> renameRun(const QString &id, const QString &name);
    Expected<Done> setNotes(const QString &id, const QString &notes);
    /// Deletes a run with its epochs, metrics and artifacts, including external files.
    Expected<Done> deleteRun(const QString &id);

    /// Runs matching @p filter, newest first.
    Expected<QVector<RunRecord>> runs(const RunFilter &filter = {}) const;
    Expected<RunRecord> run(const QString &id) const;
    /// A run id from a full id, a unique id prefix or a unique name.
    Expected<QString> resolveRun(const QString &key) const;
    Expected<QVector<EpochRecord>> epochs(const QString &id) const;
    /// SHA-256 over everything the run is made of (record, epochs, metrics, artifact checksums),
    /// not where its bytes live: equal digests mean equal runs (merge, fault-injection tests).
    Expected<QByteArray> runDigest(const QString &id) const;
    /// Metrics of @p scope ("final", "epoch:N"; empty = all scopes).
    Expected<QVector<MetricRow>> metrics(const QString &id,
                                         const QString &scope = QStringLiteral("final")) const;

    /// Marks 'running' runs whose owner is gone as 'interrupted': on this host when the owner
    /// process no longer exists, elsewhere when the heartbeat is stale. Returns their ids.
    Expected<QStringList> recoverInterruptedRuns();
    /// Removes artifact files that no row names: what a process killed between writing a file and
    /// committing its row (or between committing a deletion and removing the file) leaves behind.
    /// Only files with the store's own artifact names are touched; runs on open. Returns the
    /// removed paths relative to artifactDirectory().
    Expected<QStringList> removeOrphanArtifactFiles();
    /// The last recorded epoch that has a checkpoint, or -1.
    Expected<int> resumableEpoch(const QString &id) const;

    /// Runs @p body in one transaction that the store's own writes inside it join; commits when
    /// body succeeds, rolls everything back (including new external files) otherwise.
    Expected<Done> atomically(const std::function<Expected<Done>()> &body);

    /// CSV with one row per (run, scope, metric, group) and the run's name, method and status.
    Expected<Done> exportMetricsCsv(QIODevice *out) const;
    /// PRAGMA integrity_check: "ok" or SQLite's list of problems.
    Expected<QString> integrityCheck() const;

    /// Copies runs (with epochs, metrics and artifacts) from @p sources into @p into (created when
    /// missing) unless present; an id present with different content is reported as a conflict
    /// and left alone.
    static Expected<MergeReport> mergeStores(const QStringList &sources, const QString &into);

private:
    RunStore(QString path, RunStoreOptions options);

    template <typename F> auto locked(F &&body) const -> Expected<std::invoke_result_t<F>>
    {
        QMutexLocker lock(&m_mutex);
        try {
            return body();
        } catch (const DataException &e) {
            return e.error();
        }
    }

    [[noreturn]] void failNoRun(const QString &id) const;
    void requireChanged(const QString &id) const;
    void insertRunRow(const RunRecord &run);
    void upsertEpochRow(const QString &id, const EpochRecord &epoch);
    void insertMetricRow(const QString &id, const QString &scope, const MetricRow &row);
    RunRecord readRun(const QString &id) const;
    /// Appends to run.problems what is damaged in the run's epoch and metric rows.
    void addRowProblems(RunRecord &run) const;
    QVector<EpochRecord> readEpochs(const QString &id) const;
    QVector<MetricRow> readMetrics(const QString &id, const QString &scope) const;
    QVector<ArtifactRecord> readArtifacts(const QString &id, const QString &kind) const;
    ArtifactRecord writeArtifact(const QString &id, ArtifactRecord artifact,
                                 const QByteArray &bytes);
    QByteArray readArtifactBytes(const ArtifactRecord &artifact) const;
    /// The file of an external artifact whose stored (untrusted) path is @p storedPath, only when
    /// it stays inside artifactDirectory() — relative, no "..", and not leaving it through a
    /// symbolic link; empty otherwise, with @p why set.
    QString confinedArtifactFile(const QString &storedPath, QString *why) const;
    /// Deletes the external artifact file @p storedPath at commit, but never one outside
    /// artifactDirectory().
    void removeArtifactFileOnCommit(const QString &storedPath);
    void removeRun(const QString &id);
    QByteArray contentDigest(const QString &id) const;
    void copyRunFrom(const RunStore &source, const QString &id);

    QString m_path;
    RunStoreOptions m_options;
    std::unique_ptr<SqliteConnection> m_db;
    int m_openedVersion = 0;
    bool m_readOnly = false;
    mutable QRecursiveMutex m_mutex;
};

/// Where the run store lives: $EQUISCOPE_STORE when set (tests), otherwise
/// "<GenericDataLocation>/equiscope/runs.sqlite".
QString defaultStorePath();

} // namespace equiscope
