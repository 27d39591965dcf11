#pragma once

#include "util/expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace equiscope {

/// The predicted class of every test sample of a finished run (the linear probe of a FARE-family
/// run, the linear classifier of a fair SSL run), stored as the run's "test-predictions" artifact
/// so that its worst subgroups can be searched over every attribute of its dataset later
/// (docs/design/bias-discovery.md, "Worst-subgroup scan of a run").
struct TestPredictions
{
    QString target;               ///< the target attribute
    QStringList classNames;       ///< index = class; binary targets: [negative, positive]
    std::vector<qint64> samples;  ///< dataset index of each row
    std::vector<int> labels;      ///< true class, −1 when missing
    std::vector<int> predictions; ///< predicted class

    qint64 count() const { return qint64(samples.size()); }
    bool isEmpty() const { return samples.empty(); }

    /// Compact JSON: {"format":"equiscope-test-predictions","version":1,...}.
    QByteArray toBytes() const;
    /// Reads an artifact; a store is untrusted, so every count, class index and sample is checked
    /// (samples must lie below @p datasetSize when it is positive). Errors name @p source.
    static Expected<TestPredictions> fromBytes(const QByteArray &bytes, const QString &source,
                                               qint64 datasetSize = 0);
};

} // namespace equiscope
