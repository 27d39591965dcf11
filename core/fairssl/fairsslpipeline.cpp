#include "fairssl/fairsslpipeline_p.h"
#include "fairssl/pseudolabels_p.h"

#include "eval/bootstrap.h"
#include "util/environment.h"
#include "util/torchdevice_p.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>

#include <algorithm>
#include <random>

namespace equiscope {

quint64 fairSslStream(quint64 seed, quint64 purpose, quint64 index)
{
    quint64 x = seed * 0x9E3779B97F4A7C15ull ^
                (purpose + 0x5851F42D4C957F2Dull) * 0xBF58476D1CE4E5B9ull ^
                (index + 1) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    x *= 0xD6E8FEB86659FD93ull;
    return x ^ (x >> 32);
}

DataError fairSslError(const QString &detail)
{
    DataError e;
    e.detail = detail;
    return e;
}

torch::Tensor indexTensor(const std::vector<qint64> &samples)
{
    return torch::tensor(std::vector<int64_t>(samples.begin(), samples.end()), torch::kLong);
}

namespace {

std::vector<qint64> limited(std::vector<qint64> samples, qint64 limit, quint64 seed)
{
    if (limit > 0 && qint64(samples.size()) > limit) {
        std::mt19937_64 rng(seed);
        std::shuffle(samples.begin(), samples.end(), rng);
        samples.resize(size_t(limit));
        std::sort(samples.begin(), samples.end());
    }
    return samples;
}

} // namespace

QJsonObject StageReport::toJson() const
{
    return QJsonObject{{QStringLiteral("stage"), stage},     {QStringLiteral("input"), input},
                       {QStringLiteral("kept"), kept},       {QStringLiteral("dropped"), dropped},
                       {QStringLiteral("seconds"), seconds}, {QStringLiteral("details"), details}};
}

StageReport StageReport::fromJson(const QJsonObject &o)
{
    StageReport r;
    r.stage = o.value(QStringLiteral("stage")).toString();
    r.input = qint64(o.value(QStringLiteral("input")).toDouble());
    r.kept = qint64(o.value(QStringLiteral("kept")).toDouble());
    r.dropped = qint64(o.value(QStringLiteral("dropped")).toDouble());
    r.seconds = o.value(QStringLiteral("seconds")).toDouble();
    r.details = o.value(QStringLiteral("details")).toObject();
    return r;
}

QJsonObject FairSslEpochReport::toJson() const
{
    QJsonObject o{
        {QStringLiteral("stage"), stage},     {QStringLiteral("stageEpoch"), epoch},
        {QStringLiteral("loss"), loss},       {QStringLiteral("learningRate"), learningRate},
        {QStringLiteral("seconds"), seconds}, {QStringLiteral("imagesPerSecond"), imagesPerSecond}};
    if (metaLoss >= 0)
        o.insert(QStringLiteral("metaLoss"), metaLoss);
    if (metaLossAtTheta >= 0)
        o.insert(QStringLiteral("metaLossAtTheta"), metaLossAtTheta);
    if (!weights.isEmpty()) {
        // weightMean: V's raw output; the rest: relative weights w / batch mean (what the
        // normalised loss Σwℓ/Σw applies), per group > 1 = up-weighted.
        o.insert(QStringLiteral("weightMean"), weights.value(QStringLiteral("rawMean")));
        o.insert(QStringLiteral("relativeWeightStd"), weights.value(QStringLiteral("std")));
        QJsonObject byGroup;
        for (const QJsonValue &g : weights.value(QStringLiteral("groups")).toArray())
            byGroup.insert(g.toObject().value(QStringLiteral("label")).toString(),
                           g.toObject().value(QStringLiteral("mean")));
        o.insert(QStringLiteral("relativeWeightByGroup"), byGroup);
    }
    return o;
}

QJsonObject FairSslEvaluation::toJson() const
{
    QJsonObject o{{QStringLiteral("accuracy"), accuracy},
                  {QStringLiteral("probeTrainSamples"), probeTrainSamples},
                  {QStringLiteral("testSamples"), testSamples}};
    if (biasProbeAccuracy >= 0) {
        o.insert(QStringLiteral("bias_probe_accuracy"), biasProbeAccuracy);
        o.insert(QStringLiteral("bias_probe_majority_rate"), biasProbeMajorityRate);
    }
    if (pseudoLabelAccuracy >= 0) {
        o.insert(QStringLiteral("pseudo_label_accuracy"), pseudoLabelAccuracy);
        o.insert(QStringLiteral("pseudoLabelAccuracyByGroup"), pseudoLabelAccuracyByGroup);
    }
    // Headline group numbers at the top level, so summaries (CLI JSON) show them directly.
    const QJsonObject overall = groupMetrics.value(QStringLiteral("overall")).toObject();
    for (const char *name :
         {"worst_group_accuracy", "worst_judged_group_accuracy", "accuracy_std",
          "accuracy_max_min_ratio", "skewed_error_ratio", "equalized_odds_difference",
          "demographic_parity_difference", "equal_opportunity_difference"}) {
        const QJsonValue v =
            overall.value(QLatin1String(name)).toObject().value(QStringLiteral("value"));
        if (v.isDouble())
            o.insert(QLatin1String(name), v);
    }
    if (!groupMetrics.isEmpty()) {
        const QJsonObject worst = worstGroupsJson(groupMetrics);
        for (auto it = worst.begin(); it != worst.end(); ++it)
            o.insert(it.key(), it.value());
        o.insert(QStringLiteral("groupMetrics"), groupMetrics);
    }
    return o;
}

QJsonObject weightHistogramJson(const std::vector<float> &weights, const std::vector<int> &groupOf,
                                const QStringList &groupLabels, int bins, double maxValue)
{
    const int groups = int(groupLabels.size());
    std::vector<std::vector<int>> counts(size_t(groups), std::vector<int>(size_t(bins), 0));
    std::vector<double> sums(size_t(groups), 0.0);
    std::vector<qint64> ns(size_t(groups), 0);
    double sum = 0, sumSq = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const double w = std::max(0.0, double(weights[i]));
        sum += w;
        sumSq += w * w;
        const int g = groupOf[i];
        if (g < 0 || g >= groups)
            continue;
        ++counts[size_t(g)][size_t(std::min(bins - 1, int(w / maxValue * bins)))];
        sums[size_t(g)] += w;
        ++ns[size_t(g)];
    }
    QJsonArray list;
    for (int g = 0; g < groups; ++g) {
        QJsonArray c;
        for (int v : counts[size_t(g)])
            c.append(v);
        QJsonObject o{{QStringLiteral("label"), groupLabels[g]},
                      {QStringLiteral("counts"), c},
                      {QStringLiteral("n"), ns[size_t(g)]}};
        if (ns[size_t(g)] > 0)
            o.insert(QStringLiteral("mean"), sums[size_t(g)] / double(ns[size_t(g)]));
        list.append(o);
    }
    const double n = double(std::max<size_t>(1, weights.size()));
    const double mean = sum / n;
    return QJsonObject{{QStringLiteral("bins"), bins},
                       {QStringLiteral("max"), maxValue},
                       {QStringLiteral("groups"), list},
                       {QStringLiteral("mean"), mean},
                       {QStringLiteral("std"), std::sqrt(std::max(0.0, sumSq / n - mean * mean))}};
}

