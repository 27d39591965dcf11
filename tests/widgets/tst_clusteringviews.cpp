// The clustering GUI on real runs made by ClusteringJob: the launcher form, the Clustering tab
// (per-group scores with the std, purity box plots and histograms, cluster sizes), the
// Cross-attention map with thumbnails of an image run's embeddings, and the Pareto view (F vs
// std across groups). Screenshots go to EQUISCOPE_SCREENSHOT_DIR when set.
#include "clusteringfixtures.h"
#include "enginefixtures.h"
#include "fixtures.h"
#include "launch/clusteringlauncher.h"
#include "launch/experimentpanel.h"
#include "launch/farelauncher.h"
#include "runs/rundetailview.h"
#include "runs/runspanel.h"
#include "views/clusteringview.h"
#include "views/crossattentionview.h"
#include "views/paretoview.h"

#include "clustering/clusteringjob.h"
#include "fare/farejob.h"
#include "jobs/jobqueue.h"
#include "store/runstore.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace equiscope;

class TestClusteringViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void launcherQueuesAClusteringJob();
    void clusteringTabShowsGroupsPurityAndSizes();
    void crossAttentionShowsThumbnails();
    void paretoPlotsFAgainstStd();
    void docsScreenshotsFromAStore();
    void refusesASensitiveAttributeTheRunLacks();

private:
    void grab(QWidget *widget, const QString &name);
    QString runJob(ClusteringJob *job);

    QTemporaryDir m_dir;
    QString m_store;
    QString m_features;
    QString m_fair, m_plain, m_knn, m_kmeans, m_images;
    QString m_encoderRun; ///< the FARE run whose encoder embeds images
};

QString TestClusteringViews::runJob(ClusteringJob *job)
{
    QSignalSpy finished(job, &RunJob::finished);
    job->start();
    if (!finished.wait(300000) || job->outcome() != JobOutcome::Finished) {
        qWarning("%s", qPrintable(job->message()));
        return {};
    }
    return job->runId();
}

void TestClusteringViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    m_store = m_dir.filePath(QStringLiteral("runs.sqlite"));
    m_features = fixtures::writeClusteringFeatures(m_dir.filePath(QStringLiteral("data")), 60, 8,
                                                   16, 0.9, 3);
    const ClusteringMethod methods[] = {ClusteringMethod::TransformerFair,
                                        ClusteringMethod::Transformer,
                                        ClusteringMethod::KnnThreshold, ClusteringMethod::KMeans};
    QString *ids[] = {&m_fair, &m_plain, &m_knn, &m_kmeans};
    for (int i = 0; i < 4; ++i) {
        ClusteringConfig c = fixtures::tinyClusteringRun(m_features, methods[i]);
        c.name = clusteringMethodName(methods[i]);
        c.epochs = 3;
        if (methods[i] == ClusteringMethod::KnnThreshold)
            c.knn = KnnIndex::Hnsw; // an approximate graph: its recall is shown
        ClusteringJob job(c, m_store);
        *ids[i] = runJob(&job);
        QVERIFY(!ids[i]->isEmpty());
    }

    // An image run: a short FARE run, then clustering its encoder's embeddings where every test
    // image is an identity of four augmented views (Colored Fashion-MNIST when installed).
    FareConfig fare = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("images")), 640, 200);
    if (!fixtures::fashionMnistDir().isEmpty()) {
        fare.dataset.options.clear();
        fare.dataset.path = fixtures::fashionMnistDir();
        fare.trainLimit = 1024;
        fare.probeTrainLimit = 500;
        fare.testLimit = 300;
    }
    fare.name = QStringLiteral("FARE encoder");
    fare.epochs = 1;
    fare.sensitive = {QStringLiteral("rgb")};
    FareJob train(fare, m_store);
    QSignalSpy trained(&train, &RunJob::finished);
    train.start();
    QVERIFY(trained.wait(300000));
    QCOMPARE(train.outcome(), JobOutcome::Finished);
    m_encoderRun = train.runId();
    ClusteringConfig c = fixtures::tinyClusteringRun(QString());
    c.dataset = DatasetSpec();
    c.name = QStringLiteral("fair clustering of FARE views");
    c.fromRun = train.runId();
    c.views = 4;
    c.sampleLimit = 80;
    c.sensitive = {QStringLiteral("color")};
    c.minGroupSize = 4;
    c.epochs = 2;
    ClusteringJob job(c, m_store);
    m_images = runJob(&job);
    QVERIFY(!m_images.isEmpty());
}

