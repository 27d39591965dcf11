#include "datasets/datasetpanel.h"

#include "datasets/associationscandialog.h"
#include "datasets/attributehistogramplot.h"
#include "datasets/coloredmnistdialog.h"
#include "datasets/columntypespage.h"
#include "datasets/datasetopenpage.h"
#include "datasets/datasetsettings.h"
#include "datasets/datasetwizard.h"
#include "datasets/thumbnailbrowser.h"

#include "data/coloredmnist.h"
#include "data/datasetreader.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

namespace {
enum TreeColumn
{
    NameColumn,
    TypeColumn,
    CountColumn,
    NoteColumn,
};
constexpr int kAttributeRole = Qt::UserRole + 1;
constexpr int kLevelRole = Qt::UserRole + 2;
} // namespace

DatasetPanel::DatasetPanel(QWidget *parent) : QWidget(parent)
{
    m_openButton = new QPushButton(tr("&Open / Import…"));
    m_openButton->setToolTip(tr("Open any supported dataset with the import wizard (Ctrl+O)."));
    m_defaultButton = new QPushButton(tr("Colored Fashion-&MNIST"));
    m_defaultButton->setToolTip(
        tr("Open the embedded default: Fashion-MNIST from Debian's package, each image coloured "
           "with one of 10 palette colours (ColorMNIST protocol)."));
    m_colorizeButton = new QPushButton(tr("Cr&eate Colored MNIST…"));
    m_colorizeButton->setToolTip(
        tr("Write a coloured copy of MNIST or Fashion-MNIST with a chosen class–colour "
           "correlation ρ, then open it."));
    m_scanButton = new QPushButton(tr("Scan &Associations…"));
    m_scanButton->setToolTip(
        tr("Test every pair of attributes for association and list the shortcut risks: "
           "attributes that predict the target."));
    m_scanButton->setEnabled(false);
    connect(m_scanButton, &QPushButton::clicked, this, [this] { openAssociationScan(); });
    m_recentMenu = new QMenu(tr("Recent &Datasets"), this);
    auto *recentButton = new QToolButton;
    recentButton->setText(tr("Recen&t"));
    recentButton->setAccessibleName(tr("Recent datasets"));
    recentButton->setPopupMode(QToolButton::InstantPopup);
    recentButton->setMenu(m_recentMenu);
    connect(m_openButton, &QPushButton::clicked, this, [this] { openWizard(); });
    connect(m_defaultButton, &QPushButton::clicked, this, &DatasetPanel::openDefaultDataset);
    connect(m_colorizeButton, &QPushButton::clicked, this, [this] { openColoredMnistDialog(); });
    connect(m_recentMenu, &QMenu::aboutToShow, this, &DatasetPanel::rebuildRecentMenu);

    auto *openRow = new QHBoxLayout;
    openRow->addWidget(m_openButton);
    openRow->addWidget(m_defaultButton);
    openRow->addWidget(m_colorizeButton);
    openRow->addWidget(m_scanButton);
    openRow->addWidget(recentButton);
    openRow->addStretch(1);

    m_status = new QLabel(tr("No dataset open."));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Dataset summary"));
    m_warning = new QLabel;
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::RichText);
    m_warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setAccessibleName(tr("Small group warning"));
    m_warning->setVisible(false);

    m_attributes = new QTreeWidget;
    m_attributes->setHeaderLabels({tr("Attribute"), tr("Type"), tr("Samples / range"), tr("Note")});
    m_attributes->setAccessibleName(tr("Attributes"));
    m_attributes->setAccessibleDescription(
        tr("Each attribute with its type and level counts; Enter on a level filters the images "
           "to it."));
    m_attributes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_attributes->header()->setStretchLastSection(true);
    m_attributes->setUniformRowHeights(true);
    connect(m_attributes, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { attributeSelected(item); });
    connect(m_attributes, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString level = item->data(NameColumn, kLevelRole).toString();
        if (!level.isEmpty())
            m_browser->setFilter(item->data(NameColumn, kAttributeRole).toString(), {level});
    });

    m_histogram = new AttributeHistogramPlot;
    m_browser = new ThumbnailBrowser;

    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_attributes);
    left->addWidget(m_histogram);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 1);
    left->setChildrenCollapsible(false);
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({470, 590});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(openRow);
    layout->addWidget(m_status);
    layout->addWidget(m_warning);
    layout->addWidget(splitter, 1);

    connect(&m_watcher, &QFutureWatcher<Expected<Dataset>>::finished, this, [this] {
        m_openButton->setEnabled(true);
        m_defaultButton->setEnabled(true);
        Expected<Dataset> result = m_watcher.result();
        if (!result) {
            const QString message = result.error().toString();
            m_status->setText(
                tr("<b>⚠ Could not open the dataset:</b> %1").arg(message.toHtmlEscaped()));
            Q_EMIT openFailed(message);
            return;
        }
        showOpened(std::make_unique<Dataset>(std::move(result.value())), m_rememberPending);
    });
    rebuildRecentMenu();
}

