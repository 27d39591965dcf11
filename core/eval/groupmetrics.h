#pragma once

#include "eval/summarystats.h"
#include "util/expected.h"

#include <QStringList>
#include <QVector>

#include <cstdint>
#include <utility>
#include <vector>

namespace equiscope {

/// Per-sample outcomes of a classifier and the group of every sample.
struct FairnessInput
{
    std::vector<int32_t> labels; ///< true class y >= 0
    std::vector<int32_t>
        predictions;              ///< predicted class ŷ >= 0; may be empty when scores are given
    std::vector<float> scores;    ///< optional P(ŷ=1); used only when predictions is empty
    std::vector<int32_t> groupOf; ///< group index per sample, -1 = excluded from everything
    QStringList groupLabels;      ///< one label per group index
};

/// Knobs of the group metrics and of their bootstrap.
struct FairnessOptions
{
    int minGroupSize = 30;       ///< smaller groups are "too small to judge" (see GroupMetrics)
    int numClasses = 0;          ///< 0 = max label/prediction + 1 (at least 2)
    double scoreThreshold = 0.5; ///< ŷ = score >= threshold when only scores are given
    int resamples = 1000;        ///< bootstrap resamples (0 = point estimates only)
    double confidence = 0.95;    ///< central interval of the bootstrap distribution
    quint64 seed = 1;            ///< bootstrap seed; results do not depend on the thread count
    int threads = 0;             ///< 0 = QThread::idealThreadCount()
};

/// Confusion counts of one group, cell (y, ŷ) at y * numClasses + ŷ. Every group metric is a
/// function of these counts, which is what makes the bootstrap cheap (see bootstrap.h).
struct GroupCounts
{
    int numClasses = 2;
    std::vector<qint64> cells;

    qint64 size() const;
    qint64 at(int y, int yhat) const
    {
        return cells[size_t(y) * size_t(numClasses) + size_t(yhat)];
    }
};

/// Rates of one group. Undefined rates are NaN: accuracy and selection_rate of an empty group,
/// TPR of a group without positives, FPR of a group without negatives. For multiclass targets
/// only accuracy is per group; the one-vs-rest rates enter the aggregates directly.
struct GroupRates
{
    QString label;
    qint64 size = 0;
    bool tooSmall = false; ///< size < minGroupSize (an empty group is always too small)
    qint64 positives = 0;  ///< binary: samples with y = 1
    qint64 negatives = 0;  ///< binary: samples with y = 0
    double accuracy = kUndefined;
    double selectionRate = kUndefined;     ///< P(ŷ=1 | g), binary only
    double truePositiveRate = kUndefined;  ///< P(ŷ=1 | y=1, g), binary only
    double falsePositiveRate = kUndefined; ///< P(ŷ=1 | y=0, g), binary only
};

/// Group-fairness metrics of a classifier, names as in docs/design/metrics.md (Fairlearn's).
///
/// Choices for degenerate cases:
/// - Too-small groups (size < minGroupSize) are reported with their size and rates but are
///   EXCLUDED from every max/min/std aggregate, so one tiny group cannot dominate a gap.
///   Overall accuracy counts every sample with a group (too-small groups included).
/// - A max − min gap, a min/max ratio and the std need at least two eligible groups with a
///   defined value; otherwise they are NaN ("nothing to compare").
/// - worst_group_accuracy is the exception: the lowest accuracy over EVERY group with a sample,
///   too-small ones included, so it can never sit above the overall accuracy and a small group
///   the model fails is not hidden (read it with that group's size and interval).
///   worst_judged_group_accuracy is the lowest over the groups large enough to judge.
/// - Groups whose TPR (no positives) or FPR (no negatives) is NaN are left out of that term only;
///   equalized_odds_difference/ratio then use the other term alone (NaN when both are NaN);
///   equalized_odds_mean_gap needs both terms.
/// - Ratios: 0/0 = 1 (all groups equal), x/0 = +inf (see ratioOf()).
/// - Multiclass: every difference/ratio is computed one-vs-rest per class and averaged over the
///   classes where it is defined.
struct GroupMetrics
{
    int numClasses = 2;
    qint64 sampleCount = 0; ///< samples with a group
    QVector<GroupRates> groups;

    double accuracy = kUndefined;
    double worstGroupAccuracy = kUndefined;       ///< over every non-empty group
    double worstJudgedGroupAccuracy = kUndefined; ///< over the groups that are not too small
    int worstGroup = -1;       ///< index of the group behind worstGroupAccuracy, −1 = none
    int worstJudgedGroup = -1; ///< the same for worstJudgedGroupAccuracy
    double accuracyStd = kUndefined;
    double accuracyMaxMinRatio = kUndefined;
    double skewedErrorRatio = kUndefined;
    double demographicParityDifference = kUndefined;
    double demographicParityRatio = kUndefined;
    double equalizedOddsDifference = kUndefined;
    double equalizedOddsRatio = kUndefined;
    double equalOpportunityDifference = kUndefined;
    double equalizedOddsMeanGap = kUndefined; ///< FARE's CelebA "EO", ×100

    bool binary() const { return numClasses == 2; }
    /// Aggregates as (name, value), e.g. ("demographic_parity_difference", 0.4); fixed order.
    std::vector<std::pair<QString, double>> overallValues() const;
    /// Per-group numbers of group @p g as (name, value): accuracy, and for binary targets
    /// selection_rate, true_positive_rate, false_positive_rate.
    std::vector<std::pair<QString, double>> groupValues(int g) const;
};

/// Validates the input and tallies one GroupCounts per group (index = group index).
Expected<std::vector<GroupCounts>> tallyGroupCounts(const FairnessInput &input,
                                                    const FairnessOptions &options);

/// The metrics of already tallied counts; @p labels names the groups (may be shorter).
GroupMetrics groupMetricsFromCounts(const std::vector<GroupCounts> &counts,
                                    const QStringList &labels, int minGroupSize);

/// Point estimates of every group metric (no confidence intervals; see evaluateFairness()).
Expected<GroupMetrics> computeGroupMetrics(const FairnessInput &input,
                                           const FairnessOptions &options = {});

} // namespace equiscope
