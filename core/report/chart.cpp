#include "report/chart.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

const QColor kInk(0x1f, 0x29, 0x37);
const QColor kAxis(0x6b, 0x72, 0x80);
const QColor kGrid(0xe5, 0xe7, 0xeb);
const QColor kMuted(0xd1, 0xd5, 0xdb);

/// Layout uses this width estimate on every canvas so that SVG and PDF charts look alike.
double approxTextWidth(const QString &text, double size)
{
    return 0.56 * size * double(text.size());
}

QString tickText(double v, double step)
{
    if (std::abs(v) < step * 1e-6)
        v = 0;
    const double mag = std::abs(v);
    if (mag >= 1e5 || (mag > 0 && mag < 1e-3))
        return QString::number(v, 'g', 3);
    int decimals = 0;
    if (step < 1)
        decimals = std::min(4, int(std::ceil(-std::log10(step) - 1e-9)));
    return QString::number(v, 'f', decimals);
}

struct Ticks
{
    double lo = 0, hi = 1, step = 0.2;
    QVector<double> values;
};

/// "Nice" ticks (1, 2, 5 × 10^k) covering [lo, hi].
Ticks niceTicks(double lo, double hi, int target = 5, bool integer = false)
{
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi - lo < 1e-12) {
        const double pad = std::abs(lo) > 0 ? std::abs(lo) * 0.1 : 0.5;
        lo -= pad;
        hi += pad;
    }
    const double raw = (hi - lo) / std::max(1, target);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    if (integer)
        step = std::max(1.0, std::round(step));
    Ticks t;
    t.step = step;
    t.lo = std::floor(lo / step + 1e-9) * step;
    t.hi = std::ceil(hi / step - 1e-9) * step;
    for (double v = t.lo; v <= t.hi + step * 1e-6; v += step)
        t.values.push_back(v);
    return t;
}

QColor seriesColor(const ChartSpec &spec, int i)
{
    const QColor c = spec.series[i].color;
    return c.isValid() ? c : paletteColor(i);
}

struct Frame
{
    QRectF plot;
    Ticks x, y;
    double mapX(double v) const { return plot.left() + (v - x.lo) / (x.hi - x.lo) * plot.width(); }
    double mapY(double v) const
    {
        return plot.bottom() - (v - y.lo) / (y.hi - y.lo) * plot.height();
    }
};

/// Title and legend on top; returns the y where the plot area may start.
double drawHeader(const ChartSpec &spec, ChartCanvas &c, bool legend)
{
    double y = 4;
    if (!spec.title.isEmpty()) {
        c.text({8, y + 14}, spec.title, 14, kInk, ChartCanvas::Anchor::Start, true);
        y += 22;
    }
    if (legend) {
        double x = 8;
        int row = 0;
        for (int i = 0; i < spec.series.size(); ++i) {
            const QString name = spec.series[i].name;
            const double w = 22 + approxTextWidth(name, 11) + 14;
            if (x + w > spec.width - 8 && x > 8) {
                x = 8;
                ++row;
            }
            const double cy = y + 9 + row * 16;
            c.rect(QRectF(x, cy - 5, 14, 10), seriesColor(spec, i));
            c.text({x + 19, cy + 4}, name, 11, kInk);
            x += w;
        }
        y += 18 + row * 16;
    }
    return y + 6;
}

void drawAxes(const ChartSpec &spec, ChartCanvas &c, const Frame &f, bool xTicks)
{
    for (double v : f.y.values) {
        const double py = f.mapY(v);
        c.line({f.plot.left(), py}, {f.plot.right(), py}, kGrid, 1);
        c.text({f.plot.left() - 6, py + 4}, tickText(v, f.y.step), 10, kAxis,
               ChartCanvas::Anchor::End);
    }
    if (xTicks)
        for (double v : f.x.values) {
            const double px = f.mapX(v);
            c.line({px, f.plot.bottom()}, {px, f.plot.bottom() + 4}, kAxis, 1);
            c.text({px, f.plot.bottom() + 16}, tickText(v, f.x.step), 10, kAxis,
                   ChartCanvas::Anchor::Middle);
        }
    c.line(f.plot.bottomLeft(), f.plot.bottomRight(), kAxis, 1);
    c.line(f.plot.bottomLeft(), f.plot.topLeft(), kAxis, 1);
    if (!spec.yLabel.isEmpty())
        c.text({14, f.plot.center().y()}, spec.yLabel, 11, kInk, ChartCanvas::Anchor::Middle, false,
               -90);
    if (!spec.xLabel.isEmpty())
        c.text({f.plot.center().x(), spec.height - 6}, spec.xLabel, 11, kInk,
               ChartCanvas::Anchor::Middle);
}

