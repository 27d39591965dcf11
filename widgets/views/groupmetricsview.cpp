#include "views/groupmetricsview.h"

#include "jobs/metricrows.h"

#include "common/plotstyle.h"
#include "common/tableitems.h"

#include "common/metrictext.h"
#include "eval/metricdirection.h"
#include "eval/metricunit.h"
#include "report/metricglossary.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace equiscope {

namespace {

enum Column
{
    GroupColumn,
    MetricColumn,
    ValueColumn,
    CiColumn,
    SizeColumn,
    ColumnCount
};

bool isTooSmall(const MetricRow &m)
{
    return m.name == QLatin1String("too_small_to_judge");
}

} // namespace

GroupMetricsView::GroupMetricsView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Metrics"));
    m_table = new QTableWidget(this);
    m_table->setAccessibleName(tr("Per-group metrics"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("Group"), tr("Metric"), tr("Value"), tr("95 % CI"), tr("Group size")});
    m_table->horizontalHeaderItem(ValueColumn)->setToolTip(metricUnitConvention());
    m_table->horizontalHeaderItem(CiColumn)->setToolTip(metricUnitConvention());
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it

    m_metric = new QComboBox(this);
    m_metric->setAccessibleName(tr("Metric of the bar chart"));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_plot = new QCustomPlot(this);
    m_plot->setAccessibleName(tr("Per-group metric with 95 % confidence intervals"));
    m_plot->setMinimumHeight(200);
    m_plot->xAxis->setLabel(tr("group"));
    // Under the axes, not inside them: an inset legend covered the last bar and its whisker.
    PlotStyle::placeLegendBelow(m_plot, 4);

    auto *chart = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chart);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->addRow(tr("&Bar chart of:"), m_metric);
    chartLayout->addLayout(form);
    chartLayout->addWidget(m_note);
    chartLayout->addWidget(m_plot, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    PlotStyle::applyPalette(m_plot, palette());

    connect(m_metric, &QComboBox::currentTextChanged, this, [this] { drawBars(); });
}

void GroupMetricsView::setRun(const RunSummary &run)
{
    m_run = run;
    showTable();
    // Per-group metric names, accuracy first.
    QStringList names;
    for (const MetricRow &m : run.finalMetrics)
        if (!m.group.isEmpty() && !isTooSmall(m) && !names.contains(m.name))
            names << m.name;
    if (names.removeAll(QStringLiteral("accuracy")))
        names.prepend(QStringLiteral("accuracy"));
    const QString old = m_metric->currentText();
    {
        const QSignalBlocker block(m_metric);
        m_metric->clear();
        m_metric->addItems(names);
        if (names.contains(old))
            m_metric->setCurrentText(old);
    }
    m_metric->setEnabled(!names.isEmpty());
    drawBars();
}

void GroupMetricsView::setBarMetric(const QString &name)
{
    m_metric->setCurrentText(name);
}

QString GroupMetricsView::barMetric() const
{
    return m_metric->currentText();
}

void GroupMetricsView::showTable()
{
    // Whole-population rows first, then groups in the order the store gave them.
    QVector<MetricRow> rows;
    for (const MetricRow &m : m_run.finalMetrics)
        if (m.group.isEmpty())
            rows << m;
    for (const MetricRow &m : m_run.finalMetrics)
        if (!m.group.isEmpty())
            rows << m;
    const int minimum = m_run.record.config.value(QStringLiteral("minGroupSize")).toInt();
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const MetricRow &m = rows.at(i);
        const bool tooSmall = isTooSmall(m);
        QString group = m.group.isEmpty() ? tr("all") : m.group;
        if (m.group.isEmpty() && (m.name == QLatin1String("worst_group_accuracy") ||
                                  m.name == QLatin1String("worst_judged_group_accuracy"))) {
            // The group behind it, whose size is in the Size column.
            const QString label = worstGroupLabel(m_run.finalMetrics, m.name);
            group = label.isEmpty() ? tr("worst group") : tr("worst: %1").arg(label);
        }
        m_table->setItem(i, GroupColumn, readOnlyItem(group));
        auto *metric = readOnlyItem(tooSmall ? tr("all metrics") : m.name);
        if (!tooSmall)
            metric->setToolTip(metricToolTip(m.name));
        m_table->setItem(i, MetricColumn, metric);
        auto *value =
            readOnlyItem(tooSmall ? tr("too small to judge") : formatMetricValue(m.name, m.value));
        if (tooSmall) {
            QFont italic = value->font();
            italic.setItalic(true);
            value->setFont(italic);
            value->setToolTip(minimum > 0 ? tr("Fewer than %1 samples: no number is shown, its "
                                               "uncertainty would be too large.")
                                                .arg(minimum)
                                          : tr("Too few samples for a trustworthy number."));
        }
        m_table->setItem(i, ValueColumn, value);
        QString ci;
        if (!tooSmall && m.ciLow && m.ciHigh)
            ci = formatMetricInterval(m.name, *m.ciLow, *m.ciHigh);
        m_table->setItem(i, CiColumn, readOnlyItem(ci));
        m_table->setItem(i, SizeColumn,
                         readOnlyItem(m.groupSize ? QString::number(*m.groupSize) : QString()));
    }
}

