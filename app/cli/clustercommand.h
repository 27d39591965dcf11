#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli cluster --features F.bin --labels L.meta [--groups G.txt] [options] --out DIR`
/// or `--from-run RUN`: a fair-clustering run (recorded in the run store) that writes
/// DIR/pred_labels.txt (one cluster per input row) and DIR/metrics.json.
int runClusterCommand(const QStringList &arguments);

} // namespace equiscope::cli
