#include "eval/clusteringmetrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

double harmonic(double p, double r)
{
    if (std::isnan(p) || std::isnan(r))
        return kUndefined;
    return p + r == 0 ? 0.0 : 2.0 * p * r / (p + r);
}

/// Pair ratio: 1 when no pair is claimed (den = 0), see ClusteringScores.
double pairRatio(qint64 num, qint64 den)
{
    return den == 0 ? 1.0 : double(num) / double(den);
}

double entropyOf(const std::vector<qint64> &sizes, double n)
{
    double h = 0;
    for (qint64 s : sizes) {
        if (s > 0) {
            const double p = double(s) / n;
            h -= p * std::log(p);
        }
    }
    return h;
}

QJsonObject scoresToJson(const ClusteringScores &s)
{
    QJsonObject o{{QStringLiteral("samples"), s.samples},
                  {QStringLiteral("classes"), s.classes},
                  {QStringLiteral("clusters"), s.clusters}};
    for (const auto &kv : s.values())
        o.insert(kv.first, numberToJson(kv.second));
    return o;
}

} // namespace

std::vector<std::pair<QString, double>> ClusteringScores::values() const
{
    return {{QStringLiteral("pairwise_precision"), pairwisePrecision},
            {QStringLiteral("pairwise_recall"), pairwiseRecall},
            {QStringLiteral("pairwise_f_score"), pairwiseFScore},
            {QStringLiteral("fowlkes_mallows"), fowlkesMallows},
            {QStringLiteral("bcubed_precision"), bcubedPrecision},
            {QStringLiteral("bcubed_recall"), bcubedRecall},
            {QStringLiteral("bcubed_f_score"), bcubedFScore},
            {QStringLiteral("nmi"), nmi}};
}

ClusteringScores clusteringScores(const Contingency &table)
{
    ClusteringScores s;
    s.samples = table.total();
    s.classes = qint64(table.classSizes().size());
    s.clusters = qint64(table.clusterSizes().size());
    if (s.samples == 0)
        return s;
    const qint64 n = s.samples;
    const double nd = double(n);
    const auto &a = table.classSizes();
    const auto &b = table.clusterSizes();

    qint64 sumCell2 = 0, sumA2 = 0, sumB2 = 0;
    double bcubedP = 0, bcubedR = 0, mi = 0;
    for (const Contingency::Cell &c : table.cells()) {
        const double sq = double(c.count) * double(c.count);
        sumCell2 += c.count * c.count;
        bcubedP += sq / double(b[size_t(c.v)]);
        bcubedR += sq / double(a[size_t(c.u)]);
        mi += double(c.count) / nd *
              std::log(nd * double(c.count) / (double(a[size_t(c.u)]) * double(b[size_t(c.v)])));
    }
    for (qint64 x : a)
        sumA2 += x * x;
    for (qint64 x : b)
        sumB2 += x * x;

    const qint64 truePositivePairs = sumCell2 - n;
    s.pairwisePrecision = pairRatio(truePositivePairs, sumB2 - n);
    s.pairwiseRecall = pairRatio(truePositivePairs, sumA2 - n);
    s.pairwiseFScore = harmonic(s.pairwisePrecision, s.pairwiseRecall);
    s.fowlkesMallows = std::sqrt(s.pairwisePrecision * s.pairwiseRecall);
    s.bcubedPrecision = bcubedP / nd;
    s.bcubedRecall = bcubedR / nd;
    s.bcubedFScore = harmonic(s.bcubedPrecision, s.bcubedRecall);

    // As scikit-learn's normalized_mutual_info_score (average_method="arithmetic").
    if (s.classes == 1 && s.clusters == 1) {
        s.nmi = 1.0;
    } else {
        mi = std::max(mi, 0.0);
        const double norm = (entropyOf(a, nd) + entropyOf(b, nd)) / 2.0;
        s.nmi = mi <= 0 ? 0.0 : mi / std::max(norm, std::numeric_limits<double>::epsilon());
    }
    return s;
}

