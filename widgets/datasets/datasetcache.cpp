#include "datasets/datasetcache.h"

#include "data/datasetreader.h"

#include <QHash>
#include <QJsonDocument>
#include <QMutex>

namespace equiscope {

namespace {

struct CachedDataset
{
    std::shared_ptr<const Dataset> dataset;
    QString error; ///< why it could not be opened (dataset is null)
};

} // namespace

std::shared_ptr<const Dataset> openCachedDataset(const QJsonObject &specJson, QString *error)
{
    static QMutex mutex;
    static QHash<QByteArray, CachedDataset> cache;
    const QByteArray key = QJsonDocument(specJson).toJson(QJsonDocument::Compact);
    {
        QMutexLocker lock(&mutex);
        if (cache.contains(key)) {
            const CachedDataset &cached = cache[key];
            if (error)
                *error = cached.error;
            return cached.dataset;
        }
    }
    auto opened = openDataset(DatasetSpec::fromJson(specJson));
    CachedDataset entry;
    if (opened)
        entry.dataset = std::make_shared<const Dataset>(std::move(opened.value()));
    else
        entry.error = opened.error().toString();
    if (error)
        *error = entry.error;
    QMutexLocker lock(&mutex);
    cache.insert(key, entry);
    return entry.dataset;
}

} // namespace equiscope
