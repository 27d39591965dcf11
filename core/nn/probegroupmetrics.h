#pragma once

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace equiscope {

/// Per-group metrics of the linear probe's test predictions (docs/design/metrics.md) with bootstrap
/// CIs, as FairnessReport JSON; samples with group −1 or label −1 are left out.
QJsonObject probeGroupMetricsJson(const std::vector<int> &labels,
                                  const std::vector<int> &predictions,
                                  const std::vector<int> &groupOf, const QStringList &groupLabels,
                                  int classes, int minGroupSize, int resamples, quint64 seed);

} // namespace equiscope
