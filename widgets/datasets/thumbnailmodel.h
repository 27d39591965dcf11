#pragma once

#include "data/dataset.h"

#include <QAbstractListModel>
#include <QCache>
#include <QColor>
#include <QPixmap>
#include <QSet>

#include <vector>

namespace equiscope {

/// The images of a dataset as a list model, optionally filtered to the samples whose value of
/// one attribute is among chosen levels. Thumbnails are decoded on demand from the memory-mapped
/// image cache and kept in a small cache, so a 70k-image dataset opens instantly and scrolls
/// smoothly; only the visible rows are ever decoded.
class ThumbnailModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        SampleRole = Qt::UserRole + 1, ///< qint64 index of the sample in the dataset
        OverlayRole,                   ///< QStringList: one value per overlay attribute
        ChipRole,                      ///< QVariantList: QColor for RGB attributes, else invalid
    };

    explicit ThumbnailModel(QObject *parent = nullptr);

    /// Shows @p dataset (not owned; nullptr clears) with @p overlayAttributes under each image.
    void setDataset(const Dataset *dataset, const QStringList &overlayAttributes);
    void setOverlayAttributes(const QStringList &attributes);
    QStringList overlayAttributes() const { return m_overlay; }

    /// Shows only the samples whose code in @p codes (one per sample, -1 = missing) is in
    /// @p allowed. Codes usually are an attribute's level codes (or its bins).
    void setFilter(std::vector<int32_t> codes, const QSet<int> &allowed);
    void clearFilter();
    bool isFiltered() const { return m_filtered; }

    qint64 totalCount() const { return m_dataset ? m_dataset->size : 0; }
    qint64 sampleAt(int row) const { return m_rows[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    static constexpr int kThumbnailSize = 64;

private:
    void rebuildRows(const std::vector<int32_t> &codes, const QSet<int> &allowed);
    QColor chipColour(int overlay, qint64 sample) const;

    const Dataset *m_dataset = nullptr;
    QStringList m_overlay;
    QVector<double> m_chipScale; ///< per overlay attribute: 0 = no chip, else factor to 0…255
    std::vector<qint64> m_rows;  ///< visible samples, in dataset order
    bool m_filtered = false;
    mutable QCache<qint64, QPixmap> m_cache{2000};
};

} // namespace equiscope
