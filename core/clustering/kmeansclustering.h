#pragma once

#include "util/expected.h"

#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <vector>

namespace equiscope {

/// Lloyd's k-means on the L2-normalised rows (the clustering baseline: K = the true cluster
/// count), k-means++ seeding, distances by blocked matrix products so N×K is never held at
/// once. Stops after @p iterations or when no assignment changes. Dense labels 0 … K−1.
Expected<std::vector<int64_t>> kMeansClusters(const float *rows, qint64 n, int dim, int clusters,
                                              int iterations, quint64 seed,
                                              const std::atomic<bool> *cancel = nullptr);

} // namespace equiscope
