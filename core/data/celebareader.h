#pragma once

#include "data/datasetreader.h"

namespace equiscope {

/// Opens CelebA as distributed: @p spec.path is the root folder holding img_align_celeba/,
/// list_attr_celeba.txt, list_eval_partition.txt (optional: random splits without it) and
/// optionally identity_CelebA.txt. The 40 attributes become binary columns with levels
/// {"-1", "1"}, so level code 1 means "present". Images are decoded to "imageSize" (default 64).
/// Throws DataException naming the file, line and field of the first problem.
Dataset readCelebA(const DatasetSpec &spec, const ReadContext &context);

} // namespace equiscope
