#include "eval/contingency.h"

#include <algorithm>

namespace equiscope {

namespace {

/// Dense index of every selected sample's label (ascending label order) and the labels.
/// Sorting (label, position) pairs avoids hashing and is deterministic.
std::vector<int32_t> renumber(const std::vector<int64_t> &labels, const std::vector<uint32_t> &rows,
                              std::vector<int64_t> &distinct)
{
    const bool all = rows.empty();
    const size_t n = all ? labels.size() : rows.size();
    std::vector<std::pair<int64_t, uint32_t>> order(n);
    for (size_t i = 0; i < n; ++i)
        order[i] = {labels[all ? i : rows[i]], uint32_t(i)};
    std::sort(order.begin(), order.end());
    distinct.clear();
    std::vector<int32_t> dense(n);
    for (size_t i = 0; i < n; ++i) {
        if (i == 0 || order[i].first != order[i - 1].first)
            distinct.push_back(order[i].first);
        dense[order[i].second] = int32_t(distinct.size() - 1);
    }
    return dense;
}

} // namespace

Contingency::Contingency(const std::vector<int64_t> &truth, const std::vector<int64_t> &predicted,
                         const std::vector<uint32_t> &rows)
{
    const std::vector<int32_t> u = renumber(truth, rows, m_classLabels);
    const std::vector<int32_t> v = renumber(predicted, rows, m_clusterLabels);
    m_total = qint64(u.size());
    m_classSizes.assign(m_classLabels.size(), 0);
    m_clusterSizes.assign(m_clusterLabels.size(), 0);

    // Sorting (v, u) codes groups equal cells together: O(N log N) and no K×K storage.
    std::vector<uint64_t> codes(u.size());
    for (size_t i = 0; i < u.size(); ++i) {
        codes[i] = (uint64_t(uint32_t(v[i])) << 32) | uint32_t(u[i]);
        ++m_classSizes[size_t(u[i])];
        ++m_clusterSizes[size_t(v[i])];
    }
    std::sort(codes.begin(), codes.end());
    for (size_t i = 0; i < codes.size();) {
        size_t j = i;
        while (j < codes.size() && codes[j] == codes[i])
            ++j;
        m_cells.push_back(
            Cell{int32_t(codes[i] & 0xffffffffu), int32_t(codes[i] >> 32), qint64(j - i)});
        i = j;
    }
}

} // namespace equiscope
