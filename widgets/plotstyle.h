#pragma once

#include <QColor>
#include <QPalette>
#include <QVector>

class QCustomPlot;
class QCPGraph;

namespace equiscope {

/// Plot styling shared by the views: the Okabe–Ito colour-blind-safe palette for series (each
/// series also gets its own marker shape), everything else from the widget palette so light and
/// dark themes both work.
namespace PlotStyle {

/// The eight Okabe–Ito colours, black last (it vanishes on dark backgrounds, so it is used last).
QVector<QColor> okabeIto();
/// Colour and marker shape for series @p index.
void styleSeries(QCPGraph *graph, int index);
/// Axis, grid, legend and background colours from @p palette.
void applyPalette(QCustomPlot *plot, const QPalette &palette);

} // namespace PlotStyle

} // namespace equiscope