void yRange(const ChartSpec &spec, double &lo, double &hi)
{
    lo = INFINITY;
    hi = -INFINITY;
    for (const ChartSeries &s : spec.series)
        for (int i = 0; i < s.points.size(); ++i) {
            for (double v : {s.points[i].y(), i < s.low.size() ? s.low[i] : NAN,
                             i < s.high.size() ? s.high[i] : NAN})
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
        }
    if (spec.kind == ChartSpec::Kind::Scatter && spec.reference) {
        lo = std::min(lo, spec.reference->y());
        hi = std::max(hi, spec.reference->y());
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    if (spec.yMin)
        lo = std::min(lo, *spec.yMin);
    if (spec.yMax)
        hi = std::max(hi, *spec.yMax);
}

void errorBar(ChartCanvas &c, double x, double yLo, double yHi, const QColor &color, double cap)
{
    c.line({x, yLo}, {x, yHi}, color, 1.3);
    c.line({x - cap, yLo}, {x + cap, yLo}, color, 1.3);
    c.line({x - cap, yHi}, {x + cap, yHi}, color, 1.3);
}

void drawLine(const ChartSpec &spec, ChartCanvas &c)
{
    const bool legend =
        spec.series.size() > 1 || (spec.series.size() == 1 && !spec.series[0].name.isEmpty());
    const double top = drawHeader(spec, c, legend);
    double xlo = INFINITY, xhi = -INFINITY;
    for (const ChartSeries &s : spec.series)
        for (const QPointF &p : s.points) {
            xlo = std::min(xlo, p.x());
            xhi = std::max(xhi, p.x());
        }
    double ylo, yhi;
    yRange(spec, ylo, yhi);
    Frame f;
    f.plot = QRectF(QPointF(64, top + 4), QPointF(spec.width - 16, spec.height - 40));
    f.x = niceTicks(xlo, xhi, 6, spec.integerX);
    if (spec.integerX && std::isfinite(xlo)) {
        // A single epoch sits in the middle rather than on the axis.
        f.x.lo = xhi - xlo < 0.5 ? std::floor(xlo) - 1 : std::floor(xlo);
        f.x.hi = xhi - xlo < 0.5 ? std::ceil(xhi) + 1 : std::ceil(xhi);
        f.x.values.clear();
        for (double v = f.x.lo; v <= f.x.hi + 1e-9; v += f.x.step)
            f.x.values.push_back(v);
    }
    f.y = niceTicks(ylo, yhi, 5);
    drawAxes(spec, c, f, true);
    for (int i = 0; i < spec.series.size(); ++i) {
        const ChartSeries &s = spec.series[i];
        const QColor color = seriesColor(spec, i);
        QVector<QPointF> pts;
        for (const QPointF &p : s.points)
            if (std::isfinite(p.y()))
                pts.push_back({f.mapX(p.x()), f.mapY(p.y())});
        for (int k = 0; k < s.points.size(); ++k)
            if (k < s.low.size() && k < s.high.size() && std::isfinite(s.low[k]) &&
                std::isfinite(s.high[k]))
                errorBar(c, f.mapX(s.points[k].x()), f.mapY(s.low[k]), f.mapY(s.high[k]), color, 3);
        if (s.line && pts.size() > 1)
            c.polyline(pts, color, 2);
        if (s.markers || pts.size() == 1)
            for (const QPointF &p : pts)
                c.circle(p, 3, color, QColor(Qt::white));
    }
}

void drawBars(const ChartSpec &spec, ChartCanvas &c)
{
    const bool legend = spec.series.size() > 1;
    const double top = drawHeader(spec, c, legend);
    const int n = int(spec.categories.size());
    const int m = std::max(1, int(spec.series.size()));
    double maxLabel = 0;
    for (const QString &cat : spec.categories)
        maxLabel = std::max(maxLabel, approxTextWidth(cat, 10));
    const double plotWidth = spec.width - 80;
    const double groupWidth = n > 0 ? plotWidth / n : plotWidth;
    const bool rotate = maxLabel > groupWidth - 6;
    const double bottom = rotate ? std::min(130.0, 24 + maxLabel * 0.6) : 40;
    double ylo, yhi;
    yRange(spec, ylo, yhi);
    ylo = std::min(0.0, ylo);
    Frame f;
    f.plot = QRectF(QPointF(64, top + 4), QPointF(spec.width - 16, spec.height - bottom));
    f.y = niceTicks(ylo, yhi, 5);
    if (spec.yMax && *spec.yMax >= yhi)
        f.y = niceTicks(ylo, *spec.yMax, 5);
    drawAxes(spec, c, f, false);
    const double gw = n > 0 ? f.plot.width() / n : f.plot.width();
    const double bw = gw * 0.78 / m;
    for (int g = 0; g < n; ++g) {
        const double gx = f.plot.left() + g * gw + gw * 0.11;
        const bool muted = g < spec.categoryMuted.size() && spec.categoryMuted[g];
        for (int i = 0; i < spec.series.size(); ++i) {
            const ChartSeries &s = spec.series[i];
            if (g >= s.points.size())
                continue;
            const double v = s.points[g].y();
            const double x = gx + i * bw;
            if (muted || !std::isfinite(v)) {
                const QRectF r(x + 1, f.plot.top() + f.plot.height() * 0.35, bw - 2,
                               f.plot.height() * 0.65);
                c.rect(r, QColor(0xf3, 0xf4, 0xf6), kMuted, 1);
                c.text({r.center().x() + 4, r.bottom() - 6}, QStringLiteral("too small"), 10, kAxis,
                       ChartCanvas::Anchor::Start, false, -90);
                continue;
            }
            const double y0 = f.mapY(std::max(f.y.lo, 0.0));
            const double y1 = f.mapY(v);
            c.rect(QRectF(QPointF(x + 1, std::min(y0, y1)), QPointF(x + bw - 1, std::max(y0, y1))),
                   seriesColor(spec, i));
            if (g < s.low.size() && g < s.high.size() && std::isfinite(s.low[g]) &&
                std::isfinite(s.high[g]))
                errorBar(c, x + bw / 2, f.mapY(s.low[g]), f.mapY(s.high[g]), kInk,
                         std::min(6.0, bw / 4));
        }
        const double lx = f.plot.left() + g * gw + gw / 2;
        if (rotate)
            c.text({lx + 3, f.plot.bottom() + 12}, spec.categories[g], 10, kInk,
                   ChartCanvas::Anchor::End, false, -35);
        else
            c.text({lx, f.plot.bottom() + 16}, spec.categories[g], 10, kInk,
                   ChartCanvas::Anchor::Middle);
    }
    if (!spec.xLabel.isEmpty() && !rotate)
        c.text({f.plot.center().x(), spec.height - 6}, spec.xLabel, 11, kInk,
               ChartCanvas::Anchor::Middle);
}

void drawScatter(const ChartSpec &spec, ChartCanvas &c)
{
    const bool legend = spec.series.size() > 1;
    const double top = drawHeader(spec, c, legend);
    double xlo = INFINITY, xhi = -INFINITY;
    for (const ChartSeries &s : spec.series)
        for (const QPointF &p : s.points) {
            xlo = std::min(xlo, p.x());
            xhi = std::max(xhi, p.x());
        }
    if (spec.reference) {
        xlo = std::min(xlo, spec.reference->x());
        xhi = std::max(xhi, spec.reference->x());
    }
    double ylo, yhi;
    yRange(spec, ylo, yhi);
    Frame f;
    f.plot = QRectF(QPointF(70, top + 4), QPointF(spec.width - 24, spec.height - 40));
    f.x = niceTicks(xlo, xhi, 6);
    f.y = niceTicks(ylo, yhi, 5);
    // The dominated area: one rectangle between each front point and the reference.
    if (spec.reference)
        for (const QPointF &p : spec.frontLine)
            c.rect(QRectF(QPointF(f.mapX(p.x()), f.mapY(p.y())),
                          QPointF(f.mapX(spec.reference->x()), f.mapY(spec.reference->y())))
                       .normalized(),
                   QColor(0xdb, 0xea, 0xfe));
    drawAxes(spec, c, f, true);
    if (spec.frontLine.size() > 1) {
        QVector<QPointF> pts;
        for (const QPointF &p : spec.frontLine)
            pts.push_back({f.mapX(p.x()), f.mapY(p.y())});
        c.polyline(pts, QColor(0x25, 0x63, 0xeb), 1.6, true);
    }
    if (spec.reference) {
        const QPointF r(f.mapX(spec.reference->x()), f.mapY(spec.reference->y()));
        c.line(r + QPointF(-5, -5), r + QPointF(5, 5), kInk, 1.5);
        c.line(r + QPointF(-5, 5), r + QPointF(5, -5), kInk, 1.5);
        c.text(r + QPointF(8, -6), QStringLiteral("reference"), 10, kAxis);
    }
    for (int i = 0; i < spec.series.size(); ++i) {
        const ChartSeries &s = spec.series[i];
        const QColor color = seriesColor(spec, i);
        for (int k = 0; k < s.points.size(); ++k) {
            const QPointF p(f.mapX(s.points[k].x()), f.mapY(s.points[k].y()));
            if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
                continue;
            c.circle(p, s.highlighted ? 6 : 4, color, QColor(Qt::white));
            if (k < s.pointLabels.size() && !s.pointLabels[k].isEmpty()) {
                // A label that would run past the chart's right edge ends left of its point.
                const double size = s.highlighted ? 11 : 10;
                const bool fitsRight =
                    p.x() + 8 + approxTextWidth(s.pointLabels[k], size) <= spec.width - 4;
                c.text(p + QPointF(fitsRight ? 8 : -8, 4), s.pointLabels[k], size,
                       s.highlighted ? kInk : kAxis,
                       fitsRight ? ChartCanvas::Anchor::Start : ChartCanvas::Anchor::End,
                       s.highlighted);
            }
        }
    }
}

void drawHeatmap(const ChartSpec &spec, ChartCanvas &c)
{
    const double top = drawHeader(spec, c, false);
    if (spec.rows <= 0 || spec.cols <= 0 || spec.cells.size() < spec.rows * spec.cols)
        return;
    const bool labelled = spec.categories.size() == spec.rows && spec.rows == spec.cols;
    double labelWidth = 0;
    if (labelled)
        for (const QString &l : spec.categories)
            labelWidth = std::max(labelWidth, approxTextWidth(l, 10));
    labelWidth = std::min(labelWidth, 180.0);
    const double left = 12 + labelWidth + 6;
    const double side = std::min(spec.width - left - 90,
                                 spec.height - top - 12 - (labelled ? labelWidth * 0.6 : 0));
    const QRectF area(left, top + 2, side, side);
    float lo = INFINITY, hi = -INFINITY;
    for (float v : spec.cells)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    if (spec.colorMin && spec.colorMax && *spec.colorMax > *spec.colorMin) {
        lo = float(*spec.colorMin);
        hi = float(*spec.colorMax);
    }
    const double span = hi - lo > 1e-12 ? hi - lo : 1.0;
    QImage img(spec.cols, spec.rows, QImage::Format_RGB32);
    for (int r = 0; r < spec.rows; ++r)
        for (int k = 0; k < spec.cols; ++k) {
            const float v = spec.cells[r * spec.cols + k];
            img.setPixelColor(
                k, r, std::isfinite(v) ? viridis((v - lo) / span) : QColor(0xe5, 0xe7, 0xeb));
        }
    c.image(area, img);
    c.rect(area, QColor(Qt::transparent), kAxis, 1);
    const double cw = side / spec.cols, ch = side / spec.rows;
    if (labelled) {
        for (int r = 0; r < spec.rows; ++r) {
            const QString l = spec.categories[r];
            c.text({area.left() - 6, area.top() + (r + 0.5) * ch + 4}, l, 10, kInk,
                   ChartCanvas::Anchor::End);
            c.text({area.left() + (r + 0.5) * cw + 3, area.bottom() + 8}, l, 10, kInk,
                   ChartCanvas::Anchor::End, false, -45);
        }
    }
    if (spec.cellLabels && spec.rows <= 12)
        for (int r = 0; r < spec.rows; ++r)
            for (int k = 0; k < spec.cols; ++k) {
                const float v = spec.cells[r * spec.cols + k];
                if (!std::isfinite(v))
                    continue;
                const double t = (v - lo) / span;
                c.text({area.left() + (k + 0.5) * cw, area.top() + (r + 0.5) * ch + 4},
                       QString::number(v, 'f', 3), 10, t > 0.6 ? kInk : QColor(Qt::white),
                       ChartCanvas::Anchor::Middle);
            }
    // Colour bar.
    const QRectF bar(area.right() + 18, area.top(), 12, side);
    QImage grad(1, 64, QImage::Format_RGB32);
    for (int i = 0; i < 64; ++i)
        grad.setPixelColor(0, i, viridis(1.0 - i / 63.0));
    c.image(bar, grad);
    c.rect(bar, QColor(Qt::transparent), kAxis, 1);
    c.text({bar.right() + 4, bar.top() + 8}, QString::number(hi, 'g', 3), 10, kInk);
    c.text({bar.right() + 4, bar.bottom()}, QString::number(lo, 'g', 3), 10, kInk);
    if (!spec.colorLabel.isEmpty())
        c.text({bar.right() + 40, bar.center().y()}, spec.colorLabel, 10, kAxis,
               ChartCanvas::Anchor::Middle, false, -90);
    if (!spec.xLabel.isEmpty() && !labelled)
        c.text({area.center().x(), area.bottom() + 14}, spec.xLabel, 10, kAxis,
               ChartCanvas::Anchor::Middle);
    if (!spec.yLabel.isEmpty() && !labelled)
        c.text({area.left() - 6, area.center().y()}, spec.yLabel, 10, kAxis,
               ChartCanvas::Anchor::Middle, false, -90);
}

} // namespace

