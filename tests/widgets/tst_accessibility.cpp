// Accessibility audit of the workbench window, driven through the real keyboard path: every
// page's widgets are reached by pressing Tab (no focus traps), every widget that takes the
// focus has a name for screen readers, the Experiments form is walked in reading order, menus
// have unique accelerators, no two visible mnemonics clash, and plots tell series apart by
// marker shape as well as by (colour-blind-safe) colour. The analysis views (a run's Curves,
// Metrics, Attention, Saliency and Embedding tabs, the Pareto front and the side-by-side
// comparison) are checked on two tiny runs trained into the window's store.
#include "common/plotstyle.h"
#include "datasets/coloredmnistdialog.h"
#include "datasets/datasetpanel.h"
#include "datasets/datasetwizard.h"
#include "launch/experimentpanel.h"
#include "launch/farelauncher.h"
#include "launch/sweepdialog.h"
#include "runs/compareview.h"
#include "runs/rundetailview.h"
#include "runs/runspanel.h"
#include "shell/mainwindow.h"
#include "shell/settingsdialog.h"
#include "views/attentionview.h"
#include "views/embeddingview.h"
#include "views/paretoview.h"
#include "views/saliencyview.h"

#include "enginefixtures.h"
#include "fare/farejob.h"
#include "launch/attributepicker.h"
#include "testsettings.h"
#include "widgetchecks.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <set>

using namespace equiscope;

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesAreReachableByTabWithNames_data();
    void pagesAreReachableByTabWithNames();
    void runViewsAreReachableByTabWithNames_data();
    void runViewsAreReachableByTabWithNames();
    void experimentFormTabOrderFollowsTheForm();
    void menusHaveUniqueAccelerators();
    void visibleMnemonicsDoNotClash_data();
    void visibleMnemonicsDoNotClash();
    void runViewMnemonicsDoNotClash_data();
    void runViewMnemonicsDoNotClash();
    void dialogsHaveNamesAndUniqueMnemonics();
    void seriesDifferByColourAndShape();
    void plotsInTheWindowUseThePalette();
    void cleanupTestCase();

private:
    /// Shows @p view and puts the focus on the navigation list, the start of the Tab chain.
    void show(const QString &view);
    QWidget *currentPage() const;
    /// Walks the Tab chain from the navigation list: no trap, every tab stop reached, named.
    void checkTabChain(const QString &label);
    /// Shows the analysis view @p view (a detail tab of the FARE run, "pareto" or
    /// "compare-runs") with its data loaded, then focuses the navigation list.
    void showRunView(const QString &view);
    QString train(FareConfig config, LossMethod method, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_fare, m_baseline;
};

QString TestAccessibility::train(FareConfig config, LossMethod method, const QString &name)
{
    config.loss.method = method;
    config.name = name;
    config.epochs = 2;
    config.trainLimit = 64;
    FareJob job(config, m_dir.path() + QStringLiteral("/runs.sqlite"));
    QSignalSpy finished(&job, &FareJob::finished);
    job.start();
    if (!finished.wait(300000) || job.outcome() != JobOutcome::Finished)
        qFatal("training %s did not finish: %s", qPrintable(name), qPrintable(job.message()));
    return job.runId();
}

void TestAccessibility::initTestCase()
{
    Q_INIT_RESOURCE(equiscope);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    fixtures::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    qputenv("EQUISCOPE_CACHE_DIR", (m_dir.path() + QStringLiteral("/cache")).toUtf8());
    qputenv("EQUISCOPE_STORE", (m_dir.path() + QStringLiteral("/runs.sqlite")).toUtf8());
    const FareConfig tiny = fixtures::tinyColoredRun(m_dir.path() + QStringLiteral("/data"));
    // Two finished runs in the window's store, so the analysis views have something to show.
    m_fare = train(tiny, LossMethod::Fare, QStringLiteral("fare"));
    m_baseline = train(tiny, LossMethod::InfoNce, QStringLiteral("infonce"));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 860);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy opened(m_window->datasetPanel(), &DatasetPanel::datasetOpened);
    m_window->datasetPanel()->openDataset(tiny.dataset);
    QVERIFY(opened.wait(60000));
    QTRY_VERIFY(
        !m_window->experimentPanel()->fareLauncher()->attributePicker()->isPreviewPending());
}

void TestAccessibility::cleanupTestCase()
{
    m_window.reset();
}

void TestAccessibility::show(const QString &view)
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->showView(view));
    auto *navigation = m_window->findChild<QListWidget *>();
    QVERIFY(navigation);
    navigation->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), navigation);
}

QWidget *TestAccessibility::currentPage() const
{
    // The pages' stack: the one that holds the Datasets page (inside its scroll area).
    for (QWidget *w = m_window->datasetPanel(); w && w->parentWidget(); w = w->parentWidget())
        if (auto *stack = qobject_cast<QStackedWidget *>(w->parentWidget()))
            return stack->currentWidget();
    return nullptr;
}