void GroupMetricsView::drawBars()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    const QString name = m_metric->currentText();
    const QColor fg = PlotStyle::foreground(palette());
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setName(tr("%1 per group").arg(name));
    bars->setBrush(okabeIto(0));
    bars->setPen(QPen(okabeIto(0).darker(130)));
    bars->setWidth(0.6);
    auto *errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    errors->setName(tr("95 % CI"));
    errors->setDataPlottable(bars);
    errors->setPen(QPen(fg, 1.5));
    errors->setWhiskerWidth(10);
    QVector<double> keys, values, minus, plus;
    double top = 0, bottom = 0;
    // The axis is in the unit the table shows (percent for rates).
    const double scale = metricDisplayScale(name);
    int k = 0;
    for (const MetricRow &m : m_run.finalMetrics) {
        if (m.group.isEmpty())
            continue;
        if (isTooSmall(m)) {
            ticker->addTick(k, m.group);
            auto *text = new QCPItemText(m_plot);
            text->position->setType(QCPItemPosition::ptPlotCoords);
            text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            text->position->setCoords(k, 0.55);
            text->setText(tr("too small\nto judge\n(n = %1)").arg(m.groupSize.value_or(0)));
            text->setColor(fg);
            ++k;
        } else if (m.name == name) {
            ticker->addTick(k, m.group);
            keys << k++;
            values << m.value * scale;
            minus << (m.ciLow ? m.value - *m.ciLow : 0) * scale;
            plus << (m.ciHigh ? *m.ciHigh - m.value : 0) * scale;
            top = std::max(top, m.ciHigh.value_or(m.value) * scale);
            bottom = std::min(bottom, m.ciLow.value_or(m.value) * scale);
        }
    }
    bars->setData(keys, values);
    errors->setData(minus, plus);
    if (const auto overall = m_run.finalValue(name)) {
        auto *line = m_plot->addGraph();
        line->setName(tr("all groups: %1").arg(formatMetricValue(name, *overall)));
        line->setPen(QPen(fg, 1, Qt::DashLine));
        line->setData({-0.7, std::max(1, k) - 0.3}, {*overall * scale, *overall * scale});
        top = std::max(top, *overall * scale);
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.7, std::max(1, k) - 0.3);
    // Short enough for a 200-pixel axis: the unit, and an arrow for the direction (the metric's
    // tooltip in the table says it in words).
    const QString symbol = metricUnitSymbol(name);
    QString label = metricTitle(name);
    if (!symbol.isEmpty())
        label += QStringLiteral(" (%1)").arg(symbol);
    if (const auto direction = metricDirection(name))
        label += *direction == ObjectiveDirection::Maximise ? QStringLiteral(" ↑")
                                                            : QStringLiteral(" ↓");
    m_plot->yAxis->setLabel(name.isEmpty() ? QString() : label);
    // Rates and accuracies live in [0, 100] %; a little room above the highest whisker.
    const bool unit = top <= scale && bottom >= 0.0;
    m_plot->yAxis->setRange(bottom, unit ? 1.05 * scale : top * 1.1 + 1e-9);
    m_note->setText(
        keys.isEmpty() && k == 0
            ? tr("This run has no per-group metrics.")
            : tr("Bars: %n group(s); whiskers: 95 % bootstrap confidence intervals.", nullptr, k));
    m_plot->replot();
}

void GroupMetricsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        PlotStyle::applyPalette(m_plot, palette());
        drawBars();
    }
    QWidget::changeEvent(event);
}

} // namespace equiscope
