#pragma once

#include "launch/launcherform.h"

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

class ComputeChoice;

class FairSslJob;
class JobQueue;
class RunJob;

/// The launcher form of the fair self-supervised pipeline: method (the fair-ssl family of the
/// MethodRegistry, whose table also drives the stage options), target levels, sensitive groups,
/// the embedding encoder (built-in SimCLR or a TorchScript file), the text-embedding file for
/// zero-shot labels, and the training settings; validated live. Launch queues a FairSslJob.
class FairSslLauncher : public LauncherForm
{
    Q_OBJECT

public:
    explicit FairSslLauncher(JobQueue *queue, QWidget *parent = nullptr);

    /// Uses @p dataset's spec and attributes; nullptr falls back to the default demo.
    void setDataset(const Dataset *dataset) override;

    FairSslConfig config() const;
    void setConfig(const FairSslConfig &config);
    QJsonObject configJson() const override { return config().toJson(); }
    QString validationError() const override;
    QString setConfigJson(const QJsonObject &json) override;

    /// Queues one run of config(); nullptr when the form is invalid.
    FairSslJob *launch();
    QList<FairSslJob *> enqueue(const QList<FairSslConfig> &configs);

    QComboBox *targetBox() const { return m_target; }
    QListWidget *levelsList() const { return m_levels; }
    QListWidget *sensitiveList() const { return m_sensitive; }
    QComboBox *encoderSourceBox() const { return m_encoderSource; }
    QLineEdit *encoderFileEdit() const { return m_encoderFile; }
    QLineEdit *textEmbeddingsEdit() const { return m_textFile; }

protected:
    /// Stage options start at the values of the last setConfig().
    QJsonValue optionValue(const QString &key) const override;

private:
    void fillAttributes();
    void fillLevels();
    void updateEncoderFields();

    FairSslConfig m_base; ///< fields without an editor come from here
    std::optional<Dataset> m_dataset;
    DatasetSpec m_spec;
    QLabel *m_datasetLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_target = nullptr;
    QListWidget *m_levels = nullptr;
    QListWidget *m_sensitive = nullptr;
    QComboBox *m_backbone = nullptr;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_batch = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QSpinBox *m_seed = nullptr;
    ComputeChoice *m_compute = nullptr;
    QSpinBox *m_epochEvaluation = nullptr;
    QComboBox *m_encoderSource = nullptr;
    QLineEdit *m_encoderFile = nullptr;
    QPushButton *m_encoderBrowse = nullptr;
    QSpinBox *m_inputSize = nullptr;
    QLineEdit *m_mean = nullptr;
    QLineEdit *m_std = nullptr;
    QLineEdit *m_textFile = nullptr;
    QPushButton *m_textBrowse = nullptr;
};

} // namespace equiscope
