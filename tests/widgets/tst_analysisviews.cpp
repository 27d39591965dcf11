// The analysis views (runs table + run details, attention, Pareto, compare) on a real run store
// built through the RunStore API in a temporary directory.
#include "attentionview.h"
#include "compareview.h"
#include "paretoview.h"
#include "rundetailview.h"
#include "runspanel.h"

#include "engine/trainingsession.h"
#include "store/runstore.h"

#include <qcustomplot.h>

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace equiscope;

namespace {

QJsonObject configFor(const QString &method, double lr, int batch)
{
    return QJsonObject{
        {QStringLiteral("method"), method},
        {QStringLiteral("seed"), 7},
        {QStringLiteral("epochs"), 2},
        {QStringLiteral("optimizer"),
         QJsonObject{{QStringLiteral("lr"), lr}, {QStringLiteral("weightDecay"), 0.0001}}},
        {QStringLiteral("batchSize"), batch},
        {QStringLiteral("dataset"),
         QJsonObject{{QStringLiteral("format"), QStringLiteral("mnist-json")},
                     {QStringLiteral("path"), QStringLiteral("/nonexistent/colored.json")}}},
    };
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

// A 6-sample probe batch, three colour groups; the epoch shifts attention mass so the two
// snapshots differ everywhere.
QByteArray snapshotJson(int epoch)
{
    AttentionSnapshot s;
    s.epoch = epoch;
    s.size = 6;
    s.groupLabels = {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")};
    s.zDim = 3;
    const float colours[3][3] = {{220, 40, 30}, {40, 180, 60}, {30, 60, 220}};
    for (int i = 0; i < s.size; ++i) {
        s.samples << 100 + i;
        s.groups << i / 2;
        for (float c : colours[i / 2])
            s.z << c;
        float sum = 0;
        QVector<float> r;
        for (int j = 0; j < s.size; ++j) {
            const float w = (i / 2 == j / 2 ? 4.0f * epoch : 1.0f) + 0.1f * j;
            r << w;
            sum += w;
        }
        for (float w : r)
            s.matrix << w / sum;
    }
    for (int g = 0; g < 3; ++g)
        for (int h = 0; h < 3; ++h) {
            float sum = 0;
            for (int i = 2 * g; i < 2 * g + 2; ++i)
                for (int j = 2 * h; j < 2 * h + 2; ++j)
                    sum += s.matrix.at(i * s.size + j);
            s.groupMatrix << sum / 2;
        }
    return QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact);
}

struct Fixture
{
    QString path;
    QString fare, baseline, sparse, weak, queued;
};

QString addRun(RunStore &store, const QString &name, const QString &method, double lr, int batch,
               double accuracy, double biasMse, RunStatus status = RunStatus::Finished)
{
    RunRecord r;
    r.name = name;
    r.method = method;
    r.config = configFor(method, lr, batch);
    r.versions = QJsonObject{{QStringLiteral("equiscope"), QStringLiteral("0.1.0")},
                             {QStringLiteral("qt"), QStringLiteral(QT_VERSION_STR)}};
    const QString id = store.createRun(r).value();
    if (status == RunStatus::Queued)
        return id;
    for (int epoch = 1; epoch <= 2; ++epoch)
        store
            .recordEpoch(id, epoch,
                         QJsonObject{{QStringLiteral("loss"), 2.0 / epoch + lr * 100},
                                     {QStringLiteral("learningRate"), lr},
                                     {QStringLiteral("imagesPerSecond"), 900.0 + epoch},
                                     {QStringLiteral("attentionEntropy"), 1.7 - 0.3 * epoch},
                                     {QStringLiteral("emptySupportRows"), 0}},
                         1.5)
            .value();
    store
        .putMetrics(
            id, QStringLiteral("final"),
            {row(QStringLiteral("accuracy"), accuracy, accuracy - 0.02, accuracy + 0.02),
             row(QStringLiteral("bias_mse"), biasMse),
             row(QStringLiteral("accuracy"), accuracy + 0.03, accuracy, accuracy + 0.05,
                 QStringLiteral("red"), 500),
             row(QStringLiteral("accuracy"), accuracy - 0.04, accuracy - 0.08, accuracy - 0.01,
                 QStringLiteral("green"), 480),
             row(QStringLiteral("too_small_to_judge"), 1, {}, {}, QStringLiteral("blue"), 12)})
        .value();
    store.finishRun(id, status).value();
    return id;
}

Fixture buildStore(const QString &dir)
{
    Fixture f;
    f.path = QDir(dir).filePath(QStringLiteral("runs.sqlite"));
    auto opened = RunStore::open(f.path);
    auto store = std::move(opened.value());
    // (bias_mse ↑, accuracy ↑): fare, baseline and sparse are on the front; weak is dominated
    // by fare.
    f.fare =
        addRun(*store, QStringLiteral("fare-a"), QStringLiteral("fare"), 0.001, 64, 0.90, 0.20);
    f.baseline =
        addRun(*store, QStringLiteral("simclr-b"), QStringLiteral("simclr"), 0.003, 64, 0.85, 0.30);
    f.sparse = addRun(*store, QStringLiteral("sparse-c"), QStringLiteral("sparse-fare"), 0.001, 128,
                      0.95, 0.10);
    f.weak =
        addRun(*store, QStringLiteral("weak-d"), QStringLiteral("simclr"), 0.001, 64, 0.80, 0.15);
    f.queued = addRun(*store, QStringLiteral("queued-e"), QStringLiteral("fare"), 0.001, 64, 0, 0,
                      RunStatus::Queued);
    for (int epoch = 1; epoch <= 2; ++epoch) {
        ArtifactRecord a;
        a.kind = QStringLiteral("attention");
        a.epoch = epoch;
        a.name = QStringLiteral("probe");
        a.mime = QStringLiteral("application/json");
        store->putArtifact(f.fare, a, snapshotJson(epoch)).value();
    }
    return f;
}

} // namespace

class TestAnalysisViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsPanelListsRunsAndShowsMetrics();
    void attentionSliderSwitchesEpochs();
    void paretoFrontAndHypervolume();
    void paretoClickEmitsRunActivated();
    void compareShowsOnlyDifferingKeys();

private:
    // Grabs @p widget to "<name>.png" in the test's temp dir and, when EQUISCOPE_SCREENSHOT_DIR
    // is set, there too (docs/screenshots).
    void grab(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    Fixture m_f;
};

void TestAnalysisViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_f = buildStore(m_dir.path());
}

