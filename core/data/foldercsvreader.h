#pragma once

#include "datasetreader.h"

namespace equiscope {

/// Opens an image folder described by a CSV: @p spec.path is the CSV (or a folder holding
/// exactly one .csv). The first column is each image's path relative to the CSV's folder; the
/// other columns are attributes whose types are inferred (binary, categorical, continuous,
/// vector) unless spec.options["types"] ({column: type name}) forces them. A column named
/// "split" (train/val/test) gives the splits; otherwise they are random from the spec's options.
/// Throws DataException naming the file, line and column of the first problem.
Dataset readFolderCsv(const DatasetSpec &spec, const ReadContext &context);

/// The file beside a CSV that records its column types ("attributes.csv" →
/// "attributes.types.json"), written by writeFolderCsv so a round trip keeps the types.
QString typesSidecarPath(const QString &csvPath);

} // namespace equiscope
