#include "runs/runmonitor.h"
#include "eval/metricunit.h"
#include "families/familyregistry.h"

#include "common/plotstyle.h"
#include "runs/externalrun.h"
#include "runs/externalrunsview.h"

#include "jobs/jobqueue.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTime>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

enum Column
{
    NameColumn,
    StatusColumn,
    ProgressColumn
};

QString formatEta(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("…");
    const int s = int(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QCustomPlot *makePlot(const QString &accessibleName, const QString &xLabel, const QString &yLabel)
{
    auto *plot = new QCustomPlot;
    plot->setAccessibleName(accessibleName);
    plot->setMinimumHeight(160);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    PlotStyle::placeLegendBelow(plot, 2); // the small plots need every pixel for the curves
    plot->setNoAntialiasingOnDrag(true);
    PlotStyle::applyPalette(plot, plot->palette());
    return plot;
}

/// The keys of the per-epoch fairness plot in @p metrics: the headline score, the worst group
/// over every group, the worst group large enough to judge and the spread across groups (an
/// empty key: the family has no such number); empty when the epoch has no evaluation.
QStringList fairnessKeysOf(const QJsonObject &metrics)
{
    if (metrics.contains(QLatin1String("accuracy")))
        return {QStringLiteral("accuracy"), QStringLiteral("worst_group_accuracy"),
                QStringLiteral("worst_judged_group_accuracy"), QStringLiteral("accuracy_std")};
    // Clustering scores groups large enough to judge only (ClusteringReport::acrossGroups).
    if (metrics.contains(QLatin1String("val_pairwise_f_score")))
        return {QStringLiteral("val_pairwise_f_score"), QString(),
                QStringLiteral("val_pairwise_f_score_group_min"),
                QStringLiteral("val_pairwise_f_score_group_std")};
    return {};
}

} // namespace

RunMonitor::RunMonitor(JobQueue *queue, QWidget *parent) : QWidget(parent), m_queue(queue)
{
    m_table = new QTreeWidget;
    m_table->setAccessibleName(tr("Jobs"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels({tr("Run"), tr("Status"), tr("Progress")});
    m_table->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    // Wide enough for the longest progress text in this language, which the bar would clip.
    const QString widest = tr("%p% · epoch %1/%2 · ETA %3")
                               .arg(100)
                               .arg(100)
                               .arg(QStringLiteral("10:00:00"))
                               .replace(QStringLiteral("%p"), QStringLiteral("100"));
    m_table->header()->resizeSection(
        ProgressColumn, std::max(150, m_table->fontMetrics().horizontalAdvance(widest) + 28));
    m_table->header()->setStretchLastSection(false);

    m_cancel = new QPushButton(tr("&Cancel run"));
    m_cancel->setAccessibleName(tr("Cancel the selected run"));
    m_resume = new QPushButton(tr("Res&ume run"));
    m_resume->setAccessibleName(tr("Resume the selected run"));
    m_resume->setToolTip(tr("Continue a cancelled or failed run from its last checkpoint."));
    connect(m_cancel, &QPushButton::clicked, this, &RunMonitor::cancelSelected);
    connect(m_resume, &QPushButton::clicked, this, [this] { resumeSelected(); });
    connect(m_table, &QTreeWidget::currentItemChanged, this, [this] {
        showSelected();
        updateButtons();
    });

    // Several runs at once: each takes its share of the cores (one run already uses them all).
    auto *parallel = new QSpinBox;
    parallel->setRange(1, 8);
    parallel->setValue(m_queue->maxConcurrent());
    parallel->setAccessibleName(tr("Runs trained at the same time"));
    parallel->setToolTip(tr("How many queued runs train at the same time. One run already uses "
                            "every core; more finish together but each one slower."));
    connect(parallel, &QSpinBox::valueChanged, m_queue, &JobQueue::setMaxConcurrent);
    auto *parallelLabel = new QLabel(tr("&Jobs at once:"));
    parallelLabel->setBuddy(parallel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(parallelLabel);
    buttons->addWidget(parallel);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(buttons);
    m_external = new ExternalRunsView;
    connect(m_external, &ExternalRunsView::runCollected, this, &RunMonitor::externalRunCollected);
    leftLayout->addWidget(m_external);

    m_lossPlot = makePlot(tr("Loss curve"), tr("Epoch"), tr("Loss"));
    m_metricPlot =
        makePlot(tr("Learning rate and attention entropy"), tr("Epoch"), tr("Learning rate"));
    m_metricPlot->yAxis2->setVisible(true);
    m_metricPlot->yAxis2->setLabel(tr("Attention entropy"));
    // Runs with a per-epoch evaluation (FARE family and fair SSL: epochEvaluationSamples; the
    // clustering transformer always, on its validation identities) report accuracy and fairness
    // every epoch; the plot appears when the shown run has such points.
    m_fairnessPlot = makePlot(tr("Accuracy and fairness per epoch"), tr("Epoch"), tr("Percent"));
    for (const int colour : {0, 4, 2, 6}) // named per run in showSelected()
        PlotStyle::styleSeries(m_fairnessPlot->addGraph(), colour);
    applyPalette();
    QCPGraph *loss = m_lossPlot->addGraph();
    loss->setName(tr("loss (per step)"));
    PlotStyle::styleSeries(loss, 1);
    loss->setScatterStyle(QCPScatterStyle::ssNone);
    QCPGraph *epochLoss = m_lossPlot->addGraph();
    epochLoss->setName(tr("loss (epoch mean)"));
    PlotStyle::styleSeries(epochLoss, 0);
    epochLoss->setLineStyle(QCPGraph::lsNone);
    QCPGraph *lr = m_metricPlot->addGraph();
    lr->setName(tr("learning rate"));
    PlotStyle::styleSeries(lr, 2);
    QCPGraph *entropy = m_metricPlot->addGraph(m_metricPlot->xAxis, m_metricPlot->yAxis2);
    entropy->setName(tr("attention entropy"));
    PlotStyle::styleSeries(entropy, 5);

    m_metricPlot->yAxis->setNumberFormat(QStringLiteral("g"));
    m_metricPlot->yAxis->setNumberPrecision(2);
    auto *plots = new QSplitter(Qt::Horizontal);
    plots->addWidget(m_lossPlot);
    // The per-epoch fairness plot shares the second place with the schedule plot as a tab: a
    // third plot side by side made the window wider than a 1024-pixel screen.
    m_metricTabs = new QTabWidget;
    m_metricTabs->setDocumentMode(true);
    m_metricTabs->addTab(m_metricPlot, tr("Schedule"));
    m_metricTabs->addTab(m_fairnessPlot, tr("Fairness"));
    m_metricTabs->setTabVisible(FairnessTab, false);
    plots->addWidget(m_metricTabs);

    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setAccessibleName(tr("Run log"));
    m_log->setPlaceholderText(tr("Messages of the runs appear here."));

    auto *top = new QSplitter;
    top->addWidget(left);
    top->addWidget(plots);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 3);
    top->setSizes({470, 810});
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(top);
    vertical->addWidget(m_log);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(vertical);

    m_replotTimer = new QTimer(this);
    m_replotTimer->setInterval(250);
    connect(m_replotTimer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            replotNow();
    });
    m_replotTimer->start();
    connect(m_queue, &JobQueue::queueChanged, this, &RunMonitor::onQueueChanged);
    connect(m_queue, &JobQueue::jobStarted, this, [this](RunJob *job) {
        const int row = rowOf(job);
        if (row >= 0)
            setState(row, State::Running);
        // Follow the queue: when the shown job is over, show the one that starts now.
        const int shown = selectedRow();
        if (row >= 0 && (shown < 0 || (m_rows[shown].state != State::Running &&
                                       m_rows[shown].state != State::Queued)))
            selectRow(row);
    });
    updateButtons();
}

void RunMonitor::applyPalette()
{
    // Light and dark themes: the plots take their colours from the widget palette.
    PlotStyle::applyPalette(m_lossPlot, palette());
    PlotStyle::applyPalette(m_metricPlot, palette());
    PlotStyle::applyPalette(m_fairnessPlot, palette());
    const QColor text = palette().color(QPalette::Text);
    QCPAxis *axis = m_metricPlot->yAxis2;
    axis->setBasePen(QPen(text));
    axis->setTickPen(QPen(text));
    axis->setSubTickPen(QPen(text));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    m_dirty = true;
}

void RunMonitor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void RunMonitor::trackExternal(ExternalRun *run)
{
    m_external->track(run);
    m_log->appendPlainText(tr("%1: started outside the workbench (%2), folder %3")
                               .arg(run->name(), run->statusText(), run->folder()));
    connect(run, &ExternalRun::changed, this, [this, run] {
        if (!run->isActive())
            m_log->appendPlainText(
                run->errorText().isEmpty()
                    ? tr("%1: %2").arg(run->name(), run->statusText())
                    : tr("%1: %2 — %3").arg(run->name(), run->statusText(), run->errorText()));
    });
}

void RunMonitor::track(RunJob *job)
{
    Row row;
    row.job = job;
    // A config without a name (a saved or exported one) is named by the store when its run is
    // created; until then the row shows the method.
    row.name = job->displayName().isEmpty() ? job->methodName() : job->displayName();
    row.storePath = m_storePath;
    row.item = new QTreeWidgetItem(m_table, {row.name, stateText(State::Queued)});
    row.bar = new QProgressBar;
    row.bar->setRange(0, 1000);
    row.bar->setValue(0);
    row.bar->setFormat(tr("waiting"));
    row.bar->setAccessibleName(tr("Progress of %1").arg(row.name));
    m_table->setItemWidget(row.item, ProgressColumn, row.bar);
    m_rows.append(row);

    connectJob(job);
    if (m_table->currentItem() == nullptr)
        m_table->setCurrentItem(row.item);
    updateButtons();
}

void RunMonitor::connectJob(RunJob *job)
{
    connect(job, &RunJob::runCreated, this, [this, job](const QString &id) {
        const int r = rowOf(job);
        if (r < 0)
            return;
        m_rows[r].runId = id;
        if (job->displayName().isEmpty() && !job->runName().isEmpty()) {
            m_rows[r].name = job->runName();
            m_rows[r].item->setText(NameColumn, m_rows[r].name);
            m_rows[r].bar->setAccessibleName(tr("Progress of %1").arg(m_rows[r].name));
        }
    });
    connect(job, &RunJob::progressChanged, this, [this, job](const JobProgress &p) {
        const int r = rowOf(job);
        if (r >= 0)
            onProgress(r, p);
    });
    connect(job, &RunJob::epochFinished, this, [this, job](int epoch, const QJsonObject &metrics) {
        const int r = rowOf(job);
        if (r >= 0)
            onEpoch(r, epoch, metrics);
    });
    connect(job, &RunJob::logMessage, this, [this, job](const QString &message) {
        const int r = rowOf(job);
        m_log->appendPlainText(QStringLiteral("%1  [%2] %3")
                                   .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                        r >= 0 ? m_rows[r].name : QString(), message));
    });
    connect(job, &RunJob::finished, this, [this, job](JobOutcome outcome, const QString &message) {
        const int r = rowOf(job);
        if (r < 0)
            return;
        const State s = outcome == JobOutcome::Finished    ? State::Finished
                        : outcome == JobOutcome::Cancelled ? State::Cancelled
                                                           : State::Failed;
        setState(r, s, message);
    });
}

int RunMonitor::rowOf(const RunJob *job) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].job == job)
            return i;
    return -1;
}

