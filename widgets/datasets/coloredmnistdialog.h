#pragma once

#include "data/coloredmnistexport.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace equiscope {

/// "Create Colored MNIST / Fashion-MNIST": the ColorMNIST generator with ρ, σ, seed and a
/// limit, written as folder + CSV by the same core code as `equiscope-cli datasets colorize`,
/// on a worker thread with progress and Cancel. Accepted when the dataset is written; csvPath()
/// is then the folder-csv dataset to open.
class ColoredMnistDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ColoredMnistDialog(QWidget *parent = nullptr);
    ~ColoredMnistDialog() override;

    ColorizeRequest request() const;
    void setRequest(const ColorizeRequest &request);
    /// Starts writing (what the Create button does); false when the form is invalid.
    bool start();
    bool isRunning() const { return m_watcher.isRunning(); }
    QString csvPath() const { return m_csv; }
    /// The spec that opens what was written (folder-csv at the source's image size).
    DatasetSpec createdSpec() const;
    QString error() const { return m_error; }
    /// Why the form cannot be run, or empty.
    QString validationError() const;

    QPushButton *createButton() const { return m_create; }
    /// Cancels a running write (waiting for the worker), then closes.
    void reject() override;

Q_SIGNALS:
    /// The dataset was written to csvPath() (the dialog accepts right after).
    void created(const QString &csvPath);
    void failed(const QString &message);

private:
    void browseSource();
    void browseOutput();
    void updateValidation();
    void setRunning(bool running);

    QComboBox *m_source = nullptr;
    QLineEdit *m_sourcePath = nullptr;
    QPushButton *m_sourceBrowse = nullptr;
    QDoubleSpinBox *m_rho = nullptr;
    QDoubleSpinBox *m_sigma = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_limit = nullptr;
    QLineEdit *m_output = nullptr;
    QPushButton *m_outputBrowse = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_create = nullptr;
    QFutureWatcher<Expected<ColorizeResult>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_done, m_total;
    QString m_csv;
    int m_imageSize = 0;
    bool m_outputEdited = false;
    QString m_error;
};

} // namespace equiscope
