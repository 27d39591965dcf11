#pragma once

#include <QStringList>
#include <QVector>

namespace equiscope {

/// Plain-text table for terminals: left-aligned columns separated by two spaces, each line
/// indented by two spaces and ended by a newline. Rows may have different lengths.
QString alignedColumns(const QVector<QStringList> &rows);

} // namespace equiscope
