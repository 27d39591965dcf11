#pragma once

#include "fare/modelstate.h"
#include "util/expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace equiscope {

/// The encoder of @p state with its preprocessing as a TorchScript module (the bytes of
/// `torch::jit::Module::save`), loadable with `torch.jit.load` in Python and
/// `torch::jit::load` in C++ without Equiscope. Methods:
/// - `forward(images)`: images uint8 N × H × W × C (RGB, as numpy/PIL arrays stack), or float
///   N × C × H × W in [0, 1] (as the --encoder-script options pass them) → the representation
///   N × d, through `preprocess` and `represent`;
/// - `preprocess(images)`: → float N × C × S × S in [0, 1], bilinear (align_corners=False) to
///   S = spec.inputSize when the images are another size — the test-time view of training;
/// - `represent(x)`: the backbone on preprocessed input; `project(r)`: the projection head.
/// For the MLP encoder, `forward(features)` takes float N × D features and there is no
/// preprocessing. BatchNorm layers use their running statistics.
Expected<QByteArray> torchScriptEncoder(const ModelState &state);

/// How closely the exported encoders reproduce the LibTorch model they came from.
struct ExportedEncoderCheck
{
    int samples = 0;
    double torchScriptMaxAbsDifference = 0;
    double onnxMaxAbsDifference = 0;
    QString onnxRuntime; ///< "OpenCV DNN 4.6.0"
    /// The tolerance both must meet.
    static constexpr double kTolerance = 1e-4;

    QJsonObject toJson() const;
};

/// Runs @p samples pseudo-random inputs (seeded by @p seed; uint8 images at the model's input
/// size, or float features) through LibTorch's model built from @p state, the TorchScript
/// module @p torchScript and the ONNX model @p onnx loaded with OpenCV's DNN module, and
/// compares the representations. Fails, naming the file, when either differs by more than
/// ExportedEncoderCheck::kTolerance or cannot be loaded.
Expected<ExportedEncoderCheck> checkExportedEncoders(const ModelState &state,
                                                     const QByteArray &torchScript,
                                                     const QByteArray &onnx, int samples = 8,
                                                     quint64 seed = 1);

} // namespace equiscope
