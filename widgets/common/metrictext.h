#pragma once

#include <QString>

namespace equiscope {

/// Words for metrics in the workbench, translated: one place so the Metrics tab, Compare, the
/// Pareto page and the curves say the same thing.

/// The tooltip of a metric name: its readable title, the glossary definition
/// (core/report/metricglossary.h), which way is better and the unit it is shown in.
QString metricToolTip(const QString &name);

/// "higher is better", "lower is better" or empty for an unknown direction.
QString metricDirectionHint(const QString &name);

/// The unit a metric is shown in (core/eval/metricunit.h), for axis titles: "%", "pp", "×" or
/// empty for plain numbers.
QString metricUnitSymbol(const QString &name);

/// The display convention of metric values, for the tooltip of a Value column header.
QString metricUnitConvention();

/// A readable, translated name for a per-epoch curve key ("attentionEntropy" → "Attention
/// entropy"); unknown keys are split at camelCase humps and underscores.
QString curveTitle(const QString &key);

/// curveTitle() with the display unit of a metric key ("Worst group accuracy (%)"); plot its
/// values multiplied by metricDisplayScale() (core/eval/metricunit.h).
QString curveAxisTitle(const QString &key);

} // namespace equiscope
