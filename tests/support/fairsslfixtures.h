#pragma once

#include "fairssl/fairsslconfig.h"

#include <vector>

namespace fixtures {

/// A tiny image folder + CSV for the fair-SSL pipeline: target "shape" (ink in the top or the
/// bottom half), group "tint" (red majority, blue minority), "site" (known for test images
/// only), and planted cases whose dataset
/// indices are returned: train copies of test images (must never reach the training pool),
/// duplicates within the train split, and flat (blur-like, zero-Laplacian) images.
struct FairSslFixture
{
    equiscope::FairSslConfig config;
    std::vector<qint64> leakedTrain;     ///< train images that are byte copies of test images
    std::vector<qint64> leakedOriginals; ///< the test images they copy (same order)
    std::vector<qint64> trainDuplicates; ///< train images that copy earlier train images
    std::vector<qint64> flat;            ///< uniform images (Laplacian variance 0)
};

/// Writes the fixture into @p dir and returns a tiny config (LeNet, 2 + 2 epochs, batch 32):
/// seconds to run on two cores.
FairSslFixture writeFairSslFixture(const QString &dir, int trainImages = 240, int testImages = 80);

} // namespace fixtures
