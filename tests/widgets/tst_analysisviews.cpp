// The analysis views (runs table + run details, attention, Pareto, compare) on a real run store
// built through the RunStore API in a temporary directory.
#include "common/plotstyle.h"
#include "runs/compareview.h"
#include "runs/rundetailview.h"
#include "runs/runspanel.h"
#include "views/attentionview.h"
#include "views/embeddingview.h"
#include "views/groupmetricsview.h"
#include "views/paretoview.h"
#include "views/saliencyview.h"

#include "eval/projection.h"
#include "fare/faresession.h"
#include "nn/embeddingset.h"
#include "nn/probeimages.h"
#include "nn/saliencysnapshot.h"
#include "store/runstore.h"

#include "analysisfixtures.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonDocument>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace equiscope;
using namespace equiscope::analysisfixtures;

namespace {

void moveMouse(QWidget *widget, const QPointF &pos)
{
    QMouseEvent move(QEvent::MouseMove, pos, widget->mapToGlobal(pos), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

const QCPBars *barsOf(QCustomPlot *plot)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto *bars = qobject_cast<QCPBars *>(plot->plottable(i)))
            return bars;
    return nullptr;
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
    void attentionSortsHoversAndMovesByKeyboard();
    void paretoTableOpensRunsAndShadesTheFront();
    void compareShowsAllKeysAndOtherCurves();
    void metricsBarsHaveErrorBarsAndTooSmallGroups();
    void saliencyShowsGroupsAndImages();
    void embeddingProjectsStoredArtifact();

private:
    // Grabs @p widget to "<name>.png" in the test's temp dir and, when EQUISCOPE_SCREENSHOT_DIR
    // is set, to "fixture-<name>.png" there (the hand-made store; docs/screenshots holds real
    // runs, taken with `equiscope --view NAME --screenshot`).
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
        QVERIFY(pixmap.save(QDir(docs).filePath(QStringLiteral("fixture-%1.png").arg(name))));
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
    QCOMPARE(panel.table()->item(row, 4)->text(), QStringLiteral("90.00 %"));

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
            QCOMPARE(metrics->item(r, 3)->text(), QStringLiteral("[90.00, 95.00] %"));
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

    panel.detailView()->showTab(view);
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
    // Default reference, the reports' rule: the worst point on each axis moved out by 10 % of
    // the spread: (0.10 − 0.1·0.20, 0.80 − 0.1·0.15) = (0.08, 0.785). By hand, the boxes from
    // there to simclr-b (0.30, 0.85), fare-a (0.20, 0.90) and sparse-c (0.10, 0.95) cover
    // 0.22·0.065 + 0.12·0.05 + 0.02·0.05 = 0.0213.
    QVERIFY(std::abs(view.reference()[0] - 0.08) < 1e-12);
    QVERIFY(std::abs(view.reference()[1] - 0.785) < 1e-12);
    QVERIFY(std::abs(view.hypervolume() - 0.0213) < 1e-9);
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
    for (int r = 0; r < view.metricsTable()->rowCount(); ++r) {
        if (view.metricsTable()->verticalHeaderItem(r)->text() == QStringLiteral("accuracy"))
            ciShown = view.metricsTable()->item(r, 0)->text() ==
                          QStringLiteral("90.00 % [88.00, 92.00] %") &&
                      view.metricsTable()->verticalHeaderItem(r)->toolTip().contains(
                          QStringLiteral("Higher is better. Shown in percent (%)."));
    }
    QVERIFY(ciShown);
    grab(&view, QStringLiteral("compare"));
}

void TestAnalysisViews::attentionSortsHoversAndMovesByKeyboard()
{
    RunsPanel panel;
    panel.resize(1100, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(m_f.path);
    QVERIFY(loaded.wait(10000));
    AttentionView *view = panel.detailView()->attentionView();
    panel.detailView()->showTab(view);
    QSignalSpy shown(view, &AttentionView::snapshotShown);
    panel.selectRun(m_f.fare);
    QVERIFY(shown.wait(10000));

    // Stored shuffled; shown sorted by group, then z: samples 100…105 in order.
    const AttentionSnapshot &s = view->shownSnapshot();
    QCOMPARE(s.samples, (QVector<qint64>{100, 101, 102, 103, 104, 105}));
    QCOMPARE(s.groups, (QVector<int>{0, 0, 1, 1, 2, 2}));
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 6; ++c)
            QVERIFY(std::abs(view->attentionMap()->data()->cell(c, r) - attentionOf(2, r, c)) <
                    1e-6);
    QCOMPARE(sortedByGroupAndZ(s).samples, s.samples); // sorting a sorted snapshot keeps it

    // The slider moves to epoch 1 and the map follows.
    view->epochSlider()->setValue(0);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->currentEpoch(), 1);
    QVERIFY(std::abs(view->attentionMap()->data()->cell(4, 1) - attentionOf(1, 1, 4)) < 1e-6);

