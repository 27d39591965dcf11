#pragma once
// Private (LibTorch) header: Meta-Weight-Net (Shu et al. 2019) and its one-step look-ahead
// (docs/design/methods/fair-ssl.md, stage 6).

#include <torch/torch.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace equiscope {

/// V: loss → weight, an MLP 1 → hidden → 1 with ReLU and a sigmoid output: σ(f(ℓ)) as in
/// Meta-Weight-Net, or, @p centred, 2σ(f(ℓ) − mean of f over the batch), whose batch mean stays
/// near 1 whatever V's bias does.
class MetaWeightNetImpl : public torch::nn::Module
{
public:
    explicit MetaWeightNetImpl(int hidden = 100, bool centred = false);
    /// @p losses N → weights N in (0, 1), or (0, 2) centred.
    torch::Tensor forward(const torch::Tensor &losses);

private:
    torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr};
    bool m_centred = false;
};
TORCH_MODULE(MetaWeightNet);

/// The weights the steps use: V's output @p w as it is (@p minWeight 0), or relative to the
/// batch mean with those below @p minWeight raised to it (no sample, and no group, switched off).
torch::Tensor stepWeights(const torch::Tensor &w, double minWeight);

/// Runs a module's forward with some parameters replaced by other tensors (e.g. θ̂ = θ − α g,
/// which carry a graph), without touching the registered parameters: Linear, Conv2d and
/// BatchNorm1d/2d read their weight/bias members, which are swapped for the lifetime of this
/// object. BatchNorm running statistics are swapped for copies too, so a look-ahead forward
/// never changes them. Parameter names are those of named_parameters().
class ParameterSwap
{
public:
    ParameterSwap(torch::nn::Module &model, const std::map<std::string, torch::Tensor> &replace);
    ~ParameterSwap();
    ParameterSwap(const ParameterSwap &) = delete;
    ParameterSwap &operator=(const ParameterSwap &) = delete;
    /// How many replacements found their parameter (the rest are not in a supported layer).
    int swapped() const { return m_swapped; }

private:
    struct Slot
    {
        torch::Tensor *member;
        torch::Tensor original;
    };
    std::vector<Slot> m_slots;
    int m_swapped = 0;
};

/// What one look-ahead update measured.
struct LookAheadResult
{
    double virtualLoss = 0; ///< Σ V(ℓ) ℓ / Σ V(ℓ) at θ
    double metaLoss = 0;    ///< meta loss at θ̂
};

/// The Meta-Weight-Net update of one iteration, steps a and b:
///   a. θ̂ = θ − α ∇θ Σ w_i ℓ_i / Σ w_i, w_i = stepWeights(V(ℓ_i), @p minWeight) (V's input
///      without graph, as in the authors' code), over the @p fast parameters, keeping the graph;
///   b. the gradient of @p metaLoss (evaluated with θ̂ in place, see ParameterSwap) with respect
///      to V's parameters, written into their .grad() (the caller steps V's optimiser).
/// @p trainLosses are the per-sample losses ℓ_i at θ with their graph; it is kept (retained) so
/// the caller can take the real step (c) on the same forward.
LookAheadResult metaWeightLookAhead(torch::nn::Module &model,
                                    const std::vector<std::pair<std::string, torch::Tensor>> &fast,
                                    MetaWeightNet &weightNet, const torch::Tensor &trainLosses,
                                    const std::function<torch::Tensor()> &metaLoss, double alpha,
                                    double minWeight = 0);

} // namespace equiscope
