#include "eval/groupmetrics.h"

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

DataError inputError(const QString &field, const QString &expected, const QString &found)
{
    DataError e;
    e.field = field;
    e.expected = expected;
    e.found = found;
    return e;
}

/// max − min over at least two defined values, else NaN.
double gapOf(const std::vector<double> &values)
{
    const Spread s = spreadOf(values);
    return s.count < 2 ? kUndefined : s.max - s.min;
}

/// min / max over at least two defined values, else NaN.
double minMaxRatioOf(const std::vector<double> &values)
{
    const Spread s = spreadOf(values);
    return s.count < 2 ? kUndefined : ratioOf(s.min, s.max);
}

double divide(qint64 num, qint64 den)
{
    return den == 0 ? kUndefined : double(num) / double(den);
}

} // namespace

qint64 GroupCounts::size() const
{
    qint64 n = 0;
    for (qint64 c : cells)
        n += c;
    return n;
}

std::vector<std::pair<QString, double>> GroupMetrics::overallValues() const
{
    return {{QStringLiteral("accuracy"), accuracy},
            {QStringLiteral("worst_group_accuracy"), worstGroupAccuracy},
            {QStringLiteral("worst_judged_group_accuracy"), worstJudgedGroupAccuracy},
            {QStringLiteral("accuracy_std"), accuracyStd},
            {QStringLiteral("accuracy_max_min_ratio"), accuracyMaxMinRatio},
            {QStringLiteral("skewed_error_ratio"), skewedErrorRatio},
            {QStringLiteral("demographic_parity_difference"), demographicParityDifference},
            {QStringLiteral("demographic_parity_ratio"), demographicParityRatio},
            {QStringLiteral("equalized_odds_difference"), equalizedOddsDifference},
            {QStringLiteral("equalized_odds_ratio"), equalizedOddsRatio},
            {QStringLiteral("equal_opportunity_difference"), equalOpportunityDifference},
            {QStringLiteral("equalized_odds_mean_gap"), equalizedOddsMeanGap}};
}

std::vector<std::pair<QString, double>> GroupMetrics::groupValues(int g) const
{
    const GroupRates &r = groups[g];
    std::vector<std::pair<QString, double>> v{{QStringLiteral("accuracy"), r.accuracy}};
    if (binary()) {
        v.emplace_back(QStringLiteral("selection_rate"), r.selectionRate);
        v.emplace_back(QStringLiteral("true_positive_rate"), r.truePositiveRate);
        v.emplace_back(QStringLiteral("false_positive_rate"), r.falsePositiveRate);
    }
    return v;
}

Expected<std::vector<GroupCounts>> tallyGroupCounts(const FairnessInput &input,
                                                    const FairnessOptions &options)
{
    const size_t n = input.labels.size();
    std::vector<int32_t> thresholded;
    const std::vector<int32_t> *pred = &input.predictions;
    if (input.predictions.empty() && !input.scores.empty()) {
        if (input.scores.size() != n)
            return inputError(QStringLiteral("scores"), QStringLiteral("%1 values").arg(n),
                              QString::number(input.scores.size()));
        thresholded.resize(n);
        for (size_t i = 0; i < n; ++i)
            thresholded[i] = input.scores[i] >= options.scoreThreshold ? 1 : 0;
        pred = &thresholded;
    }
    if (pred->size() != n)
        return inputError(QStringLiteral("predictions"),
                          QStringLiteral("%1 values (one per label)").arg(n),
                          QString::number(pred->size()));
    if (input.groupOf.size() != n)
        return inputError(QStringLiteral("groups"),
                          QStringLiteral("%1 values (one per label)").arg(n),
                          QString::number(input.groupOf.size()));

    int maxClass = 1;
    int maxGroup = -1;
    for (size_t i = 0; i < n; ++i) {
        const int32_t y = input.labels[i];
        const int32_t p = (*pred)[i];
        const int32_t g = input.groupOf[i];
        if (y < 0 || p < 0)
            return inputError(y < 0 ? QStringLiteral("labels") : QStringLiteral("predictions"),
                              QStringLiteral("class index >= 0"),
                              QStringLiteral("%1 at sample %2").arg(std::min(y, p)).arg(i));
        if (g < -1)
            return inputError(QStringLiteral("groups"), QStringLiteral("group index >= -1"),
                              QStringLiteral("%1 at sample %2").arg(g).arg(i));
        maxClass = std::max({maxClass, int(y), int(p)});
        maxGroup = std::max(maxGroup, int(g));
    }
    int classes = maxClass + 1;
    if (options.numClasses > 0) {
        if (options.numClasses < classes)
            return inputError(QStringLiteral("numClasses"),
                              QStringLiteral("more than the largest class index %1").arg(maxClass),
                              QString::number(options.numClasses));
        classes = options.numClasses;
    }

    const int groupCount = std::max(int(input.groupLabels.size()), maxGroup + 1);
    std::vector<GroupCounts> counts(static_cast<size_t>(groupCount));
    for (GroupCounts &c : counts) {
        c.numClasses = classes;
        c.cells.assign(size_t(classes) * size_t(classes), 0);
    }
    for (size_t i = 0; i < n; ++i) {
        const int32_t g = input.groupOf[i];
        if (g >= 0)
            ++counts[size_t(g)]
                  .cells[size_t(input.labels[i]) * size_t(classes) + size_t((*pred)[i])];
    }
    return counts;
}

