#include "eval/bootstrap.h"

#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <thread>
#include <utility>

namespace equiscope {

namespace {

quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// All numbers of one metrics object in a fixed order: overall values, then each group's.
std::vector<double> flatten(const GroupMetrics &m)
{
    std::vector<double> out;
    for (const auto &kv : m.overallValues())
        out.push_back(kv.second);
    for (int g = 0; g < m.groups.size(); ++g)
        for (const auto &kv : m.groupValues(g))
            out.push_back(kv.second);
    return out;
}

QJsonObject estimatesToJson(const QMap<QString, Estimate> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), QJsonObject{{QStringLiteral("value"), numberToJson(it->value)},
                                       {QStringLiteral("lo"), numberToJson(it->lo)},
                                       {QStringLiteral("hi"), numberToJson(it->hi)}});
    return o;
}

QMap<QString, Estimate> estimatesFromJson(const QJsonObject &o)
{
    QMap<QString, Estimate> map;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject e = it.value().toObject();
        map.insert(it.key(), Estimate{numberFromJson(e.value(QStringLiteral("value"))),
                                      numberFromJson(e.value(QStringLiteral("lo"))),
                                      numberFromJson(e.value(QStringLiteral("hi")))});
    }
    return map;
}

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace

bool Estimate::operator==(const Estimate &o) const
{
    return sameNumber(value, o.value) && sameNumber(lo, o.lo) && sameNumber(hi, o.hi);
}

std::mt19937_64 resampleRng(quint64 seed, int index)
{
    return std::mt19937_64(splitmix64(splitmix64(seed) ^ quint64(index)));
}

std::vector<GroupCounts> resampleStratified(const std::vector<GroupCounts> &counts,
                                            std::mt19937_64 &rng)
{
    std::vector<GroupCounts> out = counts;
    for (GroupCounts &group : out) {
        qint64 remaining = group.size();
        qint64 remainingWeight = remaining;
        for (qint64 &cell : group.cells) {
            if (cell == 0)
                continue;
            const qint64 weight = cell;
            if (weight >= remainingWeight) {
                cell = remaining; // last non-empty cell takes what is left
            } else {
                std::binomial_distribution<qint64> draw(remaining,
                                                        double(weight) / double(remainingWeight));
                cell = remaining > 0 ? draw(rng) : 0;
            }
            remaining -= cell;
            remainingWeight -= weight;
        }
    }
    return out;
}

Expected<FairnessReport> evaluateFairness(const FairnessInput &input,
                                          const FairnessOptions &options)
{
    auto tallied = tallyGroupCounts(input, options);
    if (!tallied)
        return tallied.error();
    const std::vector<GroupCounts> &counts = tallied.value();
    const GroupMetrics point =
        groupMetricsFromCounts(counts, input.groupLabels, options.minGroupSize);
    const std::vector<double> pointValues = flatten(point);
    const size_t metricCount = pointValues.size();
    const int resamples = std::max(0, options.resamples);

    // samples[r * metricCount + m]: each resample writes its own row, so threads never share.
    std::vector<double> samples(size_t(resamples) * metricCount, kUndefined);
    auto work = [&](int first, int last) {
        for (int r = first; r < last; ++r) {
            std::mt19937_64 rng = resampleRng(options.seed, r);
            const GroupMetrics m = groupMetricsFromCounts(resampleStratified(counts, rng),
                                                          input.groupLabels, options.minGroupSize);
            const std::vector<double> v = flatten(m);
            std::copy(v.begin(), v.end(),
                      samples.begin() + std::ptrdiff_t(size_t(r) * metricCount));
        }
    };
    int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    threads = std::clamp(threads, 1, std::max(1, resamples / 16));
    if (threads == 1) {
        work(0, resamples);
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back(work, resamples * t / threads, resamples * (t + 1) / threads);
        for (std::thread &th : pool)
            th.join();
    }

    const double alpha = (1.0 - std::clamp(options.confidence, 0.0, 1.0)) / 2.0;
    std::vector<Estimate> estimates(metricCount);
    std::vector<double> column;
    for (size_t k = 0; k < metricCount; ++k) {
        Estimate &e = estimates[k];
        e.value = pointValues[k];
        if (std::isnan(e.value) || resamples == 0)
            continue;
        column.clear();
        for (int r = 0; r < resamples; ++r) {
            const double v = samples[size_t(r) * metricCount + k];
            if (!std::isnan(v))
                column.push_back(v);
        }
        std::sort(column.begin(), column.end());
        e.lo = sortedPercentile(column, alpha);
        e.hi = sortedPercentile(column, 1.0 - alpha);
    }

    FairnessReport report;
    report.numClasses = point.numClasses;
    report.sampleCount = point.sampleCount;
    report.minGroupSize = options.minGroupSize;
    report.resamples = resamples;
    report.confidence = options.confidence;
    report.seed = options.seed;
    size_t k = 0;
    for (const auto &kv : point.overallValues())
        report.overall.insert(kv.first, estimates[k++]);
    for (int g = 0; g < point.groups.size(); ++g) {
        const GroupRates &r = point.groups[g];
        GroupReport row{r.label, r.size, r.tooSmall, r.positives, r.negatives, {}};
        for (const auto &kv : point.groupValues(g))
            row.metrics.insert(kv.first, estimates[k++]);
        report.groups.push_back(row);
    }
    report.worstGroup = point.worstGroup;
    report.worstJudgedGroup = point.worstJudgedGroup;
    return report;
}

