#include "views/embeddingview.h"

#include "store/artifactkinds.h"

#include "common/plotstyle.h"
#include "datasets/datasetcache.h"

#include "data/datasetpreview.h"
#include "data/datasetreader.h"
#include "eval/projection.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <map>

namespace equiscope {

namespace {

constexpr int kThumbnail = 96;
constexpr double kHoverPixels = 10;

} // namespace

EmbeddingView::EmbeddingView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Embedding"));
    m_method = new QComboBox(this);
    m_method->setAccessibleName(tr("Projection method"));
    m_method->addItem(tr("PCA"), int(Method::Pca));
    m_method->addItem(tr("t-SNE"), int(Method::Tsne));
    m_method->setToolTip(tr("PCA keeps global distances; t-SNE keeps neighbourhoods and shows "
                            "clusters (its distances between clusters mean little)."));
    m_colour = new QComboBox(this);
    m_colour->setAccessibleName(tr("Colour points by"));
    m_colour->addItem(tr("sensitive group"), int(ColourBy::Group));
    m_colour->addItem(tr("target class"), int(ColourBy::Target));
    m_perplexity = new QDoubleSpinBox(this);
    m_perplexity->setAccessibleName(tr("t-SNE perplexity"));
    m_perplexity->setRange(2, 100);
    m_perplexity->setValue(30);
    m_perplexity->setDecimals(0);
    m_perplexity->setToolTip(tr("Roughly the number of neighbours each point keeps close."));
    m_cancel = new QPushButton(tr("&Stop"), this);
    m_cancel->setAccessibleName(tr("Stop the t-SNE computation"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Projection progress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_plot = new QCustomPlot(this);
    m_plot->setAccessibleName(tr("Embedding scatter plot"));
    m_plot->setMinimumSize(380, 300);
    m_plot->setMouseTracking(true);
    m_plot->setFocusPolicy(Qt::StrongFocus);
    m_plot->setAccessibleDescription(
        tr("Hover a point, or focus the plot and use the arrow keys to step through the points."));
    m_plot->installEventFilter(this);
    PlotStyle::placeLegendBelow(m_plot, 5);
    m_image = new QLabel(this);
    m_image->setFixedSize(kThumbnail + 4, kThumbnail + 4);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setFrameShape(QFrame::StyledPanel);
    m_image->setAccessibleName(tr("Image of the hovered point"));
    m_details = new QLabel(tr("Hover over a point to see its image."), this);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setAccessibleName(tr("Hovered point"));
    m_details->setMinimumWidth(170);

    auto *controls = new QHBoxLayout;
    auto *form = new QFormLayout;
    form->addRow(tr("&Projection:"), m_method);
    auto *form2 = new QFormLayout;
    form2->addRow(tr("Colour b&y:"), m_colour);
    auto *form3 = new QFormLayout;
    form3->addRow(tr("P&erplexity:"), m_perplexity);
    controls->addLayout(form);
    controls->addLayout(form2);
    controls->addLayout(form3);
    controls->addWidget(m_progress);
    controls->addWidget(m_cancel);
    controls->addStretch(1);
    auto *side = new QVBoxLayout;
    side->addWidget(m_image);
    side->addWidget(m_details, 1);
    auto *body = new QHBoxLayout;
    body->addWidget(m_plot, 1);
    body->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addLayout(body, 1);
    PlotStyle::applyPalette(m_plot, palette());

    connect(m_method, &QComboBox::currentIndexChanged, this, [this] { project(); });
    connect(m_colour, &QComboBox::currentIndexChanged, this, [this] { draw(); });
    connect(m_perplexity, &QDoubleSpinBox::editingFinished, this, [this] {
        if (method() == Method::Tsne)
            project();
    });
    connect(m_cancel, &QPushButton::clicked, this, &EmbeddingView::cancelProjection);
    connect(m_plot, &QCustomPlot::mouseMove, this, &EmbeddingView::hoverAt);
    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_loadWatcher.result();
        if (!result) {
            m_status->setText(
                tr("Could not load the embeddings: %1").arg(result.error().toString()));
            Q_EMIT loadFailed(result.error().toString());
            return;
        }
        m_set = result.value();
        project();
    });
    connect(&m_projectWatcher, &QFutureWatcherBase::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_projectWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_progress->setVisible(false);
        m_cancel->setEnabled(false);
        if (m_projectWatcher.isCanceled() || m_projectWatcher.future().resultCount() == 0) {
            m_status->setText(tr("Projection stopped; the previous picture stays."));
            return;
        }
        const Projection p = m_projectWatcher.result();
        if (!p.points) {
            m_status->setText(tr("Projection failed: %1").arg(p.points.error().toString()));
            return;
        }
        m_points = p.points.value();
        m_shown = Method(m_method->currentData().toInt());
        m_xLabel = p.xLabel;
        m_yLabel = p.yLabel;
        m_status->setText(p.note);
        // The hovered point stays described, at its place in the new projection: the panel
        // must not keep the old method's coordinates.
        const int hovered = m_hovered;
        m_hovered = -1;
        draw();
        if (hovered >= 0)
            showDetails(hovered);
        Q_EMIT projected();
    });
    connect(&m_datasetWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_dataset = m_datasetWatcher.result();
        if (m_hovered >= 0)
            showDetails(m_hovered);
        Q_EMIT datasetLoaded();
    });
}

