#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli methods [--json]`: the method families of this build with their methods and
/// options, from the family registry (the same tables the launchers are built from).
int runMethodsCommand(const QStringList &arguments);

} // namespace equiscope::cli
