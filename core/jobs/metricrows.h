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

/// The label of the group behind the whole-population row @p name ("worst_group_accuracy" or
/// "worst_judged_group_accuracy") among @p rows: the group whose accuracy row has that value
/// and size, or for a group too small to judge (stored without an accuracy row) the only such
/// group of that size. Empty when it cannot be told (or the row carries no size: older runs).
QString worstGroupLabel(const QVector<MetricRow> &rows, const QString &name);

/// A whole-population row without CI when @p value is finite (nothing otherwise).
void appendMetric(QVector<MetricRow> &rows, const QString &name, double value);

} // namespace equiscope
