#pragma once

#include "data/attributetable.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QPair>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace equiscope {

/// The dataset association scan (docs/design/bias-discovery.md): how strongly every pair of
/// attributes goes together, with a permutation p-value per pair and a false-discovery-rate
/// correction over all pairs — so that a shortcut (an attribute that predicts the target) shows
/// before anyone picks the sensitive attributes.
struct AssociationScanOptions
{
    QString source;                ///< the dataset's path, named in errors
    QString target;                ///< optional: its pairs are listed first among the findings
    qint64 maxRows = 20000;        ///< seeded sample of rows the statistics are computed on
    qint64 distanceRows = 500;     ///< rows for distance correlation (its work grows as rows²)
    int permutations = 1999;       ///< at most, per pair
    int stopAfterExceedances = 20; ///< sequential stopping: enough evidence of no association
    double falseDiscoveryRate = 0.05;
    double minimumEffect = 0.1;  ///< weaker significant associations are not called findings
    qint64 minimumGroupSize = 5; ///< levels seen less often are left out of a pair
    quint64 seed = 0;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(int pairsDone, int pairs)> progress; ///< from worker threads
};

enum class AssociationStatistic
{
    CramersV,            ///< discrete × discrete
    CorrelationRatio,    ///< discrete × continuous
    DistanceCorrelation, ///< vector × anything, continuous × continuous
};
QString associationStatisticName(AssociationStatistic statistic);   ///< "cramers_v", …
QString associationStatisticSymbol(AssociationStatistic statistic); ///< "V", "η", "dCor"

/// One tested pair of attributes (indices into AssociationScan::attributes).
struct AssociationPair
{
    int a = 0;
    int b = 0;
    AssociationStatistic statistic = AssociationStatistic::CramersV;
    double value = 0;  ///< 0 … 1
    double pValue = 1; ///< NaN when the pair could not be tested (see note)
    double qValue = 1; ///< Benjamini–Hochberg over every tested pair
    int permutations = 0;
    qint64 rows = 0; ///< complete rows the statistic used
    bool significant = false;
    QString note; ///< why the pair could not be tested, or which levels were left out
};

/// A plain-language finding: a significant pair at least minimumEffect strong.
struct AssociationFinding
{
    int pair = 0; ///< index into AssociationScan::pairs
    bool involvesTarget = false;
    QString text; ///< e.g. "color predicts the target label: V = 0.71 (strong)"
};

struct AssociationScan
{
    qint64 rows = 0;        ///< rows of the dataset
    qint64 sampledRows = 0; ///< rows the scan used
    QString target;
    AssociationScanOptions options;
    QStringList attributes;                 ///< scanned attributes
    QStringList attributeTypes;             ///< their type names
    QList<QPair<QString, QString>> skipped; ///< attributes left out, with the reason
    std::vector<AssociationPair> pairs;
    std::vector<int> order;                   ///< attributes in clustered (heatmap) order
    std::vector<AssociationFinding> findings; ///< strongest first, the target's first
    double seconds = 0;

    /// The pair of attributes i and j, or nullptr (i == j or not tested).
    const AssociationPair *pair(int i, int j) const;
};

/// Scans every pair of attributes of @p table. Fails, naming the attribute, when the target is
/// missing or unusable, or when fewer than two attributes can be scanned; stops on cancel.
Expected<AssociationScan> scanAssociations(const AttributeTable &table,
                                           const AssociationScanOptions &options);

QJsonObject associationScanJson(const AssociationScan &scan);
/// Findings first, then every pair by strength, then what was left out.
QString associationScanText(const AssociationScan &scan);

} // namespace equiscope
