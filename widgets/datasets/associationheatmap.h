#pragma once

#include "eval/associationscan.h"

#include <QWidget>

class QCustomPlot;
class QCPColorMap;
class QCPItemText;
class QMouseEvent;

namespace equiscope {

/// The association scan as a clustered heatmap: attributes in the scan's clustered order on both
/// axes, each cell coloured and labelled by its strength (V, η or dCor, 0 … 1) with an asterisk
/// when significant; the tooltip of a cell gives its statistic, p, q and rows. A click (or
/// Return on the focused cell, moved with the arrow keys) emits pairActivated().
class AssociationHeatmap : public QWidget
{
    Q_OBJECT

public:
    explicit AssociationHeatmap(QWidget *parent = nullptr);

    void setScan(const AssociationScan &scan);
    void clear();
    /// The text a tooltip shows for the cell at row @p row, column @p column (heatmap order).
    QString cellText(int row, int column) const;
    /// The focused cell (heatmap order).
    QPoint currentCell() const { return m_current; }
    QCustomPlot *plot() const { return m_plot; }

Q_SIGNALS:
    /// The attributes of the activated cell (scan order indices).
    void pairActivated(int a, int b);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void hoverAt(QMouseEvent *event);
    void clickAt(QMouseEvent *event);
    QPoint cellAt(const QPointF &position) const;
    void moveTo(QPoint cell);

    QCustomPlot *m_plot = nullptr;
    QCPColorMap *m_map = nullptr;
    QVector<QCPItemText *> m_labels;
    QCPItemText *m_focusMark = nullptr;
    AssociationScan m_scan;
    QPoint m_current{0, 0};
};

} // namespace equiscope
