#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli train --config run.json | flags`: trains on a worker thread with a progress
/// bar on stderr and prints a JSON summary on stdout.
int runTrainCommand(const QStringList &arguments);

/// `equiscope-cli runs resume RUN [--store PATH]`: continues an interrupted or cancelled run.
int runResumeCommand(const QStringList &arguments);

/// The store path from --store, or the default location.
QString storePathOption(const QString &value);

} // namespace equiscope::cli
