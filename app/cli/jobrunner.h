#pragma once

#include <QString>

namespace equiscope {
class RunJob;
}

namespace equiscope::cli {

/// Runs @p job to its end with a progress bar on stderr; Ctrl-C / SIGTERM cancel it (the run
/// stays resumable). Unless @p printSummary is false, prints a JSON summary (run id, status,
/// method, the result's scalars) on stdout. Returns 0 finished, 3 cancelled, 1 failed.
int runJobInTerminal(RunJob *job, const QString &storePath, bool printSummary = true);

} // namespace equiscope::cli
