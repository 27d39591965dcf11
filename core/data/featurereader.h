#pragma once

#include "data/datasetreader.h"

namespace equiscope {

/// Opens precomputed feature vectors (the clustering benchmark format and plain matrices):
///  - features.bin (or a folder holding it): float32 little-endian N×D without header, memory-
///    mapped; N is the line count of the labels file (spec.options["labels"], default
///    labels.meta beside it, one integer per line → categorical "label"); D is
///    spec.options["dim"] or inferred from the file size. Without a labels file "dim" is needed.
///  - a .csv matrix: all-numeric columns with an optional header row; columns named label or
///    group become attributes.
///  - a .npy matrix: 1-D or 2-D '<f4' / '<f8' in C order (see readNpy).
/// An optional spec.options["groups"] file (one group label per line) adds a categorical
/// "group" attribute. Splits are random from the spec's options.
/// Throws DataException naming the file, line or byte offset, expected and found.
Dataset readFeatures(const DatasetSpec &spec, const ReadContext &context);

} // namespace equiscope
