#include "fairsslconfig.h"

#include "data/coloredmnist.h"

#include <QJsonArray>

#include <functional>

namespace equiscope {

namespace {

DataError configError(const QString &field, const QString &expected, const QString &found)
{
    DataError e;
    e.file = QStringLiteral("fair-ssl run config");
    e.field = field;
    e.expected = expected;
    e.found = found;
    return e;
}

/// One scalar option: its JSON path ("section.key" or "key"), how to read it from a config
/// as JSON and how to set it from JSON (false = wrong type). The one table drives toJson(),
/// fromJson() and withOption(), so the three cannot disagree.
struct Option
{
    QString path;
    enum Kind
    {
        Real,
        Integer,
        Flag,
        Text,
        TextList,
        RealList
    } kind;
    std::function<QJsonValue(const FairSslConfig &)> get;
    std::function<void(FairSslConfig &, const QJsonValue &)> set;
};

template <typename T> Option real(const QString &path, T FairSslConfig::*member)
{
    return {path, Option::Real, [member](const FairSslConfig &c) { return QJsonValue(c.*member); },
            [member](FairSslConfig &c, const QJsonValue &v) { c.*member = T(v.toDouble()); }};
}

template <typename T> Option integer(const QString &path, T FairSslConfig::*member)
{
    return {path, Option::Integer,
            [member](const FairSslConfig &c) { return QJsonValue(qint64(c.*member)); },
            [member](FairSslConfig &c, const QJsonValue &v) { c.*member = T(v.toDouble()); }};
}

Option flag(const QString &path, bool FairSslConfig::*member)
{
    return {path, Option::Flag, [member](const FairSslConfig &c) { return QJsonValue(c.*member); },
            [member](FairSslConfig &c, const QJsonValue &v) { c.*member = v.toBool(); }};
}

Option text(const QString &path, QString FairSslConfig::*member)
{
    return {path, Option::Text, [member](const FairSslConfig &c) { return QJsonValue(c.*member); },
            [member](FairSslConfig &c, const QJsonValue &v) { c.*member = v.toString(); }};
}

Option textList(const QString &path, QStringList FairSslConfig::*member)
{
    return {path, Option::TextList,
            [member](const FairSslConfig &c) { return QJsonArray::fromStringList(c.*member); },
            [member](FairSslConfig &c, const QJsonValue &v) {
                (c.*member).clear();
                for (const QJsonValue &x : v.toArray())
                    (c.*member) << x.toString();
            }};
}

Option realList(const QString &path, QVector<double> FairSslConfig::*member)
{
    return {path, Option::RealList,
            [member](const FairSslConfig &c) {
                QJsonArray a;
                for (double x : c.*member)
                    a.append(x);
                return QJsonValue(a);
            },
            [member](FairSslConfig &c, const QJsonValue &v) {
                (c.*member).clear();
                for (const QJsonValue &x : v.toArray())
                    (c.*member) << x.toDouble();
            }};
}

const QVector<Option> &options()
{
    using C = FairSslConfig;
    static const QVector<Option> table{
        text(QStringLiteral("target"), &C::target),
        textList(QStringLiteral("targetLevels"), &C::targetLevels),
        textList(QStringLiteral("sensitive"), &C::sensitive),
        integer(QStringLiteral("groupBins"), &C::groupBins),
        integer(QStringLiteral("minGroupSize"), &C::minGroupSize),
        integer(QStringLiteral("pool.seedSize"), &C::seedSize),
        integer(QStringLiteral("pool.limit"), &C::poolLimit),
        text(QStringLiteral("pool.scope"), &C::poolScope),
        text(QStringLiteral("encoder.source"), &C::encoderSource),
        text(QStringLiteral("encoder.path"), &C::encoderPath),
        integer(QStringLiteral("encoder.inputSize"), &C::encoderInputSize),
        integer(QStringLiteral("encoder.inputChannels"), &C::encoderInputChannels),
        realList(QStringLiteral("encoder.mean"), &C::encoderMean),
        realList(QStringLiteral("encoder.std"), &C::encoderStd),
        text(QStringLiteral("encoder.whiten"), &C::embedWhitening),
        integer(QStringLiteral("encoder.epochs"), &C::embedEpochs),
        real(QStringLiteral("encoder.learningRate"), &C::embedLearningRate),
        real(QStringLiteral("encoder.temperature"), &C::embedTemperature),
        text(QStringLiteral("backbone"), &C::backbone),
        integer(QStringLiteral("width"), &C::width),
        integer(QStringLiteral("projectionDim"), &C::projectionDim),
        real(QStringLiteral("dedup.threshold"), &C::dedupThreshold),
        flag(QStringLiteral("dedup.againstEval"), &C::dedupAgainstEval),
        integer(QStringLiteral("retrieval.perSeed"), &C::retrievalPerSeed),
        flag(QStringLiteral("quality.enabled"), &C::qualityFilter),
        real(QStringLiteral("quality.threshold"), &C::qualityThreshold),
        text(QStringLiteral("pseudoLabels.mode"), &C::pseudoLabelMode),
        integer(QStringLiteral("pseudoLabels.labelledPerClass"), &C::labelledPerClass),
        text(QStringLiteral("pseudoLabels.textEmbeddings"), &C::textEmbeddingsPath),
        real(QStringLiteral("pseudoLabels.zeroShotScale"), &C::zeroShotScale),
        integer(QStringLiteral("pseudoLabels.knnNeighbours"), &C::knnNeighbours),
        real(QStringLiteral("supcon.temperature"), &C::supconTemperature),
        text(QStringLiteral("supcon.init"), &C::supconInit),
        real(QStringLiteral("metaWeight.fraction"), &C::metaFraction),
        real(QStringLiteral("metaWeight.minConfidence"), &C::metaMinConfidence),
        integer(QStringLiteral("metaWeight.batch"), &C::metaBatch),
        text(QStringLiteral("metaWeight.scope"), &C::lookAheadScope),
        real(QStringLiteral("metaWeight.step"), &C::lookAheadStep),
        real(QStringLiteral("metaWeight.learningRate"), &C::metaLearningRate),
        integer(QStringLiteral("metaWeight.hidden"), &C::metaHidden),
        integer(QStringLiteral("epochs"), &C::epochs),
        integer(QStringLiteral("batchSize"), &C::batchSize),
        real(QStringLiteral("learningRate"), &C::learningRate),
        real(QStringLiteral("weightDecay"), &C::weightDecay),
        text(QStringLiteral("device"), &C::device),
        integer(QStringLiteral("threads"), &C::threads),
        integer(QStringLiteral("probeTrainLimit"), &C::probeTrainLimit),
        integer(QStringLiteral("testLimit"), &C::testLimit),
        integer(QStringLiteral("bootstrapResamples"), &C::bootstrapResamples),
        integer(QStringLiteral("thumbnails"), &C::thumbnails),
    };
    return table;
}

const Option *findOption(const QString &path)
{
    for (const Option &o : options())
        if (o.path == path)
            return &o;
    return nullptr;
}

QString kindName(Option::Kind kind)
{
    switch (kind) {
    case Option::Real:
        return QStringLiteral("a number");
    case Option::Integer:
        return QStringLiteral("an integer");
    case Option::Flag:
        return QStringLiteral("true or false");
    case Option::Text:
        return QStringLiteral("a string");
    case Option::TextList:
        return QStringLiteral("a list of strings");
    case Option::RealList:
        return QStringLiteral("a list of numbers");
    }
    return {};
}

bool typeMatches(Option::Kind kind, const QJsonValue &v)
{
    switch (kind) {
    case Option::Real:
        return v.isDouble();
    case Option::Integer:
        return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
    case Option::Flag:
        return v.isBool();
    case Option::Text:
        return v.isString();
    case Option::TextList:
    case Option::RealList:
        if (!v.isArray())
            return false;
        for (const QJsonValue &x : v.toArray())
            if (kind == Option::TextList ? !x.isString() : !x.isDouble())
                return false;
        return true;
    }
    return false;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return QStringLiteral("'%1'").arg(v.toString());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 10);
    if (v.isArray())
        return QStringLiteral("a list");
    if (v.isObject())
        return QStringLiteral("an object");
    return QStringLiteral("null");
}

void insertPath(QJsonObject &root, const QString &path, const QJsonValue &value)
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        root.insert(path, value);
        return;
    }
    const QString section = path.left(dot);
    QJsonObject child = root.value(section).toObject();
    child.insert(path.mid(dot + 1), value);
    root.insert(section, child);
}

