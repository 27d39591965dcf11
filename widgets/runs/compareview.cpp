#include "runs/compareview.h"

#include "common/metrictext.h"
#include "common/plotstyle.h"
#include "common/tableitems.h"

#include "eval/metricdirection.h"
#include "eval/metricunit.h"
#include "report/metricglossary.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

namespace {

QString runTitle(const RunRecord &r)
{
    return r.name.isEmpty() ? r.id.left(8) : r.name;
}

const QString kAbsent = QStringLiteral("\x01absent");

} // namespace

CompareView::CompareView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Compare runs"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_allKeys = new QCheckBox(tr("Show &all config keys"), this);
    m_allKeys->setAccessibleName(tr("Show all config keys, not only those that differ"));
    m_configTable = new QTableWidget(this);
    m_configTable->setAccessibleName(tr("Config differences"));
    m_metricsTable = new QTableWidget(this);
    m_metricsTable->setAccessibleName(tr("Final metrics side by side"));
    for (QTableWidget *t : {m_configTable, m_metricsTable}) {
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->horizontalHeader()->setStretchLastSection(true);
        t->setAlternatingRowColors(true);
        t->setTabKeyNavigation(false);
    }
    m_curveMetric = new QComboBox(this);
    m_curveMetric->setAccessibleName(tr("Epoch metric of the overlaid curves"));
    m_lossPlot = new QCustomPlot(this);
    m_lossPlot->setAccessibleName(tr("Curves of the compared runs"));
    m_lossPlot->setMinimumHeight(200);
    m_lossPlot->xAxis->setLabel(tr("epoch"));
    setEpochTicks(m_lossPlot->xAxis);
    PlotStyle::placeLegendBelow(m_lossPlot);
    PlotStyle::applyPalette(m_lossPlot, palette());

    // Stacked, each full width: the metrics table has a column per run and needs it.
    auto *configBox = new QWidget(this);
    auto *configLayout = new QVBoxLayout(configBox);
    configLayout->setContentsMargins(0, 0, 0, 0);
    auto *configHeader = new QHBoxLayout;
    auto *configTitle =
        new QLabel(tr("<b>Configuration</b> (keys that differ in bold)"), configBox);
    configTitle->setBuddy(m_configTable);
    configHeader->addWidget(configTitle);
    configHeader->addStretch(1);
    configHeader->addWidget(m_allKeys);
    configLayout->addLayout(configHeader);
    configLayout->addWidget(m_configTable);
    auto *metricsBox = new QWidget(this);
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    metricsLayout->setContentsMargins(0, 0, 0, 0);
    auto *metricsTitle = new QLabel(tr("<b>Final metrics</b> (best run in bold)"), metricsBox);
    metricsTitle->setBuddy(m_metricsTable);
    metricsLayout->addWidget(metricsTitle);
    metricsLayout->addWidget(m_metricsTable);
    auto *curves = new QWidget(this);
    auto *curvesLayout = new QVBoxLayout(curves);
    curvesLayout->setContentsMargins(0, 0, 0, 0);
    auto *curveForm = new QFormLayout;
    curveForm->addRow(tr("Curve&s of:"), m_curveMetric);
    curvesLayout->addLayout(curveForm);
    curvesLayout->addWidget(m_lossPlot, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(configBox);
    splitter->addWidget(metricsBox);
    splitter->addWidget(curves);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({150, 420, 280});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_allKeys, &QCheckBox::toggled, this, [this] { showConfig(); });
    connect(m_curveMetric, &QComboBox::currentIndexChanged, this, [this] { showCurves(); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_watcher.result();
        if (!result) {
            m_status->setText(tr("Could not read the runs: %1").arg(result.error().toString()));
            showRuns({});
        } else {
            showRuns(result.value());
        }
        Q_EMIT loaded();
    });
    m_status->setText(tr("Select two or more runs on the Runs page and press Compare."));
}

CompareView::~CompareView()
{
    m_watcher.waitForFinished();
}

