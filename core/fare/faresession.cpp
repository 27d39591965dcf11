#include "fare/faresession_p.h"

#include "distributed/dataparallelops_p.h"
#include "util/environment.h"
#include "util/steplosstrace.h"
#include "util/torchdevice_p.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

namespace equiscope {

namespace {

// Mixes the run seed with a purpose and an epoch so every random stream is reproducible on its
// own: a resumed run draws the same batches and views for epoch e as an uninterrupted one.
quint64 streamSeed(quint64 seed, quint64 purpose, quint64 epoch)
{
    quint64 x = seed * 0x9E3779B97F4A7C15ull ^
                (purpose + 0x632BE59BD9B4E019ull) * 0xBF58476D1CE4E5B9ull ^
                epoch * 0x94D049BB133111EBull;
    x ^= x >> 31;
    x *= 0xD6E8FEB86659FD93ull;
    return x ^ (x >> 32);
}

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

DataError sessionError(const QString &detail)
{
    DataError e;
    e.detail = detail;
    return e;
}

} // namespace

FareSession::FareSession() : d(std::make_unique<Private>()) {}
FareSession::~FareSession() = default;

const FareConfig &FareSession::config() const
{
    return d->config;
}

qint64 FareSession::stepsPerEpoch() const
{
    return d->stepsPerEpoch;
}

QString FareSession::deviceName() const
{
    return QString::fromStdString(d->device.str());
}

Expected<std::unique_ptr<FareSession>> FareSession::create(const FareConfig &config,
                                                           const Dataset &dataset)
{
    auto valid = config.validate();
    if (!valid)
        return valid.error();
    valid = config.validateAgainst(dataset);
    if (!valid)
        return valid.error();
    std::unique_ptr<FareSession> s(new FareSession);
    Private &p = *s->d;
    p.config = config;
    p.dataset = dataset;
    try {
        configureTorchThreads(config.threads);
        p.device = resolveTorchDevice(config.device);
        p.precision = precisionType(config.precision, p.device);
        torch::manual_seed(config.seed);

        p.trainSamples = limited(dataset.indicesOf(Split::Train), config.trainLimit,
                                 streamSeed(config.seed, 1, 0));
        p.probeTrain = limited(dataset.indicesOf(Split::Train), config.probeTrainLimit,
                               streamSeed(config.seed, 2, 0));
        p.testSamples = limited(dataset.indicesOf(Split::Test), config.testLimit,
                                streamSeed(config.seed, 3, 0));

        // z: every sensitive column, raw (continuous, vector) or one-hot (discrete), concatenated.
        const qint64 n = dataset.size;
        std::vector<torch::Tensor> raw;
        for (const QString &name : config.sensitive) {
            const Attribute &a = dataset.attributes.column(name);
            const bool oneHot = config.zEncoding == QLatin1String("onehot") ||
                                (config.zEncoding == QLatin1String("auto") && a.isDiscrete());
            if (oneHot && a.isDiscrete()) {
                auto codes =
                    torch::from_blob(const_cast<int32_t *>(a.codes().data()), {n}, torch::kInt32)
                        .to(torch::kLong);
                raw.push_back(
                    torch::one_hot(codes.clamp_min(0), a.levels().size()).to(torch::kFloat32));
            } else if (a.isDiscrete()) {
                auto codes = torch::from_blob(const_cast<int32_t *>(a.codes().data()), {n, 1},
                                              torch::kInt32);
                raw.push_back(codes.to(torch::kFloat32));
            } else {
                raw.push_back(torch::from_blob(const_cast<float *>(a.values().data()), {n, a.dim()},
                                               torch::kFloat32)
                                  .clone()
                                  .nan_to_num(0.0));
                p.zContinuous = true;
            }
        }
        p.zRaw = torch::cat(raw, 1).contiguous();
        auto trainIdx = torch::tensor(
            std::vector<int64_t>(p.trainSamples.begin(), p.trainSamples.end()), torch::kLong);
        auto trainZ = p.zRaw.index_select(0, trainIdx);
        auto mean = trainZ.mean(0, true), sd = trainZ.std(0, false, true).clamp_min(1e-6);
        p.zStandardized = ((p.zRaw - mean) / sd).contiguous();

        // Fair-InfoNCE bins: k-means on standardised z (K from the loss config).
        {
            std::vector<float> zv(p.zStandardized.data_ptr<float>(),
                                  p.zStandardized.data_ptr<float>() + p.zStandardized.numel());
            const auto bins =
                kMeansRows(zv, int(p.zStandardized.size(1)), std::max(1, config.loss.bins),
                           streamSeed(config.seed, 4, 0));
            p.fairBins =
                torch::tensor(std::vector<int64_t>(bins.begin(), bins.end()), torch::kLong);
        }
        auto groups = assignGroups(dataset.attributes, config.groupOptions(), dataset.name);
        if (!groups)
            return groups.error();
        p.groups = groups.value();

        const int channels = dataset.images ? dataset.images->shape().channels : 0;
        const int inputDim = dataset.features ? dataset.features->cols() : 0;
        const int width =
            config.encoder == QLatin1String("mlp") && config.width == 64 ? 256 : config.width;
        p.model = ContrastiveModel(config.encoder, channels, inputDim, width, config.projectionDim);
        p.model->to(p.device);
        p.loss = makeContrastiveLoss(config.loss, int(p.zStandardized.size(1)));
        p.loss->to(p.device);
        if (p.precision != torch::kFloat)
            p.loss->setProductType(p.precision);
        p.augmenter =
            std::make_unique<BatchAugmenter>(config.augment, streamSeed(config.seed, 5, 0));

        auto params = p.trainableParameters();
        const double lr = config.learningRate;
        if (config.optimizer == QLatin1String("adam"))
            p.optimizer = std::make_unique<torch::optim::Adam>(
                params, torch::optim::AdamOptions(lr).weight_decay(config.weightDecay));
        else if (config.optimizer == QLatin1String("adamw"))
            p.optimizer = std::make_unique<torch::optim::AdamW>(
                params, torch::optim::AdamWOptions(lr).weight_decay(config.weightDecay));
        else if (config.optimizer == QLatin1String("sgd"))
            p.optimizer =
                std::make_unique<torch::optim::SGD>(params, torch::optim::SGDOptions(lr)
                                                                .momentum(config.momentum)
                                                                .weight_decay(config.weightDecay));
        else
            p.lars = std::make_unique<LarsOptimizer>(
                params, lr, config.momentum, config.weightDecay, config.larsTrustCoefficient);
        p.stepsPerEpoch = qint64(p.epochBatches(1).size());
        if (p.stepsPerEpoch == 0)
            return sessionError(
                QStringLiteral("the training split has fewer samples (%1) than one batch (%2)")
                    .arg(p.trainSamples.size())
                    .arg(config.batchSize));

        // Fixed probe batch for the attention view: test samples sorted by group, then by z.
        std::vector<qint64> probe =
            limited(p.testSamples, config.probeBatch, streamSeed(config.seed, 6, 0));
        std::sort(probe.begin(), probe.end(), [&](qint64 a, qint64 b) {
            const int ga = p.groups.groupOf[size_t(a)], gb = p.groups.groupOf[size_t(b)];
            if (ga != gb)
                return ga < gb;
            return p.zRaw[a][0].item<float>() < p.zRaw[b][0].item<float>();
        });
        p.probeBatch = probe;
    } catch (const std::exception &e) {
        return sessionError(
            QStringLiteral("could not set up training: %1").arg(QString::fromUtf8(e.what())));
    }
    return s;
}

std::vector<torch::Tensor> FareSession::Private::trainableParameters() const
{
    auto params = model->parameters();
    for (const auto &t : loss->parameters())
        params.push_back(t);
    return params;
}

std::vector<std::vector<qint64>> FareSession::Private::epochBatches(int epoch) const
{
    std::mt19937_64 rng(streamSeed(config.seed, 7, quint64(epoch)));
    const size_t b = size_t(config.batchSize);
    std::vector<std::vector<qint64>> batches;
    auto chunk = [&](std::vector<qint64> &order) {
        std::shuffle(order.begin(), order.end(), rng);
        for (size_t i = 0; i + b <= order.size(); i += b)
            batches.emplace_back(order.begin() + qint64(i), order.begin() + qint64(i + b));
    };
    if (config.loss.method == LossMethod::FairInfoNce &&
        config.loss.fairMode == LossConfig::FairMode::Batch) {
        // Conditional sampling: every batch comes from one bin of z.
        std::map<int64_t, std::vector<qint64>> byBin;
        const int64_t *bins = fairBins.data_ptr<int64_t>();
        for (qint64 s : trainSamples)
            byBin[bins[s]].push_back(s);
        for (auto &entry : byBin)
            chunk(entry.second);
        std::shuffle(batches.begin(), batches.end(), rng);
    } else {
        std::vector<qint64> order = trainSamples;
        chunk(order);
    }
    return batches;
}

torch::Tensor FareSession::Private::gatherImages(const std::vector<qint64> &samples) const
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

torch::Tensor FareSession::Private::gatherFeatures(const std::vector<qint64> &samples) const
{
    const int cols = dataset.features->cols();
    auto out = torch::empty({qint64(samples.size()), cols}, torch::kFloat32);
    float *dst = out.data_ptr<float>();
    for (size_t i = 0; i < samples.size(); ++i)
        std::memcpy(dst + qint64(i) * cols, dataset.features->row(samples[i]),
                    size_t(cols) * sizeof(float));
    return out;
}

torch::Tensor FareSession::Private::rows(const torch::Tensor &table,
                                         const std::vector<qint64> &samples) const
{
    auto idx = torch::tensor(std::vector<int64_t>(samples.begin(), samples.end()), torch::kLong);
    return table.index_select(0, idx);
}

torch::Tensor FareSession::Private::trainingViews(const std::vector<qint64> &batch)
{
    // A rank's share of the batch: rows [offset, offset + b/N) of it.
    const int64_t all = int64_t(batch.size());
    const int64_t share = parallel ? all / parallel->worldSize() : all;
    const int64_t offset = parallel ? share * parallel->rank() : 0;
    const std::vector<qint64> mine(batch.begin() + offset, batch.begin() + offset + share);
    torch::Tensor x1, x2;
    if (dataset.images) {
        const auto u8 = gatherImages(mine);
        x1 = augmenter->augment(u8, all, offset);
        x2 = augmenter->augment(u8, all, offset);
    } else {
        // Feature vectors: light Gaussian noise as the two "views", drawn for the whole batch
        // on every rank (the same generator state everywhere) and cut to this rank's rows.
        const auto f = gatherFeatures(batch);
        x1 = (f + 0.05 * torch::randn_like(f)).narrow(0, offset, share);
        x2 = (f + 0.05 * torch::randn_like(f)).narrow(0, offset, share);
    }
    return torch::cat({x1, x2}).to(device);
}

torch::Tensor FareSession::Private::globalRepresentation(const torch::Tensor &views,
                                                         int64_t batchSize)
{
    torch::Tensor h;
    {
        const AutocastScope autocast(device, precision);
        h = model->represent(views);
    }
    if (!parallel)
        return h;
    return allGatherTwoViews(
        *parallel, h.to(torch::kFloat),
        std::vector<int64_t>(size_t(parallel->worldSize()), batchSize / parallel->worldSize()));
}

void FareSession::Private::armGradients()
{
    if (reduction)
        reduction->arm();
}

void FareSession::Private::reduceGradients()
{
    if (!parallel)
        return;
    // The backbone saw only this rank's rows: its gradients add up over the ranks. The head
    // and the loss ran on the whole gathered batch on every rank: theirs are already whole.
    if (reduction) {
        reduction->finish();
    } else {
        auto replicated = model->headParameters();
        for (const auto &t : loss->parameters())
            replicated.push_back(t);
        allReduceGradients(*parallel, model->backboneParameters(), replicated);
    }
    // Batch-norm statistics of the backbone (ResNet-18, MLP) are this rank's; rank 0's are
    // kept, as PyTorch's DistributedDataParallel does.
    broadcastTensors(*parallel, model->backboneBuffers());
}

Expected<Done> FareSession::setDataParallel(std::shared_ptr<DataParallelGroup> group)
{
    if (group && group->worldSize() > 1 && d->config.batchSize % group->worldSize() != 0) {
        return sessionError(QStringLiteral("the batch (%1) does not split evenly over %2 ranks: "
                                           "use a batch that is a multiple of %2")
                                .arg(d->config.batchSize)
                                .arg(group->worldSize()));
    }
    d->parallel = group && group->worldSize() > 1 ? std::move(group) : nullptr;
    d->reduction.reset();
    if (d->parallel && overlapGradientReduction()) {
        auto replicated = d->model->headParameters();
        for (const auto &t : d->loss->parameters())
            replicated.push_back(t);
        d->reduction = std::make_unique<OverlappedGradientReduction>(
            *d->parallel, d->model->backboneParameters(), replicated);
    }
    return Done{};
}

double FareSession::Private::learningRateAt(int epoch, qint64 step) const
{
    // Linear warm-up over warmupEpochs, then cosine decay to 0 at the end of the last epoch.
    const double total = double(config.epochs) * double(stepsPerEpoch);
    const double warm = double(config.warmupEpochs) * double(stepsPerEpoch);
    const double t = double(epoch - 1) * double(stepsPerEpoch) + double(step);
    if (t < warm)
        return config.learningRate * (t + 1) / warm;
    const double progress = (t - warm) / std::max(1.0, total - warm);
    return config.learningRate * 0.5 * (1.0 + std::cos(M_PI * std::min(1.0, progress)));
}

void FareSession::Private::setLearningRate(double lr)
{
    if (lars) {
        lars->setLearningRate(lr);
        return;
    }
    for (auto &group : optimizer->param_groups())
        group.options().set_lr(lr);
}

Expected<EpochReport>
FareSession::runEpoch(int epoch, const std::atomic<bool> &cancel,
                      const std::function<void(const StepProgress &)> &progress)
{
    Private &p = *d;
    EpochReport report;
    report.epoch = epoch;
    QElapsedTimer timer;
    timer.start();
    try {
        p.model->train();
        p.loss->train();
        // Views are a pure function of (seed, epoch): a resumed epoch sees the same images.
        p.augmenter = std::make_unique<BatchAugmenter>(
            p.config.augment, streamSeed(p.config.seed, 5, quint64(epoch)));
        const auto batches = p.epochBatches(epoch);
        const double communicationBefore = p.parallel ? p.parallel->communicationSeconds() : 0;
        double lossSum = 0, entropySum = 0;
        qint64 entropySteps = 0, images = 0;
        for (size_t step = 0; step < batches.size(); ++step) {
            if (cancel.load()) {
                report.cancelled = true;
                break;
            }
            const auto &batch = batches[step];
            const double lr = p.learningRateAt(epoch, qint64(step));
            p.setLearningRate(lr);
            report.learningRate = lr;
            const int64_t b = int64_t(batch.size());
            const auto h = p.globalRepresentation(p.trainingViews(batch), b);
            torch::Tensor proj;
            {
                // Mixed precision: the encoder under autocast; the loss widens its inputs and
                // keeps only its products reduced (setProductType above).
                const AutocastScope autocast(p.device, p.precision);
                proj = p.model->project(h);
            }
            const auto u = torch::nn::functional::normalize(
                proj.to(torch::kFloat), torch::nn::functional::NormalizeFuncOptions().dim(1));
            LossInputs in;
            in.u1 = u.narrow(0, 0, b);
            in.u2 = u.narrow(0, b, b);
            in.z = p.rows(p.zStandardized, batch).to(p.device);
            in.groups = p.rows(p.fairBins, batch).to(p.device);
            LossOutput out = p.loss->forward(in);
            const double value = out.loss.item<double>();
            if (!std::isfinite(value)) {
                return sessionError(
                    QStringLiteral(
                        "the loss became %1 at epoch %2, step %3 (learning rate %4); the run "
                        "stopped and keeps its last good checkpoint. Try a lower learning rate.")
                        .arg(std::isnan(value) ? QStringLiteral("NaN") : QStringLiteral("infinite"))
                        .arg(epoch)
                        .arg(step + 1)
                        .arg(lr));
            }
            if (p.lars) {
                p.lars->zeroGrad();
                p.armGradients();
                out.loss.backward();
                p.reduceGradients();
                p.lars->step();
            } else {
                p.optimizer->zero_grad();
                p.armGradients();
                out.loss.backward();
                p.reduceGradients();
                p.optimizer->step();
            }
            lossSum += value;
            if (!p.parallel || p.parallel->rank() == 0)
                traceStepLoss(epoch, qint64(step) + 1, value);
            if (std::isfinite(out.attentionEntropy)) {
                entropySum += out.attentionEntropy;
                ++entropySteps;
            }
            report.emptySupportRows += out.emptySupportRows;
            images += b;
            if (progress)
                progress(StepProgress{epoch, qint64(step) + 1, qint64(batches.size()), value});
        }
        const qint64 done = report.cancelled ? std::max<qint64>(1, images / p.config.batchSize)
                                             : qint64(batches.size());
        report.meanLoss = lossSum / double(std::max<qint64>(1, done));
        report.attentionEntropy = entropySteps ? entropySum / double(entropySteps) : -1;
        report.seconds = double(timer.nsecsElapsed()) / 1e9;
        report.imagesPerSecond = double(images) / std::max(1e-9, report.seconds);
        if (p.parallel)
            report.communicationSeconds = p.parallel->communicationSeconds() - communicationBefore;
    } catch (const std::exception &e) {
        return sessionError(QStringLiteral("training failed at epoch %1: %2")
                                .arg(epoch)
                                .arg(QString::fromUtf8(e.what())));
    }
    return report;
}

QByteArray FareSession::saveCheckpoint(int epoch) const
{
    torch::serialize::OutputArchive archive;
    archive.write("epoch", torch::tensor(int64_t(epoch)));
    archive.write("config_seed", torch::tensor(int64_t(d->config.seed)));
    torch::serialize::OutputArchive modelArchive, lossArchive, optArchive;
    d->model->save(modelArchive);
    d->loss->save(lossArchive);
    if (d->lars)
        d->lars->save(optArchive);
    else
        d->optimizer->save(optArchive);
    archive.write("model", modelArchive);
    archive.write("loss", lossArchive);
    archive.write("optimizer", optArchive);
    std::ostringstream out;
    archive.save_to(out);
    const std::string s = out.str();
    return QByteArray(s.data(), qsizetype(s.size()));
}

Expected<int> FareSession::restoreCheckpoint(const QByteArray &checkpoint)
{
    try {
        std::istringstream in(std::string(checkpoint.constData(), size_t(checkpoint.size())));
        torch::serialize::InputArchive archive;
        archive.load_from(in, d->device);
        torch::Tensor epoch;
        archive.read("epoch", epoch);
        torch::serialize::InputArchive modelArchive, lossArchive, optArchive;
        archive.read("model", modelArchive);
        archive.read("loss", lossArchive);
        archive.read("optimizer", optArchive);
        d->model->load(modelArchive);
        d->loss->load(lossArchive);
        if (d->lars)
            d->lars->load(optArchive);
        else
            d->optimizer->load(optArchive);
        return int(epoch.item<int64_t>());
    } catch (const std::exception &e) {
        return sessionError(
            QStringLiteral("cannot restore the checkpoint: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace equiscope
