#include "views/fairsslweightview.h"

#include "common/plotstyle.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

namespace {

QJsonObject groupIn(const QJsonObject &histogram, const QString &label)
{
    for (const QJsonValue &g : histogram.value(QStringLiteral("groups")).toArray())
        if (g.toObject().value(QStringLiteral("label")).toString() == label)
            return g.toObject();
    return {};
}

} // namespace

FairSslWeightView::FairSslWeightView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Meta-learned weights"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_group = new QComboBox(this);
    m_group->setAccessibleName(tr("Group"));
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_heatmap = new QCustomPlot(this);
    m_heatmap->setAccessibleName(tr("Weight histogram of the group over epochs"));
    m_heatmap->setMinimumSize(240, 180);
    m_heatmap->xAxis->setLabel(tr("epoch"));
    m_heatmap->yAxis->setLabel(tr("meta-learned weight"));
    setEpochTicks(m_heatmap->xAxis);
    m_map = new QCPColorMap(m_heatmap->xAxis, m_heatmap->yAxis);
    m_map->setGradient(viridisGradient());
    m_map->setInterpolate(false);
    auto *scale = new QCPColorScale(m_heatmap);
    scale->axis()->setLabel(tr("share of the group's images"));
    m_heatmap->plotLayout()->addElement(0, 1, scale);
    m_map->setColorScale(scale);
    m_means = new QCustomPlot(this);
    m_means->setAccessibleName(tr("Mean weight per group and epoch"));
    m_means->setMinimumSize(240, 160);
    m_means->xAxis->setLabel(tr("epoch"));
    m_means->yAxis->setLabel(tr("mean weight of the group"));
    setEpochTicks(m_means->xAxis);
    m_means->legend->setVisible(true);

    auto *controls = new QFormLayout;
    controls->addRow(tr("Group:"), m_group);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_heatmap);
    splitter->addWidget(m_means);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    connect(m_group, &QComboBox::currentTextChanged, this, &FairSslWeightView::showGroup);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_watcher.result();
        if (!result) {
            m_status->setText(tr("Could not read the weights: %1").arg(result.error().toString()));
            showData({});
        } else {
            showData(result.value());
        }
        Q_EMIT loaded();
    });
}

FairSslWeightView::~FairSslWeightView()
{
    m_watcher.waitForFinished();
}

void FairSslWeightView::setRun(const QString &storePath, const RunSummary &run)
{
    const QString id = run.record.id;
    m_watcher.waitForFinished();
    m_watcher.setFuture(
        QtConcurrent::run([storePath, id] { return loadFairSslRunData(storePath, id); }));
}

void FairSslWeightView::showData(const FairSslRunData &data)
{
    m_data = data;
    QStringList labels;
    if (!data.weights.isEmpty())
        for (const QJsonValue &g : data.weights.last().value(QStringLiteral("groups")).toArray())
            labels << g.toObject().value(QStringLiteral("label")).toString();
    const QString previous = m_group->currentText();
    {
        const QSignalBlocker block(m_group);
        m_group->clear();
        m_group->addItems(labels);
        // The smallest group first: it is the one the weights are meant to help.
        QString pick = labels.contains(previous) ? previous : QString();
        if (pick.isEmpty()) {
            qint64 smallest = std::numeric_limits<qint64>::max();
            for (const QString &l : labels) {
                const qint64 n =
                    qint64(groupIn(data.weights.last(), l).value(QStringLiteral("n")).toDouble());
                if (n > 0 && n < smallest) {
                    smallest = n;
                    pick = l;
                }
            }
        }
        m_group->setCurrentText(pick);
    }
    m_status->setText(data.weights.isEmpty()
                          ? tr("This run has no meta-learned weights (only the fair-ssl method "
                               "learns them).")
                          : tr("Meta-Weight-Net's weights of the curated images, per group, "
                               "recorded every epoch (%n epoch(s)).",
                               nullptr, int(data.weights.size())));

    m_means->clearGraphs();
    m_means->clearItems();
    for (int gi = 0; gi < labels.size(); ++gi) {
        auto *graph = m_means->addGraph();
        graph->setName(labels[gi]);
        PlotStyle::styleSeries(graph, gi);
        for (auto it = data.weights.begin(); it != data.weights.end(); ++it) {
            const QJsonValue mean = groupIn(it.value(), labels[gi]).value(QStringLiteral("mean"));
            if (mean.isDouble())
                graph->addData(it.key(), mean.toDouble());
        }
    }
    m_means->rescaleAxes();
    m_means->xAxis->scaleRange(1.15);
    m_means->yAxis->scaleRange(1.3);
    if (!data.weights.isEmpty() && data.weights.last().contains(QStringLiteral("quantity"))) {
        // Relative weights: 1 is the batch average, above it a group is up-weighted.
        auto *one = new QCPItemStraightLine(m_means);
        one->point1->setCoords(0, 1);
        one->point2->setCoords(1, 1);
        one->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine));
        m_means->yAxis->setLabel(tr("mean relative weight (1 = batch mean)"));
    }
    m_means->replot();
    showGroup(m_group->currentText());
}

void FairSslWeightView::showGroup(const QString &label)
{
    const QList<int> epochs = m_data.weights.keys();
    const QJsonObject newest = m_data.weights.isEmpty() ? QJsonObject() : m_data.weights.last();
    const int bins = newest.value(QStringLiteral("bins")).toInt(20);
    // Weights in [0, max]: V's output (max 1) or relative weights w / batch mean (max 4).
    const double top = newest.value(QStringLiteral("max")).toDouble(1.0);
    m_map->data()->setSize(std::max<qsizetype>(1, epochs.size()), bins);
    const double first = epochs.isEmpty() ? 1 : epochs.first();
    const double last = epochs.isEmpty() ? 1 : epochs.last();
    m_map->data()->setRange(QCPRange(first, last),
                            QCPRange(0.5 * top / bins, top - 0.5 * top / bins));
    const QString quantity = newest.value(QStringLiteral("quantity")).toString();
    m_heatmap->yAxis->setLabel(quantity.isEmpty() ? tr("meta-learned weight") : quantity);
    double most = 0.05;
    for (int e = 0; e < epochs.size(); ++e) {
        const QJsonObject g = groupIn(m_data.weights.value(epochs[e]), label);
        const QJsonArray counts = g.value(QStringLiteral("counts")).toArray();
        const double n = std::max(1.0, g.value(QStringLiteral("n")).toDouble());
        for (int b = 0; b < bins; ++b) {
            const double share = counts.at(b).toDouble() / n;
            m_map->data()->setCell(e, b, share);
            most = std::max(most, share);
        }
    }
    if (epochs.isEmpty())
        m_map->data()->fill(0);
    m_map->setDataRange(QCPRange(0, most));
    m_heatmap->xAxis->setRange(first - 0.5, last + 0.5);
    m_heatmap->yAxis->setRange(0, top);
    m_heatmap->replot();
}

} // namespace equiscope
