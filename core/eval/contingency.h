#pragma once

#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace equiscope {

/// Sparse contingency table of two labelings (true classes u × predicted clusters v): only the
/// non-empty cells are stored, so 200k samples in 30k clusters cost O(N), never K×K.
/// Labels may be any integers; they are renumbered densely in ascending order.
class Contingency
{
public:
    /// One non-empty cell n_uv (dense indices).
    struct Cell
    {
        int32_t u;
        int32_t v;
        qint64 count;
    };

    Contingency() = default;
    /// Table of all samples, or of the samples listed in @p rows when it is non-empty.
    Contingency(const std::vector<int64_t> &truth, const std::vector<int64_t> &predicted,
                const std::vector<uint32_t> &rows = {});

    qint64 total() const { return m_total; }
    const std::vector<qint64> &classSizes() const { return m_classSizes; }        ///< a_u
    const std::vector<qint64> &clusterSizes() const { return m_clusterSizes; }    ///< b_v
    const std::vector<int64_t> &classLabels() const { return m_classLabels; }     ///< label of u
    const std::vector<int64_t> &clusterLabels() const { return m_clusterLabels; } ///< label of v
    /// Non-empty cells sorted by cluster, then class.
    const std::vector<Cell> &cells() const { return m_cells; }

private:
    qint64 m_total = 0;
    std::vector<qint64> m_classSizes;
    std::vector<qint64> m_clusterSizes;
    std::vector<int64_t> m_classLabels;
    std::vector<int64_t> m_clusterLabels;
    std::vector<Cell> m_cells;
};

} // namespace equiscope
