#include "data/groupassignment.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace equiscope {

qint64 GroupAssignment::tooSmallCount() const
{
    return std::count_if(groups.begin(), groups.end(), [](const Group &g) { return g.tooSmall; });
}

std::vector<int32_t> kMeansRows(const std::vector<float> &values, int dim, int k, quint64 seed,
                                int iterations)
{
    const size_t n = values.size() / size_t(dim);
    std::vector<int32_t> assign(n, -1);
    std::vector<size_t> valid;
    for (size_t i = 0; i < n; ++i) {
        bool ok = true;
        for (int d = 0; d < dim; ++d)
            ok = ok && !std::isnan(values[i * size_t(dim) + size_t(d)]);
        if (ok)
            valid.push_back(i);
    }
    if (valid.empty() || k <= 0)
        return assign;
    k = std::min<int>(k, int(valid.size()));
    std::mt19937_64 rng(seed);
    auto dist2 = [&](size_t row, const float *c) {
        double s = 0;
        for (int d = 0; d < dim; ++d) {
            const double t = values[row * size_t(dim) + size_t(d)] - c[d];
            s += t * t;
        }
        return s;
    };
    // k-means++ seeding.
    std::vector<float> centres(size_t(k) * size_t(dim));
    std::vector<double> best(valid.size(), std::numeric_limits<double>::infinity());
    size_t first = valid[std::uniform_int_distribution<size_t>(0, valid.size() - 1)(rng)];
    std::copy_n(&values[first * size_t(dim)], dim, centres.begin());
    for (int c = 1; c < k; ++c) {
        double total = 0;
        for (size_t v = 0; v < valid.size(); ++v) {
            best[v] = std::min(best[v], dist2(valid[v], &centres[size_t(c - 1) * size_t(dim)]));
            total += best[v];
        }
        size_t pick = valid[0];
        if (total > 0) {
            double r = std::uniform_real_distribution<double>(0, total)(rng);
            for (size_t v = 0; v < valid.size(); ++v) {
                r -= best[v];
                if (r <= 0) {
                    pick = valid[v];
                    break;
                }
            }
        }
        std::copy_n(&values[pick * size_t(dim)], dim, centres.begin() + size_t(c) * size_t(dim));
    }
    std::vector<double> sums(centres.size());
    std::vector<qint64> counts(static_cast<size_t>(k));
    for (int it = 0; it < iterations; ++it) {
        bool changed = false;
        for (size_t row : valid) {
            int bestC = 0;
            double bestD = std::numeric_limits<double>::infinity();
            for (int c = 0; c < k; ++c) {
                const double d = dist2(row, &centres[size_t(c) * size_t(dim)]);
                if (d < bestD) {
                    bestD = d;
                    bestC = c;
                }
            }
            changed = changed || assign[row] != bestC;
            assign[row] = bestC;
        }
        if (!changed && it > 0)
            break;
        std::fill(sums.begin(), sums.end(), 0.0);
        std::fill(counts.begin(), counts.end(), 0);
        for (size_t row : valid) {
            const int c = assign[row];
            ++counts[size_t(c)];
            for (int d = 0; d < dim; ++d)
                sums[size_t(c) * size_t(dim) + size_t(d)] += values[row * size_t(dim) + size_t(d)];
        }
        for (int c = 0; c < k; ++c)
            if (counts[size_t(c)] > 0)
                for (int d = 0; d < dim; ++d)
                    centres[size_t(c) * size_t(dim) + size_t(d)] = float(
                        sums[size_t(c) * size_t(dim) + size_t(d)] / double(counts[size_t(c)]));
    }
    // Relabel clusters by first appearance of their centre's first coordinate, so the level
    // order is stable and readable (ascending along the first dimension).
    std::vector<int> order(static_cast<size_t>(k));
    for (int c = 0; c < k; ++c)
        order[size_t(c)] = c;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return centres[size_t(a) * size_t(dim)] < centres[size_t(b) * size_t(dim)];
    });
    std::vector<int> rank(static_cast<size_t>(k));
    for (int r = 0; r < k; ++r)
        rank[size_t(order[size_t(r)])] = r;
    for (auto &a : assign)
        if (a >= 0)
            a = rank[size_t(a)];
    return assign;
}

