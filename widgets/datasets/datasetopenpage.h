#pragma once

#include "data/dataset.h"

#include <QFutureWatcher>
#include <QWizardPage>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QTimer;

namespace equiscope {

/// Last wizard page: opens the spec the wizard describes on a worker thread (images are
/// decoded into the cache here), with progress; shows a summary, or the reader's error with the
/// file and line, inline. Finish is enabled only once the dataset is open.
class DatasetOpenPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DatasetOpenPage(QWidget *parent = nullptr);
    ~DatasetOpenPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    bool isOpening() const { return m_watcher.isRunning(); }
    /// The reader's error of the last attempt, or empty.
    QString error() const { return m_error; }
    const Dataset *dataset() const { return m_dataset.get(); }
    std::unique_ptr<Dataset> takeDataset() { return std::move(m_dataset); }

Q_SIGNALS:
    void opened();
    void failed(const QString &message);

private:
    void cancel();

    QLabel *m_specText = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QTimer *m_poll = nullptr;
    QFutureWatcher<Expected<Dataset>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_done, m_total;
    std::unique_ptr<Dataset> m_dataset;
    QString m_error;
};

/// A few lines about an opened dataset: samples, splits, attributes, what was skipped.
QString datasetSummaryHtml(const Dataset &dataset);

} // namespace equiscope
