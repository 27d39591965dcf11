#include "views/saliencyview.h"

#include "store/artifactkinds.h"

#include "common/plotstyle.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace equiscope {

namespace {

constexpr int kTile = 96;

QListWidget *makeTileList(QWidget *parent, const QString &name)
{
    auto *list = new QListWidget(parent);
    list->setAccessibleName(name);
    list->setViewMode(QListView::IconMode);
    list->setIconSize(QSize(kTile, kTile));
    list->setGridSize(QSize(kTile + 24, kTile + 44));
    list->setResizeMode(QListView::Adjust);
    list->setMovement(QListView::Static);
    list->setWordWrap(true);
    list->setUniformItemSizes(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    return list;
}

// A horizontal viridis bar with its end labels, the key to the overlay colours.
QPixmap scaleBar(const QPalette &palette, qreal dpr)
{
    const int w = 160, h = 12;
    QPixmap pixmap(QSize(w + 90, h + 2) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    QCPColorGradient gradient = viridisGradient();
    for (int x = 0; x < w; ++x)
        p.fillRect(QRect(40 + x, 1, 1, h), QColor(gradient.color(x, QCPRange(0, w - 1))));
    p.setPen(palette.color(QPalette::WindowText));
    p.drawText(QRect(0, 0, 38, h + 2), Qt::AlignRight | Qt::AlignVCenter, SaliencyView::tr("low"));
    p.drawText(QRect(44 + w, 0, 46, h + 2), Qt::AlignLeft | Qt::AlignVCenter,
               SaliencyView::tr("high"));
    return pixmap;
}

QString explainedText(const QString &key)
{
    if (key == QLatin1String("prototype-similarity"))
        return SaliencyView::tr("the cosine similarity of each image's representation to its class "
                                "prototype (the mean representation of the other probe images of "
                                "its class): where the model looks to make the image resemble its "
                                "class");
    return key;
}

QString layerText(const QString &key, int width, int height)
{
    QString layer = key;
    if (key == QLatin1String("lenet.conv2"))
        layer = SaliencyView::tr("LeNet's last convolution with a spatial map (conv2)");
    else if (key == QLatin1String("resnet18.layer4"))
        layer = SaliencyView::tr("ResNet-18's last convolution (layer 4)");
    return SaliencyView::tr("%1, %2×%3").arg(layer).arg(width).arg(height);
}

} // namespace

SaliencyView::SaliencyView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Saliency"));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setAccessibleName(tr("Saliency epoch"));
    m_slider->setPageStep(1);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_epochLabel = new QLabel(this);
    m_epochLabel->setMinimumWidth(60);
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setAccessibleName(tr("Overlay opacity"));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(75);
    m_opacity->setPageStep(10);
    m_opacity->setMaximumWidth(160);
    m_opacity->setToolTip(tr("0: the image only; 100: the heat map only"));
    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setAccessibleName(tr("What the saliency explains"));
    m_scale = new QLabel(this);
    m_scale->setAccessibleName(tr("Colour scale: low to high saliency"));
    m_groups = makeTileList(this, tr("Saliency averaged per group"));
    m_images = makeTileList(this, tr("Saliency per probe image"));
    m_groups->setFlow(QListView::LeftToRight);
    m_groups->setWrapping(true);
    // One row of group tiles with their two caption lines, never clipped.
    m_groups->setFixedHeight(m_groups->gridSize().height() + 2 * m_groups->frameWidth() + 8);

    auto *controls = new QHBoxLayout;
    auto *epochLabel = new QLabel(tr("&Epoch:"), this);
    epochLabel->setBuddy(m_slider);
    auto *opacityLabel = new QLabel(tr("&Overlay:"), this);
    opacityLabel->setBuddy(m_opacity);
    controls->addWidget(epochLabel);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_epochLabel);
    controls->addSpacing(16);
    controls->addWidget(opacityLabel);
    controls->addWidget(m_opacity);
    controls->addWidget(m_scale);

