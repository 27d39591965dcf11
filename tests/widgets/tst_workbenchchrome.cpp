// The window's chrome around the views: the status bar's job indicator, the appearance switch
// (plots restyle with the palette), and the monitor's runs-at-once control.
#include "common/metrictext.h"
#include "runs/jobstatuslabel.h"
#include "runs/runmonitor.h"
#include "shell/apptheme.h"
#include "views/paretoview.h"

#include "jobs/jobqueue.h"
#include "jobs/runjob.h"
#include "store/runstore.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCheckBox>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cmath>

using namespace equiscope;

namespace {

// A job that reports epoch 2 of 4, half way, then waits to be cancelled. Its run goes to a
// throw-away store (RunJob records every run it starts).
class FakeJob : public RunJob
{
public:
    /// @p recordName: the name the store gives the run when @p name is empty.
    explicit FakeJob(const QString &name, const QString &storePath, const QString &recordName = {})
        : RunJob(storePath, nullptr), m_name(name), m_recordName(recordName)
    {
    }
    ~FakeJob() override
    {
        requestCancel();
        wait();
    }
    RunFamily family() const override { return RunFamily::Fare; }
    QString methodName() const override { return QStringLiteral("fake"); }
    QString displayName() const override { return m_name; }

protected:
    Expected<Done> loadConfig(const QJsonObject &) override { return Done{}; }
    Expected<Done> prepare() override { return Done{}; }
    RunRecord newRunRecord() const override
    {
        RunRecord record;
        record.name = m_name.isEmpty() ? m_recordName : m_name;
        record.method = methodName();
        return record;
    }
    JobEnd execute(RunStore &, const QString &) override
    {
        JobProgress p;
        p.epoch = 2;
        p.epochs = 4;
        p.step = 5;
        p.stepsPerEpoch = 10;
        p.etaSeconds = 75;
        reportProgress(p, true);
        while (!cancelRequested())
            QThread::msleep(5);
        return JobEnd::cancelled(QStringLiteral("cancelled"));
    }

private:
    QString m_name, m_recordName;
};

} // namespace

class TestWorkbenchChrome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusShowsTheRunningJob();
    void appearanceRestylesPlots();
    void monitorSetsRunsAtOnce();
    void monitorCurvesShowOnlyWhatTheRunReports();
    void monitorFairnessFollowsTheFamily();
    void curvesHaveReadableNames();
    void monitorNamesAnUnnamedRunOnceItExists();
    void darkThemeMeetsWcagContrast();
};

