#pragma once
// What the per-epoch evaluations of the FARE family (FareSession::epochMetrics) and of the fair
// SSL pipeline (FairSslPipeline::epochMetrics) share: the fixed subset they probe every epoch,
// and how the probe's numbers join the epoch's metrics.

#include <QJsonObject>

#include <utility>
#include <vector>

namespace equiscope {

/// @p samples when there are at most @p count of them, else a subset of @p count drawn with a
/// generator seeded by @p seed and @p stream, in ascending order: the same subset every epoch,
/// so the curve follows the model and not the draw.
std::vector<qint64> seededSubset(const std::vector<qint64> &samples, qint64 count, quint64 seed,
                                 quint64 stream);

/// Runs @p evaluate (the family's full evaluation) as the per-epoch probe: with the subsets
/// seededSubset(@p fitSamples, 2 × @p testCount, @p seed, @p stream) to fit the probe on and
/// seededSubset(@p testSamples, @p testCount, @p seed, @p stream + 1) to measure it on swapped
/// into the family's lists, and no bootstrap (@p resamples = 0); all three are restored
/// afterwards, also when @p evaluate throws.
template <typename Evaluate>
auto withEpochProbeSubsets(std::vector<qint64> &fitSamples, std::vector<qint64> &testSamples,
                           int &resamples, qint64 testCount, quint64 seed, quint64 stream,
                           Evaluate &&evaluate)
{
    struct Swapped
    {
        std::vector<qint64> &fitList, &testList;
        int &resampleCount;
        std::vector<qint64> fit, test;
        int resamples = 0;
        void swapIn()
        {
            std::swap(fitList, fit);
            std::swap(testList, test);
            std::swap(resampleCount, resamples);
        }
        ~Swapped() { swapIn(); } // swapping again restores
    } swapped{fitSamples, testSamples, resamples,
              seededSubset(fitSamples, 2 * testCount, seed, stream),
              seededSubset(testSamples, testCount, seed, stream + 1)};
    swapped.swapIn();
    return evaluate();
}

/// @p metrics with every finite overall number of @p groupMetrics (FairnessReport JSON, e.g.
/// worst_group_accuracy, accuracy_std, equalized_odds_difference) added.
QJsonObject withOverallFairness(QJsonObject metrics, const QJsonObject &groupMetrics);

} // namespace equiscope
