#pragma once

#include "eval/groupmetrics.h"

#include <QJsonObject>
#include <QMap>

#include <random>

namespace equiscope {

/// A point estimate and its bootstrap percentile interval (all NaN when undefined).
struct Estimate
{
    double value = kUndefined;
    double lo = kUndefined;
    double hi = kUndefined;

    bool operator==(const Estimate &o) const;
};

/// One group's row of a FairnessReport.
struct GroupReport
{
    QString label;
    qint64 size = 0;
    bool tooSmall = false; ///< shown as "too small to judge"; never enters an aggregate
    qint64 positives = 0;
    qint64 negatives = 0;
    QMap<QString, Estimate>
        metrics; ///< accuracy [, selection_rate, true_positive_rate, false_positive_rate]
};

/// Every group metric with its confidence interval, ready for the store and the report.
struct FairnessReport
{
    int numClasses = 2;
    qint64 sampleCount = 0;
    int minGroupSize = 30;
    int resamples = 0;
    double confidence = 0.95;
    quint64 seed = 1;
    QMap<QString, Estimate> overall; ///< names of GroupMetrics::overallValues()
    QVector<GroupReport> groups;
    /// Index in groups of the group behind worst_group_accuracy (every group with a sample)
    /// and worst_judged_group_accuracy (groups large enough to judge); −1 = none.
    int worstGroup = -1;
    int worstJudgedGroup = -1;

    /// {"worst_group": {label, size, tooSmall, accuracy, ciLow, ciHigh}, "worst_judged_group":
    /// {…}} for the groups that exist: what a summary shows next to the overall accuracy.
    QJsonObject worstGroupsJson() const;

    /// The overall metric @p name, or an all-NaN Estimate when unknown.
    Estimate metric(const QString &name) const { return overall.value(name); }
    QJsonObject toJson() const;
    static Expected<FairnessReport> fromJson(const QJsonObject &json);
};

/// FairnessReport::worstGroupsJson() of a FairnessReport JSON; empty when it does not parse.
QJsonObject worstGroupsJson(const QJsonObject &fairnessReport);

/// Group metrics with stratified bootstrap CIs: each resample redraws, within every group, as
/// many samples as the group has (with replacement), so group sizes never change. Intervals are
/// percentile intervals over the resamples where the metric is defined; a metric whose point
/// estimate is NaN gets a NaN interval. Resample r uses an RNG seeded from (seed, r) alone, so
/// results do not depend on the thread count.
Expected<FairnessReport> evaluateFairness(const FairnessInput &input,
                                          const FairnessOptions &options = {});

/// One stratified resample of tallied counts. Drawing n_g samples with replacement from a group
/// only matters through how many land in each (y, ŷ) cell, which is multinomial(n_g, cell/n_g):
/// drawn here with one binomial per non-empty cell instead of n_g index draws.
std::vector<GroupCounts> resampleStratified(const std::vector<GroupCounts> &counts,
                                            std::mt19937_64 &rng);

/// The RNG of resample @p index (splitmix64 of the seed and the index).
std::mt19937_64 resampleRng(quint64 seed, int index);

} // namespace equiscope
