#include "nn/probegroupmetrics.h"

#include "eval/bootstrap.h"

namespace equiscope {

QJsonObject probeGroupMetricsJson(const std::vector<int> &labels,
                                  const std::vector<int> &predictions,
                                  const std::vector<int> &groupOf, const QStringList &groupLabels,
                                  int classes, int minGroupSize, int resamples, quint64 seed)
{
    FairnessInput in;
    in.groupLabels = groupLabels;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0)
            continue;
        in.labels.push_back(labels[i]);
        in.predictions.push_back(predictions[i]);
        in.groupOf.push_back(groupOf[i]);
    }
    FairnessOptions o;
    o.minGroupSize = minGroupSize;
    o.numClasses = std::max(2, classes);
    o.resamples = resamples;
    o.seed = seed + 1;
    auto report = evaluateFairness(in, o);
    if (!report)
        return QJsonObject{{QStringLiteral("error"), report.error().toString()}};
    return report->toJson();
}

} // namespace equiscope