void TestAnalysisViews::grab(QWidget *widget, const QString &name)
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

void TestAnalysisViews::runsPanelListsRunsAndShowsMetrics()
{
    RunsPanel panel;
    panel.resize(1000, 800);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(m_f.path);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(panel.table()->rowCount(), 5);
    QVERIFY(panel.runIds().contains(m_f.fare));
    const int row = panel.runIds().indexOf(m_f.fare);
    QCOMPARE(panel.table()->item(row, 0)->text(), QStringLiteral("fare-a"));
    QCOMPARE(panel.table()->item(row, 4)->text(), QStringLiteral("0.9000"));

    panel.selectRun(m_f.fare);
    RunDetailView *detail = panel.detailView();
    QCOMPARE(detail->runId(), m_f.fare);
    bool tooSmall = false, ci = false;
    QTableWidget *metrics = detail->metricsTable();
    for (int r = 0; r < metrics->rowCount(); ++r) {
        if (metrics->item(r, 0)->text() == QStringLiteral("blue")) {
            QCOMPARE(metrics->item(r, 2)->text(), QStringLiteral("too small to judge"));
            QCOMPARE(metrics->item(r, 4)->text(), QStringLiteral("12"));
            tooSmall = true;
        }
        if (metrics->item(r, 0)->text() == QStringLiteral("red")) {
            QCOMPARE(metrics->item(r, 3)->text(), QStringLiteral("[0.9000, 0.9500]"));
            ci = true;
        }
    }
    QVERIFY(tooSmall);
    QVERIFY(ci);
    QVERIFY(detail->attentionTabVisible());
    QSignalSpy compare(&panel, &RunsPanel::compareRequested);
    panel.table()->selectAll();
    QCOMPARE(panel.selectedRunIds().size(), 5);
    panel.table()->clearSelection();
    panel.selectRun(m_f.baseline);
    QVERIFY(!detail->attentionTabVisible()); // a SimCLR baseline has no attention

    panel.selectRun(m_f.fare);
    detail->tabs()->setCurrentIndex(2);
    grab(&panel, QStringLiteral("runs"));
}

