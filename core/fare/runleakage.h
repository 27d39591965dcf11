#pragma once

#include "data/dataset.h"
#include "data/datasetreader.h"
#include "nn/representationleakage.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QVector>

namespace equiscope {

/// Representation leakage of a finished FARE-family run: every attribute of its dataset probed
/// on the run's stored frozen representation (the "embeddings" artifact: 2,000 test images), and
/// for comparison on a baseline run's representation and on the raw pixels of the same images
/// (docs/design/bias-discovery.md, "Representation leakage").
struct RunLeakageRequest
{
    QString storePath;
    QString run;           ///< id, id prefix or name
    QString baseline;      ///< optional second run (e.g. the InfoNCE run of the same data)
    bool rawPixels = true; ///< also probe the images' pixels (average-pooled to ≤ 8 × 8)
    LeakageOptions options;
    DatasetOpener open; ///< opens the runs' dataset; empty: openDataset()
};

struct RunLeakage
{
    QString runId;
    QString runName;
    QString method;
    int folds = 5;
    QVector<LeakageProbe> probes; ///< the run's, then the baseline's, then the raw pixels'
    QStringList warnings;

    QJsonObject toJson() const;
    /// One row per attribute, one column per probe: value [95 % interval], chance.
    QString toText() const;
};

Expected<RunLeakage> measureRunLeakage(const RunLeakageRequest &request);

/// The images of @p samples average-pooled to at most 8 × 8 per channel, scaled to [0, 1]:
/// the raw-pixel features a representation is compared with. Empty without images.
QVector<float> pooledPixels(const Dataset &dataset, const QVector<qint64> &samples, int *dim);

} // namespace equiscope