void TestAccessibility::pagesAreReachableByTabWithNames_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<int>("tab"); // the Compare page's tab, -1 for other pages
    QTest::newRow("datasets") << QStringLiteral("datasets") << -1;
    QTest::newRow("experiments") << QStringLiteral("experiments") << -1;
    QTest::newRow("runs") << QStringLiteral("runs") << -1;
    QTest::newRow("compare/pareto") << QStringLiteral("compare") << 0;
    QTest::newRow("compare/side-by-side") << QStringLiteral("compare") << 1;
}

void TestAccessibility::pagesAreReachableByTabWithNames()
{
    QFETCH(QString, view);
    QFETCH(int, tab);
    show(view);
    QWidget *page = currentPage();
    QVERIFY(page);
    if (tab >= 0) {
        auto *tabs = page->findChild<QTabWidget *>(); // direct children are found first
        QVERIFY(tabs);
        tabs->setCurrentIndex(tab);
        show(view);
    }
    checkTabChain(view);
}

void TestAccessibility::checkTabChain(const QString &label)
{
    QString trapped;
    const QList<QWidget *> visited = widgetchecks::walkTabChain(600, &trapped);
    QVERIFY2(trapped.isEmpty(), qPrintable(QStringLiteral("focus trap: ") + trapped));

    QStringList unreachable;
    const QList<QWidget *> stops = widgetchecks::tabStops(m_window.get());
    for (QWidget *w : stops)
        if (!visited.contains(w))
            unreachable << widgetchecks::describe(w);
    QVERIFY2(unreachable.isEmpty(), qPrintable(QStringLiteral("not reachable with Tab: ") +
                                               unreachable.join(QStringLiteral("; "))));

    QStringList unnamed;
    for (QWidget *w : visited)
        if (widgetchecks::accessibleName(w).trimmed().isEmpty())
            unnamed << widgetchecks::describe(w);
    QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") +
                                           unnamed.join(QStringLiteral("; "))));
    qInfo("%s: %d widgets in the Tab chain", qPrintable(label), int(visited.size()));
}

void TestAccessibility::showRunView(const QString &view)
{
    auto *runs = qobject_cast<RunsPanel *>(m_window->analysisPage(QStringLiteral("runs")));
    auto *compare = qobject_cast<QTabWidget *>(m_window->analysisPage(QStringLiteral("compare")));
    QVERIFY(runs && compare);
    if (view == QLatin1String("pareto") || view == QLatin1String("compare-runs")) {
        QVERIFY(m_window->showView(QStringLiteral("compare")));
        if (view == QLatin1String("pareto")) {
            auto *pareto = qobject_cast<ParetoView *>(compare->widget(0));
            QVERIFY(pareto);
            compare->setCurrentWidget(pareto);
            pareto->reload();
            QTRY_COMPARE_WITH_TIMEOUT(pareto->pointIds().size(), 2, 20000);
        } else {
            auto *side = qobject_cast<CompareView *>(compare->widget(1));
            QVERIFY(side);
            compare->setCurrentWidget(side);
            QSignalSpy loaded(side, &CompareView::loaded);
            side->setRuns({m_fare, m_baseline});
            QVERIFY(loaded.wait(20000));
        }
        show(QStringLiteral("compare"));
        return;
    }
    QVERIFY(m_window->showView(QStringLiteral("runs")));
    runs->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(runs->runIds().contains(m_fare), 20000);
    runs->selectRun(m_fare);
    RunDetailView *detail = runs->detailView();
    QTRY_COMPARE(detail->runId(), m_fare);
    QTabWidget *tabs = detail->tabs();
    if (view == QLatin1String("attention")) {
        QVERIFY(detail->attentionTabVisible());
        detail->showTab(detail->attentionView());
        QTRY_VERIFY_WITH_TIMEOUT(detail->attentionView()->shownSnapshot().size > 0, 20000);
    } else if (view == QLatin1String("saliency")) {
        QVERIFY(detail->saliencyTabVisible());
        detail->showTab(detail->saliencyView());
        QTRY_VERIFY_WITH_TIMEOUT(detail->saliencyView()->snapshot().size() > 0, 20000);
    } else if (view == QLatin1String("embedding")) {
        QVERIFY(detail->embeddingTabVisible());
        detail->showTab(detail->embeddingView());
        QTRY_VERIFY_WITH_TIMEOUT(!detail->embeddingView()->points().isEmpty(), 20000);
    } else {
        const QStringList plain{QStringLiteral("summary"), QStringLiteral("curves"),
                                QStringLiteral("metrics")};
        QVERIFY2(plain.contains(view), qPrintable(view));
        tabs->setCurrentIndex(int(plain.indexOf(view)));
    }
    show(QStringLiteral("runs"));
}

