#pragma once

#include "store/runrecord.h"
#include "util/expected.h"

namespace equiscope {

class RunStore;
class FareSession;

/// Most test samples whose representations a run stores for the embedding view.
constexpr int kStoredEmbeddingSamples = 2000;

/// Stores what the saliency view reads after epoch @p epoch: the Grad-CAM snapshot of the probe
/// batch (kind "gradcam") and, once per run, the probe images (kind "probe-images"). Nothing for
/// encoders without a conv layer. Costs one forward and backward pass of the probe batch.
Expected<Done> storeEpochAnalysis(RunStore &store, const QString &runId, FareSession &session,
                                  int epoch);

/// Stores the end-of-run embedding subset (kind "embeddings", EmbeddingSet bytes).
Expected<Done> storeFinalAnalysis(RunStore &store, const QString &runId, FareSession &session);

} // namespace equiscope
