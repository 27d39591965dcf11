#pragma once

#include "data/attributetable.h"
#include "data/featurematrix.h"
#include "data/imagecache.h"

#include <QJsonObject>
#include <QMap>
#include <QVariantMap>

#include <memory>

namespace equiscope {

/// Which part of the data a sample belongs to.
enum class Split : quint8
{
    Train = 0,
    Val = 1,
    Test = 2,
};
QString splitName(Split split);

/// What to open: a format name, a path, and format options (see datasetreader.h).
struct DatasetSpec
{
    QString format;
    QString path;
    QVariantMap options;

    QJsonObject toJson() const;
    static DatasetSpec fromJson(const QJsonObject &json);
};

/// An opened dataset: images (memory-mapped cache) or feature vectors, a typed attribute table,
/// a split per sample, and what the reader skipped. Cheap to copy (images are shared).
struct Dataset
{
    DatasetSpec spec;
    QString name; ///< for display, e.g. "Fashion-MNIST"
    qint64 size = 0;
    AttributeTable attributes;
    std::vector<Split> splits;
    QStringList itemNames; ///< file names, when samples come from files
    std::shared_ptr<const ImageCache> images;
    std::shared_ptr<const FeatureMatrix> features;
    QString defaultTarget; ///< the reader's suggestion for the launcher
    QStringList defaultSensitive;
    qint64 skipped = 0;          ///< rows/files skipped as malformed
    QStringList skippedExamples; ///< the first few reasons, for the user
    QStringList warnings;

    QMap<Split, qint64> splitCounts() const;
    /// Indices of the samples in @p split, in order.
    std::vector<qint64> indicesOf(Split split) const;
    /// A stable fingerprint of the content (sizes, attribute values, cache identity).
    QString fingerprint() const;
};

/// Splits: the dataset's own (when it has them) or seeded random fractions.
struct SplitOptions
{
    double valFraction = 0.0;
    double testFraction = 0.2;
    quint64 seed = 0;
};
/// Seeded random assignment of every sample to train/val/test (exact fraction sizes).
std::vector<Split> randomSplits(qint64 count, const SplitOptions &options);

} // namespace equiscope
