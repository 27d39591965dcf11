#include "eval/associationscan.h"

#include "eval/associationstatistics.h"
#include "eval/summarystats.h"
#include "util/texttable.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace equiscope {

namespace {

/// One attribute on the sampled rows: discrete codes (-1 = missing) or numbers standardised per
/// component (NaN = missing), so that distances do not depend on a component's unit.
struct ScanColumn
{
    QString name;
    AttributeType type = AttributeType::Categorical;
    bool discrete = true;
    int dim = 1;
    int levels = 0;
    std::vector<int32_t> codes;
    std::vector<double> values;

    bool missing(qint64 r) const
    {
        return discrete ? codes[size_t(r)] < 0 : std::isnan(values[size_t(r) * size_t(dim)]);
    }
};

/// Fills @p column from the sampled @p rows of @p a; returns why the attribute cannot be
/// scanned, or an empty string.
QString prepareColumn(const Attribute &a, const std::vector<qint64> &rows, ScanColumn *column)
{
    column->name = a.name();
    column->type = a.type();
    column->discrete = a.isDiscrete();
    const qint64 n = qint64(rows.size());
    if (column->discrete) {
        column->levels = int(a.levels().size());
        column->codes.resize(size_t(n));
        std::vector<qint64> counts(size_t(column->levels), 0);
        qint64 known = 0;
        for (qint64 r = 0; r < n; ++r) {
            const int c = a.code(rows[size_t(r)]);
            column->codes[size_t(r)] = c >= 0 && c < column->levels ? c : -1;
            if (column->codes[size_t(r)] >= 0) {
                ++counts[size_t(c)];
                ++known;
            }
        }
        const qint64 distinct =
            std::count_if(counts.begin(), counts.end(), [](qint64 c) { return c > 0; });
        if (known == 0)
            return QStringLiteral("every value is missing");
        if (distinct < 2) {
            const auto only =
                std::find_if(counts.begin(), counts.end(), [](qint64 c) { return c > 0; });
            return QStringLiteral("one level only ('%1')")
                .arg(a.levels().value(int(only - counts.begin())));
        }
        if (distinct > 50 && distinct * 2 > known)
            return QStringLiteral("an identifier, not an attribute: %1 distinct values in %2 rows")
                .arg(distinct)
                .arg(known);
        return {};
    }
    const int dim = std::max(1, a.dim());
    column->dim = dim;
    column->values.assign(size_t(n) * size_t(dim), std::numeric_limits<double>::quiet_NaN());
    std::vector<double> sum(static_cast<size_t>(dim), 0), sumSquares(static_cast<size_t>(dim), 0);
    qint64 known = 0;
    for (qint64 r = 0; r < n; ++r) {
        bool complete = true;
        for (int c = 0; c < dim; ++c)
            complete = complete && std::isfinite(a.value(rows[size_t(r)], c));
        if (!complete)
            continue; // a vector with a missing component is missing as a whole
        ++known;
        for (int c = 0; c < dim; ++c) {
            const double v = a.value(rows[size_t(r)], c);
            column->values[size_t(r) * size_t(dim) + size_t(c)] = v;
            sum[size_t(c)] += v;
            sumSquares[size_t(c)] += v * v;
        }
    }
    if (known == 0)
        return QStringLiteral("every value is missing");
    bool varies = false;
    std::vector<double> mean(static_cast<size_t>(dim)), scale(static_cast<size_t>(dim));
    for (int c = 0; c < dim; ++c) {
        mean[size_t(c)] = sum[size_t(c)] / double(known);
        const double variance = std::max(0.0, sumSquares[size_t(c)] / double(known) -
                                                  mean[size_t(c)] * mean[size_t(c)]);
        const double sd = std::sqrt(variance);
        const bool constant = !(sd > 1e-12 * std::max(1.0, std::abs(mean[size_t(c)])));
        scale[size_t(c)] = constant ? 0.0 : 1.0 / sd;
        varies = varies || !constant;
    }
    if (!varies)
        return QStringLiteral("constant: every known value is %1").arg(mean[0]);
    for (qint64 r = 0; r < n; ++r)
        for (int c = 0; c < dim; ++c) {
            double &v = column->values[size_t(r) * size_t(dim) + size_t(c)];
            if (!std::isnan(v))
                v = (v - mean[size_t(c)]) * scale[size_t(c)];
        }
    return {};
}

/// The number of distinct codes in @p codes (all in 0..levels-1).
int distinctLevels(const std::vector<int32_t> &codes, int levels)
{
    std::vector<char> seen(size_t(std::max(levels, 1)), 0);
    int distinct = 0;
    for (const int32_t c : codes)
        if (!seen[size_t(c)]) {
            seen[size_t(c)] = 1;
            ++distinct;
        }
    return distinct;
}

/// Renumbers codes densely (0..distinct-1, in order of first appearance); returns distinct.
int renumberLevels(std::vector<int32_t> *codes, int levels)
{
    std::vector<int32_t> dense(size_t(std::max(levels, 1)), -1);
    int next = 0;
    for (int32_t &c : *codes) {
        if (dense[size_t(c)] < 0)
            dense[size_t(c)] = next++;
        c = dense[size_t(c)];
    }
    return next;
}

/// Leaves out the rows of levels seen fewer than @p minimum times — in @p a, and in @p b when
/// given; repeated until stable, since leaving out rows can make another level rare — and
/// renumbers the levels densely. Returns how many levels were left out.
int dropRareLevels(std::vector<int32_t> *a, std::vector<int32_t> *b, std::vector<qint64> *rows,
                   int levelsA, int levelsB, qint64 minimum, int *outLevelsA, int *outLevelsB)
{
    const int usedBefore = distinctLevels(*a, levelsA) + (b ? distinctLevels(*b, levelsB) : 0);
    for (bool changed = true; changed;) {
        std::vector<qint64> countA(size_t(std::max(levelsA, 1)), 0),
            countB(size_t(std::max(levelsB, 1)), 0);
        for (size_t i = 0; i < a->size(); ++i) {
            ++countA[size_t((*a)[i])];
            if (b)
                ++countB[size_t((*b)[i])];
        }
        size_t keep = 0;
        for (size_t i = 0; i < a->size(); ++i) {
            if (countA[size_t((*a)[i])] < minimum || (b && countB[size_t((*b)[i])] < minimum))
                continue;
            (*a)[keep] = (*a)[i];
            if (b)
                (*b)[keep] = (*b)[i];
            (*rows)[keep] = (*rows)[i];
            ++keep;
        }
        changed = keep < a->size();
        a->resize(keep);
        if (b)
            b->resize(keep);
        rows->resize(keep);
    }
    *outLevelsA = renumberLevels(a, levelsA);
    *outLevelsB = b ? renumberLevels(b, levelsB) : 0;
    return usedBefore - *outLevelsA - *outLevelsB;
}

std::vector<double> numbersOf(const ScanColumn &c, const std::vector<qint64> &rows)
{
    std::vector<double> v;
    v.reserve(rows.size() * size_t(c.dim));
    for (const qint64 r : rows)
        for (int k = 0; k < c.dim; ++k)
            v.push_back(c.values[size_t(r) * size_t(c.dim) + size_t(k)]);
    return v;
}

std::vector<int32_t> codesOf(const ScanColumn &c, const std::vector<qint64> &rows)
{
    std::vector<int32_t> v;
    v.reserve(rows.size());
    for (const qint64 r : rows)
        v.push_back(c.codes[size_t(r)]);
    return v;
}

AssociationPair testPair(const ScanColumn &x, const ScanColumn &y, const AssociationScanOptions &o,
                         quint64 pairSeed)
{
    AssociationPair p;
    p.pValue = std::numeric_limits<double>::quiet_NaN();
    std::mt19937_64 rng(pairSeed);
    std::vector<qint64> rows;
    for (qint64 r = 0; r < qint64(x.discrete ? x.codes.size() : x.values.size() / size_t(x.dim));
         ++r)
        if (!x.missing(r) && !y.missing(r))
            rows.push_back(r);
    const auto cancelled = [&] { return o.cancel && o.cancel->load(); };
    const auto rareNote = [&](int dropped) {
        return dropped > 0 ? QStringLiteral("%1 level(s) with fewer than %2 rows left out")
                                 .arg(dropped)
                                 .arg(o.minimumGroupSize)
                           : QString();
    };
    const bool bothDiscrete = x.discrete && y.discrete;
    const bool ratio =
        (x.discrete && !y.discrete && y.dim == 1) || (y.discrete && !x.discrete && x.dim == 1);
    if (bothDiscrete) {
        p.statistic = AssociationStatistic::CramersV;
        std::vector<int32_t> a = codesOf(x, rows), b = codesOf(y, rows);
        int la = 0, lb = 0;
        const int dropped =
            dropRareLevels(&a, &b, &rows, x.levels, y.levels, o.minimumGroupSize, &la, &lb);
        p.note = rareNote(dropped);
        p.rows = qint64(rows.size());
        if (la < 2 || lb < 2) {
            p.note =
                QStringLiteral("fewer than two levels with at least %1 rows where both are known")
                    .arg(o.minimumGroupSize);
            return p;
        }
        p.value = cramersV(a, la, b, lb);
        std::vector<int32_t> shuffled = b;
        const auto t = permutationTest(
            p.value, o.permutations, o.stopAfterExceedances,
            [&] {
                std::shuffle(shuffled.begin(), shuffled.end(), rng);
                return cramersV(a, la, shuffled, lb);
            },
            cancelled);
        p.pValue = t.pValue;
        p.permutations = t.permutations;
        return p;
    }
    if (ratio) {
        p.statistic = AssociationStatistic::CorrelationRatio;
        const ScanColumn &groupsColumn = x.discrete ? x : y;
        const ScanColumn &valuesColumn = x.discrete ? y : x;
        std::vector<int32_t> groups = codesOf(groupsColumn, rows);
        int levels = 0, unused = 0;
        const int dropped = dropRareLevels(&groups, nullptr, &rows, groupsColumn.levels, 0,
                                           o.minimumGroupSize, &levels, &unused);
        p.note = rareNote(dropped);
        p.rows = qint64(rows.size());
        if (levels < 2) {
            p.note =
                QStringLiteral("fewer than two levels with at least %1 rows where both are known")
                    .arg(o.minimumGroupSize);
            return p;
        }
        const std::vector<double> values = numbersOf(valuesColumn, rows);
        p.value = correlationRatio(groups, levels, values);
        std::vector<int32_t> shuffled = groups;
        const auto t = permutationTest(
            p.value, o.permutations, o.stopAfterExceedances,
            [&] {
                std::shuffle(shuffled.begin(), shuffled.end(), rng);
                return correlationRatio(shuffled, levels, values);
            },
            cancelled);
        p.pValue = t.pValue;
        p.permutations = t.permutations;
        return p;
    }
    // Distance correlation on the first rows of the (already shuffled) sample: its work grows
    // with the square of the rows.
    p.statistic = AssociationStatistic::DistanceCorrelation;
    if (qint64(rows.size()) > o.distanceRows)
        rows.resize(size_t(o.distanceRows));
    p.rows = qint64(rows.size());
    if (p.rows < 10) {
        p.note = QStringLiteral("fewer than 10 rows where both are known");
        return p;
    }
    const auto distances = [&](const ScanColumn &c) {
        return c.discrete ? UCentredDistances(codesOf(c, rows))
                          : UCentredDistances(numbersOf(c, rows), c.dim);
    };
    const UCentredDistances da = distances(x), db = distances(y);
    const double observed = biasCorrectedDistanceCorrelation(da, db);
    p.value = std::sqrt(std::clamp(observed, 0.0, 1.0));
    std::vector<qint64> permutation(rows.size());
    std::iota(permutation.begin(), permutation.end(), 0);
    const auto t = permutationTest(
        observed, o.permutations, o.stopAfterExceedances,
        [&] {
            std::shuffle(permutation.begin(), permutation.end(), rng);
            return biasCorrectedDistanceCorrelation(da, db, &permutation);
        },
        cancelled);
    p.pValue = t.pValue;
    p.permutations = t.permutations;
    return p;
}

QString strengthWord(double value)
{
    return value >= 0.5   ? QStringLiteral("strong")
           : value >= 0.3 ? QStringLiteral("moderate")
                          : QStringLiteral("weak");
}

QString qText(double q)
{
    return q < 0.001 ? QStringLiteral("q < 0.001") : QStringLiteral("q = %1").arg(q, 0, 'g', 2);
}

} // namespace