    // Hovering cell (query 1, key 4) describes exactly that pair, with both thumbnails.
    view->plot()->replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy cell(view, &AttentionView::cellChanged);
    moveMouse(view->plot(), view->cellPixel(1, 4));
    QCOMPARE(view->currentCell(), QPoint(4, 1));
    QCOMPARE(cell.size(), 1);
    const QString text = view->cellDescription(1, 4);
    QVERIFY2(text.startsWith(QStringLiteral("query: sample 101 · group red")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("key: sample 104 · group blue · z = (30, 60, 220)")),
             qPrintable(text));
    QVERIFY(text.contains(QString::number(attentionOf(1, 1, 4), 'g', 4)));
    QTRY_VERIFY_WITH_TIMEOUT(!view->keyThumbnail().isNull(), 10000); // probe images load async
    QCOMPARE(view->keyThumbnail().toImage().pixelColor(10, 10), QColor(30, 60, 220));
    QCOMPARE(view->queryThumbnail().toImage().pixelColor(10, 10), QColor(220, 40, 30));

    // Keyboard: the arrow keys move the cell cursor, clamped at the edge.
    QTest::keyClick(view->plot(), Qt::Key_Right);
    QCOMPARE(view->currentCell(), QPoint(5, 1));
    QTest::keyClick(view->plot(), Qt::Key_Right);
    QCOMPARE(view->currentCell(), QPoint(5, 1));
    QTest::keyClick(view->plot(), Qt::Key_Down);
    QCOMPARE(view->currentCell(), QPoint(5, 2));
    QVERIFY(view->plot()->focusPolicy() & Qt::TabFocus);
}

void TestAnalysisViews::paretoTableOpensRunsAndShadesTheFront()
{
    ParetoView view;
    view.resize(1000, 600);
    view.show();
    QSignalSpy loaded(&view, &ParetoView::loaded);
    view.setStorePath(m_f.path);
    QVERIFY(loaded.wait(10000));
    QTableWidget *table = view.pointTable();
    QCOMPARE(table->rowCount(), 4);
    int frontRows = 0;
    for (int r = 0; r < table->rowCount(); ++r)
        frontRows += table->item(r, 4)->text() == QStringLiteral("yes");
    QCOMPARE(frontRows, 3);
    // The shaded polygon spans the reference point and the front's extremes.
    const QCPCurve *area = nullptr;
    for (int i = 0; i < view.plot()->plottableCount(); ++i)
        if (view.plot()->plottable(i)->name() == QStringLiteral("dominated region"))
            area = qobject_cast<QCPCurve *>(view.plot()->plottable(i));
    QVERIFY(area);
    bool foundRange = false;
    const QCPRange x = area->getKeyRange(foundRange);
    QVERIFY(foundRange);
    QVERIFY(std::abs(x.lower - 0.08) < 1e-12); // reference x (10 % of the spread out)
    QCOMPARE(x.upper, 0.30);                   // simclr-b, the front's best bias_mse
    // Keyboard: Enter on a row opens that run.
    QSignalSpy activated(&view, &ParetoView::runActivated);
    const int row = [&] {
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == QStringLiteral("weak-d"))
                return r;
        return -1;
    }();
    QVERIFY(row >= 0);
    table->setCurrentCell(row, 0);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), m_f.weak);
    // Axes are selectable: swapped, the same three runs form the front.
    view.setAxes(QStringLiteral("accuracy"), QStringLiteral("bias_mse"));
    QCOMPARE(view.frontIds().size(), 3);
    QVERIFY(view.plot()->xAxis->label().contains(QStringLiteral("higher is better")));
}

