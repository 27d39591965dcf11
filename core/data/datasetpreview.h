#pragma once

#include "data/dataset.h"

#include <QImage>

namespace equiscope {

struct PreviewOptions
{
    int count = 64; ///< images in the grid
    int columns = 8;
    int cellSize = 112;     ///< pixels per image cell (images are scaled up, nearest neighbour)
    QStringList attributes; ///< attributes printed under each image; empty: target + sensitive
    quint64 seed = 0;       ///< which samples (0 = the first ones)
};

/// A grid of sample images, each annotated with its attribute values, so a person checks a
/// dataset by looking at it. Drawn with OpenCV (works in a headless process).
QImage renderPreviewGrid(const Dataset &dataset, const PreviewOptions &options);

/// One image of the dataset as an RGB QImage (grey images are expanded).
QImage datasetImage(const Dataset &dataset, qint64 index);

} // namespace equiscope
