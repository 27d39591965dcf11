#pragma once

#include "data/datasetreader.h"

namespace equiscope {

/// Opens UTKFace: @p spec.path is the folder of JPEGs named [age]_[gender]_[race]_[datetime].jpg
/// (the aligned set ends .jpg.chip.jpg), or a root holding a UTKFace/ or crop_part1/ folder.
/// Attributes: age (continuous), gender (binary: male, female), race (categorical: White, Black,
/// Asian, Indian, Others). Files whose name misses a field or holds a bad value are skipped and
/// counted (Dataset::skipped, skippedExamples). Random splits from the spec's options.
/// Throws DataException when no file is usable or an image cannot be decoded.
Dataset readUtkFace(const DatasetSpec &spec, const ReadContext &context);

} // namespace equiscope