int RunMonitor::selectedRow() const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].item == m_table->currentItem())
            return i;
    return -1;
}

void RunMonitor::selectRow(int row)
{
    if (row >= 0 && row < m_rows.size())
        m_table->setCurrentItem(m_rows[row].item);
}

QString RunMonitor::stateText(State state)
{
    switch (state) {
    case State::Queued:
        return tr("Queued");
    case State::Running:
        return tr("Running");
    case State::Finished:
        return tr("Finished");
    case State::Cancelled:
        return tr("Cancelled");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

void RunMonitor::setState(int row, State state, const QString &message)
{
    Row &r = m_rows[row];
    r.state = state;
    r.item->setText(StatusColumn, stateText(state));
    r.item->setToolTip(StatusColumn, message);
    if (state == State::Queued)
        r.bar->setFormat(tr("waiting"));
    else if (state == State::Running)
        r.bar->setFormat(tr("starting…"));
    else if (state == State::Finished) {
        r.bar->setValue(r.bar->maximum());
        r.bar->setFormat(tr("done"));
    } else if (state == State::Cancelled || state == State::Failed)
        r.bar->setFormat(tr("%p% · %1").arg(stateText(state).toLower()));
    updateButtons();
}

void RunMonitor::onProgress(int row, const JobProgress &p)
{
    Row &r = m_rows[row];
    if (r.state == State::Queued)
        setState(row, State::Running);
    const double fraction = std::clamp(p.fraction(), 0.0, 1.0);
    r.bar->setValue(int(fraction * r.bar->maximum()));
    // Runs made of stages (the fair-SSL pipeline) name the stage; epochs then count its units.
    r.bar->setFormat(p.stage.isEmpty()
                         ? tr("%p% · epoch %1/%2 · ETA %3")
                               .arg(p.epoch)
                               .arg(p.epochs)
                               .arg(formatEta(p.etaSeconds))
                         : tr("%p% · %1 · ETA %2").arg(p.stage, formatEta(p.etaSeconds)));
    // Only training steps carry a loss; stage progress (curation, evaluation, clustering
    // stages) reports none, and a point at loss 0 would draw a stray segment back across the
    // curve.
    const double x = fraction * p.epochs;
    if (r.resuming && std::isfinite(x)) {
        // A resumed run restarts at its last checkpoint: the steps after it are run again and
        // replace the cancelled attempt's.
        r.resuming = false;
        while (!r.stepX.isEmpty() && r.stepX.last() > x) {
            r.stepX.removeLast();
            r.loss.removeLast();
        }
        if (row == selectedRow())
            showSelected();
    }
    if (p.loss == 0 || !std::isfinite(p.loss) || (!r.stepX.isEmpty() && x < r.stepX.last()))
        return;
    r.stepX.append(x);
    r.loss.append(p.loss);
    if (row == selectedRow()) {
        m_lossPlot->graph(0)->addData(r.stepX.last(), r.loss.last());
        m_dirty = true;
    }
}

void RunMonitor::onEpoch(int row, int epoch, const QJsonObject &metrics)
{
    Row &r = m_rows[row];
    // An epoch run again after a resume replaces the one the cancelled attempt recorded.
    while (!r.epochX.isEmpty() && r.epochX.last() >= epoch) {
        r.epochX.removeLast();
        r.epochLoss.removeLast();
        r.learningRate.removeLast();
        r.entropy.removeLast();
        for (QVector<double> &series : r.fairness)
            series.removeLast();
    }
    r.epochX.append(epoch);
    r.epochLoss.append(metrics.value(QStringLiteral("loss")).toDouble(qQNaN()));
    r.learningRate.append(metrics.value(QStringLiteral("learningRate")).toDouble(qQNaN()));
    r.entropy.append(metrics.value(QStringLiteral("attentionEntropy")).toDouble(qQNaN()));
    if (r.fairnessKeys.isEmpty())
        r.fairnessKeys = fairnessKeysOf(metrics);
    // In the display unit, as the Metrics tab shows them (core/eval/metricunit.h).
    for (int s = 0; s < int(r.fairness.size()); ++s) {
        const QString key = r.fairnessKeys.value(s);
        r.fairness[size_t(s)].append(metricDisplayScale(key) *
                                     metrics.value(key).toDouble(qQNaN()));
    }
    if (row == selectedRow())
        showSelected();
}

void RunMonitor::onQueueChanged()
{
    // Jobs removed from the queue before they started never emit finished().
    const QList<RunJob *> done = m_queue->done();
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].state == State::Queued && done.contains(m_rows[i].job.data())) {
            setState(i, State::Cancelled, tr("removed from the queue before it started"));
            m_log->appendPlainText(
                tr("[%1] removed from the queue before it started").arg(m_rows[i].name));
        }
}

