#pragma once

#include "fare/attentionsnapshot.h"
#include "fare/epochreport.h"
#include "fare/fareconfig.h"
#include "fare/modelstate.h"

#include "eval/testpredictions.h"

#include <QJsonObject>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

namespace equiscope {

class DataParallelGroup;
struct EmbeddingSet;
struct ProbeImages;
struct SaliencySnapshot;

/// Final evaluation on the frozen backbone (docs/design/methods/fare.md "Evaluation").
struct EvaluationReport
{
    double accuracy = 0; ///< linear probe top-1 on the test split
    double biasMse = -1; ///< linear regressor representation → raw z, test MSE (continuous z)
    double biasR2 = 0;
    double biasProbeAccuracy = -1; ///< linear classifier representation → group (discrete z)
    double biasProbeMajorityRate = -1;
    QJsonObject groupMetrics; ///< per-group metrics with bootstrap CIs (eval/ FairnessReport JSON)
    qint64 probeTrainSamples = 0;
    qint64 testSamples = 0;
    TestPredictions predictions; ///< the probe's class for every test sample
    QJsonObject toJson() const;
};

/// Linear-probe outputs for some samples (FareSession::probePredictions()).
struct ProbePredictions
{
    std::vector<qint64> samples;
    std::vector<int> labels;          ///< target class, −1 when missing
    std::vector<int> predictions;     ///< probe's class
    std::vector<float> probabilities; ///< samples × classes, row-major
    int classes = 0;
    QStringList classNames;
    std::vector<int> groupOf; ///< metric group, −1 when a sensitive value is missing
    QStringList groupLabels;
};

/// One FARE-family training run on one dataset: model, loss, optimiser and data pipeline, with
/// checkpoints that make a resumed run continue with exactly the losses it would have had.
/// LibTorch stays inside the implementation. Not thread-safe: use from one (worker) thread.
class FareSession
{
public:
    static Expected<std::unique_ptr<FareSession>> create(const FareConfig &config,
                                                         const Dataset &dataset);
    ~FareSession();

    /// Trains one epoch (1-based). Stops within one step when @p cancel becomes true.
    /// Fails with a clear message when the loss becomes NaN/Inf.
    Expected<EpochReport> runEpoch(int epoch, const std::atomic<bool> &cancel,
                                   const std::function<void(const StepProgress &)> &progress = {});
    /// Makes every following epoch this rank's share of a data-parallel run of @p group: each
    /// rank encodes its slice of every batch, the loss runs on the gathered global batch and the
    /// gradients are summed over the ranks, so N ranks train what one process with the same
    /// batch trains (docs/design/distributed.md). Fails when the batch does not split evenly.
    Expected<Done> setDataParallel(std::shared_ptr<DataParallelGroup> group);
    /// Everything needed to continue after @p epoch.
    QByteArray saveCheckpoint(int epoch) const;
    /// Restores a checkpoint; returns the epoch it was taken after.
    Expected<int> restoreCheckpoint(const QByteArray &checkpoint);

    /// Fits the linear probes on the frozen representation and computes the metrics. Cancel is
    /// polled after every chunk of 1,024 images and between stages; @p progress, when given,
    /// hears each stage's name and the fraction of the whole evaluation done (0–1).
    Expected<EvaluationReport>
    evaluate(const std::atomic<bool> &cancel,
             const std::function<void(const QString &stage, double done)> &progress = {});
    /// The evaluation of evaluate() on a seeded subset of @p testSamples test images and twice as
    /// many probe-training images, without bootstrap intervals: the whole-population metrics
    /// (accuracy, worst_group_accuracy, accuracy_std, the gaps, bias_mse / bias_r2 or
    /// bias_probe_accuracy) by name, for per-epoch curves. The same subset every epoch.
    Expected<QJsonObject> epochMetrics(qint64 testSamples, const std::atomic<bool> &cancel);
    /// The linear probe of evaluate() (fitted on probeTrainSamples()) applied to @p samples.
    Expected<ProbePredictions> probePredictions(const std::vector<qint64> &samples,
                                                const std::atomic<bool> &cancel);
    /// The model's parameters and buffers by name (CPU copies).
    ModelState modelState() const;
    /// Replaces the model's weights by @p state's; every model tensor must be present with the
    /// same shape and dtype (extra tensors are ignored).
    Expected<Done> loadModelState(const ModelState &state);
    /// The samples of contrastive training, of probe fitting and of evaluation (sorted).
    const std::vector<qint64> &trainSamples() const;
    const std::vector<qint64> &probeTrainSamples() const;
    const std::vector<qint64> &testSamples() const;
    /// Empty (size 0) for methods without attention.
    AttentionSnapshot attentionSnapshot(int epoch);
    /// Representations of @p samples (frozen backbone, test-time view), row-major N×d.
    QVector<float> embeddings(const std::vector<qint64> &samples, int *dim);
    /// Representations of @p views training-time augmented views of each sample (sample-major:
    /// row i·views + v), drawn from @p seed (sessionviews.cpp).
    QVector<float> augmentedEmbeddings(const std::vector<qint64> &samples, int views, quint64 seed,
                                       int *dim);
    /// The same rows by the TorchScript module at @p modulePath instead of this session's encoder
    /// (its forward() maps an image batch as this session prepares it to one row per image).
    Expected<QVector<float>> scriptedEmbeddings(const QString &modulePath,
                                                const std::vector<qint64> &samples, int views,
                                                quint64 seed, int *dim);
    /// Grad-CAM of the probe batch on the encoder's last conv layer (gradcam.cpp); empty for
    /// encoders without one (MLP).
    SaliencySnapshot saliencySnapshot(int epoch);
    /// The probe batch's input images (empty for feature datasets).
    ProbeImages probeImages() const;
    /// Representations of up to @p maxSamples test samples (a seeded subset) with their target
    /// and group labels, for the embedding view (sessionembeddings.cpp).
    EmbeddingSet embeddingSet(int maxSamples);

    const FareConfig &config() const;
    qint64 stepsPerEpoch() const;
    QString deviceName() const;

private:
    FareSession();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace equiscope
