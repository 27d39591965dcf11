#include "datasets/attributehistogramplot.h"

#include "common/plotstyle.h"
#include "datasets/columntypespage.h"

namespace equiscope {

AttributeHistogramPlot::AttributeHistogramPlot(QWidget *parent) : QCustomPlot(parent)
{
    setAccessibleName(tr("Attribute histogram"));
    setMinimumHeight(200);
    yAxis->setLabel(tr("Samples"));
    legend->setFont(font());
    // A row above the bars, not a box over them.
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setColumnSpacing(8);
    PlotStyle::applyPalette(this, palette());
    clearAttribute();
}

void AttributeHistogramPlot::setAttribute(const Attribute &column, int minGroupSize, int bins)
{
    m_histogram = attributeHistogram(column, bins);
    m_name = column.name();
    m_type = ColumnTypesPage::typeTitle(column.type());
    m_minGroupSize = minGroupSize;
    setAccessibleDescription(tr("Distribution of %1 (%2)").arg(m_name, m_type));
    rebuild();
}

void AttributeHistogramPlot::clearAttribute()
{
    m_histogram = {};
    m_name.clear();
    m_type.clear();
    rebuild();
}

void AttributeHistogramPlot::rebuild()
{
    clearPlottables();
    clearItems();
    legend->setVisible(false);
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    PlotStyle::rotateTickLabels(xAxis, 0, {});
    const AttributeHistogram &h = m_histogram;
    if (m_name.isEmpty() || h.counts.empty()) {
        xAxis->setLabel(tr("Select an attribute to see its distribution"));
        xAxis->setRange(0, 1);
        yAxis->setRange(0, 1);
        replot();
        return;
    }
    xAxis->setLabel(tr("%1 (%2)").arg(m_name, m_type));
    double top = 0;
    if (h.discrete) {
        // Two bar series: levels that can be judged, and hatched ones that are too small.
        auto *ok = new QCPBars(xAxis, yAxis);
        auto *small = new QCPBars(xAxis, yAxis);
        const QColor okColour = okabeIto(0), smallColour = okabeIto(5);
        ok->setPen(QPen(okColour.darker(130)));
        ok->setBrush(okColour);
        ok->setName(tr("levels"));
        small->setPen(QPen(smallColour.darker(130)));
        small->setBrush(QBrush(smallColour, Qt::BDiagPattern));
        small->setName(tr("too small to judge (< %1)").arg(m_minGroupSize));
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        bool anySmall = false;
        for (int i = 0; i < h.binCount(); ++i) {
            const double n = double(h.counts[0][size_t(i)]);
            const bool tooSmall = n < m_minGroupSize;
            anySmall = anySmall || tooSmall;
            (tooSmall ? small : ok)->addData(i, n);
            ticker->addTick(i, h.labels[i]);
            top = std::max(top, n);
        }
        ok->setWidth(0.7);
        small->setWidth(0.7);
        xAxis->setTicker(ticker);
        PlotStyle::rotateTickLabels(xAxis, h.binCount() > 6 ? 45 : 0, h.labels);
        xAxis->setRange(-0.6, h.binCount() - 0.4);
        if (anySmall) {
            auto *line = new QCPItemStraightLine(this);
            line->point1->setCoords(0, m_minGroupSize);
            line->point2->setCoords(1, m_minGroupSize);
            line->setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
            legend->setVisible(true);
            top = std::max(top, double(m_minGroupSize));
        } else {
            removePlottable(small);
        }
    } else if (h.series.size() == 1) {
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setPen(QPen(okabeIto(0).darker(130)));
        bars->setBrush(okabeIto(0));
        bars->setWidth(h.binWidth());
        bars->setName(h.series[0]);
        for (int b = 0; b < h.binCount(); ++b) {
            bars->addData(h.binCentre(b), double(h.counts[0][size_t(b)]));
            top = std::max(top, double(h.counts[0][size_t(b)]));
        }
        xAxis->setRange(h.edges.front(), h.edges.back());
    } else {
        // Overlaid bars of several components would hide each other: step lines, each with
        // its own colour and marker shape.
        for (int k = 0; k < h.series.size(); ++k) {
            QCPGraph *g = addGraph();
            g->setName(h.series[k]);
            g->setLineStyle(QCPGraph::lsStepCenter);
            PlotStyle::styleSeries(g, k);
            // An RGB colour: the Okabe–Ito vermillion, bluish green and blue for r, g, b, so
            // the channels read as what they are (the markers still tell them apart).
            if (h.series ==
                QStringList{QStringLiteral("r"), QStringLiteral("g"), QStringLiteral("b")}) {
                const QColor rgb[] = {okabeIto(5), okabeIto(2), okabeIto(0)};
                g->setPen(QPen(rgb[k], 2));
                g->setScatterStyle(QCPScatterStyle(markerShape(k), rgb[k], 6));
            }
            for (int b = 0; b < h.binCount(); ++b) {
                g->addData(h.binCentre(b), double(h.counts[size_t(k)][size_t(b)]));
                top = std::max(top, double(h.counts[size_t(k)][size_t(b)]));
            }
        }
        legend->setVisible(true);
        xAxis->setRange(h.edges.front(), h.edges.back());
    }
    // Headroom for the legend row.
    yAxis->setRange(0, std::max(1.0, top * (legend->visible() ? 1.4 : 1.08)));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    replot();
}

QVector<double> AttributeHistogramPlot::barHeights(int series) const
{
    const AttributeHistogram &h = m_histogram;
    QVector<double> out(h.binCount(), 0.0);
    if (h.counts.empty())
        return {};
    auto keyToBin = [&](double key) {
        if (h.discrete)
            return int(std::lround(key));
        for (int b = 0; b < h.binCount(); ++b)
            if (std::abs(key - h.binCentre(b)) < h.binWidth() / 4)
                return b;
        return -1;
    };
    // QCustomPlot's accessors are not const; reading the plottables changes nothing.
    auto *self = const_cast<AttributeHistogramPlot *>(this);
    if (h.discrete || h.series.size() == 1) {
        for (int i = 0; i < plottableCount(); ++i) {
            auto *bars = qobject_cast<QCPBars *>(self->plottable(i));
            if (!bars)
                continue;
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
                const int b = keyToBin(it->key);
                if (b >= 0 && b < out.size())
                    out[b] += it->value;
            }
        }
        return out;
    }
    if (series < 0 || series >= graphCount())
        return {};
    const QCPGraph *g = self->graph(series);
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) {
        const int b = keyToBin(it->key);
        if (b >= 0 && b < out.size())
            out[b] = it->value;
    }
    return out;
}

void AttributeHistogramPlot::changeEvent(QEvent *event)
{
    // Follow the system's light/dark switch: axis and text colours come from the palette.
    if (event->type() == QEvent::PaletteChange) {
        PlotStyle::applyPalette(this, palette());
        rebuild();
    }
    QCustomPlot::changeEvent(event);
}

} // namespace equiscope
