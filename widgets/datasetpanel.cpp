#include "datasetpanel.h"

#include "thumbnailmodel.h"

#include "data/coloredmnist.h"
#include "data/datasetreader.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

DatasetPanel::DatasetPanel(QWidget *parent) : QWidget(parent)
{
    m_format = new QComboBox;
    m_format->addItems(datasetFormats());
    m_format->setAccessibleName(tr("Dataset format"));
    m_path = new QLineEdit;
    m_path->setPlaceholderText(tr("Folder or file of the dataset"));
    m_path->setAccessibleName(tr("Dataset path"));
    auto *browseButton = new QPushButton(tr("&Browse…"));
    m_openButton = new QPushButton(tr("&Open"));
    auto *defaultButton = new QPushButton(tr("Colored &Fashion-MNIST"));
    defaultButton->setToolTip(tr("Open the embedded default: Fashion-MNIST from Debian's package, "
                                 "each image coloured with one of 10 palette colours (ColorMNIST protocol)."));
    connect(browseButton, &QPushButton::clicked, this, &DatasetPanel::browse);
    connect(m_openButton, &QPushButton::clicked, this, &DatasetPanel::openFromForm);
    connect(m_path, &QLineEdit::returnPressed, this, &DatasetPanel::openFromForm);
    connect(defaultButton, &QPushButton::clicked, this, &DatasetPanel::openDefaultDataset);

    auto *openRow = new QHBoxLayout;
    openRow->addWidget(new QLabel(tr("Format:")));
    openRow->addWidget(m_format);
    openRow->addWidget(m_path, 1);
    openRow->addWidget(browseButton);
    openRow->addWidget(m_openButton);
    openRow->addWidget(defaultButton);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_attributes = new QTreeWidget;
    m_attributes->setHeaderLabels({tr("Attribute"), tr("Type"), tr("Levels / range")});
    m_attributes->setAccessibleName(tr("Attributes"));
    m_attributes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_thumbnailModel = new ThumbnailModel(this);
    m_thumbnails = new QListView;
    m_thumbnails->setViewMode(QListView::IconMode);
    m_thumbnails->setUniformItemSizes(true);
    m_thumbnails->setResizeMode(QListView::Adjust);
    m_thumbnails->setIconSize(QSize(ThumbnailModel::kThumbnailSize, ThumbnailModel::kThumbnailSize));
    m_thumbnails->setGridSize(QSize(ThumbnailModel::kThumbnailSize + 40, ThumbnailModel::kThumbnailSize + 40));
    m_thumbnails->setModel(m_thumbnailModel);
    m_thumbnails->setAccessibleName(tr("Sample images"));

    auto *splitter = new QSplitter;
    splitter->addWidget(m_attributes);
    splitter->addWidget(m_thumbnails);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(openRow);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(&m_watcher, &QFutureWatcher<Expected<Dataset>>::finished, this, [this] {
        m_openButton->setEnabled(true);
        Expected<Dataset> result = m_watcher.result();
        if (!result) {
            const QString message = result.error().toString();
            m_status->setText(tr("Could not open the dataset: %1").arg(message));
            Q_EMIT openFailed(message);
            return;
        }
        m_dataset = std::make_unique<Dataset>(std::move(result.value()));
        showDataset(*m_dataset);
        Q_EMIT datasetOpened(m_dataset->name);
    });
}

DatasetPanel::~DatasetPanel()
{
    m_watcher.waitForFinished();
}

void DatasetPanel::openDataset(const DatasetSpec &spec)
{
    m_openButton->setEnabled(false);
    m_status->setText(tr("Opening %1…").arg(spec.path.isEmpty() ? spec.format : spec.path));
    m_watcher.setFuture(QtConcurrent::run([spec] { return equiscope::openDataset(spec); }));
}

void DatasetPanel::openDefaultDataset()
{
    DatasetSpec spec;
    spec.format = QStringLiteral("colored");
    spec.path = debianFashionMnistPath();
    openDataset(spec);
}

void DatasetPanel::browse()
{
    const QString fmt = m_format->currentText();
    const bool fileFormat = fmt == QLatin1String("folder-csv") || fmt == QLatin1String("features");
    const QString path = fileFormat ? QFileDialog::getOpenFileName(this, tr("Open dataset file"))
                                    : QFileDialog::getExistingDirectory(this, tr("Open dataset folder"));
    if (!path.isEmpty()) {
        m_path->setText(path);
        openFromForm();
    }
}

void DatasetPanel::openFromForm()
{
    DatasetSpec spec;
    spec.format = m_format->currentText();
    spec.path = m_path->text().trimmed();
    openDataset(spec);
}

void DatasetPanel::showDataset(const Dataset &ds)
{
    QStringList splits;
    const auto counts = ds.splitCounts();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        splits << tr("%1: %2").arg(splitName(it.key())).arg(it.value());
    QString status = tr("<b>%1</b> — %2 samples (%3)").arg(ds.name.toHtmlEscaped()).arg(ds.size).arg(splits.join(QStringLiteral(", ")));
    if (ds.skipped > 0)
        status += tr("; %1 files skipped as malformed").arg(ds.skipped);
    for (const QString &w : ds.warnings)
        status += QStringLiteral("<br>") + w.toHtmlEscaped();
    m_status->setText(status);

    m_attributes->clear();
    for (const Attribute &a : ds.attributes.columns()) {
        auto *item = new QTreeWidgetItem(m_attributes, {a.name(), attributeTypeName(a.type())});
        if (a.isDiscrete()) {
            const auto lc = a.levelCounts();
            item->setText(2, tr("%n level(s)", nullptr, int(a.levels().size())));
            for (int i = 0; i < a.levels().size(); ++i) {
                auto *level = new QTreeWidgetItem(item, {a.levels()[i], QString(), QString::number(lc[size_t(i)])});
                if (lc[size_t(i)] < 30)
                    level->setToolTip(2, tr("Fewer than 30 samples: too small to judge"));
            }
        } else {
            QStringList ranges;
            for (int k = 0; k < a.dim(); ++k) {
                const ContinuousStats s = a.stats(k);
                ranges << tr("%1 … %2 (mean %3)").arg(s.min).arg(s.max).arg(s.mean, 0, 'f', 2);
            }
            item->setText(2, ranges.join(QStringLiteral("; ")));
        }
    }
    QStringList overlay;
    if (!ds.defaultTarget.isEmpty())
        overlay << ds.defaultTarget;
    for (const QString &s : ds.defaultSensitive)
        if (ds.attributes.contains(s) && ds.attributes.column(s).isDiscrete())
            overlay << s;
    if (ds.attributes.contains(QStringLiteral("color")))
        overlay << QStringLiteral("color");
    overlay.removeDuplicates();
    m_thumbnailModel->setDataset(&ds, overlay);
}

} // namespace equiscope
