#pragma once
// Private (LibTorch) header: Grad-CAM on a convolution's activation.

#include <torch/torch.h>

namespace equiscope {

/// Grad-CAM (Selvaraju et al., 2017) of one scalar per image. @p activation is the b×K×H×W
/// output of the explained convolution and @p score the b scores, both from one forward pass
/// with autograd on, where score i depends on image i's activation only (eval mode).
/// Map i = ReLU(Σ_k α_ik A_ik) with α_ik the spatial mean of ∂score_i/∂A_ik, divided by its
/// maximum (an all-zero map stays zero). Returns b×H×W float in [0, 1]. Parameter gradients are
/// not touched (torch::autograd::grad, not backward()).
torch::Tensor gradCamMaps(const torch::Tensor &activation, const torch::Tensor &score);

/// The score the saliency view explains: cosine similarity of each representation (rows of
/// @p representation) to its class prototype, the mean of the other samples of its class in the
/// batch (@p targets), held constant. A class with one member falls back to the mean of all
/// other samples. This is a nearest-class-mean probe's score of the true class: it needs no
/// fitting, so it exists at every epoch.
torch::Tensor prototypeSimilarity(const torch::Tensor &representation,
                                  const torch::Tensor &targets);

} // namespace equiscope
