#include "shell/mainwindow.h"

#include "common/scrollpage.h"
#include "datasets/thumbnailbrowser.h"
#include "launch/attributepicker.h"
#include "launch/farelauncher.h"
#include "runs/compareview.h"
#include "runs/runspanel.h"
#include "views/paretoview.h"

#include "datasets/datasetpanel.h"
#include "launch/experimentpanel.h"
#include "runs/exportactions.h"
#include "runs/jobstatuslabel.h"
#include "runs/runmonitor.h"
#include "shell/apptheme.h"
#include "shell/settingsdialog.h"

#include "jobs/jobqueue.h"
#include "store/runstore.h"
#include "util/environment.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include <utility>

namespace equiscope {

namespace {
const QString kRecentStores = QStringLiteral("store/recent");
const QString kLastStore = QStringLiteral("store/last");
constexpr int kMaxRecent = 8;
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Equiscope — fairness workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/equiscope.svg")));
    m_queue = new JobQueue(this);

    m_navigation = new QListWidget;
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setMaximumWidth(180);
    m_pages = new QStackedWidget;

    m_datasetPanel = new DatasetPanel;
    m_experimentPanel = new ExperimentPanel(m_queue);
    m_runMonitor = new RunMonitor(m_queue);
    addPage(QStringLiteral("datasets"), tr("Datasets"), m_datasetPanel);
    addPage(QStringLiteral("experiments"), tr("Experiments"), m_experimentPanel);
    // The analysis views read runs from the store; other method families plug their own pages
    // in through setAnalysisPage().
    for (const auto &[name, title] : {std::pair{QStringLiteral("runs"), tr("Runs")},
                                      std::pair{QStringLiteral("compare"), tr("Compare")}}) {
        auto *slot = new QStackedWidget;
        slot->setAccessibleName(title);
        m_analysisSlots.insert(name, slot);
        addPage(name, title, slot);
    }
    m_runsPanel = new RunsPanel;
    m_paretoView = new ParetoView;
    m_compareView = new CompareView;
    auto *compareTabs = new QTabWidget;
    compareTabs->setAccessibleName(tr("Compare runs"));
    compareTabs->addTab(m_paretoView, tr("Pareto front"));
    compareTabs->addTab(m_compareView, tr("Side by side"));
    setAnalysisPage(QStringLiteral("runs"), m_runsPanel);
    setAnalysisPage(QStringLiteral("compare"), compareTabs);
    connect(this, &MainWindow::storePathChanged, this, [this](const QString &path) {
        m_runsPanel->setStorePath(path);
        m_paretoView->setStorePath(path);
        m_compareView->setStorePath(path);
    });
    connect(m_runsPanel, &RunsPanel::compareRequested, this,
            [this, compareTabs](const QStringList &ids) {
                m_compareView->setRuns(ids);
                compareTabs->setCurrentWidget(m_compareView);
                showView(QStringLiteral("compare"));
            });
    connect(m_paretoView, &ParetoView::runActivated, this, [this](const QString &id) {
        showView(QStringLiteral("runs"));
        m_runsPanel->selectRun(id);
    });
    // A finished run changes the front: reload it when a job ends.
    connect(m_queue, &JobQueue::jobFinished, m_paretoView, &ParetoView::reload);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1110});
    setCentralWidget(splitter);

    m_monitorDock = new QDockWidget(tr("Run monitor"), this);
    m_monitorDock->setObjectName(QStringLiteral("runMonitorDock"));
    m_monitorDock->setWidget(m_runMonitor);
    addDockWidget(Qt::BottomDockWidgetArea, m_monitorDock);

    connect(m_experimentPanel, &ExperimentPanel::jobCreated, m_runMonitor, &RunMonitor::track);
    connect(m_experimentPanel, &ExperimentPanel::jobCreated, m_monitorDock, [this] {
        m_monitorDock->show();
        m_monitorDock->raise();
    });
    connect(m_experimentPanel, &ExperimentPanel::externalRunStarted, m_runMonitor,
            &RunMonitor::trackExternal);
    connect(m_experimentPanel, &ExperimentPanel::externalRunStarted, m_monitorDock, [this] {
        m_monitorDock->show();
        m_monitorDock->raise();
    });
    // A run merged from outside the workbench is new to the store's views.
    connect(m_runMonitor, &RunMonitor::externalRunCollected, this, [this] {
        m_runsPanel->refresh();
        m_paretoView->reload();
    });
    connect(m_datasetPanel, &DatasetPanel::datasetOpened, this, [this](const QString &name) {
        m_experimentPanel->setDataset(m_datasetPanel->dataset());
        statusBar()->showMessage(tr("Opened %1").arg(name), 5000);
    });
    // One binning: the dataset filter's bins of a continuous or vector attribute are the groups
    // the launcher's run would form (same method, bins and seed).
    AttributePicker *picker = m_experimentPanel->fareLauncher()->attributePicker();
    const auto syncBinning = [this, picker] {
        m_datasetPanel->thumbnails()->setBinning(picker->binning(), picker->bins(), picker->seed());
    };
    connect(picker, &AttributePicker::binningChanged, this, syncBinning);
    syncBinning();
    connect(m_datasetPanel, &DatasetPanel::openFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    m_jobStatus = new JobStatusLabel(m_queue);
    m_storeStatus = new QLabel;
    m_storeStatus->setAccessibleName(tr("Run store"));
    statusBar()->addPermanentWidget(m_storeStatus);
    statusBar()->addPermanentWidget(m_jobStatus);
    statusBar()->showMessage(tr("Ready"));

    createMenus();

    QSettings settings;
    // An explicit EQUISCOPE_STORE wins over the remembered store (scripts, tests).
    const QString last = settings.value(kLastStore).toString();
    setStorePath(qEnvironmentVariableIsSet("EQUISCOPE_STORE") || last.isEmpty() ? defaultStorePath()
                                                                                : last);
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 860);
    fitToScreen();
    // Once shown, the window frame is known: fit again with it.
    QTimer::singleShot(0, this, &MainWindow::fitToScreen);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // Docks only take a size once the window is laid out.
        QTimer::singleShot(0, this, [this] { resizeDocks({m_monitorDock}, {280}, Qt::Vertical); });
    }
    showView(settings.value(QStringLiteral("window/view")).toString());
    // Remembered launcher values that could not be used are named, not silently replaced.
    const QStringList problems = m_experimentPanel->restoreRememberedValues();
    if (!problems.isEmpty())
        statusBar()->showMessage(problems.join(QLatin1Char(' ')));
}

