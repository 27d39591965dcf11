// Drives the real workbench window offscreen: open a tiny dataset, pick attributes in the
// launcher, launch a tiny run and watch its row, cancel and resume, queue a sweep.
#include "datasets/datasetpanel.h"
#include "datasets/thumbnailbrowser.h"
#include "fare/farejob.h"
#include "launch/attributepicker.h"
#include "launch/clusteringlauncher.h"
#include "launch/computechoice.h"
#include "launch/experimentpanel.h"
#include "launch/fairssllauncher.h"
#include "launch/farelauncher.h"
#include "launch/methodregistry.h"
#include "launch/sweepdialog.h"
#include "runs/runmonitor.h"
#include "runs/runspanel.h"
#include "shell/mainwindow.h"

#include "enginefixtures.h"
#include "jobs/jobqueue.h"
#include "testsettings.h"
#include "util/environment.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <qcustomplot.h>

using namespace equiscope;

class TestLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registryListsTheFareFamily();
    void opensDatasetAndPicksAttributes();
    void launchesTinyRunAndShowsProgress();
    void estimatesTheCostAfterARun();
    void cancelsAndResumesRun();
    void queuesTwoRunSweep();
    void analysisSlotsTakePages();
    void remembersLauncherValuesAcrossRestarts();
    void choosesDeviceAndPrecision();
    void cleanupTestCase();

private:
    void setRows(QListWidget *list, const QStringList &checked);

    QTemporaryDir m_dir;
    FareConfig m_tiny;
    std::unique_ptr<MainWindow> m_window;
};

void TestLauncher::initTestCase()
{
    Q_INIT_RESOURCE(equiscope);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    fixtures::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    qputenv("EQUISCOPE_CACHE_DIR", (m_dir.path() + QStringLiteral("/cache")).toUtf8());
    qputenv("EQUISCOPE_STORE", (m_dir.path() + QStringLiteral("/runs.sqlite")).toUtf8());
    m_tiny = fixtures::tinyColoredRun(m_dir.path() + QStringLiteral("/data"));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QCOMPARE(m_window->storePath(), m_dir.path() + QStringLiteral("/runs.sqlite"));
}

void TestLauncher::remembersLauncherValuesAcrossRestarts()
{
    FareConfig wanted = m_tiny;
    wanted.epochs = 7;
    wanted.seed = 42;
    wanted.batchSize = 48;
    wanted.testLimit = 300;
    wanted.loss.method = LossMethod::InfoNce;
    wanted.name = QStringLiteral("one run's own name");
    {
        MainWindow first;
        first.show();
        first.experimentPanel()->fareLauncher()->setConfig(wanted);
        ClusteringLauncher *clustering = first.experimentPanel()->clusteringLauncher();
        ClusteringConfig cluster = clustering->config();
        cluster.epochs = 9;
        cluster.dataset.path = m_dir.filePath(QStringLiteral("features.npy"));
        clustering->setConfig(cluster);
        QComboBox *family = first.experimentPanel()->familyBox();
        family->setCurrentIndex(family->findData(QStringLiteral("clustering")));
        QVERIFY(first.close()); // closing remembers every form's values
    }
    {
        MainWindow second;
        const FareConfig got = second.experimentPanel()->fareLauncher()->config();
        QCOMPARE(got.loss.method, LossMethod::InfoNce);
        QCOMPARE(got.epochs, 7);
        QCOMPARE(got.seed, quint64(42));
        QCOMPARE(got.batchSize, 48);
        QCOMPARE(got.testLimit, qint64(300));
        // The dataset follows the Datasets page (none open: the default), the name is not kept.
        QCOMPARE(got.dataset.path, FareConfig::coloredFashionMnistDefault().dataset.path);
        QVERIFY(got.name != wanted.name);
        const ClusteringConfig cluster = second.experimentPanel()->clusteringLauncher()->config();
        QCOMPARE(cluster.epochs, 9);
        QCOMPARE(cluster.dataset.path, m_dir.filePath(QStringLiteral("features.npy")));
        QCOMPARE(second.experimentPanel()->familyBox()->currentData().toString(),
                 QStringLiteral("clustering"));
        QVERIFY(!second.statusBar()->currentMessage().contains(QStringLiteral("Remembered")));
    }
    // A settings file edited by hand: the values are refused by name, dropped, and the form
    // keeps its defaults.
    QSettings().setValue(QStringLiteral("launcher/fare/config"), QStringLiteral("{\"epochs\": "));
    {
        MainWindow third;
        const QString message = third.statusBar()->currentMessage();
        QVERIFY2(message.startsWith(QStringLiteral("Remembered launcher values of")) &&
                     message.contains(QStringLiteral("FARE family")) &&
                     message.contains(QStringLiteral("not used")),
                 qPrintable(message));
        QCOMPARE(third.experimentPanel()->fareLauncher()->config().epochs,
                 FareConfig::coloredFashionMnistDefault().epochs);
        QVERIFY(!QSettings().contains(QStringLiteral("launcher/fare/config")));
    }
    QSettings().remove(QStringLiteral("launcher"));
}