void CompareView::setRuns(const QStringList &ids)
{
    const QString path = m_storePath;
    m_watcher.waitForFinished();
    m_watcher.setFuture(QtConcurrent::run([path, ids] { return loadRunSummaries(path, ids); }));
}

void CompareView::setShowAllKeys(bool all)
{
    m_allKeys->setChecked(all);
}

void CompareView::setCurveMetric(const QString &name)
{
    // Items show readable titles; the key is the item data.
    const int index = m_curveMetric->findData(name);
    if (index >= 0)
        m_curveMetric->setCurrentIndex(index);
}

void CompareView::showRuns(const QVector<RunSummary> &runs)
{
    m_runs = runs;
    m_headers.clear();
    for (const RunSummary &r : runs)
        m_headers << runTitle(r.record);
    if (!runs.isEmpty())
        m_status->setText(tr("Comparing %n run(s): %1.", nullptr, int(runs.size()))
                              .arg(m_headers.join(QStringLiteral(", "))));
    showConfig();
    if (runs.size() >= 2 && m_differing.isEmpty())
        m_status->setText(m_status->text() + QLatin1Char(' ') +
                          tr("Their configurations are identical."));
    showMetrics();
    // Epoch metrics every run has, loss first.
    QSet<QString> common;
    for (int i = 0; i < runs.size(); ++i) {
        QSet<QString> names;
        for (const EpochRecord &e : runs[i].epochs)
            for (auto it = e.metrics.begin(); it != e.metrics.end(); ++it)
                if (it.value().isDouble())
                    names.insert(it.key());
        common = i == 0 ? names : common.intersect(names);
    }
    QStringList names(common.begin(), common.end());
    names.sort();
    if (names.removeAll(QStringLiteral("loss")))
        names.prepend(QStringLiteral("loss"));
    const QString old = m_curveMetric->currentData().toString();
    {
        const QSignalBlocker block(m_curveMetric);
        m_curveMetric->clear();
        for (const QString &key : names)
            m_curveMetric->addItem(curveTitle(key), key);
        if (names.contains(old))
            m_curveMetric->setCurrentIndex(m_curveMetric->findData(old));
    }
    showCurves();
}

