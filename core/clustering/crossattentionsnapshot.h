#pragma once
// The Cross-attention snapshot a clustering run stores every epoch (artifact kind
// "cross-attention"), in a header of its own so that its view need not include the session.

#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace equiscope {

/// The Cross-attention of one anchor: furthest-sub-cluster tokens (rows) × centroid tokens
/// (columns), averaged over heads.
struct CrossAttentionAnchor
{
    qint64 row = 0; ///< the anchor's row in the clustering input
    int group = -1;
    qint64 image = -1; ///< its sample index in the image dataset, −1 without images
    QVector<qint64> centroidRows, furthestRows;
    QVector<qint64> centroidImages, furthestImages;
    QVector<int> centroidSame, furthestSame; ///< 1 when the token has the anchor's identity
    QVector<float> centroidP, furthestP;     ///< the model's p_j
    QVector<float> weights;                  ///< |furthest| × |centroid|, row-major
};

/// The stored Cross-attention of a few fixed test anchors after one epoch.
struct CrossAttentionSnapshot
{
    int epoch = 0;
    int centroidSize = 0;
    int furthestSize = 0;
    QVector<CrossAttentionAnchor> anchors;
    QStringList groupLabels;
    QJsonObject imageDataset; ///< DatasetSpec JSON when the rows are image embeddings
    QJsonObject toJson() const;
    static CrossAttentionSnapshot fromJson(const QJsonObject &json);
};

} // namespace equiscope