std::optional<QJsonValue> valueAt(const QJsonObject &root, const QString &path)
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        if (!root.contains(path))
            return std::nullopt;
        return root.value(path);
    }
    const QJsonValue section = root.value(path.left(dot));
    if (!section.isObject() || !section.toObject().contains(path.mid(dot + 1)))
        return std::nullopt;
    return section.toObject().value(path.mid(dot + 1));
}

bool oneOf(const QString &value, const QStringList &accepted)
{
    return accepted.contains(value);
}

} // namespace

QString fairSslMethodName(FairSslMethod method)
{
    switch (method) {
    case FairSslMethod::FairSsl:
        return QStringLiteral("fair-ssl");
    case FairSslMethod::SimClr:
        return QStringLiteral("simclr");
    case FairSslMethod::SupCon:
        return QStringLiteral("supcon");
    case FairSslMethod::SupervisedCe:
        return QStringLiteral("supervised-ce");
    }
    return {};
}

QStringList fairSslMethodNames()
{
    return {QStringLiteral("fair-ssl"), QStringLiteral("simclr"), QStringLiteral("supcon"),
            QStringLiteral("supervised-ce")};
}

Expected<FairSslMethod> fairSslMethodFromName(const QString &name)
{
    for (FairSslMethod m : {FairSslMethod::FairSsl, FairSslMethod::SimClr, FairSslMethod::SupCon,
                            FairSslMethod::SupervisedCe})
        if (fairSslMethodName(m) == name)
            return m;
    return configError(QStringLiteral("method"), fairSslMethodNames().join(QStringLiteral(", ")),
                       name);
}