MainWindow::~MainWindow() = default;

void MainWindow::fitToScreen()
{
    // A geometry saved on a larger screen, or the default size on a laptop, must not leave the
    // window larger than the screen with its status bar and log out of reach.
    QScreen *screen = this->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    if (isMaximized() || isFullScreen() || available.contains(geometry()))
        return;
    const QSize frameExtra = frameGeometry().size() - geometry().size();
    resize(size().boundedTo(available.size() - frameExtra));
    const QRect frame = frameGeometry();
    const int x = std::clamp(frame.left(), available.left(),
                             std::max(available.left(), available.right() - frame.width() + 1));
    const int y = std::clamp(frame.top(), available.top(),
                             std::max(available.top(), available.bottom() - frame.height() + 1));
    move(x, y);
}

int MainWindow::addPage(const QString &name, const QString &title, QWidget *page)
{
    auto *item = new QListWidgetItem(title, m_navigation);
    item->setData(Qt::UserRole, name);
    return m_pages->addWidget(scrollingPage(page));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open / Import Dataset…"), QKeySequence::Open, this, [this] {
        showView(QStringLiteral("datasets"));
        m_datasetPanel->openWizard();
    });
    file->addMenu(m_datasetPanel->recentDatasetsMenu());
    file->addAction(tr("Open &Colored Fashion-MNIST"), QKeySequence(tr("Ctrl+D")), this, [this] {
        showView(QStringLiteral("datasets"));
        m_datasetPanel->openDefaultDataset();
    });
    file->addAction(tr("Create Colored &MNIST / Fashion-MNIST…"), this, [this] {
        showView(QStringLiteral("datasets"));
        m_datasetPanel->openColoredMnistDialog();
    });
    file->addSeparator();
    file->addAction(tr("Choose Run &Store…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    &MainWindow::chooseStore);
    m_recentStores = file->addMenu(tr("&Recent Stores"));
    updateRecentStores();
    file->addSeparator();
    file->addAction(m_runsPanel->exportActions()->exportReportAction());
    file->addAction(m_runsPanel->exportActions()->exportModelAction());
    file->addAction(m_runsPanel->exportActions()->openAuditAction());
    file->addSeparator();
    // Desktops without a Preferences key (GNOME, offscreen) get Ctrl+, as most programs use.
    const QKeySequence preferences = QKeySequence(QKeySequence::Preferences).isEmpty()
                                         ? QKeySequence(tr("Ctrl+,"))
                                         : QKeySequence(QKeySequence::Preferences);
    file->addAction(tr("Se&ttings…"), preferences, this, &MainWindow::openSettings)
        ->setObjectName(QStringLiteral("settingsAction"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(tr("&New Run…"), QKeySequence::New, this,
                   [this] { showView(QStringLiteral("experiments")); });
    run->addAction(tr("Queue &Sweep…"), QKeySequence(tr("Ctrl+Shift+N")), this, [this] {
        showView(QStringLiteral("experiments"));
        m_experimentPanel->fareLauncher()->openSweepBuilder();
    });
    run->addSeparator();
    run->addAction(tr("&Cancel All Runs"), QKeySequence(tr("Ctrl+Shift+K")), m_queue,
                   &JobQueue::cancelAll);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    // Menu texts with accelerators; a page another family adds keeps its navigation title.
    const QHash<QString, QString> viewTitles{{QStringLiteral("datasets"), tr("&Datasets")},
                                             {QStringLiteral("experiments"), tr("&Experiments")},
                                             {QStringLiteral("runs"), tr("R&uns")},
                                             {QStringLiteral("compare"), tr("&Compare")}};
    for (int i = 0; i < m_navigation->count(); ++i) {
        const QString name = m_navigation->item(i)->data(Qt::UserRole).toString();
        m_viewMenu->addAction(viewTitles.value(name, m_navigation->item(i)->text()),
                              QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)), this,
                              [this, name] { showView(name); });
    }
    m_viewMenu->addSeparator();
    QAction *monitor = m_monitorDock->toggleViewAction();
    monitor->setText(tr("Run &Monitor"));
    monitor->setShortcut(QKeySequence(tr("Ctrl+M")));
    m_viewMenu->addAction(monitor);
    m_viewMenu->addAction(tr("&Refresh Runs"), QKeySequence::Refresh, this, [this] {
        m_runsPanel->refresh();
        m_paretoView->reload();
    });
    // Appearance: follow the desktop (default) or force light or dark; remembered.
    QMenu *theme = m_viewMenu->addMenu(tr("&Appearance"));
    auto *themes = new QActionGroup(theme);
    const AppTheme current = savedAppTheme();
    for (const auto &[value, title] :
         {std::pair{AppTheme::System, tr("Follow the &System")},
          std::pair{AppTheme::Light, tr("&Light")}, std::pair{AppTheme::Dark, tr("&Dark")}}) {
        QAction *action = theme->addAction(title);
        action->setCheckable(true);
        action->setChecked(value == current);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [value = value] {
            saveAppTheme(value);
            applyAppTheme(value);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Equiscope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), this, [] { QApplication::aboutQt(); });
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->languageChanged())
            statusBar()->showMessage(tr("The new language is shown the next time Equiscope "
                                        "starts."),
                                     10000);
    });
    dialog->open();
}

