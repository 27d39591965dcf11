#include "views/attentionview.h"

#include "store/artifactkinds.h"
#include "views/attentionview_p.h"

#include "common/plotstyle.h"
#include "datasets/datasetcache.h"

#include "data/datasetpreview.h"
#include "data/datasetreader.h"

#include <qcustomplot.h>

#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace equiscope {

using namespace attentionview_detail;

namespace {

constexpr int kThumbnail = 64;

void placeRect(QCPItemRect *rect, QCPAxisRect *axes, double x0, double y0, double x1, double y1)
{
    for (QCPItemPosition *p : {rect->topLeft, rect->bottomRight}) {
        p->setAxes(axes->axis(QCPAxis::atBottom), axes->axis(QCPAxis::atLeft));
        p->setAxisRect(axes);
    }
    rect->topLeft->setCoords(x0, y0);
    rect->bottomRight->setCoords(x1, y1);
}

} // namespace

AttentionSnapshot sortedByGroupAndZ(const AttentionSnapshot &s)
{
    const int b = s.size;
    if (b <= 0 || s.matrix.size() != qsizetype(b) * b)
        return s;
    QVector<int> order(b);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&s](int a, int c) {
        const int ga = s.groups.value(a, -1), gc = s.groups.value(c, -1);
        if (ga != gc)
            return ga < gc;
        for (int d = 0; d < s.zDim; ++d) {
            const float za = s.z.value(a * s.zDim + d), zc = s.z.value(c * s.zDim + d);
            if (za != zc)
                return za < zc;
        }
        return false;
    });
    AttentionSnapshot out = s;
    out.samples.clear();
    out.groups.clear();
    out.z.clear();
    for (int r = 0; r < b; ++r) {
        out.samples << s.samples.value(order[r], -1);
        out.groups << s.groups.value(order[r], -1);
        for (int d = 0; d < s.zDim; ++d)
            out.z << s.z.value(order[r] * s.zDim + d);
        for (int c = 0; c < b; ++c)
            out.matrix[r * b + c] = s.matrix.at(order[r] * b + order[c]);
    }
    return out;
}

