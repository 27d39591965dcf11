#include "datasets/thumbnailbrowser.h"

#include "datasets/thumbnaildelegate.h"
#include "datasets/thumbnailmodel.h"

#include "data/groupassignment.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

namespace {
constexpr int kMaxOverlayLines = 3;
} // namespace

ThumbnailBrowser::ThumbnailBrowser(QWidget *parent) : QWidget(parent)
{
    m_model = new ThumbnailModel(this);
    m_delegate = new ThumbnailDelegate(this);
    m_view = new QListView;
    // List mode with wrapping (not icon mode): with uniform item sizes the view lays out 70k
    // items arithmetically instead of keeping a rectangle per item.
    m_view->setViewMode(QListView::ListMode);
    m_view->setFlow(QListView::LeftToRight);
    m_view->setWrapping(true);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(2000);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setItemDelegate(m_delegate);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Sample images"));
    m_view->setAccessibleDescription(
        tr("Thumbnails with the overlay attributes under each image; arrow keys move."));
    m_noImages = new QLabel(tr("This dataset has feature vectors, no images."));
    m_noImages->setAlignment(Qt::AlignCenter);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_noImages);

    m_attribute = new QComboBox;
    m_attribute->setAccessibleName(tr("Filter attribute"));
    m_attribute->setToolTip(tr("Show only the images with chosen values of this attribute. "
                               "Continuous and vector attributes are binned as the Experiments "
                               "launcher bins the groups of a run (its binning, bins and seed)."));
    m_attribute->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_values = new QListWidget;
    m_values->setAccessibleName(tr("Filter values"));
    m_values->setToolTip(tr("Tick the values to show (Space toggles the current one)."));
    m_values->setFlow(QListView::LeftToRight);
    m_values->setWrapping(true);
    m_values->setResizeMode(QListView::Adjust);
    m_values->setSpacing(2);
    m_values->setFixedHeight(3 * (fontMetrics().height() + 10));
    m_all = new QPushButton(tr("&All"));
    m_all->setAccessibleName(tr("Show all values"));
    m_none = new QPushButton(tr("&None"));
    m_none->setAccessibleName(tr("Show no values"));
    m_overlayButton = new QToolButton;
    m_overlayButton->setText(tr("La&bels"));
    m_overlayButton->setToolTip(tr("Attributes drawn under each image"));
    m_overlayButton->setAccessibleName(tr("Overlay attributes"));
    m_overlayButton->setPopupMode(QToolButton::InstantPopup);
    m_overlayMenu = new QMenu(m_overlayButton);
    m_overlayButton->setMenu(m_overlayMenu);
    m_count = new QLabel;
    m_count->setAccessibleName(tr("Visible images"));

    m_filterHint = new QLabel(tr("Choose an attribute to show only some of its values."));
    QPalette muted = m_filterHint->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_filterHint->setPalette(muted);
    auto *filterLabel = new QLabel(tr("F&ilter:"));
    filterLabel->setBuddy(m_attribute);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_all);
    buttons->addWidget(m_none);
    buttons->addStretch(1);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel, 0, Qt::AlignTop);
    filterRow->addWidget(m_attribute, 0, Qt::AlignTop);
    filterRow->addWidget(m_values, 1);
    filterRow->addWidget(m_filterHint, 1, Qt::AlignVCenter);
    filterRow->addLayout(buttons);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_count, 1);
    countRow->addWidget(m_overlayButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addLayout(countRow);
    layout->addWidget(m_stack, 1);

    connect(m_attribute, &QComboBox::currentIndexChanged, this, &ThumbnailBrowser::attributeChosen);
    connect(m_values, &QListWidget::itemChanged, this, &ThumbnailBrowser::applyFilter);
    auto checkAll = [this](bool checked) {
        m_values->blockSignals(true);
        for (int i = 0; i < m_values->count(); ++i)
            m_values->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        m_values->blockSignals(false);
        applyFilter();
    };
    connect(m_all, &QPushButton::clicked, this, [checkAll] { checkAll(true); });
    connect(m_none, &QPushButton::clicked, this, [checkAll] { checkAll(false); });
    connect(&m_binning, &QFutureWatcher<Attribute>::finished, this, [this] {
        const Attribute binned = m_binning.result();
        // A stale result (the attribute changed meanwhile) is dropped.
        if (binned.name() == filterAttribute())
            showLevels(binned);
    });
    setDataset(nullptr);
}

