#include "runviews.h"

#include "families/methodfamily.h"

#include "runs/compareview.h"
#include "runs/rundetailview.h"
#include "runs/runspanel.h"
#include "shell/mainwindow.h"
#include "views/attentionview.h"
#include "views/clusteringview.h"
#include "views/crossattentionview.h"
#include "views/embeddingview.h"
#include "views/leakageview.h"
#include "views/paretoview.h"
#include "views/saliencyview.h"
#include "views/subgroupscanview.h"

#include <QDockWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>

#include <memory>

namespace equiscope {

namespace {

// The run views `--view` can open: the run detail's tabs (RunView) and a few variants.
QStringList runViewNames()
{
    QStringList names;
    for (RunView v : {RunView::Attention, RunView::Saliency, RunView::Embedding, RunView::Metrics,
                      RunView::Curves, RunView::Clustering, RunView::CrossAttention})
        names << runViewName(v);
    // leakage and subgroups: the tab with its measurement / scan done.
    names << QStringLiteral("embedding-tsne") << QStringLiteral("pareto")
          << QStringLiteral("compare-runs") << QStringLiteral("leakage")
          << QStringLiteral("subgroups");
    return names;
}

// Whether the detail view shows @p name's tab for the run it shows now.
bool hasTab(RunDetailView *detail, const QString &name)
{
    if (name == runViewName(RunView::Attention))
        return detail->attentionTabVisible();
    if (name == runViewName(RunView::Saliency))
        return detail->saliencyTabVisible();
    if (name.startsWith(runViewName(RunView::Embedding)))
        return detail->embeddingTabVisible();
    if (name == runViewName(RunView::Clustering))
        return detail->clusteringTabVisible();
    if (name == runViewName(RunView::CrossAttention))
        return detail->crossAttentionTabVisible();
    if (name == QLatin1String("leakage"))
        return detail->leakageTabVisible();
    if (name == QLatin1String("subgroups"))
        return detail->subgroupsTabVisible();
    return true;
}

} // namespace

bool isRunView(const QString &name)
{
    return runViewNames().contains(name);
}

void showRunView(MainWindow &window, const QString &name, const std::function<void()> &ready)
{
    auto fired = std::make_shared<bool>(false);
    auto finish = [fired, ready] {
        if (!*fired) {
            *fired = true;
            ready();
        }
    };
    QTimer::singleShot(60000, &window, finish);
    // The docked run monitor has nothing to show for finished runs: give the view its room.
    if (auto *dock = window.findChild<QDockWidget *>(QStringLiteral("runMonitorDock")))
        dock->hide();
    auto *runs = qobject_cast<RunsPanel *>(window.analysisPage(QStringLiteral("runs")));
    auto *compare = qobject_cast<QTabWidget *>(window.analysisPage(QStringLiteral("compare")));
    if (!runs || !compare)
        return finish();

    if (name == QLatin1String("pareto")) {
        auto *pareto = qobject_cast<ParetoView *>(compare->widget(0));
        window.showView(QStringLiteral("compare"));
        compare->setCurrentIndex(0);
        if (!pareto)
            return finish();
        QObject::connect(pareto, &ParetoView::loaded, &window, finish, Qt::SingleShotConnection);
        pareto->reload();
        return;
    }

    QObject::connect(
        runs, &RunsPanel::loaded, &window,
        [&window, runs, compare, name, finish] {
            QStringList finished;
            for (int row = 0; row < runs->table()->rowCount(); ++row)
                if (runs->table()->item(row, 2)->data(Qt::UserRole).toString() ==
                    QLatin1String("finished"))
                    finished << runs->runIds().value(row);
            if (name == QLatin1String("compare-runs")) {
                auto *view = qobject_cast<CompareView *>(compare->widget(1));
                window.showView(QStringLiteral("compare"));
                compare->setCurrentIndex(1);
                if (!view || finished.size() < 2)
                    return finish();
                QObject::connect(view, &CompareView::loaded, &window, finish,
                                 Qt::SingleShotConnection);
                view->setRuns(finished.mid(0, 4));
                return;
            }
            window.showView(QStringLiteral("runs"));
            RunDetailView *detail = runs->detailView();
            QString chosen;
            for (const QString &id : finished) {
                runs->selectRun(id);
                if (hasTab(detail, name)) {
                    chosen = id;
                    break;
                }
            }
            if (chosen.isEmpty())
                return finish();
            QTabWidget *tabs = detail->tabs();
            if (name == QLatin1String("attention")) {
                AttentionView *view = detail->attentionView();
                detail->showTab(view);
                // A cell between two groups, so the panel shows two different images.
                QObject::connect(
                    view, &AttentionView::snapshotShown, &window,
                    [view, finish] {
                        const int b = view->shownSnapshot().size;
                        view->selectCell(b / 4, 3 * b / 4);
                        QTimer::singleShot(300, view, finish); // thumbnails load off thread
                    },
                    Qt::SingleShotConnection);
            } else if (name == QLatin1String("saliency")) {
                detail->showTab(detail->saliencyView());
                QObject::connect(detail->saliencyView(), &SaliencyView::snapshotShown, &window,
                                 finish, Qt::SingleShotConnection);
            } else if (name.startsWith(QLatin1String("embedding"))) {
                EmbeddingView *view = detail->embeddingView();
                detail->showTab(view);
                const bool tsne = name == QLatin1String("embedding-tsne");
                QObject::connect(view, &EmbeddingView::projected, &window, [view, tsne, finish] {
                    if (tsne && view->method() != EmbeddingView::Method::Tsne) {
                        view->setMethod(EmbeddingView::Method::Tsne);
                        return; // the next projected() is the t-SNE one
                    }
                    view->showDetails(view->embeddings().count() / 3);
                    QTimer::singleShot(300, view, finish);
                });
            } else if (name == QLatin1String("leakage")) {
                LeakageView *view = detail->leakageView();
                detail->showTab(view);
                QObject::connect(
                    view, &LeakageView::measured, &window,
                    [view, finish] { QTimer::singleShot(300, view, finish); },
                    Qt::SingleShotConnection);
                view->measure();
            } else if (name == QLatin1String("subgroups")) {
                SubgroupScanView *view = detail->subgroupScanView();
                detail->showTab(view);
                QObject::connect(
                    view, &SubgroupScanView::scanned, &window,
                    [view, finish] { QTimer::singleShot(300, view, finish); },
                    Qt::SingleShotConnection);
                view->scan();
            } else if (name == runViewName(RunView::Clustering) ||
                       name == runViewName(RunView::CrossAttention)) {
                // Both views load their artifacts (and thumbnails) off the GUI thread.
                detail->showTab(name == runViewName(RunView::Clustering)
                                    ? static_cast<QWidget *>(detail->clusteringView())
                                    : detail->crossAttentionView());
                QTimer::singleShot(2500, &window, finish);
            } else {
                tabs->setCurrentIndex(name == QLatin1String("curves") ? 1 : 2);
                QTimer::singleShot(300, &window, finish);
            }
        },
        Qt::SingleShotConnection);
    window.showView(QStringLiteral("runs"));
    runs->refresh();
}

} // namespace equiscope
