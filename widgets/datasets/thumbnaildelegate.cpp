#include "datasets/thumbnaildelegate.h"

#include "datasets/thumbnailmodel.h"

#include <QApplication>
#include <QPainter>

namespace equiscope {

namespace {
constexpr int kPadding = 4;
constexpr int kCellWidth = ThumbnailModel::kThumbnailSize + 32;
} // namespace

ThumbnailDelegate::ThumbnailDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QSize ThumbnailDelegate::cellSize(int lines, int fontHeight)
{
    return QSize(kCellWidth,
                 ThumbnailModel::kThumbnailSize + 2 * kPadding + lines * (fontHeight + 1) + 2);
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(m_lines, option.fontMetrics.height());
}

void ThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    QRect cell = option.rect.adjusted(1, 1, -1, -1);
    if (selected)
        painter->fillRect(cell, pal.brush(QPalette::Highlight));
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->drawRect(cell.adjusted(0, 0, -1, -1));
    }

    const QPixmap pm = index.data(Qt::DecorationRole).value<QPixmap>();
    const int size = ThumbnailModel::kThumbnailSize;
    const QRect imageRect(cell.left() + (cell.width() - size) / 2, cell.top() + kPadding, size,
                          size);
    if (!pm.isNull()) {
        const QSize scaled = pm.size().scaled(imageRect.size(), Qt::KeepAspectRatio);
        const QRect target(imageRect.left() + (size - scaled.width()) / 2,
                           imageRect.top() + (size - scaled.height()) / 2, scaled.width(),
                           scaled.height());
        painter->drawPixmap(target, pm);
    }

    const QStringList values = index.data(ThumbnailModel::OverlayRole).toStringList();
    const QVariantList chips = index.data(ThumbnailModel::ChipRole).toList();
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setPen(text);
    const int lineHeight = option.fontMetrics.height() + 1;
    int y = imageRect.bottom() + kPadding;
    for (int i = 0; i < values.size() && i < m_lines; ++i, y += lineHeight) {
        const QRect line(cell.left() + 2, y, cell.width() - 4, lineHeight);
        const QColor chip = chips.value(i).value<QColor>();
        if (chip.isValid()) {
            // A swatch with a contrasting outline, so white or black chips stay visible.
            const int side = lineHeight - 3;
            const QRect swatch(line.left() + (line.width() - 3 * side) / 2, line.top() + 1,
                               3 * side, side);
            painter->fillRect(swatch, chip);
            painter->setPen(pal.color(QPalette::Mid));
            painter->drawRect(swatch.adjusted(0, 0, -1, -1));
            painter->setPen(text);
            continue;
        }
        painter->drawText(line, Qt::AlignHCenter | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(values[i], Qt::ElideRight, line.width()));
    }
    painter->restore();
}

} // namespace equiscope
