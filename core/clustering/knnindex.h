#pragma once

#include "util/expected.h"

#include <QString>

namespace equiscope {

/// How the clustering family's kNN graph is found (docs/design/methods/clustering.md,
/// "Step 1 — kNN graph"). Torch-free: run configs name it.
enum class KnnIndex
{
    Exact, ///< "exact": every pair, blocked products over the upper triangle of the Gram matrix
    Hnsw,  ///< "hnsw": FAISS hierarchical navigable small-world graph (approximate)
    Ivf,   ///< "ivf": FAISS inverted file over k-means cells (approximate)
};
QString knnIndexName(KnnIndex index);
/// Parses "exact", "hnsw" or "ivf"; the error names @p where.
Expected<KnnIndex> knnIndexFromName(const QString &name, const QString &where);

} // namespace equiscope