QStringList fairSslStages(FairSslMethod method)
{
    switch (method) {
    case FairSslMethod::FairSsl:
    case FairSslMethod::SupCon:
        return {QStringLiteral("embed"),        QStringLiteral("dedup"),
                QStringLiteral("retrieve"),     QStringLiteral("quality"),
                QStringLiteral("pseudo-label"), QStringLiteral("train"),
                QStringLiteral("classifier")};
    case FairSslMethod::SimClr:
        return {QStringLiteral("embed"), QStringLiteral("classifier")};
    case FairSslMethod::SupervisedCe:
        return {QStringLiteral("train"), QStringLiteral("classifier")};
    }
    return {};
}

QJsonObject FairSslConfig::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("family"), QStringLiteral("fair-ssl"));
    o.insert(QStringLiteral("method"), fairSslMethodName(method));
    o.insert(QStringLiteral("dataset"), dataset.toJson());
    for (const Option &opt : options())
        insertPath(o, opt.path, opt.get(*this));
    o.insert(QStringLiteral("augment"), augment.toJson());
    // Seeds are 64-bit: text keeps every bit (JSON numbers are doubles).
    o.insert(QStringLiteral("seed"), QString::number(seed));
    return o;
}

Expected<FairSslConfig> FairSslConfig::fromJson(const QJsonObject &o)
{
    FairSslConfig c;
    c.name = o.value(QStringLiteral("name")).toString();
    if (o.contains(QStringLiteral("family")) &&
        o.value(QStringLiteral("family")).toString() != QLatin1String("fair-ssl"))
        return configError(QStringLiteral("family"), QStringLiteral("fair-ssl"),
                           jsonText(o.value(QStringLiteral("family"))));
    if (o.contains(QStringLiteral("method"))) {
        auto m = fairSslMethodFromName(o.value(QStringLiteral("method")).toString());
        if (!m)
            return m.error();
        c.method = m.value();
    }
    if (o.contains(QStringLiteral("dataset")))
        c.dataset = DatasetSpec::fromJson(o.value(QStringLiteral("dataset")).toObject());
    for (const Option &opt : options()) {
        const auto v = valueAt(o, opt.path);
        if (!v)
            continue;
        if (!typeMatches(opt.kind, *v))
            return configError(opt.path, kindName(opt.kind), jsonText(*v));
        opt.set(c, *v);
    }
    if (o.contains(QStringLiteral("augment")))
        c.augment = AugmentConfig::fromJson(o.value(QStringLiteral("augment")).toObject());
    const QJsonValue seed = o.value(QStringLiteral("seed"));
    if (seed.isString()) {
        bool ok = false;
        c.seed = seed.toString().toULongLong(&ok);
        if (!ok)
            return configError(QStringLiteral("seed"), QStringLiteral("an unsigned integer"),
                               jsonText(seed));
    } else if (seed.isDouble()) {
        c.seed = quint64(seed.toDouble());
    }
    auto ok = c.validate();
    if (!ok)
        return ok.error();
    return c;
}

