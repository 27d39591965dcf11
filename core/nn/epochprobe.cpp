#include "nn/epochprobe.h"

#include "eval/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace equiscope {

std::vector<qint64> seededSubset(const std::vector<qint64> &samples, qint64 count, quint64 seed,
                                 quint64 stream)
{
    std::vector<qint64> picked = samples;
    if (count >= 0 && qint64(picked.size()) > count) {
        std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + stream);
        std::shuffle(picked.begin(), picked.end(), rng);
        picked.resize(size_t(count));
        std::sort(picked.begin(), picked.end());
    }
    return picked;
}

QJsonObject withOverallFairness(QJsonObject metrics, const QJsonObject &groupMetrics)
{
    if (auto fairness = FairnessReport::fromJson(groupMetrics))
        for (auto it = fairness->overall.begin(); it != fairness->overall.end(); ++it)
            if (std::isfinite(it.value().value))
                metrics.insert(it.key(), it.value().value);
    return metrics;
}

} // namespace equiscope
