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
class ClusteringView;
class CrossAttentionView;

/// One run in tabs: Summary (status, versions, config), Curves (loss and other epoch metrics),
/// Metrics (per-group values with CIs and group sizes, accuracy bars with error bars) and
/// Attention (FARE-family runs that stored snapshots only); clustering runs add Clustering
/// (per-group scores, purity, sizes) and Cross-attention.
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
    /// Clustering runs: per-group scores, purity and sizes; and the Cross-attention map.
    ClusteringView *clusteringView() const { return m_clustering; }
    CrossAttentionView *crossAttentionView() const { return m_crossAttention; }
    bool clusteringTabVisible() const;
    bool crossAttentionTabVisible() const;

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
    ClusteringView *m_clustering = nullptr;
    CrossAttentionView *m_crossAttention = nullptr;
    int m_clusteringTab = -1;
    int m_crossAttentionTab = -1;
};

} // namespace equiscope