void RunMonitor::showSelected()
{
    const int row = selectedRow();
    if (row < 0) {
        for (QCustomPlot *plot : {m_lossPlot, m_metricPlot, m_fairnessPlot})
            for (int g = 0; g < plot->graphCount(); ++g)
                plot->graph(g)->data()->clear();
        m_dirty = true;
        return;
    }
    const Row &r = m_rows[row];
    m_lossPlot->graph(0)->setData(r.stepX, r.loss, true);
    m_lossPlot->graph(1)->setData(r.epochX, r.epochLoss, true);
    m_metricPlot->graph(0)->setData(r.epochX, r.learningRate, true);
    m_metricPlot->graph(1)->setData(r.epochX, r.entropy, true);
    const bool clustering = r.fairnessKeys.value(0) == QLatin1String("val_pairwise_f_score");
    m_fairnessPlot->setAccessibleName(clustering ? tr("Validation F and fairness per epoch")
                                                 : tr("Accuracy and fairness per epoch"));
    m_fairnessPlot->yAxis->setLabel(clustering ? tr("Pairwise F") : tr("Percent"));
    const QStringList names = clustering
                                  ? QStringList{tr("validation F"), QString(),
                                                tr("worst judged group"), tr("spread (std)")}
                                  : QStringList{tr("accuracy"), tr("worst group"),
                                                tr("worst judged group"), tr("spread (std, pp)")};
    for (int s = 0; s < int(r.fairness.size()); ++s) {
        QCPGraph *graph = m_fairnessPlot->graph(s);
        graph->setName(names.value(s));
        graph->setData(r.epochX, r.fairness[size_t(s)], true);
        // A series the run's family does not report stays out of the legend.
        bool reported = false;
        for (const double v : r.fairness[size_t(s)])
            reported = reported || std::isfinite(v);
        if (reported)
            graph->addToLegend();
        else
            graph->removeFromLegend();
    }
    m_dirty = true;
}

