#include "runs/rundetailview.h"

#include "families/familyregistry.h"

#include "common/metrictext.h"
#include "common/plotstyle.h"
#include "common/scrollpage.h"
#include "eval/metricunit.h"
#include "views/attentionview.h"
#include "views/clusteringview.h"
#include "views/crossattentionview.h"
#include "views/embeddingview.h"
#include "views/fairsslgroupview.h"
#include "views/fairsslstageview.h"
#include "views/fairsslweightview.h"
#include "views/groupmetricsview.h"
#include "views/leakageview.h"
#include "views/saliencyview.h"
#include "views/subgroupscanview.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace equiscope {

namespace {

void plotSeries(QCustomPlot *plot, const QVector<EpochRecord> &epochs, const QString &name)
{
    PlotStyle::applyPalette(plot, plot->palette()); // light or dark, as the window is now
    plot->clearGraphs();
    auto *graph = plot->addGraph();
    graph->setName(curveTitle(name));
    graph->setPen(QPen(okabeIto(0), 2));
    graph->setScatterStyle(QCPScatterStyle(markerShape(0), 6));
    const double scale = metricDisplayScale(name); // per-epoch accuracy in %, as in Metrics
    for (const EpochRecord &e : epochs)
        if (e.metrics.value(name).isDouble())
            graph->addData(e.epoch, e.metrics.value(name).toDouble() * scale);
    plot->yAxis->setLabel(name.isEmpty() ? QString() : curveAxisTitle(name));
    plot->rescaleAxes();
    PlotStyle::fitEpochRange(plot);
    plot->yAxis->scaleRange(1.2);
    PlotStyle::fitFlatValueRange(plot->yAxis);
    plot->replot();
}

} // namespace

int RunDetailView::addPage(QWidget *page, const QString &title)
{
    // A laptop window gives a tab less room than some views need (the attention map, the
    // clustering plots): the view scrolls instead.
    return m_tabs->addTab(scrollingPage(page), title);
}

int RunDetailView::tabOf(const QWidget *view) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *scroll = qobject_cast<QScrollArea *>(m_tabs->widget(i)))
            if (scroll->widget() == view)
                return i;
    return -1;
}

void RunDetailView::showTab(QWidget *view)
{
    if (const int tab = tabOf(view); tab >= 0)
        m_tabs->setCurrentIndex(tab);
}

QWidget *RunDetailView::currentView() const
{
    auto *scroll = qobject_cast<QScrollArea *>(m_tabs->currentWidget());
    return scroll ? scroll->widget() : m_tabs->currentWidget();
}

