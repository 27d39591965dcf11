#include "eval/summarystats.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace equiscope {

Spread spreadOf(const std::vector<double> &values)
{
    Spread s;
    double sum = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        if (s.count == 0) {
            s.min = v;
            s.max = v;
        } else {
            s.min = std::min(s.min, v);
            s.max = std::max(s.max, v);
        }
        sum += v;
        ++s.count;
    }
    if (s.count == 0)
        return s;
    s.mean = sum / s.count;
    // Two-pass variance: the values are close to each other, so a one-pass formula would cancel.
    double ss = 0;
    for (double v : values) {
        if (!std::isnan(v))
            ss += (v - s.mean) * (v - s.mean);
    }
    s.std = std::sqrt(ss / s.count);
    return s;
}

double ratioOf(double numerator, double denominator)
{
    if (std::isnan(numerator) || std::isnan(denominator))
        return kUndefined;
    if (denominator == 0)
        return numerator == 0 ? 1.0
                              : std::copysign(std::numeric_limits<double>::infinity(), numerator);
    return numerator / denominator;
}

double sortedPercentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return kUndefined;
    const double pos = std::clamp(q, 0.0, 1.0) * double(sorted.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = pos - double(lo);
    if (frac == 0 || sorted[lo] == sorted[hi])
        return sorted[lo];
    return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

double nanMean(const std::vector<double> &values)
{
    double sum = 0;
    int n = 0;
    for (double v : values) {
        if (!std::isnan(v)) {
            sum += v;
            ++n;
        }
    }
    return n == 0 ? kUndefined : sum / n;
}

QJsonValue numberToJson(double value)
{
    if (std::isnan(value))
        return QJsonValue(QJsonValue::Null);
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return value;
}

QJsonArray numbersToJson(const std::vector<double> &values)
{
    QJsonArray a;
    for (double v : values)
        a.append(numberToJson(v));
    return a;
}

double numberFromJson(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        const QString s = value.toString();
        if (s == QLatin1String("inf"))
            return std::numeric_limits<double>::infinity();
        if (s == QLatin1String("-inf"))
            return -std::numeric_limits<double>::infinity();
    }
    return kUndefined;
}

} // namespace equiscope