// Every family's form says where its runs compute (and the FARE and fair-SSL forms in what
// precision); what this LibTorch cannot do is offered greyed out with the reason, and a config
// asking for it anyway (one from another machine) is refused by the form's validation.
void TestLauncher::choosesDeviceAndPrecision()
{
    MainWindow window;
    window.show();
    FareLauncher *fare = window.experimentPanel()->fareLauncher();
    auto *compute = fare->findChild<ComputeChoice *>();
    QVERIFY(compute);
    QCOMPARE(compute->device(), QStringLiteral("auto"));
    QCOMPARE(fare->config().precision, QStringLiteral("fp32"));
    compute->setDevice(QStringLiteral("cpu"));
    compute->setPrecision(QStringLiteral("bf16"));
    QCOMPARE(fare->config().device, QStringLiteral("cpu"));
    QCOMPARE(fare->config().precision, QStringLiteral("bf16"));
    QVERIFY(!fare->validationError().contains(QStringLiteral("bf16")));
    if (cudaDeviceCount() == 0) {
        auto *model = qobject_cast<QStandardItemModel *>(compute->deviceBox()->model());
        QVERIFY(model);
        const int cuda = compute->deviceBox()->findData(QStringLiteral("cuda"));
        QVERIFY(cuda >= 0 && !model->item(cuda)->isEnabled());
        QVERIFY(model->item(cuda)->toolTip().contains(QStringLiteral("no CUDA device")));
        compute->setPrecision(QStringLiteral("fp16"));
        QVERIFY2(fare->validationError().contains(QStringLiteral("fp16")),
                 qPrintable(fare->validationError()));
        compute->setPrecision(QStringLiteral("fp32"));
        compute->setDevice(QStringLiteral("cuda:0"));
        QCOMPARE(compute->device(), QStringLiteral("cuda:0"));
        QVERIFY2(fare->validationError().contains(QStringLiteral("no CUDA device")),
                 qPrintable(fare->validationError()));
    }
    FareConfig c = fare->config();
    c.device = QStringLiteral("cpu");
    c.precision = QStringLiteral("bf16");
    fare->setConfig(c);
    QCOMPARE(compute->device(), QStringLiteral("cpu"));
    QCOMPARE(compute->precision(), QStringLiteral("bf16"));

    auto *ssl = window.experimentPanel()->fairSslLauncher()->findChild<ComputeChoice *>();
    QVERIFY(ssl && ssl->precisionBox());
    ssl->setPrecision(QStringLiteral("bf16"));
    QCOMPARE(window.experimentPanel()->fairSslLauncher()->config().precision,
             QStringLiteral("bf16"));
    ClusteringLauncher *clustering = window.experimentPanel()->clusteringLauncher();
    auto *cluster = clustering->findChild<ComputeChoice *>();
    QVERIFY(cluster && cluster->precisionBox());
    cluster->setDevice(QStringLiteral("cpu"));
    QCOMPARE(clustering->config().device, QStringLiteral("cpu"));
    cluster->setDevice(QStringLiteral("auto"));
    cluster->setPrecision(QStringLiteral("bf16"));
    QCOMPARE(clustering->config().precision, QStringLiteral("bf16"));
    // The clustering transformer's reduced precision needs CUDA: refused without it.
    if (cudaDeviceCount() == 0) {
        QVERIFY2(clustering->validationError().contains(QStringLiteral("CUDA")),
                 qPrintable(clustering->validationError()));
        cluster->setDevice(QStringLiteral("cpu"));
        QVERIFY2(clustering->validationError().contains(QStringLiteral("CUDA")),
                 qPrintable(clustering->validationError()));
    }
}

void TestLauncher::cleanupTestCase()
{
    m_window->jobQueue()->cancelAll();
    m_window.reset();
}