void RunMonitor::replotNow()
{
    m_dirty = false;
    // The attention-entropy axis belongs to runs that report an entropy (FARE, SparseFARE).
    bool entropy = false;
    for (auto it = m_metricPlot->graph(1)->data()->constBegin();
         it != m_metricPlot->graph(1)->data()->constEnd() && !entropy; ++it)
        entropy = std::isfinite(it->value);
    m_metricPlot->yAxis2->setVisible(entropy);
    m_metricPlot->graph(1)->setVisible(entropy);
    if (entropy)
        m_metricPlot->graph(1)->addToLegend();
    else
        m_metricPlot->graph(1)->removeFromLegend();
    bool fairness = false;
    for (auto it = m_fairnessPlot->graph(0)->data()->constBegin();
         it != m_fairnessPlot->graph(0)->data()->constEnd() && !fairness; ++it)
        fairness = std::isfinite(it->value);
    if (fairness != m_metricTabs->isTabVisible(FairnessTab)) {
        // Shown (and brought forward) when the run reports it, hidden again for runs without.
        m_metricTabs->setTabVisible(FairnessTab, fairness);
        m_metricTabs->setCurrentIndex(fairness ? FairnessTab : 0);
    }
    for (QCustomPlot *plot : {m_lossPlot, m_metricPlot, m_fairnessPlot}) {
        plot->rescaleAxes(true);
        plot->xAxis->setRangeLower(0);
        PlotStyle::fitFlatValueRange(plot->yAxis);
        PlotStyle::fitFlatValueRange(plot->yAxis2);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void RunMonitor::updateButtons()
{
    const int row = selectedRow();
    const State s = row >= 0 ? m_rows[row].state : State::Finished;
    m_cancel->setEnabled(row >= 0 && (s == State::Queued || s == State::Running));
    m_resume->setEnabled(row >= 0 && (s == State::Cancelled || s == State::Failed) &&
                         !m_rows[row].runId.isEmpty());
}

void RunMonitor::cancelSelected()
{
    const int row = selectedRow();
    if (row < 0 || !m_rows[row].job)
        return;
    m_queue->cancel(m_rows[row].job);
}

RunJob *RunMonitor::resumeSelected()
{
    const int row = selectedRow();
    if (row < 0 || m_rows[row].runId.isEmpty() ||
        (m_rows[row].state != State::Cancelled && m_rows[row].state != State::Failed))
        return nullptr;
    QString error;
    RunJob *job =
        FamilyRegistry::instance().resume(m_rows[row].runId, m_rows[row].storePath, &error);
    if (!job) {
        m_log->appendPlainText(tr("[%1] cannot resume: %2").arg(m_rows[row].name, error));
        return nullptr;
    }
    // The run continues in its own row, with the curves it drew before it stopped.
    Row &r = m_rows[row];
    r.job = job;
    r.resuming = true;
    setState(row, State::Queued, tr("resumed from its last checkpoint"));
    connectJob(job);
    m_log->appendPlainText(tr("[%1] resumed from its last checkpoint").arg(r.name));
    m_queue->enqueue(job);
    Q_EMIT jobResumed(job);
    return job;
}

} // namespace equiscope
