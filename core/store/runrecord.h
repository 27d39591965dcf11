#pragma once

#include "util/expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace equiscope {

/// Which pipeline produced a run.
enum class RunFamily
{
    Fare,      ///< "fare": FARE / SparseFARE contrastive learning and its baselines
    FairSsl,   ///< "fair-ssl": the fair self-supervised pipeline
    Clustering ///< "clustering": fair transformer clustering
};

/// Life cycle of a run. Only Queued and Running are not final.
enum class RunStatus
{
    Queued,
    Running,
    Finished,
    Cancelled,
    Failed,
    Interrupted ///< the owning process died; resumable from its last checkpoint
};

QString runFamilyName(RunFamily family);
std::optional<RunFamily> runFamilyFromName(const QString &name);
QString runStatusName(RunStatus status);
std::optional<RunStatus> runStatusFromName(const QString &name);

/// One row of the runs table: what was run, where, by whom and how far it got.
struct RunRecord
{
    QString id; ///< UUID without braces; createRun() fills it when empty
    QString name;
    QString method; ///< e.g. "fare", "sparse-fare", "simclr-fair"
    RunFamily family = RunFamily::Fare;
    QJsonObject config; ///< the reproducible run spec (FareConfig as JSON)
    RunStatus status = RunStatus::Queued;
    QString statusMessage;
    QDateTime createdAt; ///< UTC; createRun() fills it when invalid
    QDateTime startedAt;
    QDateTime finishedAt;
    QJsonObject versions; ///< equiscope / qt / libtorch / blas
    QString datasetFingerprint;
    QJsonObject datasetSpec;
    qint64 seed = 0;
    qint64 ownerPid = 0; ///< process that runs it (0 = none)
    QString ownerHost;
    QDateTime heartbeatAt;
    int currentEpoch = -1; ///< last recorded epoch, -1 before the first
    QString notes;         ///< free text by the user (schema v2)
    /// What was wrong in the stored row (a column that is not valid JSON, an unknown family or
    /// status), one line each naming the column; such a row is read with that field empty or
    /// "failed", never silently. Not part of operator==.
    QStringList problems;

    bool operator==(const RunRecord &other) const;
    bool operator!=(const RunRecord &other) const { return !(*this == other); }
};

/// One row of the epochs table.
struct EpochRecord
{
    int epoch = 0;
    QJsonObject metrics; ///< e.g. {"loss": 0.3, "acc": 0.9}
    double wallSeconds = 0;
    QDateTime recordedAt;
};

/// One metric value, optionally with a confidence interval and for one group only.
struct MetricRow
{
    QString name;
    double value = 0;
    std::optional<double> ciLow;
    std::optional<double> ciHigh;
    QString group; ///< sensitive-group label; empty = the whole population
    std::optional<qint64> groupSize;
    QString scope; ///< "final" or "epoch:N"; filled on read, ignored by putMetrics()

    bool operator==(const MetricRow &other) const;
};

/// Metadata of one stored artifact; the bytes are read with RunStore::artifactData().
struct ArtifactRecord
{
    qint64 id = 0; ///< row id, filled by the store
    QString runId;
    QString kind; ///< "checkpoint", "attention", "embeddings", "gradcam", "predictions", ...
    std::optional<int> epoch;
    QString name;
    QString mime = QStringLiteral("application/octet-stream");
    qint64 size = 0;      ///< filled by the store
    QString sha256;       ///< lower-case hex, filled by the store
    QString externalPath; ///< relative to "<db>.artifacts/"; empty when stored inline
    QDateTime createdAt;  ///< filled by the store when invalid
};

/// Which runs RunStore::runs() returns; empty fields match everything.
struct RunFilter
{
    std::optional<RunStatus> status;
    std::optional<RunFamily> family;
    QString method;
    QString nameContains;
};

/// A run whose id exists in two stores with different content.
struct MergeConflict
{
    QString runId;
    QString source;
    QString reason;
};

/// What RunStore::mergeStores() did.
struct MergeReport
{
    QStringList copied;  ///< run ids added to the target
    QStringList skipped; ///< run ids already present with identical content
    QVector<MergeConflict> conflicts;
};

/// Current time as stored: UTC with milliseconds.
QDateTime storeNow();
/// ISO-8601 UTC text as stored in the database ("2024-05-01T12:00:00.123Z"), or a null
/// string for an invalid time.
QString storeTimestamp(const QDateTime &time);
QDateTime storeTimeFromText(const QString &text);

} // namespace equiscope
