#pragma once

#include "launch/launcherform.h"

#include "data/dataset.h"
#include "fare/fareconfig.h"

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace equiscope {

class ComputeChoice;

class AttributePicker;
class FareJob;

/// The launcher form of the FARE family: method and loss options (the family's option table),
/// target and sensitive attributes with the live group preview, encoder and hyper-parameters,
/// validated live. Launch queues one FareJob, the sweep builder many.
class FareLauncher : public LauncherForm
{
    Q_OBJECT

public:
    explicit FareLauncher(JobQueue *queue, QWidget *parent = nullptr);

    /// Uses @p dataset's spec and attributes; nullptr falls back to Colored Fashion-MNIST.
    void setDataset(const Dataset *dataset) override;

    /// The run the form describes.
    FareConfig config() const;
    /// Fills the form from @p config (dataset attributes permitting); fields without an editor
    /// (probe limits, augmentations…) are kept for the runs launched from the form.
    void setConfig(const FareConfig &config);
    QJsonObject configJson() const override { return config().toJson(); }
    QString validationError() const override;
    QString setConfigJson(const QJsonObject &json) override;

    /// Queues one run of config(); nullptr when the form is invalid.
    FareJob *launch();
    /// Queues one run per config; returns the jobs.
    QList<FareJob *> enqueue(const QList<FareConfig> &configs);
    /// Opens the sweep builder over config() and queues what it builds.
    void openSweepBuilder();
    QComboBox *targetBox() const;
    QListWidget *sensitiveList() const;
    /// Target, sensitive attributes, binning and the live group preview.
    AttributePicker *attributePicker() const { return m_picker; }

private:
    void fillAttributes();

    FareConfig m_base; ///< the fields the form does not show come from here (setConfig())
    std::optional<Dataset> m_dataset;
    DatasetSpec m_spec;
    QLabel *m_datasetLabel = nullptr;
    QLineEdit *m_name = nullptr;
    AttributePicker *m_picker = nullptr;
    QComboBox *m_encoder = nullptr;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_batch = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QComboBox *m_optimizer = nullptr;
    QSpinBox *m_seed = nullptr;
    ComputeChoice *m_compute = nullptr;
    QSpinBox *m_trainLimit = nullptr;
    QSpinBox *m_probeTrainLimit = nullptr;
    QSpinBox *m_testLimit = nullptr;
    QSpinBox *m_epochEvaluation = nullptr;
    QPushButton *m_sweep = nullptr;
};

} // namespace equiscope
