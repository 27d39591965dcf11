#pragma once
// Private (LibTorch) header: augmentation of whole batches as tensor operations.

#include "nn/augmentconfig.h"

#include <torch/torch.h>

#include <random>

namespace equiscope {

/// Augments a batch of uint8 images (b×H×W×C, as stored in the image cache) into float views
/// b×C×S×S in [0,1]. All random draws come from one seeded generator, so the same seed and
/// the same sequence of calls give the same views. RandomResizedCrop and flip are one affine
/// grid sample per batch (bilinear), so augmentation costs a few passes over the batch, not a
/// per-image loop.
class BatchAugmenter
{
public:
    BatchAugmenter(const AugmentConfig &config, quint64 seed);

    torch::Tensor augment(const torch::Tensor &imagesU8) { return augment(imagesU8, -1, 0); }
    /// The views of rows [@p offset, offset + b) of a batch of @p batchSize images, given only
    /// those b rows: the random draws are those of the whole batch, so every rank of a
    /// data-parallel run gets exactly its slice of the one-process views. @p batchSize −1: b.
    torch::Tensor augment(const torch::Tensor &imagesU8, int64_t batchSize, int64_t offset);
    /// The deterministic test-time view: a resize to S×S, no randomness.
    torch::Tensor evaluate(const torch::Tensor &imagesU8) const;

    /// Generator state, for checkpoints (resume continues the same random sequence).
    std::string state() const;
    void setState(const std::string &state);

private:
    double uniform(double lo, double hi)
    {
        return std::uniform_real_distribution<double>(lo, hi)(m_rng);
    }
    bool chance(double p) { return uniform(0.0, 1.0) < p; }

    AugmentConfig m_config;
    std::mt19937_64 m_rng;
};

/// uint8 b×H×W×C → float b×C×H×W in [0,1].
torch::Tensor toFloatNchw(const torch::Tensor &imagesU8);

} // namespace equiscope