void TestClusteringViews::grab(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    for (QCustomPlot *plot : widget->findChildren<QCustomPlot *>())
        plot->replot(QCustomPlot::rpImmediateRefresh);
    const QPixmap pixmap = widget->grab();
    QVERIFY(!pixmap.isNull());
    QVERIFY(pixmap.save(QDir(m_dir.path()).filePath(name + QStringLiteral(".png"))));
    const QString docs = qEnvironmentVariable("EQUISCOPE_SCREENSHOT_DIR");
    if (!docs.isEmpty())
        QVERIFY(pixmap.save(QDir(docs).filePath(name + QStringLiteral(".png"))));
}

void TestClusteringViews::launcherQueuesAClusteringJob()
{
    JobQueue queue;
    ExperimentPanel panel(&queue);
    panel.setStorePath(m_store);
    panel.resize(1100, 780);
    panel.show();
    panel.familyBox()->setCurrentIndex(panel.familyBox()->findData(QStringLiteral("clustering")));
    ClusteringLauncher *launcher = panel.clusteringLauncher();
    QVERIFY(launcher->isVisible());
    // The FARE form no longer lists clustering methods; the launcher lists only them.
    QCOMPARE(panel.fareLauncher()->methodBox()->findData(QStringLiteral("kmeans")), -1);
    QVERIFY(launcher->methodBox()->findData(QStringLiteral("transformer-fair")) >= 0);
    QVERIFY(launcher->methodBox()->findData(QStringLiteral("fare")) < 0);
    QVERIFY(!launcher->launchButton()->isEnabled());
    QVERIFY(launcher->errorLabel()->text().contains(QStringLiteral("features")));
    launcher->featuresEdit()->setText(m_dir.filePath(QStringLiteral("nope.bin")));
    QVERIFY(launcher->errorLabel()->text().contains(QStringLiteral("no such file")));

    ClusteringConfig full = fixtures::tinyClusteringRun(m_features);
    full.name = QStringLiteral("fair clustering");
    full.knn = KnnIndex::Ivf;
    full.ivfProbes = 9;
    full.hnswLinks = 24;
    full.recallSample = 77;
    launcher->setConfig(full);
    QCOMPARE(launcher->config().toJson(), full.toJson()); // every field round-trips the form

    ClusteringConfig c = fixtures::tinyClusteringRun(m_features, ClusteringMethod::KnnThreshold);
    c.name = QStringLiteral("from the launcher");
    launcher->setConfig(c);
    QVERIFY2(launcher->validationError().isEmpty(), qPrintable(launcher->validationError()));
    const ClusteringConfig back = launcher->config();
    QCOMPARE(back.method, ClusteringMethod::KnnThreshold);
    QCOMPARE(back.k, 10);
    QCOMPARE(back.dataset.options.value(QStringLiteral("groups")).toString(),
             QStringLiteral("groups.txt"));
    QCOMPARE(back.edgeThreshold, c.edgeThreshold);

    // The run source lists the store's finished FARE-family runs.
    QSignalSpy runs(launcher, &ClusteringLauncher::runsLoaded);
    launcher->refreshRuns();
    QVERIFY(runs.wait(10000));
    QCOMPARE(launcher->runBox()->count(), 1);
    // From a run, the sensitive attributes are the run's dataset attributes, the run's own
    // sensitive attribute checked; a name the dataset lacks is refused before launch.
    QSignalSpy attributes(launcher, &ClusteringLauncher::runAttributesLoaded);
    launcher->sourceBox()->setCurrentIndex(1);
    QVERIFY(launcher->errorLabel()->text().contains(QStringLiteral("Reading the attributes")));
    QVERIFY(attributes.wait(60000));
    QStringList names, checked;
    for (int i = 0; i < launcher->sensitiveList()->count(); ++i) {
        const QListWidgetItem *item = launcher->sensitiveList()->item(i);
        names << item->text();
        if (item->checkState() == Qt::Checked)
            checked << item->text();
    }
    QVERIFY2(names.contains(QStringLiteral("color")) && names.contains(QStringLiteral("label")),
             qPrintable(names.join(QLatin1Char(','))));
    QCOMPARE(checked, QStringList{QStringLiteral("rgb")});
    QVERIFY2(launcher->validationError().isEmpty(), qPrintable(launcher->validationError()));
    QCOMPARE(launcher->config().sensitive, QStringList{QStringLiteral("rgb")});
    ClusteringConfig fromRun = launcher->config();
    fromRun.sensitive = {QStringLiteral("group")}; // the feature-file default
    launcher->setConfig(fromRun);
    QVERIFY(attributes.wait(60000));
    QVERIFY2(launcher->errorLabel()->text().contains(
                 QStringLiteral("'group' is not an attribute of the source run's dataset")),
             qPrintable(launcher->errorLabel()->text()));
    QVERIFY(!launcher->launchButton()->isEnabled());
    launcher->sensitiveList()
        ->item(names.indexOf(QStringLiteral("color")))
        ->setCheckState(Qt::Checked);
    launcher->sensitiveList()
        ->item(launcher->sensitiveList()->count() - 1)
        ->setCheckState(Qt::Unchecked);
    QVERIFY2(launcher->validationError().isEmpty(), qPrintable(launcher->validationError()));
    QCOMPARE(launcher->config().sensitive, QStringList{QStringLiteral("color")});
    launcher->setConfig(full);
    // The estimate builds the tiny kNN graph, times a few training steps and leaves inference
    // out of the total.
    QSignalSpy shown(launcher, &LauncherForm::estimateShown);
    QTest::mouseClick(launcher->estimateButton(), Qt::LeftButton);
    QVERIFY(shown.wait(120000));
    const QString cost = launcher->costLabel()->text();
    QVERIFY2(
        cost.startsWith(QStringLiteral("At least")) && cost.contains(QStringLiteral("kNN graph")) &&
            cost.contains(QStringLiteral("training")) && cost.contains(QStringLiteral("anchors/s")),
        qPrintable(cost));
    grab(&panel, QStringLiteral("clustering-launcher"));
    launcher->setConfig(c);

    QSignalSpy created(&panel, &ExperimentPanel::jobCreated);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    launcher->launchButton()->click();
    QCOMPARE(created.count(), 1);
    QVERIFY(finished.wait(120000));
    QCOMPARE(queue.done().size(), 1);
    auto *job = qobject_cast<ClusteringJob *>(queue.done().first());
    QVERIFY(job);
    QCOMPARE(job->outcome(), JobOutcome::Finished);
    QCOMPARE(job->config().name, QStringLiteral("from the launcher"));
}