void TestAnalysisViews::compareShowsAllKeysAndOtherCurves()
{
    CompareView view;
    view.resize(1000, 700);
    view.show();
    view.setStorePath(m_f.path);
    QSignalSpy loaded(&view, &CompareView::loaded);
    view.setRuns({m_f.fare, m_f.weak});
    QVERIFY(loaded.wait(10000));
    // fare-a and weak-d differ only in their method.
    QCOMPARE(view.differingKeys(), QStringList{QStringLiteral("method")});
    QCOMPARE(view.configTable()->rowCount(), 1);
    view.setShowAllKeys(true);
    QTableWidget *config = view.configTable();
    QVERIFY(config->rowCount() > 5);
    int bold = 0;
    for (int r = 0; r < config->rowCount(); ++r)
        if (config->item(r, 0)->font().bold()) {
            QCOMPARE(config->verticalHeaderItem(r)->text(), QStringLiteral("method"));
            ++bold;
        }
    QCOMPARE(bold, 1);
    view.setCurveMetric(QStringLiteral("learningRate"));
    QCOMPARE(view.lossPlot()->graphCount(), 2);
    QCOMPARE(view.lossPlot()->graph(0)->data()->at(0)->value, 0.001);
    // Readable names, and the epoch axis spans the epochs drawn with half an epoch either side.
    QCOMPARE(view.lossPlot()->yAxis->label(), QStringLiteral("Learning rate"));
    bool found = false;
    const QCPRange epochs = view.lossPlot()->graph(0)->getKeyRange(found);
    QVERIFY(found);
    QCOMPARE(view.lossPlot()->xAxis->range().lower, epochs.lower - 0.5);
    // Best run of each metric in bold: fare-a has the higher accuracy.
    for (int r = 0; r < view.metricsTable()->rowCount(); ++r)
        if (view.metricsTable()->verticalHeaderItem(r)->text() == QStringLiteral("accuracy")) {
            QVERIFY(view.metricsTable()->item(r, 0)->font().bold());
            QVERIFY(!view.metricsTable()->item(r, 1)->font().bold());
        }
}

