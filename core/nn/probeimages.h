#pragma once

#include "util/expected.h"

#include <QImage>
#include <QJsonObject>
#include <QVector>

namespace equiscope {

/// The probe batch's input images, stored once per run (artifact kind "probe-images") so that
/// the attention and saliency views show them even where the dataset itself is not available.
struct ProbeImages
{
    QVector<qint64> samples; ///< dataset index of each image
    QVector<QImage> images;  ///< RGB888, the dataset's native size

    /// The image of dataset sample @p sample, or a null image.
    QImage image(qint64 sample) const;
    /// JSON with the images as base-64 PNG.
    QJsonObject toJson() const;
    /// Fails with a message naming @p source when an image does not decode.
    static Expected<ProbeImages> fromJson(const QJsonObject &json, const QString &source = {});
};

} // namespace equiscope