FairSslPipeline::FairSslPipeline() : d(std::make_unique<Private>()) {}
FairSslPipeline::~FairSslPipeline() = default;

const FairSslConfig &FairSslPipeline::config() const
{
    return d->config;
}

QStringList FairSslPipeline::stages() const
{
    return fairSslStages(d->config.method);
}

QString FairSslPipeline::deviceName() const
{
    return QString::fromStdString(d->device.str());
}

int FairSslPipeline::epochsOf(const QString &stage) const
{
    if (stage == QLatin1String("embed"))
        return d->script ? 0 : d->config.embedEpochs;
    if (stage == QLatin1String("train"))
        return d->config.epochs;
    return 0;
}

QJsonObject FairSslPipeline::sampleCounts() const
{
    return QJsonObject{{QStringLiteral("seeds"), qint64(d->seeds.size())},
                       {QStringLiteral("pool"), qint64(d->pool.size())},
                       {QStringLiteral("classifierTrain"), qint64(d->evalTrain.size())},
                       {QStringLiteral("test"), qint64(d->evalTest.size())},
                       {QStringLiteral("classes"), QJsonArray::fromStringList(d->classNames)},
                       {QStringLiteral("groups"), d->groups.groupCount()}};
}

Expected<std::unique_ptr<FairSslPipeline>> FairSslPipeline::create(const FairSslConfig &config,
                                                                   const Dataset &dataset)
{
    auto valid = config.validate();
    if (!valid)
        return valid.error();
    valid = config.validateAgainst(dataset);
    if (!valid)
        return valid.error();
    std::unique_ptr<FairSslPipeline> pipeline(new FairSslPipeline);
    Private &p = *pipeline->d;
    p.config = config;
    p.dataset = dataset;
    try {
        configureTorchThreads(config.threads);
        p.device = resolveTorchDevice(config.device);
        p.precision = precisionType(config.precision, p.device);
        torch::manual_seed(config.seed);

        // Classes: the chosen target levels in their order, or every level.
        const Attribute &target = dataset.attributes.column(config.target);
        p.classNames = config.targetLevels.isEmpty() ? target.levels() : config.targetLevels;
        p.classes = int(p.classNames.size());
        if (p.classes < 2)
            return fairSslError(QStringLiteral("the target '%1' has %2 level(s); a classifier "
                                               "needs at least two classes")
                                    .arg(config.target)
                                    .arg(p.classes));
        std::vector<int> levelToClass(size_t(target.levels().size()), -1);
        for (int c = 0; c < p.classes; ++c)
            levelToClass[size_t(target.levels().indexOf(p.classNames[c]))] = c;
        p.classOf.resize(size_t(dataset.size));
        for (qint64 i = 0; i < dataset.size; ++i) {
            const int code = target.code(i);
            p.classOf[size_t(i)] = code >= 0 ? levelToClass[size_t(code)] : -1;
        }

        GroupOptions go;
        go.sensitive = config.sensitive;
        go.binning = BinningMethod::KMeans;
        go.bins = config.groupBins;
        go.minGroupSize = config.minGroupSize;
        go.seed = config.seed;
        auto groups = assignGroups(dataset.attributes, go, dataset.name);
        if (!groups)
            return groups.error();
        p.groups = groups.value();

        std::vector<qint64> labelledTrain, labelledTest;
        for (qint64 i : dataset.indicesOf(Split::Train))
            if (p.classOf[size_t(i)] >= 0)
                labelledTrain.push_back(i);
        for (qint64 i : dataset.indicesOf(Split::Test))
            if (p.classOf[size_t(i)] >= 0)
                labelledTest.push_back(i);
        if (labelledTrain.empty() || labelledTest.empty())
            return fairSslError(QStringLiteral("no train or no test image has one of the target "
                                               "levels %1")
                                    .arg(p.classNames.join(QStringLiteral(", "))));
        p.evalTrain =
            limited(labelledTrain, config.probeTrainLimit, fairSslStream(config.seed, ProbeDraw));
        p.evalTest = limited(labelledTest, config.testLimit, fairSslStream(config.seed, TestDraw));
        p.seeds = limited(labelledTrain, config.seedSize, fairSslStream(config.seed, SeedDraw));
        // The pool: train images only (the test split never enters it), never a seed.
        std::vector<char> isSeed(size_t(dataset.size), 0);
        for (qint64 s : p.seeds)
            isSeed[size_t(s)] = 1;
        std::vector<qint64> candidates;
        const bool anyLevel = config.poolScope == QLatin1String("all");
        for (qint64 i : dataset.indicesOf(Split::Train))
            if (!isSeed[size_t(i)] && (anyLevel || p.classOf[size_t(i)] >= 0))
                candidates.push_back(i);
        p.pool = limited(candidates, config.poolLimit, fairSslStream(config.seed, PoolDraw));

        if (config.method != FairSslMethod::SupervisedCe &&
            config.method != FairSslMethod::SimClr) {
            std::vector<int> perClass(size_t(p.classes), 0);
            for (qint64 s : p.seeds)
                ++perClass[size_t(p.classOf[size_t(s)])];
            for (int c = 0; c < p.classes; ++c)
                if (perClass[size_t(c)] == 0)
                    return fairSslError(
                        QStringLiteral("the seed set (%1 images, pool.seedSize) has no image of "
                                       "class '%2', so pseudo-labels cannot be mapped to it")
                            .arg(p.seeds.size())
                            .arg(p.classNames[c]));
        }

        p.evaluator = std::make_unique<BatchAugmenter>(config.augment, 0);
        const bool embeds = config.method != FairSslMethod::SupervisedCe;
        if (embeds && config.encoderSource == QLatin1String("torchscript")) {
            TorchScriptInput in;
            in.size = config.encoderInputSize;
            in.channels = config.encoderInputChannels;
            in.mean = config.encoderMean;
            in.std = config.encoderStd;
            auto script = TorchScriptEncoder::load(config.encoderPath, in, p.device);
            if (!script)
                return script.error();
            p.script = std::move(script.value());
        } else if (embeds) {
            p.embedModel = p.newModel(fairSslStream(config.seed, EmbedInit));
            p.embedOptimizer = p.newOptimizer(p.embedModel->parameters(), config.embedLearningRate);
        }
        if (embeds && config.pseudoLabelMode == QLatin1String("zero-shot") &&
            config.method != FairSslMethod::SimClr) {
            auto text = pseudolabels::readClassEmbeddings(
                config.textEmbeddingsPath, p.classes, p.classNames, p.script ? p.script->dim() : 0);
            if (!text)
                return text.error();
            p.classEmbeddings = text.value();
        }
    } catch (const std::exception &e) {
        return fairSslError(QStringLiteral("could not set up the fair-SSL pipeline: %1")
                                .arg(QString::fromUtf8(e.what())));
    }
    return pipeline;
}

