#include "nn/augmentconfig.h"

#include "util/jsonfields.h"

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

Expected<AugmentConfig> AugmentConfig::fromJson(const QJsonObject &j, const QString &file)
{
    AugmentConfig c;
    JsonFields f(j, file, QStringLiteral("augment"));
    f.integer(QStringLiteral("outputSize"), c.outputSize, 0, 1024)
        .flag(QStringLiteral("randomResizedCrop"), c.randomResizedCrop)
        .number(QStringLiteral("cropScaleMin"), c.cropScaleMin)
        .number(QStringLiteral("cropScaleMax"), c.cropScaleMax)
        .number(QStringLiteral("cropRatioMin"), c.cropRatioMin)
        .number(QStringLiteral("cropRatioMax"), c.cropRatioMax)
        .flag(QStringLiteral("horizontalFlip"), c.horizontalFlip)
        .flag(QStringLiteral("colorJitter"), c.colorJitter)
        .number(QStringLiteral("jitterStrength"), c.jitterStrength)
        .number(QStringLiteral("jitterProbability"), c.jitterProbability)
        .flag(QStringLiteral("grayscale"), c.grayscale)
        .number(QStringLiteral("grayscaleProbability"), c.grayscaleProbability)
        .flag(QStringLiteral("gaussianBlur"), c.gaussianBlur)
        .number(QStringLiteral("blurProbability"), c.blurProbability)
        .number(QStringLiteral("blurSigmaMin"), c.blurSigmaMin)
        .number(QStringLiteral("blurSigmaMax"), c.blurSigmaMax);
    if (auto e = f.error())
        return *e;
    return c;
}

} // namespace equiscope