GroupMetrics groupMetricsFromCounts(const std::vector<GroupCounts> &counts,
                                    const QStringList &labels, int minGroupSize)
{
    GroupMetrics m;
    m.numClasses = counts.empty() ? 2 : counts.front().numClasses;
    const int k = m.numClasses;
    const int groupCount = int(counts.size());
    m.groups.resize(groupCount);

    qint64 correctAll = 0;
    std::vector<double> accuracies;
    for (int g = 0; g < groupCount; ++g) {
        const GroupCounts &c = counts[size_t(g)];
        GroupRates &r = m.groups[g];
        r.label = g < labels.size() ? labels[g] : QStringLiteral("group %1").arg(g);
        r.size = c.size();
        r.tooSmall = r.size == 0 || r.size < minGroupSize;
        qint64 correct = 0;
        for (int y = 0; y < k; ++y)
            correct += c.at(y, y);
        correctAll += correct;
        m.sampleCount += r.size;
        r.accuracy = divide(correct, r.size);
        if (m.binary()) {
            r.positives = c.at(1, 0) + c.at(1, 1);
            r.negatives = c.at(0, 0) + c.at(0, 1);
            r.selectionRate = divide(c.at(0, 1) + c.at(1, 1), r.size);
            r.truePositiveRate = divide(c.at(1, 1), r.positives);
            r.falsePositiveRate = divide(c.at(0, 1), r.negatives);
        }
        if (!r.tooSmall)
            accuracies.push_back(r.accuracy);
    }
    m.accuracy = divide(correctAll, m.sampleCount);

    // The worst group over every group with a sample, and over the judged ones; ties: the first.
    for (int g = 0; g < groupCount; ++g) {
        const GroupRates &r = m.groups[g];
        if (r.size == 0)
            continue;
        if (m.worstGroup < 0 || r.accuracy < m.groups[m.worstGroup].accuracy)
            m.worstGroup = g;
        if (!r.tooSmall &&
            (m.worstJudgedGroup < 0 || r.accuracy < m.groups[m.worstJudgedGroup].accuracy))
            m.worstJudgedGroup = g;
    }
    if (m.worstGroup >= 0)
        m.worstGroupAccuracy = m.groups[m.worstGroup].accuracy;
    if (m.worstJudgedGroup >= 0)
        m.worstJudgedGroupAccuracy = m.groups[m.worstJudgedGroup].accuracy;

    const Spread acc = spreadOf(accuracies);
    if (acc.count >= 2) {
        m.accuracyStd = acc.std;
        m.accuracyMaxMinRatio = ratioOf(acc.max, acc.min);
        m.skewedErrorRatio = ratioOf(1.0 - acc.min, 1.0 - acc.max);
    }

    // One-vs-rest per class; a binary target is the single "class 1 vs rest" case. A declared
    // class that no judged sample has or is predicted as has gaps of 0 by construction: leave
    // it out, or a subset of a many-class dataset would look fairer the more classes it lacks.
    std::vector<int> classes;
    if (m.binary())
        classes = {1};
    else
        for (int c = 0; c < k; ++c) {
            qint64 touched = 0;
            for (int g = 0; g < groupCount; ++g) {
                if (m.groups[g].tooSmall)
                    continue;
                for (int j = 0; j < k; ++j)
                    touched += counts[size_t(g)].at(c, j) + counts[size_t(g)].at(j, c);
            }
            if (touched > 0)
                classes.push_back(c);
        }
    std::vector<double> dpd, dpr, eod, eor, eopp, meanGap;
    std::vector<double> sel, tpr, fpr;
    for (int cls : classes) {
        sel.clear();
        tpr.clear();
        fpr.clear();
        for (int g = 0; g < groupCount; ++g) {
            if (m.groups[g].tooSmall)
                continue;
            const GroupCounts &c = counts[size_t(g)];
            qint64 predicted = 0, actual = 0;
            for (int j = 0; j < k; ++j) {
                predicted += c.at(j, cls);
                actual += c.at(cls, j);
            }
            const qint64 hits = c.at(cls, cls);
            const qint64 size = m.groups[g].size;
            sel.push_back(divide(predicted, size));
            tpr.push_back(divide(hits, actual));
            fpr.push_back(divide(predicted - hits, size - actual));
        }
        dpd.push_back(gapOf(sel));
        dpr.push_back(minMaxRatioOf(sel));
        const double tprGap = gapOf(tpr);
        const double fprGap = gapOf(fpr);
        // fmax/fmin return the defined operand when the other is NaN.
        eod.push_back(std::fmax(tprGap, fprGap));
        eor.push_back(std::fmin(minMaxRatioOf(tpr), minMaxRatioOf(fpr)));
        eopp.push_back(tprGap);
        // P(ŷ=0|y=0) = 1 − FPR, so its max − min gap equals the FPR gap.
        meanGap.push_back(50.0 * (tprGap + fprGap));
    }
    m.demographicParityDifference = nanMean(dpd);
    m.demographicParityRatio = nanMean(dpr);
    m.equalizedOddsDifference = nanMean(eod);
    m.equalizedOddsRatio = nanMean(eor);
    m.equalOpportunityDifference = nanMean(eopp);
    m.equalizedOddsMeanGap = nanMean(meanGap);
    return m;
}

Expected<GroupMetrics> computeGroupMetrics(const FairnessInput &input,
                                           const FairnessOptions &options)
{
    auto counts = tallyGroupCounts(input, options);
    if (!counts)
        return counts.error();
    return groupMetricsFromCounts(counts.value(), input.groupLabels, options.minGroupSize);
}

} // namespace equiscope
