#include "views/subgroupscanview.h"

#include "common/analysisframe.h"
#include "common/plotstyle.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <tuple>

namespace equiscope {

namespace {

QString percent(double v)
{
    return QLocale().toString(100 * v, 'f', 1) + QLatin1Char('%');
}

QString interval(double value, double low, double high)
{
    return QStringLiteral("%1 [%2, %3]").arg(percent(value), percent(low), percent(high));
}

QString metricTitle(SubgroupMetric metric)
{
    switch (metric) {
    case SubgroupMetric::Error:
        return SubgroupScanView::tr("error rate");
    case SubgroupMetric::FalseNegative:
        return SubgroupScanView::tr("false-negative rate");
    case SubgroupMetric::FalsePositive:
        return SubgroupScanView::tr("false-positive rate");
    case SubgroupMetric::Selection:
        return SubgroupScanView::tr("selection rate");
    }
    return {};
}

} // namespace

SubgroupScanView::SubgroupScanView(QWidget *parent) : QWidget(parent)
{
    m_metric = new QComboBox;
    for (const SubgroupMetric m : {SubgroupMetric::Error, SubgroupMetric::FalseNegative,
                                   SubgroupMetric::FalsePositive, SubgroupMetric::Selection})
        m_metric->addItem(metricTitle(m), int(m));
    m_metric->setToolTip(tr("What the scan compares between a subgroup and the rest: the error "
                            "rate (1 − accuracy); for a binary target also the false-negative rate "
                            "(1 − TPR), the false-positive rate and the selection rate."));
    m_conditions = new QSpinBox;
    m_conditions->setRange(1, 3);
    m_conditions->setValue(3);
    m_conditions->setToolTip(tr("Subgroups are intersections of up to this many attributes "
                                "(numeric attributes in quantile bins)."));
    m_minSize = new QSpinBox;
    m_minSize->setRange(5, 1000000);
    m_minSize->setValue(30);
    m_minSize->setSuffix(tr(" images"));
    m_minSize->setToolTip(tr("Smaller subgroups are never scored: their rates are too uncertain "
                             "to judge."));
    m_scan = new QPushButton(tr("Scan Sub&groups"));
    m_scan->setToolTip(
        tr("Search the intersections of the dataset's attributes for the subgroups "
           "this run's test predictions serve worst (seconds; on a worker thread)."));
    connect(m_scan, &QPushButton::clicked, this, &SubgroupScanView::scan);
    auto *form = new QFormLayout;
    form->addRow(tr("Ra&te:"), m_metric);
    form->addRow(tr("Attributes &per subgroup:"), m_conditions);
    form->addRow(tr("&Minimum size:"), m_minSize);
    auto *row = new QHBoxLayout;
    row->addLayout(form, 1);
    row->addWidget(m_scan, 0, Qt::AlignBottom);

    const AnalysisFrame frame = buildAnalysisFrame(
        this, row, introText(), tr("Subgroup scan status"), tr("Worst subgroups"),
        tr("The rate of each reported subgroup with its 95 % "
           "interval, beside the rate over all test images (dashed); "
           "the table holds the same values."),
        tr("Worst subgroups table"), 2);
    m_status = frame.status;
    m_plot = frame.plot;
    m_table = frame.table;
    m_plot->yAxis->setRangeReversed(true); // the worst subgroup on top

    connect(&m_watcher, &QFutureWatcher<Expected<RunSubgroupScan>>::finished, this,
            [this] { show(m_watcher.result()); });
}

SubgroupScanView::~SubgroupScanView()
{
    m_watcher.waitForFinished();
}

QString SubgroupScanView::introText() const
{
    return tr("Which subgroups does this run serve worst? Scan Subgroups searches intersections "
              "of the dataset's attributes, not only the sensitive ones.");
}

bool SubgroupScanView::isScanning() const
{
    return m_watcher.isRunning();
}

void SubgroupScanView::setRun(const QString &storePath, const RunSummary &run)
{
    m_watcher.waitForFinished();
    m_storePath = storePath;
    m_runId = run.record.id;
    // The rates of one class against the rest need a binary target (known from the run's
    // per-group metrics, without reading its predictions on the GUI thread).
    const bool binary = run.hasBinaryTarget();
    for (int i = 1; i < m_metric->count(); ++i)
        if (auto *model = qobject_cast<QStandardItemModel *>(m_metric->model()))
            if (QStandardItem *item = model->item(i)) {
                item->setEnabled(binary);
                item->setToolTip(binary ? QString() : tr("Needs a binary target."));
            }
    if (!binary)
        m_metric->setCurrentIndex(0);
    clearResults();
    m_status->setText(introText());
}

void SubgroupScanView::clearResults()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->legend->setVisible(false);
    m_plot->replot();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
}

void SubgroupScanView::scan()
{
    if (isScanning() || m_runId.isEmpty())
        return;
    RunSubgroupScanRequest request;
    request.storePath = m_storePath;
    request.run = m_runId;
    request.options.metric = SubgroupMetric(m_metric->currentData().toInt());
    request.options.maxConditions = m_conditions->value();
    request.options.minGroupSize = m_minSize->value();
    m_scan->setEnabled(false);
    m_status->setText(tr("Searching subgroups…"));
    m_watcher.setFuture(QtConcurrent::run([request] { return scanRunSubgroups(request); }));
}

