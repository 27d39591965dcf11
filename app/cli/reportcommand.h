#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli report RUN... --format html|pdf --out FILE [--store PATH]`.
int runReportCommand(const QStringList &arguments);

} // namespace equiscope::cli
