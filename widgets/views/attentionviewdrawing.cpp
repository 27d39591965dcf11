// AttentionView's plots: the sorted attention heatmap, its colour strips, the group × group
// mean and the entropy curve.
#include "views/attentionview.h"
#include "views/attentionview_p.h"

#include "common/plotstyle.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace attentionview_detail {

QString groupName(const AttentionSnapshot &s, int g)
{
    return g >= 0 && g < s.groupLabels.size() ? s.groupLabels.at(g) : AttentionView::tr("no group");
}

} // namespace attentionview_detail

using namespace attentionview_detail;

namespace {

bool isRgb(const AttentionSnapshot &s)
{
    if (s.zDim != 3 || s.z.isEmpty())
        return false;
    for (float v : s.z)
        if (v < 0 || v > 255)
            return false;
    return true;
}

QColor sampleColour(const AttentionSnapshot &s, int i)
{
    return QColor(int(s.z.at(i * 3)), int(s.z.at(i * 3 + 1)), int(s.z.at(i * 3 + 2)));
}

// Group blocks of the sorted snapshot: (group, first row, row count).
struct Block
{
    int group;
    int first;
    int count;
};

QVector<Block> groupBlocks(const AttentionSnapshot &s)
{
    QVector<Block> blocks;
    for (int i = 0; i < s.size; ++i) {
        const int g = s.groups.value(i, -1);
        if (blocks.isEmpty() || blocks.last().group != g)
            blocks.push_back(Block{g, i, 0});
        ++blocks.last().count;
    }
    return blocks;
}

// Axis labels without what every label shares: "rgb=cluster 0" → "cluster 0" when all groups
// start with "rgb=" (the legend and the cell panel keep the full names).
QStringList shortGroupLabels(const QStringList &labels)
{
    if (labels.size() < 2)
        return labels;
    const qsizetype eq = labels.first().indexOf(QLatin1Char('='));
    if (eq <= 0)
        return labels;
    const QString prefix = labels.first().left(eq + 1);
    for (const QString &l : labels)
        if (!l.startsWith(prefix) || l.size() == prefix.size() || l.contains(QLatin1Char('&')))
            return labels; // intersections ("a=x & b=y") keep their names
    QStringList out;
    for (const QString &l : labels)
        out << l.mid(prefix.size());
    return out;
}

} // namespace