void CompareView::showConfig()
{
    // Every flattened key; it differs when its text (or absence) is not the same in all runs.
    QVector<QMap<QString, QString>> flat;
    QSet<QString> keySet;
    for (const RunSummary &r : m_runs) {
        flat << flattenJson(r.record.config);
        for (auto it = flat.last().begin(); it != flat.last().end(); ++it)
            keySet.insert(it.key());
    }
    QStringList keys(keySet.begin(), keySet.end());
    keys.sort();
    m_differing.clear();
    for (const QString &key : keys) {
        QSet<QString> values;
        for (const auto &f : flat)
            values.insert(f.value(key, kAbsent));
        if (values.size() > 1)
            m_differing << key;
    }
    const QStringList shown = m_allKeys->isChecked() ? keys : m_differing;
    m_configTable->clear();
    m_configTable->setColumnCount(int(m_runs.size()));
    m_configTable->setRowCount(int(shown.size()));
    m_configTable->setHorizontalHeaderLabels(m_headers);
    QColor highlight = palette().color(QPalette::Highlight);
    highlight.setAlpha(60);
    for (int row = 0; row < shown.size(); ++row) {
        const QString &key = shown.at(row);
        const bool differs = m_differing.contains(key);
        auto *header = new QTableWidgetItem(key);
        if (differs) {
            QFont bold = header->font();
            bold.setBold(true);
            header->setFont(bold);
            header->setToolTip(tr("differs between the runs"));
        }
        m_configTable->setVerticalHeaderItem(row, header);
        for (int col = 0; col < m_runs.size(); ++col) {
            const QString value = flat[col].value(key, kAbsent);
            auto *item = readOnlyItem(value == kAbsent ? tr("(absent)") : value);
            if (differs) {
                item->setBackground(highlight);
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_configTable->setItem(row, col, item);
        }
    }
}

void CompareView::showMetrics()
{
    // Whole-population rows by name first, then per-group rows as "name [group]".
    QStringList overallKeys, groupKeys;
    QVector<QMap<QString, QString>> cells(m_runs.size());
    QVector<QMap<QString, double>> values(m_runs.size());
    for (int col = 0; col < m_runs.size(); ++col)
        for (const MetricRow &m : m_runs[col].finalMetrics) {
            const bool tooSmall = m.name == QLatin1String("too_small_to_judge");
            const QString key =
                m.group.isEmpty()
                    ? m.name
                    : QStringLiteral("%1 [%2]").arg(tooSmall ? tr("all metrics") : m.name, m.group);
            QStringList &list = m.group.isEmpty() ? overallKeys : groupKeys;
            if (!list.contains(key))
                list << key;
            cells[col].insert(
                key, tooSmall ? tr("too small to judge (n = %1)").arg(m.groupSize.value_or(0))
                              : formatMetric(m));
            if (!tooSmall && m.group.isEmpty())
                values[col].insert(key, m.value);
        }
    const QStringList metricKeys = overallKeys + groupKeys;
    m_metricsTable->clear();
    m_metricsTable->setColumnCount(int(m_runs.size()));
    m_metricsTable->setRowCount(int(metricKeys.size()));
    m_metricsTable->setHorizontalHeaderLabels(m_headers);
    m_metricsTable->setVerticalHeaderLabels(metricKeys);
    for (int row = 0; row < metricKeys.size(); ++row) {
        const QString &key = metricKeys.at(row);
        // The best run of a whole-population metric whose direction is known.
        int best = -1;
        if (const auto dir = metricDirection(key); dir && m_runs.size() > 1) {
            for (int col = 0; col < m_runs.size(); ++col) {
                if (!values[col].contains(key))
                    continue;
                const double v = values[col].value(key);
                if (best < 0 ||
                    (*dir == ObjectiveDirection::Maximise ? v > values[best].value(key)
                                                          : v < values[best].value(key)))
                    best = col;
            }
        }
        // The glossary entry of a known metric ("too small to judge" rows have none).
        const QString metric = key.section(QStringLiteral(" ["), 0, 0);
        if (metricDirection(metric) || !metricDefinition(metric).isEmpty())
            m_metricsTable->verticalHeaderItem(row)->setToolTip(metricToolTip(metric));
        for (int col = 0; col < m_runs.size(); ++col) {
            auto *item = readOnlyItem(cells[col].value(key, tr("—")));
            if (col == best) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_metricsTable->setItem(row, col, item);
        }
    }
}

void CompareView::showCurves()
{
    const QString name = m_curveMetric->currentData().toString();
    m_lossPlot->clearGraphs();
    for (int i = 0; i < m_runs.size(); ++i) {
        auto *graph = m_lossPlot->addGraph();
        graph->setName(m_headers.value(i));
        const QColor colour = PlotStyle::categoryColour(i, palette());
        graph->setPen(QPen(colour, 2));
        graph->setScatterStyle(QCPScatterStyle(categoryMarker(i), colour, colour, 7));
        const double scale = metricDisplayScale(name);
        for (const EpochRecord &e : m_runs[i].epochs)
            if (e.metrics.value(name).isDouble())
                graph->addData(e.epoch, e.metrics.value(name).toDouble() * scale);
    }
    m_lossPlot->yAxis->setLabel(name.isEmpty() ? QString() : curveAxisTitle(name));
    m_lossPlot->rescaleAxes();
    PlotStyle::fitEpochRange(m_lossPlot);
    m_lossPlot->yAxis->scaleRange(1.25);
    PlotStyle::fitFlatValueRange(m_lossPlot->yAxis);
    m_lossPlot->replot();
}

void CompareView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        PlotStyle::applyPalette(m_lossPlot, palette());
        showConfig();
        showCurves();
    }
    QWidget::changeEvent(event);
}

} // namespace equiscope
