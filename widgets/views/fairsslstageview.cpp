#include "views/fairsslstageview.h"

#include "common/plotstyle.h"
#include "common/tableitems.h"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

namespace {

QImage imageOf(const QJsonValue &base64)
{
    QImage image;
    image.loadFromData(QByteArray::fromBase64(base64.toString().toLatin1()), "PNG");
    return image;
}

/// One thumbnail: the dropped image, and the image it duplicates beside it when there is one.
QIcon thumbnailIcon(const QJsonObject &item, int cell)
{
    const QImage a = imageOf(item.value(QStringLiteral("image")));
    const QImage b = imageOf(item.value(QStringLiteral("partnerImage")));
    const int width = b.isNull() ? cell : 2 * cell + 4;
    QPixmap pix(width, cell);
    pix.fill(Qt::transparent);
    QPainter painter(&pix);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRect(0, 0, cell, cell), a);
    if (!b.isNull()) {
        painter.drawImage(QRect(cell + 4, 0, cell, cell), b);
        painter.setPen(QPen(QColor(213, 94, 0), 2));
        painter.drawRect(QRect(1, 1, cell - 2, cell - 2)); // the dropped one
    }
    return QIcon(pix);
}

QString detailText(const QJsonObject &details)
{
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isDouble()) {
            const double x = v.toDouble();
            parts << QStringLiteral("%1 %2").arg(it.key(), x == double(qint64(x))
                                                               ? QString::number(qint64(x))
                                                               : QString::number(x, 'g', 4));
        } else if (v.isString() && !v.toString().isEmpty()) {
            parts << QStringLiteral("%1 %2").arg(it.key(), v.toString());
        } else if (v.isBool()) {
            parts << QStringLiteral("%1 %2").arg(it.key(), v.toBool() ? QStringLiteral("on")
                                                                      : QStringLiteral("off"));
        }
    }
    return parts.join(QStringLiteral(" · "));
}

void fillThumbnails(QListWidget *list, QLabel *label, const QJsonArray &items, qint64 droppedTotal,
                    const QString &title)
{
    list->clear();
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const bool pair = item.contains(QStringLiteral("partnerImage"));
        auto *entry = new QListWidgetItem(
            thumbnailIcon(item, 56),
            pair ? QStringLiteral("cos %1").arg(item.value(QStringLiteral("score")).toDouble(), 0,
                                                'f', 3)
                 : QStringLiteral("%1").arg(item.value(QStringLiteral("score")).toDouble(), 0, 'f',
                                            1));
        entry->setToolTip(
            pair ? FairSslStageView::tr("sample %1 dropped: %2 of sample %3 (cosine %4)")
                       .arg(qint64(item.value(QStringLiteral("sample")).toDouble()))
                       .arg(item.value(QStringLiteral("reason")).toString() ==
                                    QLatin1String("duplicate")
                                ? FairSslStageView::tr("near-duplicate")
                                : item.value(QStringLiteral("reason")).toString())
                       .arg(qint64(item.value(QStringLiteral("partner")).toDouble()))
                       .arg(item.value(QStringLiteral("score")).toDouble(), 0, 'f', 4)
                 : FairSslStageView::tr("sample %1 dropped: %2 (sharpness %3)")
                       .arg(qint64(item.value(QStringLiteral("sample")).toDouble()))
                       .arg(item.value(QStringLiteral("reason")).toString())
                       .arg(item.value(QStringLiteral("score")).toDouble(), 0, 'f', 2));
        list->addItem(entry);
    }
    label->setText(items.isEmpty() ? FairSslStageView::tr("%1: none dropped").arg(title)
                                   : FairSslStageView::tr("%1 (showing %2 of %3)")
                                         .arg(title)
                                         .arg(items.size())
                                         .arg(droppedTotal));
}

QListWidget *thumbnailList(const QString &name)
{
    auto *list = new QListWidget;
    list->setAccessibleName(name);
    list->setViewMode(QListView::IconMode);
    list->setResizeMode(QListView::Adjust);
    list->setMovement(QListView::Static);
    list->setIconSize(QSize(116, 56));
    list->setSpacing(4);
    list->setWordWrap(true);
    return list;
}

} // namespace

FairSslStageView::FairSslStageView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Pipeline stages"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_table = new QTableWidget(this);
    m_table->setAccessibleName(tr("What each stage kept"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Stage"), tr("In"), tr("Kept"), tr("Dropped"), tr("Time"), tr("Details")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_funnel = new QCustomPlot(this);
    m_funnel->setAccessibleName(tr("Kept and dropped images per stage"));
    m_funnel->setMinimumSize(240, 150);
    m_funnel->yAxis->setLabel(tr("images"));
    m_funnel->legend->setVisible(true);
    m_funnel->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_duplicates = thumbnailList(tr("Dropped near-duplicates"));
    m_lowQuality = thumbnailList(tr("Dropped low-quality images"));
    m_duplicatesLabel = new QLabel(this);
    m_lowQualityLabel = new QLabel(this);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_table);
    top->addWidget(m_funnel);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto *thumbs = new QWidget(this);
    auto *thumbsLayout = new QHBoxLayout(thumbs);
    thumbsLayout->setContentsMargins(0, 0, 0, 0);
    for (auto [label, list] :
         {std::pair{m_duplicatesLabel, m_duplicates}, std::pair{m_lowQualityLabel, m_lowQuality}}) {
        auto *column = new QVBoxLayout;
        column->addWidget(label);
        column->addWidget(list, 1);
        thumbsLayout->addLayout(column, 1);
    }
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(thumbs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_watcher.result();
        if (!result) {
            m_status->setText(tr("Could not read the stages: %1").arg(result.error().toString()));
            showData({});
        } else {
            showData(result.value());
        }
        Q_EMIT loaded();
    });
}

