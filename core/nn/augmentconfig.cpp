#include "nn/augmentconfig.h"

namespace equiscope {

QJsonObject AugmentConfig::toJson() const
{
    return QJsonObject{{QStringLiteral("outputSize"), outputSize},
                       {QStringLiteral("randomResizedCrop"), randomResizedCrop},
                       {QStringLiteral("cropScaleMin"), cropScaleMin},
                       {QStringLiteral("cropScaleMax"), cropScaleMax},
                       {QStringLiteral("cropRatioMin"), cropRatioMin},
                       {QStringLiteral("cropRatioMax"), cropRatioMax},
                       {QStringLiteral("horizontalFlip"), horizontalFlip},
                       {QStringLiteral("colorJitter"), colorJitter},
                       {QStringLiteral("jitterStrength"), jitterStrength},
                       {QStringLiteral("jitterProbability"), jitterProbability},
                       {QStringLiteral("grayscale"), grayscale},
                       {QStringLiteral("grayscaleProbability"), grayscaleProbability},
                       {QStringLiteral("gaussianBlur"), gaussianBlur},
                       {QStringLiteral("blurProbability"), blurProbability},
                       {QStringLiteral("blurSigmaMin"), blurSigmaMin},
                       {QStringLiteral("blurSigmaMax"), blurSigmaMax}};
}

AugmentConfig AugmentConfig::fromJson(const QJsonObject &j)
{
    AugmentConfig c;
    c.outputSize = j.value(QStringLiteral("outputSize")).toInt(c.outputSize);
    c.randomResizedCrop = j.value(QStringLiteral("randomResizedCrop")).toBool(c.randomResizedCrop);
    c.cropScaleMin = j.value(QStringLiteral("cropScaleMin")).toDouble(c.cropScaleMin);
    c.cropScaleMax = j.value(QStringLiteral("cropScaleMax")).toDouble(c.cropScaleMax);
    c.cropRatioMin = j.value(QStringLiteral("cropRatioMin")).toDouble(c.cropRatioMin);
    c.cropRatioMax = j.value(QStringLiteral("cropRatioMax")).toDouble(c.cropRatioMax);
    c.horizontalFlip = j.value(QStringLiteral("horizontalFlip")).toBool(c.horizontalFlip);
    c.colorJitter = j.value(QStringLiteral("colorJitter")).toBool(c.colorJitter);
    c.jitterStrength = j.value(QStringLiteral("jitterStrength")).toDouble(c.jitterStrength);
    c.jitterProbability =
        j.value(QStringLiteral("jitterProbability")).toDouble(c.jitterProbability);
    c.grayscale = j.value(QStringLiteral("grayscale")).toBool(c.grayscale);
    c.grayscaleProbability =
        j.value(QStringLiteral("grayscaleProbability")).toDouble(c.grayscaleProbability);
    c.gaussianBlur = j.value(QStringLiteral("gaussianBlur")).toBool(c.gaussianBlur);
    c.blurProbability = j.value(QStringLiteral("blurProbability")).toDouble(c.blurProbability);
    c.blurSigmaMin = j.value(QStringLiteral("blurSigmaMin")).toDouble(c.blurSigmaMin);
    c.blurSigmaMax = j.value(QStringLiteral("blurSigmaMax")).toDouble(c.blurSigmaMax);
    return c;
}

} // namespace equiscope
