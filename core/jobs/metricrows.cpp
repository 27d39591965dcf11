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
    QVector<MetricRow> rows;
    for (auto it = report.overall.begin(); it != report.overall.end(); ++it)
        if (std::isfinite(it.value().value) &&
            (withOverallAccuracy || it.key() != QLatin1String("accuracy")))
            rows.push_back(estimate(it.key(), it.value(), {}, std::nullopt));
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

QVector<MetricRow> fairnessMetricRows(const QJsonObject &fairnessReport)
{
    auto report = FairnessReport::fromJson(fairnessReport);
    if (!report)
        return {};
    return fairnessMetricRows(report.value(), false);
}

} // namespace equiscope