void TestAccessibility::runViewsAreReachableByTabWithNames_data()
{
    QTest::addColumn<QString>("view");
    for (const char *view : {"summary", "curves", "metrics", "attention", "saliency", "embedding",
                             "pareto", "compare-runs"})
        QTest::newRow(view) << QString::fromLatin1(view);
}

void TestAccessibility::runViewsAreReachableByTabWithNames()
{
    QFETCH(QString, view);
    showRunView(view);
    if (QTest::currentTestFailed())
        return;
    checkTabChain(view);
}

void TestAccessibility::experimentFormTabOrderFollowsTheForm()
{
    show(QStringLiteral("experiments"));
    QString trapped;
    const QList<QWidget *> visited = widgetchecks::walkTabChain(600, &trapped);
    QVERIFY2(trapped.isEmpty(), qPrintable(trapped));
    FareLauncher *panel = m_window->experimentPanel()->fareLauncher();
    auto named = [panel](const QString &name) -> QWidget * {
        for (QWidget *w : panel->findChildren<QWidget *>())
            // isVisibleTo: the clustering family's launcher (a hidden page) has its own fields.
            if (w->accessibleName() == name && w->focusPolicy() != Qt::NoFocus &&
                w->isVisibleTo(panel))
                return w;
        return nullptr;
    };
    // Reading order: the Run column top to bottom, then the attributes, the loss options and
    // the buttons under the form.
    const QList<QWidget *> order{named(QStringLiteral("Run name")),
                                 panel->methodBox(),
                                 named(QStringLiteral("Encoder")),
                                 named(QStringLiteral("Epochs")),
                                 named(QStringLiteral("Batch size")),
                                 named(QStringLiteral("Learning rate")),
                                 named(QStringLiteral("Optimizer")),
                                 named(QStringLiteral("Seed")),
                                 named(QStringLiteral("Train limit")),
                                 panel->targetBox(),
                                 panel->sensitiveList(),
                                 named(QStringLiteral("Temperature τ")),
                                 panel->launchButton()};
    qsizetype last = -1;
    for (QWidget *w : order) {
        QVERIFY(w);
        const qsizetype at = visited.indexOf(w);
        QVERIFY2(at > last, qPrintable(QStringLiteral("%1 is out of order (position %2 after %3)")
                                           .arg(widgetchecks::describe(w))
                                           .arg(at)
                                           .arg(last)));
        last = at;
    }
}

void TestAccessibility::menusHaveUniqueAccelerators()
{
    const QStringList problems = widgetchecks::menuBarProblems(m_window->menuBar());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAccessibility::visibleMnemonicsDoNotClash_data()
{
    pagesAreReachableByTabWithNames_data();
}

void TestAccessibility::visibleMnemonicsDoNotClash()
{
    QFETCH(QString, view);
    QFETCH(int, tab);
    Q_UNUSED(tab);
    show(view);
    const QStringList clashes = widgetchecks::mnemonicClashes(m_window.get(), m_window->menuBar());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestAccessibility::runViewMnemonicsDoNotClash_data()
{
    runViewsAreReachableByTabWithNames_data();
}

void TestAccessibility::runViewMnemonicsDoNotClash()
{
    QFETCH(QString, view);
    showRunView(view);
    if (QTest::currentTestFailed())
        return;
    const QStringList clashes = widgetchecks::mnemonicClashes(m_window.get(), m_window->menuBar());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestAccessibility::dialogsHaveNamesAndUniqueMnemonics()
{
    const QList<QDialog *> dialogs{
        new SettingsDialog(m_window.get()),
        new SweepDialog(m_window->experimentPanel()->fareLauncher()->config(), m_window.get())};
    for (QDialog *dialog : dialogs) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(!dialog->windowTitle().isEmpty());
        QStringList unnamed;
        for (QWidget *w : widgetchecks::tabStops(dialog))
            if (widgetchecks::accessibleName(w).trimmed().isEmpty())
                unnamed << widgetchecks::describe(w);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("; "))));
        const QStringList clashes = widgetchecks::mnemonicClashes(dialog, nullptr);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
        delete dialog;
    }

    // The import wizard's location page for the formats with the most rows, and the Create
    // Colored MNIST dialog: the wizard's own Back/Next buttons count as mnemonics too.
    for (const QString &format :
         {QStringLiteral("colored"), QStringLiteral("features"), QStringLiteral("folder-csv")}) {
        DatasetWizard *wizard = m_window->datasetPanel()->openWizard();
        QVERIFY(wizard);
        wizard->setSpec(DatasetSpec{format, QString(), {}});
        wizard->next();
        QTRY_VERIFY(wizard->isVisible());
        QStringList unnamed;
        for (QWidget *w : widgetchecks::tabStops(wizard))
            if (widgetchecks::accessibleName(w).trimmed().isEmpty())
                unnamed << widgetchecks::describe(w);
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(format + QStringLiteral(": ") + unnamed.join(QStringLiteral("; "))));
        const QStringList clashes = widgetchecks::mnemonicClashes(wizard, nullptr);
        QVERIFY2(clashes.isEmpty(),
                 qPrintable(format + QStringLiteral(": ") + clashes.join(QLatin1Char('\n'))));
        wizard->reject();
    }
    ColoredMnistDialog *colorize = m_window->datasetPanel()->openColoredMnistDialog();
    QVERIFY(colorize);
    QTRY_VERIFY(colorize->isVisible());
    const QStringList clashes = widgetchecks::mnemonicClashes(colorize, nullptr);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    QStringList unnamed;
    for (QWidget *w : widgetchecks::tabStops(colorize))
        if (widgetchecks::accessibleName(w).trimmed().isEmpty())
            unnamed << widgetchecks::describe(w);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("; "))));
    colorize->reject();
}

