#pragma once

#include "util/expected.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QVector>

namespace equiscope {

/// What the fair-SSL views show of one run, read from its artifacts: the stage reports in
/// pipeline order ("fairssl-stage"), the thumbnails of what the stages dropped
/// ("fairssl-thumbnails") and the meta-weight histogram of every epoch ("meta-weights").
struct FairSslRunData
{
    QVector<QJsonObject> stages; ///< StageReport JSON, in the method's stage order
    QHash<QString, QJsonArray>
        thumbnails;                 ///< stage → items {sample, partner, score, reason, image…}
    QMap<int, QJsonObject> weights; ///< epoch → histogram {bins, groups[{label, counts…}]}
};

/// Reads run @p runId's fair-SSL artifacts from the store at @p storePath (read-only). Blocking:
/// call from a worker (QtConcurrent).
Expected<FairSslRunData> loadFairSslRunData(const QString &storePath, const QString &runId);

} // namespace equiscope
