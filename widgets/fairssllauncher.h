#pragma once

#include "data/dataset.h"
#include "fairssl/fairsslconfig.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace equiscope {

class FairSslJob;
class JobQueue;
class RunJob;

/// The launcher form of the fair self-supervised pipeline: method (the fair-ssl family of the
/// MethodRegistry, whose table also drives the stage options), target levels, sensitive groups,
/// the embedding encoder (built-in SimCLR or a TorchScript file), the text-embedding file for
/// zero-shot labels, and the training settings; validated live. Launch queues a FairSslJob.
class FairSslLauncher : public QWidget
{
    Q_OBJECT

public:
    explicit FairSslLauncher(JobQueue *queue, QWidget *parent = nullptr);

    /// Uses @p dataset's spec and attributes; nullptr falls back to the default demo.
    void setDataset(const Dataset *dataset);
    void setStorePath(const QString &path) { m_storePath = path; }
    /// Selects method @p name of the fair-ssl family.
    void setMethod(const QString &name);

    FairSslConfig config() const;
    void setConfig(const FairSslConfig &config);
    /// Empty when the form describes a valid run, else the reason shown inline.
    QString validationError() const;

    /// Queues one run of config(); nullptr when the form is invalid.
    FairSslJob *launch();
    QList<FairSslJob *> enqueue(const QList<FairSslConfig> &configs);

    QComboBox *methodBox() const { return m_method; }
    QComboBox *targetBox() const { return m_target; }
    QListWidget *levelsList() const { return m_levels; }
    QListWidget *sensitiveList() const { return m_sensitive; }
    QComboBox *encoderSourceBox() const { return m_encoderSource; }
    QLineEdit *encoderFileEdit() const { return m_encoderFile; }
    QLineEdit *textEmbeddingsEdit() const { return m_textFile; }
    QPushButton *launchButton() const { return m_launch; }
    QLabel *errorLabel() const { return m_error; }
    /// The editor of stage option @p key (a FairSslConfig JSON path), or nullptr.
    QWidget *optionEditor(const QString &key) const { return m_optionEditors.value(key); }

Q_SIGNALS:
    /// Emitted for every job just before it is queued (the monitor adds its row here).
    void jobCreated(equiscope::RunJob *job);

private:
    void fillAttributes();
    void fillLevels();
    void rebuildOptions();
    void updateValidation();
    void updateEncoderFields();

    JobQueue *m_queue = nullptr;
    QString m_storePath;
    FairSslConfig m_base; ///< fields without an editor come from here
    std::optional<Dataset> m_dataset;
    DatasetSpec m_spec;
    QLabel *m_datasetLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_method = nullptr;
    QLabel *m_description = nullptr;
    QComboBox *m_target = nullptr;
    QListWidget *m_levels = nullptr;
    QListWidget *m_sensitive = nullptr;
    QComboBox *m_backbone = nullptr;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_batch = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QSpinBox *m_seed = nullptr;
    QComboBox *m_encoderSource = nullptr;
    QLineEdit *m_encoderFile = nullptr;
    QPushButton *m_encoderBrowse = nullptr;
    QSpinBox *m_inputSize = nullptr;
    QLineEdit *m_mean = nullptr;
    QLineEdit *m_std = nullptr;
    QLineEdit *m_textFile = nullptr;
    QPushButton *m_textBrowse = nullptr;
    QFormLayout *m_optionsForm = nullptr;
    QHash<QString, QWidget *> m_optionEditors;
    QLabel *m_error = nullptr;
    QPushButton *m_launch = nullptr;
};

} // namespace equiscope
