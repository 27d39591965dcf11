#pragma once

#include <qcustomplot.h>

#include <QColor>
#include <QPalette>
#include <QVector>

namespace equiscope {

/// Okabe–Ito colour-blind-safe palette, cycled by index.
inline QColor okabeIto(int index)
{
    static const QColor colours[] = {
        QColor(0, 114, 178),  QColor(230, 159, 0), QColor(0, 158, 115),  QColor(204, 121, 167),
        QColor(86, 180, 233), QColor(213, 94, 0),  QColor(240, 228, 66), QColor(0, 0, 0)};
    return colours[((index % 8) + 8) % 8];
}

/// Distinct marker shapes so series differ without colour.
inline QCPScatterStyle::ScatterShape markerShape(int index)
{
    static const QCPScatterStyle::ScatterShape shapes[] = {
        QCPScatterStyle::ssCircle,  QCPScatterStyle::ssSquare,          QCPScatterStyle::ssTriangle,
        QCPScatterStyle::ssDiamond, QCPScatterStyle::ssCross,           QCPScatterStyle::ssPlus,
        QCPScatterStyle::ssStar,    QCPScatterStyle::ssTriangleInverted};
    return shapes[((index % 8) + 8) % 8];
}

/// The marker of category @p index when categories take okabeIto(index) as colour: every
/// (colour, marker) pair differs for up to 64 categories (a plain markerShape(index) would repeat
/// the pair of category 0 at category 8).
inline QCPScatterStyle::ScatterShape categoryMarker(int index)
{
    return markerShape(index + index / 8);
}

/// Perceptually uniform, colour-blind-safe gradient (viridis stops) for heatmaps.
inline QCPColorGradient viridisGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(68, 1, 84));
    g.setColorStopAt(0.25, QColor(59, 82, 139));
    g.setColorStopAt(0.5, QColor(33, 145, 140));
    g.setColorStopAt(0.75, QColor(94, 201, 98));
    g.setColorStopAt(1.0, QColor(253, 231, 37));
    return g;
}

/// Whole-number ticks (epochs) that never show fractions.
inline void setEpochTicks(QCPAxis *axis)
{
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    axis->setTicker(ticker);
}

/// Series styling for line plots: Okabe–Ito colours plus a marker shape per series; everything
/// else from the widget palette so light and dark themes both work.
namespace PlotStyle {

/// The eight Okabe–Ito colours, black last (it vanishes on dark backgrounds, so it is used last).
QVector<QColor> okabeIto();
/// Colour and marker shape for series @p index.
void styleSeries(QCPGraph *graph, int index);
/// Axis, grid, legend and background colours from @p palette, for every axis rect and colour
/// scale of @p plot. Call again on QEvent::PaletteChange (light/dark switch).
void applyPalette(QCustomPlot *plot, const QPalette &palette);
/// Moves the legend out of the data area into a row under the axis rect, items side by side
/// (at most @p columns per row), so it never hides points.
void placeLegendBelow(QCustomPlot *plot, int columns = 6);
/// Rotates the tick labels of @p axis (a bottom axis) by @p degrees (0 = upright) and keeps room
/// right of the axis rect for the longest of @p labels: QCustomPlot silently drops a tick label
/// the widget border would clip, and labels rotated clockwise extend right of their tick, so
/// without the room the last category's label vanishes.
void rotateTickLabels(QCPAxis *axis, double degrees, const QStringList &labels);
/// After rescaleAxes(): when the data on @p valueAxis is a single value (one epoch, a constant
/// learning rate), QCustomPlot keeps the axis's previous span around it (a learning rate of 1e-3
/// shown on −2…2). Gives such an axis a span proportional to the value instead.
void fitFlatValueRange(QCPAxis *valueAxis);
/// The x axis of @p plot spans the epochs its graphs draw, with half an epoch either side
/// (QCustomPlot would keep its previous span around a single epoch: a one-epoch run on −2…4).
void fitEpochRange(QCustomPlot *plot);
/// Okabe–Ito colour of category @p index (okabeIto(index)), with the palette's text colour in
/// place of black so the eighth category stays visible on dark backgrounds.
QColor categoryColour(int index, const QPalette &palette);
/// The colour for lines and markers that must stand out from the plot background (the Pareto
/// front, error bars, reference marks): the palette's text colour.
QColor foreground(const QPalette &palette);

} // namespace PlotStyle

} // namespace equiscope
