#pragma once

#include "jobs/runjob.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QVector>
#include <QWidget>

#include <array>

class QCustomPlot;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace equiscope {

class ExternalRun;
class ExternalRunsView;
class JobQueue;

/// Watches training jobs: one row per job (name, status, progress bar with ETA), live loss and
/// learning-rate / attention-entropy curves of the selected job, the log of all jobs, Cancel and
/// Resume. Everything arrives by queued signals; plots are replotted at most 4 times a second.
class RunMonitor : public QWidget
{
    Q_OBJECT

public:
    enum class State
    {
        Queued,
        Running,
        Finished,
        Cancelled,
        Failed
    };
    Q_ENUM(State)

    explicit RunMonitor(JobQueue *queue, QWidget *parent = nullptr);

    /// Adds a row for @p job (call before the queue starts it); resumes go to the current store.
    void track(RunJob *job);
    /// Adopts @p run, started outside the workbench, into the list of external runs.
    void trackExternal(ExternalRun *run);
    ExternalRunsView *externalRuns() const { return m_external; }
    void setStorePath(const QString &path) { m_storePath = path; }

    int rowCount() const { return int(m_rows.size()); }
    RunJob *job(int row) const { return m_rows.value(row).job; }
    State state(int row) const { return m_rows.value(row).state; }
    QString runId(int row) const { return m_rows.value(row).runId; }
    void selectRow(int row);
    /// Cancels the selected job (queued: removed from the queue; running: stops in one step).
    void cancelSelected();
    /// Resumes the selected cancelled or failed run from its last checkpoint in the same row,
    /// which keeps the curves drawn so far.
    RunJob *resumeSelected();

    QTreeWidget *jobTable() const { return m_table; }
    QCustomPlot *lossPlot() const { return m_lossPlot; }
    QCustomPlot *metricPlot() const { return m_metricPlot; }
    /// Accuracy, worst-group accuracy and their spread per epoch (runs with a per-epoch
    /// evaluation); hidden for other runs.
    QCustomPlot *fairnessPlot() const { return m_fairnessPlot; }
    QPlainTextEdit *logView() const { return m_log; }

Q_SIGNALS:
    /// A resumed run was queued.
    void jobResumed(equiscope::RunJob *job);
    /// A run outside the workbench finished and was merged into the store.
    void externalRunCollected(const QString &runId);

protected:
    void changeEvent(QEvent *event) override;

private:
    ExternalRunsView *m_external = nullptr;
    void applyPalette();
    struct Row
    {
        QPointer<RunJob> job;
        QTreeWidgetItem *item = nullptr;
        QProgressBar *bar = nullptr;
        State state = State::Queued;
        QString name;
        QString runId;
        QString storePath;
        QVector<double> stepX, loss;
        QVector<double> epochX, epochLoss, learningRate, entropy;
        /// The per-epoch evaluation's headline, worst-group, worst-judged-group and spread
        /// series (keys in
        /// fairnessKeys, values in their display unit), when the run reports one.
        QStringList fairnessKeys;
        std::array<QVector<double>, 4> fairness;
        bool resuming = false; ///< resumed, no progress yet: later steps are replaced
    };

    /// Follows @p job's signals into the row that holds it.
    void connectJob(RunJob *job);
    int rowOf(const RunJob *job) const;
    int selectedRow() const;
    void setState(int row, State state, const QString &message = QString());
    void onProgress(int row, const JobProgress &progress);
    void onEpoch(int row, int epoch, const QJsonObject &metrics);
    void onQueueChanged();
    void showSelected();
    void updateButtons();
    void replotNow();
    static QString stateText(State state);

    JobQueue *m_queue = nullptr;
    QString m_storePath;
    QVector<Row> m_rows;
    QTreeWidget *m_table = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_resume = nullptr;
    QCustomPlot *m_lossPlot = nullptr;
    QCustomPlot *m_metricPlot = nullptr;
    QCustomPlot *m_fairnessPlot = nullptr;
    QTabWidget *m_metricTabs = nullptr; ///< the schedule plot, and the fairness plot when reported
    static constexpr int FairnessTab = 1;
    QPlainTextEdit *m_log = nullptr;
    QTimer *m_replotTimer = nullptr;
    bool m_dirty = false;
};

} // namespace equiscope
