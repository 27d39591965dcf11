#include "eval/subgroupscan.h"

#include "data/groupassignment.h"
#include "eval/summarystats.h"
#include "util/texttable.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtConcurrent>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <random>

namespace equiscope {

namespace {

constexpr uint8_t kMissing = 255;
constexpr double kZ95 = 1.959963984540054;

double xLogY(double x, double y)
{
    return x > 0 ? x * std::log(y) : 0.0;
}

/// Log-likelihood of k events in n Bernoulli trials at the rate k / n.
double bernoulliLogLikelihood(double k, double n)
{
    return n > 0 ? xLogY(k, k / n) + xLogY(n - k, 1 - k / n) : 0.0;
}

/// The log-likelihood ratio of "the subgroup has a rate of its own" against "one rate for all"
/// (the expectation-free Bernoulli scan statistic; docs/design/bias-discovery.md), and the best
/// any subset of a subgroup can reach — what lets the search prune.
class Scorer
{
public:
    Scorer(qint64 rows, qint64 events, bool twoSided, qint64 minSize)
        : m_n(double(rows)), m_k(double(events)), m_twoSided(twoSided), m_min(double(minSize)),
          m_base(bernoulliLogLikelihood(double(events), double(rows)))
    {
    }

    double score(double n, double k) const
    {
        return std::max(directed(n, k, true), m_twoSided ? directed(n, k, false) : 0.0);
    }

