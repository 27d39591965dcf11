// The workbench on a laptop screen: the main window fits 1024 × 640 and a restored geometry is
// clamped to the screen; a categorical histogram keeps room for its last rotated tick label.
#include "analysisfixtures.h"
#include "datasets/attributehistogramplot.h"
#include "runs/rundetailview.h"
#include "runs/runsummary.h"
#include "shell/mainwindow.h"
#include "testsettings.h"

#include <qcustomplot.h>

#include <QDockWidget>
#include <QLabel>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitterHandle>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace equiscope;

namespace {

QString describe(const QWidget *w)
{
    const QRect g = w->geometry();
    QString text = w->accessibleName();
    if (auto *label = qobject_cast<const QLabel *>(w); label && text.isEmpty())
        text = label->text().left(40);
    return QStringLiteral("%1 '%2' at %3,%4 %5×%6")
        .arg(QString::fromLatin1(w->metaObject()->className()), text)
        .arg(g.x())
        .arg(g.y())
        .arg(g.width())
        .arg(g.height());
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(equiscope);
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        fixtures::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
        qputenv("EQUISCOPE_STORE", m_dir.filePath(QStringLiteral("runs.sqlite")).toUtf8());
    }
    void cleanupTestCase() { QSettings().clear(); }

    void mainWindowFitsALaptopScreen()
    {
        MainWindow window; // resize(1280, 860) on the 800 × 800 offscreen screen
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Every page scrolls rather than forcing its minimum on the window: the window fits a
        // 1024 × 640 screen with room for the title bar, whichever page or tab is shown.
        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 600,
                 qPrintable(QStringLiteral("%1 × %2").arg(minimum.width()).arg(minimum.height())));
        for (const QString &view : {QStringLiteral("runs"), QStringLiteral("compare"),
                                    QStringLiteral("experiments"), QStringLiteral("monitor")}) {
            QVERIFY(window.showView(view));
            QCoreApplication::processEvents();
            QVERIFY2(window.minimumSizeHint().height() <= 600, qPrintable(view));
        }
        // The default size was clamped to the screen (the status bar stays in reach).
        const QRect available = window.screen()->availableGeometry();
        QTRY_VERIFY2(window.frameGeometry().height() <= available.height() &&
                         window.frameGeometry().top() >= available.top(),
                     qPrintable(QStringLiteral("%1 on %2 px")
                                    .arg(window.frameGeometry().height())
                                    .arg(available.height())));
    }

    void runViewsLayOutAtEverySize_data()
    {
        // The room the run detail gets in a 1024 × 640, 1280 × 800 and 1920 × 1080 window with
        // the run monitor hidden: the window less the navigation (≈ 180 px), the menu and status
        // bars (≈ 50 px) and the runs table (≈ 190 px).
        // Each size twice: every tab empty, and the tabs a FARE run with attention, Grad-CAM,
        // embedding, metrics and curves shows once its artifacts are loaded.
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("withRun");
        for (const bool withRun : {false, true}) {
            const char *suffix = withRun ? " with a run" : " empty";
            QTest::newRow(QByteArray("1024x640").append(suffix).constData())
                << QSize(844, 400) << withRun;
            QTest::newRow(QByteArray("1280x800").append(suffix).constData())
                << QSize(1100, 560) << withRun;
            QTest::newRow(QByteArray("1920x1080").append(suffix).constData())
                << QSize(1740, 840) << withRun;
        }
    }

    void runViewsLayOutAtEverySize()
    {
        // Every run detail tab (without a run, each shown empty; with one, its own tabs): no two
        // visible sibling widgets overlap, and no plot is smaller than 200 × 120 px or its own
        // minimum — a view short of room scrolls instead.
        QFETCH(QSize, size);
        QFETCH(bool, withRun);
        RunDetailView detail;
        detail.resize(size);
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        if (withRun) {
            if (m_fixture.path.isEmpty())
                m_fixture = analysisfixtures::buildStore(m_dir.filePath(QStringLiteral("fixture")));
            auto runs = loadRunSummaries(m_fixture.path, {m_fixture.fare});
            QVERIFY2(runs && runs->size() == 1,
                     runs ? "no run" : qPrintable(runs.error().toString()));
            detail.setRun(m_fixture.path, runs->first());
        }
        RunDetailView *runs = &detail;
        QTabWidget *tabs = runs->tabs();
        QStringList visited;
        for (int t = 0; t < tabs->count(); ++t) {
            if (withRun && !tabs->isTabVisible(t))
                continue; // a tab this run does not have
            visited << tabs->tabText(t);
            tabs->setTabVisible(t, true);
            tabs->setCurrentIndex(t);
            QCoreApplication::processEvents();
            if (withRun)
                QTest::qWait(300); // the tab's artifacts load on a worker
            QWidget *view = runs->currentView();
            QVERIFY(view);
            const QString where = tabs->tabText(t) + QStringLiteral(" at ") +
                                  QStringLiteral("%1×%2").arg(size.width()).arg(size.height());
            for (QCustomPlot *plot : view->findChildren<QCustomPlot *>()) {
                if (!plot->isVisibleTo(view))
                    continue;
                QVERIFY2(plot->width() >= std::max(200, plot->minimumWidth()) &&
                             plot->height() >= std::max(120, plot->minimumHeight()),
                         qPrintable(QStringLiteral("%1: a plot of %2×%3")
                                        .arg(where)
                                        .arg(plot->width())
                                        .arg(plot->height())));
            }
            QList<QWidget *> parents = view->findChildren<QWidget *>();
            parents << view;
            for (QWidget *parent : parents) {
                QList<QWidget *> shown;
                for (QObject *o : parent->children())
                    if (auto *w = qobject_cast<QWidget *>(o);
                        w && !w->isWindow() && w->isVisibleTo(view) &&
                        !qobject_cast<QScrollBar *>(w) && !qobject_cast<QSplitterHandle *>(w))
                        shown << w;
                for (int a = 0; a < shown.size(); ++a)
                    for (int b = a + 1; b < shown.size(); ++b)
                        QVERIFY2(
                            !shown[a]->geometry().intersects(shown[b]->geometry()),
                            qPrintable(QStringLiteral("%1: %2 overlaps %3")
                                           .arg(where, describe(shown[a]), describe(shown[b]))));
            }
        }
        if (withRun) // the FARE run's own views were among them
            for (const QString &tab : {QStringLiteral("Attention"), QStringLiteral("Saliency"),
                                       QStringLiteral("Embedding")})
                QVERIFY2(visited.join(QLatin1Char('|')).contains(tab, Qt::CaseInsensitive),
                         qPrintable(visited.join(QStringLiteral(", "))));
    }

    void rotatedCategoryLabelsKeepTheLastOne()
    {
        // Ten levels with long names: QCustomPlot drops a tick label the widget border would
        // clip, which used to hide the last one ("Ankle boot").
        QStringList levels;
        for (int i = 0; i < 9; ++i)
            levels << QStringLiteral("level %1").arg(i);
        levels << QStringLiteral("a much longer last level");
        std::vector<int> codes;
        for (int i = 0; i < 200; ++i)
            codes.push_back(i % 10);
        AttributeHistogramPlot plot;
        plot.resize(420, 260);
        plot.setAttribute(Attribute::discrete(QStringLiteral("label"), AttributeType::Categorical,
                                              levels, codes));
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replot();
        QCOMPARE(plot.xAxis->tickLabelRotation(), 45.0);
        const QFontMetrics metrics(plot.xAxis->tickLabelFont());
        const double extent = metrics.horizontalAdvance(levels.last()) * std::cos(M_PI / 4);
        const double right = plot.xAxis->coordToPixel(9) + extent;
        QVERIFY2(right <= plot.viewport().right(),
                 qPrintable(QStringLiteral("label ends at %1 px, plot at %2 px")
                                .arg(right)
                                .arg(plot.viewport().right())));
    }

private:
    QTemporaryDir m_dir;
    analysisfixtures::Fixture m_fixture; ///< built by the first row with a run
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
