// equiscope: the GUI workbench. `--screenshot PATH [--view NAME]` writes a PNG of the window
// once the default dataset is shown, then exits (used to check the look, and by tests).
// `--launch CONFIG.json` queues that run once the window is up; with --screenshot the PNG is
// taken when the queue has finished (a monitor with finished curves). `--run ID [--tab NAME]`
// selects a run in the Runs view (and a detail tab), `--axes X,Y` the Pareto axes, `--method`
// the launcher's method.
#include "datasetpanel.h"
#include "experimentpanel.h"
#include "fairssllauncher.h"
#include "mainwindow.h"
#include "paretoview.h"
#include "rundetailview.h"
#include "runspanel.h"

#include "engine/runconfig.h"
#include "fairssl/fairsslconfig.h"
#include "jobs/jobqueue.h"

#include <QComboBox>
#include <QTabWidget>

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
         QStringLiteral("View to show first (datasets, experiments, runs, compare, monitor)."),
         QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("no-default"),
                      QStringLiteral("Do not open the default dataset at start.")});
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
    parser.process(app);

    equiscope::MainWindow window;
    if (parser.isSet(QStringLiteral("view")) &&
        !window.showView(parser.value(QStringLiteral("view")))) {
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
    window.show();
    if (!parser.isSet(QStringLiteral("no-default")))
        window.datasetPanel()->openDefaultDataset();
    if (!launch.isEmpty())
        window.experimentPanel()->enqueue(launch);
    if (!launchFairSsl.isEmpty())
        window.experimentPanel()->fairSslLauncher()->enqueue(launchFairSsl);
    if (parser.isSet(QStringLiteral("method"))) {
        QComboBox *methods = window.experimentPanel()->methodBox();
        methods->setCurrentIndex(methods->findData(parser.value(QStringLiteral("method"))));
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

    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString path = parser.value(QStringLiteral("screenshot"));
        auto grab = [&window, path] {
            // Let the views lay out and paint (thumbnails, throttled plots) before grabbing.
            QTimer::singleShot(600, &window, [&window, path] {
                const bool ok = window.grab().save(path);
                QCoreApplication::exit(ok ? 0 : 1);
            });
        };
        if (!launch.isEmpty() || !launchFairSsl.isEmpty()) {
            QObject::connect(window.jobQueue(), &equiscope::JobQueue::jobFinished, &window,
                             [&window, grab] {
                                 if (window.jobQueue()->running().isEmpty() &&
                                     window.jobQueue()->pending().isEmpty())
                                     grab();
                             });
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
