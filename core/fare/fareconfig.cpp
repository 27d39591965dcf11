#include "fare/fareconfig.h"

#include "store/runrecord.h"

#include "data/coloredmnist.h"

#include <QJsonArray>

namespace equiscope {

namespace {
DataError configError(const QString &field, const QString &expected, const QString &found)
{
    DataError e;
    e.file = QStringLiteral("run config");
    e.field = field;
    e.expected = expected;
    e.found = found;
    return e;
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
    o.insert(QStringLiteral("threads"), threads);
    o.insert(QStringLiteral("trainLimit"), trainLimit);
    o.insert(QStringLiteral("probeTrainLimit"), probeTrainLimit);
    o.insert(QStringLiteral("testLimit"), testLimit);
    o.insert(QStringLiteral("probeBatch"), probeBatch);
    o.insert(QStringLiteral("bootstrapResamples"), bootstrapResamples);
    return o;
}

Expected<FareConfig> FareConfig::fromJson(const QJsonObject &o)
{
    FareConfig c;
    c.name = o.value(QStringLiteral("name")).toString();
    QJsonObject lossJson = o.value(QStringLiteral("loss")).toObject();
    if (o.contains(QStringLiteral("method")) && !lossJson.contains(QStringLiteral("method")))
        lossJson.insert(QStringLiteral("method"), o.value(QStringLiteral("method")));
    auto loss = LossConfig::fromJson(lossJson);
    if (!loss)
        return loss.error();
    c.loss = loss.value();
    if (o.contains(QStringLiteral("dataset")))
        c.dataset = DatasetSpec::fromJson(o.value(QStringLiteral("dataset")).toObject());
    c.target = o.value(QStringLiteral("target")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("sensitive")).toArray())
        c.sensitive << v.toString();
    if (o.value(QStringLiteral("sensitive")).isString())
        c.sensitive = o.value(QStringLiteral("sensitive"))
                          .toString()
                          .split(QLatin1Char(','), Qt::SkipEmptyParts);
    c.zEncoding = o.value(QStringLiteral("zEncoding")).toString(c.zEncoding);
    c.groupBins = o.value(QStringLiteral("groupBins")).toInt(c.groupBins);
    c.groupBinning = o.value(QStringLiteral("groupBinning")).toString(c.groupBinning);
    c.minGroupSize = o.value(QStringLiteral("minGroupSize")).toInt(c.minGroupSize);
    c.encoder = o.value(QStringLiteral("encoder")).toString(c.encoder);
    c.width = o.value(QStringLiteral("width")).toInt(c.width);
    c.projectionDim = o.value(QStringLiteral("projectionDim")).toInt(c.projectionDim);
    if (o.contains(QStringLiteral("augment")))
        c.augment = AugmentConfig::fromJson(o.value(QStringLiteral("augment")).toObject());
    c.optimizer = o.value(QStringLiteral("optimizer")).toString(c.optimizer);
    c.learningRate = o.value(QStringLiteral("learningRate")).toDouble(c.learningRate);
    c.weightDecay = o.value(QStringLiteral("weightDecay")).toDouble(c.weightDecay);
    c.momentum = o.value(QStringLiteral("momentum")).toDouble(c.momentum);
    c.larsTrustCoefficient =
        o.value(QStringLiteral("larsTrustCoefficient")).toDouble(c.larsTrustCoefficient);
    c.warmupEpochs = o.value(QStringLiteral("warmupEpochs")).toInt(c.warmupEpochs);
    c.epochs = o.value(QStringLiteral("epochs")).toInt(c.epochs);
    c.batchSize = o.value(QStringLiteral("batchSize")).toInt(c.batchSize);
    const QJsonValue seed = o.value(QStringLiteral("seed"));
    c.seed =
        seed.isString() ? seed.toString().toULongLong() : quint64(seed.toDouble(double(c.seed)));
    c.device = o.value(QStringLiteral("device")).toString(c.device);
    c.threads = o.value(QStringLiteral("threads")).toInt(c.threads);
    c.trainLimit = qint64(o.value(QStringLiteral("trainLimit")).toDouble(double(c.trainLimit)));
    c.probeTrainLimit =
        qint64(o.value(QStringLiteral("probeTrainLimit")).toDouble(double(c.probeTrainLimit)));
    c.testLimit = qint64(o.value(QStringLiteral("testLimit")).toDouble(double(c.testLimit)));
    c.probeBatch = o.value(QStringLiteral("probeBatch")).toInt(c.probeBatch);
    c.bootstrapResamples =
        o.value(QStringLiteral("bootstrapResamples")).toInt(c.bootstrapResamples);
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
    if (!(learningRate > 0))
        return configError(QStringLiteral("learningRate"), QStringLiteral("a positive number"),
                           QString::number(learningRate));
    if (warmupEpochs < 0 || warmupEpochs >= std::max(1, epochs + 1))
        return configError(QStringLiteral("warmupEpochs"), QStringLiteral("0 … epochs"),
                           QString::number(warmupEpochs));
    if (!(device == QLatin1String("auto") || device == QLatin1String("cpu") ||
          device.startsWith(QLatin1String("cuda"))))
        return configError(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda[:N]"),
                           device);
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
