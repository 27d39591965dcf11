#pragma once

#include "eval/contingency.h"
#include "eval/summarystats.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QVector>

#include <utility>

namespace equiscope {

/// Agreement of a predicted clustering with the true classes (definitions in
/// docs/design/metrics.md).
///
/// Degenerate cases: with N = 0 everything is NaN. A pairwise precision (recall) whose
/// denominator is 0 — every predicted cluster (true class) is a singleton, so no pair is
/// claimed — is 1 (nothing claimed wrongly); F is 0 when P + R = 0. NMI follows scikit-learn:
/// 1 when both labelings are a single cluster, 0 when the mutual information is 0.
struct ClusteringScores
{
    qint64 samples = 0;
    qint64 classes = 0;
    qint64 clusters = 0;
    double pairwisePrecision = kUndefined;
    double pairwiseRecall = kUndefined;
    double pairwiseFScore = kUndefined;
    double fowlkesMallows = kUndefined; ///< sqrt(pairwise precision · recall)
    double bcubedPrecision = kUndefined;
    double bcubedRecall = kUndefined;
    double bcubedFScore = kUndefined;
    double nmi = kUndefined; ///< arithmetic-mean normalisation, natural log

    /// (name, value) in a fixed order: pairwise_precision, pairwise_recall, pairwise_f_score,
    /// fowlkes_mallows, bcubed_precision, bcubed_recall, bcubed_f_score, nmi.
    std::vector<std::pair<QString, double>> values() const;
};

/// Scores of one contingency table.
ClusteringScores clusteringScores(const Contingency &table);

/// One predicted cluster.
struct ClusterInfo
{
    int64_t label = 0; ///< the predicted label as given
    qint64 size = 0;
    double purity = kUndefined; ///< max_u n_uv / b_v
    int majorityGroup = -1; ///< group holding most of its members (ties: lowest index), -1 = none
};

/// One sensitive group's view of the clustering.
struct GroupClustering
{
    QString label;
    qint64 size = 0;
    bool tooSmall = false;        ///< excluded from the across-group spread
    ClusteringScores scores;      ///< recomputed on this group's samples, predicted labels kept
    std::vector<double> purities; ///< purities of the clusters whose majority group is this one
    double weightedPurity = kUndefined; ///< the same, weighted by cluster size
};

/// Histogram of predicted cluster sizes.
struct ClusterSizeDistribution
{
    qint64 clusters = 0;
    qint64 singletons = 0;
    qint64 min = 0;
    qint64 max = 0;
    double mean = kUndefined;
    double median = kUndefined;
    std::vector<std::pair<qint64, qint64>> histogram; ///< (size, clusters of that size), ascending
};

struct ClusteringInput
{
    std::vector<int64_t> truth;     ///< true class (identity) per sample, any integers
    std::vector<int64_t> predicted; ///< predicted cluster per sample, any integers
    std::vector<int32_t> groupOf;   ///< optional sensitive group per sample, -1 = none
    QStringList groupLabels;
};

struct ClusteringOptions
{
    int minGroupSize = 30; ///< smaller groups are reported but left out of the spread
};

/// Everything the clustering view and the report show.
struct ClusteringReport
{
    ClusteringScores overall;
    double purity = kUndefined; ///< sample-weighted mean cluster purity over all samples
    QVector<GroupClustering> groups;
    /// Per score name: spread over the groups that are not too small. std (the paper's fairness
    /// number, lower is fairer) needs two such groups, min/max one; otherwise NaN.
    QMap<QString, Spread> acrossGroups;
    std::vector<ClusterInfo> clusters; ///< ascending label
    ClusterSizeDistribution sizes;

    QJsonObject toJson() const;
};

/// Overall and per-group scores, purities and cluster sizes. Fails when the label vectors
/// differ in length or a group index is below -1.
Expected<ClusteringReport> evaluateClustering(const ClusteringInput &input,
                                              const ClusteringOptions &options = {});

} // namespace equiscope
