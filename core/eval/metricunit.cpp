#include "eval/metricunit.h"

#include <QSet>

#include <cmath>

namespace equiscope {

namespace {

double scaleOf(MetricUnit unit)
{
    return unit == MetricUnit::Percent || unit == MetricUnit::PercentagePoints ? 100.0 : 1.0;
}

QString suffixOf(MetricUnit unit)
{
    const QString symbol = metricUnitSymbol(unit);
    return symbol.isEmpty() ? symbol : QLatin1Char(' ') + symbol;
}

QString number(MetricUnit unit, double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    switch (unit) {
    case MetricUnit::Percent:
    case MetricUnit::PercentagePoints:
    case MetricUnit::StoredAsPoints:
        return QString::number(value * scaleOf(unit), 'f', 2);
    case MetricUnit::Ratio:
        return QString::number(value, 'f', 3);
    case MetricUnit::Plain:
        break;
    }
    return QString::number(value, 'f', 4);
}

} // namespace

QString metricUnitSymbol(MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::Percent:
        return QStringLiteral("%");
    case MetricUnit::PercentagePoints:
    case MetricUnit::StoredAsPoints:
        return QStringLiteral("pp");
    case MetricUnit::Ratio:
        return QStringLiteral("×");
    case MetricUnit::Plain:
        break;
    }
    return {};
}

MetricUnit metricUnit(const QString &name)
{
    static const QSet<QString> rates{
        QStringLiteral("accuracy"),
        QStringLiteral("worst_group_accuracy"),
        QStringLiteral("worst_judged_group_accuracy"),
        QStringLiteral("balanced_accuracy"),
        QStringLiteral("pseudo_label_accuracy"),
        QStringLiteral("bias_probe_accuracy"),
        QStringLiteral("bias_probe_majority_rate"),
        QStringLiteral("selection_rate"),
        QStringLiteral("true_positive_rate"),
        QStringLiteral("false_positive_rate"),
        QStringLiteral("error_rate"),
    };
    static const QSet<QString> differences{
        QStringLiteral("accuracy_std"),
        QStringLiteral("demographic_parity_difference"),
        QStringLiteral("equalized_odds_difference"),
        QStringLiteral("equal_opportunity_difference"),
    };
    if (rates.contains(name))
        return MetricUnit::Percent;
    if (differences.contains(name))
        return MetricUnit::PercentagePoints;
    if (name == QLatin1String("equalized_odds_mean_gap"))
        return MetricUnit::StoredAsPoints;
    if (name.endsWith(QLatin1String("_ratio")))
        return MetricUnit::Ratio;
    // A spread across groups is a difference of its base metric; a worst or best group is the
    // base metric itself.
    if (name.endsWith(QLatin1String("_std")) && metricUnit(name.chopped(4)) == MetricUnit::Percent)
        return MetricUnit::PercentagePoints;
    if (name.endsWith(QLatin1String("_min")) || name.endsWith(QLatin1String("_max")))
        return metricUnit(name.chopped(4));
    return MetricUnit::Plain;
}

double metricDisplayScale(const QString &name)
{
    return scaleOf(metricUnit(name));
}

QString formatMetricValue(const QString &name, double value)
{
    const MetricUnit unit = metricUnit(name);
    const QString text = number(unit, value);
    return std::isfinite(value) ? text + suffixOf(unit) : text;
}

QString formatMetricInterval(const QString &name, double low, double high)
{
    const MetricUnit unit = metricUnit(name);
    return QStringLiteral("[%1, %2]%3").arg(number(unit, low), number(unit, high), suffixOf(unit));
}

QString formatMetricNumber(const QString &name, double value)
{
    return number(metricUnit(name), value);
}

} // namespace equiscope
