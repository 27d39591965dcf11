#pragma once

#include "fare/fareconfig.h"

#include "util/expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <vector>

namespace equiscope {

/// One tensor as plain data: a safetensors dtype name ("F32", "F64", "I64"), a shape and the
/// raw little-endian bytes in C order.
struct NamedTensor
{
    QString name;
    QString dtype;
    std::vector<qint64> shape;
    QByteArray data;

    qint64 elementCount() const;
    /// Bytes per element of @p dtype (0 when unknown).
    static int elementSize(const QString &dtype);
};

/// The NaN and infinite elements of a float tensor (F32 or F64; 0 for other dtypes).
qint64 nonFiniteCount(const NamedTensor &tensor);

/// Bounds on a ModelSpec read from a file (ModelSpec::fromJson).
inline constexpr int kMaxInputChannels = 64;
inline constexpr int kMaxInputDim = 1 << 20;
inline constexpr int kMaxModelWidth = 1 << 16;

/// The architecture of a FARE-family model, enough to rebuild it (and to document it for users
/// of the exported weights).
struct ModelSpec
{
    QString encoder;    ///< lenet | resnet18 | mlp
    int inChannels = 0; ///< images
    int inputDim = 0;   ///< feature vectors (mlp)
    int width = 0;      ///< effective width (ResNet base width / MLP hidden size)
    int projectionDim = 0;
    int representationDim = 0;
    int inputSize = 32; ///< images are resized to inputSize × inputSize

    QJsonObject toJson() const;
    static Expected<ModelSpec> fromJson(const QJsonObject &json);
};

/// A trained model's parameters and buffers ("backbone.conv1.weight", "head.net.1.running_mean",
/// ...), in the model's own order.
struct ModelState
{
    ModelSpec spec;
    QVector<NamedTensor> tensors;

    const NamedTensor *find(const QString &name) const;
};

/// The model of a FARE-family checkpoint (FareSession::saveCheckpoint), without its
/// optimiser and loss state; needs no dataset (input channels are read from the weights).
Expected<ModelState> modelStateFromCheckpoint(const FareConfig &config,
                                              const QByteArray &checkpoint);

/// The model as a LibTorch archive: what `torch::save(model, path)` writes for
/// ContrastiveModel, readable with torch::serialize::InputArchive in C++ and torch.jit.load in
/// Python.
Expected<QByteArray> libtorchModelArchive(const ModelState &state);

} // namespace equiscope
