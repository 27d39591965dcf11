#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace equiscope {

class ExternalRun;

/// The run monitor's list of runs outside the workbench (local processes, Slurm jobs): name,
/// where, state (the scheduler's for a Slurm job, polled), the last error, Cancel (SIGTERM or
/// scancel) and the run folder. Hidden while empty.
class ExternalRunsView : public QWidget
{
    Q_OBJECT

public:
    explicit ExternalRunsView(QWidget *parent = nullptr);

    /// Adopts @p run (it becomes this view's child) and adds its row.
    void track(ExternalRun *run);
    int rowCount() const { return int(m_runs.size()); }
    ExternalRun *run(int row) const { return m_runs.value(row); }
    QTreeWidget *table() const { return m_table; }
    QPushButton *cancelButton() const { return m_cancel; }
    void selectRow(int row);

Q_SIGNALS:
    /// A finished run was merged into the store (@p runId there).
    void runCollected(const QString &runId);

private:
    void updateRow(int row);
    void updateButtons();

    QTreeWidget *m_table = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_cancel = nullptr;
    QList<QPointer<ExternalRun>> m_runs;
};

} // namespace equiscope
