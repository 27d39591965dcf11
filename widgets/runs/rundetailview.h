#pragma once

#include "runs/runsummary.h"

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
class EmbeddingView;
class FairSslGroupView;
class FairSslStageView;
class FairSslWeightView;
class GroupMetricsView;
class LeakageView;
class SubgroupScanView;
class SaliencyView;

/// One run in tabs: Summary (status, versions, config), Curves (loss and other epoch metrics),
/// Metrics (per-group values with CIs and group sizes, bars with error bars), Attention (FARE and
/// SparseFARE runs that stored snapshots), Saliency (image encoders: Grad-CAM) and Embedding
/// (runs that stored their representations); each of the last three only when the run has it.
/// Fair-SSL runs add Stages (what each stage kept, thumbnails of what it dropped), Meta-weights
/// (per-group histograms over epochs) and Groups (per-group result charts with CIs).
class RunDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit RunDetailView(QWidget *parent = nullptr);

    /// Shows @p run of the store at @p storePath (already read; attention loads lazily).
    void setRun(const QString &storePath, const RunSummary &run);
    bool leakageTabVisible() const;
    LeakageView *leakageView() const { return m_leakage; }
    bool subgroupsTabVisible() const;
    SubgroupScanView *subgroupScanView() const { return m_subgroups; }
    QString runId() const { return m_run.record.id; }

    /// The tabs; each page is a QScrollArea around its view (showTab(), currentView()).
    QTabWidget *tabs() const { return m_tabs; }
    /// Shows the tab of @p view (attentionView(), …).
    void showTab(QWidget *view);
    /// The view of the current tab.
    QWidget *currentView() const;
    QTableWidget *metricsTable() const;
    QCustomPlot *groupAccuracyPlot() const;
    GroupMetricsView *metricsView() const { return m_metrics; }
    AttentionView *attentionView() const { return m_attention; }
    SaliencyView *saliencyView() const { return m_saliency; }
    EmbeddingView *embeddingView() const { return m_embedding; }
    /// Whether the Attention tab is shown for the current run.
    bool attentionTabVisible() const;
    /// Clustering runs: per-group scores, purity and sizes; and the Cross-attention map.
    ClusteringView *clusteringView() const { return m_clustering; }
    CrossAttentionView *crossAttentionView() const { return m_crossAttention; }
    bool clusteringTabVisible() const;
    bool crossAttentionTabVisible() const;
    bool saliencyTabVisible() const;
    bool embeddingTabVisible() const;
    FairSslStageView *stageView() const { return m_stages; }
    FairSslWeightView *weightView() const { return m_weights; }
    FairSslGroupView *groupView() const { return m_groupResults; }
    /// Whether the fair-SSL tabs (Stages, Meta-weights, Groups) are shown for the current run.
    bool fairSslTabsVisible() const;

private:
    int addPage(QWidget *page, const QString &title);
    int tabOf(const QWidget *view) const;
    void showSummary();
    void showCurves();
    void showMetricCurve(const QString &name);

    RunSummary m_run;
    LeakageView *m_leakage = nullptr;
    int m_leakageTab = -1;
    SubgroupScanView *m_subgroups = nullptr;
    int m_subgroupsTab = -1;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_header = nullptr;
    QPlainTextEdit *m_config = nullptr;
    QCustomPlot *m_lossPlot = nullptr;
    QComboBox *m_curveMetric = nullptr;
    QCustomPlot *m_metricPlot = nullptr;
    GroupMetricsView *m_metrics = nullptr;
    AttentionView *m_attention = nullptr;
    SaliencyView *m_saliency = nullptr;
    EmbeddingView *m_embedding = nullptr;
    int m_attentionTab = -1;
    FairSslStageView *m_stages = nullptr;
    FairSslWeightView *m_weights = nullptr;
    FairSslGroupView *m_groupResults = nullptr;
    QList<int> m_fairSslTabs;
    ClusteringView *m_clustering = nullptr;
    CrossAttentionView *m_crossAttention = nullptr;
    int m_clusteringTab = -1;
    int m_crossAttentionTab = -1;
    int m_saliencyTab = -1;
    int m_embeddingTab = -1;
};

} // namespace equiscope
