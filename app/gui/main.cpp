// equiscope: the GUI workbench. `--screenshot PATH [--view NAME]` writes a PNG of the window
// once the default dataset is shown, then exits (used to check the look, and by tests).
// `--launch CONFIG.json` queues that run once the window is up; with --screenshot the PNG is
// taken when the queue has finished (a monitor with finished curves). `--run ID [--tab NAME]`
// selects a run in the Runs view (and a detail tab), `--axes X,Y` the Pareto axes, `--method`
// the launcher's method.
// `--dataset FORMAT:PATH` opens that dataset instead of the default; `--dialog import|colorize`
// opens the import wizard (prefilled with --dataset, advanced to its column types for a CSV)
// or the Colored MNIST dialog, and --screenshot then grabs the dialog. `--sensitive A,B` picks
// the launcher's sensitive attributes once the dataset is open. `--view` also takes the
// analysis views of a finished run (runviews.h: attention, saliency, embedding, pareto, …);
// `--theme light|dark|system` overrides the remembered appearance.
#include "apptheme.h"
#include "attributepicker.h"
#include "coloredmnistdialog.h"
#include "columntypespage.h"
#include "datasetpanel.h"
#include "datasetwizard.h"
#include "experimentpanel.h"
#include "fairssllauncher.h"
#include "languagesettings.h"
#include "mainwindow.h"
#include "paretoview.h"
#include "rundetailview.h"
#include "runspanel.h"
#include "runviews.h"
#include "translations.h"

#include "engine/runconfig.h"
#include "fairssl/fairsslconfig.h"
#include "jobs/jobqueue.h"