void ThumbnailBrowser::setBinning(BinningMethod method, int bins, quint64 seed)
{
    if (method == m_binMethod && bins == m_bins && seed == m_binSeed)
        return;
    m_binMethod = method;
    m_bins = bins;
    m_binSeed = seed;
    // A binned filter is binned again; the ticked bins stay ticked where their labels remain.
    const QString name = filterAttribute();
    if (m_dataset && !name.isEmpty() && m_dataset->attributes.contains(name) &&
        !m_dataset->attributes.column(name).isDiscrete()) {
        m_pendingLevels = checkedLevels();
        m_pendingLevelsSet = true;
        attributeChosen();
    }
}

ThumbnailBrowser::~ThumbnailBrowser()
{
    m_binning.waitForFinished();
}

void ThumbnailBrowser::setDataset(const Dataset *dataset)
{
    m_binning.waitForFinished();
    m_dataset = dataset;
    m_codes.clear();
    m_model->setDataset(dataset, {});
    m_stack->setCurrentWidget(!dataset || dataset->images ? static_cast<QWidget *>(m_view)
                                                          : m_noImages);
    m_attribute->blockSignals(true);
    m_attribute->clear();
    m_attribute->addItem(tr("(no filter)"), QString());
    if (dataset)
        for (const Attribute &a : dataset->attributes.columns())
            m_attribute->addItem(a.name(), a.name());
    m_attribute->blockSignals(false);
    m_values->clear();
    m_values->setVisible(false);
    m_all->setVisible(false);
    m_none->setVisible(false);
    m_filterHint->setVisible(true);

    QStringList overlay;
    if (dataset) {
        // The reader's target and sensitive attributes, then the palette colour if any.
        overlay << dataset->defaultTarget;
        for (const QString &s : dataset->defaultSensitive)
            if (dataset->attributes.contains(s) && dataset->attributes.column(s).isDiscrete())
                overlay << s;
        overlay << QStringLiteral("color");
        overlay << dataset->defaultSensitive;
        // RGB-like vectors cost one line: a colour chip.
        for (const Attribute &a : dataset->attributes.columns())
            if (a.type() == AttributeType::Vector && a.dim() == 3)
                overlay << a.name();
        if (dataset->defaultTarget.isEmpty())
            overlay << dataset->attributes.names().mid(0, 2);
        overlay.removeAll(QString());
        overlay.removeDuplicates();
        overlay.erase(
            std::remove_if(overlay.begin(), overlay.end(),
                           [&](const QString &a) { return !dataset->attributes.contains(a); }),
            overlay.end());
    }
    setOverlayAttributes(overlay.mid(0, kMaxOverlayLines));
    updateCount();
}

void ThumbnailBrowser::setOverlayAttributes(const QStringList &attributes)
{
    m_model->setOverlayAttributes(attributes);
    m_delegate->setOverlayLines(int(m_model->overlayAttributes().size()));
    // Item sizes are cached by the view: a new line count needs a fresh layout.
    m_view->setUniformItemSizes(false);
    m_view->setUniformItemSizes(true);
    m_view->doItemsLayout();
    rebuildOverlayMenu();
}

QStringList ThumbnailBrowser::overlayAttributes() const
{
    return m_model->overlayAttributes();
}

void ThumbnailBrowser::rebuildOverlayMenu()
{
    m_overlayMenu->clear();
    if (!m_dataset)
        return;
    const QStringList current = m_model->overlayAttributes();
    for (const QString &name : m_dataset->attributes.names()) {
        QAction *action = m_overlayMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(current.contains(name));
        connect(action, &QAction::toggled, this, [this, name](bool on) {
            QStringList next = m_model->overlayAttributes();
            next.removeAll(name);
            if (on)
                next << name;
            // Keep the dataset's column order, whatever order they were ticked in.
            QStringList ordered;
            for (const QString &n : m_dataset->attributes.names())
                if (next.contains(n))
                    ordered << n;
            setOverlayAttributes(ordered);
        });
    }
}

QString ThumbnailBrowser::filterAttribute() const
{
    return m_attribute->currentData().toString();
}

