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
    // Probabilities are probabilities; scales, ratios and strengths are bounded where the
    // augmentation would otherwise be meaningless (a negative crop scale, a blur of σ 1e300).
    f.integer(QStringLiteral("outputSize"), c.outputSize, 0, 1024)
        .flag(QStringLiteral("randomResizedCrop"), c.randomResizedCrop)
        .number(QStringLiteral("cropScaleMin"), c.cropScaleMin, 0.001, 1)
        .number(QStringLiteral("cropScaleMax"), c.cropScaleMax, 0.001, 1)
        .number(QStringLiteral("cropRatioMin"), c.cropRatioMin, 0.01, 100)
        .number(QStringLiteral("cropRatioMax"), c.cropRatioMax, 0.01, 100)
        .flag(QStringLiteral("horizontalFlip"), c.horizontalFlip)
        .flag(QStringLiteral("colorJitter"), c.colorJitter)
        .number(QStringLiteral("jitterStrength"), c.jitterStrength, 0, 10)
        .number(QStringLiteral("jitterProbability"), c.jitterProbability, 0, 1)
        .flag(QStringLiteral("grayscale"), c.grayscale)
        .number(QStringLiteral("grayscaleProbability"), c.grayscaleProbability, 0, 1)
        .flag(QStringLiteral("gaussianBlur"), c.gaussianBlur)
        .number(QStringLiteral("blurProbability"), c.blurProbability, 0, 1)
        .number(QStringLiteral("blurSigmaMin"), c.blurSigmaMin, 0, 100)
        .number(QStringLiteral("blurSigmaMax"), c.blurSigmaMax, 0, 100);
    if (auto e = f.error())
        return *e;
    if (c.cropScaleMin > c.cropScaleMax || c.cropRatioMin > c.cropRatioMax ||
        c.blurSigmaMin > c.blurSigmaMax)
        return fieldError(file, QStringLiteral("augment"),
                          QStringLiteral("each minimum at most its maximum"),
                          QStringLiteral("crop scale %1…%2, ratio %3…%4, blur σ %5…%6")
                              .arg(c.cropScaleMin)
                              .arg(c.cropScaleMax)
                              .arg(c.cropRatioMin)
                              .arg(c.cropRatioMax)
                              .arg(c.blurSigmaMin)
                              .arg(c.blurSigmaMax));
    return c;
}

} // namespace equiscope