#include <QComboBox>
#include <QTabWidget>

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The icons live in the static widgets library: register its resources explicitly.
    Q_INIT_RESOURCE(equiscope);
    QApplication::setApplicationName(QStringLiteral("equiscope"));
    QApplication::setOrganizationName(QStringLiteral("equiscope"));
    QApplication::setApplicationVersion(QStringLiteral(EQUISCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Equiscope — desktop fairness workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    // `--language CODE` shows that language for this start without changing the one chosen in
    // File → Settings. Command-line help and errors stay English, like equiscope-cli's.
    parser.addOption({QStringLiteral("language"),
                      QStringLiteral("Interface language for this start (en, de, fr); the "
                                     "default is the one chosen in File → Settings."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("screenshot"),
                      QStringLiteral("Write a PNG of the window and exit."),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("view"),
         QStringLiteral("View to show first (datasets, experiments, runs, compare, monitor; or "
                        "of the newest finished run: attention, saliency, embedding, "
                        "embedding-tsne, metrics, curves, pareto, compare-runs)."),
         QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("no-default"),
                      QStringLiteral("Do not open the default dataset at start.")});
    parser.addOption({QStringLiteral("dataset"),
                      QStringLiteral("Open this dataset at start instead of the default."),
                      QStringLiteral("FORMAT:PATH")});
    parser.addOption(
        {QStringLiteral("dataset-option"),
         QStringLiteral("Format option of --dataset (repeatable), e.g. imageSize=28 or "
                        "types=zip:categorical;age:continuous."),
         QStringLiteral("KEY=VALUE")});
    parser.addOption({QStringLiteral("sensitive"),
                      QStringLiteral("Sensitive attributes to pick in the launcher once the "
                                     "dataset is open (comma-separated)."),
                      QStringLiteral("A,B")});
    parser.addOption({QStringLiteral("dialog"),
                      QStringLiteral("Open a dialog at start: import (the dataset wizard) or "
                                     "colorize (Create Colored MNIST)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("launch"),
                      QStringLiteral("Queue the run of a RunConfig JSON file at start."),
                      QStringLiteral("CONFIG")});
    parser.addOption({QStringLiteral("method"),
                      QStringLiteral("Method shown in the launcher (e.g. fair-ssl)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("run"), QStringLiteral("Run selected in the Runs view."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("tab"),
                      QStringLiteral("Run detail tab shown with --run (e.g. Stages)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("axes"), QStringLiteral("Pareto axes X,Y."), QStringLiteral("X,Y")});
    parser.addOption({QStringLiteral("theme"),
                      QStringLiteral("Appearance: system (default), light or dark."),
                      QStringLiteral("NAME")});
    parser.process(app);
    const equiscope::AppTheme theme =
        parser.isSet(QStringLiteral("theme"))
            ? equiscope::appThemeFromName(parser.value(QStringLiteral("theme")))
            : equiscope::savedAppTheme();
    if (theme != equiscope::AppTheme::System) // System: leave the platform palette untouched
        equiscope::applyAppTheme(theme);

    QString language = equiscope::LanguageSettings().language();
    if (parser.isSet(QStringLiteral("language"))) {
        language = parser.value(QStringLiteral("language"));
        if (!equiscope::Translations::isAvailable(language)) {
            qCritical("equiscope: no language '%s' (en, de, fr)", qPrintable(language));
            return 2;
        }
    }
    // Before any window exists: widgets take their texts when they are built.
    equiscope::Translations::install(language);

    equiscope::MainWindow window;
    const QString view = parser.value(QStringLiteral("view"));
    const bool runView = equiscope::isRunView(view);
    if (!view.isEmpty() && !runView && !window.showView(view)) {
        qCritical("equiscope: no view named '%s'",
                  qPrintable(parser.value(QStringLiteral("view"))));
        return 2;
    }
    QList<equiscope::RunConfig> launch; // --launch may be repeated
    QList<equiscope::FairSslConfig> launchFairSsl;
    for (const QString &path : parser.values(QStringLiteral("launch"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            qCritical("equiscope: cannot read %s", qPrintable(path));
            return 2;
        }
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        if (json.value(QStringLiteral("family")).toString() == QLatin1String("fair-ssl")) {
            auto fair = equiscope::FairSslConfig::fromJson(json);
            if (!fair) {
                qCritical("equiscope: %s", qPrintable(fair.error().toString()));
                return 2;
            }
            launchFairSsl.append(fair.value());
            continue;
        }
        auto config = equiscope::RunConfig::fromJson(json);
        if (!config) {
            qCritical("equiscope: %s", qPrintable(config.error().toString()));
            return 2;
        }
        launch.append(config.value());
    }
    std::optional<equiscope::DatasetSpec> dataset;
    if (parser.isSet(QStringLiteral("dataset"))) {
        const QString value = parser.value(QStringLiteral("dataset"));
        const int colon = int(value.indexOf(QLatin1Char(':')));
        if (colon <= 0) {
            qCritical("equiscope: --dataset expects FORMAT:PATH, got '%s'", qPrintable(value));
            return 2;
        }
        dataset = equiscope::DatasetSpec{value.left(colon), value.mid(colon + 1), {}};
        for (const QString &kv : parser.values(QStringLiteral("dataset-option"))) {
            const int eq = int(kv.indexOf(QLatin1Char('=')));
            if (eq <= 0) {
                qCritical("equiscope: --dataset-option expects KEY=VALUE, got '%s'",
                          qPrintable(kv));
                return 2;
            }
            const QString key = kv.left(eq), text = kv.mid(eq + 1);
            if (key == QLatin1String("types")) { // col:type;col2:type, as on the CLI
                QVariantMap types;
                for (const QString &pair : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                    types.insert(pair.section(QLatin1Char(':'), 0, 0),
                                 pair.section(QLatin1Char(':'), 1));
                dataset->options.insert(key, types);
            } else {
                dataset->options.insert(key, text);
            }
        }
    }
    const QString dialogName = parser.value(QStringLiteral("dialog"));
    if (!dialogName.isEmpty() && dialogName != QLatin1String("import") &&
        dialogName != QLatin1String("colorize")) {
        qCritical("equiscope: no dialog named '%s' (import, colorize)", qPrintable(dialogName));
        return 2;
    }
    if (parser.isSet(QStringLiteral("sensitive"))) {
        const QStringList sensitive =
            parser.value(QStringLiteral("sensitive")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        // Connected before the screenshot's handler, so the picker has the choice first.
        QObject::connect(window.datasetPanel(), &equiscope::DatasetPanel::datasetOpened, &window,
                         [&window, sensitive] {
                             window.experimentPanel()->attributePicker()->setSensitive(sensitive);
                         });
    }
    window.show();
    if (dataset)
        window.datasetPanel()->openDataset(*dataset);
    else if (!parser.isSet(QStringLiteral("no-default")))
        window.datasetPanel()->openDefaultDataset();
    if (!launch.isEmpty())
        window.experimentPanel()->enqueue(launch);
    if (!launchFairSsl.isEmpty())
        window.experimentPanel()->fairSslLauncher()->enqueue(launchFairSsl);
    if (parser.isSet(QStringLiteral("method")) &&
        !window.experimentPanel()->selectMethod(parser.value(QStringLiteral("method")))) {
        qCritical("equiscope: unknown method %s",
                  qPrintable(parser.value(QStringLiteral("method"))));
        return 2;
    }
    auto *runs = qobject_cast<equiscope::RunsPanel *>(window.analysisPage(QStringLiteral("runs")));
    if (runs && parser.isSet(QStringLiteral("run"))) {
        const QString id = parser.value(QStringLiteral("run")),
                      tab = parser.value(QStringLiteral("tab"));
        QObject::connect(runs, &equiscope::RunsPanel::loaded, runs, [runs, id, tab] {
            for (const QString &candidate : runs->runIds())
                if (candidate.startsWith(id))
                    runs->selectRun(candidate);
            QTabWidget *tabs = runs->detailView()->tabs();
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->tabText(i).remove(QLatin1Char('&')) == tab)
                    tabs->setCurrentIndex(i);
        });
    }
    if (parser.isSet(QStringLiteral("axes"))) {
        const QStringList axes = parser.value(QStringLiteral("axes")).split(QLatin1Char(','));
        auto *compare = qobject_cast<QTabWidget *>(window.analysisPage(QStringLiteral("compare")));
        auto *pareto =
            compare ? qobject_cast<equiscope::ParetoView *>(compare->widget(0)) : nullptr;
        if (pareto && axes.size() == 2)
            QObject::connect(pareto, &equiscope::ParetoView::loaded, pareto,
                             [pareto, axes] { pareto->setAxes(axes[0], axes[1]); });
    }
    if (runView && !parser.isSet(QStringLiteral("screenshot")) && launch.isEmpty() &&
        launchFairSsl.isEmpty())
        equiscope::showRunView(window, view, [] {});

    // The dialog opens once the window shows its dataset; a screenshot then shows the dialog.
    QPointer<QWidget> dialog;
    std::function<void()> dialogReady = [] {};
    auto openDialog = [&] {
        if (dialogName == QLatin1String("colorize")) {
            dialog = window.datasetPanel()->openColoredMnistDialog();
            dialogReady();
            return;
        }
        equiscope::DatasetWizard *wizard = window.datasetPanel()->openWizard();
        dialog = wizard;
        if (!dataset) {
            dialogReady();
            return;
        }
        wizard->setSpec(*dataset);
        wizard->next();
        if (dataset->format != QLatin1String("folder-csv")) {
            dialogReady();
            return;
        }
        QObject::connect(wizard->columnTypesPage(), &equiscope::ColumnTypesPage::inspected, wizard,
                         [&dialogReady] { dialogReady(); });
        wizard->next();
    };
    if (!dialogName.isEmpty()) {
        QObject::connect(window.datasetPanel(), &equiscope::DatasetPanel::datasetOpened, &window,
                         [&openDialog, &dialog] {
                             if (!dialog)
                                 openDialog();
                         });
        QObject::connect(window.datasetPanel(), &equiscope::DatasetPanel::openFailed, &window,
                         [&openDialog, &dialog] {
                             if (!dialog)
                                 openDialog();
                         });
        if (parser.isSet(QStringLiteral("no-default")) && !dataset)
            QTimer::singleShot(0, &window, openDialog);
    }

    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString path = parser.value(QStringLiteral("screenshot"));
        if (!dialogName.isEmpty()) {
            dialogReady = [&dialog, path] {
                QTimer::singleShot(600, dialog, [&dialog, path] {
                    const bool ok = dialog && dialog->grab().save(path);
                    QCoreApplication::exit(ok ? 0 : 1);
                });
            };
            return app.exec();
        }
        auto grab = [&window, path] {
            // Let the views lay out and paint (thumbnails, throttled plots) before grabbing.
            QTimer::singleShot(600, &window, [&window, path] {
                const bool ok = window.grab().save(path);
                QCoreApplication::exit(ok ? 0 : 1);
            });
        };
        // A run's analysis view is drawn once its run is read from the store: then grab.
        auto grabView = [&window, view, runView, grab] {
            if (runView)
                equiscope::showRunView(window, view, grab);
            else
                grab();
        };
        if (!launch.isEmpty() || !launchFairSsl.isEmpty()) {
            QObject::connect(window.jobQueue(), &equiscope::JobQueue::jobFinished, &window,
                             [&window, grabView] {
                                 if (window.jobQueue()->running().isEmpty() &&
                                     window.jobQueue()->pending().isEmpty())
                                     grabView();
                             });
        } else if (runView) {
            grabView();
        } else {
            QObject::connect(window.datasetPanel(), &equiscope::DatasetPanel::datasetOpened,
                             &window, grab);
            QObject::connect(window.datasetPanel(), &equiscope::DatasetPanel::openFailed, &window,
                             grab);
            if (parser.isSet(QStringLiteral("no-default")))
                grab();
        }
    }
    return app.exec();
}
