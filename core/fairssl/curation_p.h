#pragma once
// Private (LibTorch) header: the curation kernels of the fair-SSL pipeline (dedup, retrieval,
// leakage, quality). Embeddings are rows of an L2-normalised float matrix, so cosine = dot.

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <vector>

namespace equiscope::curation {

/// Top-k rows of @p keys by cosine for every row of @p queries: values and indices (Q×k, best
/// first). Keys are processed in column blocks whose Q×block products stay small; each block is
/// reduced with torch::topk and merged with the running best, so nothing is ever fully sorted.
/// k is clamped to the number of keys. Returns undefined tensors when @p cancel became true.
std::pair<torch::Tensor, torch::Tensor> blockedTopK(const torch::Tensor &queries,
                                                    const torch::Tensor &keys, int64_t k,
                                                    const std::atomic<bool> *cancel = nullptr);

/// One removed near-duplicate: row @p row joined the group of the kept row @p keptRow.
struct Duplicate
{
    int64_t row = 0;
    int64_t keptRow = 0;
    float cosine = 0; ///< cosine between row and keptRow (the group may chain through others)
};

struct DedupResult
{
    std::vector<int64_t> kept; ///< rows kept, ascending
    std::vector<Duplicate> dropped;
    int64_t pairs = 0; ///< pairs with cosine >= threshold that were found
    bool cancelled = false;
};

/// Near-duplicate removal: rows joined by a pair with cosine >= @p threshold form connected
/// groups (union-find); the first (lowest) row of every group is kept. The pairs are found in
/// row blocks of the Gram matrix (only j > i), never materialising N×N.
DedupResult deduplicate(const torch::Tensor &embeddings, double threshold,
                        const std::atomic<bool> *cancel = nullptr);

/// Rows of @p pool whose best cosine to any row of @p reference is >= @p threshold, with that
/// reference row and cosine (the leakage check against the evaluation split).
std::vector<Duplicate> matchesAgainst(const torch::Tensor &pool, const torch::Tensor &reference,
                                      double threshold, const std::atomic<bool> *cancel = nullptr);

/// Variance of the Laplacian of an H×W×C uint8 image's grey version (OpenCV, 3×3 kernel, 64-bit
/// float): a no-reference sharpness proxy — low for blurry or flat images.
double laplacianVariance(const uint8_t *image, int height, int width, int channels);

} // namespace equiscope::curation