int FairSslPipeline::Private::imageChannels() const
{
    return dataset.images->shape().channels;
}

ContrastiveModel FairSslPipeline::Private::newModel(quint64 initSeed) const
{
    torch::manual_seed(initSeed);
    ContrastiveModel m(config.backbone, imageChannels(), 0, config.width, config.projectionDim);
    m->to(device);
    return m;
}

torch::Tensor FairSslPipeline::Private::gatherImages(const std::vector<qint64> &samples) const
{
    const auto &shape = dataset.images->shape();
    auto out = torch::empty({qint64(samples.size()), shape.height, shape.width, shape.channels},
                            torch::kUInt8);
    uint8_t *dst = out.data_ptr<uint8_t>();
    const qint64 bytes = shape.imageBytes();
    at::parallel_for(0, qint64(samples.size()), 64, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
            std::memcpy(dst + i * bytes, dataset.images->image(samples[size_t(i)]), size_t(bytes));
    });
    return out;
}

torch::Tensor FairSslPipeline::Private::rowsOf(const std::vector<qint64> &samples) const
{
    std::vector<int64_t> rows(samples.size());
    for (size_t i = 0; i < samples.size(); ++i)
        rows[i] = rowOf.at(samples[i]);
    return embeddings.index_select(0, torch::tensor(rows, torch::kLong));
}

