#include "compareview.h"

#include "plotstyle.h"

#include <qcustomplot.h>

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

QTableWidgetItem *readOnly(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

CompareView::CompareView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Compare runs"));
    m_status = new QLabel(this);
    m_configTable = new QTableWidget(this);
    m_configTable->setAccessibleName(tr("Config differences"));
    m_metricsTable = new QTableWidget(this);
    m_metricsTable->setAccessibleName(tr("Final metrics side by side"));
    for (QTableWidget *t : {m_configTable, m_metricsTable}) {
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->horizontalHeader()->setStretchLastSection(true);
        t->setAlternatingRowColors(true);
    }
    m_lossPlot = new QCustomPlot(this);
    m_lossPlot->setAccessibleName(tr("Loss curves"));
    m_lossPlot->setMinimumHeight(200);
    m_lossPlot->xAxis->setLabel(tr("epoch"));
    setEpochTicks(m_lossPlot->xAxis);
    m_lossPlot->yAxis->setLabel(tr("loss"));
    m_lossPlot->legend->setVisible(true);

    auto *top = new QSplitter(Qt::Horizontal, this);
    auto *configBox = new QWidget(top);
    auto *configLayout = new QVBoxLayout(configBox);
    configLayout->setContentsMargins(0, 0, 0, 0);
    configLayout->addWidget(new QLabel(tr("Config keys that differ"), configBox));
    configLayout->addWidget(m_configTable);
    auto *metricsBox = new QWidget(top);
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    metricsLayout->setContentsMargins(0, 0, 0, 0);
    metricsLayout->addWidget(new QLabel(tr("Final metrics"), metricsBox));
    metricsLayout->addWidget(m_metricsTable);
    top->addWidget(configBox);
    top->addWidget(metricsBox);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_lossPlot);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_watcher.result();
        if (!result) {
            m_status->setText(tr("Could not read the runs: %1").arg(result.error().toString()));
            showRuns({});
        } else {
            m_status->clear();
            showRuns(result.value());
        }
        Q_EMIT loaded();
    });
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

void CompareView::showRuns(const QVector<RunSummary> &runs)
{
    QStringList headers;
    for (const RunSummary &r : runs)
        headers << runTitle(r.record);

    // Config diff: every flattened key whose text is not the same in all runs (missing counts).
    QVector<QMap<QString, QString>> flat;
    QSet<QString> keySet;
    for (const RunSummary &r : runs) {
        flat << flattenJson(r.record.config);
        for (auto it = flat.last().begin(); it != flat.last().end(); ++it)
            keySet.insert(it.key());
    }
    QStringList keys(keySet.begin(), keySet.end());
    keys.sort();
    QStringList differing;
    for (const QString &key : keys) {
        QSet<QString> values;
        for (const auto &f : flat)
            values.insert(f.value(key, QStringLiteral("\x01missing")));
        if (values.size() > 1)
            differing << key;
    }
    m_configTable->clear();
    m_configTable->setColumnCount(runs.size());
    m_configTable->setRowCount(differing.size());
    m_configTable->setHorizontalHeaderLabels(headers);
    m_configTable->setVerticalHeaderLabels(differing);
    for (int row = 0; row < differing.size(); ++row)
        for (int col = 0; col < runs.size(); ++col)
            m_configTable->setItem(row, col,
                                   readOnly(flat[col].value(differing.at(row), tr("(absent)"))));

    // Metrics: whole-population rows by name, per-group rows as "name [group]".
    QStringList metricKeys;
    QVector<QMap<QString, QString>> cells(runs.size());
    for (int col = 0; col < runs.size(); ++col)
        for (const MetricRow &m : runs[col].finalMetrics) {
            const QString key =
                m.group.isEmpty() ? m.name : QStringLiteral("%1 [%2]").arg(m.name, m.group);
            if (!metricKeys.contains(key))
                metricKeys << key;
            cells[col].insert(key,
                              m.name == QLatin1String("too_small_to_judge")
                                  ? tr("too small to judge (n = %1)").arg(m.groupSize.value_or(0))
                                  : formatMetric(m));
        }
    m_metricsTable->clear();
    m_metricsTable->setColumnCount(runs.size());
    m_metricsTable->setRowCount(metricKeys.size());
    m_metricsTable->setHorizontalHeaderLabels(headers);
    m_metricsTable->setVerticalHeaderLabels(metricKeys);
    for (int row = 0; row < metricKeys.size(); ++row)
        for (int col = 0; col < runs.size(); ++col)
            m_metricsTable->setItem(row, col,
                                    readOnly(cells[col].value(metricKeys.at(row), tr("—"))));

    m_lossPlot->clearGraphs();
    for (int i = 0; i < runs.size(); ++i) {
        auto *graph = m_lossPlot->addGraph();
        graph->setName(headers.at(i));
        graph->setPen(QPen(okabeIto(i), 2));
        graph->setScatterStyle(QCPScatterStyle(markerShape(i), 7));
        for (const EpochRecord &e : runs[i].epochs)
            if (e.metrics.value(QStringLiteral("loss")).isDouble())
                graph->addData(e.epoch, e.metrics.value(QStringLiteral("loss")).toDouble());
    }
    m_lossPlot->rescaleAxes();
    m_lossPlot->xAxis->scaleRange(1.1);
    m_lossPlot->yAxis->scaleRange(1.2);
    m_lossPlot->replot();
}

} // namespace equiscope