AttentionView::AttentionView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Attention"));

    // The heatmap: a grid of axis rects so the strips sit flush along the matrix's top and left
    // edges and share its coordinates (margin groups keep them aligned at any size).
    m_plot = new QCustomPlot(this);
    m_plot->setAccessibleName(tr("Attention heatmap"));
    m_plot->setAccessibleDescription(
        tr("Rows are queries, columns keys, both sorted by group and z. Use the arrow keys to "
           "move the cell cursor."));
    m_plot->setMinimumSize(340, 280);
    m_plot->setFocusPolicy(Qt::StrongFocus);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    m_plot->plotLayout()->clear();
    auto *main = new QCPAxisRect(m_plot);
    m_topStrip = new QCPAxisRect(m_plot);
    m_leftStrip = new QCPAxisRect(m_plot);
    auto *scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_topStrip);
    m_plot->plotLayout()->addElement(1, 0, m_leftStrip);
    m_plot->plotLayout()->addElement(1, 1, main);
    m_plot->plotLayout()->addElement(1, 2, scale);
    m_plot->plotLayout()->setColumnSpacing(0);
    m_plot->plotLayout()->setRowSpacing(0);
    const int strips = 2 * kStripPixels;
    m_topStrip->setMinimumSize(0, strips);
    m_topStrip->setMaximumSize(QWIDGETSIZE_MAX, strips);
    m_leftStrip->setMinimumSize(strips, 0);
    m_leftStrip->setMaximumSize(strips, QWIDGETSIZE_MAX);
    for (QCPAxisRect *r : {main, m_topStrip, m_leftStrip}) {
        r->setMinimumMargins(QMargins(0, 0, 0, 0));
        for (QCPAxis *axis : r->axes()) {
            axis->setVisible(false);
            axis->grid()->setVisible(false);
        }
    }
    main->setMinimumMargins(QMargins(0, 0, 6, 0));
    m_topStrip->setMinimumMargins(QMargins(0, 0, 0, 2));
    m_leftStrip->setMinimumMargins(QMargins(0, 0, 2, 0));
    auto *columns = new QCPMarginGroup(m_plot);
    main->setMarginGroup(QCP::msLeft | QCP::msRight, columns);
    m_topStrip->setMarginGroup(QCP::msLeft | QCP::msRight, columns);
    auto *rows = new QCPMarginGroup(m_plot);
    main->setMarginGroup(QCP::msTop | QCP::msBottom, rows);
    m_leftStrip->setMarginGroup(QCP::msTop | QCP::msBottom, rows);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, rows);

    QCPAxis *keyAxis = main->axis(QCPAxis::atBottom);
    QCPAxis *queryAxis = main->axis(QCPAxis::atLeft);
    keyAxis->setVisible(true);
    keyAxis->setLabel(tr("key (position in the sorted probe batch)"));
    queryAxis->setRangeReversed(true);
    QCPAxis *topGroups = m_topStrip->axis(QCPAxis::atTop);
    topGroups->setVisible(true);
    topGroups->setLabel(tr("key group"));
    topGroups->setTickLength(0, 3);
    topGroups->setSubTicks(false);
    QCPAxis *leftGroups = m_leftStrip->axis(QCPAxis::atLeft);
    leftGroups->setVisible(true);
    leftGroups->setLabel(tr("query group"));
    leftGroups->setRangeReversed(true);
    leftGroups->setTickLength(0, 3);
    leftGroups->setSubTicks(false);
    m_topStrip->axis(QCPAxis::atLeft)->setRange(0, 2);
    m_leftStrip->axis(QCPAxis::atBottom)->setRange(0, 2);

    m_map = new QCPColorMap(keyAxis, queryAxis);
    m_map->setGradient(viridisGradient());
    m_map->setInterpolate(false);
    m_map->setColorScale(scale);
    scale->setLabel(tr("attention p"));
    scale->setGradient(viridisGradient());
    scale->setBarWidth(14);

    m_topPixmap = new QCPItemPixmap(m_plot);
    m_leftPixmap = new QCPItemPixmap(m_plot);
    for (auto [item, rect] :
         {std::pair{m_topPixmap, m_topStrip}, std::pair{m_leftPixmap, m_leftStrip}}) {
        item->setClipAxisRect(rect);
        item->setScaled(true, Qt::IgnoreAspectRatio, Qt::FastTransformation);
        for (QCPItemPosition *p : {item->topLeft, item->bottomRight}) {
            p->setAxes(rect->axis(rect == m_topStrip ? QCPAxis::atTop : QCPAxis::atBottom),
                       rect->axis(QCPAxis::atLeft));
            p->setAxisRect(rect);
        }
    }
    m_cursor = new QCPItemRect(m_plot);
    m_cursor->setClipAxisRect(main);
    m_cursor->setBrush(Qt::NoBrush);
    m_cursor->setVisible(false);
    placeRect(m_cursor, main, 0, 0, 0, 0);
    // Guides along the cursor's row (its query) and column (its key).
    for (QCPItemRect **guide : {&m_rowGuide, &m_columnGuide}) {
        *guide = new QCPItemRect(m_plot);
        (*guide)->setClipAxisRect(main);
        (*guide)->setPen(Qt::NoPen);
        (*guide)->setBrush(QColor(255, 255, 255, 45));
        (*guide)->setVisible(false);
        placeRect(*guide, main, 0, 0, 0, 0);
    }

    m_groupPlot = new QCustomPlot(this);
    m_groupPlot->setAccessibleName(tr("Group attention heatmap"));
    m_groupPlot->setAccessibleDescription(
        tr("Mean attention from each query group (rows) to each key group (columns)."));
    m_groupPlot->setMinimumSize(240, 160);
    m_groupMap = new QCPColorMap(m_groupPlot->xAxis, m_groupPlot->yAxis);
    m_groupMap->setGradient(viridisGradient());
    m_groupMap->setInterpolate(false);
    auto *groupScale = new QCPColorScale(m_groupPlot);
    m_groupPlot->plotLayout()->addElement(0, 1, groupScale);
    m_groupMap->setColorScale(groupScale);
    groupScale->setGradient(viridisGradient());
    groupScale->setBarWidth(12);
    auto *groupMargins = new QCPMarginGroup(m_groupPlot);
    m_groupPlot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, groupMargins);
    groupScale->setMarginGroup(QCP::msTop | QCP::msBottom, groupMargins);
    m_groupPlot->xAxis->setLabel(tr("to key group"));
    m_groupPlot->yAxis->setLabel(tr("from query group"));
    m_groupPlot->yAxis->setRangeReversed(true);
    m_groupPlot->xAxis->grid()->setVisible(false);
    m_groupPlot->yAxis->grid()->setVisible(false);

    m_entropyPlot = new QCustomPlot(this);
    m_entropyPlot->setAccessibleName(tr("Attention entropy per epoch"));
    m_entropyPlot->setMinimumHeight(120);
    m_entropyPlot->xAxis->setLabel(tr("epoch"));
    setEpochTicks(m_entropyPlot->xAxis);
    m_entropyPlot->yAxis->setLabel(tr("entropy (nats)"));
    m_entropyPlot->yAxis->ticker()->setTickCount(3);
    PlotStyle::placeLegendBelow(m_entropyPlot);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setAccessibleName(tr("Attention epoch"));
    m_slider->setPageStep(1);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_epochLabel = new QLabel(this);
    m_epochLabel->setMinimumWidth(60);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_legend = new QLabel(this);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_legend->setAccessibleName(tr("Group colours"));

    auto *cellBox = new QGroupBox(tr("Cell under the cursor"), this);
    m_queryImage = new QLabel(cellBox);
    m_keyImage = new QLabel(cellBox);
    for (QLabel *l : {m_queryImage, m_keyImage}) {
        l->setFixedSize(kThumbnail + 4, kThumbnail + 4);
        l->setAlignment(Qt::AlignCenter);
        l->setFrameShape(QFrame::StyledPanel);
    }
    m_queryImage->setAccessibleName(tr("Query image"));
    m_keyImage->setAccessibleName(tr("Key image"));
    m_cellText =
        new QLabel(tr("Hover over the heatmap (or focus it and use the arrow keys)."), cellBox);
    m_cellText->setWordWrap(true);
    m_cellText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cellText->setAccessibleName(tr("Cell details"));
    auto *imagesRow = new QHBoxLayout;
    auto *queryColumn = new QVBoxLayout;
    queryColumn->addWidget(new QLabel(tr("query"), cellBox), 0, Qt::AlignHCenter);
    queryColumn->addWidget(m_queryImage);
    auto *keyColumn = new QVBoxLayout;
    keyColumn->addWidget(new QLabel(tr("key"), cellBox), 0, Qt::AlignHCenter);
    keyColumn->addWidget(m_keyImage);
    imagesRow->addLayout(queryColumn);
    imagesRow->addLayout(keyColumn);
    imagesRow->addStretch(1);
    auto *cellLayout = new QVBoxLayout(cellBox);
    cellLayout->addLayout(imagesRow);
    cellLayout->addWidget(m_cellText, 1);
    // A word-wrapped label's minimum does not grow with its lines (height for width): reserve the
    // four lines a cell's description takes, and keep the box at least that tall, so that a
    // short window scrolls instead of drawing the text over the thumbnails.
    m_cellText->setMinimumHeight(4 * m_cellText->fontMetrics().lineSpacing() + 4);
    cellBox->setMinimumHeight(cellBox->minimumSizeHint().height());

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_groupPlot, 3);
    sideLayout->addWidget(cellBox, 2);
    auto *maps = new QSplitter(Qt::Horizontal, this);
    maps->addWidget(m_plot);
    maps->addWidget(side);
    maps->setStretchFactor(0, 3);
    maps->setStretchFactor(1, 2);
    auto *sliderRow = new QHBoxLayout;
    auto *sliderLabel = new QLabel(tr("&Epoch:"), this);
    sliderLabel->setBuddy(m_slider);
    sliderRow->addWidget(sliderLabel);
    sliderRow->addWidget(m_slider, 1);
    sliderRow->addWidget(m_epochLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(maps, 4);
    layout->addLayout(sliderRow);
    layout->addWidget(m_legend);
    layout->addWidget(m_status);
    layout->addWidget(m_entropyPlot, 1);
    applyPalette();

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
        m_snapshot = sortedByGroupAndZ(result.value());
        drawSnapshot();
        Q_EMIT snapshotShown(m_epoch);
    });
    connect(&m_imagesWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_probeImages = m_imagesWatcher.result();
        if (m_cell.x() >= 0)
            selectCell(m_cell.y(), m_cell.x());
    });
    connect(&m_datasetWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_dataset = m_datasetWatcher.result();
        if (m_cell.x() >= 0)
            selectCell(m_cell.y(), m_cell.x());
    });
}

