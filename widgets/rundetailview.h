#pragma once

#include "runsummary.h"

#include <QWidget>

class QTabWidget;
class QPlainTextEdit;
class QLabel;
class QTableWidget;
class QComboBox;
class QCustomPlot;

namespace equiscope {

class AttentionView;
class FairSslGroupView;
class FairSslStageView;
class FairSslWeightView;

/// One run in tabs: Summary (status, versions, config), Curves (loss and other epoch metrics),
/// Metrics (per-group values with CIs and group sizes, accuracy bars with error bars),
/// Attention (FARE-family runs that stored snapshots only), and for fair-SSL runs Stages (what
/// each stage kept, thumbnails of what it dropped), Meta-weights (per-group histograms over
/// epochs) and Groups (per-group result charts with CIs).
class RunDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit RunDetailView(QWidget *parent = nullptr);

    /// Shows @p run of the store at @p storePath (already read; attention loads lazily).
    void setRun(const QString &storePath, const RunSummary &run);
    QString runId() const { return m_run.record.id; }

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *metricsTable() const { return m_metricsTable; }
    QCustomPlot *groupAccuracyPlot() const { return m_barPlot; }
    AttentionView *attentionView() const { return m_attention; }
    /// Whether the Attention tab is shown for the current run.
    bool attentionTabVisible() const;
    FairSslStageView *stageView() const { return m_stages; }
    FairSslWeightView *weightView() const { return m_weights; }
    FairSslGroupView *groupView() const { return m_groupResults; }
    /// Whether the fair-SSL tabs (Stages, Meta-weights, Groups) are shown for the current run.
    bool fairSslTabsVisible() const;

private:
    void showSummary();
    void showCurves();
    void showMetricCurve(const QString &name);
    void showMetrics();

    RunSummary m_run;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_header = nullptr;
    QPlainTextEdit *m_config = nullptr;
    QCustomPlot *m_lossPlot = nullptr;
    QComboBox *m_curveMetric = nullptr;
    QCustomPlot *m_metricPlot = nullptr;
    QTableWidget *m_metricsTable = nullptr;
    QCustomPlot *m_barPlot = nullptr;
    AttentionView *m_attention = nullptr;
    int m_attentionTab = -1;
    FairSslStageView *m_stages = nullptr;
    FairSslWeightView *m_weights = nullptr;
    FairSslGroupView *m_groupResults = nullptr;
    QList<int> m_fairSslTabs;
};

} // namespace equiscope