void TestAnalysisViews::metricsBarsHaveErrorBarsAndTooSmallGroups()
{
    auto runs = loadRunSummaries(m_f.path, {m_f.fare});
    QVERIFY(runs.ok());
    GroupMetricsView view;
    view.resize(800, 700);
    view.show();
    view.setRun(runs->first());
    QCOMPARE(view.barMetric(), QStringLiteral("accuracy"));
    const QCPBars *bars = barsOf(view.barPlot());
    QVERIFY(bars);
    QCOMPARE(bars->data()->size(), 2); // red and green; blue is too small
    // In the unit the table shows: percent.
    QVERIFY(std::abs(bars->data()->at(0)->value - 93.0) < 1e-9);
    QVERIFY2(view.barPlot()->yAxis->label().startsWith(QStringLiteral("Accuracy (%) ↑")),
             qPrintable(view.barPlot()->yAxis->label()));
    const QCPErrorBars *errors = nullptr;
    for (int i = 0; i < view.barPlot()->plottableCount(); ++i)
        if (auto *e = qobject_cast<QCPErrorBars *>(view.barPlot()->plottable(i)))
            errors = e;
    QVERIFY(errors);
    QVERIFY(std::abs(errors->data()->at(0).errorMinus - 3.0) < 1e-9);
    QVERIFY(std::abs(errors->data()->at(0).errorPlus - 2.0) < 1e-9);
    bool tooSmall = false;
    for (int i = 0; i < view.barPlot()->itemCount(); ++i)
        if (auto *t = qobject_cast<QCPItemText *>(view.barPlot()->item(i)))
            tooSmall |= t->text().contains(QStringLiteral("n = 12"));
    QVERIFY(tooSmall);

    // The worst-group rows name their group; their size is in the Size column. Blue (12
    // samples, too small to judge) is the worst group, green the worst judged one.
    RunSummary run = runs->first();
    double green = -1;
    for (const MetricRow &m : run.finalMetrics)
        if (m.group == QLatin1String("green") && m.name == QLatin1String("accuracy"))
            green = m.value;
    run.finalMetrics << row(QStringLiteral("worst_group_accuracy"), 0.25, 0.0, 0.6, {}, 12)
                     << row(QStringLiteral("worst_judged_group_accuracy"), green, green - 0.04,
                            green + 0.03, {}, 480);
    view.setRun(run);
    QHash<QString, QPair<QString, QString>> groupAndSize;
    for (int r = 0; r < view.table()->rowCount(); ++r)
        groupAndSize.insert(view.table()->item(r, 1)->text(),
                            {view.table()->item(r, 0)->text(), view.table()->item(r, 4)->text()});
    QCOMPARE(groupAndSize.value(QStringLiteral("worst_group_accuracy")),
             qMakePair(QStringLiteral("worst: blue"), QStringLiteral("12")));
    QCOMPARE(groupAndSize.value(QStringLiteral("worst_judged_group_accuracy")),
             qMakePair(QStringLiteral("worst: green"), QStringLiteral("480")));
}

void TestAnalysisViews::saliencyShowsGroupsAndImages()
{
    RunsPanel panel;
    panel.resize(1100, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(m_f.path);
    QVERIFY(loaded.wait(10000));
    SaliencyView *view = panel.detailView()->saliencyView();
    QSignalSpy shown(view, &SaliencyView::snapshotShown);
    panel.selectRun(m_f.fare);
    QVERIFY(panel.detailView()->saliencyTabVisible());
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->currentEpoch(), 2);
    QCOMPARE(view->groupList()->count(), 3);
    QCOMPARE(view->imageList()->count(), 6);
    QVERIFY(view->groupList()->item(0)->text().startsWith(QStringLiteral("red")));
    QCOMPARE(view->groupList()->item(1)->data(Qt::UserRole).toInt(), 1);
    // Opacity 0: the image itself; 100: the colour map where it is hot (sample 100: top-left
    // only), the image where it is cold.
    auto pixel = [view](int item, int x, int y) {
        return view->imageList()->item(item)->icon().pixmap(96, 96).toImage().pixelColor(x, y);
    };
    view->setOpacity(0);
    QVERIFY(shown.wait(10000));
    QCOMPARE(pixel(0, 50, 50), QColor(220, 40, 30));
    view->setOpacity(100);
    QVERIFY(shown.wait(10000));
    const QColor hot = pixel(0, 5, 5), cold = pixel(0, 90, 90);
    QVERIFY2(hot.red() > 200 && hot.green() > 190 && hot.blue() < 90, qPrintable(hot.name()));
    QCOMPARE(cold, QColor(220, 40, 30));
    view->epochSlider()->setValue(0);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->currentEpoch(), 1);
    QCOMPARE(panel.detailView()->saliencyTabVisible(), true);
    panel.selectRun(m_f.baseline);
    QVERIFY(!panel.detailView()->saliencyTabVisible());
}

