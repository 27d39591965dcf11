#pragma once

#include <QString>

namespace equiscope {

/// What a metric means, in one or two sentences (the definitions of docs/design/metrics.md), for
/// reports and tooltips; empty when the name is unknown.
QString metricDefinition(const QString &name);

/// A readable title for a metric name ("equalized_odds_difference" → "Equalized odds
/// difference").
QString metricTitle(const QString &name);

/// "↑ higher is better", "↓ lower is better" or empty, from metricDirection().
QString metricDirectionText(const QString &name);

} // namespace equiscope
