#pragma once
// Private (LibTorch) header: the supervised-contrastive loss of Khosla et al.
// (docs/design/methods/fair-ssl.md stage 6), per sample so that Meta-Weight-Net can weight it.

#include <torch/torch.h>

namespace equiscope::supcon {

/// ℓ_i of every view: for the 2N rows of @p z (L2-normalised, views 1 then views 2) with labels
/// @p labels (2N, int64), ℓ_i = −1/|P(i)| Σ_{p∈P(i)} log( exp(z_i·z_p/τ) / Σ_{a≠i} exp(z_i·z_a/τ)
/// ), P(i) = the other rows with the same label (never empty: a sample's other view is one). Plain
/// tensor operations, so autograd differentiates it twice (the look-ahead needs that).
torch::Tensor perView(const torch::Tensor &z, const torch::Tensor &labels, double tau);

/// ℓ of every sample: the mean of its two views' ℓ_i. @p z1, @p z2 are N×d, @p labels N.
torch::Tensor perSample(const torch::Tensor &z1, const torch::Tensor &z2,
                        const torch::Tensor &labels, double tau);

/// L = Σ w_i ℓ_i / Σ w_i.
torch::Tensor weighted(const torch::Tensor &perSampleLoss, const torch::Tensor &weights);

/// The same per-view loss written as the formula reads, one anchor and one positive at a time
/// (double precision): the reference the tests hold perView() against.
torch::Tensor perViewReference(const torch::Tensor &z, const torch::Tensor &labels, double tau);

} // namespace equiscope::supcon
