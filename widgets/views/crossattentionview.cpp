#include "views/crossattentionview.h"

#include "store/artifactkinds.h"

#include "common/plotstyle.h"

#include "data/datasetpreview.h"
#include "data/datasetreader.h"
#include "store/runstore.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMutex>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace equiscope {

namespace {

// Image datasets opened for thumbnails, shared by every view of the process.
std::shared_ptr<const Dataset> openImageDataset(const QJsonObject &specJson)
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
    if (opened && opened->images)
        ds = std::make_shared<const Dataset>(std::move(opened.value()));
    QMutexLocker lock(&mutex);
    cache.insert(key, ds);
    return ds;
}

const QColor kSame(0, 158, 115); // Okabe–Ito bluish green: the anchor's identity
const QColor kOther(213, 94, 0); // vermillion: another identity

} // namespace

CrossAttentionView::CrossAttentionView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Cross-attention"));
    m_epoch = new QComboBox(this);
    m_epoch->setAccessibleName(tr("Cross-attention epoch"));
    m_anchor = new QComboBox(this);
    m_anchor->setAccessibleName(tr("Anchor"));
    m_anchor->setToolTip(tr("Fixed test anchors, taken from every group in turn."));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_plot = new QCustomPlot(this);
    m_plot->setAccessibleName(tr("Cross-attention map"));
    m_plot->setMinimumSize(360, 300);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setGradient(viridisGradient());
    m_map->setInterpolate(false);
    auto *scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, scale);
    scale->setLabel(tr("attention"));
    scale->setGradient(viridisGradient());
    m_map->setColorScale(scale);
    m_plot->xAxis->setLabel(tr("centroid sub-cluster token (key): rank · p · ✓ same identity"));
    m_plot->yAxis->setLabel(tr("furthest sub-cluster token (query)"));
    m_plot->yAxis->setRangeReversed(true);

    m_strips = new QWidget(this);
    m_stripLayout = new QGridLayout(m_strips);
    m_stripLayout->setSpacing(3);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_strips);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(150);
    scroll->setMaximumHeight(200);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Epoch:"), this));
    controls->addWidget(m_epoch);
    controls->addWidget(new QLabel(tr("Anchor:"), this));
    controls->addWidget(m_anchor, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    layout->addWidget(scroll);
    layout->addWidget(m_status);

    connect(m_epoch, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            load(m_epoch->itemData(i).toInt());
    });
    connect(m_anchor, &QComboBox::currentIndexChanged, this, &CrossAttentionView::showAnchor);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        Loaded l = m_watcher.result();
        if (!l.error.isEmpty()) {
            m_status->setText(l.error);
            Q_EMIT loadFailed(l.error);
            return;
        }
        m_snapshot = l.snapshot;
        m_images = l.images;
        {
            const QSignalBlocker block(m_epoch);
            if (m_epoch->count() != l.epochs.size()) {
                m_epoch->clear();
                for (int e : l.epochs)
                    m_epoch->addItem(QString::number(e), e);
            }
            m_epoch->setCurrentIndex(m_epoch->findData(m_snapshot.epoch));
        }
        const int previous = std::max(0, m_anchor->currentIndex());
        {
            const QSignalBlocker block(m_anchor);
            m_anchor->clear();
            for (const CrossAttentionAnchor &a : m_snapshot.anchors) {
                const QString group = a.group >= 0 && a.group < m_snapshot.groupLabels.size()
                                          ? m_snapshot.groupLabels.at(a.group)
                                          : tr("no group");
                int same = 0;
                for (int s : a.centroidSame + a.furthestSame)
                    same += s;
                m_anchor->addItem(tr("row %1 · %2 · %3/%4 tokens of its identity")
                                      .arg(a.row)
                                      .arg(group)
                                      .arg(same)
                                      .arg(a.centroidSame.size() + a.furthestSame.size()));
            }
        }
        m_anchor->setCurrentIndex(std::min(previous, int(m_anchor->count()) - 1));
        showAnchor(m_anchor->currentIndex());
        Q_EMIT snapshotShown(m_snapshot.epoch);
    });
}

CrossAttentionView::~CrossAttentionView()
{
    m_watcher.waitForFinished();
}

void CrossAttentionView::setRun(const QString &storePath, const RunSummary &run)
{
    m_storePath = storePath;
    m_run = run;
    m_images.reset();
    m_epoch->clear();
    load(-1);
}

void CrossAttentionView::load(int epoch)
{
    const QString path = m_storePath, id = m_run.record.id;
    const bool wantImages = !m_images;
    m_watcher.waitForFinished();
    m_watcher.setFuture(QtConcurrent::run([path, id, epoch, wantImages] {
        Loaded l;
        RunStoreOptions o;
        o.create = false;
        o.recoverOnOpen = false;
        auto store = RunStore::open(path, o);
        if (!store) {
            l.error = store.error().toString();
            return l;
        }
        auto list = store.value()->artifacts(id, ArtifactKind::crossAttention());
        if (list)
            for (const ArtifactRecord &a : list.value())
                if (a.epoch && !l.epochs.contains(*a.epoch))
                    l.epochs << *a.epoch;
        std::sort(l.epochs.begin(), l.epochs.end());
        if (l.epochs.isEmpty()) {
            l.error =
                tr("This run stored no Cross-attention (a baseline, or Cross-attention off).");
            return l;
        }
        auto art = store.value()->artifact(id, ArtifactKind::crossAttention(),
                                           epoch < 0 ? l.epochs.last() : epoch);
        if (!art) {
            l.error = art.error().toString();
            return l;
        }
        l.snapshot = CrossAttentionSnapshot::fromJson(QJsonDocument::fromJson(art->bytes).object());
        if (wantImages && !l.snapshot.imageDataset.isEmpty())
            l.images = openImageDataset(l.snapshot.imageDataset);
        return l;
    }));
}

