#pragma once
// Private (LibTorch) header: the clustering loss of docs/design/methods/clustering.md step 6.

#include "clustering/clusteringconfig.h"

#include <torch/torch.h>

namespace equiscope {

struct ClusteringLossOptions
{
    bool purity = true; ///< add λ · purity penalty to the total (the term is reported either way)
    double lambda = 0.5;
    PurityForm form = PurityForm::UpperBound;
    double eps = 1e-6; ///< in sqrt(PP·AP + ε) and Σp + ε
};

/// The loss over A anchors × k tokens:
///   total = BCE(logits, t) + (1 − soft FM) + λ · purity penalty, with p = σ(logits),
///   TP_a = Σ_j p t, PP_a = Σ_j p, AP_a = Σ_j t, FM_a = TP_a / sqrt(PP_a·AP_a + ε),
///   P_a = TP_a / (PP_a + ε), upper bound mean_a (1 − P_a)² or variance mean_a (P_a − mean P)².
/// BCE and FM are means over tokens and anchors.
struct ClusteringLossTerms
{
    torch::Tensor values; ///< [total, bce, fm, purity penalty], all differentiable
    torch::Tensor total() const { return values[0]; }
};

/// Fused computation with an analytic backward (one autograd node for the whole loss).
ClusteringLossTerms clusteringLoss(const torch::Tensor &logits, const torch::Tensor &targets,
                                   const ClusteringLossOptions &options);

/// The same formula written straightforwardly with autograd ops (the tests' reference).
ClusteringLossTerms clusteringLossReference(const torch::Tensor &logits,
                                            const torch::Tensor &targets,
                                            const ClusteringLossOptions &options);

} // namespace equiscope