void SubgroupScanView::show(const Expected<RunSubgroupScan> &result)
{
    m_scan->setEnabled(true);
    clearResults();
    if (!result) {
        m_status->setText(tr("Cannot scan: %1").arg(result.error().toString()));
        Q_EMIT scanned(false);
        return;
    }
    const SubgroupScan &scan = result->scan;
    const std::vector<Subgroup> &groups = scan.subgroups;
    const int significant = int(std::count_if(groups.begin(), groups.end(),
                                              [](const Subgroup &g) { return g.significant; }));
    QString status =
        tr("%1 over %2 test images: %3 overall; %4 of %5 subgroups of %6 attributes scored in "
           "%7 s. %n subgroup(s) deviate significantly (α = %8, corrected for the search).",
           nullptr, significant)
            .arg(metricTitle(scan.metric), QLocale().toString(scan.rows), percent(scan.overallRate),
                 QLocale().toString(scan.subgroupsScored),
                 QLocale().toString(scan.subgroupsPossible))
            .arg(scan.attributes.size())
            .arg(QLocale().toString(scan.seconds, 'f', 1), QLocale().toString(scan.options.alpha));
    if (!result->positiveClass.isEmpty() && scan.metric != SubgroupMetric::Error)
        status += QLatin1Char(' ') + tr("Positive class: %1.").arg(result->positiveClass);
    for (const auto &skipped : scan.skipped)
        status += QLatin1Char(' ') + tr("Left out %1: %2.").arg(skipped.first, skipped.second);
    for (const QString &warning : scan.warnings)
        status += QLatin1Char(' ') + warning;
    if (groups.empty() && scan.warnings.isEmpty())
        status += QLatin1Char(' ') + tr("No subgroup reaches the minimum size.");
    m_status->setText(status);

    // Horizontal bars: key axis = y (one row per subgroup, worst on top), value axis = x.
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    auto *flagged = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    auto *other = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    flagged->setName(tr("significant"));
    other->setName(tr("not significant"));
    const QColor hot = PlotStyle::categoryColour(1, palette());
    const QColor calm = PlotStyle::categoryColour(0, palette());
    flagged->setBrush(hot);
    flagged->setPen(QPen(hot));
    other->setBrush(QBrush(calm, Qt::Dense4Pattern));
    other->setPen(QPen(calm));
    QVector<double> fk, fv, fm, fp, ok, ov, om, op;
    double top = scan.overallRate;
    for (int i = 0; i < int(groups.size()); ++i) {
        const Subgroup &g = groups[size_t(i)];
        ticker->addTick(i, g.label());
        auto &k = g.significant ? fk : ok;
        auto &v = g.significant ? fv : ov;
        auto &m = g.significant ? fm : om;
        auto &p = g.significant ? fp : op;
        k << i; // percent, as in the table
        v << 100 * g.rate;
        m << 100 * std::max(0.0, g.rate - g.rateLow);
        p << 100 * std::max(0.0, g.rateHigh - g.rate);
        top = std::max(top, g.rateHigh);
    }
    for (auto [bars, keys, values, minus, plus] :
         {std::tuple{flagged, &fk, &fv, &fm, &fp}, std::tuple{other, &ok, &ov, &om, &op}}) {
        bars->setWidth(0.7);
        bars->setData(*keys, *values);
        auto *errors = new QCPErrorBars(m_plot->yAxis, m_plot->xAxis);
        errors->removeFromLegend();
        errors->setPen(QPen(PlotStyle::foreground(palette())));
        errors->setDataPlottable(bars);
        errors->setData(*minus, *plus);
    }
    auto *overall = new QCPItemStraightLine(m_plot);
    overall->point1->setCoords(100 * scan.overallRate, 0);
    overall->point2->setCoords(100 * scan.overallRate, 1);
    overall->setPen(QPen(PlotStyle::foreground(palette()), 1.5, Qt::DashLine));
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, std::max<double>(1, double(groups.size())) - 0.4);
    m_plot->xAxis->setRange(0, 100 * std::min(1.0, top * 1.1 + 0.01));
    m_plot->xAxis->setLabel(tr("%1 in % (dashed: all test images, %2)")
                                .arg(metricTitle(scan.metric), percent(scan.overallRate)));
    m_plot->legend->setVisible(!groups.empty());
    m_plot->replot();

    const QStringList header{
        tr("Subgroup"),      tr("Images"), tr("Rate [95 % CI]"),  tr("Rest"),
        tr("Gap [95 % CI]"), tr("Score"),  tr("p (search-wide)"), tr("Significant")};
    m_table->setColumnCount(int(header.size()));
    m_table->setHorizontalHeaderLabels(header);
    m_table->horizontalHeaderItem(5)->setToolTip(
        tr("Bernoulli log-likelihood ratio of the subgroup against the rest, on the images "
           "outside the subgroups listed above it."));
    m_table->horizontalHeaderItem(6)->setToolTip(
        tr("The share of scans of shuffled outcomes whose best subgroup scores at least as high: "
           "corrected for every subgroup searched."));
    m_table->setRowCount(int(groups.size()));
    for (int row = 0; row < int(groups.size()); ++row) {
        const Subgroup &g = groups[size_t(row)];
        const QStringList cells{g.label(),
                                QLocale().toString(g.size),
                                interval(g.rate, g.rateLow, g.rateHigh),
                                percent(g.restRate),
                                interval(g.gap, g.gapLow, g.gapHigh),
                                QLocale().toString(g.score, 'f', 1),
                                QLocale().toString(g.pValue, 'g', 3),
                                g.significant ? tr("yes") : tr("no")};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    Q_EMIT scanned(true);
}

void SubgroupScanView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        PlotStyle::applyPalette(m_plot, palette());
        m_plot->replot();
    }
    QWidget::changeEvent(event);
}

} // namespace equiscope
