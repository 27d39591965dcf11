// FairSslPipeline: stage 1 (embed) — the SimCLR encoder trained on U ∪ S, or a TorchScript
// encoder — and the checkpoints / stage restore of every stage.
#include "fairssl/fairsslpipeline_p.h"

#include "losses/contrastiveloss_p.h"
#include "util/steplosstrace.h"
#include "util/torchdevice_p.h"

#include <QDataStream>
#include <QElapsedTimer>

#include <random>
#include <sstream>

namespace equiscope {

namespace F = torch::nn::functional;

namespace {

QByteArray toBytes(torch::serialize::OutputArchive &archive)
{
    std::ostringstream out;
    archive.save_to(out);
    const std::string s = out.str();
    return QByteArray(s.data(), qsizetype(s.size()));
}

void fromBytes(torch::serialize::InputArchive &archive, const QByteArray &bytes,
               const torch::Device &device)
{
    std::istringstream in(std::string(bytes.constData(), size_t(bytes.size())));
    archive.load_from(in, device);
}

std::vector<std::vector<qint64>> batchesOf(std::vector<qint64> samples, int batch, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::shuffle(samples.begin(), samples.end(), rng);
    std::vector<std::vector<qint64>> out;
    const size_t b = size_t(batch);
    if (samples.size() < b && samples.size() >= 2) {
        out.push_back(samples);
        return out;
    }
    for (size_t i = 0; i + b <= samples.size(); i += b)
        out.emplace_back(samples.begin() + qint64(i), samples.begin() + qint64(i + b));
    return out;
}

} // namespace

std::vector<std::vector<qint64>> fairSslBatches(const std::vector<qint64> &samples, int batch,
                                                quint64 seed)
{
    return batchesOf(samples, batch, seed);
}

torch::Tensor FairSslPipeline::Private::embedSamples(const std::vector<qint64> &samples,
                                                     const std::atomic<bool> &cancel,
                                                     const StageProgressFn &progress,
                                                     const QString &stage)
{
    torch::NoGradGuard guard;
    if (embedModel)
        embedModel->eval();
    std::vector<torch::Tensor> parts;
    const size_t chunk = script ? 128 : 1024;
    for (size_t i = 0; i < samples.size(); i += chunk) {
        if (cancel.load())
            return {};
        const std::vector<qint64> part(samples.begin() + qint64(i),
                                       samples.begin() +
                                           qint64(std::min(samples.size(), i + chunk)));
        const auto u8 = gatherImages(part);
        parts.push_back(
            script ? script->embed(u8)
                   : embedModel->represent(evaluator->evaluate(u8).to(device)).to(torch::kCPU));
        if (progress)
            progress(StageProgress{stage, 1, 1, qint64(std::min(samples.size(), i + chunk)),
                                   qint64(samples.size()), 0});
    }
    if (embedModel)
        embedModel->train();
    return torch::cat(parts).to(torch::kFloat32);
}

Expected<FairSslEpochReport> FairSslPipeline::Private::embedEpoch(int epoch,
                                                                  const std::atomic<bool> &cancel,
                                                                  const StageProgressFn &progress)
{
    FairSslEpochReport report;
    report.stage = QStringLiteral("embed");
    report.epoch = epoch;
    if (!embedModel)
        return fairSslError(QStringLiteral("the embed stage has no SimCLR encoder to train"));
    QElapsedTimer timer;
    timer.start();
    std::vector<qint64> samples = seeds;
    samples.insert(samples.end(), pool.begin(), pool.end());
    const auto batches = batchesOf(samples, config.batchSize,
                                   fairSslStream(config.seed, EmbedBatches, quint64(epoch)));
    if (batches.empty())
        return fairSslError(QStringLiteral("the embed stage has fewer than two images"));
    BatchAugmenter augmenter(config.augment,
                             fairSslStream(config.seed, EmbedViews, quint64(epoch)));
    LossConfig lc;
    lc.method = LossMethod::InfoNce;
    lc.temperature = config.embedTemperature;
    const auto loss = makeContrastiveLoss(lc, 1);
    if (precision != torch::kFloat)
        loss->setProductType(precision);
    const qint64 steps = qint64(batches.size());
    const qint64 total = steps * config.embedEpochs;
    if (parallel && embedReduction.sharded.empty()) {
        embedReduction.sharded = embedModel->backboneParameters();
        embedReduction.replicated = embedModel->headParameters();
        embedReduction.buffers = embedModel->backboneBuffers();
    }
    embedModel->train();
    double lossSum = 0;
    qint64 images = 0, done = 0;
    for (qint64 step = 0; step < steps; ++step) {
        if (cancel.load()) {
            report.cancelled = true;
            break;
        }
        const double lr = cosineRate(config.embedLearningRate, (epoch - 1) * steps + step, total);
        for (auto &group : embedOptimizer->param_groups())
            group.options().set_lr(lr);
        report.learningRate = lr;
        const auto &batch = batches[size_t(step)];
        const int64_t b = int64_t(batch.size());
        // Data-parallel: this rank's rows through the encoder, the head and the loss on the
        // gathered batch (fairsslpipelineparallel.cpp).
        const auto x = trainingViews(augmenter, batch, 2);
        torch::Tensor h, projected;
        {
            const AutocastScope autocast(device, precision);
            h = embedModel->represent(x);
        }
        h = gatherViews(h, b, 2);
        {
            const AutocastScope autocast(device, precision);
            projected = embedModel->project(h);
        }
        const auto u = F::normalize(projected.to(torch::kFloat), F::NormalizeFuncOptions().dim(1));
        LossInputs in;
        in.u1 = u.narrow(0, 0, b);
        in.u2 = u.narrow(0, b, b);
        const auto value = loss->forward(in).loss;
        const double v = value.item<double>();
        if (!std::isfinite(v))
            return fairSslError(QStringLiteral("the SimCLR loss became %1 at epoch %2, step %3; "
                                               "try a lower encoder.learningRate")
                                    .arg(v)
                                    .arg(epoch)
                                    .arg(step + 1));
        embedOptimizer->zero_grad();
        beginBackward(embedReduction);
        value.backward();
        endBackward(embedReduction);
        embedOptimizer->step();
        if (recordsRun())
            traceStepLoss(epoch, step + 1, v);
        lossSum += v;
        images += b;
        ++done;
        if (progress)
            progress(StageProgress{report.stage, epoch, config.embedEpochs, step + 1, steps, v});
    }
    report.loss = lossSum / double(std::max<qint64>(1, done));
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    report.imagesPerSecond = double(images) / std::max(1e-9, report.seconds);
    return report;
}

Expected<StageResult> FairSslPipeline::Private::completeEmbed(const std::atomic<bool> &cancel,
                                                              const StageProgressFn &progress)
{
    QElapsedTimer timer;
    timer.start();
    universe = seeds;
    universe.insert(universe.end(), pool.begin(), pool.end());
    const qint64 trainCount = qint64(universe.size());
    universe.insert(universe.end(), evalTest.begin(), evalTest.end());
    const auto raw = embedSamples(universe, cancel, progress, QStringLiteral("embed"));
    if (!raw.defined())
        return fairSslError(QStringLiteral("cancelled"));
    // Centre on the training images before normalising: encoders with one-signed outputs (tanh,
    // ReLU) put every cosine near 1, which would make every image a "duplicate". The SimCLR
    // representation is also strongly anisotropic (on the default, two directions hold 80 % of
    // its variance and the median nearest-neighbour cosine is 0.999): whitening it on the
    // training images makes the cosine thresholds mean near-duplicates again (median 0.89) and
    // its nearest neighbours share the class more often (0.71 vs 0.52 on the default).
    const auto centre = raw.narrow(0, 0, trainCount).mean(0, true);
    auto x = raw - centre;
    // (A covariance of fewer images than twice the width would whiten noise.)
    const bool whiten = (config.embedWhitening == QLatin1String("on") ||
                         (config.embedWhitening == QLatin1String("auto") && !script)) &&
                        trainCount >= 2 * raw.size(1);
    if (whiten) {
        const auto train = x.narrow(0, 0, trainCount).to(torch::kFloat64);
        const auto cov = train.t().mm(train) / double(std::max<qint64>(1, trainCount));
        auto [values, vectors] = torch::linalg::eigh(cov, "L");
        const auto scale = (values + 1e-6 * values.mean()).clamp_min(1e-12).rsqrt();
        x = x.to(torch::kFloat64).mm(vectors * scale.unsqueeze(0)).to(torch::kFloat32);
    }
    embeddings = F::normalize(x, F::NormalizeFuncOptions().dim(1)).contiguous();
    rowOf.clear();
    for (size_t i = 0; i < universe.size(); ++i)
        rowOf[universe[i]] = int64_t(i);

    StageResult r;
    r.report.stage = QStringLiteral("embed");
    r.report.input = trainCount;
    r.report.kept = trainCount;
    r.report.details =
        QJsonObject{{QStringLiteral("encoder"), script ? script->path() : QStringLiteral("simclr")},
                    {QStringLiteral("dim"), int(embeddings.size(1))},
                    {QStringLiteral("whitened"), whiten},
                    {QStringLiteral("seeds"), qint64(seeds.size())},
                    {QStringLiteral("pool"), qint64(pool.size())},
                    {QStringLiteral("testEmbedded"), qint64(evalTest.size())}};
    torch::serialize::OutputArchive archive;
    archive.write("universe", indexTensor(universe));
    archive.write("embeddings", embeddings);
    if (embedModel) {
        torch::serialize::OutputArchive model;
        embedModel->save(model);
        archive.write("model", model);
    }
    r.outputs = toBytes(archive);
    r.report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return r;
}

Expected<Done> FairSslPipeline::Private::restoreEmbed(const QByteArray &outputs)
{
    torch::serialize::InputArchive archive;
    fromBytes(archive, outputs, torch::kCPU);
    torch::Tensor u;
    archive.read("universe", u);
    archive.read("embeddings", embeddings);
    const auto acc = u.contiguous();
    universe.assign(acc.data_ptr<int64_t>(), acc.data_ptr<int64_t>() + acc.numel());
    rowOf.clear();
    for (size_t i = 0; i < universe.size(); ++i)
        rowOf[universe[i]] = int64_t(i);
    if (embedModel) {
        torch::serialize::InputArchive model;
        archive.read("model", model);
        embedModel->load(model);
        embedModel->to(device);
    }
    return Done{};
}

QByteArray FairSslPipeline::checkpoint(const QString &stage, int epoch) const
{
    torch::serialize::OutputArchive archive;
    archive.write("epoch", torch::tensor(int64_t(epoch)));
    torch::serialize::OutputArchive model, optimizer;
    if (stage == QLatin1String("embed")) {
        d->embedModel->save(model);
        d->embedOptimizer->save(optimizer);
    } else {
        d->model->save(model);
        d->optimizer->save(optimizer);
        if (d->weightNet) {
            torch::serialize::OutputArchive net, netOptimizer;
            d->weightNet->save(net);
            d->weightOptimizer->save(netOptimizer);
            archive.write("weightNet", net);
            archive.write("weightOptimizer", netOptimizer);
        }
        if (d->ceHead) {
            torch::serialize::OutputArchive head;
            d->ceHead->save(head);
            archive.write("ceHead", head);
        }
        if (d->metaHead) {
            torch::serialize::OutputArchive head, headOptimizer;
            d->metaHead->save(head);
            d->metaHeadOptimizer->save(headOptimizer);
            archive.write("metaHead", head);
            archive.write("metaHeadOptimizer", headOptimizer);
        }
    }
    archive.write("model", model);
    archive.write("optimizer", optimizer);
    return toBytes(archive);
}

Expected<int> FairSslPipeline::restoreCheckpoint(const QString &stage, const QByteArray &bytes)
{
    try {
        if (stage == QLatin1String("train") && !d->trainReady) {
            auto ready = d->prepareTraining();
            if (!ready)
                return ready.error();
        }
        torch::serialize::InputArchive archive;
        fromBytes(archive, bytes, d->device);
        torch::Tensor epoch;
        archive.read("epoch", epoch);
        torch::serialize::InputArchive model, optimizer;
        archive.read("model", model);
        archive.read("optimizer", optimizer);
        if (stage == QLatin1String("embed")) {
            d->embedModel->load(model);
            d->embedOptimizer->load(optimizer);
        } else {
            d->model->load(model);
            d->optimizer->load(optimizer);
            if (d->weightNet) {
                torch::serialize::InputArchive net, netOptimizer;
                archive.read("weightNet", net);
                archive.read("weightOptimizer", netOptimizer);
                d->weightNet->load(net);
                d->weightOptimizer->load(netOptimizer);
            }
            if (d->ceHead) {
                torch::serialize::InputArchive head;
                archive.read("ceHead", head);
                d->ceHead->load(head);
            }
            if (d->metaHead) {
                torch::serialize::InputArchive head, headOptimizer;
                archive.read("metaHead", head);
                archive.read("metaHeadOptimizer", headOptimizer);
                d->metaHead->load(head);
                d->metaHeadOptimizer->load(headOptimizer);
            }
        }
        return int(epoch.item<int64_t>());
    } catch (const std::exception &e) {
        return fairSslError(QStringLiteral("cannot restore the %1 checkpoint: %2")
                                .arg(stage, QString::fromUtf8(e.what())));
    }
}

namespace {

void writeList(QDataStream &s, const std::vector<qint64> &v)
{
    s << quint64(v.size());
    for (qint64 x : v)
        s << x;
}

std::vector<qint64> readList(QDataStream &s)
{
    quint64 n = 0;
    s >> n;
    std::vector<qint64> v;
    if (s.status() != QDataStream::Ok || n > (quint64(1) << 32))
        return v;
    v.resize(size_t(n));
    for (qint64 &x : v)
        s >> x;
    return v;
}

} // namespace

QByteArray fairSslPackLists(const std::vector<std::vector<qint64>> &lists,
                            const std::vector<float> &floats)
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_0);
    s << quint32(0x46534c31) << quint32(lists.size());
    for (const auto &l : lists)
        writeList(s, l);
    s << quint64(floats.size());
    for (float f : floats)
        s << f;
    return bytes;
}

