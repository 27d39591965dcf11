#pragma once

#include "modelstate.h"
#include "runconfig.h"

#include <QJsonObject>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

namespace equiscope {

struct EmbeddingSet;
struct ProbeImages;
struct SaliencySnapshot;

/// Throttling is the job's business: the session reports every step.
struct StepProgress
{
    int epoch = 0;
    qint64 step = 0;
    qint64 stepsPerEpoch = 0;
    double loss = 0;
};

/// What one epoch did.
struct EpochReport
{
    int epoch = 0;
    double meanLoss = 0;
    double attentionEntropy = -1; ///< mean over steps; −1 when the method has no attention
    qint64 emptySupportRows = 0;
    double learningRate = 0;
    double seconds = 0;
    double imagesPerSecond = 0;
    bool cancelled = false;
    QJsonObject toJson() const;
};

/// The FARE attention of the fixed probe batch (sorted by z), for the attention view.
struct AttentionSnapshot
{
    int epoch = 0;
    int size = 0;            ///< probe batch size b
    QVector<float> matrix;   ///< b×b row-major attention probabilities
    QVector<qint64> samples; ///< dataset index of each row
    QVector<int> groups;     ///< group of each row
    QStringList groupLabels;
    QVector<float> groupMatrix; ///< G×G mean attention from group g to group h
    QVector<float> z;           ///< b×dz raw protected attribute values
    int zDim = 0;
    QJsonObject toJson() const;
    static AttentionSnapshot fromJson(const QJsonObject &json);
};

/// Final evaluation on the frozen backbone (fare.md "Evaluation").
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
    QJsonObject toJson() const;
};

/// Linear-probe outputs for some samples (TrainingSession::probePredictions()).
struct ProbePredictions
{
    std::vector<qint64> samples;
    std::vector<int> labels;      ///< target class, −1 when missing
    std::vector<int> predictions; ///< probe's class
    std::vector<float> probabilities; ///< samples × classes, row-major
    int classes = 0;
    QStringList classNames;
    std::vector<int> groupOf; ///< metric group, −1 when a sensitive value is missing
    QStringList groupLabels;
};

/// One FARE-family training run on one dataset: model, loss, optimiser and data pipeline, with
/// checkpoints that make a resumed run continue with exactly the losses it would have had.
/// LibTorch stays inside the implementation. Not thread-safe: use from one (worker) thread.
class TrainingSession
{
public:
    static Expected<std::unique_ptr<TrainingSession>> create(const RunConfig &config,
                                                             const Dataset &dataset);
    ~TrainingSession();

    /// Trains one epoch (1-based). Stops within one step when @p cancel becomes true.
    /// Fails with a clear message when the loss becomes NaN/Inf.
    Expected<EpochReport> runEpoch(int epoch, const std::atomic<bool> &cancel,
                                   const std::function<void(const StepProgress &)> &progress = {});
    /// Everything needed to continue after @p epoch.
    QByteArray saveCheckpoint(int epoch) const;
    /// Restores a checkpoint; returns the epoch it was taken after.
    Expected<int> restoreCheckpoint(const QByteArray &checkpoint);

    Expected<EvaluationReport> evaluate(const std::atomic<bool> &cancel);
    /// The linear probe of evaluate() (fitted on probeTrainSamples()) applied to @p samples.
    Expected<ProbePredictions> probePredictions(const std::vector<qint64> &samples,
                                                const std::atomic<bool> &cancel);
    /// The model's parameters and buffers by name (CPU copies).
    ModelState modelState() const;
    /// Replaces the model's weights by @p state's; every model tensor must be present with the
    /// same shape and dtype (extra tensors are ignored).
    Expected<bool> loadModelState(const ModelState &state);
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

    const RunConfig &config() const;
    qint64 stepsPerEpoch() const;
    QString deviceName() const;

private:
    TrainingSession();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace equiscope
