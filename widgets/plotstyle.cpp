#include "plotstyle.h"

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
    graph->setScatterStyle(QCPScatterStyle(markerShape(index), colour, 6));
}

void applyPalette(QCustomPlot *plot, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(90);
    plot->setBackground(base);
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setBrush(base);
    plot->legend->setTextColor(text);
    plot->legend->setBorderPen(QPen(grid));
}

} // namespace equiscope::PlotStyle
