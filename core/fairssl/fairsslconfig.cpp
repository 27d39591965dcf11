#include "fairssl/fairsslconfig.h"

#include "fairssl/fairsslconfig_p.h"
#include "store/runrecord.h"

#include "data/coloredmnist.h"
#include "data/datasetspecjson.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>
#include <functional>
#include <limits>

namespace equiscope {

namespace fairsslconfig_detail {

DataError configError(const QString &field, const QString &expected, const QString &found)
{
    return fieldError(QStringLiteral("fair-ssl run config"), field, expected, found);
}

bool oneOf(const QString &value, const QStringList &accepted)
{
    return accepted.contains(value);
}

} // namespace fairsslconfig_detail

using namespace fairsslconfig_detail;

namespace {

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
        integer(QStringLiteral("metaWeight.minPerCell"), &C::metaMinPerCell),
        text(QStringLiteral("metaWeight.output"), &C::metaOutput),
        real(QStringLiteral("metaWeight.minWeight"), &C::metaMinWeight),
        integer(QStringLiteral("metaWeight.warmupEpochs"), &C::metaWarmupEpochs),
        text(QStringLiteral("metaWeight.metaLoss"), &C::metaLoss),
        integer(QStringLiteral("epochs"), &C::epochs),
        integer(QStringLiteral("batchSize"), &C::batchSize),
        real(QStringLiteral("learningRate"), &C::learningRate),
        real(QStringLiteral("weightDecay"), &C::weightDecay),
        text(QStringLiteral("optimizer"), &C::optimizer),
        text(QStringLiteral("device"), &C::device),
        text(QStringLiteral("precision"), &C::precision),
        integer(QStringLiteral("threads"), &C::threads),
        integer(QStringLiteral("probeTrainLimit"), &C::probeTrainLimit),
        integer(QStringLiteral("testLimit"), &C::testLimit),
        integer(QStringLiteral("bootstrapResamples"), &C::bootstrapResamples),
        integer(QStringLiteral("epochEvaluationSamples"), &C::epochEvaluationSamples),
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
    case Option::Integer: {
        // A whole number within the range of the narrowest integer option (int) before any
        // conversion: 1e51 cast to qint64 and 1e12 cast to int were undefined behaviour (found
        // by scripts/fuzz).
        const double d = v.toDouble();
        return v.isDouble() && std::isfinite(d) && d == std::floor(d) &&
               std::abs(d) <= double(std::numeric_limits<int>::max());
    }
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

void removePath(QJsonObject &root, const QString &path)
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        root.remove(path);
        return;
    }
    QJsonObject section = root.value(path.left(dot)).toObject();
    section.remove(path.mid(dot + 1));
    root.insert(path.left(dot), section);
}

/// Options added after run configs were first stored, with the value their absence stands for:
/// the behaviour of the runs stored before them.
const std::vector<std::pair<QString, QJsonValue>> &absentValues()
{
    static const std::vector<std::pair<QString, QJsonValue>> values{
        {QStringLiteral("precision"), QStringLiteral("fp32")},
        {QStringLiteral("optimizer"), QStringLiteral("adam")},
        {QStringLiteral("metaWeight.minPerCell"), qint64(0)},
        {QStringLiteral("metaWeight.output"), QStringLiteral("sigmoid")},
        {QStringLiteral("metaWeight.minWeight"), 0.0},
        {QStringLiteral("metaWeight.warmupEpochs"), qint64(0)},
        {QStringLiteral("metaWeight.metaLoss"), QStringLiteral("supcon")}};
    return values;
}

/// What of metaWeight the meta set is built from (the rest only steers training).
QJsonObject metaSetKey(const QJsonObject &meta)
{
    QJsonObject key;
    // minPerCell is written only where set, so that older stage keys keep matching.
    for (const char *name : {"fraction", "minConfidence", "minPerCell"})
        if (meta.contains(QLatin1String(name)))
            key.insert(QLatin1String(name), meta.value(QLatin1String(name)));
    return key;
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
    o.insert(QStringLiteral("family"), runFamilyName(RunFamily::FairSsl));
    o.insert(QStringLiteral("method"), fairSslMethodName(method));
    o.insert(QStringLiteral("dataset"), dataset.toJson());
    for (const Option &opt : options())
        insertPath(o, opt.path, opt.get(*this));
    // Options added after configs were first stored are written only when they differ from what
    // their absence means: stored configs (and reproduction hashes) stay what they were.
    for (const auto &[path, before] : absentValues())
        if (valueAt(o, path) == before)
            removePath(o, path);
    o.insert(QStringLiteral("augment"), augment.toJson());
    // Seeds are 64-bit: text keeps every bit (JSON numbers are doubles).
    o.insert(QStringLiteral("seed"), QString::number(seed));
    return o;
}

