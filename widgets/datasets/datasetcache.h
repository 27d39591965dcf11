#pragma once

#include <QJsonObject>

#include <memory>

namespace equiscope {

struct Dataset;

/// Opens the dataset of a run's config JSON ("dataset" spec) once per process and shares it
/// between views (opening decodes or maps its image cache). A failure is remembered too, so a
/// missing dataset is not retried on every hover. Blocking: call from a worker (QtConcurrent).
std::shared_ptr<const Dataset> openCachedDataset(const QJsonObject &specJson);

} // namespace equiscope