void TestLauncher::setRows(QListWidget *list, const QStringList &checked)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(checked.contains(list->item(i)->text()) ? Qt::Checked
                                                                             : Qt::Unchecked);
}

void TestLauncher::registryListsTheFareFamily()
{
    const MethodRegistry &registry = MethodRegistry::instance();
    for (const QString &name : lossMethodNames()) {
        const MethodInfo *info = registry.method(name);
        QVERIFY2(info, qPrintable(name));
        QCOMPARE(info->family, RunFamily::Fare);
        QVERIFY(!info->description.isEmpty());
        for (const MethodOption &o : info->options) {
            QVERIFY2(!o.toolTip.isEmpty(), qPrintable(o.key));
            // Every default must be accepted by the engine's own option parser.
            const QString text =
                o.kind == MethodOption::Kind::Flag
                    ? (o.defaultValue.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                    : o.defaultValue.toString();
            QVERIFY2(LossConfig().withOption(o.key, text).ok(), qPrintable(o.key + text));
        }
    }
    QCOMPARE(registry.families(), (QStringList{QStringLiteral("fare"), QStringLiteral("fair-ssl"),
                                               QStringLiteral("clustering")}));
}

void TestLauncher::opensDatasetAndPicksAttributes()
{
    QVERIFY(m_window->showView(QStringLiteral("datasets")));
    QSignalSpy opened(m_window->datasetPanel(), &DatasetPanel::datasetOpened);
    m_window->datasetPanel()->openDataset(m_tiny.dataset);
    QVERIFY(opened.wait(60000));
    QVERIFY(m_window->showView(QStringLiteral("experiments")));

    FareLauncher *panel = m_window->experimentPanel()->fareLauncher();
    QVERIFY(panel->targetBox()->findText(QStringLiteral("label")) >= 0);
    QListWidget *sensitive = panel->sensitiveList();
    QVERIFY(!sensitive->findItems(QStringLiteral("rgb"), Qt::MatchExactly).isEmpty());
    // The dataset filter bins as the launcher does: its bins are the run's groups.
    ThumbnailBrowser *browser = m_window->datasetPanel()->thumbnails();
    panel->attributePicker()->setBins(5);
    panel->attributePicker()->setSeed(9);
    QCOMPARE(browser->binCount(), 5);
    QCOMPARE(browser->binSeed(), quint64(9));
    QCOMPARE(browser->binningMethod(), panel->attributePicker()->binning());
    panel->attributePicker()->setBins(4);
    panel->attributePicker()->setSeed(m_tiny.seed);

    panel->targetBox()->setCurrentText(QStringLiteral("label"));
    setRows(sensitive, {});
    QVERIFY(!panel->launchButton()->isEnabled());
    QVERIFY(!panel->errorLabel()->text().isEmpty());
    setRows(sensitive, {QStringLiteral("rgb")});
    QTRY_VERIFY(panel->launchButton()->isEnabled());
    QVERIFY(panel->errorLabel()->text().isEmpty());
    // The target may not also be the sensitive attribute: validateAgainst/validate say why.
    setRows(sensitive, {QStringLiteral("rgb"), QStringLiteral("label")});
    const QString both = panel->validationError();
    qInfo("target also sensitive: %s", both.isEmpty() ? "accepted" : qPrintable(both));
    setRows(sensitive, {QStringLiteral("rgb")});

    panel->setConfig(m_tiny);
    const FareConfig c = panel->config();
    QCOMPARE(c.target, QStringLiteral("label"));
    QCOMPARE(c.sensitive, QStringList{QStringLiteral("rgb")});
    QCOMPARE(c.dataset.format, m_tiny.dataset.format);
    QCOMPARE(c.batchSize, m_tiny.batchSize);
    QVERIFY(panel->launchButton()->isEnabled());

    // Method switch regenerates the option editors from the registry.
    panel->methodBox()->setCurrentIndex(panel->methodBox()->findData(QStringLiteral("cclk")));
    QVERIFY(panel->findChild<QWidget *>(QStringLiteral("kernel")));
    panel->methodBox()->setCurrentIndex(panel->methodBox()->findData(QStringLiteral("fare")));
    QVERIFY(panel->findChild<QWidget *>(QStringLiteral("attentionScale")));
}

void TestLauncher::launchesTinyRunAndShowsProgress()
{
    FareLauncher *panel = m_window->experimentPanel()->fareLauncher();
    FareConfig c = m_tiny;
    c.name = QStringLiteral("tiny launch");
    c.epochs = 2;
    c.epochEvaluationSamples = 60; // per-epoch accuracy and fairness in the monitor
    panel->setConfig(c);
    RunMonitor *monitor = m_window->runMonitor();
    const int before = monitor->rowCount();
    QTest::mouseClick(panel->launchButton(), Qt::LeftButton);
    QCOMPARE(monitor->rowCount(), before + 1);
    auto *job = qobject_cast<FareJob *>(monitor->job(before));
    QVERIFY(job);
    QCOMPARE(job->config().epochs, 2);
    QSignalSpy progress(job, &FareJob::progressChanged);
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 120000);
    monitor->selectRow(before);
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(before), RunMonitor::State::Finished, 300000);
    auto *bar = qobject_cast<QProgressBar *>(
        monitor->jobTable()->itemWidget(monitor->jobTable()->topLevelItem(before), 2));
    QVERIFY(bar);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(monitor->lossPlot()->graph(0)->dataCount() > 0);
    // One accuracy point per epoch, in percent; the plot is shown for this run.
    QCOMPARE(monitor->fairnessPlot()->graph(0)->dataCount(), 2);
    const double accuracy = monitor->fairnessPlot()->graph(0)->data()->at(1)->value;
    QVERIFY2(accuracy > 1.0 && accuracy <= 100.0, qPrintable(QString::number(accuracy)));
    QTRY_VERIFY(monitor->fairnessPlot()->isVisible());
    QVERIFY(!monitor->runId(before).isEmpty());
    QVERIFY(!monitor->logView()->toPlainText().isEmpty());
}

