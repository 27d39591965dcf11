#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli audit PREDICTIONS.csv --label COL --pred COL [--score COL] --group COL...`.
int runAuditCommand(const QStringList &arguments);

} // namespace equiscope::cli
