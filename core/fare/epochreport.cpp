#include "fare/epochreport.h"

namespace equiscope {

QJsonObject EpochReport::toJson() const
{
    QJsonObject o{{QStringLiteral("epoch"), epoch},
                  {QStringLiteral("loss"), meanLoss},
                  {QStringLiteral("learningRate"), learningRate},
                  {QStringLiteral("seconds"), seconds},
                  {QStringLiteral("imagesPerSecond"), imagesPerSecond}};
    if (attentionEntropy >= 0) {
        o.insert(QStringLiteral("attentionEntropy"), attentionEntropy);
        o.insert(QStringLiteral("emptySupportRows"), emptySupportRows);
    }
    if (communicationSeconds >= 0)
        o.insert(QStringLiteral("communicationSeconds"), communicationSeconds);
    return o;
}

} // namespace equiscope
