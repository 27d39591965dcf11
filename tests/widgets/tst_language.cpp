// Switching the interface language through File → Settings: the dialog stores the choice, the
// translator is installed as at start (app/gui/main.cpp), and a window built afterwards shows
// the navigation, the menus and the launcher in German or French; then back to English. Each
// language also passes the menu-accelerator and mnemonic checks, including the analysis views
// of a tiny finished run (detail tabs, Pareto front, side-by-side comparison) and the status
// bar's job indicator.
#include "datasets/coloredmnistdialog.h"
#include "datasets/datasetpanel.h"
#include "datasets/datasetwizard.h"
#include "launch/experimentpanel.h"
#include "launch/farelauncher.h"
#include "launch/methodregistry.h"
#include "launch/sweepdialog.h"
#include "runs/compareview.h"
#include "runs/jobstatuslabel.h"
#include "runs/rundetailview.h"
#include "runs/runspanel.h"
#include "shell/languagesettings.h"
#include "shell/mainwindow.h"
#include "shell/settingsdialog.h"
#include "shell/translations.h"
#include "views/attentionview.h"
#include "views/paretoview.h"

#include "enginefixtures.h"
#include "fare/farejob.h"
#include "testsettings.h"
#include "widgetchecks.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace equiscope;

class TestLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void systemDefaultResolves_data();
    void systemDefaultResolves();
    void switchesThroughTheSettingsDialog_data();
    void switchesThroughTheSettingsDialog();
    void cleanupTestCase();

private:
    /// File → Settings on @p window, pick @p code in the Language combo, press OK.
    void chooseInSettings(MainWindow *window, const QString &code);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_run; ///< a finished FARE run in the store
};

void TestLanguage::initTestCase()
{
    Q_INIT_RESOURCE(equiscope);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    fixtures::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    qputenv("EQUISCOPE_CACHE_DIR", (m_dir.path() + QStringLiteral("/cache")).toUtf8());
    qputenv("EQUISCOPE_STORE", (m_dir.path() + QStringLiteral("/runs.sqlite")).toUtf8());
    FareConfig tiny = fixtures::tinyColoredRun(m_dir.path() + QStringLiteral("/data"));
    tiny.epochs = 1;
    tiny.trainLimit = 64;
    FareJob job(tiny, m_dir.path() + QStringLiteral("/runs.sqlite"));
    QSignalSpy finished(&job, &FareJob::finished);
    job.start();
    QVERIFY(finished.wait(300000));
    QCOMPARE(job.outcome(), JobOutcome::Finished);
    m_run = job.runId();
    QCOMPARE(Translations::install(QStringLiteral("en")), QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
}

void TestLanguage::cleanupTestCase()
{
    m_window.reset();
    Translations::install(QStringLiteral("en"));
    QSettings().clear();
}

void TestLanguage::systemDefaultResolves_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QStringList>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("explicit wins")
        << QStringLiteral("fr") << QStringList{QStringLiteral("de-DE")} << QStringLiteral("fr");
    QTest::newRow("system de-CH") << QString() << QStringList{QStringLiteral("de-CH")}
                                  << QStringLiteral("de");
    QTest::newRow("system fr_FR") << QString() << QStringList{QStringLiteral("fr_FR")}
                                  << QStringLiteral("fr");
    QTest::newRow("first available")
        << QString() << QStringList{QStringLiteral("ja-JP"), QStringLiteral("fr-CA")}
        << QStringLiteral("fr");
    QTest::newRow("none available")
        << QString() << QStringList{QStringLiteral("ja-JP")} << QStringLiteral("en");
    QTest::newRow("unknown setting")
        << QStringLiteral("xx") << QStringList{QStringLiteral("en-US")} << QStringLiteral("en");
}

void TestLanguage::systemDefaultResolves()
{
    QFETCH(QString, setting);
    QFETCH(QStringList, system);
    QFETCH(QString, expected);
    QCOMPARE(Translations::resolve(setting, system), expected);
}