QJsonObject worstGroupsJson(const QJsonObject &fairnessReport)
{
    auto report = FairnessReport::fromJson(fairnessReport);
    return report ? report->worstGroupsJson() : QJsonObject{};
}

QJsonObject FairnessReport::worstGroupsJson() const
{
    QJsonObject o;
    auto add = [&](const char *key, int index, const QString &metric) {
        if (index < 0 || index >= groups.size())
            return;
        const GroupReport &g = groups[index];
        const Estimate e = overall.value(metric);
        QJsonObject w{{QStringLiteral("label"), g.label},
                      {QStringLiteral("size"), g.size},
                      {QStringLiteral("tooSmall"), g.tooSmall}};
        if (std::isfinite(e.value))
            w.insert(QStringLiteral("accuracy"), e.value);
        if (std::isfinite(e.lo) && std::isfinite(e.hi)) {
            w.insert(QStringLiteral("ciLow"), e.lo);
            w.insert(QStringLiteral("ciHigh"), e.hi);
        }
        o.insert(QLatin1String(key), w);
    };
    add("worst_group", worstGroup, QStringLiteral("worst_group_accuracy"));
    add("worst_judged_group", worstJudgedGroup, QStringLiteral("worst_judged_group_accuracy"));
    return o;
}

QJsonObject FairnessReport::toJson() const
{
    QJsonArray groupArray;
    for (const GroupReport &g : groups)
        groupArray.append(QJsonObject{{QStringLiteral("label"), g.label},
                                      {QStringLiteral("size"), g.size},
                                      {QStringLiteral("tooSmall"), g.tooSmall},
                                      {QStringLiteral("positives"), g.positives},
                                      {QStringLiteral("negatives"), g.negatives},
                                      {QStringLiteral("metrics"), estimatesToJson(g.metrics)}});
    return QJsonObject{{QStringLiteral("numClasses"), numClasses},
                       {QStringLiteral("sampleCount"), sampleCount},
                       {QStringLiteral("minGroupSize"), minGroupSize},
                       {QStringLiteral("resamples"), resamples},
                       {QStringLiteral("confidence"), confidence},
                       {QStringLiteral("seed"), QString::number(seed)},
                       {QStringLiteral("overall"), estimatesToJson(overall)},
                       {QStringLiteral("groups"), groupArray},
                       {QStringLiteral("worstGroup"), worstGroup},
                       {QStringLiteral("worstJudgedGroup"), worstJudgedGroup}};
}

Expected<FairnessReport> FairnessReport::fromJson(const QJsonObject &json)
{
    if (!json.value(QStringLiteral("overall")).isObject() ||
        !json.value(QStringLiteral("groups")).isArray()) {
        DataError e;
        e.field = QStringLiteral("fairness report");
        e.expected = QStringLiteral("an object with 'overall' and 'groups'");
        e.found = QStringLiteral("keys %1").arg(json.keys().join(QStringLiteral(", ")));
        return e;
    }
    FairnessReport r;
    r.numClasses = json.value(QStringLiteral("numClasses")).toInt(2);
    r.sampleCount = json.value(QStringLiteral("sampleCount")).toInteger();
    r.minGroupSize = json.value(QStringLiteral("minGroupSize")).toInt(30);
    r.resamples = json.value(QStringLiteral("resamples")).toInt();
    r.confidence = json.value(QStringLiteral("confidence")).toDouble(0.95);
    r.seed = json.value(QStringLiteral("seed")).toString().toULongLong();
    r.overall = estimatesFromJson(json.value(QStringLiteral("overall")).toObject());
    for (const QJsonValue &v : json.value(QStringLiteral("groups")).toArray()) {
        const QJsonObject o = v.toObject();
        r.groups.push_back(
            GroupReport{o.value(QStringLiteral("label")).toString(),
                        o.value(QStringLiteral("size")).toInteger(),
                        o.value(QStringLiteral("tooSmall")).toBool(),
                        o.value(QStringLiteral("positives")).toInteger(),
                        o.value(QStringLiteral("negatives")).toInteger(),
                        estimatesFromJson(o.value(QStringLiteral("metrics")).toObject())});
    }
    // Indices into the groups just read (absent in reports of older versions: none).
    for (auto [key, index] : {std::pair{"worstGroup", &r.worstGroup},
                              std::pair{"worstJudgedGroup", &r.worstJudgedGroup}}) {
        const int i = json.value(QLatin1String(key)).toInt(-1);
        *index = i >= 0 && i < r.groups.size() ? i : -1;
    }
    return r;
}

} // namespace equiscope