AttentionView::~AttentionView()
{
    m_snapshotWatcher.waitForFinished();
    m_imagesWatcher.waitForFinished();
    m_datasetWatcher.waitForFinished();
}

void AttentionView::setRun(const QString &storePath, const RunSummary &run)
{
    m_storePath = storePath;
    m_run = run;
    m_epoch = -1;
    m_cell = QPoint(-1, -1);
    m_dataset.reset();
    m_probeImages = {};
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, std::max(0, int(run.attentionEpochs.size()) - 1));
        m_slider->setEnabled(run.attentionEpochs.size() > 1);
    }
    drawEntropy();
    requestImages();
    if (run.attentionEpochs.isEmpty()) {
        m_status->setText(tr("This run has no attention snapshots."));
        return;
    }
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(m_slider->maximum());
    }
    showEpoch(run.attentionEpochs.last());
}

void AttentionView::requestImages()
{
    // Thumbnails: the run's stored probe images, else the dataset when it is reachable here.
    m_imagesWatcher.waitForFinished();
    m_datasetWatcher.waitForFinished();
    if (m_run.hasProbeImages) {
        const QString path = m_storePath, id = m_run.record.id;
        m_imagesWatcher.setFuture(QtConcurrent::run([path, id] {
            auto bytes = readRunArtifact(path, id, ArtifactKind::probeImages());
            if (!bytes)
                return ProbeImages();
            return ProbeImages::fromJson(QJsonDocument::fromJson(bytes.value()).object())
                .value_or(ProbeImages());
        }));
        return;
    }
    const QJsonObject spec = m_run.record.config.value(QStringLiteral("dataset")).toObject();
    if (!spec.isEmpty())
        m_datasetWatcher.setFuture(QtConcurrent::run([spec] { return openCachedDataset(spec); }));
}

