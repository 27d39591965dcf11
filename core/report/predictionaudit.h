#pragma once

#include "report/reportdata.h"

#include "data/csvtable.h"
#include "eval/bootstrap.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QStringList>

namespace equiscope {

/// Which columns of a predictions CSV hold what, and how to judge them.
struct AuditOptions
{
    QString labelColumn;      ///< true class
    QString predictionColumn; ///< predicted class; may be empty when scoreColumn is set
    QString scoreColumn;      ///< optional P(ŷ = positive): thresholded when there is no
                              ///< prediction column, otherwise per-group AUC and mean score
    QStringList groupColumns; ///< one or more; several form intersectional groups
    QString positiveLabel;    ///< binary targets: which value is positive (default: inferred)
    double threshold = 0.5;
    int minGroupSize = 30;
    int resamples = 1000;
    quint64 seed = 1;
    int bins = 4; ///< quantile bins for continuous group columns (e.g. age)
};

/// Score-based extras of one group (point estimates).
struct GroupScoreStats
{
    QString label;
    double auc = kUndefined;
    double meanScore = kUndefined;
};

/// The group metrics of docs/design/metrics.md for predictions made by any model.
struct AuditResult
{
    QString file;
    AuditOptions options;
    qint64 rows = 0;
    qint64 skippedRows = 0;   ///< missing label / prediction / score
    qint64 ungroupedRows = 0; ///< a group column was empty
    QStringList classNames;   ///< index = class; binary: [negative, positive]
    FairnessReport report;
    QVector<GroupScoreStats> scores; ///< per group, when a score column was given with --pred
    QStringList warnings;

    QJsonObject toJson() const;
    /// Aligned text tables for a terminal.
    QString toText() const;
    /// The audit as a report "run" (metrics rows, fairness report) for ReportBuilder::buildAudit.
    ReportRun toReportRun() const;
    /// Facts about the source for the report's first section.
    QVector<QPair<QString, QString>> sourceFacts() const;
};

/// Audits the predictions in @p table; errors name the file, the line and the column.
Expected<AuditResult> auditPredictions(const CsvTable &table, const AuditOptions &options);
/// Reads @p csvPath and audits it.
Expected<AuditResult> auditPredictionsFile(const QString &csvPath, const AuditOptions &options);

} // namespace equiscope