DatasetPanel::~DatasetPanel()
{
    m_watcher.waitForFinished();
    // The browser's model points into the dataset: detach before it goes.
    m_browser->setDataset(nullptr);
}

void DatasetPanel::openDataset(const DatasetSpec &spec)
{
    startOpen(spec, true);
}

void DatasetPanel::openDefaultDataset()
{
    DatasetSpec spec;
    spec.format = QStringLiteral("colored");
    spec.path = debianFashionMnistPath();
    // Always in the File menu: not worth a recent entry.
    startOpen(spec, false);
}

void DatasetPanel::startOpen(const DatasetSpec &spec, bool remember)
{
    m_openButton->setEnabled(false);
    m_defaultButton->setEnabled(false);
    m_rememberPending = remember;
    m_status->setText(
        tr("Opening %1…").arg((spec.path.isEmpty() ? spec.format : spec.path).toHtmlEscaped()));
    m_watcher.setFuture(QtConcurrent::run([spec] { return equiscope::openDataset(spec); }));
}

DatasetWizard *DatasetPanel::openWizard()
{
    auto *wizard = new DatasetWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (m_dataset && m_dataset->spec.format != QLatin1String("colored"))
        wizard->setSpec(m_dataset->spec);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        if (std::unique_ptr<Dataset> ds = wizard->takeDataset())
            showOpened(std::move(ds), true);
    });
    wizard->open();
    return wizard;
}

ColoredMnistDialog *DatasetPanel::openColoredMnistDialog()
{
    auto *dialog = new ColoredMnistDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ColoredMnistDialog::created, this,
            [this, dialog] { openDataset(dialog->createdSpec()); });
    dialog->open();
    return dialog;
}

void DatasetPanel::showOpened(std::unique_ptr<Dataset> dataset, bool remember)
{
    // Detach the views from the old dataset before it is freed.
    m_browser->setDataset(nullptr);
    m_histogram->clearAttribute();
    m_dataset = std::move(dataset);
    if (remember) {
        DatasetSettings().addRecentDataset(m_dataset->spec);
        rebuildRecentMenu();
    }
    showDataset(*m_dataset);
    m_scanButton->setEnabled(true);
    Q_EMIT datasetOpened(m_dataset->name);
}

AssociationScanDialog *DatasetPanel::openAssociationScan()
{
    if (!m_dataset)
        return nullptr;
    auto *dialog = new AssociationScanDialog(*m_dataset, this);
    dialog->show();
    dialog->startScan();
    return dialog;
}

void DatasetPanel::showDataset(const Dataset &ds)
{
    QString status = datasetSummaryHtml(ds);
    m_status->setText(status);
    fillAttributeTree(ds);
    updateWarnings();
    m_browser->setDataset(&ds);
    // Start on the first sensitive attribute: the one a fairness study looks at first.
    const QString first = ds.defaultSensitive.value(0, ds.defaultTarget);
    if (!selectAttribute(first) && ds.attributes.columnCount() > 0)
        selectAttribute(ds.attributes.column(0).name());
}

