// Model weights as plain named tensors: taken from checkpoints and sessions, loaded back, and
// written as a LibTorch archive.
#include "fare/modelstate_p.h"

#include <sstream>

namespace equiscope {

namespace {

DataError modelError(const QString &detail)
{
    DataError e;
    e.detail = detail;
    return e;
}

QString dtypeName(torch::ScalarType t)
{
    switch (t) {
    case torch::kFloat32:
        return QStringLiteral("F32");
    case torch::kFloat64:
        return QStringLiteral("F64");
    case torch::kInt64:
        return QStringLiteral("I64");
    case torch::kInt32:
        return QStringLiteral("I32");
    default:
        return {};
    }
}

std::optional<torch::ScalarType> scalarType(const QString &dtype)
{
    if (dtype == QLatin1String("F32"))
        return torch::kFloat32;
    if (dtype == QLatin1String("F64"))
        return torch::kFloat64;
    if (dtype == QLatin1String("I64"))
        return torch::kInt64;
    if (dtype == QLatin1String("I32"))
        return torch::kInt32;
    return std::nullopt;
}

NamedTensor toNamed(const std::string &name, const torch::Tensor &t)
{
    NamedTensor n;
    n.name = QString::fromStdString(name);
    const auto c = t.detach().to(torch::kCPU).contiguous();
    n.dtype = dtypeName(c.scalar_type());
    for (int64_t s : c.sizes())
        n.shape.push_back(s);
    n.data = QByteArray(static_cast<const char *>(c.data_ptr()), qsizetype(c.nbytes()));
    return n;
}

/// The width the model was built with (FareSession gives MLPs 256 when the config says 64).
int effectiveWidth(const FareConfig &config)
{
    return config.encoder == QLatin1String("mlp") && config.width == 64 ? 256 : config.width;
}

} // namespace

ModelState modelStateOf(ContrastiveModel &model, const ModelSpec &spec)
{
    ModelState s;
    s.spec = spec;
    for (const auto &p : model->named_parameters(true))
        s.tensors.push_back(toNamed(p.key(), p.value()));
    for (const auto &b : model->named_buffers(true))
        s.tensors.push_back(toNamed(b.key(), b.value()));
    return s;
}

Expected<Done> loadModelStateInto(ContrastiveModel &model, const ModelState &state)
{
    torch::NoGradGuard guard;
    auto copyInto = [&](const std::string &name, torch::Tensor &target) -> Expected<Done> {
        const NamedTensor *t = state.find(QString::fromStdString(name));
        if (!t)
            return modelError(
                QStringLiteral("the weights have no tensor '%1' (a %2 model needs it)")
                    .arg(QString::fromStdString(name), state.spec.encoder));
        std::vector<int64_t> shape(t->shape.begin(), t->shape.end());
        if (target.sizes().vec() != shape)
            return modelError(QStringLiteral("tensor '%1' has shape [%2]; this model needs [%3] "
                                             "(was the model trained on data with another number "
                                             "of channels?)")
                                  .arg(t->name)
                                  .arg([&] {
                                      QStringList s;
                                      for (int64_t v : shape)
                                          s << QString::number(v);
                                      return s.join(QStringLiteral(", "));
                                  }())
                                  .arg([&] {
                                      QStringList s;
                                      for (int64_t v : target.sizes())
                                          s << QString::number(v);
                                      return s.join(QStringLiteral(", "));
                                  }()));
        const auto type = scalarType(t->dtype);
        if (!type || t->data.size() != t->elementCount() * NamedTensor::elementSize(t->dtype))
            return modelError(QStringLiteral("tensor '%1': dtype %2 with %3 bytes does not fit "
                                             "its shape")
                                  .arg(t->name, t->dtype)
                                  .arg(t->data.size()));
        auto source = torch::from_blob(const_cast<char *>(t->data.constData()), shape, *type);
        target.copy_(source.to(target.scalar_type()));
        return Done{};
    };
    for (auto &p : model->named_parameters(true)) {
        auto r = copyInto(p.key(), p.value());
        if (!r)
            return r;
    }
    for (auto &b : model->named_buffers(true)) {
        auto r = copyInto(b.key(), b.value());
        if (!r)
            return r;
    }
    return Done{};
}

ContrastiveModel buildModel(const ModelSpec &spec)
{
    return ContrastiveModel(spec.encoder, spec.inChannels, spec.inputDim, spec.width,
                            spec.projectionDim);
}

Expected<ModelState> modelStateFromCheckpoint(const FareConfig &config,
                                              const QByteArray &checkpoint)
{
    try {
        std::istringstream in(std::string(checkpoint.constData(), size_t(checkpoint.size())));
        torch::serialize::InputArchive archive;
        archive.load_from(in, torch::Device(torch::kCPU));
        torch::serialize::InputArchive modelArchive, backbone, first;
        archive.read("model", modelArchive);
        modelArchive.read("backbone", backbone);
        ModelSpec spec;
        spec.encoder = config.encoder;
        spec.width = effectiveWidth(config);
        spec.projectionDim = config.projectionDim;
        spec.inputSize = config.augment.outputSize;
        // The first layer's weight says how many channels (or features) the model takes.
        torch::Tensor w;
        if (config.encoder == QLatin1String("lenet")) {
            backbone.read("conv1", first);
            first.read("weight", w);
            spec.inChannels = int(w.size(1));
        } else if (config.encoder == QLatin1String("resnet18")) {
            backbone.read("stem", first);
            first.read("weight", w);
            spec.inChannels = int(w.size(1));
        } else {
            torch::serialize::InputArchive net;
            backbone.read("net", net);
            net.read("0", first);
            first.read("weight", w);
            spec.inputDim = int(w.size(1));
        }
        ContrastiveModel model = buildModel(spec);
        model->load(modelArchive);
        spec.representationDim = model->representationDim();
        return modelStateOf(model, spec);
    } catch (const std::exception &e) {
        return modelError(QStringLiteral("cannot read the model from the checkpoint: %1")
                              .arg(QString::fromUtf8(e.what())));
    }
}

Expected<QByteArray> libtorchModelArchive(const ModelState &state)
{
    try {
        ContrastiveModel model = buildModel(state.spec);
        auto loaded = loadModelStateInto(model, state);
        if (!loaded)
            return loaded.error();
        torch::serialize::OutputArchive archive;
        model->save(archive);
        std::ostringstream out;
        archive.save_to(out);
        const std::string s = out.str();
        return QByteArray(s.data(), qsizetype(s.size()));
    } catch (const std::exception &e) {
        return modelError(QStringLiteral("cannot write the LibTorch archive: %1")
                              .arg(QString::fromUtf8(e.what())));
    }
}

} // namespace equiscope
