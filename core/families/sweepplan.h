#pragma once

#include "store/runrecord.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace equiscope {

/// One axis of a sweep: a config key and the values it takes (as text, the way a user types
/// them). The key is a method option of the base config's method (MethodFamily::withOption) or
/// a key of the config JSON, dotted for nested objects ("dedup.threshold"); the value keeps the
/// type the base config has there.
struct SweepAxis
{
    QString key;
    QStringList values;
};

/// A sweep as files (docs/guide/scaling-out.md, "Sweeps"): every grid point of the axes × seeds
/// on top of a base run config of any family, each point a complete run config that
/// `equiscope-cli train`, `sweep task` and the GUI run as they are. On disk:
///
///   DIR/manifest.json        format, family, base config, axes, seeds, the points
///   DIR/configs/NNNN.json    one run config per point
///   DIR/shards/NNNN.sqlite   the run store each point trains into (one writer each)
///   DIR/logs/                the points' logs
///
/// A manifest read back is untrusted: its size, format, counts and every config are checked,
/// and file names are derived from point indices, never read from it.
class SweepPlan
{
public:
    struct Point
    {
        int index = 0;
        QString name;
        QJsonObject config;
        QJsonObject values; ///< the axes' values of this point, and "seed"
    };

    /// The plan of @p axes × @p seeds over @p base; every point's config is validated by its
    /// family. At most kMaxPoints points.
    static Expected<SweepPlan> create(const QJsonObject &base, const QList<SweepAxis> &axes,
                                      const QStringList &seeds);
    /// Reads the plan written to @p dir by write().
    static Expected<SweepPlan> read(const QString &dir);
    /// Writes the manifest and the configs into @p dir (created; existing point files of the same
    /// plan are kept, a different plan in it is refused).
    Expected<Done> write(const QString &dir) const;

    RunFamily family() const { return m_family; }
    const QJsonObject &base() const { return m_base; }
    const QList<SweepAxis> &axes() const { return m_axes; }
    const QStringList &seeds() const { return m_seeds; }
    const QList<Point> &points() const { return m_points; }
    QJsonObject manifest() const;

    static QString configPath(const QString &dir, int index);
    static QString shardPath(const QString &dir, int index);
    static QString logPath(const QString &dir, int index);

    static constexpr int kMaxPoints = 10000;

private:
    RunFamily m_family = RunFamily::Fare;
    QJsonObject m_base;
    QList<SweepAxis> m_axes;
    QStringList m_seeds;
    QList<Point> m_points;
};

/// @p config with @p key set from @p text (see SweepAxis), validated by @p config's family.
Expected<QJsonObject> withSweepValue(const QJsonObject &config, const QString &key,
                                     const QString &text);

} // namespace equiscope