QJsonObject FairSslConfig::stageInputs(const QString &stage) const
{
    QJsonObject o = toJson();
    // Never part of a curation stage's inputs: what the run is called and what trains later.
    for (const char *key : {"name", "method", "epochs", "learningRate", "supcon",
                            "bootstrapResamples", "probeTrainLimit"})
        o.remove(QLatin1String(key));
    const QStringList order = fairSslStages(FairSslMethod::FairSsl);
    const int upTo = int(order.indexOf(stage));
    if (upTo < 0 || upTo >= order.indexOf(QStringLiteral("train")))
        return QJsonObject{}; // the training and classifier stages are never shared
    // Options of the stages after @p stage do not change its outputs.
    const QHash<QString, QStringList> keysOf{
        {QStringLiteral("dedup"), {QStringLiteral("dedup"), QStringLiteral("thumbnails")}},
        {QStringLiteral("retrieve"), {QStringLiteral("retrieval")}},
        {QStringLiteral("quality"), {QStringLiteral("quality")}},
        {QStringLiteral("pseudo-label"),
         {QStringLiteral("pseudoLabels"), QStringLiteral("metaWeight"), QStringLiteral("sensitive"),
          QStringLiteral("groupBins"), QStringLiteral("minGroupSize")}}};
    for (int i = upTo + 1; i < int(order.size()); ++i)
        for (const QString &key : keysOf.value(order[i]))
            o.remove(key);
    if (upTo >= order.indexOf(QStringLiteral("pseudo-label"))) {
        // The meta set is built with the pseudo-labels, only for the weighted method.
        QJsonObject meta = o.value(QStringLiteral("metaWeight")).toObject();
        o.insert(QStringLiteral("metaWeight"),
                 metaWeighted() ? QJsonObject{{QStringLiteral("fraction"),
                                               meta.value(QStringLiteral("fraction"))},
                                              {QStringLiteral("minConfidence"),
                                               meta.value(QStringLiteral("minConfidence"))}}
                                : QJsonObject{});
    }
    return o;
}

QStringList FairSslConfig::optionKeys()
{
    QStringList keys;
    for (const Option &o : options())
        keys << o.path;
    keys << QStringLiteral("seed") << QStringLiteral("method") << QStringLiteral("name");
    return keys;
}

