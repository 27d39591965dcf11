#pragma once

#include <QStyledItemDelegate>

namespace equiscope {

/// Draws one ThumbnailModel row: the image, and under it one line per overlay attribute (its
/// value, or a colour chip for RGB attributes). Colours come from the view's palette, so light
/// and dark themes both work.
class ThumbnailDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ThumbnailDelegate(QObject *parent = nullptr);

    /// Overlay lines drawn under each image (the cell height follows).
    void setOverlayLines(int lines) { m_lines = lines; }
    int overlayLines() const { return m_lines; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The cell size for @p lines overlay lines with @p fontHeight pixel text.
    static QSize cellSize(int lines, int fontHeight);

private:
    int m_lines = 2;
};

} // namespace equiscope
