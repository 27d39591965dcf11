// FairSslConfig::validate and validateAgainst: every value and name checked before a run starts.
#include "fairssl/fairsslconfig.h"
#include "fairssl/fairsslconfig_p.h"

#include "data/dataset.h"
#include "util/computeoptions.h"

namespace equiscope {

using namespace fairsslconfig_detail;

Expected<Done> FairSslConfig::validate() const
{
    auto positive = [](double v) { return v > 0; };
    if (target.isEmpty())
        return configError(QStringLiteral("target"), QStringLiteral("an attribute name"),
                           QStringLiteral("nothing"));
    if (sensitive.isEmpty())
        return configError(QStringLiteral("sensitive"), QStringLiteral("at least one attribute"),
                           QStringLiteral("nothing"));
    if (targetLevels.size() == 1)
        return configError(QStringLiteral("targetLevels"),
                           QStringLiteral("none (every level) or at least two levels"),
                           targetLevels.join(QStringLiteral(", ")));
    if (!oneOf(encoderSource, {QStringLiteral("simclr"), QStringLiteral("torchscript")}))
        return configError(QStringLiteral("encoder.source"),
                           QStringLiteral("simclr or torchscript"), encoderSource);
    if (encoderSource == QLatin1String("torchscript") && encoderPath.isEmpty() &&
        method != FairSslMethod::SupervisedCe)
        return configError(QStringLiteral("encoder.path"),
                           QStringLiteral("a TorchScript file for encoder.source torchscript"),
                           QStringLiteral("nothing"));
    if (!oneOf(embedWhitening,
               {QStringLiteral("auto"), QStringLiteral("on"), QStringLiteral("off")}))
        return configError(QStringLiteral("encoder.whiten"), QStringLiteral("auto, on or off"),
                           embedWhitening);
    if (encoderInputSize < 8 || encoderInputSize > 1024)
        return configError(QStringLiteral("encoder.inputSize"), QStringLiteral("8 … 1024"),
                           QString::number(encoderInputSize));
    if (encoderInputChannels != 1 && encoderInputChannels != 3)
        return configError(QStringLiteral("encoder.inputChannels"), QStringLiteral("1 or 3"),
                           QString::number(encoderInputChannels));
    if (encoderMean.size() != encoderInputChannels || encoderStd.size() != encoderInputChannels)
        return configError(
            QStringLiteral("encoder.mean/std"),
            QStringLiteral("%1 values each (one per input channel)").arg(encoderInputChannels),
            QStringLiteral("%1 and %2").arg(encoderMean.size()).arg(encoderStd.size()));
    for (double s : encoderStd)
        if (!(s > 0))
            return configError(QStringLiteral("encoder.std"), QStringLiteral("positive values"),
                               QString::number(s));
    if (!oneOf(optimizer, {QStringLiteral("adam"), QStringLiteral("sgd")}))
        return configError(QStringLiteral("optimizer"), QStringLiteral("adam or sgd"), optimizer);
    if (!oneOf(backbone, {QStringLiteral("lenet"), QStringLiteral("resnet18")}))
        return configError(QStringLiteral("backbone"), QStringLiteral("lenet or resnet18"),
                           backbone);
    if (!oneOf(poolScope, {QStringLiteral("all"), QStringLiteral("target-levels")}))
        return configError(QStringLiteral("pool.scope"), QStringLiteral("all or target-levels"),
                           poolScope);
    if (seedSize < 2)
        return configError(QStringLiteral("pool.seedSize"), QStringLiteral("at least 2"),
                           QString::number(seedSize));
    if (poolLimit < 0)
        return configError(QStringLiteral("pool.limit"), QStringLiteral("0 (all) or more"),
                           QString::number(poolLimit));
    if (embedEpochs < 1 && encoderSource == QLatin1String("simclr"))
        return configError(QStringLiteral("encoder.epochs"), QStringLiteral("at least 1"),
                           QString::number(embedEpochs));
    if (!positive(embedLearningRate) || !positive(embedTemperature))
        return configError(QStringLiteral("encoder.learningRate/temperature"),
                           QStringLiteral("positive numbers"),
                           QStringLiteral("%1, %2").arg(embedLearningRate).arg(embedTemperature));
    if (!(dedupThreshold > 0 && dedupThreshold <= 1))
        return configError(QStringLiteral("dedup.threshold"), QStringLiteral("a cosine in (0, 1]"),
                           QString::number(dedupThreshold));
    if (retrievalPerSeed < 0)
        return configError(QStringLiteral("retrieval.perSeed"), QStringLiteral("0 or more"),
                           QString::number(retrievalPerSeed));
    if (!(qualityThreshold >= 0))
        return configError(QStringLiteral("quality.threshold"), QStringLiteral("0 or more"),
                           QString::number(qualityThreshold));
    if (!oneOf(pseudoLabelMode,
               {QStringLiteral("kmeans"), QStringLiteral("knn"), QStringLiteral("zero-shot")}))
        return configError(QStringLiteral("pseudoLabels.mode"),
                           QStringLiteral("kmeans, knn or zero-shot"), pseudoLabelMode);
    if (pseudoLabelMode == QLatin1String("zero-shot") && textEmbeddingsPath.isEmpty())
        return configError(QStringLiteral("pseudoLabels.textEmbeddings"),
                           QStringLiteral("a class text-embedding file (NPY or CSV) for zero-shot"),
                           QStringLiteral("nothing"));
    if (pseudoLabelMode == QLatin1String("zero-shot") &&
        encoderSource != QLatin1String("torchscript"))
        return configError(QStringLiteral("pseudoLabels.mode"),
                           QStringLiteral("kmeans or knn with the built-in SimCLR encoder "
                                          "(zero-shot needs the image tower matching the text "
                                          "embeddings: encoder.source torchscript)"),
                           pseudoLabelMode);
    if (labelledPerClass < 1)
        return configError(QStringLiteral("pseudoLabels.labelledPerClass"),
                           QStringLiteral("at least 1"), QString::number(labelledPerClass));
    if (knnNeighbours < 1)
        return configError(QStringLiteral("pseudoLabels.knnNeighbours"),
                           QStringLiteral("at least 1"), QString::number(knnNeighbours));
    if (!positive(zeroShotScale) || !positive(supconTemperature))
        return configError(QStringLiteral("pseudoLabels.zeroShotScale/supcon.temperature"),
                           QStringLiteral("positive numbers"),
                           QStringLiteral("%1, %2").arg(zeroShotScale).arg(supconTemperature));
    if (!oneOf(supconInit, {QStringLiteral("embedding"), QStringLiteral("scratch")}))
        return configError(QStringLiteral("supcon.init"), QStringLiteral("embedding or scratch"),
                           supconInit);
    if (!(metaFraction > 0 && metaFraction <= 1))
        return configError(QStringLiteral("metaWeight.fraction"),
                           QStringLiteral("a fraction in (0, 1] of the curated set"),
                           QString::number(metaFraction));
    if (!(metaMinConfidence >= 0 && metaMinConfidence <= 1))
        return configError(QStringLiteral("metaWeight.minConfidence"), QStringLiteral("0 … 1"),
                           QString::number(metaMinConfidence));
    if (metaBatch < 2)
        return configError(QStringLiteral("metaWeight.batch"), QStringLiteral("at least 2"),
                           QString::number(metaBatch));
    if (!oneOf(lookAheadScope, {QStringLiteral("head+last-block"), QStringLiteral("full")}))
        return configError(QStringLiteral("metaWeight.scope"),
                           QStringLiteral("head+last-block or full"), lookAheadScope);
    if (!positive(lookAheadStep) || !positive(metaLearningRate) || metaHidden < 1)
        return configError(
            QStringLiteral("metaWeight.step/learningRate/hidden"),
            QStringLiteral("positive values"),
            QStringLiteral("%1, %2, %3").arg(lookAheadStep).arg(metaLearningRate).arg(metaHidden));
    if (metaMinPerCell < 0)
        return configError(QStringLiteral("metaWeight.minPerCell"), QStringLiteral("0 or more"),
                           QString::number(metaMinPerCell));
    if (!oneOf(metaOutput, {QStringLiteral("centred"), QStringLiteral("sigmoid")}))
        return configError(QStringLiteral("metaWeight.output"),
                           QStringLiteral("centred or sigmoid"), metaOutput);
    if (!(metaMinWeight >= 0 && metaMinWeight < 1))
        return configError(
            QStringLiteral("metaWeight.minWeight"),
            QStringLiteral("0 … 1 (a relative weight; 1 would switch weighting off)"),
            QString::number(metaMinWeight));
    if (!oneOf(metaLoss, {QStringLiteral("supcon"), QStringLiteral("cross-entropy")}))
        return configError(QStringLiteral("metaWeight.metaLoss"),
                           QStringLiteral("supcon or cross-entropy"), metaLoss);
    if (epochs < 1)
        return configError(QStringLiteral("epochs"), QStringLiteral("at least 1"),
                           QString::number(epochs));
    if (metaWarmupEpochs < 0 || (metaWeighted() && metaWarmupEpochs >= epochs))
        return configError(QStringLiteral("metaWeight.warmupEpochs"),
                           QStringLiteral("0 … epochs − 1 (%1 trains no weighted epoch; that is "
                                          "the supcon method)")
                               .arg(epochs),
                           QString::number(metaWarmupEpochs));
    if (batchSize < 4)
        return configError(QStringLiteral("batchSize"), QStringLiteral("at least 4"),
                           QString::number(batchSize));
    if (!positive(learningRate) || weightDecay < 0)
        return configError(QStringLiteral("learningRate/weightDecay"),
                           QStringLiteral("a positive rate and a decay ≥ 0"),
                           QStringLiteral("%1, %2").arg(learningRate).arg(weightDecay));
    if (auto e = computeOptionsError(device, precision, ReducedPrecisionOn::CpuAndCuda))
        return *e;
    if (threads < 0 || probeTrainLimit < 0 || testLimit < 0 || bootstrapResamples < 0 ||
        epochEvaluationSamples < 0 || thumbnails < 0 || minGroupSize < 1 || groupBins < 2)
        return configError(
            QStringLiteral(
                "threads/limits/bootstrapResamples/epochEvaluationSamples/thumbnails/groups"),
            QStringLiteral("non-negative counts, minGroupSize ≥ 1, groupBins ≥ 2"),
            QStringLiteral("a negative or too small value"));
    return Done{};
}

Expected<Done> FairSslConfig::validateAgainst(const Dataset &ds) const
{
    const QString names = ds.attributes.names().join(QStringLiteral(", "));
    if (!ds.attributes.contains(target))
        return configError(QStringLiteral("target"), QStringLiteral("one of %1").arg(names),
                           target);
    const Attribute &t = ds.attributes.column(target);
    if (!t.isDiscrete())
        return configError(QStringLiteral("target"),
                           QStringLiteral("a binary or categorical attribute"),
                           QStringLiteral("%1 (%2)").arg(target, attributeTypeName(t.type())));
    for (const QString &level : targetLevels)
        if (!t.levels().contains(level))
            return configError(QStringLiteral("targetLevels"),
                               QStringLiteral("levels of %1: %2")
                                   .arg(target, t.levels().join(QStringLiteral(", "))),
                               level);
    for (const QString &s : sensitive) {
        if (!ds.attributes.contains(s))
            return configError(QStringLiteral("sensitive"), QStringLiteral("one of %1").arg(names),
                               s);
        if (s == target)
            return configError(QStringLiteral("sensitive"),
                               QStringLiteral("an attribute other than the target"), s);
    }
    if (!ds.images)
        return configError(QStringLiteral("dataset"),
                           QStringLiteral("an image dataset (the pipeline embeds images)"),
                           QStringLiteral("a feature dataset"));
    if (ds.indicesOf(Split::Train).empty() || ds.indicesOf(Split::Test).empty())
        return configError(QStringLiteral("dataset"), QStringLiteral("a train and a test split"),
                           QStringLiteral("an empty split"));
    return Done{};
}

} // namespace equiscope
