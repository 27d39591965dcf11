#include "eval/subgroupsearch.h"

#include <algorithm>
#include <cmath>

namespace equiscope::subgroupsearch {

namespace {

double xLogY(double x, double y)
{
    return x > 0 ? x * std::log(y) : 0.0;
}

/// Log-likelihood of k events in n Bernoulli trials at the rate k / n.
double bernoulliLogLikelihood(double k, double n)
{
    return n > 0 ? xLogY(k, k / n) + xLogY(n - k, 1 - k / n) : 0.0;
}

/// The best @p capacity slices seen so far; its lowest score is the pruning threshold.
class TopSlices
{
public:
    explicit TopSlices(int capacity) : m_capacity(size_t(std::max(1, capacity))) {}
    double threshold() const { return m_best.size() < m_capacity ? 0.0 : m_best.back().score; }
    void offer(const Slice &s)
    {
        if (!(s.score > threshold()))
            return;
        const auto at = std::upper_bound(m_best.begin(), m_best.end(), s.score,
                                         [](double v, const Slice &x) { return v > x.score; });
        m_best.insert(at, s);
        if (m_best.size() > m_capacity)
            m_best.pop_back();
    }
    const std::vector<Slice> &best() const { return m_best; }

private:
    size_t m_capacity;
    std::vector<Slice> m_best;
};

} // namespace

Scorer::Scorer(qint64 rows, qint64 events, bool twoSided, qint64 minSize)
    : m_n(double(rows)), m_k(double(events)), m_twoSided(twoSided), m_min(double(minSize)),
      m_base(bernoulliLogLikelihood(double(events), double(rows)))
{
}

double Scorer::score(double n, double k) const
{
    return std::max(directed(n, k, true), m_twoSided ? directed(n, k, false) : 0.0);
}

double Scorer::bound(double n, double k) const
{
    const double high = directed(std::max(k, m_min), k, true);
    if (!m_twoSided)
        return high;
    const double quiet = n - k;
    const double m = std::max(quiet, m_min);
    return std::max(high, directed(m, m - quiet, false));
}

double Scorer::directed(double n, double k, bool higher) const
{
    if (n <= 0 || n >= m_n)
        return 0;
    const double inside = k / n, outside = (m_k - k) / (m_n - n);
    if (higher ? inside <= outside : inside >= outside)
        return 0;
    return bernoulliLogLikelihood(k, n) + bernoulliLogLikelihood(m_k - k, m_n - n) - m_base;
}

std::vector<Slice> searchSlices(const CodeMatrix &m, const std::vector<uint8_t> &outcome,
                                const Scorer &scorer, int maxConditions, qint64 minSize,
                                int capacity, qint64 *scored)
{
    TopSlices top(capacity);
    const int A = m.attributes;
    qint64 count = 0;
    const auto consider = [&](Slice s) {
        if (s.n < minSize)
            return;
        ++count;
        s.score = scorer.score(double(s.n), double(s.k));
        top.offer(s);
    };
    // Level 1: every attribute's levels.
    std::vector<std::vector<qint64>> n1(static_cast<size_t>(A)), k1(static_cast<size_t>(A));
    for (int a = 0; a < A; ++a) {
        n1[size_t(a)].assign(size_t(m.levels[size_t(a)]), 0);
        k1[size_t(a)].assign(size_t(m.levels[size_t(a)]), 0);
    }
    for (qint64 r = 0; r < m.rows; ++r)
        for (int a = 0; a < A; ++a) {
            const uint8_t v = m.at(r, a);
            if (v != kMissing) {
                ++n1[size_t(a)][v];
                k1[size_t(a)][v] += outcome[size_t(r)];
            }
        }
    for (int a = 0; a < A; ++a)
        for (int v = 0; v < m.levels[size_t(a)]; ++v) {
            Slice s;
            s.attribute[0] = a;
            s.level[0] = v;
            s.conditions = 1;
            s.n = n1[size_t(a)][size_t(v)];
            s.k = k1[size_t(a)][size_t(v)];
            consider(s);
        }
    // A slice is extended only when it is large enough and its bound can beat the current best:
    // an extension has fewer rows and events, so its bound is no higher (Apriori-style pruning).
    const auto alive = [&](qint64 n, qint64 k) {
        return n >= minSize && scorer.bound(double(n), double(k)) > top.threshold();
    };
    std::vector<std::vector<char>> alive1(static_cast<size_t>(A));
    for (int a = 0; a < A; ++a) {
        alive1[size_t(a)].resize(size_t(m.levels[size_t(a)]));
        for (int v = 0; v < m.levels[size_t(a)]; ++v)
            alive1[size_t(a)][size_t(v)] =
                alive(n1[size_t(a)][size_t(v)], k1[size_t(a)][size_t(v)]);
    }
    if (maxConditions >= 2) {
        // Level 2: pairs of attributes, counted in one pass each over the rows of live levels.
        std::vector<std::vector<qint64>> n2(static_cast<size_t>(A * A)),
            k2(static_cast<size_t>(A * A));
        for (int a = 0; a < A; ++a)
            for (int b = a + 1; b < A; ++b) {
                const int la = m.levels[size_t(a)], lb = m.levels[size_t(b)];
                auto &n = n2[size_t(a * A + b)];
                auto &k = k2[size_t(a * A + b)];
                n.assign(size_t(la * lb), 0);
                k.assign(size_t(la * lb), 0);
                if (std::none_of(alive1[size_t(a)].begin(), alive1[size_t(a)].end(),
                                 [](char c) { return c; }) ||
                    std::none_of(alive1[size_t(b)].begin(), alive1[size_t(b)].end(),
                                 [](char c) { return c; }))
                    continue;
                for (qint64 r = 0; r < m.rows; ++r) {
                    const uint8_t va = m.at(r, a), vb = m.at(r, b);
                    if (va == kMissing || vb == kMissing || !alive1[size_t(a)][va] ||
                        !alive1[size_t(b)][vb])
                        continue;
                    ++n[size_t(va * lb + vb)];
                    k[size_t(va * lb + vb)] += outcome[size_t(r)];
                }
                for (int va = 0; va < la; ++va)
                    for (int vb = 0; vb < lb; ++vb) {
                        Slice s;
                        s.attribute = {a, b, -1};
                        s.level = {va, vb, -1};
                        s.conditions = 2;
                        s.n = n[size_t(va * lb + vb)];
                        s.k = k[size_t(va * lb + vb)];
                        consider(s);
                    }
            }
        if (maxConditions >= 3) {
            std::vector<std::vector<char>> alive2(static_cast<size_t>(A * A));
            for (int a = 0; a < A; ++a)
                for (int b = a + 1; b < A; ++b) {
                    const auto &n = n2[size_t(a * A + b)];
                    auto &live = alive2[size_t(a * A + b)];
                    live.resize(n.size());
                    for (size_t c = 0; c < n.size(); ++c)
                        live[c] = alive(n[c], k2[size_t(a * A + b)][c]);
                }
            const auto anyAlive = [&](int a, int b) {
                const auto &live = alive2[size_t(a * A + b)];
                return std::any_of(live.begin(), live.end(), [](char c) { return c; });
            };
            std::vector<qint64> n3, k3;
            for (int a = 0; a < A; ++a)
                for (int b = a + 1; b < A; ++b) {
                    if (!anyAlive(a, b))
                        continue;
                    for (int c = b + 1; c < A; ++c) {
                        if (!anyAlive(a, c) || !anyAlive(b, c))
                            continue;
                        const int la = m.levels[size_t(a)], lb = m.levels[size_t(b)],
                                  lc = m.levels[size_t(c)];
                        const auto &ab = alive2[size_t(a * A + b)];
                        const auto &ac = alive2[size_t(a * A + c)];
                        const auto &bc = alive2[size_t(b * A + c)];
                        n3.assign(size_t(la * lb * lc), 0);
                        k3.assign(size_t(la * lb * lc), 0);
                        for (qint64 r = 0; r < m.rows; ++r) {
                            const uint8_t va = m.at(r, a), vb = m.at(r, b), vc = m.at(r, c);
                            if (va == kMissing || vb == kMissing || vc == kMissing ||
                                !ab[size_t(va * lb + vb)] || !ac[size_t(va * lc + vc)] ||
                                !bc[size_t(vb * lc + vc)])
                                continue;
                            const size_t cell = size_t((va * lb + vb) * lc + vc);
                            ++n3[cell];
                            k3[cell] += outcome[size_t(r)];
                        }
                        for (int va = 0; va < la; ++va)
                            for (int vb = 0; vb < lb; ++vb)
                                for (int vc = 0; vc < lc; ++vc) {
                                    const size_t cell = size_t((va * lb + vb) * lc + vc);
                                    Slice s;
                                    s.attribute = {a, b, c};
                                    s.level = {va, vb, vc};
                                    s.conditions = 3;
                                    s.n = n3[cell];
                                    s.k = k3[cell];
                                    consider(s);
                                }
                    }
                }
        }
    }
    if (scored)
        *scored = count;
    return top.best();
}

bool matches(const CodeMatrix &m, qint64 row, const Slice &s)
{
    for (int c = 0; c < s.conditions; ++c)
        if (m.at(row, s.attribute[size_t(c)]) != s.level[size_t(c)])
            return false;
    return true;
}

} // namespace equiscope::subgroupsearch
