#pragma once

#include "data/attributetable.h"
#include "util/expected.h"

namespace equiscope {

/// How a continuous or vector attribute becomes discrete groups.
enum class BinningMethod
{
    Quantile, ///< equal-count bins (scalar attributes only)
    KMeans,   ///< k-means on the (standardised) values
};

struct GroupOptions
{
    QStringList sensitive; ///< one or more columns; several form intersectional groups
    BinningMethod binning = BinningMethod::Quantile;
    int bins = 4;          ///< bins for continuous attributes (k-means uses this K too)
    int minGroupSize = 30; ///< groups below this are "too small to judge"
    quint64 seed = 1;      ///< for k-means initialisation
};

/// One intersectional group: the product of one level of each sensitive attribute.
struct Group
{
    QString label; ///< e.g. "Male=1 × Young=0"
    qint64 size = 0;
    bool tooSmall = false;
};

/// Per-sample group index (-1 when any sensitive value is missing) and the groups found.
struct GroupAssignment
{
    std::vector<int32_t> groupOf;
    QVector<Group> groups;
    QStringList sensitive;

    int groupCount() const { return int(groups.size()); }
    qint64 tooSmallCount() const;
};

/// Assigns every sample to an intersectional group. Fails when a sensitive column is unknown
/// or has a single level (a fairness comparison needs at least two groups).
Expected<GroupAssignment> assignGroups(const AttributeTable &table, const GroupOptions &options,
                                       const QString &datasetName = {});

/// Discretises one continuous/vector column into @p bins levels ("[a, b)" labels for quantiles,
/// "cluster k" for k-means). Discrete columns are returned unchanged.
Attribute binAttribute(const Attribute &column, BinningMethod method, int bins, quint64 seed);

/// Standard 1-D or n-D k-means (Lloyd, k-means++ initialisation) used by binning and
/// Fair-InfoNCE; returns the cluster of each row (rows with NaN get -1).
std::vector<int32_t> kMeansRows(const std::vector<float> &values, int dim, int k, quint64 seed,
                                int iterations = 50);

} // namespace equiscope
