#pragma once

#include "store/runrecord.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace equiscope {

/// What the analysis views need of one run, read in one go off the GUI thread.
struct RunSummary
{
    RunRecord record;
    QVector<MetricRow> finalMetrics;
    QVector<EpochRecord> epochs;
    QVector<int> attentionEpochs;    ///< epochs that have an "attention" artifact
    QVector<int> saliencyEpochs;     ///< epochs that have a "gradcam" artifact
    bool hasEmbeddings = false;      ///< an "embeddings" artifact exists
    bool hasTestPredictions = false; ///< a "test-predictions" artifact exists
    bool hasProbeImages = false;     ///< a "probe-images" artifact exists

    /// The whole-population final metric @p name, if present.
    std::optional<double> finalValue(const QString &name) const;
    const MetricRow *finalRow(const QString &name) const;
    bool hasAttention() const { return !attentionEpochs.isEmpty(); }
    /// Whether the run's target has two classes: its per-group rows carry the binary rates
    /// (selection, true- and false-positive rate; core/eval/groupmetrics.h). False when every
    /// group was too small to judge.
    bool hasBinaryTarget() const;
    bool hasSaliency() const { return !saliencyEpochs.isEmpty(); }
};

/// Reads runs (all when @p ids is empty) with final metrics and epochs from the store at
/// @p storePath. Blocking: call from a worker (QtConcurrent).
Expected<QVector<RunSummary>> loadRunSummaries(const QString &storePath,
                                               const QStringList &ids = {});

/// The bytes of the newest artifact of @p kind (for @p epoch when set) of run @p runId, read from
/// the store at @p storePath without changing it. Blocking: call from a worker.
Expected<QByteArray> readRunArtifact(const QString &storePath, const QString &runId,
                                     const QString &kind, std::optional<int> epoch = std::nullopt);

/// JSON flattened to "a.b[2].c" → scalar text, for config diffs.
QMap<QString, QString> flattenJson(const QJsonObject &object);

/// Names of whole-population final metrics present in any of @p runs, sorted.
QStringList finalMetricNames(const QVector<RunSummary> &runs);

/// The value in its display unit with its CI, "88.75 % [86.90, 90.40] %", or without a CI
/// "88.75 %" (core/eval/metricunit.h).
QString formatMetric(const MetricRow &row);

} // namespace equiscope
