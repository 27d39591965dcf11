#pragma once

#include "eval/metricdirection.h"

#include <QStringList>
#include <QVector>

#include <vector>

namespace equiscope {

/// One objective axis of a Pareto comparison.
struct Objective
{
    QString name;
    ObjectiveDirection direction = ObjectiveDirection::Maximise;
};

/// One run (or epoch) as a point: values[k] belongs to objective k.
struct ParetoPoint
{
    QString id;
    std::vector<double> values;
};

/// Pareto front of runs over named objectives with known directions.
///
/// A point is on the front when no other point is at least as good on every objective and
/// strictly better on one. A point with a NaN value (or the wrong number of values) neither
/// enters the front nor dominates; identical points do not dominate each other.
class ParetoFront
{
public:
    ParetoFront(QVector<Objective> objectives, QVector<ParetoPoint> points);

    const QVector<Objective> &objectives() const { return m_objectives; }
    const QVector<ParetoPoint> &points() const { return m_points; }
    bool isOnFront(int point) const { return m_onFront[size_t(point)]; }
    /// Indices of the front, sorted by the first objective's value (then the second's)
    /// ascending, the order to join them with a line.
    const std::vector<int> &front() const { return m_front; }

    /// True when point @p a dominates point @p b.
    bool dominates(int a, int b) const;

    /// The worst value on each axis among all (valid) points: the default reference. Points that
    /// sit on the worst value of an axis then add no area; pass an explicit reference to avoid
    /// that.
    std::vector<double> defaultReference() const;
    /// The reference every hypervolume Equiscope shows is measured from (the Compare page, the
    /// reports): the worst value on each axis moved kReferenceMargin of that axis's spread
    /// further out (of |value|, at least 1e-3, when every point has the same value), so the
    /// extreme points of the front add area too.
    std::vector<double> paddedReference() const;
    static constexpr double kReferenceMargin = 0.1;

    /// Area dominated by the front and bounded by @p reference (2 objectives only, NaN
    /// otherwise). Front points not strictly better than the reference on both axes add nothing.
    double hypervolume(const std::vector<double> &reference) const;
    double hypervolume() const { return hypervolume(defaultReference()); }

private:
    bool valid(int point) const;

    QVector<Objective> m_objectives;
    QVector<ParetoPoint> m_points;
    std::vector<bool> m_onFront;
    std::vector<int> m_front;
};

} // namespace equiscope