FairSslStageView::~FairSslStageView()
{
    m_watcher.waitForFinished();
}

void FairSslStageView::setRun(const QString &storePath, const RunSummary &run)
{
    m_status->setText(tr("Loading the stages of %1…").arg(run.record.name.toHtmlEscaped()));
    const QString id = run.record.id;
    m_watcher.waitForFinished();
    m_watcher.setFuture(
        QtConcurrent::run([storePath, id] { return loadFairSslRunData(storePath, id); }));
}

void FairSslStageView::showData(const FairSslRunData &data)
{
    m_table->setRowCount(int(data.stages.size()));
    qint64 duplicatesDropped = 0, qualityDropped = 0;
    QVector<double> keys, kept, dropped;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int row = 0; row < data.stages.size(); ++row) {
        const QJsonObject s = data.stages[row];
        const QString stage = s.value(QStringLiteral("stage")).toString();
        const qint64 in = qint64(s.value(QStringLiteral("input")).toDouble());
        const qint64 k = qint64(s.value(QStringLiteral("kept")).toDouble());
        const qint64 d = qint64(s.value(QStringLiteral("dropped")).toDouble());
        m_table->setItem(row, 0, readOnlyItem(stage));
        m_table->setItem(row, 1, readOnlyItem(QString::number(in), Qt::AlignRight));
        m_table->setItem(row, 2, readOnlyItem(QString::number(k), Qt::AlignRight));
        m_table->setItem(row, 3, readOnlyItem(QString::number(d), Qt::AlignRight));
        m_table->setItem(
            row, 4,
            readOnlyItem(tr("%1 s").arg(s.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1),
                         Qt::AlignRight));
        const QString details = detailText(s.value(QStringLiteral("details")).toObject());
        auto *detailItem = readOnlyItem(details);
        detailItem->setToolTip(details);
        m_table->setItem(row, 5, detailItem);
        if (stage == QLatin1String("dedup"))
            duplicatesDropped = d;
        if (stage == QLatin1String("quality"))
            qualityDropped = d;
        // The funnel: the image-count stages (the classifier's counts are of another split).
        if (stage != QLatin1String("classifier") && stage != QLatin1String("train")) {
            ticker->addTick(keys.size(), stage);
            keys << keys.size();
            kept << double(k);
            dropped << double(d);
        }
    }
    m_funnel->clearPlottables();
    auto *keptBars = new QCPBars(m_funnel->xAxis, m_funnel->yAxis);
    keptBars->setName(tr("kept"));
    keptBars->setBrush(okabeIto(0));
    keptBars->setPen(QPen(okabeIto(0).darker(130)));
    keptBars->setWidth(0.6);
    keptBars->setData(keys, kept);
    auto *droppedBars = new QCPBars(m_funnel->xAxis, m_funnel->yAxis);
    droppedBars->setName(tr("dropped"));
    droppedBars->setBrush(okabeIto(5));
    droppedBars->setPen(QPen(okabeIto(5).darker(130)));
    droppedBars->setWidth(0.6);
    droppedBars->setData(keys, dropped);
    droppedBars->moveAbove(keptBars);
    m_funnel->xAxis->setTicker(ticker);
    m_funnel->xAxis->setRange(-0.7, std::max<qsizetype>(1, keys.size()) - 0.3);
    double top = 1;
    for (int i = 0; i < keys.size(); ++i)
        top = std::max(top, kept[i] + dropped[i]);
    m_funnel->yAxis->setRange(0, top * 1.25);
    m_funnel->replot();

    fillThumbnails(m_duplicates, m_duplicatesLabel, data.thumbnails.value(QStringLiteral("dedup")),
                   duplicatesDropped,
                   tr("Dropped near-duplicates and copies of test images (dropped left, kept "
                      "right)"));
    fillThumbnails(m_lowQuality, m_lowQualityLabel,
                   data.thumbnails.value(QStringLiteral("quality")), qualityDropped,
                   tr("Dropped low-sharpness images (variance of the Laplacian)"));
    if (data.stages.isEmpty())
        m_status->setText(tr("This run has recorded no stage yet."));
    else
        m_status->setText(tr("%n stage(s) finished.", nullptr, int(data.stages.size())));
}

} // namespace equiscope
