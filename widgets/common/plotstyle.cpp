#include "common/plotstyle.h"

#include <algorithm>

#include <qcustomplot.h>

namespace equiscope::PlotStyle {

QVector<QColor> okabeIto()
{
    return {QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
            QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
            QColor(0xCC, 0x79, 0xA7), QColor(0x00, 0x00, 0x00)};
}

void styleSeries(QCPGraph *graph, int index)
{
    const QVector<QColor> colours = okabeIto();
    const QColor colour = colours[index % colours.size()];
    graph->setPen(QPen(colour, 2));
    graph->setScatterStyle(QCPScatterStyle(categoryMarker(index), colour, 6));
}

void applyPalette(QCustomPlot *plot, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(90);
    plot->setBackground(base);
    auto styleAxis = [&](QCPAxis *axis) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(grid, 1, Qt::SolidLine));
    };
    // Every axis rect and colour scale, not only the default one: views build their own grids.
    for (QCPAxisRect *rect : plot->axisRects())
        for (QCPAxis *axis : rect->axes())
            styleAxis(axis);
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto *scale = qobject_cast<QCPColorScale *>(plot->plotLayout()->elementAt(i)))
            styleAxis(scale->axis());
    if (plot->legend) {
        plot->legend->setBrush(base);
        plot->legend->setTextColor(text);
        // A legend in its own layout row needs no frame; one inside the data area does.
        plot->legend->setBorderPen(plot->legend->layout() == plot->plotLayout() ? QPen(Qt::NoPen)
                                                                                : QPen(grid));
    }
}

void placeLegendBelow(QCustomPlot *plot, int columns)
{
    QCPLegend *legend = plot->legend;
    if (!legend)
        return;
    if (legend->layout() != plot->plotLayout()) {
        if (auto *inset = qobject_cast<QCPLayoutInset *>(legend->layout()))
            inset->take(legend);
        plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, legend);
    }
    legend->setVisible(true);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(columns);
    legend->setMargins(QMargins(6, 2, 6, 2));
    legend->setRowSpacing(0);
    legend->setBorderPen(Qt::NoPen);
    plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
}

void rotateTickLabels(QCPAxis *axis, double degrees, const QStringList &labels)
{
    axis->setTickLabelRotation(degrees);
    QCPAxisRect *rect = axis->axisRect();
    if (degrees <= 0 || labels.isEmpty()) {
        rect->setAutoMargins(QCP::msAll);
        return;
    }
    const QFontMetrics metrics(axis->tickLabelFont());
    int widest = 0;
    for (const QString &label : labels)
        widest = std::max(widest, metrics.horizontalAdvance(label));
    const int room =
        int(std::ceil(widest * std::cos(qDegreesToRadians(degrees)) + metrics.height() * 0.5)) + 4;
    rect->setAutoMargins(QCP::msLeft | QCP::msTop | QCP::msBottom);
    rect->setMargins(QMargins(0, 0, room, 0)); // left, top and bottom stay automatic
}

void fitEpochRange(QCustomPlot *plot)
{
    double first = qInf(), last = -qInf();
    for (int i = 0; i < plot->graphCount(); ++i) {
        bool found = false;
        const QCPRange keys = plot->graph(i)->getKeyRange(found);
        if (found) {
            first = std::min(first, keys.lower);
            last = std::max(last, keys.upper);
        }
    }
    if (first <= last)
        plot->xAxis->setRange(first - 0.5, last + 0.5);
}

void fitFlatValueRange(QCPAxis *valueAxis)
{
    bool any = false;
    QCPRange span;
    for (QCPAbstractPlottable *plottable : valueAxis->plottables()) {
        if (!plottable->visible())
            continue;
        bool found = false;
        const QCPRange r = plottable->getValueRange(found);
        if (!found)
            continue;
        span = any ? QCPRange(std::min(span.lower, r.lower), std::max(span.upper, r.upper)) : r;
        any = true;
    }
    if (!any)
        return;
    const double centre = span.center();
    if (span.size() > 1e-9 * std::max(1.0, std::abs(centre)))
        return;
    const double half = centre != 0 ? std::abs(centre) * 0.25 : 1.0;
    valueAxis->setRange(centre - half, centre + half);
}

QColor categoryColour(int index, const QPalette &palette)
{
    const QColor c = equiscope::okabeIto(index);
    return c == QColor(0, 0, 0) ? palette.color(QPalette::Text) : c;
}

QColor foreground(const QPalette &palette)
{
    return palette.color(QPalette::Text);
}

} // namespace equiscope::PlotStyle
