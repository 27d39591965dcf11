#include "fare/fareconfig.h"

#include "store/runrecord.h"

#include "data/coloredmnist.h"
#include "data/datasetspecjson.h"
#include "util/computeoptions.h"
#include "util/jsonfields.h"

#include <QJsonArray>

#include <cmath>
#include <tuple>

namespace equiscope {

namespace {
DataError configError(const QString &field, const QString &expected, const QString &found)
{
    return fieldError(QStringLiteral("run config"), field, expected, found);
}
} // namespace

QJsonObject FareConfig::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("family"), runFamilyName(RunFamily::Fare));
    o.insert(QStringLiteral("method"), lossMethodName(loss.method));
    o.insert(QStringLiteral("loss"), loss.toJson());
    o.insert(QStringLiteral("dataset"), dataset.toJson());
    o.insert(QStringLiteral("target"), target);
    o.insert(QStringLiteral("sensitive"), QJsonArray::fromStringList(sensitive));
    o.insert(QStringLiteral("zEncoding"), zEncoding);
    o.insert(QStringLiteral("groupBins"), groupBins);
    o.insert(QStringLiteral("groupBinning"), groupBinning);
    o.insert(QStringLiteral("minGroupSize"), minGroupSize);
    o.insert(QStringLiteral("encoder"), encoder);
    o.insert(QStringLiteral("width"), width);
    o.insert(QStringLiteral("projectionDim"), projectionDim);
    o.insert(QStringLiteral("augment"), augment.toJson());
    o.insert(QStringLiteral("optimizer"), optimizer);
    o.insert(QStringLiteral("learningRate"), learningRate);
    o.insert(QStringLiteral("weightDecay"), weightDecay);
    o.insert(QStringLiteral("momentum"), momentum);
    o.insert(QStringLiteral("larsTrustCoefficient"), larsTrustCoefficient);
    o.insert(QStringLiteral("warmupEpochs"), warmupEpochs);
    o.insert(QStringLiteral("epochs"), epochs);
    o.insert(QStringLiteral("batchSize"), batchSize);
    o.insert(QStringLiteral("seed"), QString::number(seed));
    o.insert(QStringLiteral("device"), device);
    // Written only when reduced: configs (and the hashes of stored reproduction runs) from before
    // the option stay what they were; absent means fp32.
    if (precision != QLatin1String("fp32"))
        o.insert(QStringLiteral("precision"), precision);
    o.insert(QStringLiteral("threads"), threads);
    o.insert(QStringLiteral("trainLimit"), trainLimit);
    o.insert(QStringLiteral("probeTrainLimit"), probeTrainLimit);
    o.insert(QStringLiteral("testLimit"), testLimit);
    o.insert(QStringLiteral("probeBatch"), probeBatch);
    o.insert(QStringLiteral("bootstrapResamples"), bootstrapResamples);
    o.insert(QStringLiteral("epochEvaluationSamples"), epochEvaluationSamples);
    return o;
}

