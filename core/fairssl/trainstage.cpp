// FairSslPipeline: stage 6 (docs/design/methods/fair-ssl.md) — SupCon on the pseudo-labels,
// weighted by Meta-Weight-Net with the one-step look-ahead (fair-ssl), unweighted (supcon), or
// cross-entropy on true labels (supervised-ce).
#include "fairssl/fairsslpipeline_p.h"
#include "fairssl/supconloss_p.h"

#include "distributed/dataparallelops_p.h"
#include "util/steplosstrace.h"
#include "util/torchdevice_p.h"

#include <QElapsedTimer>

#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

namespace equiscope {

namespace F = torch::nn::functional;

namespace {

void copyModel(ContrastiveModel &from, ContrastiveModel &to)
{
    torch::serialize::OutputArchive out;
    from->save(out);
    std::ostringstream buffer;
    out.save_to(buffer);
    std::istringstream in(buffer.str());
    torch::serialize::InputArchive archive;
    archive.load_from(in);
    to->load(archive);
}

torch::Tensor normalized(const torch::Tensor &x)
{
    return F::normalize(x, F::NormalizeFuncOptions().dim(1));
}

} // namespace

Expected<Done> FairSslPipeline::Private::prepareTraining()
{
    const bool ce = config.method == FairSslMethod::SupervisedCe;
    if (ce)
        trainSet = evalTrain; // the upper reference trains on the true labels of the train split
    if (trainSet.size() < 2)
        return fairSslError(QStringLiteral("the training set has %1 image(s); the curation "
                                           "stages left too little to train on")
                                .arg(trainSet.size()));
    if (!ce && pseudoLabel.size() != trainSet.size())
        return fairSslError(QStringLiteral("the train stage needs the pseudo-label stage first"));
    model = newModel(fairSslStream(config.seed, TrainInit));
    if (!ce && config.supconInit == QLatin1String("embedding") && embedModel)
        copyModel(embedModel, model);
    model->to(device);
    auto params = model->parameters();
    if (ce) {
        torch::manual_seed(fairSslStream(config.seed, TrainInit, 1));
        ceHead = torch::nn::Linear(model->representationDim(), classes);
        ceHead->to(device);
        for (const auto &t : ceHead->parameters())
            params.push_back(t);
    }
    optimizer = newOptimizer(params, config.learningRate);
    if (config.metaWeighted()) {
        if (metaSet.size() < 2)
            return fairSslError(QStringLiteral("the meta set is empty: nothing to meta-learn the "
                                               "sample weights on"));
        torch::manual_seed(fairSslStream(config.seed, TrainInit, 2));
        weightNet = MetaWeightNet(config.metaHidden, config.metaOutput == QLatin1String("centred"));
        weightNet->to(device);
        weightOptimizer = std::make_unique<torch::optim::Adam>(
            weightNet->parameters(), torch::optim::AdamOptions(config.metaLearningRate));
        if (config.metaLoss == QLatin1String("cross-entropy")) {
            torch::manual_seed(fairSslStream(config.seed, TrainInit, 3));
            metaHead = torch::nn::Linear(model->representationDim(), classes);
            metaHead->to(device);
            metaHeadOptimizer = std::make_unique<torch::optim::Adam>(
                metaHead->parameters(), torch::optim::AdamOptions(config.learningRate));
        }
    }
    trainReady = true;
    return Done{};
}

std::unique_ptr<torch::optim::Optimizer>
FairSslPipeline::Private::newOptimizer(std::vector<torch::Tensor> params, double lr) const
{
    if (config.optimizer == QLatin1String("sgd"))
        return std::make_unique<torch::optim::SGD>(
            std::move(params),
            torch::optim::SGDOptions(lr).momentum(0.9).weight_decay(config.weightDecay));
    return std::make_unique<torch::optim::Adam>(
        std::move(params), torch::optim::AdamOptions(lr).weight_decay(config.weightDecay));
}

std::vector<std::pair<std::string, torch::Tensor>>
FairSslPipeline::Private::lookAheadParameters() const
{
    // head + last block: the projection head and the encoder's last stage (LeNet's fully
    // connected layer, ResNet-18's last basic block).
    const std::string last = model->topParameterPrefix();
    const bool full = config.lookAheadScope == QLatin1String("full");
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto &item : model->named_parameters()) {
        const std::string &name = item.key();
        if (full || name.rfind("head.", 0) == 0 || (!last.empty() && name.rfind(last, 0) == 0))
            out.emplace_back(name, item.value());
    }
    return out;
}

