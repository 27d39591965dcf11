#pragma once

#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMouseEvent;
class QTableWidget;

namespace equiscope {

/// Accuracy–fairness trade-off across the store's finished runs: a scatter over two selectable
/// final metrics (directions from metricDirection()), the Pareto front as a step line, the
/// region it dominates shaded, and the 2-D hypervolume against a reference point the user sees
/// and may edit. A table lists the same points, so every run can be opened by keyboard as well as
/// by clicking its marker.
class ParetoView : public QWidget
{
    Q_OBJECT

public:
    explicit ParetoView(QWidget *parent = nullptr);
    ~ParetoView() override;

    /// Reads the finished runs of the store at @p path off the GUI thread; loaded() follows.
    void setStorePath(const QString &path);
    void reload();
    /// Chooses the axes (final metric names); recomputes the front.
    void setAxes(const QString &x, const QString &y);
    /// Sets the hypervolume reference point (x, y).
    void setReference(double x, double y);

    /// Run ids plotted, in point order.
    QStringList pointIds() const { return m_ids; }
    /// Ids of the runs on the front.
    QStringList frontIds() const;
    double hypervolume() const { return m_hypervolume; }
    std::vector<double> reference() const;
    /// The pixel position of the point of @p runId in the plot widget.
    QPointF pointPixel(const QString &runId) const;
    QCustomPlot *plot() const { return m_plot; }
    QTableWidget *pointTable() const { return m_table; }

Q_SIGNALS:
    void loaded();
    void runActivated(const QString &runId);

private:
    void showRuns(const QVector<RunSummary> &runs);
    void recompute(bool resetReference);
    void draw();
    void clicked(QMouseEvent *event);
    void fillTable();
    QString runName(const QString &id) const;
    QString runMethod(const QString &id) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QString m_storePath;
    QVector<RunSummary> m_runs;
    QStringList m_ids;
    std::vector<double> m_x, m_y;
    std::vector<bool> m_onFront;
    std::vector<int> m_front;
    double m_hypervolume = 0;
    QCustomPlot *m_plot = nullptr;
    QComboBox *m_xCombo = nullptr;
    QComboBox *m_yCombo = nullptr;
    QDoubleSpinBox *m_refX = nullptr;
    QDoubleSpinBox *m_refY = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QFutureWatcher<Expected<QVector<RunSummary>>> m_watcher;
};

} // namespace equiscope
