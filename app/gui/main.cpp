// equiscope: the GUI workbench. `--screenshot PATH [--view NAME]` writes a PNG of the window
// once the default dataset is shown, then exits (used to check the look, and by tests).
// `--launch CONFIG.json` queues that run once the window is up; with --screenshot the PNG is
// taken when the queue has finished (a monitor with finished curves). `--view` also takes the
// analysis views of a finished run (runviews.h: attention, saliency, embedding, pareto, …);
// `--theme light|dark|system` overrides the remembered appearance.
#include "apptheme.h"
#include "datasetpanel.h"
#include "experimentpanel.h"
#include "mainwindow.h"
#include "runviews.h"

#include "engine/runconfig.h"
#include "jobs/jobqueue.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

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
    parser.addOption({QStringLiteral("launch"),
                      QStringLiteral("Queue the run of a RunConfig JSON file at start."),
                      QStringLiteral("CONFIG")});
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

    equiscope::MainWindow window;
    const QString view = parser.value(QStringLiteral("view"));
    const bool runView = equiscope::isRunView(view);
    if (!view.isEmpty() && !runView && !window.showView(view)) {
        qCritical("equiscope: no view named '%s'",
                  qPrintable(parser.value(QStringLiteral("view"))));
        return 2;
    }
    QList<equiscope::RunConfig> launch; // --launch may be repeated
    for (const QString &path : parser.values(QStringLiteral("launch"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            qCritical("equiscope: cannot read %s", qPrintable(path));
            return 2;
        }
        auto config =
            equiscope::RunConfig::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        if (!config) {
            qCritical("equiscope: %s", qPrintable(config.error().toString()));
            return 2;
        }
        launch.append(config.value());
    }
    window.show();
    if (!parser.isSet(QStringLiteral("no-default")))
        window.datasetPanel()->openDefaultDataset();
    if (!launch.isEmpty())
        window.experimentPanel()->enqueue(launch);

    if (runView && !parser.isSet(QStringLiteral("screenshot")) && launch.isEmpty())
        equiscope::showRunView(window, view, [] {});
    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString path = parser.value(QStringLiteral("screenshot"));
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
        if (!launch.isEmpty()) {
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
