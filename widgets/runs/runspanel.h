#pragma once

#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

class QTableWidget;
class QPushButton;
class QLabel;
class QTimer;

namespace equiscope {

class ExportActions;
class RunDetailView;

/// The store's runs as a table (name, method, status, created, accuracy, bias_mse), polled every
/// two seconds off the GUI thread; the selected run is shown below in a RunDetailView.
class RunsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunsPanel(QWidget *parent = nullptr);
    ~RunsPanel() override;

    /// Shows the store at @p path and starts polling it; loaded() follows each read.
    void setStorePath(const QString &path);
    QString storePath() const { return m_storePath; }
    /// Reads the store now (also done every two seconds while visible).
    void refresh();

    QTableWidget *table() const { return m_table; }
    RunDetailView *detailView() const { return m_detail; }
    /// Export Report… / Export Model… for the selected runs.
    ExportActions *exportActions() const { return m_export; }
    /// Ids in table order.
    QStringList runIds() const;
    QStringList selectedRunIds() const;
    void selectRun(const QString &id);

Q_SIGNALS:
    /// The user opened a run (double click or Enter).
    void runActivated(const QString &runId);
    /// The user asked to compare the selected runs (two or more).
    void compareRequested(const QStringList &ids);
    void loaded();

private:
    void showRuns(const QVector<RunSummary> &runs);
    void selectionChanged();

    QString m_storePath;
    QVector<RunSummary> m_runs;
    QByteArray m_fingerprint;
    QTableWidget *m_table = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_compare = nullptr;
    QLabel *m_status = nullptr;
    RunDetailView *m_detail = nullptr;
    ExportActions *m_export = nullptr;
    QTimer *m_poll = nullptr;
    QFutureWatcher<Expected<QVector<RunSummary>>> m_watcher;
};

} // namespace equiscope