    auto *groupBox = new QWidget(this);
    auto *groupLayout = new QVBoxLayout(groupBox);
    groupLayout->setContentsMargins(0, 0, 0, 0);
    auto *groupTitle = new QLabel(tr("<b>Averaged per group</b> (the group's mean image under its "
                                     "mean heat map, scaled to its peak)"),
                                  groupBox);
    groupTitle->setBuddy(m_groups);
    groupLayout->addWidget(groupTitle);
    groupLayout->addWidget(m_groups);
    auto *imageBox = new QWidget(this);
    auto *imageLayout = new QVBoxLayout(imageBox);
    imageLayout->setContentsMargins(0, 0, 0, 0);
    auto *imageTitle =
        new QLabel(tr("<b>Every probe image</b> (sorted by group, then z)"), imageBox);
    imageTitle->setBuddy(m_images);
    imageLayout->addWidget(imageTitle);
    imageLayout->addWidget(m_images);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(groupBox);
    splitter->addWidget(imageBox);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_explanation);
    layout->addWidget(splitter, 1);
    m_scale->setPixmap(scaleBar(palette(), devicePixelRatioF()));

    connect(m_slider, &QSlider::valueChanged, this, [this](int index) {
        if (index >= 0 && index < m_run.saliencyEpochs.size())
            showEpoch(m_run.saliencyEpochs.at(index));
    });
    connect(m_opacity, &QSlider::valueChanged, this, [this] {
        if (!m_snapshot.isEmpty())
            render(false);
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        showRendered(m_watcher.result());
        if (m_pending) { // a newer request arrived while this one rendered
            m_pending = false;
            render(true);
        }
    });
}

SaliencyView::~SaliencyView()
{
    m_watcher.waitForFinished();
}

void SaliencyView::setRun(const QString &storePath, const RunSummary &run)
{
    m_storePath = storePath;
    m_run = run;
    m_epoch = -1;
    m_snapshot = {};
    m_probeImages = {};
    m_groups->clear();
    m_images->clear();
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, std::max(0, int(run.saliencyEpochs.size()) - 1));
        m_slider->setValue(m_slider->maximum());
        m_slider->setEnabled(run.saliencyEpochs.size() > 1);
    }
    if (run.saliencyEpochs.isEmpty()) {
        m_explanation->setText(tr("This run stored no saliency maps (feature encoders have no "
                                  "convolution to explain)."));
        return;
    }
    showEpoch(run.saliencyEpochs.last());
}

void SaliencyView::showEpoch(int epoch)
{
    m_epoch = epoch;
    m_epochLabel->setText(tr("epoch %1").arg(epoch));
    const int index = int(m_run.saliencyEpochs.indexOf(epoch));
    if (index >= 0 && m_slider->value() != index) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    render(true);
}

void SaliencyView::setOpacity(int percent)
{
    m_opacity->setValue(percent);
}

void SaliencyView::render(bool reload)
{
    if (m_watcher.isRunning()) {
        m_pending = true; // coalesce: slider drags ask faster than overlays render
        return;
    }
    const QString path = m_storePath, id = m_run.record.id;
    const int epoch = m_epoch;
    const double opacity = m_opacity->value() / 100.0;
    const bool loadImages = m_probeImages.samples.isEmpty() && m_run.hasProbeImages;
    const ProbeImages cachedImages = m_probeImages;
    const SaliencySnapshot cached = m_snapshot;
    const bool fetch = reload || cached.isEmpty() || cached.epoch != epoch;
    m_watcher.setFuture(QtConcurrent::run([=]() {
        Rendered r;
        r.probe = cachedImages;
        if (loadImages) {
            auto bytes = readRunArtifact(path, id, ArtifactKind::probeImages());
            if (bytes)
                r.probe =
                    ProbeImages::fromJson(QJsonDocument::fromJson(bytes.value()).object(), path)
                        .value_or(ProbeImages());
        }
        if (fetch) {
            auto bytes = readRunArtifact(path, id, ArtifactKind::gradcam(), epoch);
            if (!bytes) {
                r.snapshot = bytes.error();
                return r;
            }
            r.snapshot =
                SaliencySnapshot::fromJson(QJsonDocument::fromJson(bytes.value()).object(), path);
            if (!r.snapshot)
                return r;
        } else {
            r.snapshot = cached;
        }
        SaliencySnapshot &s = r.snapshot.value();
        s.attachImages(r.probe);
        for (int i = 0; i < s.size(); ++i)
            r.overlays << saliencyOverlay(s.images.value(i), s.heatOf(i), s.mapWidth, s.mapHeight,
                                          kTile, opacity);
        for (int g = 0; g < s.groupLabels.size(); ++g) {
            if (s.groupCount(g) == 0) {
                r.groupOverlays << QImage();
                continue;
            }
            // A mean of maps peaks below 1; scaled to its own peak, its shape stays readable
            // (the per-image maps are scaled the same way).
            QVector<float> heat = s.groupHeat(g);
            const float peak = *std::max_element(heat.begin(), heat.end());
            if (peak > 0)
                for (float &v : heat)
                    v /= peak;
            r.groupOverlays << saliencyOverlay(s.groupImage(g), heat, s.mapWidth, s.mapHeight,
                                               kTile, opacity);
        }
        return r;
    }));
}