Expected<ClusteringReport> evaluateClustering(const ClusteringInput &input,
                                              const ClusteringOptions &options)
{
    const size_t n = input.truth.size();
    DataError e;
    if (input.predicted.size() != n || (!input.groupOf.empty() && input.groupOf.size() != n)) {
        const bool pred = input.predicted.size() != n;
        e.field = pred ? QStringLiteral("predicted") : QStringLiteral("groups");
        e.expected = QStringLiteral("%1 values (one per true label)").arg(n);
        e.found = QString::number(pred ? input.predicted.size() : input.groupOf.size());
        return e;
    }
    int groupCount = int(input.groupLabels.size());
    for (size_t i = 0; i < input.groupOf.size(); ++i) {
        if (input.groupOf[i] < -1) {
            e.field = QStringLiteral("groups");
            e.expected = QStringLiteral("group index >= -1");
            e.found = QStringLiteral("%1 at sample %2").arg(input.groupOf[i]).arg(i);
            return e;
        }
        groupCount = std::max(groupCount, input.groupOf[i] + 1);
    }

    ClusteringReport report;
    const Contingency table(input.truth, input.predicted);
    report.overall = clusteringScores(table);

    // Clusters: purity from the class table, majority group from a group × cluster table.
    const auto &b = table.clusterSizes();
    report.clusters.resize(b.size());
    std::vector<qint64> clusterMax(b.size(), 0);
    for (const Contingency::Cell &c : table.cells())
        clusterMax[size_t(c.v)] = std::max(clusterMax[size_t(c.v)], c.count);
    qint64 maxSum = 0;
    for (size_t v = 0; v < b.size(); ++v) {
        ClusterInfo &ci = report.clusters[v];
        ci.label = table.clusterLabels()[v];
        ci.size = b[v];
        ci.purity = double(clusterMax[v]) / double(b[v]);
        maxSum += clusterMax[v];
    }
    report.purity = n == 0 ? kUndefined : double(maxSum) / double(n);

    std::vector<std::vector<uint32_t>> rowsOfGroup(static_cast<size_t>(groupCount));
    std::vector<uint32_t> grouped;
    for (size_t i = 0; i < input.groupOf.size(); ++i) {
        if (input.groupOf[i] >= 0) {
            rowsOfGroup[size_t(input.groupOf[i])].push_back(uint32_t(i));
            grouped.push_back(uint32_t(i));
        }
    }
    if (!grouped.empty()) {
        const std::vector<int64_t> groupLabel(input.groupOf.begin(), input.groupOf.end());
        const Contingency byGroup(groupLabel, input.predicted, grouped);
        std::vector<qint64> best(byGroup.clusterSizes().size(), 0);
        // Cells come sorted by cluster then group, so the first maximum is the lowest index.
        for (const Contingency::Cell &c : byGroup.cells()) {
            if (c.count > best[size_t(c.v)]) {
                best[size_t(c.v)] = c.count;
                const int64_t label = byGroup.clusterLabels()[size_t(c.v)];
                const auto &all = table.clusterLabels();
                const size_t v =
                    size_t(std::lower_bound(all.begin(), all.end(), label) - all.begin());
                report.clusters[v].majorityGroup = int(byGroup.classLabels()[size_t(c.u)]);
            }
        }
    }

    report.groups.resize(groupCount);
    std::vector<qint64> purityNum(size_t(groupCount), 0), purityDen(size_t(groupCount), 0);
    for (size_t v = 0; v < report.clusters.size(); ++v) {
        const ClusterInfo &ci = report.clusters[v];
        if (ci.majorityGroup < 0)
            continue;
        report.groups[ci.majorityGroup].purities.push_back(ci.purity);
        purityNum[size_t(ci.majorityGroup)] += clusterMax[v];
        purityDen[size_t(ci.majorityGroup)] += ci.size;
    }
    QMap<QString, std::vector<double>> perName;
    for (int g = 0; g < groupCount; ++g) {
        GroupClustering &gc = report.groups[g];
        gc.label =
            g < input.groupLabels.size() ? input.groupLabels[g] : QStringLiteral("group %1").arg(g);
        gc.size = qint64(rowsOfGroup[size_t(g)].size());
        gc.tooSmall = gc.size == 0 || gc.size < options.minGroupSize;
        if (gc.size > 0)
            gc.scores =
                clusteringScores(Contingency(input.truth, input.predicted, rowsOfGroup[size_t(g)]));
        if (purityDen[size_t(g)] > 0)
            gc.weightedPurity = double(purityNum[size_t(g)]) / double(purityDen[size_t(g)]);
        for (const auto &kv : gc.scores.values())
            perName[kv.first].push_back(gc.tooSmall ? kUndefined : kv.second);
    }
    if (groupCount > 0) {
        for (auto it = perName.begin(); it != perName.end(); ++it) {
            Spread s = spreadOf(it.value());
            if (s.count < 2)
                s.std = kUndefined;
            report.acrossGroups.insert(it.key(), s);
        }
    }

    ClusterSizeDistribution &d = report.sizes;
    std::vector<qint64> sizes(b.begin(), b.end());
    std::sort(sizes.begin(), sizes.end());
    d.clusters = qint64(sizes.size());
    if (!sizes.empty()) {
        d.min = sizes.front();
        d.max = sizes.back();
        d.mean = double(n) / double(sizes.size());
        const size_t mid = sizes.size() / 2;
        d.median = sizes.size() % 2 ? double(sizes[mid]) : (sizes[mid - 1] + sizes[mid]) / 2.0;
        for (qint64 s : sizes) {
            d.singletons += s == 1;
            if (d.histogram.empty() || d.histogram.back().first != s)
                d.histogram.emplace_back(s, 0);
            ++d.histogram.back().second;
        }
    }
    return report;
}

