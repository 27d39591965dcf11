#pragma once
// The GUI's start options: what `equiscope --help` lists, parsed and checked before any window
// exists (startoptions.cpp), and carried out once the main window is up (startautomation.cpp):
// open a dataset or dialog, queue runs, pick a method, a run, a view or the Pareto axes, and
// take a screenshot for documentation and tests.

#include "data/dataset.h"
#include "shell/apptheme.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QApplication;

namespace equiscope {

class MainWindow;

struct StartOptions
{
    QString language; ///< interface language for this start
    AppTheme theme = AppTheme::System;
    QString screenshot;     ///< write a PNG of the window (or dialog) and exit
    QString view;           ///< a page or a run view (runviews.h)
    bool noDefault = false; ///< do not open the default dataset
    std::optional<DatasetSpec> dataset;
    QStringList sensitive;     ///< picked in the launcher once the dataset is open
    QString dialog;            ///< import | colorize
    QList<QJsonObject> launch; ///< run configs (any family) queued at start
    QString method;            ///< method shown in the launcher
    QString run;               ///< run selected in the Runs view (id or prefix)
    QString tab;               ///< detail tab shown with run
    QStringList axes;          ///< Pareto axes X,Y
};

/// Parses and checks the command line of @p app (help and version exit here); nullopt with
/// @p exitCode set when it is not usable (the problem is printed).
std::optional<StartOptions> parseStartOptions(const QApplication &app, int *exitCode);

/// Carries out @p options on @p window (shown here) and runs the event loop; returns its exit
/// code, or 2 for an option the window rejects (an unknown view or method).
int runWithStartOptions(QApplication &app, MainWindow &window, const StartOptions &options);

} // namespace equiscope
