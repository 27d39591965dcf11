#include "attentionview.h"

#include "plotstyle.h"

#include "data/datasetpreview.h"
#include "data/datasetreader.h"
#include "store/runstore.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMutex>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace equiscope {

namespace {

// Opened datasets shared by all views: opening one decodes or maps its image cache.
std::shared_ptr<const Dataset> openCachedDataset(const QJsonObject &specJson)
{
    static QMutex mutex;
    static QHash<QByteArray, std::shared_ptr<const Dataset>> cache;
    const QByteArray key = QJsonDocument(specJson).toJson(QJsonDocument::Compact);
    {
        QMutexLocker lock(&mutex);
        if (cache.contains(key))
            return cache.value(key);
    }
    auto opened = openDataset(DatasetSpec::fromJson(specJson));
    std::shared_ptr<const Dataset> ds;
    if (opened)
        ds = std::make_shared<const Dataset>(std::move(opened.value()));
    QMutexLocker lock(&mutex);
    cache.insert(key, ds); // a failure is remembered too: no retry on every hover
    return ds;
}

bool isRgb(const AttentionSnapshot &s)
{
    if (s.zDim != 3)
        return false;
    for (float v : s.z)
        if (v < 0 || v > 255)
            return false;
    return true;
}

void addRect(QCustomPlot *plot, double x0, double y0, double x1, double y1, const QColor &c)
{
    auto *rect = new QCPItemRect(plot);
    rect->topLeft->setCoords(x0, y0);
    rect->bottomRight->setCoords(x1, y1);
    rect->setPen(Qt::NoPen);
    rect->setBrush(c);
    rect->setClipToAxisRect(false);
    rect->setProperty("strip", true);
}

} // namespace

AttentionView::AttentionView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Attention"));
    m_plot = new QCustomPlot(this);
    m_plot->setAccessibleName(tr("Attention heatmap"));
    m_plot->setMinimumSize(320, 300);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setGradient(viridisGradient());
    m_map->setInterpolate(false);
    auto *scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, scale);
    scale->setLabel(tr("attention"));
    m_map->setColorScale(scale);
    scale->setGradient(viridisGradient());
    m_plot->xAxis->setLabel(tr("key (sorted by z)"));
    m_plot->yAxis->setLabel(tr("query (sorted by z)"));
    m_plot->yAxis->setRangeReversed(true);
    m_plot->setMouseTracking(true);

    m_groupPlot = new QCustomPlot(this);
    m_groupPlot->setAccessibleName(tr("Group attention heatmap"));
    m_groupPlot->setMinimumSize(240, 240);
    m_groupMap = new QCPColorMap(m_groupPlot->xAxis, m_groupPlot->yAxis);
    m_groupMap->setGradient(viridisGradient());
    m_groupMap->setInterpolate(false);
    auto *groupScale = new QCPColorScale(m_groupPlot);
    m_groupPlot->plotLayout()->addElement(0, 1, groupScale);
    m_groupMap->setColorScale(groupScale);
    groupScale->setGradient(viridisGradient());
    m_groupPlot->xAxis->setLabel(tr("to group"));
    m_groupPlot->yAxis->setLabel(tr("from group"));
    m_groupPlot->yAxis->setRangeReversed(true);

    m_entropyPlot = new QCustomPlot(this);
    m_entropyPlot->setAccessibleName(tr("Attention entropy per epoch"));
    m_entropyPlot->setMinimumHeight(150);
    m_entropyPlot->xAxis->setLabel(tr("epoch"));
    setEpochTicks(m_entropyPlot->xAxis);
    m_entropyPlot->yAxis->setLabel(tr("attention entropy"));

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setAccessibleName(tr("Attention epoch"));
    m_slider->setPageStep(1);
    m_epochLabel = new QLabel(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto *maps = new QSplitter(Qt::Horizontal, this);
    maps->addWidget(m_plot);
    maps->addWidget(m_groupPlot);
    maps->setStretchFactor(0, 3);
    maps->setStretchFactor(1, 2);
    auto *sliderRow = new QHBoxLayout;
    sliderRow->addWidget(new QLabel(tr("Epoch:"), this));
    sliderRow->addWidget(m_slider, 1);
    sliderRow->addWidget(m_epochLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(maps, 3);
    layout->addLayout(sliderRow);
    layout->addWidget(m_status);
    layout->addWidget(m_entropyPlot, 1);

    m_popup = new QFrame(this, Qt::ToolTip);
    m_popup->setFrameShape(QFrame::Box);
    m_popupText = new QLabel(m_popup);
    m_popupImageA = new QLabel(m_popup);
    m_popupImageB = new QLabel(m_popup);
    auto *popupLayout = new QVBoxLayout(m_popup);
    auto *images = new QHBoxLayout;
    images->addWidget(m_popupImageA);
    images->addWidget(m_popupImageB);
    popupLayout->addWidget(m_popupText);
    popupLayout->addLayout(images);
    m_popup->hide();

    connect(m_slider, &QSlider::valueChanged, this, [this](int index) {
        if (index >= 0 && index < m_run.attentionEpochs.size())
            showEpoch(m_run.attentionEpochs.at(index));
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, &AttentionView::hoverAt);
    connect(&m_snapshotWatcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_snapshotWatcher.result();
        if (!result) {
            m_status->setText(
                tr("Could not load the attention snapshot: %1").arg(result.error().toString()));
            Q_EMIT loadFailed(result.error().toString());
            return;
        }
        m_snapshot = result.value();
        drawSnapshot();
        Q_EMIT snapshotShown(m_epoch);
    });
    connect(&m_datasetWatcher, &QFutureWatcherBase::finished, this,
            [this] { m_dataset = m_datasetWatcher.result(); });
}

AttentionView::~AttentionView()
{
    m_snapshotWatcher.waitForFinished();
    m_datasetWatcher.waitForFinished();
}

void AttentionView::setRun(const QString &storePath, const RunSummary &run)
{
    m_storePath = storePath;
    m_run = run;
    m_epoch = -1;
    m_dataset.reset();
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, std::max(0, int(run.attentionEpochs.size()) - 1));
    m_slider->setEnabled(run.attentionEpochs.size() > 1);
    drawEntropy();
    requestDataset();
    if (run.attentionEpochs.isEmpty()) {
        m_status->setText(tr("This run has no attention snapshots."));
        return;
    }
    m_slider->setValue(m_slider->maximum());
    showEpoch(run.attentionEpochs.last());
}