Attribute binAttribute(const Attribute &column, BinningMethod method, int bins, quint64 seed)
{
    if (column.isDiscrete())
        return column;
    const qint64 n = column.size();
    if (method == BinningMethod::Quantile && column.type() == AttributeType::Continuous) {
        std::vector<float> sorted;
        for (qint64 r = 0; r < n; ++r)
            if (!std::isnan(column.value(r)))
                sorted.push_back(column.value(r));
        std::sort(sorted.begin(), sorted.end());
        // Unique cut points at the quantiles; ties can merge bins.
        std::vector<float> cuts;
        for (int b = 1; b < bins && !sorted.empty(); ++b) {
            // The value at rank b·n/bins starts bin b, so equal values never straddle a cut.
            const float q = sorted[std::min(sorted.size() - 1,
                                            size_t(double(b) * double(sorted.size()) / bins))];
            if (cuts.empty() || q > cuts.back())
                cuts.push_back(q);
        }
        QStringList levels;
        const QString lo =
            sorted.empty() ? QString() : QString::number(double(sorted.front()), 'g', 4);
        const QString hi =
            sorted.empty() ? QString() : QString::number(double(sorted.back()), 'g', 4);
        for (size_t b = 0; b <= cuts.size(); ++b) {
            const QString a = b == 0 ? lo : QString::number(double(cuts[b - 1]), 'g', 4);
            const QString z = b == cuts.size() ? hi : QString::number(double(cuts[b]), 'g', 4);
            levels << (b == cuts.size() ? QStringLiteral("[%1, %2]") : QStringLiteral("[%1, %2)"))
                          .arg(a, z);
        }
        std::vector<int32_t> codes(size_t(n), -1);
        for (qint64 r = 0; r < n; ++r) {
            const float v = column.value(r);
            if (std::isnan(v))
                continue;
            codes[size_t(r)] =
                int32_t(std::upper_bound(cuts.begin(), cuts.end(), v) - cuts.begin());
        }
        return Attribute::discrete(column.name(), AttributeType::Categorical, levels,
                                   std::move(codes));
    }
    // k-means on the standardised values.
    const int dim = column.dim();
    std::vector<float> z = column.values();
    for (int d = 0; d < dim; ++d) {
        const ContinuousStats s = column.stats(d);
        double var = 0;
        for (qint64 r = 0; r < n; ++r) {
            const double v = column.value(r, d);
            if (!std::isnan(v))
                var += (v - s.mean) * (v - s.mean);
        }
        const double sd = s.count > 1 ? std::sqrt(var / double(s.count)) : 1.0;
        for (qint64 r = 0; r < n; ++r) {
            float &v = z[size_t(r) * size_t(dim) + size_t(d)];
            v = float((v - s.mean) / (sd > 0 ? sd : 1.0));
        }
    }
    std::vector<int32_t> codes = kMeansRows(z, dim, bins, seed);
    int k = 0;
    for (int32_t c : codes)
        k = std::max(k, c + 1);
    QStringList levels;
    for (int c = 0; c < k; ++c)
        levels << QStringLiteral("cluster %1").arg(c);
    return Attribute::discrete(column.name(), AttributeType::Categorical, levels, std::move(codes));
}

Expected<GroupAssignment> assignGroups(const AttributeTable &table, const GroupOptions &options,
                                       const QString &datasetName)
{
    DataError err;
    err.file = datasetName;
    if (options.sensitive.isEmpty()) {
        err.detail = QStringLiteral("no sensitive attribute chosen");
        return err;
    }
    std::vector<Attribute> cols;
    for (const QString &name : options.sensitive) {
        if (!table.contains(name)) {
            err.field = name;
            err.expected =
                QStringLiteral("one of: %1").arg(table.names().join(QStringLiteral(", ")));
            err.found = QStringLiteral("no such attribute");
            return err;
        }
        Attribute a = binAttribute(table.column(name), options.binning, options.bins, options.seed);
        int used = 0;
        for (qint64 c : a.levelCounts())
            used += c > 0;
        if (used < 2) {
            err.field = name;
            err.expected = QStringLiteral("a sensitive attribute with at least 2 levels");
            err.found = QStringLiteral("%1 level(s) present").arg(used);
            return err;
        }
        cols.push_back(std::move(a));
    }
    GroupAssignment out;
    out.sensitive = options.sensitive;
    const qint64 n = table.rowCount();
    out.groupOf.assign(size_t(n), -1);
    QMap<std::vector<int32_t>, int> ids; // ordered so group numbering follows level order
    std::vector<std::vector<int32_t>> keys(static_cast<size_t>(n));
    for (qint64 r = 0; r < n; ++r) {
        std::vector<int32_t> key;
        bool missing = false;
        for (const Attribute &a : cols) {
            const int c = a.code(r);
            missing = missing || c < 0;
            key.push_back(c);
        }
        if (!missing)
            ids.insert(key, 0);
        keys[size_t(r)] = missing ? std::vector<int32_t>{} : std::move(key);
    }
    int next = 0;
    for (auto it = ids.begin(); it != ids.end(); ++it) {
        it.value() = next++;
        QStringList parts;
        for (size_t i = 0; i < cols.size(); ++i)
            parts << QStringLiteral("%1=%2").arg(cols[i].name(),
                                                 cols[i].levels().value(it.key()[i]));
        out.groups.push_back(Group{parts.join(QStringLiteral(" × ")), 0, false});
    }
    for (qint64 r = 0; r < n; ++r) {
        if (keys[size_t(r)].empty())
            continue;
        const int g = ids.value(keys[size_t(r)]);
        out.groupOf[size_t(r)] = g;
        ++out.groups[g].size;
    }
    for (Group &g : out.groups)
        g.tooSmall = g.size < options.minGroupSize;
    return out;
}

} // namespace equiscope
