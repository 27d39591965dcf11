#pragma once

#include "data/attributetable.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <vector>

namespace equiscope {

/// What the worst-subgroup scan looks for (docs/design/bias-discovery.md, "Worst-subgroup scan").
enum class SubgroupMetric
{
    Error,         ///< accuracy: rows whose prediction is wrong, among all rows
    FalseNegative, ///< TPR: positives predicted negative, among the positives
    FalsePositive, ///< FPR: negatives predicted positive, among the negatives
    Selection,     ///< selection rate: rows predicted positive, higher or lower than the rest
};
QString subgroupMetricName(SubgroupMetric metric); ///< "error", "fnr", "fpr", "selection"
Expected<SubgroupMetric> subgroupMetricFromName(const QString &name);

struct SubgroupScanOptions
{
    SubgroupMetric metric = SubgroupMetric::Error;
    int maxConditions = 3;    ///< attributes in one subgroup, 1 … 3
    qint64 minGroupSize = 30; ///< smaller subgroups are never scored
    int nullReplicates = 199; ///< permutations of the outcomes for the search-wide p-value
    double alpha = 0.05;      ///< significance of a reported subgroup (family-wise)
    int top = 10;             ///< subgroups reported
    int bins = 4;             ///< quantile bins of numeric attributes with over 10 values
    int maxLevels = 64;       ///< attributes with more levels are left out (identifiers)
    quint64 seed = 1;
    QString source; ///< file named in errors
    const std::atomic<bool> *cancel = nullptr;
};

/// One condition of a subgroup: attribute = level.
struct SubgroupCondition
{
    QString attribute;
    QString level;
};

struct Subgroup
{
    QVector<SubgroupCondition> conditions;
    qint64 size = 0;   ///< rows where the metric is defined
    qint64 events = 0; ///< errors / misses / false positives / selections among them
    double rate = 0;   ///< events / size, with a 95 % Wilson interval
    double rateLow = 0;
    double rateHigh = 0;
    double restRate = 0; ///< the same rate over every other row
    double gap = 0;      ///< rate − restRate, with a 95 % Wald interval
    double gapLow = 0;
    double gapHigh = 0;
    double score = 0;  ///< Bernoulli log-likelihood ratio, on the rows outside the subgroups
                       ///< listed before it
    double pValue = 1; ///< search-wide: the share of null scans whose best score reaches it
    bool significant = false;

    QString label() const; ///< "age=[40, 60) × sex=F"
};

struct SubgroupScan
{
    SubgroupMetric metric = SubgroupMetric::Error;
    SubgroupScanOptions options;
    qint64 rows = 0; ///< rows where the metric is defined
    qint64 events = 0;
    double overallRate = 0;
    QStringList attributes;                 ///< scanned attributes
    QList<QPair<QString, QString>> skipped; ///< attributes left out, with the reason
    std::vector<Subgroup> subgroups;        ///< best first
    std::vector<double> nullMaxima;         ///< best score of each null scan, sorted
    qint64 subgroupsScored = 0;             ///< of the real scan
    qint64 subgroupsPossible = 0;           ///< intersections of up to maxConditions attributes
    double seconds = 0;
    QStringList warnings;

    QJsonObject toJson() const;
    QString toText() const;
};

/// Scans intersections of up to maxConditions attributes of @p attributes for the subgroups whose
/// rate deviates most. @p outcome per row: 1 = event, 0 = no event, -1 = the metric is not
/// defined there (e.g. a negative for the false-negative rate) or the row is unusable.
Expected<SubgroupScan> scanSubgroups(const AttributeTable &attributes,
                                     const std::vector<int8_t> &outcome,
                                     const SubgroupScanOptions &options);

/// The outcome of each row for @p metric from class indices (binary: 1 = positive).
std::vector<int8_t> subgroupOutcomes(SubgroupMetric metric, const std::vector<int> &labels,
                                     const std::vector<int> &predictions);

} // namespace equiscope
