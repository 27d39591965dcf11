// The fair-SSL GUI: the launcher form (validation, table-driven stage options, launching a job),
// the experiment panel switching to it, and the run-detail tabs (stages with thumbnails,
// meta-weight histograms, per-group charts) on a run store built through the RunStore API.
#include "launch/clusteringlauncher.h"
#include "launch/experimentpanel.h"
#include "launch/fairssllauncher.h"
#include "launch/farelauncher.h"
#include "runs/rundetailview.h"
#include "views/fairsslgroupview.h"
#include "views/fairsslstageview.h"
#include "views/fairsslweightview.h"

#include "fairsslfixtures.h"

#include "data/datasetreader.h"
#include "fairssl/fairssljob.h"
#include "jobs/jobqueue.h"
#include "store/runstore.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace equiscope;

namespace {

QString pngBase64(const QColor &colour)
{
    QImage image(28, 28, QImage::Format_RGB888);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QString::fromLatin1(bytes.toBase64());
}

void put(RunStore &store, const QString &id, const QString &kind, const QString &name,
         const QJsonObject &json, std::optional<int> epoch = std::nullopt)
{
    ArtifactRecord a;
    a.kind = kind;
    a.name = name;
    a.epoch = epoch;
    a.mime = QStringLiteral("application/json");
    store.putArtifact(id, a, QJsonDocument(json).toJson(QJsonDocument::Compact)).value();
}

MetricRow row(const QString &name, double value, std::optional<double> lo = {},
              std::optional<double> hi = {}, const QString &group = {},
              std::optional<qint64> size = {})
{
    MetricRow m;
    m.name = name;
    m.value = value;
    m.ciLow = lo;
    m.ciHigh = hi;
    m.group = group;
    m.groupSize = size;
    return m;
}

/// A finished fair-SSL run with every artifact the views read, and a FARE run.
struct Store
{
    QString path, fairSsl, fare;
};

Store buildStore(const QString &dir)
{
    Store s;
    s.path = dir + QStringLiteral("/views.sqlite");
    auto store = std::move(RunStore::open(s.path).value());
    RunRecord r;
    r.name = QStringLiteral("fair-ssl seed 0");
    r.method = QStringLiteral("fair-ssl");
    r.family = RunFamily::FairSsl;
    r.config = FairSslConfig::coloredFashionMnistDefault().toJson();
    s.fairSsl = store->createRun(r).value();
    const QStringList stages{QStringLiteral("embed"),        QStringLiteral("dedup"),
                             QStringLiteral("retrieve"),     QStringLiteral("quality"),
                             QStringLiteral("pseudo-label"), QStringLiteral("train"),
                             QStringLiteral("classifier")};
    // Stored out of order on purpose: the view sorts them by the method's stage order.
    for (int i = int(stages.size()) - 1; i >= 0; --i)
        put(*store, s.fairSsl, QStringLiteral("fairssl-stage"), stages[i],
            QJsonObject{
                {QStringLiteral("stage"), stages[i]},
                {QStringLiteral("input"), 1000 - 100 * i},
                {QStringLiteral("kept"), 900 - 100 * i},
                {QStringLiteral("dropped"), 100},
                {QStringLiteral("seconds"), 1.5},
                {QStringLiteral("details"), QJsonObject{{QStringLiteral("threshold"), 0.95}}}});
    QJsonArray duplicates, blurry;
    for (int i = 0; i < 5; ++i)
        duplicates.append(QJsonObject{{QStringLiteral("sample"), 10 + i},
                                      {QStringLiteral("partner"), i},
                                      {QStringLiteral("score"), 0.97},
                                      {QStringLiteral("reason"), QStringLiteral("duplicate")},
                                      {QStringLiteral("image"), pngBase64(Qt::red)},
                                      {QStringLiteral("partnerImage"), pngBase64(Qt::darkRed)}});
    for (int i = 0; i < 3; ++i)
        blurry.append(QJsonObject{{QStringLiteral("sample"), 50 + i},
                                  {QStringLiteral("score"), 3.5},
                                  {QStringLiteral("reason"), QStringLiteral("low sharpness")},
                                  {QStringLiteral("image"), pngBase64(Qt::gray)}});
    put(*store, s.fairSsl, QStringLiteral("fairssl-thumbnails"), QStringLiteral("dedup"),
        QJsonObject{{QStringLiteral("items"), duplicates}});
    put(*store, s.fairSsl, QStringLiteral("fairssl-thumbnails"), QStringLiteral("quality"),
        QJsonObject{{QStringLiteral("items"), blurry}});
    for (int epoch = 6; epoch <= 8; ++epoch) {
        QJsonArray groups;
        for (const QString &g : {QStringLiteral("color=blue"), QStringLiteral("color=red")}) {
            QJsonArray counts;
            for (int b = 0; b < 20; ++b)
                counts.append(b == epoch + (g.endsWith(QLatin1String("red")) ? 4 : 0) ? 30 : 1);
            groups.append(QJsonObject{{QStringLiteral("label"), g},
                                      {QStringLiteral("counts"), counts},
                                      {QStringLiteral("n"), 49},
                                      {QStringLiteral("mean"), 0.3 + 0.02 * epoch}});
        }
        put(*store, s.fairSsl, QStringLiteral("meta-weights"), QStringLiteral("histogram"),
            QJsonObject{{QStringLiteral("bins"), 20}, {QStringLiteral("groups"), groups}}, epoch);
        store->recordEpoch(s.fairSsl, epoch, QJsonObject{{QStringLiteral("loss"), 9.0 - epoch}}, 1)
            .value();
    }
    store
        ->putMetrics(
            s.fairSsl, QStringLiteral("final"),
            {row(QStringLiteral("accuracy"), 0.82),
             row(QStringLiteral("accuracy_std"), 0.05, 0.03, 0.07),
             row(QStringLiteral("worst_group_accuracy"), 0.7, 0.6, 0.8),
             row(QStringLiteral("accuracy"), 0.9, 0.88, 0.92, QStringLiteral("color=red"), 900),
             row(QStringLiteral("true_positive_rate"), 0.85, 0.8, 0.9, QStringLiteral("color=red"),
                 900),
             row(QStringLiteral("accuracy"), 0.7, 0.6, 0.8, QStringLiteral("color=blue"), 60),
             row(QStringLiteral("true_positive_rate"), 0.6, 0.5, 0.7, QStringLiteral("color=blue"),
                 60),
             row(QStringLiteral("too_small_to_judge"), 1, {}, {}, QStringLiteral("color=gray"),
                 12)})
        .value();
    store->finishRun(s.fairSsl, RunStatus::Finished).value();

    RunRecord fare;
    fare.name = QStringLiteral("fare");
    fare.method = QStringLiteral("fare");
    s.fare = store->createRun(fare).value();
    store->finishRun(s.fare, RunStatus::Finished).value();
    return s;
}

void check(QListWidget *list, const QString &item)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(list->item(i)->text() == item ? Qt::Checked : Qt::Unchecked);
}

} // namespace

class TestFairSslViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fixtures::FairSslFixture m_fixture;
    Dataset m_dataset;
    Store m_store;

    void grab(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("EQUISCOPE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QCoreApplication::processEvents();
        for (QCustomPlot *plot : widget->findChildren<QCustomPlot *>())
            plot->replot(QCustomPlot::rpImmediateRefresh);
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<RunJob *>("equiscope::RunJob*");
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_fixture = fixtures::writeFairSslFixture(m_dir.filePath(QStringLiteral("data")));
        auto ds = openDataset(m_fixture.config.dataset);
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        m_dataset = ds.value();
        m_store = buildStore(m_dir.path());
    }

    void launcherValidatesAndBuildsTheConfig()
    {
        JobQueue queue;
        FairSslLauncher launcher(&queue);
        launcher.resize(1100, 800);
        // The default demo (no dataset opened) is valid as it is.
        QVERIFY2(launcher.validationError().isEmpty(), qPrintable(launcher.validationError()));
        QCOMPARE(launcher.config().targetLevels.size(), 2);

        launcher.setDataset(&m_dataset);
        launcher.targetBox()->setCurrentText(QStringLiteral("shape"));
        check(launcher.sensitiveList(), {});
        QVERIFY(!launcher.launchButton()->isEnabled());
        QVERIFY(!launcher.errorLabel()->text().isEmpty());
        check(launcher.sensitiveList(), QStringLiteral("tint"));
        QTRY_VERIFY(launcher.launchButton()->isEnabled());
        // One level is not a classification.
        check(launcher.levelsList(), QStringLiteral("top"));
        QVERIFY(!launcher.validationError().isEmpty());
        check(launcher.levelsList(), {});
        QVERIFY(launcher.validationError().isEmpty());

        // The stage options come from the registry's table, per method.
        QVERIFY(launcher.optionEditor(QStringLiteral("metaWeight.scope")));
        launcher.setMethod(QStringLiteral("supcon"));
        QVERIFY(!launcher.optionEditor(QStringLiteral("metaWeight.scope")));
        QVERIFY(launcher.optionEditor(QStringLiteral("dedup.threshold")));
        launcher.setMethod(QStringLiteral("fair-ssl"));
        auto *dedup = qobject_cast<QDoubleSpinBox *>(
            launcher.optionEditor(QStringLiteral("dedup.threshold")));
        QVERIFY(dedup);
        dedup->setValue(0.9);
        auto *quality =
            qobject_cast<QCheckBox *>(launcher.optionEditor(QStringLiteral("quality.enabled")));
        quality->setChecked(false);
        const FairSslConfig c = launcher.config();
        QCOMPARE(c.method, FairSslMethod::FairSsl);
        QCOMPARE(c.dedupThreshold, 0.9);
        QCOMPARE(c.qualityFilter, false);
        QCOMPARE(c.sensitive, QStringList{QStringLiteral("tint")});
        QCOMPARE(c.dataset.format, QStringLiteral("folder-csv"));

        // A TorchScript encoder needs its file; zero-shot needs the text embeddings.
        launcher.encoderSourceBox()->setCurrentIndex(
            launcher.encoderSourceBox()->findData(QStringLiteral("torchscript")));
        launcher.encoderFileEdit()->setText(m_dir.filePath(QStringLiteral("nope.pt")));
        QVERIFY2(launcher.errorLabel()->text().contains(QStringLiteral("nope.pt")),
                 qPrintable(launcher.errorLabel()->text()));
        QVERIFY(!launcher.launchButton()->isEnabled());
        launcher.encoderSourceBox()->setCurrentIndex(0);
        QVERIFY(launcher.launchButton()->isEnabled());
        grab(&launcher, QStringLiteral("fair-ssl-launcher-form"));

        // setConfig() fills the form back.
        FairSslConfig other = m_fixture.config;
        other.method = FairSslMethod::SimClr;
        other.epochs = 7;
        other.epochEvaluationSamples = 250;
        launcher.setConfig(other);
        QCOMPARE(launcher.config().method, FairSslMethod::SimClr);
        QCOMPARE(launcher.config().epochs, 7);
        QCOMPARE(launcher.config().epochEvaluationSamples, qint64(250));
        QCOMPARE(launcher.config().encoderSource, QStringLiteral("simclr"));
    }

    void launcherEstimatesEveryStage()
    {
        // The estimate comes from the family (MethodFamily::estimateCost), stage by stage: the
        // SimCLR stage is timed here, the curated training stage is bounded, the curation
        // stages are not counted, so the total is a lower bound.
        JobQueue queue;
        FairSslLauncher launcher(&queue);
        launcher.setStorePath(m_dir.filePath(QStringLiteral("estimate.sqlite")));
        launcher.setDataset(&m_dataset);
        launcher.setConfig(m_fixture.config);
        QVERIFY(launcher.estimateButton()->isEnabled());
        QSignalSpy shown(&launcher, &LauncherForm::estimateShown);
        QTest::mouseClick(launcher.estimateButton(), Qt::LeftButton);
        QVERIFY(shown.wait(120000));
        const QString text = launcher.costLabel()->text();
        QVERIFY2(text.startsWith(QStringLiteral("At least")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("SimCLR embedding")) &&
                     text.contains(QStringLiteral("calibration")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("training")) &&
                     text.contains(QStringLiteral("at most this many images")),
                 qPrintable(text));
        QVERIFY(launcher.costLabel()->isVisibleTo(&launcher));
    }

    void launchingQueuesAFairSslJob()
    {
        JobQueue queue;
        FairSslLauncher launcher(&queue);
        launcher.setStorePath(m_dir.filePath(QStringLiteral("launched.sqlite")));
        launcher.setDataset(&m_dataset);
        FairSslConfig c = m_fixture.config;
        c.method = FairSslMethod::SimClr;
        c.embedEpochs = 1;
        launcher.setConfig(c);
        QSignalSpy created(&launcher, &FairSslLauncher::jobCreated);
        QSignalSpy finished(&queue, &JobQueue::jobFinished);
        FairSslJob *job = launcher.launch();
        QVERIFY2(job, qPrintable(launcher.validationError()));
        QCOMPARE(created.count(), 1);
        QVERIFY(finished.wait(300000));
        QCOMPARE(job->outcome(), JobOutcome::Finished);
        QCOMPARE(job->methodName(), QStringLiteral("simclr"));
    }

    void experimentPanelSwitchesToTheLauncher()
    {
        JobQueue queue;
        ExperimentPanel panel(&queue);
        auto *pages = panel.findChild<QStackedWidget *>();
        QVERIFY(pages);
        QVERIFY(pages->currentWidget() != panel.fairSslLauncher());
        // Each form lists its own family only.
        QCOMPARE(panel.fareLauncher()->methodBox()->findData(QStringLiteral("supcon")), -1);
        QCOMPARE(panel.fairSslLauncher()->methodBox()->findData(QStringLiteral("cclk")), -1);
        panel.familyBox()->setCurrentIndex(panel.familyBox()->findData(QStringLiteral("fair-ssl")));
        QCOMPARE(pages->currentWidget(), panel.fairSslLauncher());
        // selectMethod picks the family and the method; the FARE form keeps its own choice.
        const QString fareMethod = panel.fareLauncher()->methodBox()->currentData().toString();
        QVERIFY(panel.selectMethod(QStringLiteral("supcon")));
        QCOMPARE(pages->currentWidget(), panel.fairSslLauncher());
        QCOMPARE(panel.fairSslLauncher()->methodBox()->currentData().toString(),
                 QStringLiteral("supcon"));
        QCOMPARE(panel.fareLauncher()->methodBox()->currentData().toString(), fareMethod);
        QVERIFY(panel.selectMethod(QStringLiteral("cclk")));
        QVERIFY(pages->currentWidget() != panel.fairSslLauncher());
        QCOMPARE(panel.familyBox()->currentData().toString(), QStringLiteral("fare"));
        QCOMPARE(panel.fareLauncher()->methodBox()->currentData().toString(),
                 QStringLiteral("cclk"));
        QVERIFY(panel.selectMethod(QStringLiteral("kmeans")));
        QCOMPARE(pages->currentWidget(), panel.clusteringLauncher());
        QVERIFY(!panel.selectMethod(QStringLiteral("no-such-method")));
    }

    void runDetailShowsTheFairSslTabs()
    {
        auto runs = loadRunSummaries(m_store.path);
        QVERIFY(runs.ok());
        RunSummary fairSsl, fare;
        for (const RunSummary &r : runs.value())
            (r.record.id == m_store.fairSsl ? fairSsl : fare) = r;
        RunDetailView view;
        view.resize(1100, 750);
        view.show();
        view.setRun(m_store.path, fare);
        QVERIFY(!view.fairSslTabsVisible());

        QSignalSpy stagesLoaded(view.stageView(), &FairSslStageView::loaded);
        QSignalSpy weightsLoaded(view.weightView(), &FairSslWeightView::loaded);
        view.setRun(m_store.path, fairSsl);
        QVERIFY(view.fairSslTabsVisible());
        QVERIFY(stagesLoaded.count() > 0 || stagesLoaded.wait(10000));
        QVERIFY(weightsLoaded.count() > 0 || weightsLoaded.wait(10000));

        QTableWidget *table = view.stageView()->stageTable();
        QCOMPARE(table->rowCount(), 7);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("embed"));
        QCOMPARE(table->item(6, 0)->text(), QStringLiteral("classifier"));
        QCOMPARE(view.stageView()->duplicateList()->count(), 5);
        QCOMPARE(view.stageView()->lowQualityList()->count(), 3);
        QVERIFY(!view.stageView()->duplicateList()->item(0)->icon().isNull());
        QVERIFY(view.stageView()->duplicateList()->item(0)->toolTip().contains(
            QStringLiteral("duplicate")));
        QCOMPARE(view.stageView()->funnelPlot()->plottableCount(), 2);
        view.showTab(view.stageView());
        grab(&view, QStringLiteral("fair-ssl-stages-widget"));

        // Meta-weights: the smallest group first, a cell per (epoch, bin).
        QComboBox *groups = view.weightView()->groupBox();
        QCOMPARE(groups->count(), 2);
        QCPColorMap *map = view.weightView()->histogramMap();
        QCOMPARE(map->data()->keySize(), 3);
        QCOMPARE(map->data()->valueSize(), 20);
        groups->setCurrentText(QStringLiteral("color=blue"));
        QVERIFY(std::abs(map->data()->cell(0, 6) - 30.0 / 49.0) < 1e-9); // epoch 6, bin 6
        groups->setCurrentText(QStringLiteral("color=red"));
        QVERIFY(std::abs(map->data()->cell(0, 10) - 30.0 / 49.0) < 1e-9);
        QCOMPARE(view.weightView()->meanPlot()->graphCount(), 2);
        QCOMPARE(view.weightView()->meanPlot()->graph(0)->dataCount(), 3);

        // Per-group results: one bar series per rate, too-small groups named but not drawn.
        FairSslGroupView *results = view.groupView();
        QCOMPARE(results->drawnMetrics(),
                 (QStringList{QStringLiteral("accuracy"), QStringLiteral("true_positive_rate")}));
        auto *bars = qobject_cast<QCPBars *>(results->groupPlot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->dataCount(), 2);
        QCOMPARE(results->summaryTable()->rowCount(), 3);
        view.showTab(results);
        grab(&view, QStringLiteral("fair-ssl-groups-widget"));
    }
};

QTEST_MAIN(TestFairSslViews)
#include "tst_fairsslviews.moc"