void MainWindow::setStorePath(const QString &path)
{
    if (path.isEmpty())
        return;
    m_storePath = path;
    m_experimentPanel->setStorePath(path);
    m_runMonitor->setStorePath(path);
    m_storeStatus->setText(tr("Store: %1").arg(QFileInfo(path).fileName()));
    m_storeStatus->setToolTip(path);
    QSettings settings;
    settings.setValue(kLastStore, path);
    QStringList recent = settings.value(kRecentStores).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(kRecentStores, recent.mid(0, kMaxRecent));
    updateRecentStores();
    Q_EMIT storePathChanged(path);
}

void MainWindow::chooseStore()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Open or create a run store"),
                                                      m_storePath, tr("Run stores (*.sqlite)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        setStorePath(path);
}

void MainWindow::updateRecentStores()
{
    if (!m_recentStores)
        return;
    m_recentStores->clear();
    const QStringList recent = QSettings().value(kRecentStores).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        // Numbered (&1…) so each entry has an accelerator; an '&' in a path stays literal.
        m_recentStores->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(
                                      QString(path).replace(QLatin1Char('&'), QLatin1String("&&"))),
                                  this, [this, path] { setStorePath(path); });
    }
    m_recentStores->setEnabled(!recent.isEmpty());
}

void MainWindow::setAnalysisPage(const QString &name, QWidget *page)
{
    QStackedWidget *slot = m_analysisSlots.value(name);
    if (!slot) {
        slot = new QStackedWidget;
        m_analysisSlots.insert(name, slot);
        QString title = name;
        if (!title.isEmpty())
            title[0] = title[0].toUpper();
        addPage(name, title, slot);
    }
    while (slot->count() > 0) {
        QWidget *old = slot->widget(0);
        slot->removeWidget(old);
        old->deleteLater();
    }
    slot->addWidget(page);
}

