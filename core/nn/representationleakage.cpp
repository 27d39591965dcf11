#include "nn/representationleakage.h"

#include "eval/summarystats.h"
#include "nn/linearprobe_p.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace equiscope {

namespace {

/// Seeded assignment of @p rows rows to @p folds folds of (nearly) equal size.
std::vector<int> foldsOf(qint64 rows, int folds, quint64 seed)
{
    std::vector<int> fold(static_cast<size_t>(rows));
    for (qint64 i = 0; i < rows; ++i)
        fold[size_t(i)] = int(i % folds);
    std::mt19937_64 rng(seed ^ 0xF01DF01Dull);
    std::shuffle(fold.begin(), fold.end(), rng);
    return fold;
}

/// The rows of fold @p f (test) and of every other fold (train); false when either is empty.
bool splitFold(const std::vector<int> &fold, int f, std::vector<int64_t> *train,
               std::vector<int64_t> *test)
{
    for (size_t i = 0; i < fold.size(); ++i)
        (fold[i] == f ? test : train)->push_back(int64_t(i));
    return !train->empty() && !test->empty();
}

torch::Tensor rowsOf(const torch::Tensor &x, const std::vector<int64_t> &rows)
{
    return x.index_select(0, torch::tensor(rows, torch::kLong));
}

/// Percentile interval of @p statistic over bootstrap resamples of @p n rows.
template <typename Statistic>
void bootstrapInterval(qint64 n, int resamples, quint64 seed, const Statistic &statistic,
                       double *low, double *high)
{
    if (resamples < 2 || n < 2) {
        *low = *high = kUndefined;
        return;
    }
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<qint64> pick(0, n - 1);
    std::vector<qint64> sample(static_cast<size_t>(n));
    std::vector<double> values;
    values.reserve(size_t(resamples));
    for (int b = 0; b < resamples; ++b) {
        for (auto &s : sample)
            s = pick(rng);
        values.push_back(statistic(sample));
    }
    std::sort(values.begin(), values.end());
    *low = sortedPercentile(values, 0.025);
    *high = sortedPercentile(values, 0.975);
}

AttributeLeakage probeDiscrete(const torch::Tensor &x, const Attribute &a, const LeakageOptions &o)
{
    AttributeLeakage out;
    out.attribute = a.name();
    out.measure = QStringLiteral("accuracy");
    out.value = kUndefined;
    const int levels = int(a.levels().size());
    if (levels > o.maxLevels) {
        out.note =
            QStringLiteral("%1 levels, more than %2 (an identifier?)").arg(levels).arg(o.maxLevels);
        return out;
    }
    std::vector<qint64> counts(size_t(std::max(levels, 1)), 0);
    for (qint64 r = 0; r < a.size(); ++r)
        if (a.code(r) >= 0 && a.code(r) < levels)
            ++counts[size_t(a.code(r))];
    // Levels too rare to learn or to test are left out, with their rows.
    std::vector<int> dense(size_t(std::max(levels, 1)), -1);
    int kept = 0, dropped = 0;
    for (int l = 0; l < levels; ++l) {
        if (counts[size_t(l)] >= o.minLevelCount)
            dense[size_t(l)] = kept++;
        else if (counts[size_t(l)] > 0)
            ++dropped;
    }
    std::vector<int64_t> rows, labels;
    for (qint64 r = 0; r < a.size(); ++r) {
        const int c = a.code(r);
        if (c >= 0 && c < levels && dense[size_t(c)] >= 0) {
            rows.push_back(r);
            labels.push_back(dense[size_t(c)]);
        }
    }
    out.levels = kept;
    out.rows = qint64(rows.size());
    if (dropped > 0)
        out.note = QStringLiteral("%1 level(s) with fewer than %2 rows left out")
                       .arg(dropped)
                       .arg(o.minLevelCount);
    if (kept < 2 || out.rows < 2 * o.folds) {
        out.note = QStringLiteral("not probed: fewer than two levels with at least %1 rows")
                       .arg(o.minLevelCount);
        return out;
    }
    const torch::Tensor features = rowsOf(x, rows);
    const torch::Tensor y = torch::tensor(labels, torch::kLong);
    const std::vector<int> fold = foldsOf(out.rows, o.folds, o.seed);
    std::vector<char> correct(rows.size(), 0);
    for (int f = 0; f < o.folds; ++f) {
        std::vector<int64_t> train, test;
        if (!splitFold(fold, f, &train, &test))
            continue;
        const torch::Tensor trainY = rowsOf(y, train);
        // A fold whose training rows hold one level only predicts that level.
        const auto predicted =
            fitPredictLogistic(rowsOf(features, train), trainY, kept, rowsOf(features, test), o.l2)
                .to(torch::kLong)
                .contiguous();
        const int64_t *p = predicted.data_ptr<int64_t>();
        for (size_t i = 0; i < test.size(); ++i)
            correct[size_t(test[i])] = p[i] == labels[size_t(test[i])];
    }
    const auto accuracy = [&](const std::vector<qint64> &sample) {
        double s = 0;
        for (const qint64 i : sample)
            s += correct[size_t(i)];
        return s / double(sample.size());
    };
    std::vector<qint64> all(rows.size());
    std::iota(all.begin(), all.end(), 0);
    out.value = accuracy(all);
    bootstrapInterval(out.rows, o.resamples, o.seed + 1, accuracy, &out.low, &out.high);
    qint64 commonest = 0;
    for (int l = 0; l < levels; ++l)
        if (dense[size_t(l)] >= 0)
            commonest = std::max(commonest, counts[size_t(l)]);
    out.chance = double(commonest) / double(out.rows);
    return out;
}

AttributeLeakage probeNumbers(const torch::Tensor &x, const Attribute &a, const LeakageOptions &o)
{
    AttributeLeakage out;
    out.attribute = a.name();
    out.measure = QStringLiteral("r2");
    out.value = kUndefined;
    const int dim = std::max(1, a.dim());
    std::vector<int64_t> rows;
    std::vector<float> values;
    for (qint64 r = 0; r < a.size(); ++r) {
        bool complete = true;
        for (int c = 0; c < dim; ++c)
            complete = complete && std::isfinite(a.value(r, c));
        if (!complete)
            continue;
        rows.push_back(r);
        for (int c = 0; c < dim; ++c)
            values.push_back(a.value(r, c));
    }
    out.rows = qint64(rows.size());
    if (out.rows < 2 * o.folds) {
        out.note = QStringLiteral("not probed: %1 rows with a value").arg(out.rows);
        return out;
    }
    const torch::Tensor features = rowsOf(x, rows);
    const torch::Tensor y =
        torch::from_blob(values.data(), {out.rows, dim}, torch::kFloat32).clone();
    const std::vector<int> fold = foldsOf(out.rows, o.folds, o.seed);
    std::vector<double> residual(values.size(), 0.0);
    for (int f = 0; f < o.folds; ++f) {
        std::vector<int64_t> train, test;
        if (!splitFold(fold, f, &train, &test))
            continue;
        const auto predicted = fitPredictLinear(rowsOf(features, train), rowsOf(y, train),
                                                rowsOf(features, test), o.ridge)
                                   .to(torch::kFloat64)
                                   .contiguous();
        const double *p = predicted.data_ptr<double>();
        for (size_t i = 0; i < test.size(); ++i)
            for (int c = 0; c < dim; ++c)
                residual[size_t(test[i]) * size_t(dim) + size_t(c)] =
                    double(values[size_t(test[i]) * size_t(dim) + size_t(c)]) -
                    p[i * size_t(dim) + size_t(c)];
    }
    // R² pooled over the components: 1 − Σ residual² / Σ (value − mean)².
    const auto r2 = [&](const std::vector<qint64> &sample) {
        std::vector<double> mean(size_t(dim), 0.0);
        for (const qint64 i : sample)
            for (int c = 0; c < dim; ++c)
                mean[size_t(c)] += values[size_t(i) * size_t(dim) + size_t(c)];
        for (double &m : mean)
            m /= double(sample.size());
        double sse = 0, sst = 0;
        for (const qint64 i : sample)
            for (int c = 0; c < dim; ++c) {
                const double e = residual[size_t(i) * size_t(dim) + size_t(c)];
                const double d = values[size_t(i) * size_t(dim) + size_t(c)] - mean[size_t(c)];
                sse += e * e;
                sst += d * d;
            }
        return sst > 0 ? 1.0 - sse / sst : kUndefined;
    };
    std::vector<qint64> all(rows.size());
    std::iota(all.begin(), all.end(), 0);
    out.value = r2(all);
    if (!std::isfinite(out.value))
        out.note = QStringLiteral("not probed: the value is constant");
    bootstrapInterval(out.rows, o.resamples, o.seed + 1, r2, &out.low, &out.high);
    return out;
}

} // namespace