    /// An upper bound on the score of any subset with at least minSize rows of a subgroup with
    /// n rows and k events. Higher rate: the best subset keeps every event and as few other rows
    /// as allowed (max(k, minSize) rows); lower rate: the same with the non-events.
    double bound(double n, double k) const
    {
        const double high = directed(std::max(k, m_min), k, true);
        if (!m_twoSided)
            return high;
        const double quiet = n - k;
        const double m = std::max(quiet, m_min);
        return std::max(high, directed(m, m - quiet, false));
    }

private:
    double directed(double n, double k, bool higher) const
    {
        if (n <= 0 || n >= m_n)
            return 0;
        const double inside = k / n, outside = (m_k - k) / (m_n - n);
        if (higher ? inside <= outside : inside >= outside)
            return 0;
        return bernoulliLogLikelihood(k, n) + bernoulliLogLikelihood(m_k - k, m_n - n) - m_base;
    }

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

/// The prepared attributes: a level code per eligible row, row-major (row × attributes).
struct CodeMatrix
{
    int attributes = 0;
    qint64 rows = 0;
    std::vector<int> levels;   ///< per attribute
    std::vector<uint8_t> code; ///< kMissing where unknown
    uint8_t at(qint64 r, int a) const { return code[size_t(r) * size_t(attributes) + size_t(a)]; }
};

/// One scan over the codes and the outcomes (0/1 per row): the best slices, pruned by bounds.
/// @p scored counts the subgroups scored (at least minSize rows).
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

/// A numeric column with a few distinct values (a coded category such as 0…5) as a discrete
/// attribute of those values; other numeric columns in quantile bins.
Attribute discreteForScan(const Attribute &column, int bins, quint64 seed)
{
    if (column.isDiscrete())
        return column;
    std::vector<float> distinct;
    for (qint64 r = 0; r < column.size() && distinct.size() <= 10; ++r) {
        const float v = column.value(r);
        if (std::isfinite(v) && std::find(distinct.begin(), distinct.end(), v) == distinct.end())
            distinct.push_back(v);
    }
    if (distinct.size() > 10)
        return binAttribute(column, BinningMethod::Quantile, bins, seed);
    std::sort(distinct.begin(), distinct.end());
    QStringList levels;
    for (const float v : distinct)
        levels << QString::number(double(v));
    std::vector<int32_t> codes(static_cast<size_t>(column.size()), -1);
    for (qint64 r = 0; r < column.size(); ++r) {
        const auto at = std::find(distinct.begin(), distinct.end(), column.value(r));
        if (at != distinct.end())
            codes[size_t(r)] = int32_t(at - distinct.begin());
    }
    return Attribute::discrete(column.name(), AttributeType::Categorical, levels, codes);
}

void wilson(qint64 k, qint64 n, double *low, double *high)
{
    if (n <= 0) {
        *low = *high = kUndefined;
        return;
    }
    const double p = double(k) / double(n), z2 = kZ95 * kZ95, nn = double(n);
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = kZ95 * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
    *low = std::max(0.0, centre - half);
    *high = std::min(1.0, centre + half);
}

QString percent(double v)
{
    return std::isfinite(v) ? QString::number(100 * v, 'f', 1) + QLatin1Char('%')
                            : QStringLiteral("—");
}

} // namespace

QString subgroupMetricName(SubgroupMetric metric)
{
    switch (metric) {
    case SubgroupMetric::Error:
        return QStringLiteral("error");
    case SubgroupMetric::FalseNegative:
        return QStringLiteral("fnr");
    case SubgroupMetric::FalsePositive:
        return QStringLiteral("fpr");
    case SubgroupMetric::Selection:
        return QStringLiteral("selection");
    }
    return {};
}

Expected<SubgroupMetric> subgroupMetricFromName(const QString &name)
{
    for (const SubgroupMetric m : {SubgroupMetric::Error, SubgroupMetric::FalseNegative,
                                   SubgroupMetric::FalsePositive, SubgroupMetric::Selection})
        if (subgroupMetricName(m) == name)
            return m;
    return fieldError({}, QStringLiteral("scan metric"),
                      QStringLiteral("error, fnr, fpr or selection"), name);
}

std::vector<int8_t> subgroupOutcomes(SubgroupMetric metric, const std::vector<int> &labels,
                                     const std::vector<int> &predictions)
{
    std::vector<int8_t> out(labels.size(), -1);
    for (size_t i = 0; i < labels.size() && i < predictions.size(); ++i) {
        const int y = labels[i], p = predictions[i];
        if (y < 0 || p < 0)
            continue;
        switch (metric) {
        case SubgroupMetric::Error:
            out[i] = int8_t(p != y);
            break;
        case SubgroupMetric::FalseNegative:
            out[i] = y == 1 ? int8_t(p != 1) : int8_t(-1);
            break;
        case SubgroupMetric::FalsePositive:
            out[i] = y == 0 ? int8_t(p == 1) : int8_t(-1);
            break;
        case SubgroupMetric::Selection:
            out[i] = int8_t(p == 1);
            break;
        }
    }
    return out;
}

QString Subgroup::label() const
{
    QStringList parts;
    for (const SubgroupCondition &c : conditions)
        parts << c.attribute + QLatin1Char('=') + c.level;
    return parts.join(QStringLiteral(" × "));
}

Expected<SubgroupScan> scanSubgroups(const AttributeTable &attributes,
                                     const std::vector<int8_t> &outcome,
                                     const SubgroupScanOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const auto error = [&](const QString &detail) { return fileError(options.source, detail); };
    if (options.maxConditions < 1 || options.maxConditions > 3 || options.minGroupSize < 1 ||
        options.nullReplicates < 0 || !(options.alpha > 0 && options.alpha < 1) ||
        options.top < 1 || options.bins < 2 || options.maxLevels < 2 || options.maxLevels > 254)
        return error(QStringLiteral("subgroup scan options out of range: 1 to 3 conditions, a "
                                    "group size of at least 1, alpha in (0, 1), 2 to 254 levels"));
    if (qint64(outcome.size()) != attributes.rowCount())
        return error(QStringLiteral("%1 outcomes for %2 rows")
                         .arg(outcome.size())
                         .arg(attributes.rowCount()));
    SubgroupScan scan;
    scan.metric = options.metric;
    scan.options = options;
    scan.options.cancel = nullptr;
    std::vector<qint64> eligible;
    for (qint64 r = 0; r < qint64(outcome.size()); ++r)
        if (outcome[size_t(r)] >= 0)
            eligible.push_back(r);
    scan.rows = qint64(eligible.size());
    std::vector<uint8_t> events(eligible.size());
    for (size_t i = 0; i < eligible.size(); ++i) {
        events[i] = uint8_t(outcome[size_t(eligible[i])] > 0);
        scan.events += events[i];
    }
    if (scan.rows < 2 * options.minGroupSize)
        return error(QStringLiteral("%1 rows where the %2 rate is defined: fewer than twice the "
                                    "minimum group size (%3)")
                         .arg(scan.rows)
                         .arg(subgroupMetricName(options.metric))
                         .arg(options.minGroupSize));
    scan.overallRate = double(scan.events) / double(scan.rows);

    // Prepare the attributes: continuous ones in quantile bins, every level coded on the
    // eligible rows.
    CodeMatrix m;
    std::vector<QStringList> levelNames;
    std::vector<std::vector<uint8_t>> columns;
    for (const Attribute &column : attributes.columns()) {
        if (column.type() == AttributeType::Vector) {
            scan.skipped.append(
                {column.name(), QStringLiteral("a vector attribute (bin it into groups first)")});
            continue;
        }
        const Attribute a = discreteForScan(column, options.bins, options.seed);
        const int levels = int(a.levels().size());
        std::vector<qint64> counts(size_t(std::max(levels, 1)), 0);
        std::vector<uint8_t> codes(eligible.size(), kMissing);
        for (size_t i = 0; i < eligible.size(); ++i) {
            const int c = a.code(eligible[i]);
            if (c >= 0 && c < levels && levels <= options.maxLevels) {
                codes[i] = uint8_t(c);
                ++counts[size_t(c)];
            }
        }
        const int present =
            int(std::count_if(counts.begin(), counts.end(), [](qint64 c) { return c > 0; }));
        if (levels > options.maxLevels)
            scan.skipped.append(
                {a.name(), QStringLiteral("%1 levels, more than %2 (an identifier?)")
                               .arg(levels)
                               .arg(options.maxLevels)});
        else if (present == 0)
            scan.skipped.append({a.name(), QStringLiteral("every value is missing")});
        else if (present < 2)
            scan.skipped.append({a.name(), QStringLiteral("one level only")});
        else {
            scan.attributes << a.name();
            levelNames.push_back(a.levels());
            m.levels.push_back(levels);
            columns.push_back(std::move(codes));
        }
    }
    if (columns.empty())
        return error(QStringLiteral("nothing to scan: no attribute with two or more levels%1")
                         .arg(scan.skipped.isEmpty() ? QString()
                                                     : QStringLiteral(" (left out: %1: %2)")
                                                           .arg(scan.skipped.first().first,
                                                                scan.skipped.first().second)));
    m.attributes = int(columns.size());
    m.rows = scan.rows;
    m.code.resize(size_t(m.rows) * size_t(m.attributes));
    for (qint64 r = 0; r < m.rows; ++r)
        for (int a = 0; a < m.attributes; ++a)
            m.code[size_t(r) * size_t(m.attributes) + size_t(a)] = columns[size_t(a)][size_t(r)];
    {
        // Intersections of 1 … maxConditions attributes, one level each.
        const int A = m.attributes;
        double possible = 0;
        for (int a = 0; a < A; ++a) {
            possible += m.levels[size_t(a)];
            for (int b = a + 1; b < A && options.maxConditions >= 2; ++b) {
                possible += double(m.levels[size_t(a)]) * m.levels[size_t(b)];
                for (int c = b + 1; c < A && options.maxConditions >= 3; ++c)
                    possible +=
                        double(m.levels[size_t(a)]) * m.levels[size_t(b)] * m.levels[size_t(c)];
            }
        }
        scan.subgroupsPossible = qint64(possible);
    }
    if (scan.events == 0 || scan.events == scan.rows) {
        scan.warnings << QStringLiteral("every row has the same outcome (rate %1): no subgroup can "
                                        "deviate")
                             .arg(percent(scan.overallRate));
        scan.seconds = double(timer.nsecsElapsed()) / 1e9;
        return scan;
    }
    const Scorer scorer(scan.rows, scan.events, options.metric == SubgroupMetric::Selection,
                        options.minGroupSize);
    // Room for the subgroups that refine or generalise a better one and are not reported.
    const std::vector<Slice> best =
        searchSlices(m, events, scorer, options.maxConditions, options.minGroupSize,
                     options.top * 4, &scan.subgroupsScored);

    // The search-wide null: the outcomes shuffled across the rows, the whole search run again,
    // its best score kept. A subgroup's p-value is the share of these maxima that reach its
    // score (Westfall–Young), so it already pays for every subgroup searched.
    std::vector<int> replicates(size_t(options.nullReplicates));
    std::iota(replicates.begin(), replicates.end(), 0);
    scan.nullMaxima.assign(replicates.size(), 0.0);
    QtConcurrent::blockingMap(replicates, [&](int i) {
        if (options.cancel && options.cancel->load())
            return;
        std::vector<uint8_t> shuffled = events;
        std::mt19937_64 rng(options.seed * 0x9E3779B97F4A7C15ull +
                            quint64(i + 1) * 0xD1B54A32D192ED03ull);
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        const std::vector<Slice> top = searchSlices(m, shuffled, scorer, options.maxConditions,
                                                    options.minGroupSize, 1, nullptr);
        scan.nullMaxima[size_t(i)] = top.empty() ? 0.0 : top.front().score;
    });
    if (options.cancel && options.cancel->load())
        return error(QStringLiteral("cancelled"));
    std::sort(scan.nullMaxima.begin(), scan.nullMaxima.end());

    // Report by peeling: the best subgroup first, then each next one scored on the rows outside
    // the subgroups already reported — a subgroup that deviates only because it overlaps a worse
    // one (a=1 × b=2 × f=2 beside a=1 × b=2 × c=0) scores little there and is not listed.
    std::vector<char> taken(size_t(scan.rows), 0);
    std::vector<Slice> pool = best;
    while (int(scan.subgroups.size()) < options.top && !pool.empty()) {
        qint64 restRows = 0, restEvents = 0;
        for (qint64 r = 0; r < scan.rows; ++r)
            if (!taken[size_t(r)]) {
                ++restRows;
                restEvents += events[size_t(r)];
            }
        const Scorer remaining(restRows, restEvents, options.metric == SubgroupMetric::Selection,
                               options.minGroupSize);
        double bestScore = 0;
        size_t pick = pool.size();
        for (size_t i = 0; i < pool.size(); ++i) {
            qint64 n = 0, k = 0;
            for (qint64 r = 0; r < scan.rows; ++r)
                if (!taken[size_t(r)] && matches(m, r, pool[i])) {
                    ++n;
                    k += events[size_t(r)];
                }
            const double score =
                n >= options.minGroupSize ? remaining.score(double(n), double(k)) : 0.0;
            if (score > bestScore) {
                bestScore = score;
                pick = i;
            }
        }
        if (pick == pool.size())
            break;
        const Slice s = pool[pick];
        pool.erase(pool.begin() + std::ptrdiff_t(pick));
        for (qint64 r = 0; r < scan.rows; ++r)
            if (matches(m, r, s))
                taken[size_t(r)] = 1;
        Subgroup g;
        for (int c = 0; c < s.conditions; ++c)
            g.conditions.append(
                {scan.attributes.at(s.attribute[size_t(c)]),
                 levelNames[size_t(s.attribute[size_t(c)])].value(s.level[size_t(c)])});
        g.size = s.n;
        g.events = s.k;
        g.rate = double(s.k) / double(s.n);
        wilson(s.k, s.n, &g.rateLow, &g.rateHigh);
        const qint64 restN = scan.rows - s.n, restK = scan.events - s.k;
        g.restRate = double(restK) / double(restN);
        g.gap = g.rate - g.restRate;
        const double se = std::sqrt(g.rate * (1 - g.rate) / double(s.n) +
                                    g.restRate * (1 - g.restRate) / double(restN));
        g.gapLow = g.gap - kZ95 * se;
        g.gapHigh = g.gap + kZ95 * se;
        g.score = bestScore;
        const auto reach = std::lower_bound(scan.nullMaxima.begin(), scan.nullMaxima.end(),
                                            g.score - 1e-9 * std::max(1.0, g.score));
        const qint64 atLeast = qint64(scan.nullMaxima.end() - reach);
        g.pValue = double(1 + atLeast) / double(1 + scan.nullMaxima.size());
        g.significant = options.nullReplicates > 0 && g.pValue <= options.alpha;
        scan.subgroups.push_back(g);
    }
    if (options.nullReplicates > 0 && 1.0 / (1 + options.nullReplicates) > options.alpha)
        scan.warnings << QStringLiteral("%1 null scans cannot show significance at alpha %2")
                             .arg(options.nullReplicates)
                             .arg(options.alpha);
    scan.seconds = double(timer.nsecsElapsed()) / 1e9;
    return scan;
}

QJsonObject SubgroupScan::toJson() const
{
    QJsonArray groups;
    for (const Subgroup &g : subgroups) {
        QJsonArray conditions;
        for (const SubgroupCondition &c : g.conditions)
            conditions.append(QJsonObject{{QStringLiteral("attribute"), c.attribute},
                                          {QStringLiteral("level"), c.level}});
        groups.append(QJsonObject{
            {QStringLiteral("label"), g.label()},
            {QStringLiteral("conditions"), conditions},
            {QStringLiteral("size"), g.size},
            {QStringLiteral("events"), g.events},
            {QStringLiteral("rate"), numberToJson(g.rate)},
            {QStringLiteral("rate_ci"),
             QJsonArray{numberToJson(g.rateLow), numberToJson(g.rateHigh)}},
            {QStringLiteral("rest_rate"), numberToJson(g.restRate)},
            {QStringLiteral("gap"), numberToJson(g.gap)},
            {QStringLiteral("gap_ci"), QJsonArray{numberToJson(g.gapLow), numberToJson(g.gapHigh)}},
            {QStringLiteral("score"), numberToJson(g.score)},
            {QStringLiteral("p"), numberToJson(g.pValue)},
            {QStringLiteral("significant"), g.significant}});
    }
    QJsonArray skippedJson;
    for (const auto &s : skipped)
        skippedJson.append(
            QJsonObject{{QStringLiteral("name"), s.first}, {QStringLiteral("reason"), s.second}});
    return QJsonObject{{QStringLiteral("metric"), subgroupMetricName(metric)},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("events"), events},
                       {QStringLiteral("overall_rate"), numberToJson(overallRate)},
                       {QStringLiteral("attributes"), QJsonArray::fromStringList(attributes)},
                       {QStringLiteral("skipped"), skippedJson},
                       {QStringLiteral("subgroups"), groups},
                       {QStringLiteral("subgroups_scored"), subgroupsScored},
                       {QStringLiteral("subgroups_possible"), subgroupsPossible},
                       {QStringLiteral("null_replicates"), options.nullReplicates},
                       {QStringLiteral("alpha"), options.alpha},
                       {QStringLiteral("min_group_size"), options.minGroupSize},
                       {QStringLiteral("max_conditions"), options.maxConditions},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
}

QString SubgroupScan::toText() const
{
    static const QStringList rateNames{
        QStringLiteral("error rate"), QStringLiteral("false negative rate"),
        QStringLiteral("false positive rate"), QStringLiteral("selection rate")};
    const QString rateName = rateNames.value(int(metric));
    QString text = QStringLiteral("worst-subgroup scan of the %1: %2 rows, overall %3; %4 "
                                  "attributes, %5 of %6 subgroups scored (up to %7 conditions, "
                                  "at least %8 rows); %9 null scans; %10 s\n")
                       .arg(rateName)
                       .arg(rows)
                       .arg(percent(overallRate))
                       .arg(attributes.size())
                       .arg(subgroupsScored)
                       .arg(subgroupsPossible)
                       .arg(options.maxConditions)
                       .arg(options.minGroupSize)
                       .arg(options.nullReplicates)
                       .arg(seconds, 0, 'f', 1);
    QVector<QStringList> table{{QStringLiteral("subgroup"), QStringLiteral("rows"), rateName,
                                QStringLiteral("rest"), QStringLiteral("gap"),
                                QStringLiteral("score"), QStringLiteral("p (search-wide)"),
                                QString()}};
    for (const Subgroup &g : subgroups)
        table.append({g.label(), QString::number(g.size),
                      QStringLiteral("%1 [%2, %3]")
                          .arg(percent(g.rate), percent(g.rateLow), percent(g.rateHigh)),
                      percent(g.restRate),
                      QStringLiteral("%1 [%2, %3]")
                          .arg(percent(g.gap), percent(g.gapLow), percent(g.gapHigh)),
                      QString::number(g.score, 'f', 1), QString::number(g.pValue, 'g', 3),
                      g.significant ? QStringLiteral("significant") : QString()});
    text += alignedColumns(table);
    const qint64 found = std::count_if(subgroups.begin(), subgroups.end(),
                                       [](const Subgroup &g) { return g.significant; });
    text += QStringLiteral("  (score: on the rows outside the subgroups above it; rates: on all "
                           "of the subgroup's rows)\n");
    text += found == 0
                ? QStringLiteral(
                      "no subgroup deviates significantly (alpha %1, corrected for the search)\n")
                      .arg(options.alpha)
                : QStringLiteral(
                      "%1 subgroup(s) deviate significantly (alpha %2, corrected for the search)\n")
                      .arg(found)
                      .arg(options.alpha);
    for (const auto &s : skipped)
        text += QStringLiteral("left out: %1: %2\n").arg(s.first, s.second);
    for (const QString &w : warnings)
        text += QStringLiteral("warning: %1\n").arg(w);
    return text;
}

} // namespace equiscope
