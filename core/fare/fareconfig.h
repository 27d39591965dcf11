#pragma once

#include "losses/lossconfig.h"
#include "nn/augmentconfig.h"

#include "data/dataset.h"
#include "data/groupassignment.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QStringList>

namespace equiscope {

/// Everything a FARE-family run needs; its JSON is the reproducible run spec (every default is
/// written out, so a run's record says exactly what ran).
/// The most epochs a run config may ask for (a stored or bundled config cannot make a run
/// train forever).
inline constexpr int kMaxEpochs = 100000;

struct FareConfig
{
    QString name;
    LossConfig loss; ///< method and loss options (docs/design/methods/fare.md)
    DatasetSpec dataset;
    QString target;        ///< evaluated by the linear probe
    QStringList sensitive; ///< protected attribute(s): z for the loss and groups for metrics
    QString zEncoding = QStringLiteral("auto"); ///< auto | raw | onehot
    int groupBins = 4; ///< bins for continuous sensitive attributes in group metrics
    QString groupBinning = QStringLiteral("kmeans"); ///< kmeans | quantile (scalar attributes)
    int minGroupSize = 30;

    QString encoder = QStringLiteral("lenet"); ///< lenet | resnet18 | mlp
    int width = 64;                            ///< ResNet base width / MLP hidden size
    int projectionDim = 128;
    AugmentConfig augment;

    QString optimizer = QStringLiteral("adam"); ///< sgd | adam | adamw | lars
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    double momentum = 0.9;
    double larsTrustCoefficient = 1e-3;
    int warmupEpochs = 1;
    int epochs = 10;
    int batchSize = 256;
    quint64 seed = 0;
    QString device = QStringLiteral("auto"); ///< auto | cpu | cuda[:N]
    /// fp32 | bf16 | fp16: the encoder's forward under autocast and the loss's similarity
    /// products in that type, statistics in fp32 (docs/design/gpu.md). fp16 needs a CUDA device.
    QString precision = QStringLiteral("fp32");
    int threads = 0; ///< 0 = all cores

    qint64 trainLimit = 20000;      ///< train images used for contrastive training (0 = all)
    qint64 probeTrainLimit = 10000; ///< train images used to fit the linear probes (0 = all)
    qint64 testLimit = 10000;       ///< test images evaluated (0 = all)
    int probeBatch = 64;            ///< the fixed probe batch of the attention view
    int bootstrapResamples = 1000;
    /// After every epoch, the linear probes on this many test images (and twice as many
    /// probe-training images), without bootstrap intervals: per-epoch accuracy and fairness
    /// curves. 0 = evaluate only once, after training.
    qint64 epochEvaluationSamples = 0;

    QJsonObject toJson() const;
    static Expected<FareConfig> fromJson(const QJsonObject &json);
    /// Checks values and names (not the dataset's columns: see validateAgainst()).
    Expected<Done> validate() const;
    /// Checks target/sensitive against an opened dataset.
    Expected<Done> validateAgainst(const Dataset &dataset) const;
    /// How the group metrics form intersectional groups from the sensitive attributes.
    GroupOptions groupOptions() const;
    /// The default demo run: FARE on Colored Fashion-MNIST, target label, z = RGB colour.
    static FareConfig coloredFashionMnistDefault();
};

} // namespace equiscope
