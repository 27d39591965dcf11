#include "eval/associationstatistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace equiscope {

double cramersV(const std::vector<int32_t> &a, int levelsA, const std::vector<int32_t> &b,
                int levelsB)
{
    const qint64 n = qint64(a.size());
    if (n < 2 || levelsA < 2 || levelsB < 2 || qint64(b.size()) != n)
        return 0;
    std::vector<qint64> table(size_t(levelsA) * size_t(levelsB), 0), rowSum(size_t(levelsA), 0),
        colSum(size_t(levelsB), 0);
    for (qint64 i = 0; i < n; ++i) {
        ++table[size_t(a[size_t(i)]) * size_t(levelsB) + size_t(b[size_t(i)])];
        ++rowSum[size_t(a[size_t(i)])];
        ++colSum[size_t(b[size_t(i)])];
    }
    // χ²/n = Σ n_ij² / (r_i c_j) − 1, without forming the expected counts.
    double sum = 0;
    for (int r = 0; r < levelsA; ++r)
        for (int c = 0; c < levelsB; ++c) {
            const qint64 o = table[size_t(r) * size_t(levelsB) + size_t(c)];
            if (o > 0)
                sum +=
                    double(o) * double(o) / (double(rowSum[size_t(r)]) * double(colSum[size_t(c)]));
        }
    // Levels absent from these rows do not count (they would inflate the correction).
    const int rows =
        int(std::count_if(rowSum.begin(), rowSum.end(), [](qint64 s) { return s > 0; }));
    const int cols =
        int(std::count_if(colSum.begin(), colSum.end(), [](qint64 s) { return s > 0; }));
    if (rows < 2 || cols < 2)
        return 0;
    const double phi2 = std::max(0.0, sum - 1);
    // Bergsma (2013): subtract the expected φ² of independent columns, shrink the level counts.
    const double nm1 = double(n - 1);
    const double phi2Corrected = std::max(0.0, phi2 - double(rows - 1) * double(cols - 1) / nm1);
    const double rowsCorrected = rows - double(rows - 1) * double(rows - 1) / nm1;
    const double colsCorrected = cols - double(cols - 1) * double(cols - 1) / nm1;
    const double denominator = std::min(rowsCorrected - 1, colsCorrected - 1);
    if (!(denominator > 0))
        return 0;
    return std::min(1.0, std::sqrt(phi2Corrected / denominator));
}

double correlationRatio(const std::vector<int32_t> &groups, int levels,
                        const std::vector<double> &values)
{
    const size_t n = values.size();
    if (n < 2 || groups.size() != n || levels < 1)
        return 0;
    double mean = 0;
    for (const double v : values)
        mean += v;
    mean /= double(n);
    std::vector<double> groupSum(size_t(levels), 0);
    std::vector<qint64> groupCount(size_t(levels), 0);
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
        const double d = values[i] - mean;
        total += d * d;
        groupSum[size_t(groups[i])] += d;
        ++groupCount[size_t(groups[i])];
    }
    if (!(total > 0))
        return 0;
    // Between-group sum of squares from the centred group sums: Σ_g (Σ_{i∈g} d_i)² / n_g.
    double between = 0;
    for (int g = 0; g < levels; ++g)
        if (groupCount[size_t(g)] > 0)
            between += groupSum[size_t(g)] * groupSum[size_t(g)] / double(groupCount[size_t(g)]);
    return std::sqrt(std::clamp(between / total, 0.0, 1.0));
}

UCentredDistances::UCentredDistances(const std::vector<double> &rows, int dim)
    : m_n(dim > 0 ? qint64(rows.size()) / dim : 0), m_d(size_t(m_n * m_n), 0.0)
{
    for (qint64 i = 0; i < m_n; ++i)
        for (qint64 j = i + 1; j < m_n; ++j) {
            double s = 0;
            for (int c = 0; c < dim; ++c) {
                const double d = rows[size_t(i * dim + c)] - rows[size_t(j * dim + c)];
                s += d * d;
            }
            m_d[size_t(i * m_n + j)] = m_d[size_t(j * m_n + i)] = std::sqrt(s);
        }
    centre();
}

UCentredDistances::UCentredDistances(const std::vector<int32_t> &codes)
    : m_n(qint64(codes.size())), m_d(size_t(m_n * m_n), 0.0)
{
    for (qint64 i = 0; i < m_n; ++i)
        for (qint64 j = i + 1; j < m_n; ++j)
            m_d[size_t(i * m_n + j)] = m_d[size_t(j * m_n + i)] =
                codes[size_t(i)] != codes[size_t(j)] ? 1.0 : 0.0;
    centre();
}

