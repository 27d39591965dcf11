#include "jobs/metricrows.h"

#include "eval/bootstrap.h"

#include <cmath>

namespace equiscope {

void appendMetric(QVector<MetricRow> &rows, const QString &name, double value)
{
    if (std::isfinite(value))
        rows.push_back(MetricRow{name, value, std::nullopt, std::nullopt, {}, std::nullopt, {}});
}

QVector<MetricRow> fairnessMetricRows(const FairnessReport &report, bool withOverallAccuracy)
{
    auto estimate = [](const QString &name, const Estimate &e, const QString &group,
                       std::optional<qint64> size) {
        MetricRow m{name, e.value, std::nullopt, std::nullopt, group, size, {}};
        if (std::isfinite(e.lo) && std::isfinite(e.hi)) {
            m.ciLow = e.lo;
            m.ciHigh = e.hi;
        }
        return m;
    };
    // A worst-group row is a whole-population statistic (no group) that carries the size of the
    // group behind it: a worst group of 3 samples reads differently from one of 3,000.
    auto sizeOf = [&report](int index) -> std::optional<qint64> {
        if (index < 0 || index >= report.groups.size())
            return std::nullopt;
        return report.groups[index].size;
    };
    QVector<MetricRow> rows;
    for (auto it = report.overall.begin(); it != report.overall.end(); ++it) {
        if (!std::isfinite(it.value().value) ||
            (!withOverallAccuracy && it.key() == QLatin1String("accuracy")))
            continue;
        const std::optional<qint64> size =
            it.key() == QLatin1String("worst_group_accuracy") ? sizeOf(report.worstGroup)
            : it.key() == QLatin1String("worst_judged_group_accuracy")
                ? sizeOf(report.worstJudgedGroup)
                : std::nullopt;
        rows.push_back(estimate(it.key(), it.value(), {}, size));
    }
    for (const GroupReport &g : report.groups) {
        if (g.tooSmall) {
            rows.push_back(MetricRow{QStringLiteral("too_small_to_judge"),
                                     1.0,
                                     std::nullopt,
                                     std::nullopt,
                                     g.label,
                                     g.size,
                                     {}});
            continue;
        }
        for (auto it = g.metrics.begin(); it != g.metrics.end(); ++it)
            if (std::isfinite(it.value().value))
                rows.push_back(estimate(it.key(), it.value(), g.label, g.size));
    }
    return rows;
}

QString worstGroupLabel(const QVector<MetricRow> &rows, const QString &name)
{
    const MetricRow *worst = nullptr;
    for (const MetricRow &m : rows)
        if (m.group.isEmpty() && m.name == name)
            worst = &m;
    if (!worst || !worst->groupSize)
        return {};
    // The group whose accuracy row has the worst value and size (the first, as the engine).
    for (const MetricRow &m : rows)
        if (!m.group.isEmpty() && m.name == QLatin1String("accuracy") &&
            m.groupSize == worst->groupSize && m.value == worst->value)
            return m.group;
    if (name != QLatin1String("worst_group_accuracy"))
        return {};
    // A group too small to judge keeps no accuracy row: the one of that size, when only one is.
    QString label;
    for (const MetricRow &m : rows)
        if (m.name == QLatin1String("too_small_to_judge") && m.groupSize == worst->groupSize) {
            if (!label.isEmpty())
                return {};
            label = m.group;
        }
    return label;
}

QVector<MetricRow> fairnessMetricRows(const QJsonObject &fairnessReport)
{
    auto report = FairnessReport::fromJson(fairnessReport);
    if (!report)
        return {};
    return fairnessMetricRows(report.value(), false);
}

} // namespace equiscope