void TestAnalysisViews::embeddingProjectsStoredArtifact()
{
    RunsPanel panel;
    panel.resize(1100, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(m_f.path);
    QVERIFY(loaded.wait(10000));
    EmbeddingView *view = panel.detailView()->embeddingView();
    panel.detailView()->showTab(view);
    QSignalSpy projected(view, &EmbeddingView::projected);
    panel.selectRun(m_f.fare);
    QVERIFY(panel.detailView()->embeddingTabVisible());
    QVERIFY(projected.wait(20000));
    QCOMPARE(view->embeddings().count(), 60);
    QCOMPARE(view->points().size(), 120);
    QCOMPARE(view->plot()->graphCount(), 3); // one per group, each with its colour and shape
    int points = 0;
    for (int g = 0; g < 3; ++g) {
        points += view->plot()->graph(g)->data()->size();
        QCOMPARE(view->plot()->graph(g)->scatterStyle().shape(), markerShape(g));
    }
    QCOMPARE(points, 60);
    QVERIFY(view->plot()->xAxis->label().startsWith(QStringLiteral("PC 1")));
    // The PCA of the view is the core's PCA of the stored values.
    const EmbeddingSet set = embeddingSet();
    auto pca = principalComponents(set.values, 60, 5, 2);
    QVERIFY(pca.ok());
    QCOMPARE(view->points(), pca->points);
    view->setColourBy(EmbeddingView::ColourBy::Target);
    QCOMPARE(view->plot()->graphCount(), 2);

    // Hover shows the point's labels.
    view->plot()->replot(QCustomPlot::rpImmediateRefresh);
    moveMouse(view->plot(), view->pointPixel(7));
    QCOMPARE(view->hoveredRow(), 7);
    QTest::keyClick(view->plot(), Qt::Key_Right); // and by keyboard
    QCOMPARE(view->hoveredRow(), 8);
    QTest::keyClick(view->plot(), Qt::Key_Left);
    QTest::keyClick(view->plot(), Qt::Key_Left);
    QCOMPARE(view->hoveredRow(), 6);
    QVERIFY2(view->detailsText().contains(
                 QStringLiteral("PCA at (%1,").arg(view->points()[12], 0, 'g', 4)),
             qPrintable(view->detailsText()));

    // t-SNE: seeded, off the GUI thread; the clusters stay apart.
    view->setMethod(EmbeddingView::Method::Tsne);
    QVERIFY(view->isProjecting());
    QVERIFY(projected.wait(60000));
    QCOMPARE(view->points().size(), 120);
    const QVector<float> first = view->points();
    // The hovered point keeps its panel, now with its t-SNE coordinates.
    QCOMPARE(view->hoveredRow(), 6);
    QVERIFY2(view->detailsText().contains(QStringLiteral("t-SNE at (%1, %2)")
                                              .arg(first[12], 0, 'g', 4)
                                              .arg(first[13], 0, 'g', 4)),
             qPrintable(view->detailsText()));
    TsneOptions options;
    options.seed = 1; // the fixture's runs have seed 0; the view uses seed + 1
    auto direct = tsne(set.values, 60, 5, options);
    QVERIFY(direct.ok());
    QCOMPARE(first, direct.value());
    for (int i = 0; i < 60; ++i) { // every point's nearest neighbour is from its own cluster
        int nearest = -1;
        double best = 1e300;
        for (int j = 0; j < 60; ++j) {
            const double dx = first[2 * i] - first[2 * j], dy = first[2 * i + 1] - first[2 * j + 1];
            if (j != i && dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                nearest = j;
            }
        }
        QCOMPARE(set.groups[nearest], set.groups[i]);
    }
    // Stopping a second computation keeps the picture.
    view->setMethod(EmbeddingView::Method::Pca);
    QVERIFY(projected.wait(20000));
    const QVector<float> pcaPoints = view->points();
    view->setMethod(EmbeddingView::Method::Tsne);
    view->cancelProjection();
    QTRY_VERIFY_WITH_TIMEOUT(!view->isProjecting(), 20000);
    QCOMPARE(view->points(), pcaPoints);
}

QTEST_MAIN(TestAnalysisViews)
#include "tst_analysisviews.moc"