Expected<FairSslEpochReport> FairSslPipeline::Private::trainEpoch(int epoch,
                                                                  const std::atomic<bool> &cancel,
                                                                  const StageProgressFn &progress)
{
    FairSslEpochReport report;
    report.stage = QStringLiteral("train");
    report.epoch = epoch;
    QElapsedTimer timer;
    timer.start();
    const bool ce = config.method == FairSslMethod::SupervisedCe;
    // Warm-up epochs train plain SupCon; V neither learns nor weighs during them.
    const bool weighted = config.metaWeighted() && epoch > config.metaWarmupEpochs;
    std::vector<qint64> positions(trainSet.size());
    std::iota(positions.begin(), positions.end(), qint64(0));
    const auto batches = fairSslBatches(positions, config.batchSize,
                                        fairSslStream(config.seed, TrainBatches, quint64(epoch)));
    BatchAugmenter augmenter(config.augment,
                             fairSslStream(config.seed, TrainViews, quint64(epoch)));
    std::mt19937_64 metaRng(fairSslStream(config.seed, MetaBatches, quint64(epoch)));
    const qint64 steps = qint64(batches.size());
    const qint64 total = steps * config.epochs;
    std::vector<float> weightOf(trainSet.size(), -1.0f);
    auto labelOf = [&](qint64 position) {
        return int64_t(ce ? classOf[size_t(trainSet[size_t(position)])]
                          : pseudoLabel[size_t(position)]);
    };
    auto samplesOf = [&](const std::vector<qint64> &pos) {
        std::vector<qint64> s(pos.size());
        for (size_t i = 0; i < pos.size(); ++i)
            s[i] = trainSet[size_t(pos[i])];
        return s;
    };
    auto labelsOf = [&](const std::vector<qint64> &pos) {
        std::vector<int64_t> y(pos.size());
        for (size_t i = 0; i < pos.size(); ++i)
            y[i] = labelOf(pos[i]);
        return torch::tensor(y, torch::kLong).to(device);
    };

    if (parallel && trainReduction.sharded.empty()) {
        trainReduction.sharded = model->trunkParameters();
        trainReduction.replicated = model->topParameters();
        for (const auto &t : model->headParameters())
            trainReduction.replicated.push_back(t);
        if (ceHead)
            for (const auto &t : ceHead->parameters())
                trainReduction.replicated.push_back(t);
        trainReduction.buffers = model->trunkBuffers();
    }
    model->train();
    double lossSum = 0, metaSum = 0, rawWeightSum = 0;
    qint64 rawWeightCount = 0;
    qint64 images = 0, done = 0;
    for (qint64 step = 0; step < steps; ++step) {
        if (cancel.load()) {
            report.cancelled = true;
            break;
        }
        const double lr = cosineRate(config.learningRate, (epoch - 1) * steps + step, total);
        for (auto &group : optimizer->param_groups())
            group.options().set_lr(lr);
        report.learningRate = lr;
        const auto &batch = batches[size_t(step)];
        const auto y = labelsOf(batch);
        const int64_t b = int64_t(batch.size());
        // Data-parallel: this rank's rows through the encoder's trunk; its last stage, the heads,
        // the loss and the look-ahead on the gathered batch, identically on every rank
        // (fairsslpipelineparallel.cpp). In one process represent() = top(trunk()).
        const int views = ce ? 1 : 2;
        const auto x = trainingViews(augmenter, samplesOf(batch), views);
        torch::Tensor trunk;
        {
            const AutocastScope autocast(device, precision);
            trunk = model->representTrunk(x);
        }
        trunk = gatherViews(trunk, b, views);
        torch::Tensor loss, representation;
        if (ce) {
            torch::Tensor logits;
            {
                const AutocastScope autocast(device, precision);
                logits = ceHead(model->representTop(trunk));
            }
            loss = F::cross_entropy(logits.to(torch::kFloat), y);
        } else {
            torch::Tensor projected;
            {
                // The look-ahead below re-runs the encoder in fp32 (outside this scope).
                const AutocastScope autocast(device, precision);
                representation = model->representTop(trunk);
                projected = model->project(representation);
            }
            const auto z = normalized(projected.to(torch::kFloat));
            const auto perSample = supcon::perSample(z.narrow(0, 0, b), z.narrow(0, b, b), y,
                                                     config.supconTemperature);
            if (weighted) {
                // A meta batch of the balanced high-confidence set, with its own two views.
                std::vector<qint64> meta = metaSet;
                std::shuffle(meta.begin(), meta.end(), metaRng);
                meta.resize(std::min(meta.size(), size_t(config.metaBatch)));
                const auto my = labelsOf(meta);
                const auto mu8 = gatherImages(samplesOf(meta));
                const auto mx =
                    torch::cat({augmenter.augment(mu8), augmenter.augment(mu8)}).to(device);
                const int64_t mb = int64_t(meta.size());
                auto metaLoss = [&] {
                    if (metaHead)
                        return F::cross_entropy(metaHead(model->represent(mx)),
                                                torch::cat({my, my}));
                    const auto mz = normalized(model->project(model->represent(mx)));
                    return supcon::perSample(mz.narrow(0, 0, mb), mz.narrow(0, mb, mb), my,
                                             config.supconTemperature)
                        .mean();
                };
                if (step == 0) {
                    // Diagnostic, once per epoch: the meta loss before the virtual step (running
                    // statistics shielded by an empty swap).
                    torch::NoGradGuard noGrad;
                    ParameterSwap shield(*model, {});
                    report.metaLossAtTheta = metaLoss().item<double>();
                }
                weightOptimizer->zero_grad();
                const LookAheadResult la =
                    metaWeightLookAhead(*model, lookAheadParameters(), weightNet, perSample,
                                        metaLoss, config.lookAheadStep, config.metaMinWeight);
                // Every rank computed V's whole gradient: averaged against rounding drift.
                if (parallel)
                    allReduceGradients(*parallel, {}, weightNet->parameters());
                weightOptimizer->step();
                metaSum += la.metaLoss;
                torch::Tensor w;
                {
                    torch::NoGradGuard noGrad;
                    w = weightNet->forward(perSample.detach());
                }
                const auto used = stepWeights(w, config.metaMinWeight);
                loss = supcon::weighted(perSample, used);
                // Logged: the relative weight of the step (after the floor) / batch mean, the
                // factor Σwℓ/Σw applies to ℓ; and the mean of V's own output.
                const auto wc = used.to(torch::kCPU).contiguous();
                const double mean = std::max(1e-12, wc.mean().item<double>());
                rawWeightSum += w.sum().item<double>();
                rawWeightCount += b;
                for (int64_t i = 0; i < b; ++i)
                    weightOf[size_t(batch[size_t(i)])] = float(wc.data_ptr<float>()[i] / mean);
            } else {
                loss = perSample.mean();
            }
        }
        const double v = loss.item<double>();
        if (!std::isfinite(v))
            return fairSslError(
                QStringLiteral("the %1 loss became %2 at epoch %3, step %4; the "
                               "run keeps its last good checkpoint. Try a lower "
                               "learning rate.")
                    .arg(ce ? QStringLiteral("cross-entropy") : QStringLiteral("SupCon"))
                    .arg(v)
                    .arg(epoch)
                    .arg(step + 1));
        optimizer->zero_grad();
        beginBackward(trainReduction);
        loss.backward();
        endBackward(trainReduction);
        optimizer->step();
        if (metaHead)
            trainMetaHead(representation.narrow(0, 0, b).detach(), y);
        if (recordsRun())
            traceStepLoss(epoch, step + 1, v);
        lossSum += v;
        images += b;
        ++done;
        if (progress)
            progress(StageProgress{report.stage, epoch, config.epochs, step + 1, steps, v});
    }
    report.loss = lossSum / double(std::max<qint64>(1, done));
    if (weighted) {
        report.metaLoss = metaSum / double(std::max<qint64>(1, done));
        std::vector<float> seen;
        std::vector<int> groupOf;
        for (size_t i = 0; i < trainSet.size(); ++i)
            if (weightOf[i] >= 0) {
                seen.push_back(weightOf[i]);
                groupOf.push_back(groups.groupOf[size_t(trainSet[i])]);
            }
        QStringList labels;
        for (const Group &g : groups.groups)
            labels << g.label;
        report.weights = weightHistogramJson(seen, groupOf, labels, 20, 4.0);
        report.weights.insert(QStringLiteral("epoch"), epoch);
        report.weights.insert(QStringLiteral("quantity"),
                              QStringLiteral("relative weight w / batch mean"));
        report.weights.insert(QStringLiteral("rawMean"),
                              rawWeightSum / double(std::max<qint64>(1, rawWeightCount)));
    }
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    report.imagesPerSecond = double(images) / std::max(1e-9, report.seconds);
    return report;
}

