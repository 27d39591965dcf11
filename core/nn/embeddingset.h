#pragma once

#include "util/expected.h"

#include <QByteArray>
#include <QStringList>
#include <QVector>

namespace equiscope {

/// Frozen-backbone representations of a subset of the test split with their labels, stored at
/// the end of a run (artifact kind "embeddings", mime application/x-equiscope-embeddings) for the
/// embedding view.
///
/// Bytes: the line "EQEMB1\n", a little-endian uint32 header length, a compact JSON header
/// (count, dim, samples, targets, groups, targetLabels, groupLabels, targetName) and then
/// count × dim float32 little-endian values, row-major.
struct EmbeddingSet
{
    int dim = 0;
    QVector<qint64> samples; ///< dataset index of each row
    QVector<int> targets;    ///< target class code (−1 = missing)
    QVector<int> groups;     ///< metric group (−1 = none)
    QStringList targetLabels;
    QStringList groupLabels;
    QString targetName;
    QVector<float> values; ///< count × dim

    int count() const { return int(samples.size()); }
    bool isEmpty() const { return samples.isEmpty(); }

    QByteArray toBytes() const;
    /// Fails with a message naming @p source and the problem (bad magic, truncated data, …).
    static Expected<EmbeddingSet> fromBytes(const QByteArray &bytes, const QString &source = {});
};

} // namespace equiscope
