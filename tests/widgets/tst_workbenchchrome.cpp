// The window's chrome around the views: the status bar's job indicator, the appearance switch
// (plots restyle with the palette), and the monitor's runs-at-once control.
#include "runs/jobstatuslabel.h"
#include "runs/runmonitor.h"
#include "shell/apptheme.h"
#include "views/paretoview.h"

#include "jobs/jobqueue.h"
#include "jobs/runjob.h"
#include "store/runstore.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace equiscope;

namespace {

// A job that reports epoch 2 of 4, half way, then waits to be cancelled. Its run goes to a
// throw-away store (RunJob records every run it starts).
class FakeJob : public RunJob
{
public:
    explicit FakeJob(const QString &name, const QString &storePath)
        : RunJob(storePath, nullptr), m_name(name)
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
        record.name = m_name;
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
    QString m_name;
};

} // namespace

class TestWorkbenchChrome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusShowsTheRunningJob();
    void appearanceRestylesPlots();
    void monitorSetsRunsAtOnce();
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

QTEST_MAIN(TestWorkbenchChrome)
#include "tst_workbenchchrome.moc"
