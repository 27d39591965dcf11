#pragma once

#include "data/datasetreader.h"

namespace equiscope {

/// Opens FairFace as distributed: @p spec.path is the root folder holding
/// fairface_label_train.csv and fairface_label_val.csv (header file,age,gender,race,service_test)
/// and the train/ and val/ image folders. FairFace has no test split: the validation rows become
/// Split::Test (the dataset carries a warning saying so). Images are decoded to "imageSize"
/// (default 64). Throws DataException naming the file, line and field of the first problem.
Dataset readFairFace(const DatasetSpec &spec, const ReadContext &context);

} // namespace equiscope
