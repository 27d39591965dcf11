#pragma once

#include "runs/runsummary.h"

#include <QWidget>

class QCustomPlot;
class QTableWidget;
class QComboBox;

namespace equiscope {

/// Per-group results of a run with their 95 % bootstrap intervals: grouped bars of the chosen
/// per-group rates (accuracy, TPR, FPR, selection rate, pseudo-label accuracy) with error bars
/// and the group sizes under each group ("too small to judge" groups are named, not drawn), a
/// dashed line at the overall accuracy, and the table of the fairness aggregates with CIs.
/// Reads only the run's final metrics, so it works for every family.
class FairSslGroupView : public QWidget
{
    Q_OBJECT

public:
    explicit FairSslGroupView(QWidget *parent = nullptr);

    void setRun(const RunSummary &run);

    QCustomPlot *groupPlot() const { return m_plot; }
    QTableWidget *summaryTable() const { return m_summary; }
    /// The per-group metric names drawn as bar series.
    QStringList drawnMetrics() const { return m_drawn; }

private:
    void draw();

    RunSummary m_run;
    QCustomPlot *m_plot = nullptr;
    QTableWidget *m_summary = nullptr;
    QStringList m_drawn;
};

} // namespace equiscope