Expected<FareConfig> FareConfig::fromJson(const QJsonObject &o)
{
    // The JSON is the reproducible spec: a wrongly typed or unknown key is an error naming its
    // path, never a silent default.
    const QString file = QStringLiteral("run config");
    FareConfig c;
    QJsonObject lossJson, datasetJson, augmentJson;
    QString family = runFamilyName(RunFamily::Fare);
    JsonFields f(o, file);
    f.text(QStringLiteral("name"), c.name)
        .text(QStringLiteral("family"), family)
        .known(QStringLiteral("method"))
        .object(QStringLiteral("loss"), lossJson)
        .object(QStringLiteral("dataset"), datasetJson)
        .text(QStringLiteral("target"), c.target)
        .textList(QStringLiteral("sensitive"), c.sensitive)
        .text(QStringLiteral("zEncoding"), c.zEncoding)
        .integer(QStringLiteral("groupBins"), c.groupBins, 2, 1000)
        .text(QStringLiteral("groupBinning"), c.groupBinning)
        .integer(QStringLiteral("minGroupSize"), c.minGroupSize, 1, 1000000000)
        .text(QStringLiteral("encoder"), c.encoder)
        .integer(QStringLiteral("width"), c.width, 1, 4096)
        .integer(QStringLiteral("projectionDim"), c.projectionDim, 1, 65536)
        .object(QStringLiteral("augment"), augmentJson)
        .text(QStringLiteral("optimizer"), c.optimizer)
        .number(QStringLiteral("learningRate"), c.learningRate)
        .number(QStringLiteral("weightDecay"), c.weightDecay)
        .number(QStringLiteral("momentum"), c.momentum)
        .number(QStringLiteral("larsTrustCoefficient"), c.larsTrustCoefficient)
        .integer(QStringLiteral("warmupEpochs"), c.warmupEpochs, 0, kMaxEpochs)
        .integer(QStringLiteral("epochs"), c.epochs, 1, kMaxEpochs)
        .integer(QStringLiteral("batchSize"), c.batchSize, 4, 65536)
        .unsigned64(QStringLiteral("seed"), c.seed)
        .text(QStringLiteral("device"), c.device)
        .text(QStringLiteral("precision"), c.precision)
        .integer(QStringLiteral("threads"), c.threads, 0, 1024)
        .integer(QStringLiteral("trainLimit"), c.trainLimit, 0, qint64(1) << 40)
        .integer(QStringLiteral("probeTrainLimit"), c.probeTrainLimit, 0, qint64(1) << 40)
        .integer(QStringLiteral("testLimit"), c.testLimit, 0, qint64(1) << 40)
        .integer(QStringLiteral("probeBatch"), c.probeBatch, 2, 4096)
        .integer(QStringLiteral("bootstrapResamples"), c.bootstrapResamples, 0, 1000000)
        .integer(QStringLiteral("epochEvaluationSamples"), c.epochEvaluationSamples, 0,
                 qint64(1) << 40);
    if (auto e = f.error())
        return *e;
    if (family != runFamilyName(RunFamily::Fare))
        return configError(QStringLiteral("family"), runFamilyName(RunFamily::Fare), family);
    if (o.contains(QStringLiteral("method")) && !lossJson.contains(QStringLiteral("method")))
        lossJson.insert(QStringLiteral("method"), o.value(QStringLiteral("method")));
    auto loss = LossConfig::fromJson(lossJson);
    if (!loss)
        return loss.error();
    c.loss = loss.value();
    if (o.contains(QStringLiteral("dataset"))) {
        auto dataset = readDatasetSpec(datasetJson, file);
        if (!dataset)
            return dataset.error();
        c.dataset = dataset.value();
    }
    if (o.contains(QStringLiteral("augment"))) {
        auto augment = AugmentConfig::fromJson(augmentJson, file);
        if (!augment)
            return augment.error();
        c.augment = augment.value();
    }
    auto ok = c.validate();
    if (!ok)
        return ok.error();
    return c;
}

