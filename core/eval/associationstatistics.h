#pragma once

#include <QtGlobal>

#include <cstdint>
#include <functional>
#include <vector>

namespace equiscope {

/// The statistics of the dataset association scan (docs/design/bias-discovery.md, with the
/// formulas and their sources). All take complete rows only: the caller drops missing values.

/// Bias-corrected Cramér's V of two discrete columns coded 0..levelsA-1 and 0..levelsB-1 (every
/// code in range; at least 2 rows). 0 for independent columns (up to sampling noise, which the
/// correction removes on average), 1 when each level of one determines the level of the other.
double cramersV(const std::vector<int32_t> &a, int levelsA, const std::vector<int32_t> &b,
                int levelsB);

/// Correlation ratio η = √(between-group sum of squares / total sum of squares) of the values
/// grouped by codes 0..levels-1: the share of the values' spread that the groups explain, 0…1.
/// 0 when every value is equal.
double correlationRatio(const std::vector<int32_t> &groups, int levels,
                        const std::vector<double> &values);

/// The U-centred distance matrix of n rows (Székely & Rizzo 2014): from pairwise distances,
/// with the row and column means removed so that its products with another such matrix are
/// unbiased estimates of the squared distance covariance. Kept to permute one side cheaply.
class UCentredDistances
{
public:
    /// Rows of @p dim numbers each, Euclidean distances.
    UCentredDistances(const std::vector<double> &rows, int dim);
    /// Discrete codes: distance 1 between different levels, 0 within a level.
    explicit UCentredDistances(const std::vector<int32_t> &codes);

    qint64 size() const { return m_n; }
    /// The unbiased inner product (A·B) = Σ_{i≠j} A_ij B_ij / (n(n−3)); with @p permutation, B's
    /// rows and columns are taken in that order (B_{π(i)π(j)}).
    double dot(const UCentredDistances &other,
               const std::vector<qint64> *permutation = nullptr) const;

private:
    void centre();
    qint64 m_n = 0;
    std::vector<double> m_d; ///< n × n, row-major
};

/// Bias-corrected distance correlation (Székely & Rizzo 2013/2014) of two columns given as their
/// U-centred distance matrices (n ≥ 4): an unbiased estimate of the squared distance correlation,
/// which can fall slightly below 0 for independent columns. 0 when either side is constant.
double biasCorrectedDistanceCorrelation(const UCentredDistances &a, const UCentredDistances &b,
                                        const std::vector<qint64> *permutation = nullptr);

/// A permutation p-value with sequential stopping (Besag & Clifford 1991): the permuted
/// statistic is drawn up to @p maxPermutations times, stopping once @p stopAfter of them reach
/// the observed value. p = h / permutations when stopped early, (1 + h) / (1 + permutations)
/// otherwise — both valid p-values; the smallest possible is 1 / (1 + maxPermutations).
struct PermutationTest
{
    double pValue = 1;
    int permutations = 0;
    int exceedances = 0;
};
PermutationTest permutationTest(double observed, int maxPermutations, int stopAfter,
                                const std::function<double()> &permutedStatistic,
                                const std::function<bool()> &cancelled = {});

/// Benjamini–Hochberg adjusted p-values (q-values), in the order of @p pValues: a finding with
/// q ≤ α belongs to a set whose expected share of false discoveries is at most α. NaN entries
/// (pairs that could not be tested) stay NaN and do not count towards the number of tests.
std::vector<double> benjaminiHochberg(const std::vector<double> &pValues);

/// Average-linkage hierarchical clustering of n items from a symmetric n × n distance matrix
/// (row-major); returns the leaf order of the dendrogram, so that items that go together sit
/// side by side (the heatmap's row and column order).
std::vector<int> averageLinkageOrder(const std::vector<double> &distances, int n);

} // namespace equiscope
