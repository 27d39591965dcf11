#pragma once

#include "runs/runsummary.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;
class QTableWidget;

namespace equiscope {

/// A run's final metrics: a table (group, metric, value, 95 % CI, group size; groups below the
/// minimum size as "too small to judge") and a bar chart of one per-group metric with its CIs as
/// error bars, the whole-population value as a reference line, and too-small groups marked.
class GroupMetricsView : public QWidget
{
    Q_OBJECT

public:
    explicit GroupMetricsView(QWidget *parent = nullptr);

    void setRun(const RunSummary &run);
    /// Chooses the per-group metric of the bar chart.
    void setBarMetric(const QString &name);
    QString barMetric() const;

    QTableWidget *table() const { return m_table; }
    QCustomPlot *barPlot() const { return m_plot; }
    QComboBox *barMetricCombo() const { return m_metric; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showTable();
    void drawBars();

    RunSummary m_run;
    QTableWidget *m_table = nullptr;
    QComboBox *m_metric = nullptr;
    QLabel *m_note = nullptr;
    QCustomPlot *m_plot = nullptr;
};

} // namespace equiscope
