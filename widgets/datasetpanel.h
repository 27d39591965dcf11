#pragma once

#include "data/dataset.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QListView;
class QTreeWidget;
class QComboBox;
class QLineEdit;
class QPushButton;

namespace equiscope {

class ThumbnailModel;

/// Opens a dataset (any supported format) off the GUI thread and shows its attributes with
/// types and level counts, its splits, and a grid of thumbnails.
class DatasetPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DatasetPanel(QWidget *parent = nullptr);
    ~DatasetPanel() override;

    /// Starts opening @p spec on a worker thread; datasetOpened() or openFailed() follows.
    void openDataset(const DatasetSpec &spec);
    /// Colored Fashion-MNIST from Debian's package: the embedded default.
    void openDefaultDataset();
    const Dataset *dataset() const { return m_dataset.get(); }
    /// Asks for a dataset folder or file and opens it with the chosen format.
    void browse();

Q_SIGNALS:
    void datasetOpened(const QString &name);
    void openFailed(const QString &message);

private:
    void openFromForm();
    void showDataset(const Dataset &dataset);

    QComboBox *m_format = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_openButton = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_attributes = nullptr;
    QListView *m_thumbnails = nullptr;
    ThumbnailModel *m_thumbnailModel = nullptr;
    std::unique_ptr<Dataset> m_dataset;
    QFutureWatcher<Expected<Dataset>> m_watcher;
};

} // namespace equiscope
