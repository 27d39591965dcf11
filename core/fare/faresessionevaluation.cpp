// FareSession: frozen-backbone evaluation, attention snapshots and embeddings.
#include "fare/faresession_p.h"
#include "nn/linearprobe_p.h"

#include "eval/bootstrap.h"
#include "nn/epochprobe.h"
#include "nn/probegroupmetrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <random>

namespace equiscope {

QJsonObject EvaluationReport::toJson() const
{
    QJsonObject o{{QStringLiteral("accuracy"), accuracy},
                  {QStringLiteral("probeTrainSamples"), probeTrainSamples},
                  {QStringLiteral("testSamples"), testSamples}};
    if (biasMse >= 0) {
        o.insert(QStringLiteral("bias_mse"), biasMse);
        o.insert(QStringLiteral("bias_r2"), biasR2);
    }
    if (biasProbeAccuracy >= 0) {
        o.insert(QStringLiteral("bias_probe_accuracy"), biasProbeAccuracy);
        o.insert(QStringLiteral("bias_probe_majority_rate"), biasProbeMajorityRate);
    }
    if (!groupMetrics.isEmpty()) {
        // Which group is worst, its size and interval, next to the overall accuracy.
        const QJsonObject worst = worstGroupsJson(groupMetrics);
        for (auto it = worst.begin(); it != worst.end(); ++it)
            o.insert(it.key(), it.value());
        o.insert(QStringLiteral("groupMetrics"), groupMetrics);
    }
    return o;
}

torch::Tensor FareSession::Private::represent(const std::vector<qint64> &samples,
                                              const std::function<bool(double)> &chunkDone)
{
    torch::NoGradGuard guard;
    model->eval();
    std::vector<torch::Tensor> parts;
    const size_t chunk = 1024;
    for (size_t i = 0; i < samples.size(); i += chunk) {
        const std::vector<qint64> part(samples.begin() + qint64(i),
                                       samples.begin() +
                                           qint64(std::min(samples.size(), i + chunk)));
        const auto x =
            dataset.images ? augmenter->evaluate(gatherImages(part)) : gatherFeatures(part);
        parts.push_back(model->represent(x.to(device)).to(torch::kCPU));
        if (chunkDone && !chunkDone(double(i + part.size()) / double(samples.size()))) {
            model->train();
            return {};
        }
    }
    model->train();
    return torch::cat(parts);
}

Expected<EvaluationReport>
FareSession::evaluate(const std::atomic<bool> &cancel,
                      const std::function<void(const QString &stage, double done)> &progress)
{
    Private &p = *d;
    EvaluationReport r;
    // Embedding the images is most of the time (a forward pass per image); the probes and the
    // bootstrap intervals take the rest.
    const auto stage = [&](const QString &name, double from, double share) {
        return [&progress, &cancel, name, from, share](double done) {
            if (progress)
                progress(name, from + share * done);
            return !cancel.load();
        };
    };
    const DataError cancelled{{}, -1, -1, {}, {}, {}, QStringLiteral("cancelled")};
    try {
        const auto trainX = p.represent(
            p.probeTrain, stage(QStringLiteral("embedding the probe-training images"), 0.0, 0.45));
        if (cancel.load())
            return cancelled;
        const auto testX = p.represent(
            p.testSamples, stage(QStringLiteral("embedding the test images"), 0.45, 0.35));
        if (cancel.load())
            return cancelled;
        stage(QStringLiteral("fitting the linear probes"), 0.8, 0.1)(0.0);
        r.probeTrainSamples = qint64(p.probeTrain.size());
        r.testSamples = qint64(p.testSamples.size());

        const Attribute &target = p.dataset.attributes.column(p.config.target);
        auto labels = [&](const std::vector<qint64> &s) {
            std::vector<int64_t> y(s.size());
            for (size_t i = 0; i < s.size(); ++i)
                y[i] = std::max(0, target.code(s[i]));
            return torch::tensor(y, torch::kLong);
        };
        const auto trainY = labels(p.probeTrain), testY = labels(p.testSamples);
        const int classes = int(target.levels().size());
        const auto pred = fitPredictLogistic(trainX, trainY, classes, testX);
        r.accuracy = pred.eq(testY).to(torch::kFloat64).mean().item<double>();

        if (p.zContinuous) {
            // bias_mse: linear regressor representation → raw z (e.g. RGB 0–255), test MSE
            // averaged over dimensions, and the R² of the same regressor.
            const auto zTrain = p.rows(p.zRaw, p.probeTrain), zTest = p.rows(p.zRaw, p.testSamples);
            const auto zPred = fitPredictLinear(trainX, zTrain, testX);
            const auto se = (zPred - zTest).pow(2);
            r.biasMse = se.mean().item<double>();
            const auto ssRes = se.sum(0);
            const auto ssTot = (zTest - zTest.mean(0, true)).pow(2).sum(0).clamp_min(1e-12);
            r.biasR2 = (1 - ssRes / ssTot).mean().item<double>();
        }
        // Group probe: how well the representation predicts the sensitive group.
        {
            std::vector<int64_t> gTrain, gTest;
            std::vector<qint64> rowsTrain, rowsTest;
            for (size_t i = 0; i < p.probeTrain.size(); ++i)
                if (p.groups.groupOf[size_t(p.probeTrain[i])] >= 0) {
                    gTrain.push_back(p.groups.groupOf[size_t(p.probeTrain[i])]);
                    rowsTrain.push_back(qint64(i));
                }
            for (size_t i = 0; i < p.testSamples.size(); ++i)
                if (p.groups.groupOf[size_t(p.testSamples[i])] >= 0) {
                    gTest.push_back(p.groups.groupOf[size_t(p.testSamples[i])]);
                    rowsTest.push_back(qint64(i));
                }
            if (!gTrain.empty() && !gTest.empty()) {
                auto sel = [](const torch::Tensor &x, const std::vector<qint64> &r) {
                    return x.index_select(
                        0, torch::tensor(std::vector<int64_t>(r.begin(), r.end()), torch::kLong));
                };
                const auto gt = torch::tensor(gTest, torch::kLong);
                const auto gp =
                    fitPredictLogistic(sel(trainX, rowsTrain), torch::tensor(gTrain, torch::kLong),
                                       p.groups.groupCount(), sel(testX, rowsTest));
                r.biasProbeAccuracy = gp.eq(gt).to(torch::kFloat64).mean().item<double>();
                r.biasProbeMajorityRate =
                    torch::bincount(gt).max().item<double>() / double(gTest.size());
            }
        }
        std::vector<int> yTrue(p.testSamples.size()), yPred(p.testSamples.size()),
            groupOf(p.testSamples.size());
        const auto predAcc = pred.accessor<int64_t, 1>();
        for (size_t i = 0; i < p.testSamples.size(); ++i) {
            yTrue[i] = target.code(p.testSamples[i]);
            yPred[i] = int(predAcc[qint64(i)]);
            groupOf[i] = p.groups.groupOf[size_t(p.testSamples[i])];
        }
        if (!stage(QStringLiteral("per-group metrics with bootstrap intervals"), 0.9, 0.1)(0.0))
            return cancelled;
        QStringList groupLabels;
        for (const Group &g : p.groups.groups)
            groupLabels << g.label;
        r.predictions.target = p.config.target;
        r.predictions.classNames = target.levels();
        r.predictions.samples = p.testSamples;
        r.predictions.labels = yTrue;
        r.predictions.predictions = yPred;
        r.groupMetrics = probeGroupMetricsJson(yTrue, yPred, groupOf, groupLabels, classes,
                                               p.config.minGroupSize, p.config.bootstrapResamples,
                                               p.config.seed);
    } catch (const std::exception &e) {
        return DataError{{},
                         -1,
                         -1,
                         {},
                         {},
                         {},
                         QStringLiteral("evaluation failed: %1").arg(QString::fromUtf8(e.what()))};
    }
    return r;
}

Expected<QJsonObject> FareSession::epochMetrics(qint64 testSamples, const std::atomic<bool> &cancel)
{
    Private &p = *d;
    auto report =
        withEpochProbeSubsets(p.probeTrain, p.testSamples, p.config.bootstrapResamples, testSamples,
                              p.config.seed, 71, [&] { return evaluate(cancel); });
    if (!report)
        return report.error();
    QJsonObject metrics{{QStringLiteral("accuracy"), report->accuracy}};
    if (report->biasMse >= 0) {
        metrics.insert(QStringLiteral("bias_mse"), report->biasMse);
        metrics.insert(QStringLiteral("bias_r2"), report->biasR2);
    }
    if (report->biasProbeAccuracy >= 0)
        metrics.insert(QStringLiteral("bias_probe_accuracy"), report->biasProbeAccuracy);
    return withOverallFairness(metrics, report->groupMetrics);
}

AttentionSnapshot FareSession::attentionSnapshot(int epoch)
{
    Private &p = *d;
    AttentionSnapshot s;
    torch::NoGradGuard guard;
    const auto z = p.rows(p.zStandardized, p.probeBatch).to(p.device);
    const auto attention = p.loss->attentionMatrix(z);
    if (!attention.defined())
        return s;
    const auto a = attention.to(torch::kCPU).to(torch::kFloat32).contiguous();
    s.epoch = epoch;
    s.size = int(a.size(0));
    s.matrix = QVector<float>(a.data_ptr<float>(), a.data_ptr<float>() + a.numel());
    const auto zr = p.rows(p.zRaw, p.probeBatch).contiguous();
    s.zDim = int(zr.size(1));
    s.z = QVector<float>(zr.data_ptr<float>(), zr.data_ptr<float>() + zr.numel());
    for (const Group &g : p.groups.groups)
        s.groupLabels << g.label;
    const int G = int(s.groupLabels.size());
    QVector<double> sums(G * G, 0.0);
    QVector<int> counts(G * G, 0);
    for (qint64 sample : p.probeBatch) {
        s.samples << sample;
        s.groups << p.groups.groupOf[size_t(sample)];
    }
    for (int i = 0; i < s.size; ++i)
        for (int j = 0; j < s.size; ++j) {
            const int gi = s.groups[i], gj = s.groups[j];
            if (gi < 0 || gj < 0 || i == j)
                continue;
            sums[gi * G + gj] += s.matrix[i * s.size + j];
            ++counts[gi * G + gj];
        }
    s.groupMatrix.resize(G * G);
    for (int k = 0; k < G * G; ++k)
        s.groupMatrix[k] = counts[k] ? float(sums[k] / counts[k]) : std::nanf("");
    return s;
}

QVector<float> FareSession::embeddings(const std::vector<qint64> &samples, int *dim)
{
    const auto x = d->represent(samples).contiguous();
    if (dim)
        *dim = int(x.size(1));
    return QVector<float>(x.data_ptr<float>(), x.data_ptr<float>() + x.numel());
}

} // namespace equiscope
