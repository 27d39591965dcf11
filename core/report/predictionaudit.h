#pragma once

#include "report/reportdata.h"

#include "data/csvtable.h"
#include "eval/bootstrap.h"
#include "eval/subgroupscan.h"
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

/// The rows of a predictions CSV that have a label and a prediction (or a score), with the classes
/// in order — binary: [negative, positive] — shared by the audit and the subgroup scan.
struct PredictionRows
{
    int labelColumn = -1;
    int predictionColumn = -1; ///< -1: predictions come from the score and the threshold
    int scoreColumn = -1;
    std::vector<size_t> used;     ///< table rows with a label and a prediction or score
    std::vector<float> scores;    ///< per used row (NaN without a score column)
    std::vector<int> labels;      ///< class index per used row
    std::vector<int> predictions; ///< class index per used row (thresholded scores without --pred)
    QStringList classNames;
    QStringList warnings;
    qint64 skippedRows = 0;
};

/// Finds the label, prediction and score columns of @p table and reads the usable rows; errors
/// name the file, the line and the column (a missing column, a score outside [0, 1], an unknown
/// positive class, no usable row).
Expected<PredictionRows> readPredictions(const CsvTable &table, const AuditOptions &options);

/// Audits the predictions in @p table; errors name the file, the line and the column.
Expected<AuditResult> auditPredictions(const CsvTable &table, const AuditOptions &options);
/// The worst-subgroup scan of the predictions in @p table over the group columns of @p options —
/// every column but the label, prediction and score ones when none is named. The false-negative,
/// false-positive and selection rates need a binary label.
Expected<SubgroupScan> scanPredictionSubgroups(const CsvTable &table, const AuditOptions &options,
                                               SubgroupScanOptions scanOptions);

/// Reads @p csvPath and audits it.
Expected<AuditResult> auditPredictionsFile(const QString &csvPath, const AuditOptions &options);

} // namespace equiscope
