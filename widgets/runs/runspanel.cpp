#include "runs/runspanel.h"

#include "common/tableitems.h"

#include "runs/exportactions.h"
#include "runs/rundetailview.h"

#include "eval/metricunit.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace equiscope {

namespace {

enum Column
{
    NameColumn,
    MethodColumn,
    StatusColumn,
    CreatedColumn,
    AccuracyColumn,
    BiasMseColumn,
    ColumnCount
};

/// The status as the table shows it; the store and the CLI keep the English identifiers.
QString statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued:
        return QCoreApplication::translate("equiscope::RunsPanel", "queued");
    case RunStatus::Running:
        return QCoreApplication::translate("equiscope::RunsPanel", "running");
    case RunStatus::Finished:
        return QCoreApplication::translate("equiscope::RunsPanel", "finished");
    case RunStatus::Cancelled:
        return QCoreApplication::translate("equiscope::RunsPanel", "cancelled");
    case RunStatus::Failed:
        return QCoreApplication::translate("equiscope::RunsPanel", "failed");
    case RunStatus::Interrupted:
        return QCoreApplication::translate("equiscope::RunsPanel", "interrupted");
    }
    return runStatusName(status);
}

// What the table shows changes only when one of these does; a poll that reads the same
// leaves the table (and the user's selection and scroll position) alone.
QByteArray fingerprint(const QVector<RunSummary> &runs)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const RunSummary &r : runs) {
        hash.addData(r.record.id.toUtf8());
        hash.addData(r.record.name.toUtf8());
        hash.addData(runStatusName(r.record.status).toUtf8());
        hash.addData(QByteArray::number(r.record.currentEpoch));
        hash.addData(QByteArray::number(r.finalMetrics.size()));
        hash.addData(QByteArray::number(r.attentionEpochs.size()));
    }
    return hash.result();
}

} // namespace

RunsPanel::RunsPanel(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Runs"));
    m_table = new QTableWidget(this);
    m_table->setAccessibleName(tr("Runs table"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Method"), tr("Status"), tr("Created"), tr("Accuracy"), tr("Bias MSE")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setMinimumHeight(170);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setAccessibleName(tr("Refresh runs"));
    m_compare = new QPushButton(tr("Compare"), this);
    m_compare->setAccessibleName(tr("Compare selected runs"));
    m_compare->setToolTip(tr("Select two or more runs to compare them"));
    m_compare->setEnabled(false);
    m_status = new QLabel(this);
    m_detail = new RunDetailView(this);

    m_export = new ExportActions(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_compare);
    for (QAction *action : {m_export->exportReportAction(), m_export->exportModelAction()}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        buttons->addWidget(button);
    }
    buttons->addWidget(m_status, 1);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_table);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_poll = new QTimer(this);
    m_poll->setInterval(2000);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_watcher.isRunning())
            refresh();
    });
    connect(m_refresh, &QPushButton::clicked, this, &RunsPanel::refresh);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QStringList ids = selectedRunIds();
        if (ids.size() >= 2)
            Q_EMIT compareRequested(ids);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsPanel::selectionChanged);
    connect(m_table, &QTableWidget::itemActivated, this, [this](QTableWidgetItem *item) {
        if (item && item->row() < m_runs.size())
            Q_EMIT runActivated(m_runs.at(item->row()).record.id);
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_watcher.result();
        if (!result)
            m_status->setText(
                tr("Could not read the run store: %1").arg(result.error().toString()));
        else
            showRuns(result.value());
        Q_EMIT loaded();
    });
}

RunsPanel::~RunsPanel()
{
    m_watcher.waitForFinished();
}

void RunsPanel::setStorePath(const QString &path)
{
    m_storePath = path;
    m_export->setStorePath(path);
    m_fingerprint.clear();
    refresh();
    m_poll->start();
}

void RunsPanel::refresh()
{
    if (m_storePath.isEmpty())
        return;
    const QString path = m_storePath;
    m_watcher.waitForFinished();
    m_watcher.setFuture(QtConcurrent::run([path] { return loadRunSummaries(path); }));
}

QStringList RunsPanel::runIds() const
{
    QStringList ids;
    for (const RunSummary &r : m_runs)
        ids << r.record.id;
    return ids;
}

QStringList RunsPanel::selectedRunIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        if (index.row() < m_runs.size())
            ids << m_runs.at(index.row()).record.id;
    return ids;
}

void RunsPanel::selectRun(const QString &id)
{
    const int row = runIds().indexOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

void RunsPanel::showRuns(const QVector<RunSummary> &runs)
{
    const auto damaged = std::count_if(runs.cbegin(), runs.cend(), [](const RunSummary &r) {
        return !r.record.problems.isEmpty();
    });
    m_status->setText(
        damaged == 0
            ? tr("%n run(s)", nullptr, int(runs.size()))
            : tr("%n run(s), %1 with a damaged record", nullptr, int(runs.size())).arg(damaged));
    const QByteArray print = fingerprint(runs);
    if (print == m_fingerprint)
        return;
    m_fingerprint = print;
    const QStringList selected = selectedRunIds();
    m_runs = runs;
    const QSignalBlocker block(m_table);
    m_table->clearSelection();
    m_table->setRowCount(runs.size());
    auto metric = [](const RunSummary &r, const QString &name) {
        const auto v = r.finalValue(name);
        return v ? formatMetricValue(name, *v) : QStringLiteral("—");
    };
    for (int row = 0; row < runs.size(); ++row) {
        const RunRecord &r = runs.at(row).record;
        m_table->setItem(row, NameColumn, readOnlyItem(r.name.isEmpty() ? r.id.left(8) : r.name));
        if (!r.problems.isEmpty()) {
            // A damaged row is shown, never silently read as empty: what was read is listed.
            QTableWidgetItem *name = m_table->item(row, NameColumn);
            name->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            const QString text =
                tr("This run's stored record is damaged; some of it could not be read:") +
                QStringLiteral("\n• ") + r.problems.join(QStringLiteral("\n• "));
            name->setToolTip(text);
            name->setData(Qt::AccessibleDescriptionRole, text);
        }
        m_table->setItem(row, MethodColumn, readOnlyItem(r.method));
        m_table->setItem(row, StatusColumn, readOnlyItem(statusText(r.status)));
        // The shown text is translated; code that looks for a status reads the identifier.
        m_table->item(row, StatusColumn)->setData(Qt::UserRole, runStatusName(r.status));
        m_table->setItem(
            row, CreatedColumn,
            readOnlyItem(QLocale().toString(r.createdAt.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(row, AccuracyColumn,
                         readOnlyItem(metric(runs.at(row), QStringLiteral("accuracy"))));
        m_table->setItem(row, BiasMseColumn,
                         readOnlyItem(metric(runs.at(row), QStringLiteral("bias_mse"))));
    }
    for (const QString &id : selected) {
        const int row = runIds().indexOf(id);
        if (row >= 0)
            m_table->selectionModel()->select(m_table->model()->index(row, 0),
                                              QItemSelectionModel::Select |
                                                  QItemSelectionModel::Rows);
    }
    selectionChanged();
}

void RunsPanel::selectionChanged()
{
    const QStringList ids = selectedRunIds();
    m_compare->setEnabled(ids.size() >= 2);
    m_export->setRunIds(ids);
    if (ids.size() != 1 || ids.first() == m_detail->runId())
        return;
    for (const RunSummary &r : m_runs)
        if (r.record.id == ids.first())
            m_detail->setRun(m_storePath, r);
}

} // namespace equiscope
