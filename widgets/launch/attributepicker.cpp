#include "launch/attributepicker.h"

#include "datasets/columntypespage.h"

#include "fare/fareconfig.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace equiscope {

namespace {
/// More rows than a person reads; the summary still counts them all.
constexpr int kMaxGroupRows = 500;
} // namespace

AttributePicker::AttributePicker(QWidget *parent) : QWidget(parent)
{
    m_target = new QComboBox;
    m_target->setAccessibleName(tr("Target attribute"));
    m_target->setToolTip(tr("The attribute the linear probe predicts to measure utility."));

    m_sensitive = new QListWidget;
    m_sensitive->setAccessibleName(tr("Sensitive attributes"));
    m_sensitive->setToolTip(tr("The protected attribute(s) z. Several are combined into their "
                               "intersection groups. Space toggles the current attribute."));

    m_binning = new QComboBox;
    m_binning->addItem(tr("Quantiles (equal counts)"), int(BinningMethod::Quantile));
    m_binning->addItem(tr("k-means clusters"), int(BinningMethod::KMeans));
    m_binning->setAccessibleName(tr("Binning method"));
    m_binning->setToolTip(
        tr("How continuous and vector sensitive attributes become groups for the per-group "
           "metrics. Quantiles apply to single-valued attributes; vectors such as an RGB colour "
           "are always clustered with k-means. The loss itself uses the raw values."));
    m_bins = new QSpinBox;
    m_bins->setRange(2, 50);
    m_bins->setAccessibleName(tr("Number of bins"));
    m_bins->setToolTip(tr("Bins (or clusters) per continuous or vector sensitive attribute."));
    m_bins->setSuffix(tr(" bins"));
    m_minSize = new QSpinBox;
    m_minSize->setRange(1, 1000000);
    m_minSize->setAccessibleName(tr("Minimum group size"));
    m_minSize->setToolTip(tr("Groups with fewer samples are flagged \"too small to judge\": their "
                             "metrics are shown but left out of gaps and worst-group values."));
    m_binningNote = new QLabel;
    m_binningNote->setWordWrap(true);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Group summary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_groupTable = new QTreeWidget;
    m_groupTable->setRootIsDecorated(false);
    m_groupTable->setUniformRowHeights(true);
    m_groupTable->setHeaderLabels({tr("Group"), tr("Size"), tr("Share"), tr("Judgeable")});
    m_groupTable->setAccessibleName(tr("Intersection groups"));
    m_groupTable->header()->setStretchLastSection(false);
    m_groupTable->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_groupTable->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_groupTable->setMinimumHeight(200);

    auto *binningRow = new QHBoxLayout;
    binningRow->setContentsMargins(0, 0, 0, 0);
    binningRow->addWidget(m_binning, 1);
    binningRow->addWidget(m_bins);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("&Sensitive:"), m_sensitive);
    auto *binningLabel = new QLabel(tr("Binnin&g:"));
    binningLabel->setBuddy(m_binning);
    form->addRow(binningLabel, binningRow);
    form->addRow(QString(), m_binningNote);
    form->addRow(tr("Min. group si&ze:"), m_minSize);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_groupTable, 1);

    const FareConfig defaults;
    setBinning(defaults.groupBinning == QLatin1String("quantile") ? BinningMethod::Quantile
                                                                  : BinningMethod::KMeans);
    m_bins->setValue(defaults.groupBins);
    m_minSize->setValue(defaults.minGroupSize);

    // Several changes in a row (a config being applied, fast typing) start one preview.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(40);
    connect(m_debounce, &QTimer::timeout, this, &AttributePicker::startPreview);
    connect(&m_watcher, &QFutureWatcher<Preview>::finished, this, [this] {
        const Preview preview = m_watcher.result();
        if (m_runningGeneration == m_generation)
            showPreview(preview);
        else
            startPreview(); // the choices changed meanwhile: this result is stale
    });

    connect(m_target, &QComboBox::currentIndexChanged, this, &AttributePicker::choicesChanged);
    connect(m_sensitive, &QListWidget::itemChanged, this, &AttributePicker::choicesChanged);
    connect(m_binning, &QComboBox::currentIndexChanged, this, &AttributePicker::choicesChanged);
    connect(m_bins, &QSpinBox::valueChanged, this, &AttributePicker::choicesChanged);
    connect(m_minSize, &QSpinBox::valueChanged, this, &AttributePicker::choicesChanged);
    connect(m_binning, &QComboBox::currentIndexChanged, this, &AttributePicker::binningChanged);
    connect(m_bins, &QSpinBox::valueChanged, this, &AttributePicker::binningChanged);
    setAttributes(nullptr, {}, {}, {});
}

AttributePicker::~AttributePicker()
{
    m_watcher.waitForFinished();
}

