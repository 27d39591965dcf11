#pragma once

#include "report/predictionaudit.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QLabel;

namespace equiscope {

/// Opens a CSV of predictions made by any model, lets the user pick the label, prediction,
/// score and group columns, runs core's auditPredictionsFile() on a worker thread, shows the
/// group metrics with CIs and saves the audit as an HTML or PDF report.
class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AuditDialog(QWidget *parent = nullptr);
    ~AuditDialog() override;

    /// Reads the header of @p csvPath and fills the column choices (guessing label/pred/group).
    bool openCsv(const QString &csvPath);
    void setColumns(const QString &label, const QString &prediction, const QString &score,
                    const QStringList &groups);
    /// Starts the audit; audited() follows.
    void runAudit();
    QString resultText() const;
    const AuditResult *result() const { return m_result ? &*m_result : nullptr; }

Q_SIGNALS:
    void audited(bool ok);

private:
    void browse();
    void saveReport();

    QLineEdit *m_file = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_prediction = nullptr;
    QComboBox *m_score = nullptr;
    QListWidget *m_groups = nullptr;
    QSpinBox *m_minGroup = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_save = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QLabel *m_status = nullptr;
    std::optional<AuditResult> m_result;
    QFutureWatcher<Expected<AuditResult>> m_watcher;
};

} // namespace equiscope
