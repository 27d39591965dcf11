#pragma once

#include "data/attributetable.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QVector>

namespace equiscope {

/// Representation leakage (docs/design/bias-discovery.md, "Representation leakage"): how well
/// each attribute can be read off a set of features by a linear probe, measured out of fold.
struct LeakageOptions
{
    int folds = 5;
    int resamples = 1000; ///< bootstrap resamples of the out-of-fold predictions (95 % CI)
    quint64 seed = 1;
    qint64 minLevelCount = 5; ///< levels seen less often are left out of an attribute's probe
    int maxLevels = 64;       ///< attributes with more levels are left out (identifiers)
    double l2 = 1e-4;         ///< logistic probes
    double ridge = 1e-3;      ///< linear probes
};

/// One attribute read off the features: accuracy (discrete) or R² (continuous, vector).
struct AttributeLeakage
{
    QString attribute;
    QString measure; ///< "accuracy" or "r2"
    double value = 0;
    double low = 0; ///< 95 % bootstrap interval
    double high = 0;
    double chance = 0; ///< accuracy of always guessing the commonest level; 0 for R²
    qint64 rows = 0;
    int levels = 0;
    QString note; ///< levels left out, or why the attribute was not probed (value NaN)
};

/// The probes of every attribute on one set of features.
struct LeakageProbe
{
    QString source; ///< "run 1a2b3c4d (fare)", "raw pixels", …
    int dim = 0;
    qint64 rows = 0;
    QVector<AttributeLeakage> attributes;

    const AttributeLeakage *attribute(const QString &name) const;
    QJsonObject toJson() const;
};

/// Probes every attribute of @p attributes (one row per feature row) on @p features (rows × dim,
/// row-major). Fails when there are fewer rows than 2 × folds or the sizes disagree.
Expected<LeakageProbe> probeLeakage(const QVector<float> &features, int dim,
                                    const AttributeTable &attributes, const LeakageOptions &options,
                                    const QString &source);

} // namespace equiscope