void AttentionView::showEpoch(int epoch)
{
    m_epoch = epoch;
    m_epochLabel->setText(tr("epoch %1").arg(epoch));
    const int index = int(m_run.attentionEpochs.indexOf(epoch));
    if (index >= 0 && m_slider->value() != index) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    const QString path = m_storePath;
    const QString id = m_run.record.id;
    m_snapshotWatcher.waitForFinished();
    m_snapshotWatcher.setFuture(
        QtConcurrent::run([path, id, epoch]() -> Expected<AttentionSnapshot> {
            auto bytes = readRunArtifact(path, id, ArtifactKind::attention(), epoch);
            if (!bytes)
                return bytes.error();
            AttentionSnapshot s =
                AttentionSnapshot::fromJson(QJsonDocument::fromJson(bytes.value()).object());
            if (s.size <= 0 || s.matrix.size() != qsizetype(s.size) * s.size) {
                DataError error;
                error.file = path;
                // translate() is thread-safe; the message reaches the view's status text.
                error.detail =
                    AttentionView::tr("the attention snapshot of epoch %1 is empty or malformed")
                        .arg(epoch);
                return error;
            }
            return s;
        }));
}

void AttentionView::applyPalette()
{
    for (QCustomPlot *plot : {m_plot, m_groupPlot, m_entropyPlot})
        PlotStyle::applyPalette(plot, palette());
    // White reads on every viridis colour but the brightest; the guides mark row and column.
    m_cursor->setPen(QPen(Qt::white, 2));
    if (m_snapshot.size > 0)
        drawSnapshot();
    drawEntropy();
}

