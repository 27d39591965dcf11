// The launcher's "Run on" (docs/guide/scaling-out.md): a run started from the real workbench
// window as N local processes of one data-parallel run, or as a Slurm job, through equiscope-cli;
// the run monitor polls it and the finished run is merged into the workbench's store.
#include "launch/clusteringlauncher.h"
#include "launch/experimentpanel.h"
#include "launch/farelauncher.h"
#include "launch/runplacechoice.h"
#include "runs/externalrun.h"
#include "runs/externalrunsview.h"
#include "runs/runmonitor.h"
#include "shell/mainwindow.h"

#include "clusteringfixtures.h"
#include "enginefixtures.h"
#include "families/sweepplan.h"
#include "store/runstore.h"
#include "testsettings.h"
#include "widgetchecks.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace equiscope;

class TestExternalRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void choiceChecksItsFields();
    void oneProcessMethodsRefuseSeveralProcesses();
    void trainsAsTwoLocalProcessesAndMergesTheRun();
    void cancelsALocalRun();
    void submitsToSlurmAndCollects();
    void cleanupTestCase();

private:
    /// The FARE launcher with a tiny run of @p epochs, Run on = @p place.
    FareLauncher *fareForm(int epochs, int place, const QString &name);
    QString storePath() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }

    QTemporaryDir m_dir;
    FareConfig m_tiny;
    std::unique_ptr<MainWindow> m_window;
};

void TestExternalRun::initTestCase()
{
    Q_INIT_RESOURCE(equiscope);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    fixtures::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    qputenv("EQUISCOPE_STORE", storePath().toUtf8());
    qputenv("EQUISCOPE_CLI", EQUISCOPE_CLI_PATH);
    // Small: every run here is a chain of real processes (sweep run → sweep task → 2 ranks),
    // which under the sanitizers start and train several times slower.
    m_tiny = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("data")), 128, 64);
    m_tiny.epochEvaluationSamples = 0;
    m_tiny.bootstrapResamples = 10;
    m_tiny.threads = 1;
    m_window = std::make_unique<MainWindow>();
    m_window->show();
}

void TestExternalRun::cleanupTestCase()
{
    m_window.reset();
}

FareLauncher *TestExternalRun::fareForm(int epochs, int place, const QString &name)
{
    FareLauncher *form = m_window->experimentPanel()->fareLauncher();
    FareConfig c = m_tiny;
    c.epochs = epochs;
    c.warmupEpochs = 0;
    c.name = name;
    form->setConfig(c);
    form->runPlace()->setPlace(place);
    form->runPlace()->setProcesses(2);
    return form;
}

void TestExternalRun::choiceChecksItsFields()
{
    RunPlaceChoice choice;
    auto *model = qobject_cast<QStandardItemModel *>(choice.placeBox()->model());
    QVERIFY(model);
    // Slurm can be chosen exactly where sbatch is installed; otherwise the tooltip says why.
    const bool sbatch = !QStandardPaths::findExecutable(QStringLiteral("sbatch")).isEmpty();
    QCOMPARE(model->item(2)->isEnabled(), sbatch);
    if (!sbatch)
        QVERIFY(choice.placeBox()->itemData(2, Qt::ToolTipRole).toString().contains("sbatch"));
    QVERIFY(choice.inWorkbench());
    choice.setPlace(1);
    QVERIFY(!choice.inWorkbench());
    QVERIFY(choice.processesBox()->isVisibleTo(&choice));
    QVERIFY(!choice.partitionEdit()->isVisibleTo(&choice));
    choice.setPlace(2);
    QVERIFY(choice.partitionEdit()->isVisibleTo(&choice));
    QVERIFY(choice.validationError().isEmpty());
    for (const char *bad : {"2h", "1:2:3:4", "-5"}) {
        choice.timeLimitEdit()->setText(QString::fromLatin1(bad));
        QVERIFY2(choice.validationError().contains(QString::fromLatin1(bad)), bad);
    }
    for (const char *good : {"90", "02:00:00", "1-12:00:00", "1-12"}) {
        choice.timeLimitEdit()->setText(QString::fromLatin1(good));
        QVERIFY2(choice.validationError().isEmpty(), qPrintable(choice.validationError()));
    }
    choice.partitionEdit()->setText(QStringLiteral("gpu; rm -rf"));
    QVERIFY(choice.validationError().contains(QStringLiteral("partition")));
    choice.partitionEdit()->setText(QStringLiteral("gpu-long"));
    choice.nodesBox()->setValue(4);
    const ExternalRun::Request r = choice.request();
    QCOMPARE(r.place, ExternalRun::Place::Slurm);
    QCOMPARE(r.partition, QStringLiteral("gpu-long"));
    QCOMPARE(r.timeLimit, QStringLiteral("1-12"));
    QCOMPARE(r.nodes, 4);
}

void TestExternalRun::oneProcessMethodsRefuseSeveralProcesses()
{
    // The fields each place shows keep the page's mnemonics unique.
    FareLauncher *fare = m_window->experimentPanel()->fareLauncher();
    QVERIFY(m_window->showView(QStringLiteral("experiments")));
    for (int place : {1, 2, 0}) {
        fare->runPlace()->setPlace(place);
        const QStringList clashes =
            widgetchecks::mnemonicClashes(m_window.get(), m_window->menuBar());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }

    // k-means trains nothing to split: the form says so and Launch stays off.
    ClusteringLauncher *form = m_window->experimentPanel()->clusteringLauncher();
    form->setConfig(fixtures::tinyClusteringRun(
        fixtures::writeClusteringFeatures(m_dir.filePath(QStringLiteral("features"))),
        ClusteringMethod::KMeans));
    QCOMPARE(form->currentMethod(), QStringLiteral("kmeans"));
    form->runPlace()->setPlace(0);
    QVERIFY2(form->launchButton()->isEnabled(), qPrintable(form->errorLabel()->text()));
    form->runPlace()->setPlace(1);
    QVERIFY2(form->errorLabel()->text().contains(QStringLiteral("trains in one process")),
             qPrintable(form->errorLabel()->text()));
    QVERIFY(!form->launchButton()->isEnabled());
    QVERIFY(form->setMethod(QStringLiteral("transformer-fair")));
    QVERIFY(!form->errorLabel()->text().contains(QStringLiteral("trains in one process")));
    form->runPlace()->setPlace(0);
    QCOMPARE(form->setMethod(QStringLiteral("kmeans")), true);
    QVERIFY(form->launchButton()->isEnabled());
}

