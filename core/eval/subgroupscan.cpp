#include "eval/subgroupscan.h"

#include "data/groupassignment.h"
#include "eval/subgroupsearch.h"
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

using namespace subgroupsearch;

namespace {

constexpr double kZ95 = 1.959963984540054;

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
