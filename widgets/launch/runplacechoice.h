#pragma once

#include "runs/externalrun.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace equiscope {

/// "Run on" for every family's launcher: in the workbench (the run queue), as N local processes
/// of one data-parallel run, or as a Slurm job (partition, time limit, nodes) — the last two
/// through equiscope-cli (ExternalRun). The Slurm entry is disabled, with the reason in its
/// tooltip, where sbatch is not installed.
class RunPlaceChoice : public QWidget
{
    Q_OBJECT

public:
    explicit RunPlaceChoice(QWidget *parent = nullptr);

    /// True for a run in the workbench's own queue.
    bool inWorkbench() const;
    /// The external request (meaningful when !inWorkbench()).
    ExternalRun::Request request() const;
    /// 0 in the workbench, 1 local processes, 2 Slurm.
    void setPlace(int index);
    void setProcesses(int n);

    QComboBox *placeBox() const { return m_place; }
    QSpinBox *processesBox() const { return m_processes; }
    QLineEdit *partitionEdit() const { return m_partition; }
    QLineEdit *timeLimitEdit() const { return m_timeLimit; }
    QSpinBox *nodesBox() const { return m_nodes; }

    /// Empty, or why the choice cannot be submitted (a malformed time limit).
    QString validationError() const;

Q_SIGNALS:
    void changed();

private:
    void updateVisibility();

    QComboBox *m_place = nullptr;
    QWidget *m_localFields = nullptr;
    QWidget *m_slurmFields = nullptr;
    QSpinBox *m_processes = nullptr;
    QLineEdit *m_partition = nullptr;
    QLineEdit *m_timeLimit = nullptr;
    QSpinBox *m_nodes = nullptr;
};

} // namespace equiscope
