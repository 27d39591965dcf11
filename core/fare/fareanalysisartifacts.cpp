#include "fare/fareanalysisartifacts.h"

#include "store/artifactkinds.h"

#include "fare/faresession.h"
#include "nn/embeddingset.h"
#include "nn/probeimages.h"
#include "nn/saliencysnapshot.h"
#include "store/runstore.h"

#include <QJsonDocument>

namespace equiscope {

Expected<Done> storeEpochAnalysis(RunStore &store, const QString &runId, FareSession &session,
                                  int epoch)
{
    const SaliencySnapshot saliency = session.saliencySnapshot(epoch);
    if (saliency.isEmpty())
        return Done{};
    auto existing = store.artifacts(runId, ArtifactKind::probeImages());
    if (!existing)
        return existing.error();
    if (existing->isEmpty()) {
        ArtifactRecord images;
        images.kind = ArtifactKind::probeImages();
        images.name = QStringLiteral("probe-batch");
        images.mime = QStringLiteral("application/json");
        auto put = store.putArtifact(
            runId, images,
            QJsonDocument(session.probeImages().toJson()).toJson(QJsonDocument::Compact));
        if (!put)
            return put.error();
    }
    ArtifactRecord a;
    a.kind = ArtifactKind::gradcam();
    a.epoch = epoch;
    a.name = QStringLiteral("probe-batch");
    a.mime = QStringLiteral("application/json");
    auto put = store.putArtifact(runId, a,
                                 QJsonDocument(saliency.toJson()).toJson(QJsonDocument::Compact));
    if (!put)
        return put.error();
    return Done{};
}

Expected<Done> storeFinalAnalysis(RunStore &store, const QString &runId, FareSession &session)
{
    EmbeddingSet set;
    try {
        set = session.embeddingSet(kStoredEmbeddingSamples);
    } catch (const std::exception &e) {
        DataError error;
        error.detail =
            QStringLiteral("could not compute the embeddings: %1").arg(QString::fromUtf8(e.what()));
        return error;
    }
    if (set.isEmpty())
        return Done{};
    ArtifactRecord a;
    a.kind = ArtifactKind::embeddings();
    a.name = QStringLiteral("test-subset");
    a.mime = QStringLiteral("application/x-equiscope-embeddings");
    auto put = store.putArtifact(runId, a, set.toBytes());
    if (!put)
        return put.error();
    return Done{};
}

} // namespace equiscope