void TestExternalRun::trainsAsTwoLocalProcessesAndMergesTheRun()
{
    FareLauncher *form = fareForm(1, 1, QStringLiteral("two ranks"));
    QVERIFY2(form->launchButton()->isEnabled(), qPrintable(form->errorLabel()->text()));
    ExternalRunsView *view = m_window->runMonitor()->externalRuns();
    QSignalSpy collected(view, &ExternalRunsView::runCollected);
    QTest::mouseClick(form->launchButton(), Qt::LeftButton);
    QCOMPARE(view->rowCount(), 1);
    QVERIFY(view->isVisibleTo(m_window->runMonitor()));
    ExternalRun *run = view->run(0);
    QCOMPARE(run->name(), QStringLiteral("two ranks"));
    // Its folder is a one-point sweep next to the store.
    auto plan = SweepPlan::read(run->folder());
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
    QCOMPARE(plan->points().size(), 1);
    QVERIFY(run->folder().startsWith(m_dir.path()));
    QVERIFY(collected.wait(600000));
    QCOMPARE(run->state(), ExternalRun::State::Finished);
    QVERIFY2(run->errorText().isEmpty(), qPrintable(run->errorText()));
    QVERIFY(view->table()->topLevelItem(0)->text(1).contains(QStringLiteral("finished")));

    // In the workbench's store: one finished run, trained by two ranks.
    const QString runId = collected.first().first().toString();
    auto store = RunStore::open(storePath());
    QVERIFY(store);
    auto record = store.value()->run(runId);
    QVERIFY2(record, qPrintable(runId));
    QCOMPARE(record->status, RunStatus::Finished);
    QCOMPARE(record->name, QStringLiteral("two ranks"));
    QCOMPARE(record->versions.value(QStringLiteral("data_parallel"))
                 .toObject()
                 .value(QStringLiteral("world_size"))
                 .toInt(),
             2);
    QCOMPARE(store.value()->epochs(runId)->size(), 1);
}

void TestExternalRun::cancelsALocalRun()
{
    FareLauncher *form = fareForm(500, 1, QStringLiteral("cancelled ranks"));
    ExternalRunsView *view = m_window->runMonitor()->externalRuns();
    const int row = view->rowCount();
    QTest::mouseClick(form->launchButton(), Qt::LeftButton);
    QCOMPARE(view->rowCount(), row + 1);
    ExternalRun *run = view->run(row);
    run->setPollInterval(300);
    QTRY_VERIFY_WITH_TIMEOUT(run->epochsRecorded() >= 1, 300000);
    QCOMPARE(run->state(), ExternalRun::State::Running);
    view->selectRow(row);
    QVERIFY(view->cancelButton()->isEnabled());
    QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
    QCOMPARE(run->state(), ExternalRun::State::Cancelled);
    QVERIFY(!view->cancelButton()->isEnabled());
    // Every process stopped: the point's run ends (cancelled, or interrupted when a rank saw its
    // peer go first) instead of training on.
    const QString shard = SweepPlan::shardPath(run->folder(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto store = RunStore::open(shard);
            if (!store)
                return false;
            auto r = store.value()->run(run->runId());
            return r && r->status != RunStatus::Running;
        }(),
        180000);
}

void TestExternalRun::submitsToSlurmAndCollects()
{
    // Against real daemons only: tests/slurm/slurm-sweep.sh starts them and runs this function.
    if (qEnvironmentVariableIsEmpty("EQUISCOPE_TEST_SLURM"))
        QSKIP("needs a running Slurm: tests/slurm/slurm-sweep.sh runs this with its daemons");
    FareLauncher *form = fareForm(1, 2, QStringLiteral("slurm job"));
    form->runPlace()->timeLimitEdit()->setText(QStringLiteral("00:10:00"));
    QVERIFY2(form->launchButton()->isEnabled(), qPrintable(form->errorLabel()->text()));
    ExternalRunsView *view = m_window->runMonitor()->externalRuns();
    QSignalSpy collected(view, &ExternalRunsView::runCollected);
    const int row = view->rowCount();
    QTest::mouseClick(form->launchButton(), Qt::LeftButton);
    QCOMPARE(view->rowCount(), row + 1);
    ExternalRun *run = view->run(row);
    run->setPollInterval(500);
    QTRY_VERIFY_WITH_TIMEOUT(!run->slurmJob().isEmpty(), 60000);
    QVERIFY(collected.wait(600000));
    QCOMPARE(run->state(), ExternalRun::State::Finished);
    QVERIFY(view->table()->topLevelItem(row)->text(1).contains(run->slurmJob()));
    auto store = RunStore::open(storePath());
    QVERIFY(store);
    QCOMPARE(store.value()->run(collected.first().first().toString())->status, RunStatus::Finished);
}

QTEST_MAIN(TestExternalRun)
#include "tst_externalrun.moc"
