// FairSslPipeline: stage 7 (docs/design/methods/fair-ssl.md) — freeze the encoder, fit a linear
// classifier on the labelled train split, report accuracy and every group metric with bootstrap CIs
// on the test split.
#include "fairssl/fairsslpipeline_p.h"

#include "nn/epochprobe.h"
#include "nn/linearprobe_p.h"
#include "nn/probegroupmetrics.h"

namespace equiscope {

Expected<FairSslEvaluation> FairSslPipeline::evaluate(const std::atomic<bool> &cancel,
                                                      const StageProgressFn &progress)
{
    Private &p = *d;
    FairSslEvaluation r;
    try {
        // The encoder the method produced: the trained model, or (simclr) the embed encoder.
        auto features = [&](const std::vector<qint64> &samples) -> torch::Tensor {
            if (p.config.method != FairSslMethod::SimClr)
                return p.represent(p.model, samples);
            if (p.embedModel)
                return p.represent(p.embedModel, samples);
            return p.embedSamples(samples, cancel, {}, QStringLiteral("classifier"));
        };
        if (p.config.method != FairSslMethod::SimClr && !p.model)
            return fairSslError(QStringLiteral("the classifier needs the train stage first"));
        if (progress)
            progress(StageProgress{QStringLiteral("classifier"), 1, 1, 0, 3, 0});
        const auto trainX = features(p.evalTrain);
        if (cancel.load() || !trainX.defined())
            return fairSslError(QStringLiteral("cancelled"));
        const auto testX = features(p.evalTest);
        if (cancel.load() || !testX.defined())
            return fairSslError(QStringLiteral("cancelled"));
        if (progress)
            progress(StageProgress{QStringLiteral("classifier"), 1, 1, 1, 3, 0});
        r.probeTrainSamples = qint64(p.evalTrain.size());
        r.testSamples = qint64(p.evalTest.size());
        auto labels = [&](const std::vector<qint64> &s) {
            std::vector<int64_t> y(s.size());
            for (size_t i = 0; i < s.size(); ++i)
                y[i] = p.classOf[size_t(s[i])];
            return torch::tensor(y, torch::kLong);
        };
        const auto trainY = labels(p.evalTrain), testY = labels(p.evalTest);
        const auto pred = fitPredictLogistic(trainX, trainY, p.classes, testX);
        r.accuracy = pred.eq(testY).to(torch::kFloat64).mean().item<double>();

        // How well the frozen representation still predicts the group (closer to the majority
        // rate = less group information left).
        std::vector<int64_t> gTrain, gTest, rowsTrain, rowsTest;
        for (size_t i = 0; i < p.evalTrain.size(); ++i)
            if (const int g = p.groups.groupOf[size_t(p.evalTrain[i])]; g >= 0) {
                gTrain.push_back(g);
                rowsTrain.push_back(int64_t(i));
            }
        for (size_t i = 0; i < p.evalTest.size(); ++i)
            if (const int g = p.groups.groupOf[size_t(p.evalTest[i])]; g >= 0) {
                gTest.push_back(g);
                rowsTest.push_back(int64_t(i));
            }
        if (!gTrain.empty() && !gTest.empty()) {
            const auto gt = torch::tensor(gTest, torch::kLong);
            const auto gp =
                fitPredictLogistic(trainX.index_select(0, torch::tensor(rowsTrain, torch::kLong)),
                                   torch::tensor(gTrain, torch::kLong), p.groups.groupCount(),
                                   testX.index_select(0, torch::tensor(rowsTest, torch::kLong)));
            r.biasProbeAccuracy = gp.eq(gt).to(torch::kFloat64).mean().item<double>();
            r.biasProbeMajorityRate =
                torch::bincount(gt).max().item<double>() / double(gTest.size());
        }
        if (progress)
            progress(StageProgress{QStringLiteral("classifier"), 1, 1, 2, 3, 0});

        std::vector<int> yTrue(p.evalTest.size()), yPred(p.evalTest.size()),
            groupOf(p.evalTest.size());
        const auto predAcc = pred.accessor<int64_t, 1>();
        for (size_t i = 0; i < p.evalTest.size(); ++i) {
            yTrue[i] = p.classOf[size_t(p.evalTest[i])];
            yPred[i] = int(predAcc[qint64(i)]);
            groupOf[i] = p.groups.groupOf[size_t(p.evalTest[i])];
        }
        QStringList groupLabels;
        for (const Group &g : p.groups.groups)
            groupLabels << g.label;
        r.predictions.target = p.config.target;
        r.predictions.classNames = p.classNames;
        r.predictions.samples = p.evalTest;
        r.predictions.labels = yTrue;
        r.predictions.predictions = yPred;
        r.groupMetrics = probeGroupMetricsJson(yTrue, yPred, groupOf, groupLabels, p.classes,
                                               p.config.minGroupSize, p.config.bootstrapResamples,
                                               p.config.seed);

        if (p.pseudoLabel.size() == p.trainSet.size() && !p.trainSet.empty() &&
            p.config.method != FairSslMethod::SupervisedCe) {
            qint64 correct = 0, total = 0;
            std::vector<qint64> gc(size_t(p.groups.groupCount()), 0), gn(gc.size(), 0);
            for (size_t i = 0; i < p.trainSet.size(); ++i) {
                const int y = p.classOf[size_t(p.trainSet[i])];
                if (y < 0)
                    continue;
                const bool ok = y == p.pseudoLabel[i];
                correct += ok;
                ++total;
                if (const int g = p.groups.groupOf[size_t(p.trainSet[i])]; g >= 0) {
                    gc[size_t(g)] += ok;
                    ++gn[size_t(g)];
                }
            }
            if (total > 0) {
                r.pseudoLabelAccuracy = double(correct) / double(total);
                for (size_t g = 0; g < gc.size(); ++g)
                    if (gn[g] > 0)
                        r.pseudoLabelAccuracyByGroup.insert(
                            p.groups.groups[int(g)].label,
                            QJsonObject{{QStringLiteral("value"), double(gc[g]) / double(gn[g])},
                                        {QStringLiteral("size"), gn[g]}});
            }
        }
        if (progress)
            progress(StageProgress{QStringLiteral("classifier"), 1, 1, 3, 3, 0});
    } catch (const std::exception &e) {
        return fairSslError(
            QStringLiteral("the classifier stage failed: %1").arg(QString::fromUtf8(e.what())));
    }
    return r;
}

Expected<QJsonObject> FairSslPipeline::epochMetrics(const QString &stage, qint64 testSamples,
                                                    const std::atomic<bool> &cancel)
{
    Private &p = *d;
    const bool simclr = p.config.method == FairSslMethod::SimClr;
    if (stage != (simclr ? QLatin1String("embed") : QLatin1String("train")) || testSamples <= 0)
        return QJsonObject{};
    auto report =
        withEpochProbeSubsets(p.evalTrain, p.evalTest, p.config.bootstrapResamples, testSamples,
                              p.config.seed, 81, [&] { return evaluate(cancel); });
    if (!report)
        return report.error();
    QJsonObject metrics{{QStringLiteral("accuracy"), report->accuracy}};
    if (report->biasProbeAccuracy >= 0)
        metrics.insert(QStringLiteral("bias_probe_accuracy"), report->biasProbeAccuracy);
    return withOverallFairness(metrics, report->groupMetrics);
}

} // namespace equiscope
