#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli bundle RUN --out FILE [--store PATH] [--all-checkpoints]`.
int runBundleCommand(const QStringList &arguments);
/// `equiscope-cli replay BUNDLE [--threads N] [--store PATH] [--json]`.
int runReplayCommand(const QStringList &arguments);

} // namespace equiscope::cli