void AttentionView::drawSnapshot()
{
    const AttentionSnapshot &s = m_snapshot;
    const int b = s.size;
    QCPAxisRect *main = m_map->keyAxis()->axisRect();
    for (int i = m_plot->itemCount() - 1; i >= 0; --i)
        if (m_plot->item(i)->property("boundary").toBool())
            m_plot->removeItem(i);
    m_map->data()->setSize(b, b);
    m_map->data()->setRange(QCPRange(0, b - 1), QCPRange(0, b - 1));
    for (int r = 0; r < b; ++r)
        for (int c = 0; c < b; ++c)
            m_map->data()->setCell(c, r, s.matrix.at(r * b + c));
    m_map->rescaleDataRange(true);
    m_map->keyAxis()->setRange(-0.5, b - 0.5);
    m_map->valueAxis()->setRange(-0.5, b - 0.5);

    // Thin lines between group blocks make the block structure readable at any b.
    const QVector<Block> blocks = groupBlocks(s);
    const QColor line(255, 255, 255, 170); // on viridis, whatever the theme
    for (int k = 1; k < blocks.size(); ++k) {
        const double at = blocks[k].first - 0.5;
        for (bool vertical : {true, false}) {
            auto *item = new QCPItemLine(m_plot);
            item->setProperty("boundary", true);
            item->setClipAxisRect(main);
            item->setPen(QPen(line, 1));
            for (QCPItemPosition *p : {item->start, item->end}) {
                p->setAxes(m_map->keyAxis(), m_map->valueAxis());
                p->setAxisRect(main);
            }
            if (vertical) {
                item->start->setCoords(at, -0.5);
                item->end->setCoords(at, b - 0.5);
            } else {
                item->start->setCoords(-0.5, at);
                item->end->setCoords(b - 0.5, at);
            }
        }
    }
    drawStrips();
    if (m_cell.x() >= b || m_cell.y() >= b)
        m_cell = QPoint(-1, -1);
    if (m_cell.x() >= 0)
        selectCell(m_cell.y(), m_cell.x());
    m_plot->replot();
    drawGroupMap();

    QStringList legend;
    for (const Block &block : blocks)
        legend << QStringLiteral("<span style='color:%1'>&#9632;</span> %2 (%3)")
                      .arg(okabeIto(block.group).name(), groupName(s, block.group).toHtmlEscaped())
                      .arg(block.count);
    m_legend->setText(tr("Groups (strip colour, samples in the batch): %1")
                          .arg(legend.join(QStringLiteral(" &nbsp; "))));
    m_status->setText(isRgb(s) ? tr("Epoch %1 · %2 probe samples · outer strip: each sample's own "
                                    "colour (z), inner strip: its group. Uniform attention would "
                                    "be %3 per key.")
                                     .arg(s.epoch)
                                     .arg(b)
                                     .arg(1.0 / std::max(1, b - 1), 0, 'g', 3)
                               : tr("Epoch %1 · %2 probe samples · strips: each sample's group. "
                                    "Uniform attention would be %3 per key.")
                                     .arg(s.epoch)
                                     .arg(b)
                                     .arg(1.0 / std::max(1, b - 1), 0, 'g', 3));
}

void AttentionView::drawStrips()
{
    const AttentionSnapshot &s = m_snapshot;
    const int b = s.size;
    const bool rgb = isRgb(s);
    const int lanes = rgb ? 2 : 1;
    // Top strip: row 0 of the image is the outer lane (RGB), the last row touches the matrix.
    QImage top(b, lanes, QImage::Format_RGB32), left(lanes, b, QImage::Format_RGB32);
    for (int i = 0; i < b; ++i) {
        const QColor group = okabeIto(s.groups.value(i, 0));
        top.setPixelColor(i, lanes - 1, group);
        left.setPixelColor(lanes - 1, i, group);
        if (rgb) {
            top.setPixelColor(i, 0, sampleColour(s, i));
            left.setPixelColor(0, i, sampleColour(s, i));
        }
    }
    m_topPixmap->setPixmap(QPixmap::fromImage(top));
    m_leftPixmap->setPixmap(QPixmap::fromImage(left));
    m_topPixmap->topLeft->setCoords(-0.5, lanes);
    m_topPixmap->bottomRight->setCoords(b - 0.5, 0);
    m_leftPixmap->topLeft->setCoords(2 - lanes, -0.5);
    m_leftPixmap->bottomRight->setCoords(2, b - 0.5);
    const int thickness = lanes * kStripPixels;
    m_topStrip->setMinimumSize(0, thickness);
    m_topStrip->setMaximumSize(QWIDGETSIZE_MAX, thickness);
    m_topStrip->axis(QCPAxis::atLeft)->setRange(0, lanes);
    m_leftStrip->setMinimumSize(thickness, 0);
    m_leftStrip->setMaximumSize(thickness, QWIDGETSIZE_MAX);
    m_leftStrip->axis(QCPAxis::atBottom)->setRange(2 - lanes, 2);

    // Group names at the centre of their blocks, on the strips' outer axes.
    const QStringList names = shortGroupLabels(s.groupLabels);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (const Block &block : groupBlocks(s))
        ticker->addTick(block.first + (block.count - 1) / 2.0,
                        block.group >= 0 ? names.value(block.group) : tr("no group"));
    for (QCPAxis *axis : {m_topStrip->axis(QCPAxis::atTop), m_topStrip->axis(QCPAxis::atBottom),
                          m_leftStrip->axis(QCPAxis::atLeft)}) {
        axis->setTicker(ticker);
        axis->setRange(-0.5, b - 0.5);
    }
}

