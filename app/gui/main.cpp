// equiscope: the GUI workbench. The start options are parsed in startoptions.cpp and carried
// out in startautomation.cpp. `--screenshot PATH [--view NAME]` writes a PNG of the window
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
#include "startoptions.h"

#include "shell/apptheme.h"
#include "shell/mainwindow.h"
#include "shell/translations.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The icons live in the static widgets library: register its resources explicitly.
    Q_INIT_RESOURCE(equiscope);
    QApplication::setApplicationName(QStringLiteral("equiscope"));
    QApplication::setOrganizationName(QStringLiteral("equiscope"));
    QApplication::setApplicationVersion(QStringLiteral(EQUISCOPE_VERSION));

    int exitCode = 0;
    const auto options = equiscope::parseStartOptions(app, &exitCode);
    if (!options)
        return exitCode;
    if (options->theme != equiscope::AppTheme::System) // System: leave the platform palette
        equiscope::applyAppTheme(options->theme);
    // Before any window exists: widgets take their texts when they are built.
    equiscope::Translations::install(options->language);

    equiscope::MainWindow window;
    return equiscope::runWithStartOptions(app, window, *options);
}
