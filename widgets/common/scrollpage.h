#pragma once

class QScrollArea;
class QWidget;

namespace equiscope {

/// @p page in a frameless scroll area that resizes it: a page or run view keeps its minimum size
/// and scrolls when the window gives it less room (a laptop screen), instead of being squeezed
/// until its plots collapse or forcing the window taller than the screen. The scroll area is no
/// Tab stop of its own; the page's widgets are.
QScrollArea *scrollingPage(QWidget *page);

} // namespace equiscope