torch::Tensor FairSslPipeline::Private::represent(ContrastiveModel &m,
                                                  const std::vector<qint64> &samples)
{
    torch::NoGradGuard guard;
    m->eval();
    std::vector<torch::Tensor> parts;
    const size_t chunk = 1024;
    for (size_t i = 0; i < samples.size(); i += chunk) {
        const std::vector<qint64> part(samples.begin() + qint64(i),
                                       samples.begin() +
                                           qint64(std::min(samples.size(), i + chunk)));
        parts.push_back(
            m->represent(evaluator->evaluate(gatherImages(part)).to(device)).to(torch::kCPU));
    }
    m->train();
    return parts.empty() ? torch::empty({0, m->representationDim()}) : torch::cat(parts);
}

double FairSslPipeline::Private::cosineRate(double peak, qint64 step, qint64 total)
{
    const double t = double(step) / double(std::max<qint64>(1, total));
    return peak * 0.5 * (1.0 + std::cos(M_PI * std::min(1.0, t)));
}

QJsonObject FairSslPipeline::Private::thumbnailItem(qint64 sample, qint64 partner, double score,
                                                    const QString &reason) const
{
    const auto &shape = dataset.images->shape();
    auto png = [&](qint64 s) {
        const QImage::Format format =
            shape.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
        const QImage image(dataset.images->image(s), shape.width, shape.height,
                           int(shape.width * shape.channels), format);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return QString::fromLatin1(bytes.toBase64());
    };
    QJsonObject o{{QStringLiteral("sample"), sample},
                  {QStringLiteral("score"), score},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("image"), png(sample)}};
    if (partner >= 0) {
        o.insert(QStringLiteral("partner"), partner);
        o.insert(QStringLiteral("partnerImage"), png(partner));
    }
    return o;
}

