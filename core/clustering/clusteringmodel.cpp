#include "clustering/clusteringmodel_p.h"

#include <cmath>

namespace equiscope {

std::vector<int64_t> subClusterBounds(int k, int subClusters)
{
    std::vector<int64_t> b(size_t(subClusters) + 1);
    for (int s = 0; s <= subClusters; ++s)
        b[size_t(s)] = int64_t(std::llround(double(s) * k / subClusters));
    return b;
}

CrossAttentionBlockImpl::CrossAttentionBlockImpl(int width, int heads, double dropout)
{
    m_attention = register_module(
        "attention", torch::nn::MultiheadAttention(
                         torch::nn::MultiheadAttentionOptions(width, heads).dropout(dropout)));
    m_norm1 = register_module("norm1",
                              torch::nn::LayerNorm(torch::nn::LayerNormOptions({int64_t(width)})));
    m_norm2 = register_module("norm2",
                              torch::nn::LayerNorm(torch::nn::LayerNormOptions({int64_t(width)})));
    m_ff1 = register_module("ff1", torch::nn::Linear(width, 2 * width));
    m_ff2 = register_module("ff2", torch::nn::Linear(2 * width, width));
    m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
}

std::pair<torch::Tensor, torch::Tensor>
CrossAttentionBlockImpl::forward(const torch::Tensor &queries, const torch::Tensor &keys)
{
    // MultiheadAttention works sequence-first: [L, B, E].
    const auto q = queries.transpose(0, 1);
    const auto kv = keys.transpose(0, 1);
    auto [attended, weights] = m_attention->forward(q, kv, kv);
    auto x = m_norm1->forward(q + m_dropout->forward(attended));
    x = m_norm2->forward(x + m_dropout->forward(m_ff2->forward(torch::relu(m_ff1->forward(x)))));
    return {x.transpose(0, 1), weights};
}

ClusterTransformerImpl::ClusterTransformerImpl(const ClusterTransformerOptions &o)
    : m_options(o), m_bounds(subClusterBounds(o.k, o.subClusters))
{
    m_input = register_module("input", torch::nn::Linear(o.featureDim + o.k, o.width));
    for (int l = 0; l < o.layers; ++l) {
        m_layers.push_back(
            register_module("layer" + std::to_string(l),
                            torch::nn::TransformerEncoderLayer(
                                torch::nn::TransformerEncoderLayerOptions(o.width, o.heads)
                                    .dim_feedforward(2 * o.width)
                                    .dropout(o.dropout))));
    }
    if (o.crossAttention)
        m_cross = register_module("cross", CrossAttentionBlock(o.width, o.heads, o.dropout));
    m_head = register_module("head", torch::nn::Linear(o.width, 1));
}

torch::Tensor ClusterTransformerImpl::forward(const torch::Tensor &tokens)
{
    auto x = m_input->forward(tokens); // [B, k, W]
    if (!m_layers.empty()) {
        auto s = x.transpose(0, 1); // encoder layers are sequence-first
        for (auto &layer : m_layers)
            s = layer->forward(s);
        x = s.transpose(0, 1);
    }
    if (m_cross) {
        const int64_t centroidEnd = m_bounds[1];
        const int64_t furthestBegin = m_bounds[m_bounds.size() - 2];
        // Attention of one query depends only on the keys, so "every non-central sub-cluster"
        // is one call over all their tokens.
        const int64_t qBegin = m_options.crossAttentionAll ? centroidEnd : furthestBegin;
        const auto centroid = x.narrow(1, 0, centroidEnd);
        const auto queries = x.narrow(1, qBegin, x.size(1) - qBegin);
        auto [updated, weights] = m_cross->forward(queries, centroid);
        x = torch::cat({x.narrow(1, 0, qBegin), updated}, 1);
        m_lastCross = weights.narrow(1, furthestBegin - qBegin, x.size(1) - furthestBegin).detach();
    }
    return m_head->forward(x).squeeze(-1);
}

} // namespace equiscope
