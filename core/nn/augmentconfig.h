#pragma once

#include "util/expected.h"

#include <QJsonObject>

namespace equiscope {

/// Batch augmentations for the two contrastive views; each switchable (docs/design/methods/fare.md:
/// colour distortions stay off when the protected attribute is a colour, since they would change
/// z).
struct AugmentConfig
{
    int outputSize = 32; ///< views are outputSize × outputSize
    bool randomResizedCrop = true;
    double cropScaleMin = 0.2, cropScaleMax = 1.0;
    double cropRatioMin = 3.0 / 4.0, cropRatioMax = 4.0 / 3.0;
    bool horizontalFlip = true;
    bool colorJitter = false;
    double jitterStrength = 0.4; ///< brightness/contrast/saturation amplitude; hue = strength/4
    double jitterProbability = 0.8;
    bool grayscale = false;
    double grayscaleProbability = 0.2;
    bool gaussianBlur = false;
    double blurProbability = 0.5;
    double blurSigmaMin = 0.1, blurSigmaMax = 2.0;

    QJsonObject toJson() const;
    /// Reads the "augment" object of a run config strictly (wrong types and unknown keys are
    /// errors naming "augment.<key>" in @p file).
    static Expected<AugmentConfig> fromJson(const QJsonObject &json,
                                            const QString &file = QStringLiteral("run config"));
};

} // namespace equiscope
