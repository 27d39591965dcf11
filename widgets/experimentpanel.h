#pragma once

#include "data/dataset.h"
#include "engine/runconfig.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace equiscope {

class AttributePicker;
class ClusteringLauncher;
class FairSslLauncher;
class JobQueue;
class RunJob;
class TrainingJob;

/// The experiment launcher: method (from MethodRegistry), dataset attributes, encoder and
/// hyper-parameters, validated live; Launch queues one TrainingJob, the sweep builder many.
class ExperimentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExperimentPanel(JobQueue *queue, QWidget *parent = nullptr);

    /// Uses @p dataset's spec and attributes; nullptr falls back to Colored Fashion-MNIST.
    void setDataset(const Dataset *dataset);
    void setStorePath(const QString &path);
    QString storePath() const { return m_storePath; }

    /// The run the form describes.
    RunConfig config() const;
    /// Fills the form from @p config (dataset attributes permitting); fields without an editor
    /// (probe limits, augmentations…) are kept for the runs launched from the form.
    void setConfig(const RunConfig &config);
    /// Empty when the form describes a valid run, else the reason shown inline.
    QString validationError() const;

    /// Queues one run of config(); nullptr when the form is invalid.
    TrainingJob *launch();
    /// Queues one run per config; returns the jobs.
    QList<TrainingJob *> enqueue(const QList<RunConfig> &configs);
    /// Opens the sweep builder over config() and queues what it builds.
    void openSweepBuilder();

    /// Shows the form of @p method's family with that method chosen; false for an unknown name.
    bool selectMethod(const QString &method);

    /// The FARE family's method box (this form's).
    QComboBox *methodBox() const { return m_method; }
    /// The method family shown: "fare" (this form), "fair-ssl" or "clustering" (their launchers).
    QComboBox *familyBox() const { return m_family; }
    ClusteringLauncher *clusteringLauncher() const { return m_clustering; }
    QComboBox *targetBox() const;
    QListWidget *sensitiveList() const;
    /// Target, sensitive attributes, binning and the live group preview.
    AttributePicker *attributePicker() const { return m_picker; }
    QPushButton *launchButton() const { return m_launch; }
    QLabel *errorLabel() const { return m_error; }
    /// The launcher form of the fair-SSL family, shown in place of this form for that family.
    FairSslLauncher *fairSslLauncher() const { return m_fairSsl; }

Q_SIGNALS:
    /// Emitted for every job just before it is queued (the monitor adds its row here).
    void jobCreated(equiscope::RunJob *job);

private:
    void fillAttributes();
    void rebuildOptions();
    void updateValidation();

    JobQueue *m_queue = nullptr;
    QString m_storePath;
    RunConfig m_base; ///< the fields the form does not show come from here (setConfig())
    std::optional<Dataset> m_dataset;
    DatasetSpec m_spec;
    QLabel *m_datasetLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_method = nullptr;
    QLabel *m_methodDescription = nullptr;
    AttributePicker *m_picker = nullptr;
    QComboBox *m_encoder = nullptr;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_batch = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QComboBox *m_optimizer = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_trainLimit = nullptr;
    QFormLayout *m_optionsForm = nullptr;
    QHash<QString, QWidget *> m_optionEditors;
    QLabel *m_error = nullptr;
    QPushButton *m_launch = nullptr;
    QPushButton *m_sweep = nullptr;
    QComboBox *m_family = nullptr;
    QStackedWidget *m_pages = nullptr;
    FairSslLauncher *m_fairSsl = nullptr;
    ClusteringLauncher *m_clustering = nullptr;
};

} // namespace equiscope
