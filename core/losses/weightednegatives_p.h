#pragma once
// The fused, tiled engine behind the fast paths of FARE, SparseFARE and CCLK. All three have the
// shape
//     L_i = log( e^{S_ii} + c * sum_j w_ij e^{S_ij} ) - S_ii      (and the y->x mirror with S^T)
// where w is either a softmax attention over a support (FARE: the whole batch, SparseFARE: LSH
// tiles) or fixed non-negative weights (CCLK). The engine walks the support in tiles that fit in
// cache, computes every row statistic in log space and, in the same pass, the gradient w.r.t.
// u1, u2, q and k, so the b x b matrices of the formula never exist in memory.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace equiscope::lossdetail {

/// A rectangle of the support in a round's sorted order: rows [r0, r0+nr), columns [c0, c0+nc).
/// Within one round, the row ranges of the tiles partition 0..b-1.
struct Tile
{
    int64_t r0 = 0, nr = 0, c0 = 0, nc = 0;
    /// Pair tiles: the x direction uses the first xCols columns (-1: all), the y direction the
    /// columns from yFrom on (both relative to c0); their union is the whole tile.
    int64_t xCols = -1, yFrom = 0;
};

struct SupportRound
{
    torch::Tensor perm;      ///< int64 b: sorted position -> sample; undefined = identity
    torch::Tensor keys;      ///< int64 b: sample -> chunk (adjacent) or bucket (intra) id
    std::vector<Tile> tiles; ///< safe engine: rows x their whole x-direction support
    /// Fused engine: every entry S_ij that a direction needs, once. Entry (i, j) serves row i of
    /// the x direction and row j of the y direction (where the tile's column ranges say so).
    /// Tiles with the same rows are consecutive, and those row ranges partition 0..b-1.
    std::vector<Tile> pairTiles;
};

struct NegativesProblem
{
    bool softmax = true; ///< attention = softmax(q k^T / rho) over the support
    double rho = 1.0;    ///< attention scale
    torch::Tensor logW;  ///< !softmax: b x b log of fixed weights (kMasked for 0), no grad
    /// !softmax, fused engine: symmetric weights W, either low rank W = Phi V^T = V Phi^T (b x r
    /// each) or dense (b x b), in the dtype of u; entries below weightThreshold and the diagonal
    /// count as 0. logW is derived from them when the safe engine needs it.
    torch::Tensor weightV, weightPhi, weights;
    double weightThreshold = 1e-6;
    bool maskDiagonal = true;
    double tau = 0.1;
    double logC = 0.0; ///< log of the negative scale c
    bool symmetric = true;
    bool adjacentKeys = true; ///< pair (i,j) in a round iff key_j in {key_i, key_i - 1}; else ==
    std::vector<SupportRound> rounds;

    // Outputs of the last evaluation.
    mutable double entropy = 0.0;
    mutable int64_t emptyRows = 0;
    mutable bool usedFused = false; ///< the fused (bound-shifted) engine evaluated it
};

/// The loss, its gradients (already for a unit incoming gradient), entropy and empty rows.
struct NegativesGradients
{
    torch::Tensor loss, du1, du2, dq, dk;
};

/// The fused engine (fusednegatives.cpp): each S entry computed once per pass with a known
/// bound as the shift of the exponentials. Returns an undefined loss when the bound could
/// underflow for these inputs; the caller then takes the safe engine.
NegativesGradients evaluateFusedNegatives(const NegativesProblem &problem, const torch::Tensor &u1,
                                          const torch::Tensor &u2, const torch::Tensor &q,
                                          const torch::Tensor &k, bool needGrad);

/// The loss (scalar, differentiable w.r.t. u1, u2 and, for softmax attention, q and k).
torch::Tensor weightedNegativesLoss(const NegativesProblem &problem, const torch::Tensor &u1,
                                    const torch::Tensor &u2, const torch::Tensor &q,
                                    const torch::Tensor &k);

/// Backward of the losses that compute their gradient in the forward pass: the stored gradient
/// `key` times the incoming one. The stored tensor is handed over (no copy when the incoming
/// gradient is 1, the usual loss.backward()), so a second backward through the same graph fails.
torch::Tensor takeScaled(torch::autograd::AutogradContext *ctx, const char *key,
                         const torch::Tensor &gradOut);

/// Rows per tile for a dense walk over b columns: keeps a tile around a few hundred KiB on the
/// CPU. For the device-generic path (`device`) tiles of ~4 Mi entries (16 MiB in float): a GPU
/// wants few large kernels, and five such buffers still bound the memory well below a card's.
int64_t denseBlockRows(int64_t b, bool device = false);

/// Tests only: force the rows per dense tile (0 = automatic) so small inputs span many tiles.
void setDenseBlockRowsOverride(int64_t rows);

/// Tiles of the dense problem: row blocks x all columns (`device`: see denseBlockRows).
std::vector<Tile> denseTiles(int64_t b, bool device = false);

/// Pair tiles of the dense problem: row blocks x column blocks (fusedTileRows / -Cols).
std::vector<Tile> densePairTiles(int64_t b);

} // namespace equiscope::lossdetail
