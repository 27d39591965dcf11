#pragma once

#include <QJsonArray>
#include <QJsonValue>

#include <limits>
#include <vector>

namespace equiscope {

/// Quiet NaN, the value of every metric that is undefined for its input.
constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

/// Spread of a set of per-group values; NaN entries are ignored.
struct Spread
{
    int count = 0; ///< defined values that entered
    double min = kUndefined;
    double max = kUndefined;
    double mean = kUndefined;
    double std = kUndefined; ///< population std (divide by count)
};

/// Min, max, mean and population std of the defined (non-NaN) values. All NaN when none.
Spread spreadOf(const std::vector<double> &values);

/// numerator / denominator with the conventions used by every ratio metric: 0/0 = 1 (all values
/// equal), x/0 = +inf for x > 0, NaN when either side is NaN.
double ratioOf(double numerator, double denominator);

/// Percentile with linear interpolation between order statistics (numpy's default) of an
/// already sorted, NaN-free vector; @p q in [0, 1]. NaN when empty.
double sortedPercentile(const std::vector<double> &sorted, double q);

/// Mean of the defined values, NaN when none (used to average one-vs-rest metrics over classes).
double nanMean(const std::vector<double> &values);

/// JSON has no NaN or infinity: NaN is written as null, ±inf as the strings "inf" / "-inf".
QJsonValue numberToJson(double value);
/// numberToJson() of every value.
QJsonArray numbersToJson(const std::vector<double> &values);
/// Inverse of numberToJson(); anything else that is not a number reads as NaN.
double numberFromJson(const QJsonValue &value);

} // namespace equiscope
