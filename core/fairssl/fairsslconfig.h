#pragma once

#include "data/dataset.h"
#include "nn/augmentconfig.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace equiscope {

/// The methods of the fair self-supervised family (docs/design/methods/fair-ssl.md): the full
/// pipeline and its three baselines, all run by the same job with the same stages where they apply.
enum class FairSslMethod
{
    FairSsl,      ///< "fair-ssl": curation, pseudo-labels, meta-weighted SupCon, linear classifier
    SimClr,       ///< "simclr": the SimCLR embedding encoder + linear classifier
    SupCon,       ///< "supcon": the pipeline with unweighted pseudo-label SupCon
    SupervisedCe, ///< "supervised-ce": cross-entropy on true labels (upper reference)
};

QString fairSslMethodName(FairSslMethod method);
Expected<FairSslMethod> fairSslMethodFromName(const QString &name);
/// "fair-ssl", "simclr", "supcon", "supervised-ce".
QStringList fairSslMethodNames();

/// The stages a run of @p method goes through, in order: a subset of "embed", "dedup",
/// "retrieve", "quality", "pseudo-label", "train", "classifier".
QStringList fairSslStages(FairSslMethod method);

/// Everything a fair-SSL run needs. Its JSON is the reproducible run spec: every default is
/// written out. Option keys for withOption() are the JSON paths, e.g. "dedup.threshold".
struct FairSslConfig
{
    QString name;
    FairSslMethod method = FairSslMethod::FairSsl;
    DatasetSpec dataset;
    QString target = QStringLiteral("label");
    /// The target levels used, in class order; empty = every level. Samples with another level
    /// are only ever unlabelled pool images (see poolScope).
    QStringList targetLevels;
    QStringList sensitive; ///< groups for the meta set and every per-group metric
    int groupBins = 4;     ///< bins for continuous sensitive attributes
    int minGroupSize = 30;

    // The default budget runs the whole pipeline in a few minutes on 2 CPU cores.
    qint64 seedSize = 500;   ///< seed set S: labelled-split images of the target levels
    qint64 poolLimit = 3000; ///< unlabelled pool U from the train split (0 = all)
    QString poolScope = QStringLiteral("all"); ///< all | target-levels: which train images U holds

    // Stage 1: embed
    QString encoderSource = QStringLiteral("simclr"); ///< simclr | torchscript
    QString encoderPath;                              ///< TorchScript file
    int encoderInputSize = 224;                       ///< TorchScript input is S×S
    int encoderInputChannels = 3;                     ///< grey images are repeated to 3
    QVector<double> encoderMean{0.48145466, 0.4578275, 0.40821073}; ///< CLIP's
    QVector<double> encoderStd{0.26862954, 0.26130258, 0.27577711};
    /// auto | on | off: whiten the embeddings (PCA on the training images) before normalising;
    /// auto = on for the built-in SimCLR encoder, whose representation is so anisotropic that
    /// every neighbour has cosine > 0.98, off for a TorchScript encoder (CLIP cosines as is).
    QString embedWhitening = QStringLiteral("auto");
    int embedEpochs = 2;
    double embedLearningRate = 1e-3;
    double embedTemperature = 0.1; ///< NT-Xent τ of the SimCLR encoder

    // The trained encoder (SimCLR embedding encoder and the SupCon/CE model)
    QString backbone = QStringLiteral("lenet"); ///< lenet | resnet18
    int width = 64;
    int projectionDim = 128;
    AugmentConfig augment;

    // Stage 2, 3: curation
    double dedupThreshold = 0.95;
    bool dedupAgainstEval = true; ///< drop pool images that duplicate an evaluation image
    int retrievalPerSeed = 2;     ///< M

    // Stage 4: quality filter (variance of the Laplacian: a sharpness proxy)
    bool qualityFilter = true;
    double qualityThreshold = 20.0;

    // Stage 5: pseudo-labels
    QString pseudoLabelMode = QStringLiteral("kmeans"); ///< kmeans | knn | zero-shot
    int labelledPerClass = 10;
    QString textEmbeddingsPath; ///< zero-shot: NPY/CSV, one row per class
    double zeroShotScale = 100.0;
    int knnNeighbours = 5;

