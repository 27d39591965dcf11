#pragma once

#include "report/reportdata.h"
#include "report/reportdocument.h"

#include <QJsonObject>
#include <QStringList>

namespace equiscope {

/// A model card (Mitchell et al.): what the model is, what it is for, which sensitive
/// attributes it was trained and audited against, its metrics with CIs, and its limitations.
/// Built from the run store, so it is the same in the report, beside the exported weights
/// (model_card.md / model_card.json) and in a bundle.
struct ModelCard
{
    QString modelName;
    QString runId;
    QVector<QPair<QString, QString>> details; ///< method, encoder, dims, epochs, seed, version...
    QString intendedUse;
    QString outOfScope;
    QStringList sensitiveAttributes;
    QString groupingNote; ///< how groups were formed (binning, intersections, minimum size)
    QVector<QPair<QString, QString>> trainingData;
    QVector<QPair<QString, QString>> evaluationData;
    QVector<QPair<QString, QString>> metrics; ///< "accuracy" → "0.812 (95% CI 0.80–0.83)"
    QStringList tooSmallGroups;
    QStringList limitations;
    QString ethicalConsiderations;

    QString toMarkdown() const;
    QJsonObject toJson() const;
    /// The card as report blocks (a model-card section).
    QVector<ReportBlock> toBlocks() const;
};

/// The card of a run as the store knows it.
ModelCard modelCardFor(const ReportRun &run);

/// "88.75 % (95% CI 86.90–90.40 %)" or "88.75 %" (formatMetricText, formatMetricCi).
QString formatWithCi(const MetricRow &row);
/// A metric value for tables: 3–4 significant digits, "—" when undefined.
QString formatValue(double value);
/// @p value of metric @p name in its display unit (core/eval/metricunit.h: rates in %, their gaps
/// in pp, ratios with ×, as the workbench shows them); plain metrics as formatValue().
QString formatMetricText(const QString &name, double value);
/// "95% CI 77.00–82.90 %": an interval of metric @p name in its display unit.
QString formatMetricCi(const QString &name, double low, double high);

} // namespace equiscope