QWidget *MainWindow::analysisPage(const QString &name) const
{
    QStackedWidget *slot = m_analysisSlots.value(name);
    return slot && slot->count() > 0 ? slot->widget(0) : nullptr;
}

bool MainWindow::showView(const QString &name)
{
    if (name == QLatin1String("monitor")) {
        if (m_datasetPanel->isVisibleTo(this))
            showView(QStringLiteral("experiments"));
        m_monitorDock->show();
        m_monitorDock->raise();
        // Asked for by name: give it room for its curves (the user can shrink it again). Queued,
        // so it also works before the window is first laid out.
        QTimer::singleShot(0, this, [this] {
            if (m_monitorDock->height() < height() * 2 / 5)
                resizeDocks({m_monitorDock}, {height() * 2 / 5}, Qt::Vertical);
        });
        m_runMonitor->setFocus();
        return true;
    }
    for (int i = 0; i < m_navigation->count(); ++i) {
        if (m_navigation->item(i)->data(Qt::UserRole).toString() == name) {
            m_navigation->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_queue->running().isEmpty() || !m_queue->pending().isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Runs in progress"),
            tr("Runs are still training or queued. Cancel them and quit? Cancelled runs can be "
               "resumed later from their last checkpoint."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_queue->cancelAll();
    }
    m_experimentPanel->rememberValues();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    const QListWidgetItem *view = m_navigation->currentItem();
    settings.setValue(QStringLiteral("window/view"),
                      view ? view->data(Qt::UserRole).toString() : QString());
    event->accept();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("About Equiscope"),
        tr("<h3>Equiscope %1</h3><p>A desktop workbench for fair "
           "representation learning.</p><p>Qt %2</p><p>Collecting the "
           "engine's environment…</p>")
            .arg(QStringLiteral(EQUISCOPE_VERSION), QString::fromLatin1(qVersion())),
        QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(windowIcon().pixmap(64));
    box->open();
    // environmentInfo() loads LibTorch and runs a matrix product: keep it off the GUI thread.
    auto *watcher = new QFutureWatcher<EnvironmentInfo>(box);
    connect(watcher, &QFutureWatcher<EnvironmentInfo>::finished, box, [box, watcher] {
        const EnvironmentInfo info = watcher->result();
        box->setText(
            tr("<h3>Equiscope %1</h3><p>A desktop workbench for fair representation learning.</p>"
               "<table><tr><td>Qt</td><td>%2</td></tr><tr><td>LibTorch</td><td>%3</td></tr>"
               "<tr><td>OpenCV</td><td>%4</td></tr><tr><td>BLAS</td><td>%5%6</td></tr>"
               "<tr><td>Threads</td><td>%7</td></tr><tr><td>Device</td><td>%8</td></tr></table>")
                .arg(info.equiscopeVersion, info.qtVersion, info.torchVersion, info.openCvVersion,
                     info.blasLibrary.toHtmlEscaped(),
                     info.blasIsOptimised ? QString() : tr(" (reference BLAS: slow)"))
                .arg(info.torchThreads)
                .arg(info.cudaAvailable ? tr("CUDA available") : tr("CPU")));
    });
    watcher->setFuture(QtConcurrent::run(&environmentInfo));
}

} // namespace equiscope