Expected<FairSslEpochReport> FairSslPipeline::runEpoch(const QString &stage, int epoch,
                                                       const std::atomic<bool> &cancel,
                                                       const StageProgressFn &progress)
{
    try {
        if (stage == QLatin1String("embed"))
            return d->embedEpoch(epoch, cancel, progress);
        if (stage == QLatin1String("train")) {
            if (!d->trainReady) {
                auto ready = d->prepareTraining();
                if (!ready)
                    return ready.error();
            }
            return d->trainEpoch(epoch, cancel, progress);
        }
    } catch (const std::exception &e) {
        return fairSslError(QStringLiteral("stage %1 failed at epoch %2: %3")
                                .arg(stage)
                                .arg(epoch)
                                .arg(QString::fromUtf8(e.what())));
    }
    return fairSslError(QStringLiteral("stage %1 has no epochs").arg(stage));
}

Expected<StageResult> FairSslPipeline::completeStage(const QString &stage,
                                                     const std::atomic<bool> &cancel,
                                                     const StageProgressFn &progress)
{
    try {
        if (stage == QLatin1String("embed"))
            return d->completeEmbed(cancel, progress);
        if (stage == QLatin1String("dedup"))
            return d->completeDedup(cancel);
        if (stage == QLatin1String("retrieve"))
            return d->completeRetrieve(cancel);
        if (stage == QLatin1String("quality"))
            return d->completeQuality(cancel);
        if (stage == QLatin1String("pseudo-label"))
            return d->completePseudoLabel();
        if (stage == QLatin1String("train")) {
            if (!d->trainReady) {
                auto ready = d->prepareTraining();
                if (!ready)
                    return ready.error();
            }
            return d->completeTrain();
        }
    } catch (const std::exception &e) {
        return fairSslError(
            QStringLiteral("stage %1 failed: %2").arg(stage, QString::fromUtf8(e.what())));
    }
    return fairSslError(QStringLiteral("unknown stage '%1'").arg(stage));
}

} // namespace equiscope