QColor paletteColor(int index)
{
    static const QColor colors[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                    QColor(0x00, 0x9e, 0x73), QColor(0xd5, 0x5e, 0x00),
                                    QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9),
                                    QColor(0x6b, 0x72, 0x80), QColor(0xf0, 0xe4, 0x42)};
    return colors[std::abs(index) % int(std::size(colors))];
}

QColor viridis(double t)
{
    // Eight samples of matplotlib's viridis, linearly interpolated.
    static const double v[][3] = {{68, 1, 84},    {70, 50, 127},  {54, 92, 141},  {39, 127, 142},
                                  {31, 161, 135}, {74, 194, 109}, {159, 218, 58}, {253, 231, 37}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 7.0;
    const int i = std::min(6, int(t));
    const double f = t - i;
    return QColor(int(v[i][0] + f * (v[i + 1][0] - v[i][0])),
                  int(v[i][1] + f * (v[i + 1][1] - v[i][1])),
                  int(v[i][2] + f * (v[i + 1][2] - v[i][2])));
}

void drawChart(const ChartSpec &spec, ChartCanvas &canvas)
{
    switch (spec.kind) {
    case ChartSpec::Kind::Line:
        drawLine(spec, canvas);
        break;
    case ChartSpec::Kind::Bars:
        drawBars(spec, canvas);
        break;
    case ChartSpec::Kind::Scatter:
        drawScatter(spec, canvas);
        break;
    case ChartSpec::Kind::Heatmap:
        drawHeatmap(spec, canvas);
        break;
    }
}

} // namespace equiscope
