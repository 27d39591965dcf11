// FareSession: what exports need — weights in and out, sample lists, probe predictions.
#include "fare/faresession_p.h"
#include "fare/modelstate_p.h"
#include "nn/linearprobe_p.h"

namespace equiscope {

const std::vector<qint64> &FareSession::trainSamples() const
{
    return d->trainSamples;
}

const std::vector<qint64> &FareSession::probeTrainSamples() const
{
    return d->probeTrain;
}

const std::vector<qint64> &FareSession::testSamples() const
{
    return d->testSamples;
}

ModelState FareSession::modelState() const
{
    const Private &p = *d;
    ModelSpec spec;
    spec.encoder = p.config.encoder;
    spec.inChannels = p.dataset.images ? p.dataset.images->shape().channels : 0;
    spec.inputDim = p.dataset.features ? p.dataset.features->cols() : 0;
    spec.width =
        p.config.encoder == QLatin1String("mlp") && p.config.width == 64 ? 256 : p.config.width;
    spec.projectionDim = p.config.projectionDim;
    spec.representationDim = p.model->representationDim();
    spec.inputSize = p.config.augment.outputSize;
    ContrastiveModel model = p.model;
    return modelStateOf(model, spec);
}

Expected<Done> FareSession::loadModelState(const ModelState &state)
{
    try {
        return loadModelStateInto(d->model, state);
    } catch (const std::exception &e) {
        DataError err;
        err.detail = QStringLiteral("cannot load the weights: %1").arg(QString::fromUtf8(e.what()));
        return err;
    }
}

Expected<ProbePredictions> FareSession::probePredictions(const std::vector<qint64> &samples,
                                                         const std::atomic<bool> &cancel)
{
    Private &p = *d;
    ProbePredictions out;
    try {
        const Attribute &target = p.dataset.attributes.column(p.config.target);
        out.classes = int(target.levels().size());
        out.classNames = target.levels();
        const auto trainX = p.represent(p.probeTrain);
        if (cancel.load())
            return DataError{{}, -1, -1, {}, {}, {}, QStringLiteral("cancelled")};
        const auto x = p.represent(samples);
        std::vector<int64_t> y(p.probeTrain.size());
        for (size_t i = 0; i < p.probeTrain.size(); ++i)
            y[i] = std::max(0, target.code(p.probeTrain[i]));
        torch::Tensor probabilities;
        const auto pred = fitPredictLogistic(trainX, torch::tensor(y, torch::kLong), out.classes, x,
                                             1e-4, 100, &probabilities);
        const auto pa = pred.to(torch::kLong).contiguous();
        const auto pr = probabilities.to(torch::kFloat32).contiguous();
        out.samples = samples;
        out.predictions.resize(samples.size());
        out.labels.resize(samples.size());
        out.groupOf.resize(samples.size());
        for (size_t i = 0; i < samples.size(); ++i) {
            out.predictions[i] = int(pa.data_ptr<int64_t>()[i]);
            out.labels[i] = target.code(samples[i]);
            out.groupOf[i] = p.groups.groupOf[size_t(samples[i])];
        }
        out.probabilities.assign(pr.data_ptr<float>(), pr.data_ptr<float>() + pr.numel());
        for (const Group &g : p.groups.groups)
            out.groupLabels << g.label;
    } catch (const std::exception &e) {
        return DataError{
            {},
            -1,
            -1,
            {},
            {},
            {},
            QStringLiteral("probe predictions failed: %1").arg(QString::fromUtf8(e.what()))};
    }
    return out;
}

} // namespace equiscope