void AttributePicker::setAttributes(std::shared_ptr<const AttributeTable> table,
                                    const QStringList &names, const QString &target,
                                    const QStringList &sensitive)
{
    m_table = std::move(table);
    const QStringList columns = m_table ? m_table->names() : names;
    m_target->blockSignals(true);
    m_target->clear();
    m_sensitive->blockSignals(true);
    m_sensitive->clear();
    for (const QString &name : columns) {
        QString type;
        if (m_table) {
            const Attribute &a = m_table->column(name);
            type = a.type() == AttributeType::Vector ? tr("vector of %1").arg(a.dim())
                   : a.isDiscrete()                  ? tr("%1, levels: %2")
                                          .arg(ColumnTypesPage::typeTitle(a.type()))
                                          .arg(a.levels().size())
                                    : ColumnTypesPage::typeTitle(a.type());
        }
        m_target->addItem(name);
        if (!type.isEmpty())
            m_target->setItemData(m_target->count() - 1, type, Qt::ToolTipRole);
        auto *item = new QListWidgetItem(name, m_sensitive);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(sensitive.contains(name) ? Qt::Checked : Qt::Unchecked);
        if (!type.isEmpty())
            item->setToolTip(tr("%1 — %2").arg(name, type));
    }
    m_target->setCurrentText(target.isEmpty() ? columns.value(0) : target);
    m_target->blockSignals(false);
    m_sensitive->blockSignals(false);
    // As tall as its items (up to six rows), so the form stays compact.
    const int visibleRows = std::clamp(int(columns.size()), 2, 6);
    m_sensitive->setFixedHeight(visibleRows * std::max(16, m_sensitive->sizeHintForRow(0)) +
                                2 * m_sensitive->frameWidth() + 4);
    choicesChanged();
}

QString AttributePicker::target() const
{
    return m_target->currentText();
}

void AttributePicker::setTarget(const QString &name)
{
    m_target->setCurrentText(name);
}

QStringList AttributePicker::sensitive() const
{
    QStringList out;
    for (int i = 0; i < m_sensitive->count(); ++i)
        if (m_sensitive->item(i)->checkState() == Qt::Checked)
            out << m_sensitive->item(i)->text();
    return out;
}