QString associationStatisticName(AssociationStatistic statistic)
{
    switch (statistic) {
    case AssociationStatistic::CramersV:
        return QStringLiteral("cramers_v");
    case AssociationStatistic::CorrelationRatio:
        return QStringLiteral("correlation_ratio");
    case AssociationStatistic::DistanceCorrelation:
        return QStringLiteral("distance_correlation");
    }
    return {};
}

QString associationStatisticSymbol(AssociationStatistic statistic)
{
    switch (statistic) {
    case AssociationStatistic::CramersV:
        return QStringLiteral("V");
    case AssociationStatistic::CorrelationRatio:
        return QStringLiteral("η");
    case AssociationStatistic::DistanceCorrelation:
        return QStringLiteral("dCor");
    }
    return {};
}

const AssociationPair *AssociationScan::pair(int i, int j) const
{
    for (const AssociationPair &p : pairs)
        if ((p.a == i && p.b == j) || (p.a == j && p.b == i))
            return &p;
    return nullptr;
}

Expected<AssociationScan> scanAssociations(const AttributeTable &table,
                                           const AssociationScanOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const auto error = [&](const QString &field, const QString &detail) {
        DataError e = fileError(options.source, detail);
        e.field = field;
        return e;
    };
    if (options.maxRows < 10 || options.distanceRows < 10 || options.permutations < 1 ||
        !(options.falseDiscoveryRate > 0 && options.falseDiscoveryRate < 1) ||
        options.minimumGroupSize < 1)
        return error({}, QStringLiteral("scan options out of range: at least 10 rows, 1 "
                                        "permutation, a group size of 1, a false discovery rate "
                                        "in (0, 1)"));
    if (!options.target.isEmpty() && !table.contains(options.target))
        return error(options.target,
                     QStringLiteral("no attribute '%1' to use as the target (have: %2)")
                         .arg(options.target, table.names().join(QStringLiteral(", "))));
    AssociationScan scan;
    scan.rows = std::max<qint64>(0, table.rowCount());
    scan.target = options.target;
    scan.options = options;
    scan.options.cancel = nullptr;
    scan.options.progress = {};

    // One seeded sample for every pair, in shuffled order (distance correlation takes a prefix).
    std::vector<qint64> rows(size_t(scan.rows));
    std::iota(rows.begin(), rows.end(), 0);
    std::mt19937_64 rng(options.seed ^ 0x5CA11AB1Eull);
    std::shuffle(rows.begin(), rows.end(), rng);
    if (qint64(rows.size()) > options.maxRows)
        rows.resize(size_t(options.maxRows));
    scan.sampledRows = qint64(rows.size());

    std::vector<ScanColumn> columns;
    for (const Attribute &a : table.columns()) {
        ScanColumn c;
        const QString reason = prepareColumn(a, rows, &c);
        if (!reason.isEmpty()) {
            if (a.name() == options.target)
                return error(
                    a.name(),
                    QStringLiteral("the target '%1' cannot be scanned: %2").arg(a.name(), reason));
            scan.skipped.append({a.name(), reason});
            continue;
        }
        scan.attributes << a.name();
        scan.attributeTypes << attributeTypeName(a.type());
        columns.push_back(std::move(c));
    }
    if (columns.size() < 2)
        return error({}, QStringLiteral("nothing to scan: %1 usable attribute(s)%2")
                             .arg(columns.size())
                             .arg(scan.skipped.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" (left out: %1)")
                                            .arg(scan.skipped.first().first + QStringLiteral(", ") +
                                                 scan.skipped.first().second)));

    const int m = int(columns.size());
    for (int i = 0; i < m; ++i)
        for (int j = i + 1; j < m; ++j) {
            AssociationPair p;
            p.a = i;
            p.b = j;
            scan.pairs.push_back(p);
        }
    std::vector<int> indices(scan.pairs.size());
    std::iota(indices.begin(), indices.end(), 0);
    std::atomic<int> done{0};
    // Each pair draws its permutations from its own generator: the result does not depend on
    // the threads or the order the pairs run in.
    QtConcurrent::blockingMap(indices, [&](int index) {
        if (options.cancel && options.cancel->load())
            return;
        AssociationPair &p = scan.pairs[size_t(index)];
        const quint64 pairSeed =
            options.seed * 0x9E3779B97F4A7C15ull + quint64(index + 1) * 0xBF58476D1CE4E5B9ull;
        const int a = p.a, b = p.b;
        p = testPair(columns[size_t(a)], columns[size_t(b)], options, pairSeed);
        p.a = a;
        p.b = b;
        const int finished = ++done;
        if (options.progress)
            options.progress(finished, int(scan.pairs.size()));
    });
    if (options.cancel && options.cancel->load())
        return error({}, QStringLiteral("cancelled"));

    std::vector<double> pValues;
    for (const AssociationPair &p : scan.pairs)
        pValues.push_back(p.pValue);
    const std::vector<double> q = benjaminiHochberg(pValues);
    for (size_t i = 0; i < scan.pairs.size(); ++i) {
        AssociationPair &p = scan.pairs[i];
        p.qValue = q[i];
        p.significant = !std::isnan(q[i]) && q[i] <= options.falseDiscoveryRate;
    }

    std::vector<double> distance(size_t(m) * size_t(m), 1.0);
    for (int i = 0; i < m; ++i)
        distance[size_t(i) * size_t(m) + size_t(i)] = 0;
    for (const AssociationPair &p : scan.pairs)
        if (!std::isnan(p.pValue))
            distance[size_t(p.a) * size_t(m) + size_t(p.b)] =
                distance[size_t(p.b) * size_t(m) + size_t(p.a)] = 1.0 - p.value;
    scan.order = averageLinkageOrder(distance, m);

    const int targetIndex = int(scan.attributes.indexOf(options.target));
    for (size_t i = 0; i < scan.pairs.size(); ++i) {
        const AssociationPair &p = scan.pairs[i];
        if (!p.significant || p.value < options.minimumEffect)
            continue;
        AssociationFinding f;
        f.pair = int(i);
        f.involvesTarget = targetIndex >= 0 && (p.a == targetIndex || p.b == targetIndex);
        const QString measure = QStringLiteral("%1 = %2 (%3; %4, %5 rows)")
                                    .arg(associationStatisticSymbol(p.statistic))
                                    .arg(p.value, 0, 'f', 2)
                                    .arg(strengthWord(p.value), qText(p.qValue))
                                    .arg(p.rows);
        if (f.involvesTarget) {
            const QString other = scan.attributes.at(p.a == targetIndex ? p.b : p.a);
            f.text =
                QStringLiteral("%1 predicts the target %2: %3").arg(other, options.target, measure);
        } else {
            f.text = QStringLiteral("%1 goes with %2: %3")
                         .arg(scan.attributes.at(p.a), scan.attributes.at(p.b), measure);
        }
        scan.findings.push_back(f);
    }
    std::stable_sort(scan.findings.begin(), scan.findings.end(),
                     [&](const AssociationFinding &x, const AssociationFinding &y) {
                         if (x.involvesTarget != y.involvesTarget)
                             return x.involvesTarget;
                         return scan.pairs[size_t(x.pair)].value > scan.pairs[size_t(y.pair)].value;
                     });
    scan.seconds = double(timer.nsecsElapsed()) / 1e9;
    return scan;
}

