#pragma once

#include "fare/modelstate.h"
#include "util/expected.h"

#include <QByteArray>

namespace equiscope {

/// The encoder (the backbone, without the projection head) of @p state as an ONNX model
/// (IR version 7, opset 13), written directly in the protobuf wire format, so no ONNX library is
/// needed. Input "input": images N × C × S × S float32 in [0, 1], already resized to the model's
/// input size (S = spec.inputSize), or N × D float32 features for the MLP encoder. Output
/// "representation": N × d float32, the representation used for evaluation. Batch size is free.
/// BatchNorm layers use their running statistics (inference). Fails naming the tensor when a
/// weight the architecture needs is missing or not float32.
Expected<QByteArray> onnxEncoderModel(const ModelState &state);

} // namespace equiscope
