#include "data/attributehistogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace equiscope {

AttributeHistogram attributeHistogram(const Attribute &column, int bins)
{
    AttributeHistogram h;
    if (column.isDiscrete()) {
        h.discrete = true;
        h.labels = column.levels();
        h.series = QStringList{column.name()};
        h.counts.push_back(column.levelCounts());
        h.missing = column.missingCount();
        return h;
    }
    h.discrete = false;
    bins = std::max(1, bins);
    const int dim = column.dim();
    const qint64 n = column.size();
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (int k = 0; k < dim; ++k) {
        const ContinuousStats s = column.stats(k);
        if (s.count > 0) {
            lo = std::min(lo, s.min);
            hi = std::max(hi, s.max);
        }
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    // A constant column still gets one visible bar, centred on its value.
    if (hi <= lo) {
        lo -= 0.5;
        hi += 0.5;
        bins = 1;
    }
    const double width = (hi - lo) / bins;
    for (int b = 0; b <= bins; ++b)
        h.edges.push_back(b == bins ? hi : lo + width * b);
    for (int b = 0; b < bins; ++b)
        h.labels << (b + 1 == bins ? QStringLiteral("[%1, %2]") : QStringLiteral("[%1, %2)"))
                        .arg(QString::number(h.edges[size_t(b)], 'g', 4),
                             QString::number(h.edges[size_t(b) + 1], 'g', 4));
    for (int k = 0; k < dim; ++k)
        h.series << (k < column.componentNames().size() ? column.componentNames()[k]
                     : dim == 1                         ? column.name()
                                                        : QString::number(k));
    h.counts.assign(size_t(dim), std::vector<qint64>(size_t(bins), 0));
    for (qint64 r = 0; r < n; ++r) {
        bool missing = false;
        for (int k = 0; k < dim; ++k) {
            const double v = column.value(r, k);
            if (std::isnan(v)) {
                missing = true;
                continue;
            }
            const int b = std::clamp(int((v - lo) / width), 0, bins - 1);
            ++h.counts[size_t(k)][size_t(b)];
        }
        h.missing += missing;
    }
    return h;
}

} // namespace equiscope
