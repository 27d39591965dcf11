#pragma once
// Private: the section builders of ReportBuilder, one function per section.

#include "report/reportdata.h"
#include "report/reportdocument.h"

namespace equiscope::reportsections {

ReportSection overview(const QVector<ReportRun> &runs);
ReportSection dataset(const QVector<ReportRun> &runs);
ReportSection configuration(const QVector<ReportRun> &runs);
ReportSection training(const QVector<ReportRun> &runs);
ReportSection metrics(const QVector<ReportRun> &runs);
ReportSection groups(const QVector<ReportRun> &runs);
/// Empty (no blocks) when no run has an attention snapshot.
ReportSection attention(const QVector<ReportRun> &runs);
/// Empty (no blocks) when no run is a fair-SSL pipeline run: what each stage took in, kept and
/// dropped, and the meta-learned weight per group over epochs.
ReportSection pipelineStages(const QVector<ReportRun> &runs);
ReportSection pareto(const QVector<ReportRun> &runs, const QVector<ReportRun> &context,
                     const ReportOptions &options);
ReportSection environment(const QVector<ReportRun> &runs, const ReportOptions &options);
ReportSection modelCards(const QVector<ReportRun> &runs);

/// Names of whole-population final metrics in report order (known ones first).
QStringList overallMetricNames(const QVector<ReportRun> &runs);
/// "0.812" with "95% CI 0.80–0.83" as the note.
ReportCell metricCell(const MetricRow *row);
/// Series colours are per run; a run's display name, made unique.
QStringList runLabels(const QVector<ReportRun> &runs);

} // namespace equiscope::reportsections