EmbeddingView::~EmbeddingView()
{
    m_projectWatcher.cancel();
    m_projectWatcher.waitForFinished();
    m_loadWatcher.waitForFinished();
    m_datasetWatcher.waitForFinished();
}

void EmbeddingView::setRun(const QString &storePath, const RunSummary &run)
{
    cancelProjection();
    m_projectWatcher.waitForFinished();
    m_storePath = storePath;
    m_run = run;
    m_set = {};
    m_points.clear();
    m_hovered = -1;
    m_dataset.reset();
    m_plot->clearGraphs();
    m_plot->replot();
    if (!run.hasEmbeddings) {
        m_status->setText(tr("This run stored no embeddings (runs store them when they finish)."));
        return;
    }
    m_status->setText(tr("Loading the embeddings…"));
    const QString path = storePath, id = run.record.id;
    m_loadWatcher.waitForFinished();
    m_loadWatcher.setFuture(QtConcurrent::run([path, id]() -> Expected<EmbeddingSet> {
        auto bytes = readRunArtifact(path, id, ArtifactKind::embeddings());
        if (!bytes)
            return bytes.error();
        return EmbeddingSet::fromBytes(bytes.value(), path);
    }));
    const QJsonObject spec = run.record.config.value(QStringLiteral("dataset")).toObject();
    m_datasetWatcher.waitForFinished();
    if (!spec.isEmpty())
        m_datasetWatcher.setFuture(QtConcurrent::run([spec] { return openCachedDataset(spec); }));
}

EmbeddingView::Method EmbeddingView::method() const
{
    return Method(m_method->currentData().toInt());
}

void EmbeddingView::setMethod(Method method)
{
    m_method->setCurrentIndex(m_method->findData(int(method)));
}

void EmbeddingView::setColourBy(ColourBy by)
{
    m_colour->setCurrentIndex(m_colour->findData(int(by)));
}

bool EmbeddingView::isProjecting() const
{
    return m_projectWatcher.isRunning();
}

void EmbeddingView::cancelProjection()
{
    if (m_projectWatcher.isRunning())
        m_projectWatcher.cancel();
}

