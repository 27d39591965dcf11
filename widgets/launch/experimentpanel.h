#pragma once

#include "runs/externalrun.h"
#include "store/runrecord.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QComboBox;
class QStackedWidget;

namespace equiscope {

struct Dataset;
class ClusteringLauncher;
class FairSslLauncher;
class FareLauncher;
class JobQueue;
class LauncherForm;
class RunJob;

/// The Experiments page: a family box and the launcher form of every registered family that
/// has one (launcherforms.cpp), one shown at a time. It hands them the opened dataset and the
/// store, and queues run configs of any family through the family's form.
class ExperimentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExperimentPanel(JobQueue *queue, QWidget *parent = nullptr);

    /// Hands @p dataset (nullptr: each family's default) to every form.
    void setDataset(const Dataset *dataset);
    /// The store every form's runs go to.
    void setStorePath(const QString &path);
    QString storePath() const { return m_storePath; }

    /// Saves every form's values and the family shown (LauncherSettings), for the next start.
    void rememberValues() const;
    /// Puts the values rememberValues() saved back into the forms (each form keeps the dataset
    /// it shows and a default run name) and shows the family shown last. Returns one line per
    /// form whose remembered values could not be used (they are dropped).
    QStringList restoreRememberedValues();

    /// Shows the form of @p method's family with that method chosen; false for an unknown name.
    bool selectMethod(const QString &method);
    /// Queues one run per config of any registered family (FamilyRegistry::familyOfConfig())
    /// through its family's form; stops at the first config its family rejects, with @p error
    /// set.
    QList<RunJob *> enqueueConfigs(const QList<QJsonObject> &configs, QString *error = nullptr);

    /// The family shown (item data: the family's name), one entry per form.
    QComboBox *familyBox() const { return m_family; }
    /// The form of @p family, or nullptr when the family has none.
    LauncherForm *launcher(RunFamily family) const;
    FareLauncher *fareLauncher() const;
    FairSslLauncher *fairSslLauncher() const;
    ClusteringLauncher *clusteringLauncher() const;

Q_SIGNALS:
    /// Emitted for every job just before it is queued (the monitor adds its row here).
    void jobCreated(equiscope::RunJob *job);
    /// A form started a run outside the workbench.
    void externalRunStarted(equiscope::ExternalRun *run);

private:
    QString m_storePath;
    QComboBox *m_family = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<LauncherForm *> m_forms;
};

} // namespace equiscope