int CrossAttentionView::thumbnailCount() const
{
    return int(m_strips->findChildren<QLabel *>(QStringLiteral("thumbnail")).size());
}

void CrossAttentionView::showAnchor(int index)
{
    if (index < 0 || index >= m_snapshot.anchors.size())
        return;
    const CrossAttentionAnchor &a = m_snapshot.anchors.at(index);
    const int rows = m_snapshot.furthestSize, cols = m_snapshot.centroidSize;
    if (a.weights.size() != rows * cols)
        return;
    m_map->data()->setSize(cols, rows);
    m_map->data()->setRange(QCPRange(0, cols - 1), QCPRange(0, rows - 1));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            m_map->data()->setCell(c, r, a.weights.at(r * cols + c));
    m_map->rescaleDataRange(true);
    auto xTicks = QSharedPointer<QCPAxisTickerText>::create();
    auto yTicks = QSharedPointer<QCPAxisTickerText>::create();
    // Rank j of a token in the anchor's kNN list: centroid tokens are 0…c−1, furthest the last.
    for (int c = 0; c < cols; ++c)
        xTicks->addTick(c, QStringLiteral("%1%2\n%3")
                               .arg(c)
                               .arg(a.centroidSame.value(c) ? QStringLiteral(" ✓") : QString())
                               .arg(a.centroidP.value(c), 0, 'f', 2));
    const int total = m_run.record.config.value(QStringLiteral("k")).toInt(cols + rows);
    for (int r = 0; r < rows; ++r)
        yTicks->addTick(r, QStringLiteral("%1%2 · p %3")
                               .arg(total - rows + r)
                               .arg(a.furthestSame.value(r) ? QStringLiteral(" ✓") : QString())
                               .arg(a.furthestP.value(r), 0, 'f', 2));
    m_plot->xAxis->setTicker(xTicks);
    m_plot->yAxis->setTicker(yTicks);
    m_plot->xAxis->setRange(-0.5, cols - 0.5);
    m_plot->yAxis->setRange(-0.5, rows - 0.5);
    m_plot->replot();
    drawThumbnails(a);
    int sameF = 0, sameC = 0;
    for (int s : a.furthestSame)
        sameF += s;
    for (int s : a.centroidSame)
        sameC += s;
    m_status->setText(tr("Epoch %1 · anchor row %2 · centroid sub-cluster: %3 of %4 tokens share "
                         "its identity, furthest: %5 of %6. %7")
                          .arg(m_snapshot.epoch)
                          .arg(a.row)
                          .arg(sameC)
                          .arg(cols)
                          .arg(sameF)
                          .arg(rows)
                          .arg(m_images ? tr("Thumbnail frames: green = same identity, orange = "
                                             "another.")
                                        : tr("No thumbnails: the features do not come from an "
                                             "image dataset.")));
}

void CrossAttentionView::drawThumbnails(const CrossAttentionAnchor &a)
{
    while (QLayoutItem *item = m_stripLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_strips->setVisible(bool(m_images));
    if (!m_images)
        return;
    auto thumb = [this](qint64 image, int same, const QString &tip) {
        auto *label = new QLabel;
        label->setObjectName(QStringLiteral("thumbnail"));
        const QImage img =
            image >= 0 && image < m_images->size ? datasetImage(*m_images, image) : QImage();
        QPixmap pm =
            QPixmap::fromImage(img.scaled(44, 44, Qt::KeepAspectRatio, Qt::FastTransformation));
        label->setPixmap(pm);
        label->setToolTip(tip);
        const QColor frame = same < 0 ? QColor(Qt::black) : (same ? kSame : kOther);
        label->setStyleSheet(QStringLiteral("border: 3px solid %1;").arg(frame.name()));
        return label;
    };
    // The anchor spans both strips, captioned below its image.
    auto *anchor = new QWidget;
    auto *anchorLayout = new QVBoxLayout(anchor);
    anchorLayout->setContentsMargins(0, 0, 12, 0);
    anchorLayout->addWidget(thumb(a.image, -1, tr("the anchor")), 0, Qt::AlignHCenter);
    anchorLayout->addWidget(new QLabel(tr("anchor")), 0, Qt::AlignHCenter);
    m_stripLayout->addWidget(anchor, 0, 0, 2, 1, Qt::AlignVCenter);
    m_stripLayout->addWidget(new QLabel(tr("centroid:")), 0, 1);
    for (int c = 0; c < a.centroidImages.size(); ++c)
        m_stripLayout->addWidget(
            thumb(a.centroidImages.at(c), a.centroidSame.value(c),
                  tr("centroid token %1, p = %2").arg(c).arg(a.centroidP.value(c))),
            0, 2 + c);
    m_stripLayout->addWidget(new QLabel(tr("furthest:")), 1, 1);
    for (int r = 0; r < a.furthestImages.size(); ++r)
        m_stripLayout->addWidget(
            thumb(a.furthestImages.at(r), a.furthestSame.value(r),
                  tr("furthest token %1, p = %2").arg(r).arg(a.furthestP.value(r))),
            1, 2 + r);
    m_stripLayout->setColumnStretch(2 + std::max(a.centroidImages.size(), a.furthestImages.size()),
                                    1);
}

} // namespace equiscope
