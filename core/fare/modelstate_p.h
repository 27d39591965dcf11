#pragma once
// Private (LibTorch): model weights to and from ContrastiveModel.

#include "fare/modelstate.h"
#include "nn/encoders_p.h"

namespace equiscope {

/// Parameters then buffers of @p model, by their registered names.
ModelState modelStateOf(ContrastiveModel &model, const ModelSpec &spec);
/// Copies @p state into @p model; every model tensor must be present with its shape.
Expected<Done> loadModelStateInto(ContrastiveModel &model, const ModelState &state);
ContrastiveModel buildModel(const ModelSpec &spec);

} // namespace equiscope
