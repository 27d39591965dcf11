#include "datasets/thumbnailmodel.h"

#include "data/datasetpreview.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace equiscope {

ThumbnailModel::ThumbnailModel(QObject *parent) : QAbstractListModel(parent) {}

void ThumbnailModel::setDataset(const Dataset *dataset, const QStringList &overlayAttributes)
{
    beginResetModel();
    m_dataset = dataset && dataset->images ? dataset : nullptr;
    m_cache.clear();
    m_filtered = false;
    rebuildRows({}, {});
    endResetModel();
    setOverlayAttributes(overlayAttributes);
}

void ThumbnailModel::setOverlayAttributes(const QStringList &attributes)
{
    m_overlay.clear();
    m_chipScale.clear();
    if (m_dataset) {
        for (const QString &name : attributes) {
            if (!m_dataset->attributes.contains(name))
                continue;
            const Attribute &a = m_dataset->attributes.column(name);
            double scale = 0;
            // A three-component vector is drawn as a colour chip: 0…255 values as they are,
            // 0…1 values scaled up.
            if (a.type() == AttributeType::Vector && a.dim() == 3) {
                double hi = 0;
                for (int k = 0; k < 3; ++k)
                    hi = std::max(hi, a.stats(k).max);
                scale = hi <= 1.0 ? 255.0 : 1.0;
            }
            m_overlay << name;
            m_chipScale << scale;
        }
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole, OverlayRole, ChipRole});
}

void ThumbnailModel::setFilter(std::vector<int32_t> codes, const QSet<int> &allowed)
{
    beginResetModel();
    m_filtered = m_dataset && qint64(codes.size()) == m_dataset->size;
    rebuildRows(m_filtered ? codes : std::vector<int32_t>{}, allowed);
    endResetModel();
}

void ThumbnailModel::clearFilter()
{
    setFilter({}, {});
}

void ThumbnailModel::rebuildRows(const std::vector<int32_t> &codes, const QSet<int> &allowed)
{
    m_rows.clear();
    if (!m_dataset)
        return;
    const qint64 n = std::min<qint64>(m_dataset->size, std::numeric_limits<int>::max());
    if (!m_filtered) {
        m_rows.resize(size_t(n));
        std::iota(m_rows.begin(), m_rows.end(), qint64(0));
        return;
    }
    for (qint64 i = 0; i < n; ++i)
        if (allowed.contains(codes[size_t(i)]))
            m_rows.push_back(i);
}

int ThumbnailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QColor ThumbnailModel::chipColour(int overlay, qint64 sample) const
{
    const double scale = m_chipScale.value(overlay);
    if (scale <= 0)
        return {};
    const Attribute &a = m_dataset->attributes.column(m_overlay[overlay]);
    int rgb[3];
    for (int k = 0; k < 3; ++k) {
        const float v = a.value(sample, k);
        if (std::isnan(v))
            return {};
        rgb[k] = std::clamp(int(std::lround(v * scale)), 0, 255);
    }
    return QColor(rgb[0], rgb[1], rgb[2]);
}

QVariant ThumbnailModel::data(const QModelIndex &index, int role) const
{
    if (!m_dataset || !index.isValid() || index.row() >= rowCount())
        return {};
    const qint64 sample = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DecorationRole: {
        if (QPixmap *cached = m_cache.object(sample))
            return *cached;
        // Small images (MNIST's 28 px) are scaled up with sharp pixels, photos smoothly.
        const QImage img =
            datasetImage(*m_dataset, sample)
                .scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio,
                        m_dataset->images->shape().width < 40 ? Qt::FastTransformation
                                                              : Qt::SmoothTransformation);
        auto *pm = new QPixmap(QPixmap::fromImage(img));
        m_cache.insert(sample, pm);
        return *pm;
    }
    case SampleRole:
        return sample;
    case OverlayRole: {
        QStringList values;
        for (int i = 0; i < m_overlay.size(); ++i)
            values << (m_chipScale[i] > 0
                           ? QString()
                           : m_dataset->attributes.column(m_overlay[i]).displayValue(sample));
        return values;
    }
    case ChipRole: {
        QVariantList chips;
        for (int i = 0; i < m_overlay.size(); ++i)
            chips << QVariant(chipColour(i, sample));
        return chips;
    }
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        QStringList parts;
        if (role != Qt::DisplayRole)
            parts << (sample < m_dataset->itemNames.size() ? m_dataset->itemNames.at(int(sample))
                                                           : tr("Sample %1").arg(sample));
        for (const QString &a : m_overlay)
            parts << tr("%1 = %2").arg(a, m_dataset->attributes.column(a).displayValue(sample));
        return parts.join(role == Qt::DisplayRole ? QStringLiteral("\n") : QStringLiteral(", "));
    }
    default:
        return {};
    }
}

} // namespace equiscope