void SaliencyView::showRendered(const Rendered &r)
{
    if (!r.snapshot) {
        m_explanation->setText(
            tr("Could not load the saliency maps: %1").arg(r.snapshot.error().toString()));
        Q_EMIT loadFailed(r.snapshot.error().toString());
        return;
    }
    m_probeImages = r.probe;
    m_snapshot = r.snapshot.value();
    const SaliencySnapshot &s = m_snapshot;
    // Keep the user's place in the grids when only the opacity changed.
    const int selectedImage = m_images->currentRow(), selectedGroup = m_groups->currentRow();
    const bool sameLayout = m_images->count() == r.overlays.size();
    m_groups->clear();
    m_images->clear();
    for (int g = 0; g < r.groupOverlays.size(); ++g) {
        if (r.groupOverlays[g].isNull())
            continue;
        auto *item = new QListWidgetItem(
            QIcon(QPixmap::fromImage(r.groupOverlays[g])),
            tr("%1\n%n image(s)", nullptr, s.groupCount(g)).arg(s.groupLabels.value(g)), m_groups);
        item->setForeground(palette().color(QPalette::Text));
        item->setData(Qt::UserRole, g);
        item->setToolTip(
            tr("Group %1: mean Grad-CAM over its %n probe image(s)", nullptr, s.groupCount(g))
                .arg(s.groupLabels.value(g)));
    }
    for (int i = 0; i < r.overlays.size(); ++i) {
        const int g = s.groups.value(i, -1), t = s.targets.value(i, -1);
        const QString group = g >= 0 ? s.groupLabels.value(g) : tr("no group");
        const QString target = t >= 0 ? s.targetLabels.value(t, QString::number(t)) : QString();
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(r.overlays[i])),
                                         QStringLiteral("%1\n%2").arg(group, target), m_images);
        item->setData(Qt::UserRole, qlonglong(s.samples.value(i)));
        item->setToolTip(tr("sample %1 · group %2 · class %3 · explained score %4")
                             .arg(s.samples.value(i))
                             .arg(group, target)
                             .arg(s.score.value(i), 0, 'f', 3));
    }
    if (sameLayout && selectedImage >= 0)
        m_images->setCurrentRow(selectedImage);
    if (selectedGroup >= 0 && selectedGroup < m_groups->count())
        m_groups->setCurrentRow(selectedGroup);
    m_explanation->setText(
        tr("Grad-CAM on %1 at epoch %2. Explained score: %3. Coloured regions raise the score, "
           "yellow the most; compare the groups to see whether the model looks at the same places "
           "for each of them.")
            .arg(layerText(s.layer, s.mapWidth, s.mapHeight).toHtmlEscaped())
            .arg(s.epoch)
            .arg(explainedText(s.explained).toHtmlEscaped()));
    m_scale->setPixmap(scaleBar(palette(), devicePixelRatioF()));
    Q_EMIT snapshotShown(s.epoch);
}

} // namespace equiscope
