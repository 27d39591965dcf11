#pragma once

#include "util/expected.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

namespace equiscope {

/// A run bundle is one SQLite file in the run-store schema holding exactly one run: its record
/// (config, dataset fingerprint and spec, seed, versions), every epoch, the final metrics, the
/// last checkpoint (all checkpoints on request), attention snapshots and evaluation, plus two
/// bundle artifacts: "bundle-manifest" (manifest.json: format, thread count, host and CPU, the
/// split sizes with a SHA-256 of each sample list) and "bundle-split" (split.json: the sample
/// indices of training, probe fitting and test). Every artifact is stored inline, so the file
/// travels alone; `equiscope-cli runs show RUN --store FILE` reads it like any store.
struct BundleOptions
{
    bool allCheckpoints = false;
};

/// What writeRunBundle() wrote.
struct BundleInfo
{
    QString path;
    QString runId;
    qint64 bytes = 0;
    QJsonObject manifest;
};

/// Writes run @p runKey of the store at @p storePath into the bundle file @p bundlePath
/// (replaced when it exists). The dataset is reopened to record the split when available.
Expected<BundleInfo> writeRunBundle(const QString &storePath, const QString &runKey,
                                    const QString &bundlePath, const BundleOptions &options = {});

/// How close a replay on another machine or thread count must come.
struct ReplayTolerance
{
    double absolute = 0.03; ///< for metrics in [0, 1] (accuracies, rates, gaps)
    double relative = 0.10; ///< for everything else (losses, bias_mse), relative to the original
};

struct ReplayOptions
{
    QString storePath; ///< where the replayed run is recorded (empty: a temporary store)
    int threads = -1;  ///< −1: the bundle's recorded thread count
    ReplayTolerance tolerance;
};

/// One compared number of a replay.
struct ReplayComparison
{
    QString what; ///< "epoch 2 loss", "accuracy", "accuracy [Male=1]", "weights"
    double original = 0;
    double replayed = 0;
    double difference = 0; ///< |replayed − original| (max abs difference for weights)
    bool exact = false;
    bool withinTolerance = false;
};

/// What replayBundle() found.
struct ReplayReport
{
    QString runId;       ///< the bundled run
    QString replayRunId; ///< the new run
    QString replayStore;
    bool sameEnvironment = false; ///< same CPU, versions and thread count: bit-exact expected
    QStringList environmentDifferences;
    bool splitMatches = false;
    bool bitExact = false;        ///< every number identical
    bool withinTolerance = false; ///< every number within the tolerance
    bool passed = false;          ///< bit-exact when expected, else within tolerance
    ReplayTolerance tolerance;
    QVector<ReplayComparison> comparisons;

    QString summary() const;
    QJsonObject toJson() const;
};

/// Retrains the bundled run from its config (same seed, same split, the recorded thread count)
/// and compares epoch losses, final metrics and final weights with the bundle's.
Expected<ReplayReport> replayBundle(const QString &bundlePath, const ReplayOptions &options,
                                    const std::function<void(const QString &)> &log,
                                    const std::atomic<bool> &cancel);

/// "model name" of the first CPU in /proc/cpuinfo (empty when unknown).
QString cpuModelName();

} // namespace equiscope
