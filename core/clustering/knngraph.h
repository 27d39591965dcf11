#pragma once

#include "clustering/knnindex.h"
#include "util/expected.h"

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace equiscope {

/// The k-nearest-neighbour graph by cosine similarity: for every row its k neighbours, the row
/// itself first, then by decreasing similarity (exact graphs break ties by lower index first).
struct KnnGraph
{
    qint64 rows = 0;
    int k = 0;
    std::vector<int32_t> neighbours; ///< rows × k; column 0 is the row itself
    std::vector<float> similarities; ///< rows × k cosine similarities
    double indexSeconds = 0;         ///< approximate graphs: building the index (training, adding)
    double searchSeconds = 0;        ///< approximate graphs: the k-neighbour queries of every row
    /// IVF: rows whose probed cells held fewer than k rows, searched again with more probes.
    qint64 widenedRows = 0;

    const int32_t *neighboursOf(qint64 row) const { return neighbours.data() + row * k; }
    const float *similaritiesOf(qint64 row) const { return similarities.data() + row * k; }
};

struct KnnOptions
{
    KnnIndex index = KnnIndex::Exact;
    /// Exact: budget for the similarity tile held at once. The N×N matrix is never formed: a
    /// block of rows is multiplied by a block of columns and only a running top-k per row is kept.
    qint64 memoryBytes = qint64(256) << 20;
    int threads = 0; ///< 0 = LibTorch's intra-op thread count
    // HNSW knobs: links per node, candidate list while building and while searching (0 = 2k).
    int hnswLinks = 32;
    int hnswBuildDepth = 64;
    int hnswSearchDepth = 0;
    // IVF knobs: cells (0 = 4·√n) and cells visited per query.
    int ivfCells = 0;
    int ivfProbes = 32;
    quint64 seed = 0; ///< IVF: the training sample of the cell centroids
    /// The rows are already L2-normalised (or zero) and finite: used as they are, without the
    /// normalised copy (the clustering session's features; 1 GB at 1M × 256).
    bool rowsNormalized = false;
    /// IVF: where the inverted lists (a copy of every row) are laid out, as a scratch file
    /// (util/scratchmapping.h); empty = in memory.
    QString scratchDirectory;
    const std::atomic<bool> *cancel = nullptr;
    /// Rows done so far; called on the calling thread (also once at the end).
    std::function<void(qint64 done, qint64 total)> progress;
};

/// The cosine kNN graph of @p n rows of @p dim floats (row-major). Rows are L2-normalised
/// internally (a zero row has similarity 0 to everything). Fails when k ≥ n, when a value is not
/// finite, when HNSW finds fewer than k neighbours for a row (IVF searches such a row again with
/// more probes), or when cancelled
/// (DataError detail "cancelled").
Expected<KnnGraph> buildKnnGraph(const float *rows, qint64 n, int dim, int k,
                                 const KnnOptions &options = {});

/// How much of the exact neighbourhood an approximate graph found: recall@k (the row itself not
/// counted) on a seeded sample of rows, whose exact neighbours are computed against all rows.
struct KnnRecall
{
    qint64 sampled = 0;
    double recall = 1.0;
    /// Per group (the @p groupOf value of the sampled rows): {rows sampled, mean recall}.
    std::map<int, std::pair<qint64, double>> byGroup;
};

/// Measures @p graph against the exact neighbours of @p sample rows (all rows when fewer).
/// @p groupOf (may be empty) gives each row's group for the per-group recall.
/// @p rowsNormalized as in KnnOptions.
Expected<KnnRecall> measureKnnRecall(const float *rows, qint64 n, int dim, const KnnGraph &graph,
                                     qint64 sample, quint64 seed,
                                     const std::vector<int> &groupOf = {},
                                     bool rowsNormalized = false);

} // namespace equiscope
