#pragma once

#include <QString>

#include <optional>

namespace equiscope {

/// Which way an objective improves.
enum class ObjectiveDirection
{
    Maximise,
    Minimise,
};

/// The direction of a known metric name, e.g. accuracy → Maximise,
/// equalized_odds_difference → Minimise, bias_mse → Maximise (more error = less protected
/// information left). Names ending in "_std" (spread across groups) are Minimise and names
/// ending in "_min" (worst group) take their base metric's direction. Unknown → nullopt.
std::optional<ObjectiveDirection> metricDirection(const QString &name);

} // namespace equiscope