Expected<FairSslConfig> FairSslConfig::fromJson(const QJsonObject &o)
{
    FairSslConfig c;
    if (const QJsonValue name = o.value(QStringLiteral("name")); name.isString())
        c.name = name.toString();
    else if (!name.isUndefined())
        return configError(QStringLiteral("name"), QStringLiteral("text"), jsonText(name));
    if (o.contains(QStringLiteral("family")) &&
        o.value(QStringLiteral("family")).toString() != runFamilyName(RunFamily::FairSsl))
        return configError(QStringLiteral("family"), runFamilyName(RunFamily::FairSsl),
                           jsonText(o.value(QStringLiteral("family"))));
    if (o.contains(QStringLiteral("method"))) {
        auto m = fairSslMethodFromName(o.value(QStringLiteral("method")).toString());
        if (!m)
            return m.error();
        c.method = m.value();
    }
    // Unknown keys are errors too: a misspelt option must not silently keep its default.
    QSet<QString> paths, sections;
    for (const Option &opt : options()) {
        paths.insert(opt.path);
        if (opt.path.contains(QLatin1Char('.')))
            sections.insert(opt.path.section(QLatin1Char('.'), 0, 0));
    }
    const QSet<QString> plain{QStringLiteral("name"),    QStringLiteral("family"),
                              QStringLiteral("method"),  QStringLiteral("dataset"),
                              QStringLiteral("augment"), QStringLiteral("seed")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (plain.contains(key) || paths.contains(key))
            continue;
        if (sections.contains(key) && it.value().isObject()) {
            const QJsonObject section = it.value().toObject();
            for (auto jt = section.begin(); jt != section.end(); ++jt)
                if (!paths.contains(key + QLatin1Char('.') + jt.key()))
                    return configError(key + QLatin1Char('.') + jt.key(),
                                       QStringLiteral("an option of section '%1'").arg(key),
                                       QStringLiteral("an unknown key"));
            continue;
        }
        return configError(key, QStringLiteral("a key of a fair-SSL run config"),
                           QStringLiteral("an unknown key"));
    }
    if (o.contains(QStringLiteral("dataset"))) {
        auto dataset = readDatasetSpec(o.value(QStringLiteral("dataset")),
                                       QStringLiteral("fair-ssl run config"));
        if (!dataset)
            return dataset.error();
        c.dataset = dataset.value();
    }
    // A stored config without a later option ran without it: absent means the old behaviour,
    // not today's default (which would silently change a resumed or replayed run).
    for (const auto &[path, before] : absentValues())
        if (!valueAt(o, path))
            findOption(path)->set(c, before);
    for (const Option &opt : options()) {
        const auto v = valueAt(o, opt.path);
        if (!v)
            continue;
        if (!typeMatches(opt.kind, *v))
            return configError(opt.path, kindName(opt.kind), jsonText(*v));
        opt.set(c, *v);
    }
    if (o.contains(QStringLiteral("augment"))) {
        auto augment = AugmentConfig::fromJson(o.value(QStringLiteral("augment")).toObject());
        if (!augment)
            return augment.error();
        c.augment = augment.value();
    }
    const QJsonValue seed = o.value(QStringLiteral("seed"));
    if (seed.isString()) {
        bool ok = false;
        c.seed = seed.toString().toULongLong(&ok);
        if (!ok)
            return configError(QStringLiteral("seed"), QStringLiteral("an unsigned integer"),
                               jsonText(seed));
    } else if (seed.isDouble()) {
        // Checked before the conversion: 1e64 as quint64 was undefined behaviour (scripts/fuzz).
        const double d = seed.toDouble();
        if (!std::isfinite(d) || d < 0 || d != std::floor(d) || d >= 9007199254740992.0)
            return configError(QStringLiteral("seed"),
                               QStringLiteral("an unsigned integer below 2^53 (larger seeds as a "
                                              "string)"),
                               jsonText(seed));
        c.seed = quint64(d);
    } else if (!seed.isUndefined()) {
        return configError(QStringLiteral("seed"), QStringLiteral("an unsigned integer"),
                           jsonText(seed));
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
                            "bootstrapResamples", "probeTrainLimit", "epochEvaluationSamples"})
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
        o.insert(QStringLiteral("metaWeight"), metaWeighted() ? metaSetKey(meta) : QJsonObject{});
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
