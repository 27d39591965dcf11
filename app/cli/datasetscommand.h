#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli datasets inspect|colorize|preview ...`; returns the process exit code.
int runDatasetsCommand(const QStringList &arguments);

} // namespace equiscope::cli