void EmbeddingView::project()
{
    if (m_set.isEmpty())
        return;
    cancelProjection();
    m_projectWatcher.waitForFinished();
    const EmbeddingSet set = m_set;
    const Method method = this->method();
    TsneOptions options;
    options.perplexity = m_perplexity->value();
    options.seed = quint64(m_run.record.seed) + 1;
    m_progress->setValue(0);
    m_progress->setVisible(method == Method::Tsne);
    m_cancel->setEnabled(method == Method::Tsne);
    m_status->setText(method == Method::Tsne
                          ? tr("Computing t-SNE of %n point(s)…", nullptr, set.count())
                          : tr("Computing PCA…"));
    m_projectWatcher.setFuture(
        QtConcurrent::run([set, method, options](QPromise<Projection> &promise) {
            Projection p;
            promise.setProgressRange(0, 100);
            if (method == Method::Pca) {
                auto pca = principalComponents(set.values, set.count(), set.dim, 2);
                if (pca) {
                    p.points = pca->points;
                    const double a = 100.0 * pca->explainedVarianceRatio.value(0);
                    const double b = 100.0 * pca->explainedVarianceRatio.value(1);
                    p.xLabel = EmbeddingView::tr("PC 1 (%1 % of the variance)").arg(a, 0, 'f', 1);
                    p.yLabel = EmbeddingView::tr("PC 2 (%1 % of the variance)").arg(b, 0, 'f', 1);
                    p.note = EmbeddingView::tr("PCA of %n test sample(s) in %1 dimensions; the "
                                               "two components explain %2 % of the variance.",
                                               nullptr, set.count())
                                 .arg(set.dim)
                                 .arg(a + b, 0, 'f', 1);
                } else {
                    p.points = pca.error();
                }
            } else {
                QElapsedTimer clock;
                clock.start();
                auto y = tsne(set.values, set.count(), set.dim, options,
                              [&promise](int done, int total) {
                                  promise.setProgressValue(total > 0 ? 100 * done / total : 0);
                                  return !promise.isCanceled();
                              });
                if (!y && promise.isCanceled())
                    return;
                p.points = y;
                p.xLabel = EmbeddingView::tr("t-SNE 1");
                p.yLabel = EmbeddingView::tr("t-SNE 2");
                p.note = EmbeddingView::tr("t-SNE of %n test sample(s) in %1 dimensions "
                                           "(perplexity %2, seed %3; %4 s).",
                                           nullptr, set.count())
                             .arg(set.dim)
                             .arg(options.perplexity)
                             .arg(options.seed)
                             .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1);
            }
            promise.addResult(p);
        }));
}

void EmbeddingView::draw()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    if (m_legendNote) {
        m_plot->legend->remove(m_legendNote);
        m_legendNote = nullptr;
    }
    const int n = m_set.count();
    if (m_points.size() != qsizetype(2) * n) {
        m_plot->replot();
        return;
    }
    const bool byGroup = ColourBy(m_colour->currentData().toInt()) == ColourBy::Group;
    const QVector<int> &codes = byGroup ? m_set.groups : m_set.targets;
    const QStringList &labels = byGroup ? m_set.groupLabels : m_set.targetLabels;
    std::map<int, QVector<int>> rowsOf;
    for (int i = 0; i < n; ++i)
        rowsOf[codes.value(i, -1)].push_back(i);
    int slot = 0;
    for (const auto &[code, rows] : rowsOf) {
        auto *graph = m_plot->addGraph();
        const QString label = code >= 0 ? labels.value(code, QString::number(code))
                                        : (byGroup ? tr("no group") : tr("no label"));
        graph->setName(tr("%1 (%2)").arg(label).arg(rows.size()));
        graph->setLineStyle(QCPGraph::lsNone);
        const int style = code >= 0 ? code : 7 - (slot % 8);
        const QColor colour = PlotStyle::categoryColour(style, palette());
        QColor fill = colour;
        fill.setAlpha(110);
        graph->setScatterStyle(QCPScatterStyle(categoryMarker(style), QPen(colour, 1.2), fill, 7));
        graph->setProperty("code", code);
        for (int i : rows)
            graph->addData(m_points[2 * i], m_points[2 * i + 1]);
        ++slot;
    }
    if (rowsOf.size() > 8) {
        // More categories than colours: the legend says how they are told apart.
        m_legendNote = new QCPTextElement(
            m_plot, tr("%1 categories: colour × marker, each pair used once").arg(rowsOf.size()));
        m_legendNote->setTextColor(palette().color(QPalette::Text));
        m_plot->legend->addElement(m_legendNote);
    }
    m_plot->xAxis->setLabel(m_xLabel);
    m_plot->yAxis->setLabel(m_yLabel);
    m_plot->rescaleAxes();
    m_plot->xAxis->scaleRange(1.08);
    m_plot->yAxis->scaleRange(1.08);
    m_plot->replot(); // lays out the axis rect, whose size the aspect ratio needs
    if (m_shown == Method::Pca) {
        // Distances mean something: the same scale on both axes, widening (never cutting) one.
        const QRect r = m_plot->axisRect()->rect();
        if (r.width() > 0 && r.height() > 0) {
            const double perPixelX = m_plot->xAxis->range().size() / r.width();
            const double perPixelY = m_plot->yAxis->range().size() / r.height();
            if (perPixelX > perPixelY)
                m_plot->yAxis->setRange(m_plot->yAxis->range().center(), perPixelX * r.height(),
                                        Qt::AlignCenter);
            else
                m_plot->xAxis->setRange(m_plot->xAxis->range().center(), perPixelY * r.width(),
                                        Qt::AlignCenter);
        }
        m_plot->replot();
    }
}