void ThumbnailBrowser::attributeChosen()
{
    m_values->blockSignals(true);
    m_values->clear();
    m_values->blockSignals(false);
    m_codes.clear();
    const QString name = filterAttribute();
    const bool active = m_dataset && !name.isEmpty();
    // Without a filter the value list is just empty space: hide it.
    m_values->setVisible(active);
    m_all->setVisible(active);
    m_none->setVisible(active);
    m_filterHint->setVisible(!active);
    if (!active) {
        m_model->clearFilter();
        updateCount();
        Q_EMIT filterChanged();
        return;
    }
    const Attribute &column = m_dataset->attributes.column(name);
    if (column.isDiscrete()) {
        showLevels(column);
        return;
    }
    // Quantile or k-means bins of 70k values take a moment: off the GUI thread.
    m_count->setText(tr("Binning %1…").arg(name));
    m_binning.waitForFinished();
    m_binning.setFuture(
        QtConcurrent::run([column, method = m_binMethod, bins = m_bins, seed = m_binSeed] {
            return binAttribute(column, method, bins, seed);
        }));
}

void ThumbnailBrowser::showLevels(const Attribute &discrete)
{
    m_codes = discrete.codes();
    const std::vector<qint64> counts = discrete.levelCounts();
    m_values->blockSignals(true);
    m_values->clear();
    for (int i = 0; i < discrete.levels().size(); ++i) {
        auto *item = new QListWidgetItem(
            tr("%1 (%2)").arg(discrete.levels()[i], QLocale().toString(counts[size_t(i)])),
            m_values);
        item->setData(Qt::UserRole, i);
        item->setData(Qt::UserRole + 1, discrete.levels()[i]);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool checked = !m_pendingLevelsSet || m_pendingLevels.contains(discrete.levels()[i]);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
    m_values->blockSignals(false);
    m_pendingLevels.clear();
    m_pendingLevelsSet = false;
    applyFilter();
}

QStringList ThumbnailBrowser::checkedLevels() const
{
    QStringList out;
    for (int i = 0; i < m_values->count(); ++i)
        if (m_values->item(i)->checkState() == Qt::Checked)
            out << m_values->item(i)->data(Qt::UserRole + 1).toString();
    return out;
}

void ThumbnailBrowser::setFilter(const QString &attribute, const QStringList &levels)
{
    m_pendingLevels = levels;
    m_pendingLevelsSet = !attribute.isEmpty();
    const int index = std::max(0, m_attribute->findData(attribute));
    if (index == m_attribute->currentIndex()) {
        if (m_codes.empty()) {
            attributeChosen();
            return;
        }
        m_values->blockSignals(true);
        for (int i = 0; i < m_values->count(); ++i)
            m_values->item(i)->setCheckState(
                levels.contains(m_values->item(i)->data(Qt::UserRole + 1).toString())
                    ? Qt::Checked
                    : Qt::Unchecked);
        m_values->blockSignals(false);
        m_pendingLevelsSet = false;
        applyFilter();
        return;
    }
    m_attribute->setCurrentIndex(index);
}

void ThumbnailBrowser::applyFilter()
{
    if (filterAttribute().isEmpty() || m_codes.empty()) {
        m_model->clearFilter();
    } else {
        QSet<int> allowed;
        for (int i = 0; i < m_values->count(); ++i)
            if (m_values->item(i)->checkState() == Qt::Checked)
                allowed.insert(m_values->item(i)->data(Qt::UserRole).toInt());
        m_model->setFilter(m_codes, allowed);
    }
    updateCount();
    Q_EMIT filterChanged();
}

int ThumbnailBrowser::visibleCount() const
{
    return m_model->rowCount();
}

void ThumbnailBrowser::updateCount()
{
    if (!m_dataset) {
        m_count->setText(tr("No dataset open."));
        return;
    }
    if (!m_dataset->images) {
        m_count->setText(
            tr("%1 samples (feature vectors)").arg(QLocale().toString(m_dataset->size)));
        return;
    }
    const QString total = QLocale().toString(m_model->totalCount());
    m_count->setText(
        m_model->isFiltered()
            ? tr("Showing %1 of %2 images").arg(QLocale().toString(visibleCount()), total)
            : tr("%1 images").arg(total));
}

} // namespace equiscope
