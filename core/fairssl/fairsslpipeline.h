#pragma once

#include "fairssl/fairsslconfig.h"

#include "eval/testpredictions.h"

#include <QByteArray>
#include <QJsonObject>

#include <atomic>
#include <functional>
#include <memory>

namespace equiscope {

class DataParallelGroup;

/// What one stage did, for the store, the stage view and the report.
struct StageReport
{
    QString stage;
    qint64 input = 0;   ///< images that entered the stage
    qint64 kept = 0;    ///< images it passed on
    qint64 dropped = 0; ///< images it removed
    double seconds = 0;
    QJsonObject details; ///< stage-specific numbers (leaks removed, pseudo-label accuracy, …)

    QJsonObject toJson() const;
    static StageReport fromJson(const QJsonObject &json);
};

/// A finished stage: its report, the outputs a resumed run restores instead of redoing the stage,
/// and thumbnails of what it dropped ({"items": [{sample, partner, score, reason, image (base64
/// PNG), partnerImage}]}).
struct StageResult
{
    StageReport report;
    QByteArray outputs;
    QJsonObject thumbnails;
};

/// One epoch of an epoch-based stage ("embed": SimCLR, "train": SupCon / CE).
struct FairSslEpochReport
{
    QString stage;
    int epoch = 0; ///< within the stage, 1-based
    double loss = 0;
    double metaLoss = -1; ///< meta-weighted training only: mean meta loss at θ̂
    /// The meta loss at θ (before the virtual step) of the epoch's first meta batch: far below
    /// metaLoss means the look-ahead step α overshoots.
    double metaLossAtTheta = -1;
    double learningRate = 0;
    double seconds = 0;
    double imagesPerSecond = 0;
    bool cancelled = false;
    /// Meta-weighted training: the weight distribution per group (see weightHistogramJson).
    QJsonObject weights;
    QJsonObject toJson() const;
};

/// The linear classifier on the frozen encoder, with group metrics (eval/ FairnessReport JSON).
struct FairSslEvaluation
{
    double accuracy = 0;
    QJsonObject groupMetrics;
    double biasProbeAccuracy = -1; ///< linear classifier representation → group
    double biasProbeMajorityRate = -1;
    double pseudoLabelAccuracy = -1; ///< on the curated set, where true labels exist
    QJsonObject pseudoLabelAccuracyByGroup;
    qint64 probeTrainSamples = 0;
    qint64 testSamples = 0;
    TestPredictions predictions; ///< the classifier's class for every test sample
    QJsonObject toJson() const;
};

/// Progress inside a stage: @p epoch of @p epochs (1 of 1 for stages without epochs).
struct StageProgress
{
    QString stage;
    int epoch = 1;
    int epochs = 1;
    qint64 step = 0;
    qint64 steps = 0;
    double loss = 0;
};
using StageProgressFn = std::function<void(const StageProgress &)>;

/// The fair self-supervised pipeline of docs/design/methods/fair-ssl.md on one dataset. Stages run
/// one after the other; each finished stage yields outputs that restoreStage() loads into a new
/// pipeline, so a resumed run never redoes a finished stage. Epoch stages checkpoint every epoch.
/// Every input problem (TorchScript file, encoder output shape, text-embedding rows, seed classes)
/// is found by create(), before anything trains. LibTorch stays in the implementation; use from one
/// (worker) thread.
class FairSslPipeline
{
public:
    static Expected<std::unique_ptr<FairSslPipeline>> create(const FairSslConfig &config,
                                                             const Dataset &dataset);
    ~FairSslPipeline();

    const FairSslConfig &config() const;
    QStringList stages() const;
    /// Epochs of @p stage: embed (0 with a TorchScript encoder), train; 0 for the others.
    int epochsOf(const QString &stage) const;
    QString deviceName() const;
    /// Samples of the splits the run uses, for the log.
    QJsonObject sampleCounts() const;

    /// Trains one epoch of "embed" or "train"; stops within one step when @p cancel is set.
    Expected<FairSslEpochReport> runEpoch(const QString &stage, int epoch,
                                          const std::atomic<bool> &cancel,
                                          const StageProgressFn &progress = {});
    /// Trains the epochs of every stage data-parallel over @p group (docs/design/distributed.md):
    /// each rank augments and encodes its share of a batch, the representations are gathered,
    /// and the loss runs on the whole batch on every rank. Fails for a set-up that cannot split
    /// (the look-ahead over the whole encoder). A null or one-rank group trains alone.
    Expected<Done> setDataParallel(std::shared_ptr<DataParallelGroup> group);
    /// Builds what the epochs of @p stage train (the train stage's model and optimisers), so
    /// checkpoint() can be taken before its first epoch.
    Expected<Done> prepareEpochs(const QString &stage);
    /// Everything an epoch stage needs to continue after @p epoch.
    QByteArray checkpoint(const QString &stage, int epoch) const;
    /// Restores a checkpoint of @p stage; returns the epoch it was taken after.
    Expected<int> restoreCheckpoint(const QString &stage, const QByteArray &checkpoint);

    /// Finishes @p stage (all its work for stages without epochs) and returns its result.
    Expected<StageResult> completeStage(const QString &stage, const std::atomic<bool> &cancel,
                                        const StageProgressFn &progress = {});
    /// Loads the outputs of a stage finished earlier (stages in order).
    Expected<Done> restoreStage(const QString &stage, const QByteArray &outputs);

    /// The "classifier" stage: linear classifier on the labelled train split, test metrics.
    Expected<FairSslEvaluation> evaluate(const std::atomic<bool> &cancel,
                                         const StageProgressFn &progress = {});
    /// After an epoch of @p stage: evaluate() of the encoder the method produces, on a fixed
    /// seeded subset of @p testSamples test images (and 2 × as many labelled train images),
    /// without the bootstrap — accuracy, the bias probe and every overall fairness number. An
    /// empty object when @p stage does not train the method's encoder (the embed stage of the
    /// methods that train their own model later).
    Expected<QJsonObject> epochMetrics(const QString &stage, qint64 testSamples,
                                       const std::atomic<bool> &cancel);

private:
    FairSslPipeline();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace equiscope
