#include "datasets/datasetcache.h"

#include "data/datasetreader.h"

#include <QHash>
#include <QJsonDocument>
#include <QMutex>

namespace equiscope {

std::shared_ptr<const Dataset> openCachedDataset(const QJsonObject &specJson)
{
    static QMutex mutex;
    static QHash<QByteArray, std::shared_ptr<const Dataset>> cache;
    const QByteArray key = QJsonDocument(specJson).toJson(QJsonDocument::Compact);
    {
        QMutexLocker lock(&mutex);
        if (cache.contains(key))
            return cache.value(key);
    }
    auto opened = openDataset(DatasetSpec::fromJson(specJson));
    std::shared_ptr<const Dataset> ds;
    if (opened)
        ds = std::make_shared<const Dataset>(std::move(opened.value()));
    QMutexLocker lock(&mutex);
    cache.insert(key, ds);
    return ds;
}

} // namespace equiscope
