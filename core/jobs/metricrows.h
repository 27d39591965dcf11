#pragma once

#include "store/runrecord.h"

#include <QJsonObject>
#include <QVector>

namespace equiscope {

struct FairnessReport;

/// Final-metric store rows of a FairnessReport: the whole-population metrics with their CIs
/// (overall accuracy too unless @p withOverallAccuracy is false), then every group's metrics
/// with CI and group size; a too-small group is one "too_small_to_judge" row.
QVector<MetricRow> fairnessMetricRows(const FairnessReport &report,
                                      bool withOverallAccuracy = true);

/// Final-metric store rows of a FairnessReport JSON (eval/bootstrap.h): every whole-population
/// metric except accuracy (the caller adds its own headline accuracy) with its CI, then every
/// group's metrics with CI and group size; a too-small group is one "too_small_to_judge" row.
/// Shared by every run family, so Pareto and compare views find the same names.
QVector<MetricRow> fairnessMetricRows(const QJsonObject &fairnessReport);

/// A whole-population row without CI when @p value is finite (nothing otherwise).
void appendMetric(QVector<MetricRow> &rows, const QString &name, double value);

} // namespace equiscope
