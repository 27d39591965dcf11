#include "eval/metricdirection.h"

#include <QHash>

namespace equiscope {

namespace {

const QHash<QString, ObjectiveDirection> &knownDirections()
{
    using D = ObjectiveDirection;
    static const QHash<QString, ObjectiveDirection> table{
        // classifier quality and group fairness (groupmetrics.h)
        {QStringLiteral("accuracy"), D::Maximise},
        {QStringLiteral("worst_group_accuracy"), D::Maximise},
        {QStringLiteral("worst_judged_group_accuracy"), D::Maximise},
        {QStringLiteral("balanced_accuracy"), D::Maximise},
        {QStringLiteral("accuracy_std"), D::Minimise},
        {QStringLiteral("accuracy_max_min_ratio"), D::Minimise}, // >= 1, 1 = equal
        {QStringLiteral("skewed_error_ratio"), D::Minimise},     // >= 1, 1 = equal
        {QStringLiteral("demographic_parity_difference"), D::Minimise},
        {QStringLiteral("demographic_parity_ratio"), D::Maximise}, // <= 1, 1 = equal
        {QStringLiteral("equalized_odds_difference"), D::Minimise},
        {QStringLiteral("equalized_odds_ratio"), D::Maximise},
        {QStringLiteral("equal_opportunity_difference"), D::Minimise},
        {QStringLiteral("equalized_odds_mean_gap"), D::Minimise},
        // fair-SSL pipeline: how often the pseudo-labels were right
        {QStringLiteral("pseudo_label_accuracy"), D::Maximise},
        // representation bias (regressionmetrics.h)
        {QStringLiteral("bias_mse"), D::Maximise},
        {QStringLiteral("bias_r2"), D::Minimise},
        // closer to the majority-class rate is fairer, and a probe never does worse than that
        {QStringLiteral("bias_probe_accuracy"), D::Minimise},
        // clustering (clusteringmetrics.h)
        {QStringLiteral("f_score"), D::Maximise},
        {QStringLiteral("pairwise_precision"), D::Maximise},
        {QStringLiteral("pairwise_recall"), D::Maximise},
        {QStringLiteral("pairwise_f_score"), D::Maximise},
        {QStringLiteral("fowlkes_mallows"), D::Maximise},
        {QStringLiteral("bcubed_precision"), D::Maximise},
        {QStringLiteral("bcubed_recall"), D::Maximise},
        {QStringLiteral("bcubed_f_score"), D::Maximise},
        {QStringLiteral("nmi"), D::Maximise},
        {QStringLiteral("purity"), D::Maximise},
        {QStringLiteral("weighted_purity"), D::Maximise},
        // training
        {QStringLiteral("loss"), D::Minimise},
        {QStringLiteral("train_loss"), D::Minimise},
        {QStringLiteral("val_loss"), D::Minimise},
    };
    return table;
}

} // namespace

std::optional<ObjectiveDirection> metricDirection(const QString &name)
{
    const auto &table = knownDirections();
    const auto it = table.constFind(name);
    if (it != table.constEnd())
        return *it;
    // Spread across groups of a clustering score: <score>_group_std / _group_min / _group_max.
    if (name.endsWith(QLatin1String("_group_std")) && metricDirection(name.chopped(10)))
        return ObjectiveDirection::Minimise;
    if (name.endsWith(QLatin1String("_group_min")) || name.endsWith(QLatin1String("_group_max")))
        return metricDirection(name.chopped(10));
    if (name.endsWith(QLatin1String("_std")) && metricDirection(name.chopped(4)))
        return ObjectiveDirection::Minimise;
    if (name.endsWith(QLatin1String("_min")))
        return metricDirection(name.chopped(4));
    return std::nullopt;
}

} // namespace equiscope
