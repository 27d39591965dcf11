#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli plot curves|pareto --store S ... --out FILE.png|.svg`: figures of a store's
/// runs drawn by the report's chart code (core/report/chart.h) — per-epoch curves of one or more
/// metrics, mean ± std over the runs of each method (seeds), or a scatter of two final metrics
/// with the Pareto front.
int runPlotCommand(const QStringList &arguments);

} // namespace equiscope::cli