void DatasetPanel::fillAttributeTree(const Dataset &ds)
{
    const QSignalBlocker blocker(m_attributes);
    m_attributes->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const Attribute &a : ds.attributes.columns()) {
        auto *item = new QTreeWidgetItem(m_attributes);
        item->setText(NameColumn, a.name());
        item->setData(NameColumn, kAttributeRole, a.name());
        item->setText(TypeColumn, a.type() == AttributeType::Vector
                                      ? tr("vector (%1)").arg(a.dim())
                                      : ColumnTypesPage::typeTitle(a.type()));
        QStringList notes;
        const qint64 missing = a.missingCount();
        if (missing > 0)
            notes << tr("%1 missing").arg(QLocale().toString(missing));
        if (a.isDiscrete()) {
            const auto counts = a.levelCounts();
            item->setText(CountColumn, tr("levels: %1").arg(a.levels().size()));
            int small = 0;
            for (int i = 0; i < a.levels().size(); ++i) {
                auto *level = new QTreeWidgetItem(item);
                level->setText(NameColumn, a.levels()[i]);
                level->setData(NameColumn, kAttributeRole, a.name());
                level->setData(NameColumn, kLevelRole, a.levels()[i]);
                level->setText(CountColumn, QLocale().toString(counts[size_t(i)]));
                level->setTextAlignment(CountColumn, Qt::AlignRight | Qt::AlignVCenter);
                if (counts[size_t(i)] < m_minGroupSize) {
                    ++small;
                    level->setIcon(NoteColumn, warning);
                    level->setText(NoteColumn, tr("too small to judge"));
                    level->setToolTip(NoteColumn,
                                      tr("Fewer than %1 samples: as a group, too small to judge.")
                                          .arg(m_minGroupSize));
                }
            }
            if (small > 0) {
                notes << tr("too small: %1").arg(small);
                item->setIcon(NoteColumn, warning);
            }
        } else {
            auto range = [](const ContinuousStats &st) {
                return tr("%1 … %2, mean %3")
                    .arg(QString::number(st.min, 'g', 4), QString::number(st.max, 'g', 4),
                         QString::number(st.mean, 'g', 4));
            };
            if (a.dim() == 1) {
                item->setText(CountColumn, range(a.stats(0)));
            } else {
                // One row per component, so each range stays readable.
                item->setText(CountColumn, tr("components: %1").arg(a.dim()));
                for (int k = 0; k < a.dim(); ++k) {
                    auto *component = new QTreeWidgetItem(item);
                    component->setText(NameColumn, k < a.componentNames().size()
                                                       ? a.componentNames()[k]
                                                       : QString::number(k));
                    component->setData(NameColumn, kAttributeRole, a.name());
                    component->setText(CountColumn, range(a.stats(k)));
                }
            }
        }
        item->setText(NoteColumn, notes.join(QStringLiteral(", ")));
    }
    // A few small attributes: show their level counts at once.
    if (ds.attributes.columnCount() <= 8)
        for (int i = 0; i < m_attributes->topLevelItemCount(); ++i)
            if (m_attributes->topLevelItem(i)->childCount() <= 12)
                m_attributes->topLevelItem(i)->setExpanded(true);
}

void DatasetPanel::updateWarnings()
{
    if (!m_dataset) {
        m_warning->setVisible(false);
        return;
    }
    QStringList small;
    int count = 0;
    for (const Attribute &a : m_dataset->attributes.columns()) {
        if (!a.isDiscrete())
            continue;
        const auto counts = a.levelCounts();
        for (int i = 0; i < a.levels().size(); ++i)
            if (counts[size_t(i)] < m_minGroupSize) {
                ++count;
                if (small.size() < 6)
                    small << tr("%1=%2 (%3)").arg(a.name(), a.levels()[i]).arg(counts[size_t(i)]);
            }
    }
    if (count > small.size())
        small << tr("…");
    m_warning->setText(count == 0
                           ? QString()
                           : tr("<b>⚠ Levels with fewer than %1 samples, too small to judge as a "
                                "group: %2</b> — %3")
                                 .arg(m_minGroupSize)
                                 .arg(count)
                                 .arg(small.join(QStringLiteral(", ")).toHtmlEscaped()));
    m_warning->setVisible(count > 0);
}

void DatasetPanel::setMinGroupSize(int size)
{
    m_minGroupSize = std::max(1, size);
    if (!m_dataset)
        return;
    const QString current = m_histogram->attributeName();
    fillAttributeTree(*m_dataset);
    updateWarnings();
    selectAttribute(current);
}

bool DatasetPanel::selectAttribute(const QString &attribute)
{
    for (int i = 0; i < m_attributes->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_attributes->topLevelItem(i);
        if (item->data(NameColumn, kAttributeRole).toString() == attribute) {
            m_attributes->setCurrentItem(item);
            attributeSelected(item); // also when it was current already
            return true;
        }
    }
    return false;
}

void DatasetPanel::attributeSelected(QTreeWidgetItem *item)
{
    if (!item || !m_dataset)
        return;
    const QString name = item->data(NameColumn, kAttributeRole).toString();
    if (!m_dataset->attributes.contains(name))
        return;
    if (name != m_histogram->attributeName())
        m_histogram->setAttribute(m_dataset->attributes.column(name), m_minGroupSize);
}

void DatasetPanel::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QList<DatasetSpec> recent = DatasetSettings().recentDatasets();
    for (int i = 0; i < recent.size(); ++i) {
        const DatasetSpec spec = recent.at(i);
        // Numbered as recent lists usually are, so each entry has an accelerator (&1…).
        QAction *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(
            DatasetSettings::displayName(spec).replace(QLatin1Char('&'), QLatin1String("&&"))));
        action->setToolTip(spec.path);
        connect(action, &QAction::triggered, this, [this, spec] { openDataset(spec); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent datasets"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Recent Datasets"), this, [this] {
        DatasetSettings().clearRecentDatasets();
        // Not now: this very action would be deleted while it is being triggered.
        QMetaObject::invokeMethod(this, &DatasetPanel::rebuildRecentMenu, Qt::QueuedConnection);
    });
}

} // namespace equiscope
