#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli sweep create|run|task|status|collect`: sweeps as files (SweepPlan), run here N
/// at a time or as a Slurm job array, merged into one store (docs/guide/scaling-out.md).
int runSweepCommand(const QStringList &arguments);

} // namespace equiscope::cli
