#pragma once
// The search of the worst-subgroup scan (docs/design/bias-discovery.md, "Search and pruning"):
// the scan statistic, its pruning bound and the level-by-level count of every subgroup of up to
// three conditions. Used by scanSubgroups() for the real data and for every null replicate.

#include <QtGlobal>

#include <array>
#include <cstdint>
#include <vector>

namespace equiscope::subgroupsearch {

constexpr uint8_t kMissing = 255; ///< a row whose attribute is unknown

/// The log-likelihood ratio of "the subgroup has a rate of its own" against "one rate for all"
/// (the expectation-free Bernoulli scan statistic), and the best any subset of a subgroup can
/// reach — what lets the search prune.
class Scorer
{
public:
    Scorer(qint64 rows, qint64 events, bool twoSided, qint64 minSize);
    double score(double n, double k) const;
    /// An upper bound on the score of any subset with at least minSize rows of a subgroup with
    /// n rows and k events. Higher rate: the best subset keeps every event and as few other rows
    /// as allowed (max(k, minSize) rows); lower rate: the same with the non-events.
    double bound(double n, double k) const;

private:
    double directed(double n, double k, bool higher) const;

    double m_n, m_k;
    bool m_twoSided;
    double m_min;
    double m_base;
};

/// A candidate subgroup: up to three (attribute, level) conditions.
struct Slice
{
    std::array<int, 3> attribute{-1, -1, -1};
    std::array<int, 3> level{-1, -1, -1};
    int conditions = 0;
    qint64 n = 0;
    qint64 k = 0;
    double score = 0;
};

/// The prepared attributes: a level code per eligible row, row-major (row × attributes).
struct CodeMatrix
{
    int attributes = 0;
    qint64 rows = 0;
    std::vector<int> levels;   ///< per attribute
    std::vector<uint8_t> code; ///< kMissing where unknown
    uint8_t at(qint64 r, int a) const { return code[size_t(r) * size_t(attributes) + size_t(a)]; }
};

/// One scan over the codes and the outcomes (0/1 per row): the best @p capacity slices, best
/// first, pruned by size and bounds. @p scored counts the subgroups scored (at least minSize rows).
std::vector<Slice> searchSlices(const CodeMatrix &m, const std::vector<uint8_t> &outcome,
                                const Scorer &scorer, int maxConditions, qint64 minSize,
                                int capacity, qint64 *scored);

/// True when row @p row of @p m meets every condition of @p s.
bool matches(const CodeMatrix &m, qint64 row, const Slice &s);

} // namespace equiscope::subgroupsearch