QJsonObject associationScanJson(const AssociationScan &scan)
{
    QJsonArray attributes;
    for (int i = 0; i < scan.attributes.size(); ++i)
        attributes.append(QJsonObject{{QStringLiteral("name"), scan.attributes.at(i)},
                                      {QStringLiteral("type"), scan.attributeTypes.at(i)}});
    QJsonArray skipped;
    for (const auto &s : scan.skipped)
        skipped.append(
            QJsonObject{{QStringLiteral("name"), s.first}, {QStringLiteral("reason"), s.second}});
    QJsonArray pairs;
    for (const AssociationPair &p : scan.pairs) {
        QJsonObject o{{QStringLiteral("a"), scan.attributes.at(p.a)},
                      {QStringLiteral("b"), scan.attributes.at(p.b)},
                      {QStringLiteral("statistic"), associationStatisticName(p.statistic)},
                      {QStringLiteral("value"), numberToJson(p.value)},
                      {QStringLiteral("p"), numberToJson(p.pValue)},
                      {QStringLiteral("q"), numberToJson(p.qValue)},
                      {QStringLiteral("permutations"), p.permutations},
                      {QStringLiteral("rows"), p.rows},
                      {QStringLiteral("significant"), p.significant}};
        if (!p.note.isEmpty())
            o.insert(QStringLiteral("note"), p.note);
        pairs.append(o);
    }
    QJsonArray order, findings;
    for (const int i : scan.order)
        order.append(scan.attributes.at(i));
    for (const AssociationFinding &f : scan.findings)
        findings.append(
            QJsonObject{{QStringLiteral("text"), f.text},
                        {QStringLiteral("a"), scan.attributes.at(scan.pairs[size_t(f.pair)].a)},
                        {QStringLiteral("b"), scan.attributes.at(scan.pairs[size_t(f.pair)].b)},
                        {QStringLiteral("target"), f.involvesTarget}});
    const AssociationScanOptions &o = scan.options;
    return QJsonObject{
        {QStringLiteral("rows"), scan.rows},
        {QStringLiteral("sampled_rows"), scan.sampledRows},
        {QStringLiteral("target"), scan.target},
        {QStringLiteral("attributes"), attributes},
        {QStringLiteral("skipped"), skipped},
        {QStringLiteral("pairs"), pairs},
        {QStringLiteral("order"), order},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("seconds"), scan.seconds},
        {QStringLiteral("options"),
         QJsonObject{{QStringLiteral("max_rows"), o.maxRows},
                     {QStringLiteral("distance_rows"), o.distanceRows},
                     {QStringLiteral("permutations"), o.permutations},
                     {QStringLiteral("stop_after_exceedances"), o.stopAfterExceedances},
                     {QStringLiteral("false_discovery_rate"), o.falseDiscoveryRate},
                     {QStringLiteral("minimum_effect"), o.minimumEffect},
                     {QStringLiteral("minimum_group_size"), o.minimumGroupSize},
                     {QStringLiteral("seed"), QString::number(o.seed)}}}};
}

