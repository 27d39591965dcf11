#pragma once

#include <QHash>
#include <QMainWindow>

class QActionGroup;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace equiscope {

class DatasetPanel;
class ExperimentPanel;
class JobQueue;
class RunMonitor;
class RunsPanel;
class ParetoView;
class CompareView;

/// The workbench window: navigation (Datasets, Experiments, Runs, Compare) on the left, the
/// current page on the right, the run monitor docked below. Owns the job queue; the run store
/// path is chosen here (File menu, remembered) and handed to the launcher and the monitor.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    DatasetPanel *datasetPanel() const { return m_datasetPanel; }
    ExperimentPanel *experimentPanel() const { return m_experimentPanel; }
    RunMonitor *runMonitor() const { return m_runMonitor; }
    /// The queue every launched run goes through (owned by the window).
    JobQueue *jobQueue() const { return m_queue; }

    /// The run store new runs are recorded in; storePathChanged() follows a change.
    QString storePath() const { return m_storePath; }
    void setStorePath(const QString &path);

    /// Puts @p page into the slot of view @p name ("runs", "compare"; a new name adds a view).
    /// The window takes ownership; a previous page of that slot is deleted.
    void setAnalysisPage(const QString &name, QWidget *page);
    /// The page shown for @p name, or nullptr.
    QWidget *analysisPage(const QString &name) const;

    /// Shows the view called @p name ("datasets", "experiments", "runs", "compare", or "monitor"
    /// which shows the run monitor); false when there is no such view.
    bool showView(const QString &name);
    /// File → Settings: opens the settings dialog (window-modal, deleted when closed).
    void openSettings();

Q_SIGNALS:
    void storePathChanged(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    /// Shrinks and moves the window into the screen's available area.
    void fitToScreen();
    int addPage(const QString &name, const QString &title, QWidget *page);
    void createMenus();
    void chooseStore();
    void updateRecentStores();
    void showAbout();

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<QString, QStackedWidget *> m_analysisSlots;
    DatasetPanel *m_datasetPanel = nullptr;
    ExperimentPanel *m_experimentPanel = nullptr;
    RunMonitor *m_runMonitor = nullptr;
    QDockWidget *m_monitorDock = nullptr;
    JobQueue *m_queue = nullptr;
    QString m_storePath;
    RunsPanel *m_runsPanel = nullptr;
    ParetoView *m_paretoView = nullptr;
    CompareView *m_compareView = nullptr;
    QMenu *m_recentStores = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_jobStatus = nullptr;
    QLabel *m_storeStatus = nullptr;
};

} // namespace equiscope
