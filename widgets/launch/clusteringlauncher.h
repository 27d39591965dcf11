#pragma once

#include "launch/launcherform.h"

#include "clustering/clusteringconfig.h"
#include "store/runrecord.h"

#include <QFutureWatcher>
#include <QHash>
#include <QVector>
#include <QWidget>

#include <functional>

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

class ComputeChoice;

class ClusteringJob;
class JobQueue;
class RunJob;

/// The launcher form of the clustering family: the input (feature files, or the embeddings of a
/// finished FARE-family run of the store), the method and its options (from MethodRegistry),
/// training and split settings, validated live; Launch queues one ClusteringJob.
class ClusteringLauncher : public LauncherForm
{
    Q_OBJECT

public:
    explicit ClusteringLauncher(JobQueue *queue, QWidget *parent = nullptr);
    ~ClusteringLauncher() override;

    /// The store new runs go to, whose finished runs with an image encoder are offered as
    /// embedding sources.
    void setStorePath(const QString &path) override;
    /// Re-reads the finished FARE-family runs offered as embedding sources.
    void refreshRuns();

    /// The run the form describes.
    ClusteringConfig config() const;
    void setConfig(const ClusteringConfig &config);
    QJsonObject configJson() const override { return config().toJson(); }
    QString validationError() const override;
    QString setConfigJson(const QJsonObject &json) override;

protected:
    /// The name only: a clustering's input (feature files or source run) is the form's own.
    QStringList keysNotRemembered() const override;

public:
    /// Queues one run of config(); nullptr when the form is invalid.
    ClusteringJob *launch();

    QComboBox *sourceBox() const { return m_source; }
    QComboBox *runBox() const { return m_run; }
    QLineEdit *featuresEdit() const { return m_features; }
    /// From a run: the source run's dataset attributes, the checked ones sensitive.
    QListWidget *sensitiveList() const { return m_sensitiveList; }

Q_SIGNALS:
    /// The list of embedding-source runs was (re)loaded.
    void runsLoaded();
    /// The attributes of the selected source run's dataset were read (or failed to be).
    void runAttributesLoaded();

protected:
    /// Model-free methods have nothing to train: their training fields are disabled.
    void methodChanged(const MethodInfo &method) override;

private:
    struct RunAttributes
    {
        QString runId;
        QStringList names;
        QString error;
    };
    void sourceChanged();
    /// Reads the attributes of the selected source run's dataset on a worker.
    void loadRunAttributes();
    void showRunAttributes();
    QStringList checkedSensitive() const;
    /// The sensitive attributes the form describes: typed (feature files) or checked (a run).
    QStringList sensitiveAttributes() const;
    /// The form as a config, or why it is not one.
    Expected<ClusteringConfig> parsedConfig() const;

    ClusteringConfig m_base;
    QComboBox *m_source = nullptr;
    QStackedWidget *m_sourcePages = nullptr;
    QLineEdit *m_features = nullptr;
    QLineEdit *m_labels = nullptr;
    QLineEdit *m_groups = nullptr;
    QSpinBox *m_dim = nullptr;
    QComboBox *m_run = nullptr;
    QSpinBox *m_views = nullptr;
    QComboBox *m_sampleSplit = nullptr;
    QSpinBox *m_sampleLimit = nullptr;
    QLineEdit *m_identity = nullptr;
    QLineEdit *m_sensitive = nullptr;
    QListWidget *m_sensitiveList = nullptr;
    QStackedWidget *m_sensitivePages = nullptr;
    QHash<QString, RunRecord> m_sourceRuns; ///< the runs offered as sources, by id
    QString m_attributesRun;                ///< the run whose attributes are read or shown
    QStringList m_datasetAttributes;
    QString m_attributesError;
    QStringList m_wantedSensitive; ///< from setConfig(), checked once the attributes are read
    QLineEdit *m_subsampleGroup = nullptr;
    QDoubleSpinBox *m_subsampleFraction = nullptr;
    QSpinBox *m_minGroupSize = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_batch = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QSpinBox *m_anchors = nullptr;
    QSpinBox *m_seed = nullptr;
    ComputeChoice *m_compute = nullptr;
    QDoubleSpinBox *m_valFraction = nullptr;
    QDoubleSpinBox *m_testFraction = nullptr;
    QFutureWatcher<QVector<RunRecord>> m_runsWatcher;
    QFutureWatcher<RunAttributes> m_attributesWatcher;
};

} // namespace equiscope
