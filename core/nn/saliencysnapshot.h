#pragma once

#include "util/expected.h"

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace equiscope {

struct ProbeImages;

/// Grad-CAM saliency of the probe batch for one epoch (image encoders only), as stored in the run
/// store (artifact kind "gradcam"). See gradcam.cpp for what is explained: the similarity of each
/// sample's representation to its class prototype, the score of a nearest-class-mean probe.
///
/// Heat maps are kept at the resolution of the explained convolution (e.g. 10×10 for LeNet) with
/// values in [0, 1] (each map divided by its own maximum); overlays are rendered from them on
/// demand. The input images are not part of the epoch's JSON (they never change): they are stored
/// once per run as ProbeImages and attached with attachImages(), so a stored epoch costs a few
/// kilobytes.
struct SaliencySnapshot
{
    int epoch = 0;
    QString explained; ///< what the maps explain, for the user ("class-prototype similarity")
    QString layer;     ///< the explained layer, e.g. "conv2 (10×10)"
    int mapWidth = 0;  ///< heat-map resolution
    int mapHeight = 0;
    QVector<qint64> samples; ///< dataset index of each image (probe batch order: by group, z)
    QVector<int> groups;     ///< metric group of each image (−1 = none)
    QStringList groupLabels;
    QVector<int> targets; ///< target class code of each image
    QStringList targetLabels;
    QVector<float> heat;    ///< samples × mapHeight × mapWidth, row-major, in [0, 1]
    QVector<float> score;   ///< the explained scalar of each image
    QVector<QImage> images; ///< input image of each sample (RGB888), see attachImages()

    int size() const { return int(samples.size()); }
    bool isEmpty() const { return samples.isEmpty(); }
    /// Heat map of image @p i (mapHeight × mapWidth).
    QVector<float> heatOf(int i) const;
    /// Mean heat map of the images in group @p group (empty when the group has none).
    QVector<float> groupHeat(int group) const;
    /// Pixel-wise mean of the group's input images (RGB888), the background of its overlay.
    QImage groupImage(int group) const;
    /// Number of images in group @p group.
    int groupCount(int group) const;

    /// Fills images from @p probe by sample index (null images where it has none).
    void attachImages(const ProbeImages &probe);

    /// JSON without the images.
    QJsonObject toJson() const;
    /// Fails with a message naming @p source when the JSON is malformed.
    static Expected<SaliencySnapshot> fromJson(const QJsonObject &json, const QString &source = {});
};

/// @p image with @p heat (mapHeight × mapWidth in [0, 1]) upsampled bilinearly, coloured with
/// OpenCV's viridis colour map (colour-blind safe) and blended in with weight @p opacity × heat,
/// so cold regions show the image and hot ones the colour, at @p size × @p size pixels (the image
/// itself is scaled with nearest neighbour so pixels stay crisp). Returns an RGB888 image.
QImage saliencyOverlay(const QImage &image, const QVector<float> &heat, int mapWidth, int mapHeight,
                       int size, double opacity = 0.5);

} // namespace equiscope
