#pragma once

#include <QJsonObject>
#include <QString>

#include <memory>

namespace equiscope {

struct Dataset;

/// Opens the dataset of a run's config JSON ("dataset" spec) once per process and shares it
/// between views (opening decodes or maps its image cache). A failure is remembered too, so a
/// missing dataset is not retried on every hover. Blocking: call from a worker (QtConcurrent).
/// On failure returns nullptr and, when @p error is given, why (the reader's message, which names
/// the file).
std::shared_ptr<const Dataset> openCachedDataset(const QJsonObject &specJson,
                                                 QString *error = nullptr);

} // namespace equiscope
