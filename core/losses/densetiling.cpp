// The helpers the loss engines share around their walks: tile shapes of the dense problems and
// the backward of the losses that compute their gradient in the forward pass.
#include "losses/weightednegatives_p.h"

#include <QtGlobal>

#include <algorithm>
#include <atomic>

namespace equiscope::lossdetail {

using torch::Tensor;

torch::Tensor takeScaled(torch::autograd::AutogradContext *ctx, const char *key,
                         const torch::Tensor &gradOut)
{
    const auto it = ctx->saved_data.find(key);
    TORCH_CHECK(it != ctx->saved_data.end(),
                "contrastive loss: backward through the same graph twice is not supported");
    Tensor t = it->second.toTensor();
    ctx->saved_data.erase(it);
    if (!t.defined())
        return t;
    if (gradOut.numel() == 1 && gradOut.item<double>() == 1.0)
        return t;
    return t * gradOut;
}

namespace {
std::atomic<int64_t> g_blockRowsOverride{0};
}

void setDenseBlockRowsOverride(int64_t rows)
{
    g_blockRowsOverride = rows;
}

int64_t denseBlockRows(int64_t b, bool device)
{
    if (const int64_t forced = g_blockRowsOverride.load(); forced > 0)
        return forced;
    if (device)
        return std::clamp<int64_t>((int64_t(4) << 20) / std::max<int64_t>(b, 1), 64,
                                   std::max<int64_t>(b, 1));
    // BLAS packs the whole b x d right-hand operand on every call, which costs about as much as
    // 2 * rows flops per packed element: fewer than ~64 rows per tile and packing dominates.
    // More rows make the tile fall out of L2; around 1-4 MiB per tile buffer measured best.
    static const int64_t envRows = qEnvironmentVariableIntValue("EQUISCOPE_LOSS_BLOCK_ROWS");
    if (envRows > 0)
        return envRows;
    const int64_t rows = std::clamp<int64_t>((256 * 1024) / std::max<int64_t>(b, 1), 48, 256);
    // Small batches: still a few tiles per thread.
    return std::max<int64_t>(16, std::min(rows, (b + 3) / 4));
}

std::vector<Tile> denseTiles(int64_t b, bool device)
{
    std::vector<Tile> tiles;
    const int64_t rows = denseBlockRows(b, device);
    for (int64_t r0 = 0; r0 < b; r0 += rows)
        tiles.push_back({r0, std::min(rows, b - r0), 0, b});
    return tiles;
}

} // namespace equiscope::lossdetail
