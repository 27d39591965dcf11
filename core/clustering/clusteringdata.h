#pragma once

#include "clustering/clusteringconfig.h"

#include "data/dataset.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace equiscope {

/// What a clustering run clusters: L2-normalisable feature vectors, the true cluster label of
/// each (identity for faces, class for objects) and, for evaluation only, a sensitive group.
struct ClusteringData
{
    QString source; ///< the file (or run) the features came from, named in errors
    std::shared_ptr<const FeatureMatrix> features;
    std::vector<int64_t> identity; ///< true cluster per row
    std::vector<int32_t> groupOf;  ///< group per row, −1 = none; empty without groups
    QStringList groupLabels;
    /// When rows are embeddings of images: the image dataset (DatasetSpec JSON) and each row's
    /// sample index in it, so views can show thumbnails.
    QJsonObject imageDataset;
    std::vector<qint64> imageIndex;
    QStringList warnings;

    qint64 rows() const { return features ? features->rows() : 0; }
    int dim() const { return features ? features->cols() : 0; }
};

/// The clustering input of an opened feature dataset: its feature matrix, the identity column
/// and the groups of the config's sensitive attributes (the default "group" may be absent).
Expected<ClusteringData> clusteringDataFromDataset(const Dataset &dataset,
                                                   const ClusteringConfig &config);

/// Groups of @p table's rows by the config's sensitive attributes (binned when continuous).
Expected<Done> assignClusteringGroups(const AttributeTable &table, const ClusteringConfig &config,
                                      const QString &source, ClusteringData &data);

/// Applies config.subsampleGroup / subsampleFraction: keeps a seeded fraction of the identities
/// mostly in that group. Fails when no group has that label.
Expected<Done> subsampleGroupIdentities(const ClusteringConfig &config, ClusteringData &data);

} // namespace equiscope
