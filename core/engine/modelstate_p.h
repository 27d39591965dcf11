#pragma once
// Private (LibTorch): model weights to and from ContrastiveModel.

#include "encoders_p.h"
#include "modelstate.h"

namespace equiscope {

/// Parameters then buffers of @p model, by their registered names.
ModelState modelStateOf(ContrastiveModel &model, const ModelSpec &spec);
/// Copies @p state into @p model; every model tensor must be present with its shape.
Expected<bool> loadModelStateInto(ContrastiveModel &model, const ModelState &state);
ContrastiveModel buildModel(const ModelSpec &spec);

} // namespace equiscope