void TestLauncher::estimatesTheCostAfterARun()
{
    // The store now holds the finished tiny run: the estimate takes its throughput.
    FareLauncher *panel = m_window->experimentPanel()->fareLauncher();
    FareConfig c = m_tiny;
    c.epochs = 2;
    panel->setConfig(c);
    QSignalSpy shown(panel, &FareLauncher::estimateShown);
    QTest::mouseClick(panel->estimateButton(), Qt::LeftButton);
    QVERIFY(shown.wait(120000));
    const QString text = panel->costLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("images/s")) && text.contains(QStringLiteral("past run")),
             qPrintable(text));
    QVERIFY(!text.startsWith(QStringLiteral("⚠")));
    QVERIFY(panel->estimateButton()->isEnabled());
    // Beyond an hour the estimate warns: the launcher's most epochs with the slow encoder (no
    // past run of it: a calibration).
    c.epochs = 10000;
    c.encoder = QStringLiteral("resnet18");
    panel->setConfig(c);
    QTest::mouseClick(panel->estimateButton(), Qt::LeftButton);
    QVERIFY(shown.wait(120000));
    QVERIFY2(panel->costLabel()->text().startsWith(QStringLiteral("⚠")),
             qPrintable(panel->costLabel()->text()));
}

void TestLauncher::cancelsAndResumesRun()
{
    FareLauncher *panel = m_window->experimentPanel()->fareLauncher();
    FareConfig c = m_tiny;
    c.name = QStringLiteral("tiny cancel");
    c.epochs = 50;
    panel->setConfig(c);
    RunMonitor *monitor = m_window->runMonitor();
    FareJob *job = panel->launch();
    QVERIFY(job);
    const int row = monitor->rowCount() - 1;
    QCOMPARE(monitor->job(row), job);
    QSignalSpy progress(job, &FareJob::progressChanged);
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 120000);
    QCOMPARE(monitor->state(row), RunMonitor::State::Running);
    monitor->selectRow(row);
    monitor->cancelSelected();
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(row), RunMonitor::State::Cancelled, 120000);
    QCOMPARE(job->outcome(), JobOutcome::Cancelled);

    monitor->selectRow(row);
    const int stepsDrawn = monitor->lossPlot()->graph(0)->dataCount();
    const QString runId = monitor->runId(row);
    RunJob *resumed = monitor->resumeSelected();
    QVERIFY(resumed);
    // The run continues in its own row, which keeps its curves and its store id.
    QCOMPARE(monitor->rowCount(), row + 1);
    QCOMPARE(monitor->job(row), resumed);
    QCOMPARE(monitor->runId(row), runId);
    QVERIFY(monitor->state(row) == RunMonitor::State::Queued ||
            monitor->state(row) == RunMonitor::State::Running);
    QCOMPARE(monitor->lossPlot()->graph(0)->dataCount(), stepsDrawn);
    QVERIFY(monitor->logView()->toPlainText().contains(QStringLiteral("resumed")));
    QSignalSpy resumedProgress(resumed, &FareJob::progressChanged);
    QSignalSpy resumedFinished(resumed, &FareJob::finished);
    QTRY_VERIFY_WITH_TIMEOUT(resumedProgress.count() > 0 || resumedFinished.count() > 0, 120000);
    QVERIFY(monitor->state(row) != RunMonitor::State::Cancelled);
    monitor->selectRow(row);
    monitor->cancelSelected();
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(row), RunMonitor::State::Cancelled, 120000);
}

