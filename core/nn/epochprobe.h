#pragma once
// What the per-epoch evaluations of the FARE family (FareSession::epochMetrics) and of the fair
// SSL pipeline (FairSslPipeline::epochMetrics) share: the fixed subset they probe every epoch,
// and how the probe's numbers join the epoch's metrics.

#include <QJsonObject>

#include <vector>

namespace equiscope {

/// @p samples when there are at most @p count of them, else a subset of @p count drawn with a
/// generator seeded by @p seed and @p stream, in ascending order: the same subset every epoch,
/// so the curve follows the model and not the draw.
std::vector<qint64> seededSubset(const std::vector<qint64> &samples, qint64 count, quint64 seed,
                                 quint64 stream);

/// @p metrics with every finite overall number of @p groupMetrics (FairnessReport JSON, e.g.
/// worst_group_accuracy, accuracy_std, equalized_odds_difference) added.
QJsonObject withOverallFairness(QJsonObject metrics, const QJsonObject &groupMetrics);

} // namespace equiscope
