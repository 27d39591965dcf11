#pragma once

#include "store/runrecord.h"

#include <QCommandLineOption>
#include <QJsonObject>
#include <QString>

namespace equiscope {
class RunJob;
}

namespace equiscope::cli {

/// Runs @p job to its end with a progress bar on stderr; Ctrl-C / SIGTERM cancel it (the run
/// stays resumable). Unless @p printSummary is false, prints a JSON summary (run id, status,
/// method, the result's scalars) on stdout. Returns 0 finished, 3 cancelled, 1 failed.
int runJobInTerminal(RunJob *job, const QString &storePath, bool printSummary = true);

/// --dry-run, the same for every command that starts a run.
QCommandLineOption dryRunOption();

/// --dry-run: prints what a run of @p config (a config of @p family) would cost on this machine
/// (MethodFamily::estimateCost) as JSON on stdout and as lines on stderr, warning when it would
/// take longer than an hour, without training. Returns 0, or 1 with the reason on stderr.
int printRunCost(RunFamily family, const QJsonObject &config, const QString &storePath);

} // namespace equiscope::cli