void AttentionView::drawGroupMap()
{
    const AttentionSnapshot &s = m_snapshot;
    m_groupPlot->clearItems();
    const int groups = int(s.groupLabels.size());
    if (groups > 0 && s.groupMatrix.size() == groups * groups) {
        m_groupMap->data()->setSize(groups, groups);
        m_groupMap->data()->setRange(QCPRange(0, groups - 1), QCPRange(0, groups - 1));
        double lo = 1e300, hi = -1e300;
        for (int r = 0; r < groups; ++r)
            for (int c = 0; c < groups; ++c) {
                const double v = s.groupMatrix.at(r * groups + c);
                m_groupMap->data()->setCell(c, r, v);
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
        m_groupMap->rescaleDataRange(true);
        // Values in the cells while they fit; dark text on the bright end of viridis.
        if (groups <= 8)
            for (int r = 0; r < groups; ++r)
                for (int c = 0; c < groups; ++c) {
                    const double v = s.groupMatrix.at(r * groups + c);
                    auto *text = new QCPItemText(m_groupPlot);
                    text->position->setCoords(c, r);
                    text->setText(std::isfinite(v) ? QString::number(v, 'g', 3) : tr("n/a"));
                    const double t = hi > lo ? (v - lo) / (hi - lo) : 0.0;
                    text->setColor(t > 0.6 ? Qt::black : Qt::white);
                }
        const QStringList names = shortGroupLabels(s.groupLabels);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int g = 0; g < groups; ++g)
            ticker->addTick(g, names.at(g));
        m_groupPlot->xAxis->setTicker(ticker);
        m_groupPlot->yAxis->setTicker(ticker);
        m_groupPlot->xAxis->setRange(-0.5, groups - 0.5);
        m_groupPlot->yAxis->setRange(-0.5, groups - 0.5);
        PlotStyle::rotateTickLabels(m_groupPlot->xAxis, groups > 4 ? 30 : 0, names);
    }
    m_groupPlot->replot();
}

void AttentionView::drawEntropy()
{
    m_entropyPlot->clearGraphs();
    QVector<double> x, y;
    for (const EpochRecord &e : m_run.epochs) {
        const QJsonValue v = e.metrics.value(QStringLiteral("attentionEntropy"));
        if (v.isDouble()) {
            x << e.epoch;
            y << v.toDouble();
        }
    }
    auto *graph = m_entropyPlot->addGraph();
    graph->setName(tr("attention entropy"));
    PlotStyle::styleSeries(graph, 4);
    graph->setData(x, y);
    // The ceiling: uniform attention over the other b − 1 samples of a training batch.
    const int batch = m_run.record.config.value(QStringLiteral("batchSize")).toInt();
    if (batch > 1 && !x.isEmpty()) {
        auto *uniform = m_entropyPlot->addGraph();
        uniform->setName(tr("uniform over the batch: log(%1 − 1)").arg(batch));
        QColor c = palette().color(QPalette::Text);
        c.setAlpha(140);
        uniform->setPen(QPen(c, 1, Qt::DashLine));
        uniform->setData({x.first() - 0.5, x.last() + 0.5},
                         {std::log(batch - 1.0), std::log(batch - 1.0)});
    }
    m_entropyPlot->rescaleAxes();
    m_entropyPlot->xAxis->setRange(x.isEmpty() ? 0 : x.first() - 0.5,
                                   x.isEmpty() ? 1 : x.last() + 0.5);
    m_entropyPlot->yAxis->scaleRange(1.15);
    if (m_entropyPlot->yAxis->range().lower > 0 && !y.isEmpty())
        m_entropyPlot->yAxis->setRangeLower(0);
    m_entropyPlot->replot();
}

} // namespace equiscope
