#pragma once

#include "data/dataset.h"
#include "util/expected.h"

namespace equiscope {

/// Reads the "dataset" section of a run config strictly: "format" and "path" must be text,
/// "options" an object, and no other key may appear. Errors name @p file and the key's JSON path
/// below @p path (e.g. "dataset.format").
Expected<DatasetSpec> readDatasetSpec(const QJsonValue &json, const QString &file,
                                      const QString &path = QStringLiteral("dataset"));

} // namespace equiscope