QJsonObject ClusteringReport::toJson() const
{
    QJsonArray groupArray;
    for (const GroupClustering &g : groups)
        groupArray.append(
            QJsonObject{{QStringLiteral("label"), g.label},
                        {QStringLiteral("size"), g.size},
                        {QStringLiteral("tooSmall"), g.tooSmall},
                        {QStringLiteral("scores"), scoresToJson(g.scores)},
                        {QStringLiteral("purities"), numbersToJson(g.purities)},
                        {QStringLiteral("weightedPurity"), numberToJson(g.weightedPurity)}});
    QJsonObject spread;
    for (auto it = acrossGroups.begin(); it != acrossGroups.end(); ++it)
        spread.insert(it.key(), QJsonObject{{QStringLiteral("std"), numberToJson(it->std)},
                                            {QStringLiteral("min"), numberToJson(it->min)},
                                            {QStringLiteral("max"), numberToJson(it->max)},
                                            {QStringLiteral("mean"), numberToJson(it->mean)},
                                            {QStringLiteral("groups"), it->count}});
    // Columnar: tens of thousands of clusters stay compact.
    QJsonArray labels, clusterSizes, purities, majority, histogram;
    for (const ClusterInfo &c : clusters) {
        labels.append(qint64(c.label));
        clusterSizes.append(c.size);
        purities.append(numberToJson(c.purity));
        majority.append(c.majorityGroup);
    }
    for (const auto &h : sizes.histogram)
        histogram.append(QJsonArray{h.first, h.second});
    return QJsonObject{
        {QStringLiteral("overall"), scoresToJson(overall)},
        {QStringLiteral("purity"), numberToJson(purity)},
        {QStringLiteral("groups"), groupArray},
        {QStringLiteral("acrossGroups"), spread},
        {QStringLiteral("clusters"), QJsonObject{{QStringLiteral("labels"), labels},
                                                 {QStringLiteral("sizes"), clusterSizes},
                                                 {QStringLiteral("purities"), purities},
                                                 {QStringLiteral("majorityGroups"), majority}}},
        {QStringLiteral("sizeDistribution"),
         QJsonObject{{QStringLiteral("clusters"), sizes.clusters},
                     {QStringLiteral("singletons"), sizes.singletons},
                     {QStringLiteral("min"), sizes.min},
                     {QStringLiteral("max"), sizes.max},
                     {QStringLiteral("mean"), numberToJson(sizes.mean)},
                     {QStringLiteral("median"), numberToJson(sizes.median)},
                     {QStringLiteral("histogram"), histogram}}}};
}

} // namespace equiscope