void TestClusteringViews::clusteringTabShowsGroupsPurityAndSizes()
{
    RunsPanel panel;
    panel.resize(1200, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(m_store);
    QVERIFY(loaded.wait(10000));
    RunDetailView *detail = panel.detailView();
    QSignalSpy drawn(detail->clusteringView(), &ClusteringView::loaded);
    panel.selectRun(m_fair);
    QVERIFY(detail->clusteringTabVisible());
    QVERIFY(detail->crossAttentionTabVisible());
    QVERIFY(drawn.wait(10000));
    ClusteringView *view = detail->clusteringView();
    QCOMPARE(view->purityGroups(),
             (QStringList{QStringLiteral("group=common"), QStringLiteral("group=rare")}));
    QVERIFY2(view->summaryLabel()->text().contains(QStringLiteral("std across groups")),
             qPrintable(view->summaryLabel()->text()));
    QCOMPARE(view->scorePlot()->plottableCount(), 1);
    auto *bars = qobject_cast<QCPBars *>(view->scorePlot()->plottable(0));
    QCOMPARE(bars->data()->size(), 2); // one bar per group
    QVERIFY(view->purityBoxPlot()->plottableCount() >= 1);
    QVERIFY(view->sizePlot()->plottableCount() == 1);
    view->setScore(QStringLiteral("bcubed_f_score"));
    QVERIFY(view->summaryLabel()->text().contains(QStringLiteral("bcubed_f_score")));
    view->setScore(QStringLiteral("pairwise_f_score"));
    detail->showTab(view);
    grab(&panel, QStringLiteral("clustering-purity"));

    // An approximate graph's recall: in the summary, and per group as one more score.
    QSignalSpy knnDrawn(detail->clusteringView(), &ClusteringView::loaded);
    panel.selectRun(m_knn);
    QVERIFY(knnDrawn.wait(10000));
    QVERIFY2(view->summaryLabel()->text().contains(QStringLiteral("HNSW, recall@k")),
             qPrintable(view->summaryLabel()->text()));
    view->setScore(QStringLiteral("knn_recall"));
    QCOMPARE(qobject_cast<QCPBars *>(view->scorePlot()->plottable(0))->data()->size(), 2);

    // Baselines show the Clustering tab but have no Cross-attention.
    panel.selectRun(m_kmeans);
    QVERIFY(!view->summaryLabel()->text().contains(QStringLiteral("recall@k")));
    QVERIFY(detail->clusteringTabVisible());
    QVERIFY(!detail->crossAttentionTabVisible());
    panel.selectRun(m_plain);
    QVERIFY(!detail->crossAttentionTabVisible());
}

void TestClusteringViews::crossAttentionShowsThumbnails()
{
    RunsPanel panel;
    panel.resize(1200, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(m_store);
    QVERIFY(loaded.wait(10000));
    RunDetailView *detail = panel.detailView();
    CrossAttentionView *view = detail->crossAttentionView();
    QSignalSpy shown(view, &CrossAttentionView::snapshotShown);
    panel.selectRun(m_images);
    QVERIFY(detail->crossAttentionTabVisible());
    QVERIFY(shown.wait(60000));
    QCOMPARE(view->snapshot().epoch, 2);
    QCOMPARE(view->epochBox()->count(), 2);
    QCOMPARE(view->anchorBox()->count(), 3);
    QCOMPARE(view->attentionMap()->data()->keySize(), 5);   // centroid tokens
    QCOMPARE(view->attentionMap()->data()->valueSize(), 5); // furthest tokens
    QCOMPARE(view->thumbnailCount(), 11);                   // anchor + 5 + 5
    view->anchorBox()->setCurrentIndex(1);
    detail->showTab(view);
    grab(&panel, QStringLiteral("clustering-cross-attention"));
    // Switching epochs reloads the map.
    view->epochBox()->setCurrentIndex(0);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->snapshot().epoch, 1);

    // Features without images: no thumbnails.
    QSignalSpy again(view, &CrossAttentionView::snapshotShown);
    panel.selectRun(m_fair);
    QVERIFY(again.wait(10000));
    QCOMPARE(view->thumbnailCount(), 0);
}

void TestClusteringViews::paretoPlotsFAgainstStd()
{
    ParetoView view;
    view.resize(900, 650);
    view.show();
    QSignalSpy loaded(&view, &ParetoView::loaded);
    view.setStorePath(m_store);
    QVERIFY(loaded.wait(10000));
    view.setAxes(QStringLiteral("pairwise_f_score_group_std"), QStringLiteral("pairwise_f_score"));
    // Every clustering run with two judged groups is a point; the FARE run has no F.
    QVERIFY(view.pointIds().contains(m_fair));
    QVERIFY(view.pointIds().contains(m_kmeans));
    QVERIFY(!view.frontIds().isEmpty());
    QVERIFY(view.plot()->xAxis->label().contains(QStringLiteral("lower is better")));
    QVERIFY(view.plot()->yAxis->label().contains(QStringLiteral("higher is better")));
    grab(&view, QStringLiteral("clustering-pareto"));
}

void TestClusteringViews::docsScreenshotsFromAStore()
{
    // The screenshots in docs/ come from a real store (the reproduction's) when one is given:
    //   EQUISCOPE_SCREENSHOT_STORE=… EQUISCOPE_SCREENSHOT_DIR=docs/screenshots
    const QString path = qEnvironmentVariable("EQUISCOPE_SCREENSHOT_STORE");
    if (path.isEmpty() || qEnvironmentVariable("EQUISCOPE_SCREENSHOT_DIR").isEmpty())
        QSKIP("EQUISCOPE_SCREENSHOT_STORE / EQUISCOPE_SCREENSHOT_DIR not set");
    auto store = RunStore::open(path);
    QVERIFY2(store.ok(), qPrintable(store.error().toString()));
    RunFilter filter;
    filter.family = RunFamily::Clustering;
    filter.status = RunStatus::Finished;
    filter.method = QStringLiteral("transformer-fair");
    const auto runs = store.value()->runs(filter);
    QVERIFY(runs.ok() && !runs->isEmpty());
    const QString id = runs->first().id;
    store.value().reset();

    RunsPanel panel;
    panel.resize(1200, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(path);
    QVERIFY(loaded.wait(20000));
    RunDetailView *detail = panel.detailView();
    QSignalSpy drawn(detail->clusteringView(), &ClusteringView::loaded);
    QSignalSpy shown(detail->crossAttentionView(), &CrossAttentionView::snapshotShown);
    panel.selectRun(id);
    QVERIFY(drawn.wait(20000));
    detail->showTab(detail->clusteringView());
    grab(&panel, QStringLiteral("clustering-purity"));
    QVERIFY(shown.count() > 0 || shown.wait(120000));
    detail->showTab(detail->crossAttentionView());
    grab(&panel, QStringLiteral("clustering-cross-attention"));

    ParetoView view;
    view.resize(900, 650);
    view.show();
    QSignalSpy paretoLoaded(&view, &ParetoView::loaded);
    view.setStorePath(path);
    QVERIFY(paretoLoaded.wait(20000));
    view.setAxes(QStringLiteral("pairwise_f_score_group_std"), QStringLiteral("pairwise_f_score"));
    grab(&view, QStringLiteral("clustering-pareto"));
}

void TestClusteringViews::refusesASensitiveAttributeTheRunLacks()
{
    // The engine refuses it too (the CLI has no list to pick from), before embedding anything.
    ClusteringConfig c = fixtures::tinyClusteringRun(QString());
    c.dataset = DatasetSpec();
    c.fromRun = m_encoderRun;
    c.sampleLimit = 40;
    c.sensitive = {QStringLiteral("group")};
    ClusteringJob job(c, m_store);
    QSignalSpy finished(&job, &RunJob::finished);
    job.start();
    QVERIFY(finished.wait(120000));
    QCOMPARE(job.outcome(), JobOutcome::Failed);
    QVERIFY2(job.message().contains(QStringLiteral("sensitive attribute 'group' is not an "
                                                   "attribute of the dataset")) &&
                 job.message().contains(QStringLiteral("color")),
             qPrintable(job.message()));
}

QTEST_MAIN(TestClusteringViews)
#include "tst_clusteringviews.moc"