void AttributePicker::setSensitive(const QStringList &names)
{
    m_sensitive->blockSignals(true);
    for (int i = 0; i < m_sensitive->count(); ++i)
        m_sensitive->item(i)->setCheckState(
            names.contains(m_sensitive->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    m_sensitive->blockSignals(false);
    choicesChanged();
}

BinningMethod AttributePicker::binning() const
{
    return BinningMethod(m_binning->currentData().toInt());
}

void AttributePicker::setBinning(BinningMethod method)
{
    m_binning->setCurrentIndex(m_binning->findData(int(method)));
}

int AttributePicker::bins() const
{
    return m_bins->value();
}

void AttributePicker::setBins(int bins)
{
    m_bins->setValue(bins);
}

int AttributePicker::minGroupSize() const
{
    return m_minSize->value();
}

void AttributePicker::setMinGroupSize(int size)
{
    m_minSize->setValue(size);
}

void AttributePicker::setSeed(quint64 seed)
{
    if (seed == m_seed)
        return;
    m_seed = seed;
    Q_EMIT binningChanged();
    // Only k-means bins depend on the seed.
    if (hasBinnedSensitive() && binning() == BinningMethod::KMeans)
        choicesChanged();
}

GroupOptions AttributePicker::groupOptions() const
{
    GroupOptions go;
    go.sensitive = sensitive();
    go.binning = binning();
    go.bins = bins();
    go.minGroupSize = minGroupSize();
    go.seed = m_seed;
    return go;
}

void AttributePicker::applyTo(FareConfig &config) const
{
    config.target = target();
    config.sensitive = sensitive();
    config.groupBins = bins();
    config.groupBinning = binning() == BinningMethod::Quantile ? QStringLiteral("quantile")
                                                               : QStringLiteral("kmeans");
    config.minGroupSize = minGroupSize();
}

void AttributePicker::setFrom(const FareConfig &config)
{
    const QSignalBlocker blockTarget(m_target), blockBinning(m_binning), blockBins(m_bins),
        blockMin(m_minSize);
    m_target->setCurrentText(config.target);
    setBinning(config.groupBinning == QLatin1String("quantile") ? BinningMethod::Quantile
                                                                : BinningMethod::KMeans);
    m_bins->setValue(config.groupBins);
    m_minSize->setValue(config.minGroupSize);
    m_seed = config.seed;
    setSensitive(config.sensitive); // emits the one change
}

bool AttributePicker::hasBinnedSensitive() const
{
    if (!m_table)
        return false;
    for (const QString &name : sensitive())
        if (m_table->contains(name) && !m_table->column(name).isDiscrete())
            return true;
    return false;
}

void AttributePicker::updateBinningControls()
{
    const bool binned = !m_table || hasBinnedSensitive();
    m_binning->setEnabled(binned);
    m_bins->setEnabled(binned);
    bool vectorQuantile = false;
    if (m_table && binning() == BinningMethod::Quantile)
        for (const QString &name : sensitive())
            vectorQuantile =
                vectorQuantile ||
                (m_table->contains(name) && m_table->column(name).type() == AttributeType::Vector);
    m_binningNote->setText(
        !binned ? tr("Only continuous or vector sensitive attributes are binned.")
        : vectorQuantile
            ? tr("Vector attributes are clustered with k-means (quantiles need one value).")
            : QString());
    m_binningNote->setVisible(!m_binningNote->text().isEmpty());
}

bool AttributePicker::isPreviewPending() const
{
    return m_table && (m_debounce->isActive() || m_watcher.isRunning());
}

void AttributePicker::choicesChanged()
{
    ++m_generation;
    updateBinningControls();
    Q_EMIT selectionChanged();
    if (!m_table) {
        m_groups.reset();
        m_previewError.clear();
        m_groupTable->clear();
        m_summary->setText(tr("Open a dataset to see the groups these attributes make."));
        return;
    }
    if (sensitive().isEmpty()) {
        m_groups.reset();
        m_previewError = tr("Choose at least one sensitive attribute.");
        m_groupTable->clear();
        m_summary->setText(m_previewError);
        m_debounce->stop();
        Q_EMIT previewUpdated();
        return;
    }
    m_summary->setText(tr("Computing groups…"));
    m_debounce->start();
}

void AttributePicker::startPreview()
{
    if (!m_table || m_watcher.isRunning())
        return; // the finished handler restarts for the newest choices
    if (sensitive().isEmpty()) {
        choicesChanged();
        return;
    }
    m_runningGeneration = m_generation;
    const GroupOptions options = groupOptions();
    m_watcher.setFuture(QtConcurrent::run([table = m_table, options] {
        QElapsedTimer timer;
        timer.start();
        Expected<GroupAssignment> groups = assignGroups(*table, options);
        // Only the sizes are shown: do not copy 70k group indices back to the GUI thread.
        if (groups)
            groups->groupOf.clear();
        return Preview{std::move(groups), double(timer.nsecsElapsed()) / 1e6};
    }));
}

void AttributePicker::showPreview(const Preview &preview)
{
    m_lastPreviewMs = preview.milliseconds;
    m_groupTable->clear();
    if (!preview.groups) {
        m_groups.reset();
        m_previewError = preview.groups.error().toString();
        m_summary->setText(tr("⚠ %1").arg(m_previewError.toHtmlEscaped()));
        Q_EMIT previewUpdated();
        return;
    }
    m_previewError.clear();
    m_groups = preview.groups.value();
    const GroupAssignment &g = *m_groups;
    qint64 total = 0, smallest = -1;
    for (const Group &group : g.groups) {
        total += group.size;
        smallest = smallest < 0 ? group.size : std::min(smallest, group.size);
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < g.groupCount() && i < kMaxGroupRows; ++i) {
        const Group &group = g.groups[i];
        auto *item = new QTreeWidgetItem(
            {group.label, QLocale().toString(group.size),
             total > 0
                 ? QStringLiteral("%1 %").arg(100.0 * double(group.size) / double(total), 0, 'f', 1)
                 : QString(),
             group.tooSmall ? tr("too small to judge") : tr("yes")});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (group.tooSmall) {
            item->setIcon(3, warning);
            item->setToolTip(3, tr("Fewer than %1 samples: the metrics of this group are shown "
                                   "but not judged.")
                                    .arg(minGroupSize()));
        }
        items << item;
    }
    m_groupTable->addTopLevelItems(items);
    const qint64 tooSmall = g.tooSmallCount();
    QString text = tr("<b>Intersection groups: %1</b>").arg(g.groupCount());
    if (smallest >= 0)
        text += tr(" · smallest %1").arg(QLocale().toString(smallest));
    if (tooSmall > 0)
        text += tr(" · <b>⚠ too small to judge: %1</b> (fewer than %2 samples)")
                    .arg(tooSmall)
                    .arg(minGroupSize());
    if (m_table && total < m_table->rowCount())
        text += tr(" · %1 samples with a missing value belong to no group")
                    .arg(QLocale().toString(m_table->rowCount() - total));
    if (g.groupCount() > kMaxGroupRows)
        text += tr(" · the first %1 are listed").arg(kMaxGroupRows);
    m_summary->setText(text);
    Q_EMIT previewUpdated();
}

} // namespace equiscope
