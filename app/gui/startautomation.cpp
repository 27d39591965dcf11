#include "launch/farelauncher.h"
#include "startoptions.h"

#include "runviews.h"

#include "datasets/associationscandialog.h"
#include "datasets/coloredmnistdialog.h"
#include "datasets/columntypespage.h"
#include "datasets/datasetpanel.h"
#include "datasets/datasetwizard.h"
#include "jobs/jobqueue.h"
#include "launch/attributepicker.h"
#include "launch/experimentpanel.h"
#include "runs/rundetailview.h"
#include "runs/runspanel.h"
#include "shell/mainwindow.h"
#include "views/paretoview.h"

#include <QApplication>
#include <QPointer>
#include <QTabWidget>
#include <QTimer>

#include <functional>

namespace equiscope {

int runWithStartOptions(QApplication &app, MainWindow &window, const StartOptions &o)
{
    const QString view = o.view;
    const bool runView = isRunView(view);
    if (!view.isEmpty() && !runView && !window.showView(view)) {
        qCritical("equiscope: no view named '%s'", qPrintable(view));
        return 2;
    }
    if (!o.sensitive.isEmpty()) {
        const QStringList sensitive = o.sensitive;
        // Connected before the screenshot's handler, so the picker has the choice first.
        QObject::connect(
            window.datasetPanel(), &DatasetPanel::datasetOpened, &window, [&window, sensitive] {
                window.experimentPanel()->fareLauncher()->attributePicker()->setSensitive(
                    sensitive);
            });
    }
    window.show();
    if (o.dataset)
        window.datasetPanel()->openDataset(*o.dataset);
    else if (!o.noDefault)
        window.datasetPanel()->openDefaultDataset();
    if (!o.launch.isEmpty()) {
        QString error;
        window.experimentPanel()->enqueueConfigs(o.launch, &error);
        if (!error.isEmpty()) {
            qCritical("equiscope: %s", qPrintable(error));
            return 2;
        }
    }
    if (!o.method.isEmpty() && !window.experimentPanel()->selectMethod(o.method)) {
        qCritical("equiscope: unknown method %s", qPrintable(o.method));
        return 2;
    }
    auto *runs = qobject_cast<RunsPanel *>(window.analysisPage(QStringLiteral("runs")));
    if (runs && !o.run.isEmpty()) {
        const QString id = o.run, tab = o.tab;
        QObject::connect(runs, &RunsPanel::loaded, runs, [runs, id, tab] {
            for (const QString &candidate : runs->runIds())
                if (candidate.startsWith(id))
                    runs->selectRun(candidate);
            QTabWidget *tabs = runs->detailView()->tabs();
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->tabText(i).remove(QLatin1Char('&')) == tab)
                    tabs->setCurrentIndex(i);
        });
    }
    if (!o.axes.isEmpty()) {
        const QStringList axes = o.axes;
        auto *compare = qobject_cast<QTabWidget *>(window.analysisPage(QStringLiteral("compare")));
        auto *pareto = compare ? qobject_cast<ParetoView *>(compare->widget(0)) : nullptr;
        if (pareto && axes.size() == 2)
            QObject::connect(pareto, &ParetoView::loaded, pareto,
                             [pareto, axes] { pareto->setAxes(axes[0], axes[1]); });
    }
    if (runView && o.screenshot.isEmpty() && o.launch.isEmpty())
        showRunView(window, view, [] {});

    // The dialog opens once the window shows its dataset; a screenshot then shows the dialog.
    QPointer<QWidget> dialog;
    std::function<void()> dialogReady = [] {};
    auto openDialog = [&] {
        if (o.dialog == QLatin1String("associations")) {
            AssociationScanDialog *scan = window.datasetPanel()->openAssociationScan();
            dialog = scan;
            if (!scan) {
                dialogReady();
                return;
            }
            QObject::connect(scan, &AssociationScanDialog::scanFinished, scan,
                             [&dialogReady] { dialogReady(); });
            return;
        }
        if (o.dialog == QLatin1String("colorize")) {
            dialog = window.datasetPanel()->openColoredMnistDialog();
            dialogReady();
            return;
        }
        DatasetWizard *wizard = window.datasetPanel()->openWizard();
        dialog = wizard;
        if (!o.dataset) {
            dialogReady();
            return;
        }
        wizard->setSpec(*o.dataset);
        wizard->next();
        if (o.dataset->format != QLatin1String("folder-csv")) {
            dialogReady();
            return;
        }
        QObject::connect(wizard->columnTypesPage(), &ColumnTypesPage::inspected, wizard,
                         [&dialogReady] { dialogReady(); });
        wizard->next();
    };
    if (!o.dialog.isEmpty()) {
        QObject::connect(window.datasetPanel(), &DatasetPanel::datasetOpened, &window,
                         [&openDialog, &dialog] {
                             if (!dialog)
                                 openDialog();
                         });
        QObject::connect(window.datasetPanel(), &DatasetPanel::openFailed, &window,
                         [&openDialog, &dialog] {
                             if (!dialog)
                                 openDialog();
                         });
        if (o.noDefault && !o.dataset)
            QTimer::singleShot(0, &window, openDialog);
    }

    if (!o.screenshot.isEmpty()) {
        const QString path = o.screenshot;
        if (!o.dialog.isEmpty()) {
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
                showRunView(window, view, grab);
            else
                grab();
        };
        if (!o.launch.isEmpty()) {
            QObject::connect(window.jobQueue(), &JobQueue::jobFinished, &window,
                             [&window, grabView] {
                                 if (window.jobQueue()->running().isEmpty() &&
                                     window.jobQueue()->pending().isEmpty())
                                     grabView();
                             });
        } else if (runView) {
            grabView();
        } else {
            QObject::connect(window.datasetPanel(), &DatasetPanel::datasetOpened, &window, grab);
            QObject::connect(window.datasetPanel(), &DatasetPanel::openFailed, &window, grab);
            if (o.noDefault)
                grab();
        }
    }
    return app.exec();
}

} // namespace equiscope