Expected<Done> FareConfig::validate() const
{
    if (!QStringList{"lenet", "resnet18", "mlp"}.contains(encoder))
        return configError(QStringLiteral("encoder"), QStringLiteral("lenet, resnet18 or mlp"),
                           encoder);
    if (!QStringList{"sgd", "adam", "adamw", "lars"}.contains(optimizer))
        return configError(QStringLiteral("optimizer"), QStringLiteral("sgd, adam, adamw or lars"),
                           optimizer);
    if (!QStringList{"auto", "raw", "onehot"}.contains(zEncoding))
        return configError(QStringLiteral("zEncoding"), QStringLiteral("auto, raw or onehot"),
                           zEncoding);
    if (!QStringList{"kmeans", "quantile"}.contains(groupBinning))
        return configError(QStringLiteral("groupBinning"), QStringLiteral("kmeans or quantile"),
                           groupBinning);
    if (groupBins < 2)
        return configError(QStringLiteral("groupBins"), QStringLiteral("at least 2"),
                           QString::number(groupBins));
    if (minGroupSize < 1)
        return configError(QStringLiteral("minGroupSize"), QStringLiteral("at least 1"),
                           QString::number(minGroupSize));
    if (epochs < 1)
        return configError(QStringLiteral("epochs"), QStringLiteral("at least 1"),
                           QString::number(epochs));
    if (batchSize < 4)
        return configError(QStringLiteral("batchSize"), QStringLiteral("at least 4"),
                           QString::number(batchSize));
    if (!(learningRate > 0) || !std::isfinite(learningRate))
        return configError(QStringLiteral("learningRate"), QStringLiteral("a positive number"),
                           QString::number(learningRate));
    // The same bounds as the JSON reader's: values set by flags or code are checked here too.
    for (const auto &[key, value, min, max] :
         {std::tuple{"epochs", qint64(epochs), qint64(1), qint64(kMaxEpochs)},
          {"batchSize", batchSize, 4, 65536},
          {"threads", threads, 0, 1024},
          {"width", width, 1, 4096},
          {"projectionDim", projectionDim, 1, 65536},
          {"groupBins", groupBins, 2, 1000},
          {"probeBatch", probeBatch, 2, 4096},
          {"bootstrapResamples", bootstrapResamples, 0, 1000000},
          {"trainLimit", trainLimit, 0, qint64(1) << 40},
          {"probeTrainLimit", probeTrainLimit, 0, qint64(1) << 40},
          {"testLimit", testLimit, 0, qint64(1) << 40},
          {"epochEvaluationSamples", epochEvaluationSamples, 0, qint64(1) << 40}})
        if (value < min || value > max)
            return configError(QString::fromLatin1(key),
                               QStringLiteral("a whole number from %1 to %2").arg(min).arg(max),
                               QString::number(value));
    for (const auto &[key, value] : {std::pair{"weightDecay", weightDecay},
                                     {"momentum", momentum},
                                     {"larsTrustCoefficient", larsTrustCoefficient}})
        if (!std::isfinite(value) || value < 0)
            return configError(QString::fromLatin1(key), QStringLiteral("a finite number ≥ 0"),
                               QString::number(value));
    if (warmupEpochs < 0 || warmupEpochs >= std::max(1, epochs + 1))
        return configError(QStringLiteral("warmupEpochs"), QStringLiteral("0 … epochs"),
                           QString::number(warmupEpochs));
    if (auto e = computeOptionsError(device, precision, ReducedPrecisionOn::CpuAndCuda))
        return *e;
    if (target.isEmpty())
        return configError(QStringLiteral("target"), QStringLiteral("an attribute name"),
                           QStringLiteral("nothing"));
    if (sensitive.isEmpty())
        return configError(QStringLiteral("sensitive"), QStringLiteral("at least one attribute"),
                           QStringLiteral("nothing"));
    if (probeBatch < 2)
        return configError(QStringLiteral("probeBatch"), QStringLiteral("at least 2"),
                           QString::number(probeBatch));
    return Done{};
}

Expected<Done> FareConfig::validateAgainst(const Dataset &ds) const
{
    const QString names = ds.attributes.names().join(QStringLiteral(", "));
    if (!ds.attributes.contains(target))
        return configError(QStringLiteral("target"), QStringLiteral("one of %1").arg(names),
                           target);
    if (!ds.attributes.column(target).isDiscrete())
        return configError(QStringLiteral("target"),
                           QStringLiteral("a binary or categorical attribute"),
                           QStringLiteral("%1 (%2)").arg(
                               target, attributeTypeName(ds.attributes.column(target).type())));
    for (const QString &s : sensitive)
        if (!ds.attributes.contains(s))
            return configError(QStringLiteral("sensitive"), QStringLiteral("one of %1").arg(names),
                               s);
    if (encoder != QLatin1String("mlp") && !ds.images)
        return configError(QStringLiteral("encoder"), QStringLiteral("mlp for a feature dataset"),
                           encoder);
    if (encoder == QLatin1String("mlp") && !ds.features)
        return configError(QStringLiteral("encoder"),
                           QStringLiteral("lenet or resnet18 for an image dataset"), encoder);
    if (ds.indicesOf(Split::Train).empty() || ds.indicesOf(Split::Test).empty())
        return configError(QStringLiteral("dataset"), QStringLiteral("a train and a test split"),
                           QStringLiteral("an empty split"));
    return Done{};
}

GroupOptions FareConfig::groupOptions() const
{
    GroupOptions go;
    go.sensitive = sensitive;
    go.binning =
        groupBinning == QLatin1String("quantile") ? BinningMethod::Quantile : BinningMethod::KMeans;
    go.bins = groupBins;
    go.minGroupSize = minGroupSize;
    go.seed = seed;
    return go;
}

FareConfig FareConfig::coloredFashionMnistDefault()
{
    FareConfig c;
    c.name = QStringLiteral("FARE on Colored Fashion-MNIST");
    c.loss.method = LossMethod::Fare;
    c.dataset.format = QStringLiteral("colored");
    c.dataset.path = debianFashionMnistPath();
    c.target = QStringLiteral("label");
    c.sensitive = {QStringLiteral("rgb")};
    c.epochs = 3;
    return c;
}

} // namespace equiscope
