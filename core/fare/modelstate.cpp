// Model weights as plain named tensors: taken from checkpoints and sessions, loaded back, and
// written as a LibTorch archive.
#include "fare/modelstate_p.h"

#include "data/imagefiledecoder.h"

#include <cmath>
#include <cstring>
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

qint64 NamedTensor::elementCount() const
{
    qint64 n = 1;
    for (qint64 s : shape)
        n *= s;
    return n;
}

qint64 nonFiniteCount(const NamedTensor &tensor)
{
    qint64 bad = 0;
    const char *bytes = tensor.data.constData();
    if (tensor.dtype == QLatin1String("F32")) {
        for (qsizetype i = 0; i + 4 <= tensor.data.size(); i += 4) {
            float v;
            std::memcpy(&v, bytes + i, 4);
            bad += std::isfinite(v) ? 0 : 1;
        }
    } else if (tensor.dtype == QLatin1String("F64")) {
        for (qsizetype i = 0; i + 8 <= tensor.data.size(); i += 8) {
            double v;
            std::memcpy(&v, bytes + i, 8);
            bad += std::isfinite(v) ? 0 : 1;
        }
    }
    return bad;
}

int NamedTensor::elementSize(const QString &dtype)
{
    if (dtype == QLatin1String("F64") || dtype == QLatin1String("I64") ||
        dtype == QLatin1String("U64"))
        return 8;
    if (dtype == QLatin1String("F32") || dtype == QLatin1String("I32") ||
        dtype == QLatin1String("U32"))
        return 4;
    if (dtype == QLatin1String("F16") || dtype == QLatin1String("BF16") ||
        dtype == QLatin1String("I16") || dtype == QLatin1String("U16"))
        return 2;
    if (dtype == QLatin1String("U8") || dtype == QLatin1String("I8") ||
        dtype == QLatin1String("BOOL"))
        return 1;
    return 0;
}

QJsonObject ModelSpec::toJson() const
{
    return QJsonObject{{QStringLiteral("encoder"), encoder},
                       {QStringLiteral("inChannels"), inChannels},
                       {QStringLiteral("inputDim"), inputDim},
                       {QStringLiteral("width"), width},
                       {QStringLiteral("projectionDim"), projectionDim},
                       {QStringLiteral("representationDim"), representationDim},
                       {QStringLiteral("inputSize"), inputSize}};
}

Expected<ModelSpec> ModelSpec::fromJson(const QJsonObject &o)
{
    ModelSpec s;
    s.encoder = o.value(QStringLiteral("encoder")).toString();
    s.inChannels = o.value(QStringLiteral("inChannels")).toInt();
    s.inputDim = o.value(QStringLiteral("inputDim")).toInt();
    s.width = o.value(QStringLiteral("width")).toInt();
    s.projectionDim = o.value(QStringLiteral("projectionDim")).toInt();
    s.representationDim = o.value(QStringLiteral("representationDim")).toInt();
    s.inputSize = o.value(QStringLiteral("inputSize")).toInt(32);
    // The spec comes from files people send each other (an exported model's config.json):
    // every size is bounded before a model is built from it.
    const bool images = s.encoder != QLatin1String("mlp");
    const auto within = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
    if (!QStringList{"lenet", "resnet18", "mlp"}.contains(s.encoder) ||
        !within(s.projectionDim, 1, kMaxModelWidth) || !within(s.width, 0, kMaxModelWidth) ||
        !within(s.representationDim, 0, kMaxModelWidth) ||
        (images ? !within(s.inChannels, 1, kMaxInputChannels) ||
                      !within(s.inputSize, kMinImageSize, kMaxImageSize)
                : !within(s.inputDim, 1, kMaxInputDim))) {
        DataError e;
        e.field = QStringLiteral("model");
        e.expected = QStringLiteral("encoder lenet|resnet18|mlp; inChannels 1..%1, inputSize "
                                    "%2..%3 for images, inputDim 1..%4 for mlp; width, "
                                    "representationDim and projectionDim up to %5")
                         .arg(kMaxInputChannels)
                         .arg(kMinImageSize)
                         .arg(kMaxImageSize)
                         .arg(kMaxInputDim)
                         .arg(kMaxModelWidth);
        e.found = QStringLiteral("encoder '%1', inChannels %2, inputSize %3, inputDim %4, width "
                                 "%5, representationDim %6, projectionDim %7")
                      .arg(s.encoder)
                      .arg(s.inChannels)
                      .arg(s.inputSize)
                      .arg(s.inputDim)
                      .arg(s.width)
                      .arg(s.representationDim)
                      .arg(s.projectionDim);
        return e;
    }
    return s;
}

const NamedTensor *ModelState::find(const QString &name) const
{
    for (const NamedTensor &t : tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

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