QPointF EmbeddingView::pointPixel(int row) const
{
    if (row < 0 || 2 * row + 1 >= m_points.size())
        return {};
    return {m_plot->xAxis->coordToPixel(m_points[2 * row]),
            m_plot->yAxis->coordToPixel(m_points[2 * row + 1])};
}

void EmbeddingView::hoverAt(QMouseEvent *event)
{
    int best = -1;
    double bestDistance = kHoverPixels * kHoverPixels;
    for (int i = 0; i < m_set.count(); ++i) {
        const QPointF d = pointPixel(i) - event->position();
        const double dist = d.x() * d.x() + d.y() * d.y();
        if (dist < bestDistance) {
            bestDistance = dist;
            best = i;
        }
    }
    if (best >= 0 && best != m_hovered)
        showDetails(best);
}

QString EmbeddingView::detailsText() const
{
    return m_details->text();
}

void EmbeddingView::showDetails(int row)
{
    if (row < 0 || row >= m_set.count())
        return;
    m_hovered = row;
    const qint64 sample = m_set.samples.value(row);
    const int t = m_set.targets.value(row, -1), g = m_set.groups.value(row, -1);
    m_details->setText(
        tr("sample %1\n%2: %3\ngroup: %4\n%5 at (%6, %7)")
            .arg(sample)
            .arg(m_set.targetName.isEmpty() ? tr("target") : m_set.targetName,
                 t >= 0 ? m_set.targetLabels.value(t, QString::number(t)) : tr("none"),
                 g >= 0 ? m_set.groupLabels.value(g) : tr("none"),
                 m_shown == Method::Tsne ? tr("t-SNE") : tr("PCA"))
            .arg(m_points.value(2 * row), 0, 'g', 4)
            .arg(m_points.value(2 * row + 1), 0, 'g', 4));
    QImage img;
    if (m_dataset)
        img = datasetImage(*m_dataset, sample);
    if (img.isNull()) {
        m_image->setPixmap(QPixmap());
        m_image->setText(tr("no image"));
    } else {
        m_image->setPixmap(QPixmap::fromImage(
            img.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio, Qt::FastTransformation)));
    }
    // Ring around the hovered point.
    m_plot->clearItems();
    auto *ring = new QCPItemEllipse(m_plot);
    const QPointF c = pointPixel(row);
    ring->topLeft->setType(QCPItemPosition::ptAbsolute);
    ring->bottomRight->setType(QCPItemPosition::ptAbsolute);
    ring->topLeft->setCoords(c.x() - 8, c.y() - 8);
    ring->bottomRight->setCoords(c.x() + 8, c.y() + 8);
    ring->setPen(QPen(PlotStyle::foreground(palette()), 2));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool EmbeddingView::eventFilter(QObject *watched, QEvent *event)
{
    // Keyboard: Left/Right (Up/Down) step through the points in stored order.
    if (watched == m_plot && event->type() == QEvent::KeyPress && m_set.count() > 0 &&
        m_points.size() == qsizetype(2) * m_set.count()) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        int step = 0;
        if (key == Qt::Key_Right || key == Qt::Key_Down)
            step = 1;
        else if (key == Qt::Key_Left || key == Qt::Key_Up)
            step = -1;
        if (step != 0) {
            const int n = m_set.count();
            showDetails(m_hovered < 0 ? 0 : (m_hovered + step + n) % n);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void EmbeddingView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        PlotStyle::applyPalette(m_plot, palette());
        draw();
    }
    QWidget::changeEvent(event);
}

} // namespace equiscope
