#include "mainwindow.h"

#include "datasetpanel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace equiscope {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Equiscope — fairness workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/equiscope.svg")));

    m_navigation = new QListWidget;
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setMaximumWidth(180);
    m_pages = new QStackedWidget;

    m_datasetPanel = new DatasetPanel;
    m_navigation->addItem(tr("Datasets"));
    m_navigation->item(0)->setData(Qt::UserRole, QStringLiteral("datasets"));
    m_pages->addWidget(m_datasetPanel);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &Colored Fashion-MNIST"), QKeySequence(tr("Ctrl+D")), m_datasetPanel,
                    &DatasetPanel::openDefaultDataset);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Equiscope"), this, &MainWindow::showAbout);

    connect(m_datasetPanel, &DatasetPanel::datasetOpened, this,
            [this](const QString &name) { statusBar()->showMessage(tr("Opened %1").arg(name), 5000); });
    connect(m_datasetPanel, &DatasetPanel::openFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    statusBar()->showMessage(tr("Ready"));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

bool MainWindow::showView(const QString &name)
{
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
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Equiscope"),
                       tr("<h3>Equiscope %1</h3><p>A desktop workbench for fair representation learning.</p>"
                          "<p>Qt %2</p>")
                           .arg(QStringLiteral(EQUISCOPE_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace equiscope
