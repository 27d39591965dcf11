#pragma once

#include "families/sweepplan.h"
#include "fare/fareconfig.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QDialogButtonBox;

namespace equiscope {

/// The sweep builder: a grid over one or two numeric hyper-parameters (comma-separated values)
/// × seeds, on top of a base run. Shows the number of runs; configs() builds them (through
/// SweepPlan, as `equiscope-cli sweep create` does); "Export…" writes them as a sweep folder.
class SweepDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SweepDialog(const FareConfig &base, QWidget *parent = nullptr);

    /// Sets the grid without the form (scripts and tests); @p second may be empty.
    void setGrid(const QString &first, const QString &firstValues, const QString &second,
                 const QString &secondValues, const QString &seeds);
    /// The runs of the grid; empty with error() set when a value does not parse or apply.
    QList<FareConfig> configs() const;
    QString error() const { return m_error; }
    /// Writes the grid as a sweep folder (SweepPlan: one config per run and a manifest) that
    /// `equiscope-cli sweep run DIR --local N | --slurm` runs outside the workbench; the error
    /// text on failure, empty on success.
    QString exportTo(const QString &dir) const;

private:
    void update();
    /// The grid as a sweep of the base config; an error message in @p error when it is not one.
    std::optional<SweepPlan> plan(QString *error) const;
    QList<FareConfig> build(QString *error) const;
    void exportSweep();

    FareConfig m_base;
    QComboBox *m_first = nullptr;
    QLineEdit *m_firstValues = nullptr;
    QComboBox *m_second = nullptr;
    QLineEdit *m_secondValues = nullptr;
    QLineEdit *m_seeds = nullptr;
    QLabel *m_count = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_export = nullptr;
    QString m_error;
};

} // namespace equiscope