void TestLauncher::queuesTwoRunSweep()
{
    FareLauncher *panel = m_window->experimentPanel()->fareLauncher();
    FareConfig base = m_tiny;
    base.name = QStringLiteral("sweep");
    base.epochs = 30;
    SweepDialog dialog(base);
    dialog.setGrid(QStringLiteral("learningRate"), QStringLiteral("0.001, 0.002"), QString(),
                   QString(), QStringLiteral("7"));
    const QList<FareConfig> runs = dialog.configs();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[1].learningRate, 0.002);
    QCOMPARE(runs[0].seed, quint64(7));
    // Exported as a sweep folder, the same two runs (what `equiscope-cli sweep run` reads).
    QTemporaryDir exportDir;
    QCOMPARE(dialog.exportTo(exportDir.path()), QString());
    const auto exported = SweepPlan::read(exportDir.path());
    QVERIFY2(exported, qPrintable(exported.error().toString()));
    QCOMPARE(exported->points().size(), 2);
    QCOMPARE(FareConfig::fromJson(exported->points()[1].config)->learningRate, 0.002);
    QCOMPARE(exported->points()[0].name, runs[0].name);
    dialog.setGrid(QStringLiteral("learningRate"), QStringLiteral("0.001,0.002"),
                   QStringLiteral("temperature"), QStringLiteral("0.1,0.5"), QStringLiteral("1,2"));
    QCOMPARE(dialog.configs().size(), 8);
    dialog.setGrid(QStringLiteral("learningRate"), QStringLiteral("x"), QString(), QString(),
                   QStringLiteral("1"));
    QVERIFY(dialog.configs().isEmpty());

    RunMonitor *monitor = m_window->runMonitor();
    const int before = monitor->rowCount();
    const QList<FareJob *> jobs = panel->enqueue(runs);
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(monitor->rowCount(), before + 2);
    QCOMPARE(m_window->jobQueue()->running().size() + m_window->jobQueue()->pending().size(), 2);
    QCOMPARE(monitor->state(before + 1), RunMonitor::State::Queued);
    m_window->jobQueue()->cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(before + 1), RunMonitor::State::Cancelled, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(monitor->state(before), RunMonitor::State::Cancelled, 120000);
}

void TestLauncher::analysisSlotsTakePages()
{
    QVERIFY(m_window->showView(QStringLiteral("runs")));
    QVERIFY(m_window->showView(QStringLiteral("compare")));
    // The built-in analysis views fill the runs and compare slots.
    QVERIFY(qobject_cast<RunsPanel *>(m_window->analysisPage(QStringLiteral("runs"))));
    QVERIFY(m_window->analysisPage(QStringLiteral("compare")));
    // Another method family plugs a page in, and may replace it later.
    auto *page = new QLabel(QStringLiteral("stage view"));
    m_window->setAnalysisPage(QStringLiteral("stages"), page);
    QCOMPARE(m_window->analysisPage(QStringLiteral("stages")), page);
    QVERIFY(m_window->showView(QStringLiteral("stages")));
    QVERIFY(page->isVisible());
    auto *replacement = new QLabel(QStringLiteral("stage view 2"));
    m_window->setAnalysisPage(QStringLiteral("stages"), replacement);
    QCOMPARE(m_window->analysisPage(QStringLiteral("stages")), replacement);
    m_window->setAnalysisPage(QStringLiteral("pareto"), new QLabel(QStringLiteral("pareto")));
    QVERIFY(m_window->showView(QStringLiteral("pareto")));
    QVERIFY(m_window->showView(QStringLiteral("monitor")));
    QVERIFY(!m_window->showView(QStringLiteral("nope")));
}

QTEST_MAIN(TestLauncher)
#include "tst_launcher.moc"