void AttentionView::requestDataset()
{
    const QJsonObject spec = m_run.record.config.value(QStringLiteral("dataset")).toObject();
    if (spec.isEmpty())
        return;
    m_datasetWatcher.waitForFinished();
    m_datasetWatcher.setFuture(QtConcurrent::run([spec] { return openCachedDataset(spec); }));
}

void AttentionView::showEpoch(int epoch)
{
    m_epoch = epoch;
    m_epochLabel->setText(QString::number(epoch));
    const int index = m_run.attentionEpochs.indexOf(epoch);
    if (index >= 0 && m_slider->value() != index) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    const QString path = m_storePath;
    const QString id = m_run.record.id;
    m_snapshotWatcher.waitForFinished();
    m_snapshotWatcher.setFuture(
        QtConcurrent::run([path, id, epoch]() -> Expected<AttentionSnapshot> {
            RunStoreOptions options;
            options.create = false;
            options.recoverOnOpen = false;
            auto store = RunStore::open(path, options);
            if (!store)
                return store.error();
            auto artifact = store.value()->artifact(id, QStringLiteral("attention"), epoch);
            if (!artifact)
                return artifact.error();
            AttentionSnapshot s =
                AttentionSnapshot::fromJson(QJsonDocument::fromJson(artifact->bytes).object());
            if (s.size <= 0 || s.matrix.size() != qsizetype(s.size) * s.size) {
                DataError error;
                error.file = path;
                error.detail =
                    QStringLiteral("the attention snapshot of epoch %1 is empty or malformed")
                        .arg(epoch);
                return error;
            }
            return s;
        }));
}

