#pragma once

#include "data/groupassignment.h"

#include "data/dataset.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QMenu;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace equiscope {

class ThumbnailDelegate;
class ThumbnailModel;

/// The thumbnail grid of a dataset with attribute overlays under each image and a filter by
/// attribute value: pick an attribute, tick the levels to show (continuous and vector
/// attributes are offered as four bins), the grid and the counts follow. Only visible
/// thumbnails are decoded, from the memory-mapped image cache.
class ThumbnailBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit ThumbnailBrowser(QWidget *parent = nullptr);
    ~ThumbnailBrowser() override;

    /// Shows @p dataset (not owned; it must outlive the browser or be replaced first).
    void setDataset(const Dataset *dataset);
    /// Attributes drawn under each image (RGB vectors as colour chips).
    void setOverlayAttributes(const QStringList &attributes);
    QStringList overlayAttributes() const;

    /// Filters on @p attribute, showing the samples whose value (or bin) is one of @p levels;
    /// an empty attribute shows everything. Discrete attributes apply at once; binned ones
    /// when filterChanged() is emitted.
    void setFilter(const QString &attribute, const QStringList &levels);
    QString filterAttribute() const;
    /// The levels (or bins) currently ticked.
    QStringList checkedLevels() const;
    int visibleCount() const;
    /// How continuous and vector attributes are binned for the filter: as the launcher bins the
    /// run's groups (method, bins, seed), so a bin here is the same group there.
    void setBinning(BinningMethod method, int bins, quint64 seed);
    BinningMethod binningMethod() const { return m_binMethod; }
    int binCount() const { return m_bins; }
    quint64 binSeed() const { return m_binSeed; }

    ThumbnailModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QComboBox *filterAttributeBox() const { return m_attribute; }
    QListWidget *filterValueList() const { return m_values; }
    QLabel *countLabel() const { return m_count; }

Q_SIGNALS:
    void filterChanged();

private:
    void attributeChosen();
    void showLevels(const Attribute &discrete);
    void applyFilter();
    void updateCount();
    void rebuildOverlayMenu();

    const Dataset *m_dataset = nullptr;
    ThumbnailModel *m_model = nullptr;
    ThumbnailDelegate *m_delegate = nullptr;
    QStackedWidget *m_stack = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_noImages = nullptr;
    QComboBox *m_attribute = nullptr;
    QListWidget *m_values = nullptr;
    QPushButton *m_all = nullptr;
    QPushButton *m_none = nullptr;
    QToolButton *m_overlayButton = nullptr;
    QMenu *m_overlayMenu = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_filterHint = nullptr;
    std::vector<int32_t> m_codes; ///< per sample: level or bin of the filter attribute
    QFutureWatcher<Attribute> m_binning;
    // The launcher's defaults (FareConfig) until MainWindow passes the launcher's choices.
    BinningMethod m_binMethod = BinningMethod::KMeans;
    int m_bins = 4;
    quint64 m_binSeed = 0;
    QStringList m_pendingLevels; ///< levels to tick once the binning arrives
    bool m_pendingLevelsSet = false;
};

} // namespace equiscope
