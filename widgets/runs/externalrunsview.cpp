#include "runs/externalrunsview.h"

#include "runs/externalrun.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace equiscope {

namespace {

enum Column
{
    NameColumn,
    StatusColumn,
    FolderColumn
};

} // namespace

ExternalRunsView::ExternalRunsView(QWidget *parent) : QWidget(parent)
{
    m_table = new QTreeWidget;
    m_table->setAccessibleName(tr("Runs outside the workbench"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels({tr("Run"), tr("Where and state"), tr("Folder")});
    m_table->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(FolderColumn, QHeaderView::Interactive);
    m_table->setMaximumHeight(m_table->fontMetrics().height() * 7);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Error of the selected run"));
    m_error->hide();
    m_cancel = new QPushButton(tr("Cancel external run"));
    m_cancel->setAccessibleName(tr("Cancel the selected external run"));
    m_cancel->setToolTip(tr("Stop the selected run: its processes checkpoint and end, or its "
                            "Slurm job is cancelled (scancel)."));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (ExternalRun *r = run(m_table->indexOfTopLevelItem(m_table->currentItem())))
            r->cancel();
    });
    connect(m_table, &QTreeWidget::currentItemChanged, this, &ExternalRunsView::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    hide(); // until the first run
}

void ExternalRunsView::track(ExternalRun *run)
{
    run->setParent(this);
    const int row = int(m_runs.size());
    m_runs.append(run);
    auto *item = new QTreeWidgetItem(m_table);
    item->setText(NameColumn, run->name());
    item->setText(FolderColumn, QDir::toNativeSeparators(run->folder()));
    item->setToolTip(FolderColumn, QDir::toNativeSeparators(run->folder()));
    connect(run, &ExternalRun::changed, this, [this, run] { updateRow(int(m_runs.indexOf(run))); });
    connect(run, &ExternalRun::collected, this, &ExternalRunsView::runCollected);
    updateRow(row);
    show();
    selectRow(row);
}

void ExternalRunsView::selectRow(int row)
{
    if (QTreeWidgetItem *item = m_table->topLevelItem(row))
        m_table->setCurrentItem(item);
    updateButtons();
}

void ExternalRunsView::updateRow(int row)
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    const ExternalRun *r = run(row);
    if (!item || !r)
        return;
    item->setText(StatusColumn, r->statusText());
    item->setToolTip(StatusColumn, r->errorText());
    if (item == m_table->currentItem())
        updateButtons();
}

void ExternalRunsView::updateButtons()
{
    const ExternalRun *r = run(m_table->indexOfTopLevelItem(m_table->currentItem()));
    m_cancel->setEnabled(r && r->isActive() && r->state() != ExternalRun::State::Collecting);
    const QString error = r ? r->errorText() : QString();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

} // namespace equiscope
