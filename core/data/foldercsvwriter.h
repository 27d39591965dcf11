#pragma once

#include "data/datasetreader.h"

namespace equiscope {

/// Writes an image dataset as a folder + CSV that the folder-csv reader reads back:
/// images/000000.png … and attributes.csv (file, one column per attribute with vectors as
/// "a;b;c", split). Images are encoded in parallel. Returns the CSV path or an error.
/// @p rows, if given, are the samples to write (in that order); otherwise all of them.
Expected<QString> writeFolderCsv(const Dataset &dataset, const QString &outDir,
                                 const ReadContext &context = {},
                                 const std::vector<qint64> &rows = {});

/// Quotes a CSV field when it needs it (comma, quote, newline).
QString csvField(const QString &value);

} // namespace equiscope
