#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli runs list|show|delete|merge|export ...`; returns the process exit code.
int runRunsCommand(const QStringList &arguments);

} // namespace equiscope::cli
