#include "views/fairsslrundata.h"

#include "store/artifactkinds.h"

#include "fairssl/fairsslconfig.h"
#include "store/runstore.h"

#include <QJsonDocument>

#include <algorithm>

namespace equiscope {

Expected<FairSslRunData> loadFairSslRunData(const QString &storePath, const QString &runId)
{
    RunStoreOptions options;
    options.create = false;
    options.recoverOnOpen = false; // a viewer never changes the store
    auto store = RunStore::open(storePath, options);
    if (!store)
        return store.error();
    auto run = store.value()->run(runId);
    if (!run)
        return run.error();
    FairSslRunData data;
    auto json = [&](const ArtifactRecord &a) {
        auto bytes = store.value()->artifactData(a);
        return bytes ? QJsonDocument::fromJson(bytes.value()).object() : QJsonObject();
    };
    auto stages = store.value()->artifacts(runId, ArtifactKind::fairSslStage());
    if (!stages)
        return stages.error();
    const auto method = fairSslMethodFromName(run->method);
    const QStringList order = fairSslStages(method ? method.value() : FairSslMethod::FairSsl);
    for (const ArtifactRecord &a : stages.value())
        data.stages.push_back(json(a));
    std::stable_sort(data.stages.begin(), data.stages.end(),
                     [&](const QJsonObject &x, const QJsonObject &y) {
                         return order.indexOf(x.value(QStringLiteral("stage")).toString()) <
                                order.indexOf(y.value(QStringLiteral("stage")).toString());
                     });
    if (auto thumbs = store.value()->artifacts(runId, ArtifactKind::fairSslThumbnails()))
        for (const ArtifactRecord &a : thumbs.value())
            data.thumbnails.insert(a.name, json(a).value(QStringLiteral("items")).toArray());
    if (auto weights = store.value()->artifacts(runId, ArtifactKind::metaWeights()))
        for (const ArtifactRecord &a : weights.value())
            if (a.epoch)
                data.weights.insert(*a.epoch, json(a));
    return data;
}

} // namespace equiscope
