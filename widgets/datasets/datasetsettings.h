#pragma once

#include "data/dataset.h"

#include <QList>
#include <QString>

namespace equiscope {

/// Typed access to the dataset settings in QSettings: the recently opened datasets (whole
/// specs, so a recent entry reopens with its format options) and where the import wizard
/// last looked.
class DatasetSettings
{
public:
    static constexpr int kMaxRecent = 8;

    /// Most recent first.
    QList<DatasetSpec> recentDatasets() const;
    /// Puts @p spec first (an equal spec already in the list moves up).
    void addRecentDataset(const DatasetSpec &spec);
    void clearRecentDatasets();

    QString lastFormat() const;
    void setLastFormat(const QString &format);
    QString lastDirectory() const;
    void setLastDirectory(const QString &directory);

    /// How a spec is shown in menus: "folder-csv — /data/faces/attributes.csv".
    static QString displayName(const DatasetSpec &spec);
};

} // namespace equiscope
