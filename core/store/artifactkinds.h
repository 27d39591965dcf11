#pragma once
// The kinds of artifact a run stores (ArtifactRecord::kind): one name per kind, used by the jobs
// that write them and by every reader (views, reports, bundles). The names are part of the
// store format: never change one without a schema migration.

#include <QString>

namespace equiscope::ArtifactKind {

/// An epoch's training state (model, optimiser, RNG); the last one resumes the run.
inline QString checkpoint()
{
    return QStringLiteral("checkpoint");
}
/// The final evaluation JSON of a run.
inline QString evaluation()
{
    return QStringLiteral("evaluation");
}
/// FARE: an epoch's attention over the fixed probe batch.
inline QString attention()
{
    return QStringLiteral("attention");
}
/// The fixed probe batch's images (attention and saliency views show them).
inline QString probeImages()
{
    return QStringLiteral("probe-images");
}
/// An epoch's Grad-CAM saliency of the probe images.
inline QString gradcam()
{
    return QStringLiteral("gradcam");
}
/// The frozen representation of test images (embedding view, clustering of a run).
inline QString embeddings()
{
    return QStringLiteral("embeddings");
}
/// The predicted class of every test sample (eval/testpredictions.h): FARE-family probe and fair
/// SSL classifier runs; the worst-subgroup scan of a run reads it.
inline QString testPredictions()
{
    return QStringLiteral("test-predictions");
}
/// Fair SSL: a stage's report, outputs and kept/dropped thumbnails; an epoch's meta weights.
inline QString fairSslStage()
{
    return QStringLiteral("fairssl-stage");
}
inline QString fairSslOutputs()
{
    return QStringLiteral("fairssl-outputs");
}
inline QString fairSslThumbnails()
{
    return QStringLiteral("fairssl-thumbnails");
}
inline QString metaWeights()
{
    return QStringLiteral("meta-weights");
}
/// Clustering: the evaluation, per-cluster purity, cluster sizes, predicted labels and an
/// epoch's Cross-attention of a few anchors.
inline QString clustering()
{
    return QStringLiteral("clustering");
}
inline QString purity()
{
    return QStringLiteral("purity");
}
inline QString clusterSizes()
{
    return QStringLiteral("cluster-sizes");
}
inline QString predictions()
{
    return QStringLiteral("predictions");
}
inline QString crossAttention()
{
    return QStringLiteral("cross-attention");
}

} // namespace equiscope::ArtifactKind
