#pragma once

#include <QString>

namespace equiscope {

/// How a metric's value is shown. The engine, the store, the CLI's JSON and the reports keep the
/// values of docs/design/metrics.md (rates as fractions, equalized_odds_mean_gap already × 100);
/// the workbench shows every rate-like number on one scale: rates and accuracies in percent, their
/// differences and spreads between groups in percentage points.
enum class MetricUnit
{
    Percent,          ///< a rate or accuracy stored as a fraction: shown × 100 with "%"
    PercentagePoints, ///< a difference or spread of fractions: shown × 100 with "pp"
    StoredAsPoints,   ///< already × 100 by definition (equalized_odds_mean_gap): shown with "pp"
    Ratio,            ///< a ratio of two rates: shown as is with "×"
    Plain,            ///< losses, MSE, R², clustering scores, unknown names: shown as is
};

/// The unit of a metric name. Names ending in "_std", "_min" or "_max" follow their base metric
/// (a spread of accuracies is in percentage points); unknown names are Plain.
MetricUnit metricUnit(const QString &name);

/// The factor from the stored value to the shown one: 100 for Percent and PercentagePoints, else 1
/// (for plots whose axis is in the display unit).
double metricDisplayScale(const QString &name);

/// @p value in the metric's display unit, e.g. accuracy 0.8875 → "88.75 %", equalized_odds_mean_gap
/// 5.02 → "5.02 pp", accuracy_max_min_ratio 1.25 → "1.250 ×", bias_mse 0.0123 → "0.0123".
/// Non-finite values are "—".
QString formatMetricValue(const QString &name, double value);

/// A 95 % interval in the same unit: "[86.90, 90.40] %".
QString formatMetricInterval(const QString &name, double low, double high);

/// @p value in the metric's display unit without the unit: accuracy 0.8875 → "88.75"
/// (for texts that place the unit themselves, e.g. once after a range). Non-finite: "—".
QString formatMetricNumber(const QString &name, double value);

/// The symbol of @p unit: "%", "pp", "×", or empty for Plain.
QString metricUnitSymbol(MetricUnit unit);

} // namespace equiscope