bool fairSslUnpackLists(const QByteArray &bytes, std::vector<std::vector<qint64>> *lists,
                        std::vector<float> *floats)
{
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0, count = 0;
    s >> magic >> count;
    if (magic != 0x46534c31 || count > 64)
        return false;
    lists->clear();
    for (quint32 i = 0; i < count; ++i)
        lists->push_back(readList(s));
    quint64 n = 0;
    s >> n;
    if (n > (quint64(1) << 32))
        return false;
    floats->resize(size_t(n));
    for (float &f : *floats)
        s >> f;
    return s.status() == QDataStream::Ok;
}

Expected<Done> FairSslPipeline::restoreStage(const QString &stage, const QByteArray &outputs)
{
    try {
        if (stage == QLatin1String("embed"))
            return d->restoreEmbed(outputs);
        if (stage == QLatin1String("train"))
            return d->restoreTrain(outputs);
        std::vector<std::vector<qint64>> lists;
        std::vector<float> floats;
        if (!fairSslUnpackLists(outputs, &lists, &floats))
            return fairSslError(
                QStringLiteral("the stored outputs of stage %1 are unreadable").arg(stage));
        auto need = [&](size_t n) { return lists.size() >= n; };
        if (stage == QLatin1String("dedup") && need(2)) {
            d->keptSeeds = lists[0];
            d->keptPool = lists[1];
            return Done{};
        }
        if (stage == QLatin1String("retrieve") && need(1)) {
            d->curated = lists[0];
            return Done{};
        }
        if (stage == QLatin1String("quality") && need(1)) {
            d->trainSet = lists[0];
            return Done{};
        }
        if (stage == QLatin1String("pseudo-label") && need(4) && floats.size() == lists[0].size()) {
            d->trainSet = lists[0];
            d->pseudoLabel.assign(lists[1].begin(), lists[1].end());
            d->labelledExamples = lists[2];
            d->metaSet = lists[3];
            d->confidence = floats;
            return Done{};
        }
        return fairSslError(
            QStringLiteral("the stored outputs of stage %1 do not fit this run").arg(stage));
    } catch (const std::exception &e) {
        return fairSslError(
            QStringLiteral("cannot restore stage %1: %2").arg(stage, QString::fromUtf8(e.what())));
    }
}

} // namespace equiscope
