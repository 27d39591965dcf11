#pragma once
// Private (LibTorch) header: the clustering transformer of docs/design/methods/clustering.md steps
// 2–5.

#include <torch/torch.h>

#include <utility>

namespace equiscope {

struct ClusterTransformerOptions
{
    int featureDim = 0; ///< D; tokens are D + k wide
    int k = 0;
    int width = 0; ///< model width (a multiple of heads)
    int layers = 2;
    int heads = 4;
    int subClusters = 4;
    double dropout = 0.1;
    bool crossAttention = true;
    bool crossAttentionAll = false;
};

/// Boundaries of S contiguous sub-clusters of k ranked tokens: sub-cluster s is
/// [bounds[s], bounds[s+1]); the first is the centroid sub-cluster, the last the furthest.
std::vector<int64_t> subClusterBounds(int k, int subClusters);

/// Queries from one set of tokens attend to keys/values from another, then residual + LayerNorm
/// + FFN + residual + LayerNorm (a standard post-norm block). Returns the updated queries and
/// the head-averaged attention weights [B, Lq, Lk].
class CrossAttentionBlockImpl : public torch::nn::Module
{
public:
    CrossAttentionBlockImpl(int width, int heads, double dropout);
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor &queries,
                                                    const torch::Tensor &keys);

private:
    torch::nn::MultiheadAttention m_attention{nullptr};
    torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr};
    torch::nn::Linear m_ff1{nullptr}, m_ff2{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(CrossAttentionBlock);

/// Tokens [B, k, D + k] → one logit per token [B, k]: a linear map to the model width, a
/// self-attention encoder, the Cross-attention block (furthest ← centroid, optionally every
/// non-central sub-cluster ← centroid) and a linear token head. The Cross-attention weights of
/// the furthest sub-cluster from the latest forward() are kept for the attention view.
class ClusterTransformerImpl : public torch::nn::Module
{
public:
    explicit ClusterTransformerImpl(const ClusterTransformerOptions &options);
    torch::Tensor forward(const torch::Tensor &tokens);
    /// [B, |furthest|, |centroid|] from the latest forward(); undefined without Cross-attention.
    torch::Tensor lastCrossAttention() const { return m_lastCross; }
    const ClusterTransformerOptions &options() const { return m_options; }

private:
    ClusterTransformerOptions m_options;
    std::vector<int64_t> m_bounds;
    torch::nn::Linear m_input{nullptr};
    std::vector<torch::nn::TransformerEncoderLayer> m_layers;
    CrossAttentionBlock m_cross{nullptr};
    torch::nn::Linear m_head{nullptr};
    torch::Tensor m_lastCross;
};
TORCH_MODULE(ClusterTransformer);

} // namespace equiscope
