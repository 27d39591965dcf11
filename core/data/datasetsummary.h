#pragma once

#include "data/dataset.h"

#include <QJsonObject>

namespace equiscope {

/// What `datasets inspect` prints: sizes, splits, each attribute with its type and level counts
/// (or min/max/mean for continuous columns), and the skipped-row count.
QJsonObject datasetSummaryJson(const Dataset &dataset);
QString datasetSummaryText(const Dataset &dataset);

} // namespace equiscope
