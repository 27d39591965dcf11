#pragma once
// A run store for the analysis-view tests: five FARE-family runs (four finished, one queued) with
// curves and final metrics, and for the FARE run two epochs of attention and Grad-CAM snapshots,
// the probe images and an embedding set, all with known values.

#include "nn/embeddingset.h"
#include "store/runrecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace equiscope::analysisfixtures {

/// A final-metric row.
MetricRow row(const QString &name, double value, std::optional<double> lo = {},
              std::optional<double> hi = {}, const QString &group = {},
              std::optional<qint64> size = {});
/// The stored attention from sample @p i to sample @p j (sorted order) after @p epoch: three
/// colour groups of two samples, attention concentrated within a group as epochs pass.
float attentionOf(int epoch, int i, int j);
/// 60 representations in 5-D: three tight, far-apart clusters, one per group; two classes.
EmbeddingSet embeddingSet();

struct Fixture
{
    QString path;
    QString fare, baseline, sparse, weak, queued;
};
/// Builds the store in folder @p dir.
Fixture buildStore(const QString &dir);

} // namespace equiscope::analysisfixtures