void FairSslPipeline::Private::trainMetaHead(const torch::Tensor &representation,
                                             const torch::Tensor &labels)
{
    // The cross-entropy meta loss judges θ̂ by this head: it follows the representation on the
    // train batch's pseudo-labels (first view), without a gradient into the encoder.
    const auto loss = F::cross_entropy(metaHead(representation.to(torch::kFloat)), labels);
    metaHeadOptimizer->zero_grad();
    loss.backward();
    // Replicated: every rank computed it on the whole batch; averaged against rounding drift.
    if (parallel)
        allReduceGradients(*parallel, {}, metaHead->parameters());
    metaHeadOptimizer->step();
}

Expected<StageResult> FairSslPipeline::Private::completeTrain()
{
    StageResult r;
    r.report.stage = QStringLiteral("train");
    r.report.input = qint64(trainSet.size());
    r.report.kept = r.report.input;
    const bool ce = config.method == FairSslMethod::SupervisedCe;
    r.report.details = QJsonObject{
        {QStringLiteral("objective"), ce ? QStringLiteral("cross-entropy on true labels")
                                      : config.metaWeighted()
                                          ? QStringLiteral("SupCon weighted by Meta-Weight-Net")
                                          : QStringLiteral("SupCon (unweighted)")},
        {QStringLiteral("epochs"), config.epochs},
        {QStringLiteral("metaSet"), qint64(metaSet.size())},
        {QStringLiteral("metaLoss"), config.metaWeighted() ? config.metaLoss : QString()},
        {QStringLiteral("lookAheadScope"),
         config.metaWeighted() ? config.lookAheadScope : QString()},
        {QStringLiteral("lookAheadParameters"),
         config.metaWeighted() ? qint64(lookAheadParameters().size()) : qint64(0)}};
    torch::serialize::OutputArchive archive, m;
    model->save(m);
    archive.write("model", m);
    std::ostringstream out;
    archive.save_to(out);
    const std::string s = out.str();
    r.outputs = QByteArray(s.data(), qsizetype(s.size()));
    return r;
}

Expected<Done> FairSslPipeline::Private::restoreTrain(const QByteArray &outputs)
{
    if (!trainReady) {
        auto ready = prepareTraining();
        if (!ready)
            return ready.error();
    }
    std::istringstream in(std::string(outputs.constData(), size_t(outputs.size())));
    torch::serialize::InputArchive archive, m;
    archive.load_from(in, device);
    archive.read("model", m);
    model->load(m);
    return Done{};
}

} // namespace equiscope
