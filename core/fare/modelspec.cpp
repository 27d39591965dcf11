// The LibTorch-free part of fare/modelstate.h: tensors as plain data and the model spec, which
// the safetensors reader and the model import use without LibTorch (and the fuzz harnesses
// compile without it).
#include "fare/modelstate.h"

#include "data/imagefiledecoder.h"

#include <QStringList>

#include <cmath>
#include <cstring>

namespace equiscope {

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

} // namespace equiscope