QString associationScanText(const AssociationScan &scan)
{
    QString text =
        QStringLiteral("association scan: %1 attributes, %2 pairs, %3 of %4 rows%5; "
                       "%6 s\n")
            .arg(scan.attributes.size())
            .arg(scan.pairs.size())
            .arg(scan.sampledRows)
            .arg(scan.rows)
            .arg(scan.target.isEmpty() ? QString() : QStringLiteral(", target %1").arg(scan.target))
            .arg(scan.seconds, 0, 'f', 1);
    text += QStringLiteral("findings (q ≤ %1, strength ≥ %2):\n")
                .arg(scan.options.falseDiscoveryRate)
                .arg(scan.options.minimumEffect);
    if (scan.findings.empty())
        text += QStringLiteral("  none\n");
    for (const AssociationFinding &f : scan.findings)
        text += QStringLiteral("  ") + f.text + QLatin1Char('\n');
    std::vector<size_t> byValue(scan.pairs.size());
    std::iota(byValue.begin(), byValue.end(), 0);
    std::stable_sort(byValue.begin(), byValue.end(),
                     [&](size_t x, size_t y) { return scan.pairs[x].value > scan.pairs[y].value; });
    QVector<QStringList> rows{{QStringLiteral("pair"), QStringLiteral("statistic"),
                               QStringLiteral("value"), QStringLiteral("p"), QStringLiteral("q"),
                               QStringLiteral("rows"), QString()}};
    for (const size_t i : byValue) {
        const AssociationPair &p = scan.pairs[i];
        const bool tested = !std::isnan(p.pValue);
        rows.append({scan.attributes.at(p.a) + QStringLiteral(" × ") + scan.attributes.at(p.b),
                     associationStatisticSymbol(p.statistic),
                     tested ? QString::number(p.value, 'f', 3) : QStringLiteral("—"),
                     tested ? QString::number(p.pValue, 'g', 3) : QStringLiteral("—"),
                     tested ? QString::number(p.qValue, 'g', 3) : QStringLiteral("—"),
                     QString::number(p.rows), p.note});
    }
    text += QStringLiteral("pairs by strength:\n") + alignedColumns(rows);
    if (!scan.skipped.isEmpty()) {
        text += QStringLiteral("left out:\n");
        for (const auto &s : scan.skipped)
            text += QStringLiteral("  %1: %2\n").arg(s.first, s.second);
    }
    return text;
}

} // namespace equiscope