const AttributeLeakage *LeakageProbe::attribute(const QString &name) const
{
    for (const AttributeLeakage &a : attributes)
        if (a.attribute == name)
            return &a;
    return nullptr;
}

QJsonObject LeakageProbe::toJson() const
{
    QJsonArray list;
    for (const AttributeLeakage &a : attributes) {
        QJsonObject o{{QStringLiteral("attribute"), a.attribute},
                      {QStringLiteral("measure"), a.measure},
                      {QStringLiteral("value"), numberToJson(a.value)},
                      {QStringLiteral("ci"), QJsonArray{numberToJson(a.low), numberToJson(a.high)}},
                      {QStringLiteral("chance"), numberToJson(a.chance)},
                      {QStringLiteral("rows"), a.rows},
                      {QStringLiteral("levels"), a.levels}};
        if (!a.note.isEmpty())
            o.insert(QStringLiteral("note"), a.note);
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("source"), source},
                       {QStringLiteral("dim"), dim},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("attributes"), list}};
}

Expected<LeakageProbe> probeLeakage(const QVector<float> &features, int dim,
                                    const AttributeTable &attributes, const LeakageOptions &options,
                                    const QString &source)
{
    const qint64 rows = dim > 0 ? qint64(features.size()) / dim : 0;
    if (dim <= 0 || qint64(features.size()) != rows * dim || rows != attributes.rowCount())
        return fileError(source, QStringLiteral("%1 feature values of dimension %2 for %3 rows of "
                                                "attributes")
                                     .arg(features.size())
                                     .arg(dim)
                                     .arg(attributes.rowCount()));
    if (options.folds < 2 || rows < 2 * options.folds)
        return fileError(
            source,
            QStringLiteral("%1 rows: too few for %2-fold probes").arg(rows).arg(options.folds));
    for (const float v : features)
        if (!std::isfinite(v))
            return fileError(source, QStringLiteral("the features hold a non-finite value"));
    LeakageProbe probe;
    probe.source = source;
    probe.dim = dim;
    probe.rows = rows;
    const torch::Tensor x =
        torch::from_blob(const_cast<float *>(features.constData()), {rows, dim}, torch::kFloat32)
            .clone();
    for (const Attribute &a : attributes.columns()) {
        try {
            probe.attributes.append(a.isDiscrete() ? probeDiscrete(x, a, options)
                                                   : probeNumbers(x, a, options));
        } catch (const std::exception &e) {
            return fileError(source, QStringLiteral("probe of '%1' failed: %2")
                                         .arg(a.name(), QString::fromUtf8(e.what())));
        }
    }
    return probe;
}

} // namespace equiscope