Expected<FairSslConfig> FairSslConfig::withOption(const QString &key, const QString &value) const
{
    FairSslConfig c = *this;
    if (key == QLatin1String("method")) {
        auto m = fairSslMethodFromName(value);
        if (!m)
            return m.error();
        c.method = m.value();
        return c;
    }
    if (key == QLatin1String("name")) {
        c.name = value;
        return c;
    }
    if (key == QLatin1String("seed")) {
        bool ok = false;
        c.seed = value.toULongLong(&ok);
        if (!ok)
            return configError(key, QStringLiteral("an unsigned integer"), value);
        return c;
    }
    const Option *opt = findOption(key);
    if (!opt)
        return configError(QStringLiteral("option"),
                           QStringLiteral("one of %1").arg(optionKeys().join(QStringLiteral(", "))),
                           key);
    QJsonValue v;
    bool ok = true;
    switch (opt->kind) {
    case Option::Real:
        v = value.toDouble(&ok);
        break;
    case Option::Integer:
        v = value.toLongLong(&ok);
        break;
    case Option::Flag:
        ok = QStringList{"true", "false", "1", "0", "on", "off"}.contains(value);
        v = value == QLatin1String("true") || value == QLatin1String("1") ||
            value == QLatin1String("on");
        break;
    case Option::Text:
        v = value;
        break;
    case Option::TextList:
        v = QJsonArray::fromStringList(value.split(QLatin1Char(','), Qt::SkipEmptyParts));
        break;
    case Option::RealList: {
        QJsonArray a;
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool partOk = false;
            a.append(part.toDouble(&partOk));
            ok = ok && partOk;
        }
        v = a;
        break;
    }
    }
    if (!ok)
        return configError(key, kindName(opt->kind), QStringLiteral("'%1'").arg(value));
    opt->set(c, v);
    return c;
}

Expected<bool> FairSslConfig::validate() const
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
    if (epochs < 1)
        return configError(QStringLiteral("epochs"), QStringLiteral("at least 1"),
                           QString::number(epochs));
    if (batchSize < 4)
        return configError(QStringLiteral("batchSize"), QStringLiteral("at least 4"),
                           QString::number(batchSize));
    if (!positive(learningRate) || weightDecay < 0)
        return configError(QStringLiteral("learningRate/weightDecay"),
                           QStringLiteral("a positive rate and a decay ≥ 0"),
                           QStringLiteral("%1, %2").arg(learningRate).arg(weightDecay));
    if (!(device == QLatin1String("auto") || device == QLatin1String("cpu") ||
          device.startsWith(QLatin1String("cuda"))))
        return configError(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda[:N]"),
                           device);
    if (threads < 0 || probeTrainLimit < 0 || testLimit < 0 || bootstrapResamples < 0 ||
        thumbnails < 0 || minGroupSize < 1 || groupBins < 2)
        return configError(QStringLiteral("threads/limits/bootstrapResamples/thumbnails/groups"),
                           QStringLiteral("non-negative counts, minGroupSize ≥ 1, groupBins ≥ 2"),
                           QStringLiteral("a negative or too small value"));
    return true;
}

Expected<bool> FairSslConfig::validateAgainst(const Dataset &ds) const
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
    return true;
}

FairSslConfig FairSslConfig::coloredFashionMnistDefault()
{
    FairSslConfig c;
    c.name = QStringLiteral("Fair SSL on Colored Fashion-MNIST");
    c.dataset.format = QStringLiteral("colored");
    c.dataset.path = debianFashionMnistPath();
    c.dataset.options.insert(QStringLiteral("rho"), 0.7);
    c.target = QStringLiteral("label");
    c.targetLevels = {QStringLiteral("T-shirt/top"), QStringLiteral("Shirt")};
    c.sensitive = {QStringLiteral("color")};
    c.probeTrainLimit = 4000; // the classifier's share of the few-minutes budget
    return c;
}

} // namespace equiscope
