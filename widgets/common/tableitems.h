#pragma once

#include <QString>
#include <Qt>

class QTableWidgetItem;

namespace equiscope {

/// A table cell the user can select and copy but not edit, aligned @p align (and vertically
/// centred), for the result tables of the views.
QTableWidgetItem *readOnlyItem(const QString &text, Qt::Alignment align = Qt::AlignLeft);

} // namespace equiscope
