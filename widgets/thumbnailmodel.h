#pragma once

#include "data/dataset.h"

#include <QAbstractListModel>
#include <QCache>
#include <QPixmap>

namespace equiscope {

/// The images of a dataset as a list model; thumbnails are made on demand and cached, so a
/// 200k-image dataset opens instantly and scrolls smoothly.
class ThumbnailModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit ThumbnailModel(QObject *parent = nullptr);

    void setDataset(const Dataset *dataset, const QStringList &overlayAttributes);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    static constexpr int kThumbnailSize = 64;

private:
    const Dataset *m_dataset = nullptr;
    QStringList m_overlay;
    mutable QCache<qint64, QPixmap> m_cache{2000};
};

} // namespace equiscope