void TestLanguage::chooseInSettings(MainWindow *window, const QString &code)
{
    QAction *settings = window->findChild<QAction *>(QStringLiteral("settingsAction"));
    QVERIFY(settings);
    settings->trigger();
    auto *dialog = window->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QComboBox *box = dialog->languageBox();
    const int index = box->findData(code);
    QVERIFY2(index >= 0, qPrintable(code));
    box->setCurrentIndex(index);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<SettingsDialog *>()); // deleted on close
    QCOMPARE(LanguageSettings().language(), code);
}

void TestLanguage::switchesThroughTheSettingsDialog_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("navigation");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("methodLabel");
    QTest::addColumn<QString>("launch");
    QTest::addColumn<QString>("temperature"); // a label from the method registry
    QTest::addColumn<QStringList>("detailTabs");
    QTest::addColumn<QString>("appearance");
    QTest::addColumn<QString>("idle"); // the status bar's job indicator
    QTest::newRow("German")
        << QStringLiteral("de")
        << QStringList{QStringLiteral("Datensätze"), QStringLiteral("Experimente"),
                       QStringLiteral("Läufe"), QStringLiteral("Vergleich")}
        << QStringLiteral("&Datei") << QStringLiteral("&Methode:") << QStringLiteral("S&tarten")
        << QStringLiteral("Temperatur τ")
        << QStringList{QStringLiteral("Übersicht"),  QStringLiteral("Kurven"),
                       QStringLiteral("Metriken"),   QStringLiteral("Attention"),
                       QStringLiteral("Salienz"),    QStringLiteral("Einbettung"),
                       QStringLiteral("Clustering"), QStringLiteral("Cross-Attention"),
                       QStringLiteral("Leakage"),    QStringLiteral("Untergruppen"),
                       QStringLiteral("Stufen"),     QStringLiteral("Meta-Gewichte"),
                       QStringLiteral("Gruppen")}
        << QStringLiteral("Er&scheinungsbild") << QStringLiteral("Kein Lauf trainiert");
    QTest::newRow("French")
        << QStringLiteral("fr")
        << QStringList{QStringLiteral("Jeux de données"), QStringLiteral("Expériences"),
                       QStringLiteral("Exécutions"), QStringLiteral("Comparaison")}
        << QStringLiteral("&Fichier") << QStringLiteral("&Méthode\u00a0:")
        << QStringLiteral("&Lancer") << QStringLiteral("Température τ")
        << QStringList{QStringLiteral("Résumé"),     QStringLiteral("Courbes"),
                       QStringLiteral("Métriques"),  QStringLiteral("Attention"),
                       QStringLiteral("Saillance"),  QStringLiteral("Plongement"),
                       QStringLiteral("Clustering"), QStringLiteral("Attention croisée"),
                       QStringLiteral("Fuite"),      QStringLiteral("Sous-groupes"),
                       QStringLiteral("Étapes"),     QStringLiteral("Méta-poids"),
                       QStringLiteral("Groupes")}
        << QStringLiteral("A&pparence")
        << QStringLiteral("Aucune exécution en cours d'entraînement");
    QTest::newRow("English")
        << QStringLiteral("en")
        << QStringList{QStringLiteral("Datasets"), QStringLiteral("Experiments"),
                       QStringLiteral("Runs"), QStringLiteral("Compare")}
        << QStringLiteral("&File") << QStringLiteral("&Method:") << QStringLiteral("&Launch")
        << QStringLiteral("Temperature τ")
        << QStringList{QStringLiteral("Summary"),    QStringLiteral("Curves"),
                       QStringLiteral("Metrics"),    QStringLiteral("Attention"),
                       QStringLiteral("Saliency"),   QStringLiteral("Embedding"),
                       QStringLiteral("Clustering"), QStringLiteral("Cross-attention"),
                       QStringLiteral("Leakage"),    QStringLiteral("Subgroups"),
                       QStringLiteral("Stages"),     QStringLiteral("Meta-weights"),
                       QStringLiteral("Groups")}
        << QStringLiteral("&Appearance") << QStringLiteral("No runs training");
}

