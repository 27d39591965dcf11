#pragma once

#include "data/datasetreader.h"

#include <QColor>

namespace equiscope {

/// Options of the ColorMNIST generator (docs/design/methods/fare.md "Reference protocol").
struct ColoredMnistOptions
{
    QVector<QColor> palette;  ///< empty: tab10
    QStringList paletteNames; ///< names of the palette colours (tab10 names by default)
    double sigma = 40.0;      ///< per-channel Gaussian noise on the colour
    quint64 seed = 0;         ///< colour draw seed (fixed per image, stored with the dataset)
    double rho = 0.0; ///< class–colour correlation: P(colour = class colour) beyond chance

    static ColoredMnistOptions fromVariantMap(const QVariantMap &options);
};

/// The tab10 palette used by the paper (10 colours) and its colour names.
QVector<QColor> tab10Palette();
QStringList tab10Names();

/// Colours a grey MNIST-family dataset: every image gets one palette colour (with probability
/// rho the colour of its class, class mod palette size; otherwise uniform), plus per-channel
/// N(0, sigma) noise clipped to [0,255]; background pixel = (255 − intensity)/255 · colour.
/// Adds attributes "color" (palette entry, categorical) and "rgb" (the noisy colour, vector 0–255).
/// The draw is a pure function of (seed, index, label), so z is fixed per image.
Dataset colorizeDataset(const Dataset &grey, const ColoredMnistOptions &options,
                        const ReadContext &context);

/// Opens the "colored" format: a source dataset (spec.options "source"/"sourceFormat"; default
/// Debian's Fashion-MNIST) coloured with the options in spec.options.
Dataset readColoredMnist(const DatasetSpec &spec, const ReadContext &context);

/// Where Debian's dataset-fashion-mnist package installs its files.
QString debianFashionMnistPath();

} // namespace equiscope
