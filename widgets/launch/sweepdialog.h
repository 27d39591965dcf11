#pragma once

#include "fare/fareconfig.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace equiscope {

/// The sweep builder: a grid over one or two numeric hyper-parameters (comma-separated values)
/// × seeds, on top of a base run. Shows the number of runs; configs() builds them.
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

    /// Sets numeric hyper-parameter @p key ("learningRate", "batchSize", "epochs",
    /// "weightDecay" or a loss option) of @p config; false with @p error on failure.
    static bool applyParameter(FareConfig &config, const QString &key, const QString &value,
                               QString *error);

private:
    void update();
    QList<FareConfig> build(QString *error) const;

    FareConfig m_base;
    QComboBox *m_first = nullptr;
    QLineEdit *m_firstValues = nullptr;
    QComboBox *m_second = nullptr;
    QLineEdit *m_secondValues = nullptr;
    QLineEdit *m_seeds = nullptr;
    QLabel *m_count = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_error;
};

} // namespace equiscope
