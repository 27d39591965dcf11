// equiscope: the GUI workbench. `--screenshot PATH [--view NAME]` writes a PNG of the window
// once the default dataset is shown, then exits (used to check the look, and by tests).
#include "datasetpanel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
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
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Write a PNG of the window and exit."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("view"), QStringLiteral("View to show first (datasets)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("no-default"), QStringLiteral("Do not open the default dataset at start.")});
    parser.process(app);

    equiscope::MainWindow window;
    if (parser.isSet(QStringLiteral("view")) && !window.showView(parser.value(QStringLiteral("view")))) {
        qCritical("equiscope: no view named '%s'", qPrintable(parser.value(QStringLiteral("view"))));
        return 2;
    }
    window.show();
    if (!parser.isSet(QStringLiteral("no-default")))
        window.datasetPanel()->openDefaultDataset();

    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString path = parser.value(QStringLiteral("screenshot"));
        auto grab = [&window, path] {
            // Let the views lay out and paint their thumbnails before grabbing.
            QTimer::singleShot(300, &window, [&window, path] {
                const bool ok = window.grab().save(path);
                QCoreApplication::exit(ok ? 0 : 1);
            });
        };
        QObject::connect(window.datasetPanel(), &equiscope::DatasetPanel::datasetOpened, &window, grab);
        QObject::connect(window.datasetPanel(), &equiscope::DatasetPanel::openFailed, &window, grab);
        if (parser.isSet(QStringLiteral("no-default")))
            grab();
    }
    return app.exec();
}
