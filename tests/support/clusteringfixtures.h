#pragma once

#include "clustering/clusteringconfig.h"

#include <QString>

namespace fixtures {

/// Writes a small clustering benchmark folder into @p dir: features.bin (float32, N×dim),
/// labels.meta (identity per line) and groups.txt ("common" / "rare"). Each identity is a
/// Gaussian blob (@p spread around a random unit centre) of @p perIdentity samples; one identity
/// in four belongs to the rare group. Deterministic per seed. Returns the features path.
QString writeClusteringFeatures(const QString &dir, int identities = 40, int perIdentity = 8,
                                int dim = 32, double spread = 0.15, unsigned seed = 1);

/// A ClusteringConfig over such a folder with tiny settings (k 10, one layer, width 32,
/// 2 epochs): fast enough for unit tests.
equiscope::ClusteringConfig tinyClusteringRun(
    const QString &featuresPath,
    equiscope::ClusteringMethod method = equiscope::ClusteringMethod::TransformerFair);

} // namespace fixtures