    // Stage 6, 7: weighted SupCon + Meta-Weight-Net
    double supconTemperature = 0.07;
    QString supconInit = QStringLiteral("embedding"); ///< embedding | scratch
    double metaFraction = 0.02;                       ///< meta set size as a fraction of D
    double metaMinConfidence = 0.0;
    int metaBatch = 64;
    QString lookAheadScope = QStringLiteral("head+last-block"); ///< head+last-block | full
    double lookAheadStep = 0.1;                                 ///< α of the virtual step
    double metaLearningRate = 1e-3;
    int metaHidden = 100;
    /// At least this many meta images per (group, pseudo-class) cell that has them, on top of
    /// metaWeight.fraction (a 2 % meta set of a 1,000-image D is 20 images for 20 cells).
    int metaMinPerCell = 8;
    /// How V's output f(ℓ) becomes a weight: "centred" 2σ(f − batch mean of f), bounded and
    /// unable to drift into the sigmoid's tail, or "sigmoid" σ(f) as in Meta-Weight-Net
    /// (docs/design/methods/fair-ssl.md, "Why the weights collapsed").
    QString metaOutput = QStringLiteral("centred");
    /// Relative weights w / batch mean below this are raised to it: no group is switched off.
    double metaMinWeight = 0.1;
    /// Epochs of unweighted SupCon before V is trained and used (0: weighted from the start).
    int metaWarmupEpochs = 0;
    /// The meta loss at θ̂: "supcon" (unweighted SupCon on the meta batch) or "cross-entropy"
    /// (a linear head on the representation, trained alongside on the pseudo-labels).
    QString metaLoss = QStringLiteral("supcon");

    int epochs = 5;
    int batchSize = 128;
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    /// Optimiser of both training stages (SimCLR embed, train): "adam", or "sgd" (momentum
    /// 0.9, as the SupCon paper trains).
    QString optimizer = QStringLiteral("adam");
    quint64 seed = 0;
    QString device = QStringLiteral("auto");
    /// fp32 | bf16 | fp16: the encoder forwards of the SimCLR and SupCon / CE training steps under
    /// autocast; the Meta-Weight-Net look-ahead, the losses' statistics and evaluation stay fp32
    /// (docs/design/gpu.md). fp16 needs a CUDA device.
    QString precision = QStringLiteral("fp32");
    int threads = 0;
    qint64 probeTrainLimit = 0; ///< labelled train images for the classifier (0 = all)
    qint64 testLimit = 0;       ///< test images evaluated (0 = all)
    int bootstrapResamples = 1000;
    /// Test images of a quick probe after every training epoch (accuracy and fairness curves,
    /// no bootstrap); 0 = off.
    qint64 epochEvaluationSamples = 0;
    int thumbnails = 24; ///< dropped images kept as thumbnails per stage

    /// Whether the method trains with meta-learned weights.
    bool metaWeighted() const { return method == FairSslMethod::FairSsl; }

    QJsonObject toJson() const;
    /// Missing keys keep their defaults; wrong values are errors naming the key.
    static Expected<FairSslConfig> fromJson(const QJsonObject &json);
    /// Sets one option from text (CLI / launcher), @p key a JSON path like "dedup.threshold".
    Expected<FairSslConfig> withOption(const QString &key, const QString &value) const;
    /// The JSON paths withOption() accepts.
    static QStringList optionKeys();
    /// The part of the config that determines the outputs of @p stage and of every stage before
    /// it ("embed": data, splits, seed, pool, encoder, augmentations, batch…; "dedup" adds the
    /// dedup options, and so on). Two configs with equal stageInputs(s) produce the same outputs
    /// up to stage s, so a run may reuse the other's finished stages (FairSslJob).
    QJsonObject stageInputs(const QString &stage) const;
    /// Checks values and names; files and dataset columns are checked when a run starts.
    Expected<Done> validate() const;
    /// Checks target, levels and sensitive attributes against an opened dataset.
    Expected<Done> validateAgainst(const Dataset &dataset) const;

    /// The default: Colored Fashion-MNIST (ρ = 0.7), binary target T-shirt/top vs Shirt, groups
    /// by colour (the two class colours are the majorities, the eight others minorities).
    static FairSslConfig coloredFashionMnistDefault();
};

} // namespace equiscope