void AttentionView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

bool AttentionView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && m_snapshot.size > 0) {
        if (event->type() == QEvent::FocusIn && m_cell.x() < 0) {
            selectCell(0, 0);
        } else if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            QPoint cell = m_cell.x() < 0 ? QPoint(0, 0) : m_cell;
            switch (key->key()) {
            case Qt::Key_Left:
                cell.rx() -= 1;
                break;
            case Qt::Key_Right:
                cell.rx() += 1;
                break;
            case Qt::Key_Up:
                cell.ry() -= 1;
                break;
            case Qt::Key_Down:
                cell.ry() += 1;
                break;
            case Qt::Key_Home:
                cell = QPoint(0, 0);
                break;
            default:
                return QWidget::eventFilter(watched, event);
            }
            const int last = m_snapshot.size - 1;
            selectCell(std::clamp(cell.y(), 0, last), std::clamp(cell.x(), 0, last));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
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
        return tr("sample %1 · group %2 · z = (%3)")
            .arg(s.samples.value(i, -1))
            .arg(groupName(s, s.groups.value(i, -1)), z.join(QStringLiteral(", ")));
    };
    return tr("query: %1\nkey: %2\nattention p = %3")
        .arg(describe(row), describe(column))
        .arg(s.matrix.at(row * s.size + column), 0, 'g', 4);
}

QImage AttentionView::sampleImage(int index) const
{
    const qint64 sample = m_snapshot.samples.value(index, -1);
    if (sample < 0)
        return {};
    QImage img = m_probeImages.image(sample);
    if (img.isNull() && m_dataset)
        img = datasetImage(*m_dataset, sample);
    return img;
}

void AttentionView::selectCell(int row, int column)
{
    const QString text = cellDescription(row, column);
    if (text.isEmpty())
        return;
    m_cell = QPoint(column, row);
    m_cellText->setText(text);
    auto thumbnail = [this](int i) {
        const QImage img = sampleImage(i);
        return img.isNull()
                   ? QPixmap()
                   : QPixmap::fromImage(img.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio,
                                                   Qt::FastTransformation));
    };
    const QPixmap query = thumbnail(row), key = thumbnail(column);
    m_queryImage->setPixmap(query);
    m_keyImage->setPixmap(key);
    if (query.isNull())
        m_queryImage->setText(tr("no image"));
    if (key.isNull())
        m_keyImage->setText(tr("no image"));
    m_cursor->topLeft->setCoords(column - 0.5, row - 0.5);
    m_cursor->bottomRight->setCoords(column + 0.5, row + 0.5);
    m_cursor->setVisible(true);
    const double last = m_snapshot.size - 0.5;
    m_rowGuide->topLeft->setCoords(-0.5, row - 0.5);
    m_rowGuide->bottomRight->setCoords(last, row + 0.5);
    m_columnGuide->topLeft->setCoords(column - 0.5, -0.5);
    m_columnGuide->bottomRight->setCoords(column + 0.5, last);
    m_rowGuide->setVisible(true);
    m_columnGuide->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT cellChanged(row, column);
}

QPointF AttentionView::cellPixel(int row, int column) const
{
    return {m_map->keyAxis()->coordToPixel(column), m_map->valueAxis()->coordToPixel(row)};
}

QPixmap AttentionView::queryThumbnail() const
{
    return m_queryImage->pixmap();
}

QPixmap AttentionView::keyThumbnail() const
{
    return m_keyImage->pixmap();
}

void AttentionView::hoverAt(QMouseEvent *event)
{
    QCPAxisRect *main = m_map->keyAxis()->axisRect();
    if (m_snapshot.size <= 0 || !main->rect().contains(event->position().toPoint()))
        return;
    const int column = int(std::lround(m_map->keyAxis()->pixelToCoord(event->position().x())));
    const int row = int(std::lround(m_map->valueAxis()->pixelToCoord(event->position().y())));
    if (QPoint(column, row) != m_cell)
        selectCell(row, column);
}

} // namespace equiscope