RunDetailView::RunDetailView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Run details"));
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Run detail tabs"));

    auto *summary = new QWidget(m_tabs);
    m_header = new QLabel(summary);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_config = new QPlainTextEdit(summary);
    m_config->setReadOnly(true);
    m_config->setAccessibleName(tr("Run configuration"));
    m_config->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->addWidget(m_header);
    summaryLayout->addWidget(new QLabel(tr("Configuration:"), summary));
    summaryLayout->addWidget(m_config, 1);
    addPage(summary, tr("Summary"));

    auto *curves = new QWidget(m_tabs);
    m_lossPlot = new QCustomPlot(curves);
    m_lossPlot->setAccessibleName(tr("Loss per epoch"));
    m_lossPlot->setMinimumHeight(180); // the tab scrolls rather than flattening the curves
    m_lossPlot->xAxis->setLabel(tr("epoch"));
    setEpochTicks(m_lossPlot->xAxis);
    m_curveMetric = new QComboBox(curves);
    m_curveMetric->setAccessibleName(tr("Epoch metric to plot"));
    m_metricPlot = new QCustomPlot(curves);
    m_metricPlot->setAccessibleName(tr("Epoch metric per epoch"));
    m_metricPlot->setMinimumHeight(180);
    m_metricPlot->xAxis->setLabel(tr("epoch"));
    setEpochTicks(m_metricPlot->xAxis);
    auto *curvesLayout = new QVBoxLayout(curves);
    curvesLayout->addWidget(m_lossPlot, 1);
    auto *metricRow = new QFormLayout;
    metricRow->addRow(tr("Metric:"), m_curveMetric);
    curvesLayout->addLayout(metricRow);
    curvesLayout->addWidget(m_metricPlot, 1);
    addPage(curves, tr("Curves"));
    connect(m_curveMetric, &QComboBox::currentIndexChanged, this,
            [this] { showMetricCurve(m_curveMetric->currentData().toString()); });

    m_metrics = new GroupMetricsView(m_tabs);
    addPage(m_metrics, tr("Metrics"));

    m_attention = new AttentionView(m_tabs);
    m_attentionTab = addPage(m_attention, tr("Attention"));
    m_tabs->setTabVisible(m_attentionTab, false);
    m_saliency = new SaliencyView(m_tabs);
    m_saliencyTab = addPage(m_saliency, tr("Saliency"));
    m_tabs->setTabVisible(m_saliencyTab, false);
    m_embedding = new EmbeddingView(m_tabs);
    m_embeddingTab = addPage(m_embedding, tr("Embedding"));
    m_tabs->setTabVisible(m_embeddingTab, false);
    m_clustering = new ClusteringView(m_tabs);
    m_clusteringTab = addPage(m_clustering, tr("Clustering"));
    m_tabs->setTabVisible(m_clusteringTab, false);
    m_crossAttention = new CrossAttentionView(m_tabs);
    m_crossAttentionTab = addPage(m_crossAttention, tr("Cross-attention"));
    m_tabs->setTabVisible(m_crossAttentionTab, false);

    m_leakage = new LeakageView(m_tabs);
    m_leakageTab = addPage(m_leakage, tr("Leakage"));
    m_tabs->setTabVisible(m_leakageTab, false);
    m_subgroups = new SubgroupScanView(m_tabs);
    m_subgroupsTab = addPage(m_subgroups, tr("Subgroups"));
    m_tabs->setTabVisible(m_subgroupsTab, false);

    m_stages = new FairSslStageView(m_tabs);
    m_weights = new FairSslWeightView(m_tabs);
    m_groupResults = new FairSslGroupView(m_tabs);
    m_fairSslTabs = {addPage(m_stages, tr("Stages")), addPage(m_weights, tr("Meta-weights")),
                     addPage(m_groupResults, tr("Groups"))};
    for (int tab : m_fairSslTabs)
        m_tabs->setTabVisible(tab, false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

bool RunDetailView::attentionTabVisible() const
{
    return m_tabs->isTabVisible(m_attentionTab);
}

bool RunDetailView::fairSslTabsVisible() const
{
    return m_tabs->isTabVisible(m_fairSslTabs.value(0));
}

bool RunDetailView::saliencyTabVisible() const
{
    return m_tabs->isTabVisible(m_saliencyTab);
}

bool RunDetailView::embeddingTabVisible() const
{
    return m_tabs->isTabVisible(m_embeddingTab);
}

QTableWidget *RunDetailView::metricsTable() const
{
    return m_metrics->table();
}

QCustomPlot *RunDetailView::groupAccuracyPlot() const
{
    return m_metrics->barPlot();
}

void RunDetailView::setRun(const QString &storePath, const RunSummary &run)
{
    m_run = run;
    showSummary();
    showCurves();
    m_metrics->setRun(run);
    const MethodFamily *family = FamilyRegistry::instance().family(run.record.family);
    const QList<RunView> views = family ? family->views(run.record) : QList<RunView>();
    const bool attention = views.contains(RunView::Attention) && run.hasAttention();
    m_tabs->setTabVisible(m_attentionTab, attention);
    if (attention)
        m_attention->setRun(storePath, run);
    const bool fairSsl = views.contains(RunView::FairSslStages);
    for (int tab : m_fairSslTabs)
        m_tabs->setTabVisible(tab, fairSsl);
    if (fairSsl) {
        m_stages->setRun(storePath, run);
        m_weights->setRun(storePath, run);
        m_groupResults->setRun(run);
    }
    m_tabs->setTabVisible(m_saliencyTab, run.hasSaliency());
    if (run.hasSaliency())
        m_saliency->setRun(storePath, run);
    m_tabs->setTabVisible(m_embeddingTab, run.hasEmbeddings);
    if (run.hasEmbeddings)
        m_embedding->setRun(storePath, run);
    // Leakage probes the stored representation of a FARE-family run.
    const bool leakage = run.hasEmbeddings && run.record.family == RunFamily::Fare;
    m_tabs->setTabVisible(m_leakageTab, leakage);
    if (leakage)
        m_leakage->setRun(storePath, run);
    // The worst-subgroup scan reads the run's stored test predictions (any family storing them).
    m_tabs->setTabVisible(m_subgroupsTab, run.hasTestPredictions);
    if (run.hasTestPredictions)
        m_subgroups->setRun(storePath, run);
    const bool clustering = views.contains(RunView::Clustering);
    const bool cross = views.contains(RunView::CrossAttention);
    m_tabs->setTabVisible(m_clusteringTab, clustering);
    m_tabs->setTabVisible(m_crossAttentionTab, cross);
    if (clustering)
        m_clustering->setRun(storePath, run);
    if (cross)
        m_crossAttention->setRun(storePath, run);
}

bool RunDetailView::leakageTabVisible() const
{
    return m_tabs->isTabVisible(m_leakageTab);
}

bool RunDetailView::subgroupsTabVisible() const
{
    return m_tabs->isTabVisible(m_subgroupsTab);
}

bool RunDetailView::clusteringTabVisible() const
{
    return m_tabs->isTabVisible(m_clusteringTab);
}

bool RunDetailView::crossAttentionTabVisible() const
{
    return m_tabs->isTabVisible(m_crossAttentionTab);
}

void RunDetailView::showSummary()
{
    const RunRecord &r = m_run.record;
    QStringList versions;
    for (auto it = r.versions.begin(); it != r.versions.end(); ++it)
        versions << QStringLiteral("%1 %2").arg(it.key(), it.value().toVariant().toString());
    const QString fmt = QStringLiteral("<b>%1</b> %2<br>");
    QString html = fmt.arg(tr("Name:"), r.name.toHtmlEscaped());
    html += fmt.arg(tr("Id:"), r.id);
    html += fmt.arg(tr("Method:"), r.method.toHtmlEscaped());
    html +=
        fmt.arg(tr("Status:"), runStatusName(r.status) +
                                   (r.statusMessage.isEmpty()
                                        ? QString()
                                        : QStringLiteral(" — ") + r.statusMessage.toHtmlEscaped()));
    html += fmt.arg(tr("Created:"),
                    QLocale().toString(r.createdAt.toLocalTime(), QLocale::ShortFormat));
    html += fmt.arg(tr("Epochs recorded:"), QString::number(m_run.epochs.size()));
    html += fmt.arg(tr("Versions:"), versions.isEmpty()
                                         ? tr("unknown")
                                         : versions.join(QStringLiteral(", ")).toHtmlEscaped());
    m_header->setText(html);
    m_config->setPlainText(
        QString::fromUtf8(QJsonDocument(r.config).toJson(QJsonDocument::Indented)));
}

void RunDetailView::showCurves()
{
    plotSeries(m_lossPlot, m_run.epochs, QStringLiteral("loss"));
    QSet<QString> names;
    for (const EpochRecord &e : m_run.epochs)
        for (auto it = e.metrics.begin(); it != e.metrics.end(); ++it)
            if (it.value().isDouble() && it.key() != QLatin1String("loss"))
                names.insert(it.key());
    QStringList list(names.begin(), names.end());
    list.sort();
    const QSignalBlocker block(m_curveMetric);
    m_curveMetric->clear();
    for (const QString &key : list)
        m_curveMetric->addItem(curveTitle(key), key);
    showMetricCurve(m_curveMetric->currentData().toString());
}

void RunDetailView::showMetricCurve(const QString &name)
{
    plotSeries(m_metricPlot, m_run.epochs, name);
}

} // namespace equiscope
