#pragma once

#include "util/expected.h"

#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace equiscope {

/// Exact k-nearest-neighbour graph by cosine similarity: for every row its k neighbours, the row
/// itself first, then by decreasing similarity (ties: lower index first).
struct KnnGraph
{
    qint64 rows = 0;
    int k = 0;
    std::vector<int32_t> neighbours; ///< rows × k; column 0 is the row itself
    std::vector<float> similarities; ///< rows × k cosine similarities

    const int32_t *neighboursOf(qint64 row) const { return neighbours.data() + row * k; }
    const float *similaritiesOf(qint64 row) const { return similarities.data() + row * k; }
};

struct KnnOptions
{
    /// Budget for the similarity tiles held at once (all threads). The N×N matrix is never
    /// formed: each thread multiplies a block of rows by a block of columns and keeps only a
    /// running top-k per row.
    qint64 memoryBytes = qint64(256) << 20;
    int threads = 0; ///< 0 = LibTorch's intra-op thread count
    const std::atomic<bool> *cancel = nullptr;
    /// Rows done so far; called on the calling thread (also once at the end).
    std::function<void(qint64 done, qint64 total)> progress;
};

/// The exact cosine kNN graph of @p n rows of @p dim floats (row-major). Rows are L2-normalised
/// internally (a zero row has similarity 0 to everything). Fails when k ≥ n, when a value is not
/// finite, or when cancelled (DataError detail "cancelled").
Expected<KnnGraph> buildKnnGraph(const float *rows, qint64 n, int dim, int k,
                                 const KnnOptions &options = {});

} // namespace equiscope
