#pragma once

#include "eval/bootstrap.h"
#include "fare/attentionsnapshot.h"
#include "store/runrecord.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QVector>

#include <optional>

namespace equiscope {

/// Everything a report shows of one run, read from the run store. Generic parts (record,
/// epochs, final metrics, artifacts) exist for every run family; the optional parts appear only
/// when their artifacts do (evaluation.json, attention snapshots of FARE-style methods).
struct ReportRun
{
    RunRecord record;
    QVector<EpochRecord> epochs;
    QVector<MetricRow> finalMetrics;
    QVector<ArtifactRecord> artifacts;
    QJsonObject evaluation;                     ///< "evaluation" artifact, when present
    std::optional<FairnessReport> fairness;     ///< its group metrics with CIs
    std::optional<AttentionSnapshot> attention; ///< the latest epoch's snapshot, when present
    /// Fair-SSL runs: the stage reports ("fairssl-stage" artifacts: stage, input, kept, dropped,
    /// seconds, details) in pipeline order, and the per-group meta-weight histograms by epoch.
    QVector<QJsonObject> pipelineStages;
    QVector<QJsonObject> metaWeights;
    QJsonObject datasetSummary; ///< datasetSummaryJson() when the dataset could be opened
    QString datasetNote;        ///< why there is no summary
    bool hasModel = true;       ///< false for prediction audits (no trained model)

    QString displayName() const;
    /// The whole-population final metric @p name.
    const MetricRow *finalRow(const QString &name) const;
    std::optional<double> finalValue(const QString &name) const;
    /// Final rows of group @p group (non-empty label).
    QVector<MetricRow> groupRows(const QString &group) const;
    /// Group labels of the final metrics in first-seen order.
    QStringList groupLabels() const;
};

/// What a report includes beyond the runs it is about.
struct ReportOptions
{
    bool openDatasets = true;  ///< reopen each run's dataset for the dataset summary
    bool paretoContext = true; ///< put other finished runs on the same data into the Pareto plot
    int maxContextRuns = 60;
    QString paretoX = QStringLiteral("accuracy");
    QString paretoY; ///< empty: the first of bias_mse, equalized_odds_difference, ... all runs have
    QString storePath; ///< shown in the environment section
    /// Add the "Bias discovery" section (docs/design/bias-discovery.md): computed when the report
    /// is exported, which reopens the dataset and probes each FARE-family run's representation.
    bool biasDiscovery = false;
};

/// Reads runs @p keys (ids, id prefixes or names) from the store at @p storePath, and, when
/// @p context is given, the other finished runs with the same dataset fingerprint and target
/// (record and final metrics only). Blocking: call off the GUI thread.
Expected<QVector<ReportRun>> loadReportRuns(const QString &storePath, const QStringList &keys,
                                            const ReportOptions &options,
                                            QVector<ReportRun> *context = nullptr);

} // namespace equiscope