void TestLanguage::switchesThroughTheSettingsDialog()
{
    QFETCH(QString, code);
    QFETCH(QStringList, navigation);
    QFETCH(QString, fileMenu);
    QFETCH(QString, methodLabel);
    QFETCH(QString, launch);
    QFETCH(QString, temperature);
    QFETCH(QStringList, detailTabs);
    QFETCH(QString, appearance);
    QFETCH(QString, idle);

    // The window the choice is made in keeps its texts, its queue and its dataset.
    const QString before = m_window->menuBar()->actions().value(0)->text();
    chooseInSettings(m_window.get(), code);
    QCOMPARE(m_window->menuBar()->actions().value(0)->text(), before);

    // As app/gui/main.cpp does at start: install the stored language, then build the window.
    QCOMPARE(Translations::install(LanguageSettings().language()), code);
    QCOMPARE(Translations::current(), code);
    // Dates and numbers follow the interface language too (the tests run in the C locale).
    if (code != QLatin1String("en"))
        QCOMPARE(QLocale::languageToCode(QLocale().language()), code);
    if (code == QLatin1String("de"))
        QCOMPARE(QLocale().toString(0.5), QStringLiteral("0,5"));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    auto *views = m_window->findChild<QListWidget *>();
    QVERIFY(views);
    QStringList shown;
    for (int i = 0; i < views->count(); ++i)
        shown << views->item(i)->text();
    QCOMPARE(shown, navigation);

    QMenuBar *bar = m_window->menuBar();
    QCOMPARE(bar->actions().value(0)->text(), fileMenu);

    // The launcher: the Method row's label (the buddy of the method combo) and Launch.
    FareLauncher *panel = m_window->experimentPanel()->fareLauncher();
    QString label;
    for (QLabel *l : panel->findChildren<QLabel *>())
        if (l->buddy() == panel->methodBox())
            label = l->text();
    QCOMPARE(label, methodLabel);
    QCOMPARE(panel->launchButton()->text(), launch);
    bool found = false;
    for (QWidget *w : panel->findChildren<QWidget *>())
        found = found || w->accessibleName() == temperature;
    QVERIFY2(found, qPrintable(temperature));
    const MethodInfo *fare = MethodRegistry::instance().method(QStringLiteral("fare"));
    QVERIFY(fare);
    QCOMPARE(panel->methodBox()->itemData(panel->methodBox()->currentIndex()).toString(),
             QStringLiteral("fare"));

    // Every language keeps the keyboard usable: unique accelerators and mnemonics.
    const QStringList menuProblems = widgetchecks::menuBarProblems(bar);
    QVERIFY2(menuProblems.isEmpty(), qPrintable(menuProblems.join(QLatin1Char('\n'))));
    for (const QString &view : {QStringLiteral("datasets"), QStringLiteral("experiments"),
                                QStringLiteral("runs"), QStringLiteral("compare")}) {
        QVERIFY(m_window->showView(view));
        const QStringList clashes = widgetchecks::mnemonicClashes(m_window.get(), bar);
        QVERIFY2(clashes.isEmpty(),
                 qPrintable(view + QStringLiteral(": ") + clashes.join(QLatin1Char('\n'))));
    }

    // The analysis views: the run's detail tabs, the View menu's Appearance submenu, the status
    // bar's job indicator, and no mnemonic clash in any detail tab or on the Compare page.
    QStringList menus;
    for (QAction *a : bar->actions().value(2)->menu()->actions())
        menus << a->text();
    QVERIFY2(menus.contains(appearance), qPrintable(menus.join(QStringLiteral(" | "))));
    auto *job = m_window->statusBar()->findChild<JobStatusLabel *>();
    QVERIFY(job);
    QCOMPARE(job->text(), idle);
    auto *runs = qobject_cast<RunsPanel *>(m_window->analysisPage(QStringLiteral("runs")));
    QVERIFY(runs);
    QVERIFY(m_window->showView(QStringLiteral("runs")));
    runs->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(runs->runIds().contains(m_run), 20000);
    runs->selectRun(m_run);
    RunDetailView *detail = runs->detailView();
    QTRY_COMPARE(detail->runId(), m_run);
    QTabWidget *tabs = detail->tabs();
    // Every family's tabs exist (hidden when the run has no data for them), all translated.
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles << tabs->tabText(i);
    QCOMPARE(titles, detailTabs);
    for (int i = 0; i < tabs->count(); ++i) {
        if (!tabs->isTabVisible(i))
            continue;
        tabs->setCurrentIndex(i);
        const QStringList clashes = widgetchecks::mnemonicClashes(m_window.get(), bar);
        QVERIFY2(clashes.isEmpty(), qPrintable(tabs->tabText(i) + QStringLiteral(": ") +
                                               clashes.join(QLatin1Char('\n'))));
    }
    QTRY_VERIFY_WITH_TIMEOUT(detail->attentionView()->shownSnapshot().size > 0, 20000);
    auto *compare = qobject_cast<QTabWidget *>(m_window->analysisPage(QStringLiteral("compare")));
    QVERIFY(compare);
    QVERIFY(m_window->showView(QStringLiteral("compare")));
    for (int i = 0; i < compare->count(); ++i) {
        compare->setCurrentIndex(i);
        const QStringList clashes = widgetchecks::mnemonicClashes(m_window.get(), bar);
        QVERIFY2(clashes.isEmpty(), qPrintable(compare->tabText(i) + QStringLiteral(": ") +
                                               clashes.join(QLatin1Char('\n'))));
    }

    auto *dialog = new SettingsDialog(m_window.get());
    dialog->show();
    QVERIFY(!dialog->windowTitle().isEmpty());
    const QStringList dialogClashes = widgetchecks::mnemonicClashes(dialog, nullptr);
    QVERIFY2(dialogClashes.isEmpty(), qPrintable(dialogClashes.join(QLatin1Char('\n'))));
    delete dialog;

    // The dialogs with the most labels: the import wizard's options page (with Qt's own
    // translated Back/Next buttons), Create Colored MNIST and the sweep builder.
    for (const QString &format :
         {QStringLiteral("colored"), QStringLiteral("features"), QStringLiteral("folder-csv")}) {
        DatasetWizard *wizard = m_window->datasetPanel()->openWizard();
        QVERIFY(wizard);
        wizard->setSpec(DatasetSpec{format, QString(), {}});
        wizard->next();
        QTRY_VERIFY(wizard->isVisible());
        const QStringList clashes = widgetchecks::mnemonicClashes(wizard, nullptr);
        QVERIFY2(clashes.isEmpty(),
                 qPrintable(format + QStringLiteral(": ") + clashes.join(QLatin1Char('\n'))));
        wizard->reject();
    }
    ColoredMnistDialog *colorize = m_window->datasetPanel()->openColoredMnistDialog();
    QVERIFY(colorize);
    QTRY_VERIFY(colorize->isVisible());
    const QStringList colorizeClashes = widgetchecks::mnemonicClashes(colorize, nullptr);
    QVERIFY2(colorizeClashes.isEmpty(), qPrintable(colorizeClashes.join(QLatin1Char('\n'))));
    colorize->reject();
    SweepDialog sweep(panel->config(), m_window.get());
    sweep.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sweep));
    const QStringList sweepClashes = widgetchecks::mnemonicClashes(&sweep, nullptr);
    QVERIFY2(sweepClashes.isEmpty(), qPrintable(sweepClashes.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