void TestWorkbenchChrome::statusShowsTheRunningJob()
{
    JobQueue queue;
    JobStatusLabel label(&queue);
    QCOMPARE(label.text(), QStringLiteral("No runs training"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
    auto *first = new FakeJob(QStringLiteral("first"), store);
    auto *second = new FakeJob(QStringLiteral("second"), store);
    QSignalSpy started(&queue, &JobQueue::jobStarted);
    queue.enqueue(first);
    queue.enqueue(second);
    // (2 − 1 + 5/10) / 4 = 37.5 % → 38 %.
    QTRY_COMPARE_WITH_TIMEOUT(
        label.text(), QStringLiteral("first — epoch 2/4, 38 %, ETA 1:15 · Queued: 1"), 10000);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    queue.cancel(first);
    QTRY_VERIFY_WITH_TIMEOUT(label.text().startsWith(QStringLiteral("second — epoch 2/4")), 10000);
    queue.cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(label.text(), QStringLiteral("No runs training"), 10000);
}

void TestWorkbenchChrome::appearanceRestylesPlots()
{
    ParetoView view;
    view.show();
    applyAppTheme(AppTheme::Dark);
    QCoreApplication::processEvents();
    QVERIFY(isDarkPalette());
    const QColor darkText = QApplication::palette().color(QPalette::Text);
    QCOMPARE(view.plot()->xAxis->tickLabelColor(), darkText);
    QCOMPARE(view.plot()->yAxis->labelColor(), darkText);
    applyAppTheme(AppTheme::Light);
    QCoreApplication::processEvents();
    QVERIFY(!isDarkPalette());
    QCOMPARE(view.plot()->xAxis->tickLabelColor(), QApplication::palette().color(QPalette::Text));
    QVERIFY(view.plot()->xAxis->tickLabelColor() != darkText);
    QCOMPARE(appThemeFromName(appThemeName(AppTheme::Dark)), AppTheme::Dark);
    QCOMPARE(appThemeFromName(QStringLiteral("nonsense")), AppTheme::System);
    applyAppTheme(AppTheme::System);
}

void TestWorkbenchChrome::monitorSetsRunsAtOnce()
{
    JobQueue queue;
    RunMonitor monitor(&queue);
    auto *spin = monitor.findChild<QSpinBox *>();
    QVERIFY(spin);
    QVERIFY(!spin->accessibleName().isEmpty());
    QCOMPARE(spin->value(), 1);
    spin->setValue(3);
    QCOMPARE(queue.maxConcurrent(), 3);
}

void TestWorkbenchChrome::monitorCurvesShowOnlyWhatTheRunReports()
{
    // An InfoNCE-like run: a loss and a learning rate per epoch, no attention entropy; one epoch
    // so far; and a stage's progress without a loss (evaluation), which must not add a point.
    JobQueue queue;
    RunMonitor monitor(&queue);
    monitor.resize(900, 300);
    monitor.show();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FakeJob job(QStringLiteral("infonce"), dir.filePath(QStringLiteral("runs.sqlite")));
    monitor.track(&job);
    monitor.selectRow(0);
    JobProgress step;
    step.epoch = 1;
    step.epochs = 2;
    step.step = 5;
    step.stepsPerEpoch = 10;
    step.loss = 4.2;
    Q_EMIT job.progressChanged(step);
    Q_EMIT job.epochFinished(
        1, QJsonObject{{QStringLiteral("loss"), 4.0}, {QStringLiteral("learningRate"), 1e-3}});
    JobProgress stage;
    stage.epoch = 2;
    stage.epochs = 2;
    stage.step = 1;
    stage.stepsPerEpoch = 1;
    stage.stage = QStringLiteral("evaluation");
    Q_EMIT job.progressChanged(stage);
    QCOMPARE(monitor.lossPlot()->graph(0)->dataCount(), 1);
    QTRY_VERIFY(!monitor.metricPlot()->yAxis2->visible());
    QVERIFY(!monitor.metricPlot()->graph(1)->visible());
    // The single learning rate sits in a range of its own size, not on −2…2.
    const QCPRange lr = monitor.metricPlot()->yAxis->range();
    QVERIFY2(lr.lower > 0 && lr.upper < 1e-2 && lr.contains(1e-3),
             qPrintable(QStringLiteral("%1 … %2").arg(lr.lower).arg(lr.upper)));
}

void TestWorkbenchChrome::monitorFairnessFollowsTheFamily()
{
    // A clustering epoch reports validation F per group, not accuracy: the per-epoch fairness
    // plot shows those, as scores (not × 100), named for what they are.
    JobQueue queue;
    RunMonitor monitor(&queue);
    monitor.resize(900, 300);
    monitor.show();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FakeJob clustering(QStringLiteral("clustering"), dir.filePath(QStringLiteral("runs.sqlite")));
    FakeJob fare(QStringLiteral("fare"), dir.filePath(QStringLiteral("runs.sqlite")));
    monitor.track(&clustering);
    monitor.track(&fare);
    Q_EMIT clustering.epochFinished(
        1, QJsonObject{{QStringLiteral("loss"), 0.5},
                       {QStringLiteral("val_pairwise_f_score"), 0.8},
                       {QStringLiteral("val_pairwise_f_score_group_min"), 0.7},
                       {QStringLiteral("val_pairwise_f_score_group_std"), 0.05}});
    Q_EMIT fare.epochFinished(1, QJsonObject{{QStringLiteral("loss"), 3.0},
                                             {QStringLiteral("accuracy"), 0.9},
                                             {QStringLiteral("worst_group_accuracy"), 0.5},
                                             {QStringLiteral("worst_judged_group_accuracy"), 0.85},
                                             {QStringLiteral("accuracy_std"), 0.02}});
    QCustomPlot *plot = monitor.fairnessPlot();
    monitor.selectRow(0);
    QCOMPARE(plot->graph(0)->name(), QStringLiteral("validation F"));
    QCOMPARE(plot->graph(0)->data()->at(0)->value, 0.8);
    QVERIFY(!plot->legend->hasItemWithPlottable(plot->graph(1))); // no "over every group" here
    QCOMPARE(plot->graph(2)->name(), QStringLiteral("worst judged group"));
    QCOMPARE(plot->graph(2)->data()->at(0)->value, 0.7);
    QCOMPARE(plot->graph(3)->data()->at(0)->value, 0.05);
    QCOMPARE(plot->yAxis->label(), QStringLiteral("Pairwise F"));
    QTRY_VERIFY(plot->isVisible());
    monitor.selectRow(1);
    QCOMPARE(plot->graph(0)->name(), QStringLiteral("accuracy"));
    QCOMPARE(plot->graph(0)->data()->at(0)->value, 90.0); // percent, as the Metrics tab
    QCOMPARE(plot->graph(1)->name(), QStringLiteral("worst group"));
    QCOMPARE(plot->graph(1)->data()->at(0)->value, 50.0);
    QVERIFY(plot->legend->hasItemWithPlottable(plot->graph(1)));
    QCOMPARE(plot->graph(2)->data()->at(0)->value, 85.0);
    QCOMPARE(plot->graph(3)->data()->at(0)->value, 2.0); // percentage points
    QCOMPARE(plot->yAxis->label(), QStringLiteral("Percent"));
}

void TestWorkbenchChrome::monitorNamesAnUnnamedRunOnceItExists()
{
    // A saved config without a name: the row shows the method, then the name the store gave.
    JobQueue queue;
    RunMonitor monitor(&queue);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FakeJob job(QString(), dir.filePath(QStringLiteral("runs.sqlite")),
                QStringLiteral("fake on Colored Fashion-MNIST"));
    monitor.track(&job);
    QCOMPARE(monitor.jobTable()->topLevelItem(0)->text(0), QStringLiteral("fake"));
    QSignalSpy created(&job, &RunJob::runCreated);
    job.start();
    QVERIFY(created.wait(10000));
    QTRY_COMPARE(monitor.jobTable()->topLevelItem(0)->text(0),
                 QStringLiteral("fake on Colored Fashion-MNIST"));
    job.requestCancel();
    QVERIFY(job.wait(10000));
}

void TestWorkbenchChrome::curvesHaveReadableNames()
{
    // The keys the families write per epoch get names; metric keys read split, with their unit.
    QCOMPARE(curveTitle(QStringLiteral("fm_loss")), QStringLiteral("Fowlkes–Mallows loss"));
    QCOMPARE(curveTitle(QStringLiteral("val_pairwise_f_score_group_std")),
             QStringLiteral("Validation pairwise F, std across groups"));
    QCOMPARE(curveTitle(QStringLiteral("weightMean")), QStringLiteral("Mean raw meta weight"));
    QCOMPARE(curveTitle(QStringLiteral("imagesPerSecond")), QStringLiteral("Images per second"));
    QCOMPARE(curveTitle(QStringLiteral("worst_group_accuracy")),
             QStringLiteral("Worst group accuracy"));
    QCOMPARE(curveTitle(QStringLiteral("someNewKey")), QStringLiteral("Some new key"));
    QCOMPARE(curveAxisTitle(QStringLiteral("accuracy_std")), QStringLiteral("Accuracy std (pp)"));
    QCOMPARE(curveAxisTitle(QStringLiteral("bias_mse")), QStringLiteral("Bias MSE"));
}

namespace {

// WCAG 2.x relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

void TestWorkbenchChrome::darkThemeMeetsWcagContrast()
{
    applyAppTheme(AppTheme::Dark);
    const QPalette p = QApplication::palette();
    // Text against what it is drawn on: 4.5:1 (WCAG AA, normal text).
    const QList<std::pair<QPalette::ColorRole, QPalette::ColorRole>> text{
        {QPalette::Text, QPalette::Base},
        {QPalette::WindowText, QPalette::Window},
        {QPalette::ButtonText, QPalette::Button},
        {QPalette::PlaceholderText, QPalette::Base},
        {QPalette::PlaceholderText, QPalette::Window},
        {QPalette::HighlightedText, QPalette::Highlight},
        {QPalette::ToolTipText, QPalette::ToolTipBase},
        {QPalette::Link, QPalette::Base}};
    for (const auto &[fg, bg] : text) {
        const double ratio = contrast(p.color(fg), p.color(bg));
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("roles %1 on %2: %3:1")
                                              .arg(int(fg))
                                              .arg(int(bg))
                                              .arg(ratio, 0, 'f', 2)));
    }
    // Controls: the frame of an unchecked check box, 3:1 against the window and the field, as
    // drawn (not only as specified).
    QVERIFY(contrast(indicatorFrameColour(), p.color(QPalette::Window)) >= 3.0);
    QVERIFY(contrast(indicatorFrameColour(), p.color(QPalette::Base)) >= 3.0);
    QCheckBox box(QStringLiteral("unchecked"));
    box.setPalette(p);
    box.resize(box.sizeHint());
    const QImage image = box.grab().toImage();
    QStyleOptionButton option;
    option.initFrom(&box);
    const QRect indicator =
        box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
    QVERIFY(!indicator.isEmpty());
    double best = 0;
    const qreal dpr = image.devicePixelRatio();
    for (int y = int(indicator.top() * dpr); y <= int(indicator.bottom() * dpr); ++y)
        for (int x = int(indicator.left() * dpr); x <= int(indicator.right() * dpr); ++x)
            if (image.rect().contains(x, y))
                best = std::max(best, contrast(image.pixelColor(x, y), p.color(QPalette::Window)));
    QVERIFY2(best >= 3.0, qPrintable(QStringLiteral("check box frame %1:1").arg(best, 0, 'f', 2)));
    applyAppTheme(AppTheme::System);
}

QTEST_MAIN(TestWorkbenchChrome)
#include "tst_workbenchchrome.moc"