void AttentionView::drawSnapshot()
{
    const AttentionSnapshot &s = m_snapshot;
    const int b = s.size;
    for (int i = m_plot->itemCount() - 1; i >= 0; --i)
        if (m_plot->item(i)->property("strip").toBool())
            m_plot->removeItem(i);
    m_map->data()->setSize(b, b);
    m_map->data()->setRange(QCPRange(0, b - 1), QCPRange(0, b - 1));
    for (int r = 0; r < b; ++r)
        for (int c = 0; c < b; ++c)
            m_map->data()->setCell(c, r, s.matrix.at(r * b + c));
    m_map->rescaleDataRange(true);
    // Strips: group colour next to the map, the sample's own RGB outside it when z is a colour.
    const bool rgb = isRgb(s);
    const double g0 = -1.4, g1 = -0.6, c0 = -2.4, c1 = -1.5;
    for (int i = 0; i < b; ++i) {
        const QColor group = okabeIto(i < s.groups.size() ? s.groups.at(i) : 0);
        addRect(m_plot, g0, i - 0.5, g1, i + 0.5, group);
        addRect(m_plot, i - 0.5, b - 0.4 + 1.0, i + 0.5, b - 0.4 + 0.2, group);
        if (rgb) {
            const QColor colour(int(s.z.at(i * 3)), int(s.z.at(i * 3 + 1)), int(s.z.at(i * 3 + 2)));
            addRect(m_plot, c0, i - 0.5, c1, i + 0.5, colour);
            addRect(m_plot, i - 0.5, b + 1.7, i + 0.5, b + 0.9, colour);
        }
    }
    m_plot->xAxis->setRange(rgb ? -2.5 : -1.5, b - 0.5);
    m_plot->yAxis->setRange(-0.5, b + (rgb ? 1.8 : 0.8));
    m_plot->replot();

    const int groups = s.groupLabels.size();
    if (groups > 0 && s.groupMatrix.size() == groups * groups) {
        m_groupMap->data()->setSize(groups, groups);
        m_groupMap->data()->setRange(QCPRange(0, groups - 1), QCPRange(0, groups - 1));
        for (int r = 0; r < groups; ++r)
            for (int c = 0; c < groups; ++c)
                m_groupMap->data()->setCell(c, r, s.groupMatrix.at(r * groups + c));
        m_groupMap->rescaleDataRange(true);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int g = 0; g < groups; ++g)
            ticker->addTick(g, s.groupLabels.at(g));
        m_groupPlot->xAxis->setTicker(ticker);
        m_groupPlot->yAxis->setTicker(ticker);
        m_groupPlot->xAxis->setRange(-0.5, groups - 0.5);
        m_groupPlot->yAxis->setRange(-0.5, groups - 0.5);
    }
    m_groupPlot->replot();
    QStringList legend;
    for (int g = 0; g < groups; ++g)
        legend << QStringLiteral("<span style='color:%1'>&#9632;</span> %2")
                      .arg(okabeIto(g).name(), s.groupLabels.at(g).toHtmlEscaped());
    m_status->setText(tr("Epoch %1 · %2 samples · groups: %3")
                          .arg(s.epoch)
                          .arg(b)
                          .arg(legend.join(QStringLiteral("  "))));
}

void AttentionView::drawEntropy()
{
    m_entropyPlot->clearGraphs();
    QVector<double> x, y;
    for (const EpochRecord &e : m_run.epochs) {
        const QJsonValue v = e.metrics.value(QStringLiteral("attentionEntropy"));
        if (v.isDouble()) {
            x << e.epoch;
            y << v.toDouble();
        }
    }
    auto *graph = m_entropyPlot->addGraph();
    graph->setPen(QPen(okabeIto(0), 2));
    graph->setScatterStyle(QCPScatterStyle(markerShape(0), 6));
    graph->setData(x, y);
    m_entropyPlot->rescaleAxes();
    m_entropyPlot->xAxis->scaleRange(1.1);
    m_entropyPlot->yAxis->scaleRange(1.2);
    m_entropyPlot->replot();
}

QString AttentionView::cellDescription(int row, int column) const
{
    const AttentionSnapshot &s = m_snapshot;
    if (row < 0 || column < 0 || row >= s.size || column >= s.size)
        return {};
    auto describe = [&s](int i) {
        QStringList z;
        for (int d = 0; d < s.zDim && i * s.zDim + d < s.z.size(); ++d)
            z << QString::number(s.z.at(i * s.zDim + d), 'g', 4);
        const int g = i < s.groups.size() ? s.groups.at(i) : -1;
        const QString label = g >= 0 && g < s.groupLabels.size() ? s.groupLabels.at(g) : QString();
        return tr("sample %1 · z = (%2) · group %3")
            .arg(i < s.samples.size() ? s.samples.at(i) : -1)
            .arg(z.join(QStringLiteral(", ")), label);
    };
    return tr("query: %1\nkey: %2\nattention: %3")
        .arg(describe(row), describe(column))
        .arg(s.matrix.at(row * s.size + column), 0, 'g', 4);
}

void AttentionView::hoverAt(QMouseEvent *event)
{
    double key = 0, value = 0;
    m_map->pixelsToCoords(event->position(), key, value);
    const int column = int(std::lround(key));
    const int row = int(std::lround(value));
    const QString text = cellDescription(row, column);
    if (text.isEmpty()) {
        m_popup->hide();
        return;
    }
    m_popupText->setText(text);
    auto image = [this](int i) {
        if (!m_dataset || i >= m_snapshot.samples.size())
            return QPixmap();
        const QImage img = datasetImage(*m_dataset, m_snapshot.samples.at(i));
        return QPixmap::fromImage(img.scaled(96, 96, Qt::KeepAspectRatio, Qt::FastTransformation));
    };
    const QPixmap a = image(row), b = image(column);
    m_popupImageA->setPixmap(a);
    m_popupImageB->setPixmap(b);
    m_popupImageA->setVisible(!a.isNull());
    m_popupImageB->setVisible(!b.isNull());
    m_popup->adjustSize();
    m_popup->move(m_plot->mapToGlobal(event->position().toPoint()) + QPoint(16, 16));
    m_popup->show();
}

void AttentionView::leaveEvent(QEvent *event)
{
    m_popup->hide();
    QWidget::leaveEvent(event);
}

} // namespace equiscope
