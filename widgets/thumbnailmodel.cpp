#include "thumbnailmodel.h"

#include "data/datasetpreview.h"

namespace equiscope {

ThumbnailModel::ThumbnailModel(QObject *parent) : QAbstractListModel(parent) {}

void ThumbnailModel::setDataset(const Dataset *dataset, const QStringList &overlayAttributes)
{
    beginResetModel();
    m_dataset = dataset;
    m_overlay = overlayAttributes;
    m_cache.clear();
    endResetModel();
}

int ThumbnailModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_dataset || !m_dataset->images)
        return 0;
    return int(std::min<qint64>(m_dataset->size, std::numeric_limits<int>::max()));
}

QVariant ThumbnailModel::data(const QModelIndex &index, int role) const
{
    if (!m_dataset || !index.isValid())
        return {};
    const qint64 row = index.row();
    switch (role) {
    case Qt::DecorationRole: {
        if (QPixmap *cached = m_cache.object(row))
            return *cached;
        const QImage img = datasetImage(*m_dataset, row)
                               .scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio,
                                       m_dataset->images->shape().width < 40 ? Qt::FastTransformation
                                                                            : Qt::SmoothTransformation);
        auto *pm = new QPixmap(QPixmap::fromImage(img));
        m_cache.insert(row, pm);
        return *pm;
    }
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        QStringList parts;
        for (const QString &a : m_overlay)
            if (m_dataset->attributes.contains(a))
                parts << QStringLiteral("%1=%2").arg(a, m_dataset->attributes.column(a).displayValue(row));
        if (role == Qt::ToolTipRole && row < m_dataset->itemNames.size())
            parts.prepend(m_dataset->itemNames.at(int(row)));
        return parts.join(role == Qt::DisplayRole ? QStringLiteral("\n") : QStringLiteral(", "));
    }
    default:
        return {};
    }
}

} // namespace equiscope