void UCentredDistances::centre()
{
    const qint64 n = m_n;
    if (n < 4) {
        std::fill(m_d.begin(), m_d.end(), 0.0);
        return;
    }
    std::vector<double> rowSum(size_t(n), 0.0);
    double all = 0;
    for (qint64 i = 0; i < n; ++i) {
        for (qint64 j = 0; j < n; ++j)
            rowSum[size_t(i)] += m_d[size_t(i * n + j)];
        all += rowSum[size_t(i)];
    }
    // Ã_ij = a_ij − a_i·/(n−2) − a_·j/(n−2) + a_··/((n−1)(n−2)) off the diagonal, 0 on it.
    const double n2 = double(n - 2), n12 = double(n - 1) * double(n - 2);
    for (qint64 i = 0; i < n; ++i)
        for (qint64 j = 0; j < n; ++j)
            m_d[size_t(i * n + j)] = i == j ? 0.0
                                            : m_d[size_t(i * n + j)] - rowSum[size_t(i)] / n2 -
                                                  rowSum[size_t(j)] / n2 + all / n12;
}

double UCentredDistances::dot(const UCentredDistances &other,
                              const std::vector<qint64> *permutation) const
{
    const qint64 n = m_n;
    if (n < 4 || other.m_n != n)
        return 0;
    double s = 0;
    for (qint64 i = 0; i < n; ++i) {
        const double *a = m_d.data() + i * n;
        if (permutation) {
            const double *b = other.m_d.data() + (*permutation)[size_t(i)] * n;
            for (qint64 j = 0; j < n; ++j)
                s += a[j] * b[(*permutation)[size_t(j)]];
        } else {
            const double *b = other.m_d.data() + i * n;
            for (qint64 j = 0; j < n; ++j)
                s += a[j] * b[j];
        }
    }
    return s / (double(n) * double(n - 3));
}

double biasCorrectedDistanceCorrelation(const UCentredDistances &a, const UCentredDistances &b,
                                        const std::vector<qint64> *permutation)
{
    // The self products do not change under a permutation of the rows.
    const double aa = a.dot(a), bb = b.dot(b);
    if (!(aa > 0) || !(bb > 0))
        return 0;
    return a.dot(b, permutation) / std::sqrt(aa * bb);
}

PermutationTest permutationTest(double observed, int maxPermutations, int stopAfter,
                                const std::function<double()> &permutedStatistic,
                                const std::function<bool()> &cancelled)
{
    PermutationTest t;
    // A relative tolerance: a permutation that reproduces the observed table counts as reaching
    // it even when the sums were added in another order.
    const double reach = observed - 1e-12 * std::max(1.0, std::abs(observed));
    for (int i = 0; i < maxPermutations; ++i) {
        if (cancelled && (i & 15) == 0 && cancelled())
            break;
        ++t.permutations;
        if (permutedStatistic() >= reach && ++t.exceedances >= stopAfter && stopAfter > 0) {
            t.pValue = double(t.exceedances) / double(t.permutations);
            return t;
        }
    }
    t.pValue = double(1 + t.exceedances) / double(1 + t.permutations);
    return t;
}

std::vector<double> benjaminiHochberg(const std::vector<double> &pValues)
{
    std::vector<size_t> order;
    for (size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i]))
            order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](size_t x, size_t y) { return pValues[x] < pValues[y]; });
    std::vector<double> q(pValues.size(), std::numeric_limits<double>::quiet_NaN());
    const double m = double(order.size());
    double running = 1;
    for (size_t r = order.size(); r-- > 0;) {
        running = std::min(running, pValues[order[r]] * m / double(r + 1));
        q[order[r]] = running;
    }
    return q;
}

std::vector<int> averageLinkageOrder(const std::vector<double> &distances, int n)
{
    if (n <= 0)
        return {};
    // Each cluster: its members in leaf order. Merging the two closest (average distance between
    // members) appends the second's leaves to the first's.
    std::vector<std::vector<int>> clusters(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        clusters[size_t(i)] = {i};
    const auto linkage = [&](const std::vector<int> &x, const std::vector<int> &y) {
        double s = 0;
        for (const int i : x)
            for (const int j : y)
                s += distances[size_t(i) * size_t(n) + size_t(j)];
        return s / double(x.size() * y.size());
    };
    while (clusters.size() > 1) {
        size_t bestX = 0, bestY = 1;
        double best = std::numeric_limits<double>::infinity();
        for (size_t x = 0; x < clusters.size(); ++x)
            for (size_t y = x + 1; y < clusters.size(); ++y) {
                const double d = linkage(clusters[x], clusters[y]);
                if (d < best) {
                    best = d;
                    bestX = x;
                    bestY = y;
                }
            }
        clusters[bestX].insert(clusters[bestX].end(), clusters[bestY].begin(),
                               clusters[bestY].end());
        clusters.erase(clusters.begin() + std::ptrdiff_t(bestY));
    }
    return clusters.front();
}

} // namespace equiscope
