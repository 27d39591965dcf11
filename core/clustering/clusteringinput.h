#pragma once

#include "clustering/clusteringdata.h"

#include <atomic>
#include <functional>

namespace equiscope {

/// The input of a clustering run: the config's feature dataset, or (config.fromRun) the
/// embeddings of a dataset by the final checkpoint of a finished FARE-family run in the store at
/// config.fromRunStore (default @p storePath). With views > 1 every source sample becomes an
/// identity of that many augmented views. @p log receives progress lines.
Expected<ClusteringData> loadClusteringData(const ClusteringConfig &config,
                                            const QString &storePath,
                                            const std::atomic<bool> &cancel,
                                            const std::function<void(const QString &)> &log = {});

} // namespace equiscope
