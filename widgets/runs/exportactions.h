#pragma once

#include "util/expected.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <functional>

class QAction;
class QWidget;

namespace equiscope {

/// Export Report… (HTML/PDF), Export Model… and Open Prediction Audit… for the selected runs of
/// the runs table. The work (core's exportRunReport / exportModel) runs on a worker thread; the
/// result is shown in a message box and reported by finished().
class ExportActions : public QObject
{
    Q_OBJECT

public:
    /// @p dialogParent owns the file and message dialogs.
    explicit ExportActions(QWidget *dialogParent);
    ~ExportActions() override;

    void setStorePath(const QString &path);
    /// The runs the actions apply to (reports: all of them; models: the first).
    void setRunIds(const QStringList &ids);
    QStringList runIds() const { return m_runIds; }

    QAction *exportReportAction() const { return m_report; }
    QAction *exportModelAction() const { return m_model; }
    QAction *openAuditAction() const { return m_audit; }

    /// Starts writing the report of the current runs to @p path (".pdf" → PDF, else HTML).
    void exportReport(const QString &path);
    /// Starts exporting the first current run's model into @p directory.
    void exportModel(const QString &directory);
    bool isBusy() const { return m_watcher.isRunning(); }
    /// Message boxes after each export (off in tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void chooseReportFile();
    void chooseModelFolder();
    void updateEnabled();
    void start(std::function<Expected<QString>()> work);

    QWidget *m_parent;
    QString m_storePath;
    QStringList m_runIds;
    QAction *m_report = nullptr;
    QAction *m_model = nullptr;
    QAction *m_audit = nullptr;
    bool m_interactive = true;
    QFutureWatcher<Expected<QString>> m_watcher;
};

} // namespace equiscope
