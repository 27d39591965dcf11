#include "datasets/associationheatmap.h"

#include "common/plotstyle.h"

#include <QKeyEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace equiscope {

AssociationHeatmap::AssociationHeatmap(QWidget *parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setAccessibleName(tr("Association heatmap"));
    m_plot->setAccessibleDescription(
        tr("Strength of association of every pair of attributes, 0 to 1, clustered so that "
           "attributes that go together sit side by side. The list of pairs holds the same "
           "values."));
    m_plot->setMinimumSize(320, 260);
    m_plot->setMouseTracking(true);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setGradient(viridisGradient());
    m_map->setInterpolate(false);
    m_map->setDataRange(QCPRange(0, 1));
    auto *scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, scale);
    m_map->setColorScale(scale);
    scale->setGradient(viridisGradient());
    scale->setDataRange(QCPRange(0, 1));
    scale->setBarWidth(12);
    scale->axis()->setLabel(tr("strength (V, η, dCor)"));
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->xAxis->setTickLabelRotation(45);
    m_focusMark = new QCPItemText(m_plot);
    m_focusMark->setText(QStringLiteral("▢"));
    m_focusMark->setVisible(false);
    PlotStyle::applyPalette(m_plot, palette());
    connect(m_plot, &QCustomPlot::mouseMove, this, &AssociationHeatmap::hoverAt);
    connect(m_plot, &QCustomPlot::mousePress, this, &AssociationHeatmap::clickAt);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Association heatmap"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void AssociationHeatmap::clear()
{
    m_scan = AssociationScan{};
    for (QCPItemText *label : m_labels)
        m_plot->removeItem(label);
    m_labels.clear();
    m_map->data()->setSize(0, 0);
    m_focusMark->setVisible(false);
    m_plot->replot();
}

void AssociationHeatmap::setScan(const AssociationScan &scan)
{
    clear();
    m_scan = scan;
    const int n = int(scan.order.size());
    if (n == 0)
        return;
    m_map->data()->setSize(n, n);
    m_map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < n; ++i)
        ticker->addTick(i, scan.attributes.at(scan.order[size_t(i)]));
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setTicker(ticker);
    // Cell labels stay readable up to about 20 attributes; beyond that the tooltip says it.
    const bool labelled = n <= 20;
    for (int row = 0; row < n; ++row)
        for (int column = 0; column < n; ++column) {
            const int a = scan.order[size_t(row)], b = scan.order[size_t(column)];
            const AssociationPair *p = scan.pair(a, b);
            const double value = a == b ? 1.0 : p && !std::isnan(p->pValue) ? p->value : 0.0;
            m_map->data()->setCell(column, row, value);
            if (!labelled || a == b || !p || std::isnan(p->pValue))
                continue;
            auto *label = new QCPItemText(m_plot);
            label->position->setCoords(column, row);
            label->setText(QString::number(p->value, 'f', 2) +
                           (p->significant ? QStringLiteral("*") : QString()));
            // Light text on the dark end of viridis, dark text on the light end.
            label->setColor(value < 0.55 ? Qt::white : Qt::black);
            m_labels.append(label);
        }
    m_plot->xAxis->setRange(-0.5, n - 0.5);
    m_plot->yAxis->setRange(-0.5, n - 0.5);
    moveTo(QPoint(std::min(1, n - 1), 0));
}

QString AssociationHeatmap::cellText(int row, int column) const
{
    const int n = int(m_scan.order.size());
    if (row < 0 || column < 0 || row >= n || column >= n)
        return {};
    const int a = m_scan.order[size_t(row)], b = m_scan.order[size_t(column)];
    const QString names =
        QStringLiteral("%1 × %2").arg(m_scan.attributes.at(a), m_scan.attributes.at(b));
    if (a == b)
        return m_scan.attributes.at(a);
    const AssociationPair *p = m_scan.pair(a, b);
    if (!p)
        return names;
    if (std::isnan(p->pValue))
        return tr("%1: not tested (%2)").arg(names, p->note);
    QString text = tr("%1: %2 = %3, p = %4, q = %5, %6 rows")
                       .arg(names, associationStatisticSymbol(p->statistic))
                       .arg(QLocale().toString(p->value, 'f', 3))
                       .arg(QLocale().toString(p->pValue, 'g', 3))
                       .arg(QLocale().toString(p->qValue, 'g', 3))
                       .arg(QLocale().toString(p->rows));
    text += p->significant ? tr(" — significant") : tr(" — not significant");
    if (!p->note.isEmpty())
        text += QStringLiteral(" (%1)").arg(p->note);
    return text;
}

QPoint AssociationHeatmap::cellAt(const QPointF &position) const
{
    const int column = int(std::lround(m_plot->xAxis->pixelToCoord(position.x())));
    const int row = int(std::lround(m_plot->yAxis->pixelToCoord(position.y())));
    const int n = int(m_scan.order.size());
    if (row < 0 || column < 0 || row >= n || column >= n ||
        !m_plot->axisRect()->rect().contains(position.toPoint()))
        return QPoint(-1, -1);
    return QPoint(column, row);
}

void AssociationHeatmap::hoverAt(QMouseEvent *event)
{
    const QPoint cell = cellAt(event->position());
    if (cell.x() < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), cellText(cell.y(), cell.x()), m_plot);
}

void AssociationHeatmap::clickAt(QMouseEvent *event)
{
    const QPoint cell = cellAt(event->position());
    if (cell.x() < 0)
        return;
    moveTo(cell);
    if (cell.x() != cell.y())
        Q_EMIT pairActivated(m_scan.order[size_t(cell.y())], m_scan.order[size_t(cell.x())]);
}

void AssociationHeatmap::moveTo(QPoint cell)
{
    const int n = int(m_scan.order.size());
    if (n == 0)
        return;
    m_current = QPoint(std::clamp(cell.x(), 0, n - 1), std::clamp(cell.y(), 0, n - 1));
    m_focusMark->position->setCoords(m_current.x(), m_current.y());
    m_focusMark->setColor(PlotStyle::foreground(palette()));
    m_focusMark->setFont(QFont(font().family(), font().pointSize() * 2));
    m_focusMark->setVisible(hasFocus());
    m_plot->setToolTip(cellText(m_current.y(), m_current.x()));
    m_plot->replot();
}

void AssociationHeatmap::keyPressEvent(QKeyEvent *event)
{
    QPoint next = m_current;
    switch (event->key()) {
    case Qt::Key_Left:
        next.rx() -= 1;
        break;
    case Qt::Key_Right:
        next.rx() += 1;
        break;
    case Qt::Key_Up:
        next.ry() -= 1;
        break;
    case Qt::Key_Down:
        next.ry() += 1;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_scan.order.empty() && m_current.x() != m_current.y())
            Q_EMIT pairActivated(m_scan.order[size_t(m_current.y())],
                                 m_scan.order[size_t(m_current.x())]);
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    moveTo(next);
    setAccessibleDescription(cellText(m_current.y(), m_current.x()));
}

void AssociationHeatmap::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    moveTo(m_current);
}

void AssociationHeatmap::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    moveTo(m_current);
}

void AssociationHeatmap::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        PlotStyle::applyPalette(m_plot, palette());
        m_plot->replot();
    }
    QWidget::changeEvent(event);
}

} // namespace equiscope