void TestAccessibility::seriesDifferByColourAndShape()
{
    // Every series index up to eight gets its own Okabe–Ito colour and its own marker shape,
    // so curves differ in greyscale and for every kind of colour blindness.
    const QVector<QColor> palette = PlotStyle::okabeIto();
    QCOMPARE(palette.size(), 8);
    QCustomPlot plot;
    std::set<int> shapes;
    std::set<QRgb> colours;
    for (int i = 0; i < 8; ++i) {
        QCPGraph *graph = plot.addGraph();
        PlotStyle::styleSeries(graph, i);
        shapes.insert(int(graph->scatterStyle().shape()));
        colours.insert(graph->pen().color().rgb());
        QVERIFY(palette.contains(graph->pen().color()));
        QVERIFY(graph->scatterStyle().shape() != QCPScatterStyle::ssNone);
        QCOMPARE(okabeIto(i).isValid(), true);
    }
    QCOMPARE(int(shapes.size()), 8);
    QCOMPARE(int(colours.size()), 8);
}

void TestAccessibility::plotsInTheWindowUseThePalette()
{
    // The plots the window shows with a dataset open (attribute histograms): every series is
    // drawn in an Okabe–Ito colour, and several line series differ in marker shape too.
    const QVector<QColor> palette = PlotStyle::okabeIto();
    auto inPalette = [&palette](QColor c) {
        c.setAlpha(255);
        for (const QColor &p : palette)
            if (p.rgb() == c.rgb() || p.darker(130).rgb() == c.rgb())
                return true;
        return false;
    };
    int checked = 0;
    for (const QString &view :
         {QStringLiteral("datasets"), QStringLiteral("curves"), QStringLiteral("metrics"),
          QStringLiteral("embedding"), QStringLiteral("pareto"), QStringLiteral("compare-runs")}) {
        if (view == QLatin1String("datasets"))
            show(view);
        else
            showRunView(view);
        for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>()) {
            if (!plot->isVisible())
                continue;
            std::set<int> shapes;
            int lineSeries = 0;
            for (int i = 0; i < plot->plottableCount(); ++i) {
                QCPAbstractPlottable *p = plot->plottable(i);
                if (p->interface1D() && p->interface1D()->dataCount() == 0)
                    continue;
                if (auto *bars = qobject_cast<QCPBars *>(p)) {
                    QVERIFY2(inPalette(bars->brush().color()),
                             qPrintable(bars->brush().color().name()));
                    ++checked;
                } else if (auto *graph = qobject_cast<QCPGraph *>(p)) {
                    if (graph->pen().style() == Qt::NoPen || graph->pen().style() == Qt::DashLine)
                        continue; // guides (thresholds), not data series
                    if (graph->property("annotation").toBool())
                        continue; // marks on series points (Pareto front ring, reference)
                    // A scatter-only series (no line) is drawn with its marker's pen.
                    const QColor colour = graph->lineStyle() == QCPGraph::lsNone
                                              ? graph->scatterStyle().pen().color()
                                              : graph->pen().color();
                    QVERIFY2(
                        inPalette(colour),
                        qPrintable(QStringLiteral("%1 in %2: %3")
                                       .arg(graph->name(), plot->accessibleName(), colour.name())));
                    if (graph->scatterStyle().shape() != QCPScatterStyle::ssNone) {
                        shapes.insert(int(graph->scatterStyle().shape()));
                        ++lineSeries;
                    }
                    ++checked;
                }
            }
            QVERIFY2(int(shapes.size()) == lineSeries,
                     qPrintable(QStringLiteral("%1, %2: %3 line series share %4 marker shapes")
                                    .arg(view, plot->accessibleName())
                                    .arg(lineSeries)
                                    .arg(shapes.size())));
        }
    }
    QVERIFY2(checked > 0, "no plotted series found with the tiny dataset open");
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
