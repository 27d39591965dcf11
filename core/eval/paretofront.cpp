#include "eval/paretofront.h"

#include "eval/summarystats.h"

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

/// The value as "higher is better".
double gain(const Objective &o, double v)
{
    return o.direction == ObjectiveDirection::Maximise ? v : -v;
}

} // namespace

ParetoFront::ParetoFront(QVector<Objective> objectives, QVector<ParetoPoint> points)
    : m_objectives(std::move(objectives)), m_points(std::move(points)),
      m_onFront(size_t(m_points.size()), false)
{
    const int n = int(m_points.size());
    // O(n²) comparisons: a sweep holds tens to hundreds of runs.
    for (int i = 0; i < n; ++i) {
        if (!valid(i))
            continue;
        bool dominated = false;
        for (int j = 0; j < n && !dominated; ++j)
            dominated = j != i && dominates(j, i);
        m_onFront[size_t(i)] = !dominated;
        if (!dominated)
            m_front.push_back(i);
    }
    std::sort(m_front.begin(), m_front.end(), [this](int a, int b) {
        const auto &va = m_points[a].values;
        const auto &vb = m_points[b].values;
        return std::lexicographical_compare(va.begin(), va.end(), vb.begin(), vb.end());
    });
}

bool ParetoFront::valid(int point) const
{
    const auto &v = m_points[point].values;
    if (v.size() != size_t(m_objectives.size()) || v.empty())
        return false;
    return std::none_of(v.begin(), v.end(), [](double x) { return std::isnan(x); });
}

bool ParetoFront::dominates(int a, int b) const
{
    if (!valid(a) || !valid(b))
        return false;
    bool strictly = false;
    for (int k = 0; k < m_objectives.size(); ++k) {
        const double ga = gain(m_objectives[k], m_points[a].values[size_t(k)]);
        const double gb = gain(m_objectives[k], m_points[b].values[size_t(k)]);
        if (ga < gb)
            return false;
        strictly = strictly || ga > gb;
    }
    return strictly;
}

std::vector<double> ParetoFront::defaultReference() const
{
    std::vector<double> ref(size_t(m_objectives.size()), kUndefined);
    for (int i = 0; i < m_points.size(); ++i) {
        if (!valid(i))
            continue;
        for (int k = 0; k < m_objectives.size(); ++k) {
            const double v = m_points[i].values[size_t(k)];
            double &r = ref[size_t(k)];
            if (std::isnan(r) || gain(m_objectives[k], v) < gain(m_objectives[k], r))
                r = v;
        }
    }
    return ref;
}

std::vector<double> ParetoFront::paddedReference() const
{
    std::vector<double> ref = defaultReference();
    for (int k = 0; k < m_objectives.size(); ++k) {
        double lo = INFINITY, hi = -INFINITY;
        for (int i = 0; i < m_points.size(); ++i)
            if (valid(i)) {
                lo = std::min(lo, m_points[i].values[size_t(k)]);
                hi = std::max(hi, m_points[i].values[size_t(k)]);
            }
        if (std::isnan(ref[size_t(k)]) || !std::isfinite(lo))
            continue;
        const double margin = hi > lo ? kReferenceMargin * (hi - lo)
                                      : std::max(1e-3, kReferenceMargin * std::abs(hi));
        ref[size_t(k)] +=
            m_objectives[k].direction == ObjectiveDirection::Maximise ? -margin : margin;
    }
    return ref;
}

double ParetoFront::hypervolume(const std::vector<double> &reference) const
{
    if (m_objectives.size() != 2 || reference.size() != 2 || std::isnan(reference[0]) ||
        std::isnan(reference[1]))
        return kUndefined;
    const double rx = gain(m_objectives[0], reference[0]);
    const double ry = gain(m_objectives[1], reference[1]);
    std::vector<std::pair<double, double>> pts;
    for (int i : m_front) {
        const double x = gain(m_objectives[0], m_points[i].values[0]);
        const double y = gain(m_objectives[1], m_points[i].values[1]);
        if (x > rx && y > ry)
            pts.emplace_back(x, y);
    }
    // Sweep from the best x down: each point that raises y adds the slab [rx, x] × [prevY, y].
    std::sort(pts.begin(), pts.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    double area = 0;
    double prevY = ry;
    for (const auto &p : pts) {
        if (p.second > prevY) {
            area += (p.first - rx) * (p.second - prevY);
            prevY = p.second;
        }
    }
    return area;
}

} // namespace equiscope
