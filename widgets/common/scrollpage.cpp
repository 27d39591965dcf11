#include "common/scrollpage.h"

#include <QScrollArea>

namespace equiscope {

QScrollArea *scrollingPage(QWidget *page)
{
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(page);
    return scroll;
}

} // namespace equiscope
