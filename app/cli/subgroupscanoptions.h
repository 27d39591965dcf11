#pragma once

#include "eval/subgroupscan.h"

class QCommandLineParser;

namespace equiscope::cli {

/// The options of a worst-subgroup scan shared by `audit --scan` and `runs scan`: --scan-metric,
/// --max-conditions, --null-scans, --alpha and --top.
void addSubgroupScanOptions(QCommandLineParser &parser);
/// Reads them into @p options; returns 0, or the exit code after printing what is wrong.
int readSubgroupScanOptions(const QCommandLineParser &parser, SubgroupScanOptions *options);

} // namespace equiscope::cli