void TestAnalysisViews::attentionSliderSwitchesEpochs()
{
    RunsPanel panel;
    panel.resize(1000, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(m_f.path);
    QVERIFY(loaded.wait(10000));
    AttentionView *view = panel.detailView()->attentionView();
    QSignalSpy shown(view, &AttentionView::snapshotShown);
    panel.selectRun(m_f.fare);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->currentEpoch(), 2);
    QCOMPARE(view->attentionMap()->data()->keySize(), 6);
    const double lastEpochCell = view->attentionMap()->data()->cell(0, 0);
    QCOMPARE(view->groupMap()->data()->keySize(), 3);
    QVERIFY(view->cellDescription(0, 3).contains(QStringLiteral("sample 103")));
    QVERIFY(view->cellDescription(0, 3).contains(QStringLiteral("green")));

    view->epochSlider()->setValue(0);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->currentEpoch(), 1);
    QVERIFY(std::abs(view->attentionMap()->data()->cell(0, 0) - lastEpochCell) > 1e-3);

    panel.detailView()->tabs()->setCurrentWidget(view);
    view->epochSlider()->setValue(1);
    QVERIFY(shown.wait(10000));
    grab(panel.detailView(), QStringLiteral("attention"));
}

void TestAnalysisViews::paretoFrontAndHypervolume()
{
    ParetoView view;
    view.resize(900, 600);
    view.show();
    QSignalSpy loaded(&view, &ParetoView::loaded);
    view.setStorePath(m_f.path);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(view.pointIds().size(), 4); // the queued run is not plotted
    QStringList front = view.frontIds();
    // Sorted along x (bias_mse) ascending.
    QCOMPARE(front, QStringList({m_f.sparse, m_f.fare, m_f.baseline}));
    // Default reference: the worst point on each axis, (0.10, 0.80).
    QCOMPARE(view.reference()[0], 0.10);
    QCOMPARE(view.reference()[1], 0.80);
    QVERIFY(std::abs(view.hypervolume() - 0.015) < 1e-9);
    view.setReference(0.0, 0.5);
    QVERIFY(std::abs(view.hypervolume() - 0.12) < 1e-9);
    grab(&view, QStringLiteral("pareto"));
}

void TestAnalysisViews::paretoClickEmitsRunActivated()
{
    ParetoView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy loaded(&view, &ParetoView::loaded);
    view.setStorePath(m_f.path);
    QVERIFY(loaded.wait(10000));
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy activated(&view, &ParetoView::runActivated);
    const QPoint pixel = view.pointPixel(m_f.weak).toPoint();
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, pixel);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), m_f.weak);
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(2, 2)); // empty space: nothing
    QCOMPARE(activated.size(), 1);
}

void TestAnalysisViews::compareShowsOnlyDifferingKeys()
{
    CompareView view;
    view.resize(1000, 700);
    view.show();
    view.setStorePath(m_f.path);
    QSignalSpy loaded(&view, &CompareView::loaded);
    view.setRuns({m_f.fare, m_f.baseline, m_f.sparse});
    QVERIFY(loaded.wait(10000));
    QTableWidget *config = view.configTable();
    QStringList keys;
    for (int r = 0; r < config->rowCount(); ++r)
        keys << config->verticalHeaderItem(r)->text();
    QCOMPARE(keys, QStringList({QStringLiteral("batchSize"), QStringLiteral("method"),
                                QStringLiteral("optimizer.lr")}));
    QCOMPARE(config->columnCount(), 3);
    QCOMPARE(config->item(0, 2)->text(), QStringLiteral("128"));
    QCOMPARE(view.metricsTable()->columnCount(), 3);
    QCOMPARE(view.lossPlot()->graphCount(), 3);
    bool ciShown = false;
    for (int r = 0; r < view.metricsTable()->rowCount(); ++r)
        if (view.metricsTable()->verticalHeaderItem(r)->text() == QStringLiteral("accuracy"))
            ciShown = view.metricsTable()->item(r, 0)->text() ==
                      QStringLiteral("0.9000 [0.8800, 0.9200]");
    QVERIFY(ciShown);
    grab(&view, QStringLiteral("compare"));
}

QTEST_MAIN(TestAnalysisViews)
#include "tst_analysisviews.moc"
