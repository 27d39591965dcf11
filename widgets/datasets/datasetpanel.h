#pragma once

#include "data/dataset.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace equiscope {

class AssociationScanDialog;
class AttributeHistogramPlot;
class ColoredMnistDialog;
class DatasetWizard;
class ThumbnailBrowser;

/// The Datasets page: opens a dataset (import wizard, recent datasets, the Colored
/// Fashion-MNIST default, or a Colored MNIST created here) off the GUI thread, and shows it:
/// attributes with types and level counts (or ranges), a histogram of the selected attribute,
/// warnings for levels too small to judge, and the filterable thumbnail grid.
class DatasetPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DatasetPanel(QWidget *parent = nullptr);
    ~DatasetPanel() override;

    /// Starts opening @p spec on a worker thread; datasetOpened() or openFailed() follows. A
    /// successful open is remembered in the recent datasets.
    void openDataset(const DatasetSpec &spec);
    /// Colored Fashion-MNIST from Debian's package: the embedded default.
    void openDefaultDataset();
    const Dataset *dataset() const { return m_dataset.get(); }
    /// Opens the import wizard (window-modal); the dataset it opens is shown here.
    DatasetWizard *openWizard();
    /// Same as openWizard() (the File menu's Open).
    void browse() { openWizard(); }
    /// Opens the "Create Colored MNIST / Fashion-MNIST" dialog; its result is opened here.
    ColoredMnistDialog *openColoredMnistDialog();
    /// Opens the association scan of the open dataset and starts it (nullptr without a dataset).
    AssociationScanDialog *openAssociationScan();
    /// The File menu's "Recent Datasets" (kept up to date by the panel).
    QMenu *recentDatasetsMenu() const { return m_recentMenu; }

    /// Levels (and, in the picker, groups) smaller than this are "too small to judge".
    void setMinGroupSize(int size);
    int minGroupSize() const { return m_minGroupSize; }
    /// Shows the histogram of @p attribute (false when there is no such attribute).
    bool selectAttribute(const QString &attribute);

    QTreeWidget *attributeTree() const { return m_attributes; }
    AttributeHistogramPlot *histogramPlot() const { return m_histogram; }
    ThumbnailBrowser *thumbnails() const { return m_browser; }
    QLabel *warningLabel() const { return m_warning; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void datasetOpened(const QString &name);
    void openFailed(const QString &message);

private:
    void startOpen(const DatasetSpec &spec, bool remember);
    void showOpened(std::unique_ptr<Dataset> dataset, bool remember);
    void showDataset(const Dataset &dataset);
    void fillAttributeTree(const Dataset &dataset);
    void updateWarnings();
    void attributeSelected(QTreeWidgetItem *item);
    void rebuildRecentMenu();

    QPushButton *m_openButton = nullptr;
    QPushButton *m_defaultButton = nullptr;
    QPushButton *m_colorizeButton = nullptr;
    QPushButton *m_scanButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_warning = nullptr;
    QTreeWidget *m_attributes = nullptr;
    AttributeHistogramPlot *m_histogram = nullptr;
    ThumbnailBrowser *m_browser = nullptr;
    QMenu *m_recentMenu = nullptr;
    std::unique_ptr<Dataset> m_dataset;
    QFutureWatcher<Expected<Dataset>> m_watcher;
    bool m_rememberPending = false;
    int m_minGroupSize = 30;
};

} // namespace equiscope
