#include "common/tableitems.h"

#include <QTableWidgetItem>

namespace equiscope {

QTableWidgetItem *readOnlyItem(const QString &text, Qt::Alignment align)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setTextAlignment(align | Qt::AlignVCenter);
    return item;
}

} // namespace equiscope
