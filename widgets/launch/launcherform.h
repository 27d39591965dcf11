#pragma once

#include "families/methodfamily.h"
#include "jobs/runjob.h"
#include "runs/externalrun.h"

#include <QFutureWatcher>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace equiscope {

struct Dataset;
class JobQueue;
class RunPlaceChoice;

/// What every family's launcher form shares: the method box filled from the family's methods,
/// the option editors built from the chosen method's option table (MethodFamily::methods()),
/// live validation with the reason shown inline, and Launch, which queues runs through the
/// family (MethodFamily::createJob()). A family's form adds only its own fields, its config and
/// its checks. ExperimentPanel hosts one form per registered family.
class LauncherForm : public QWidget
{
    Q_OBJECT

public:
    RunFamily family() const { return m_family; }
    /// The run store new runs go to.
    virtual void setStorePath(const QString &path) { m_storePath = path; }
    QString storePath() const { return m_storePath; }
    /// Uses @p dataset's spec and attributes (nullptr: the family's default); forms whose
    /// inputs are not the opened dataset ignore it.
    virtual void setDataset(const Dataset *dataset) { Q_UNUSED(dataset); }
    /// Why a run whose target is also a sensitive attribute is refused (FARE and fair SSL).
    static QString targetIsSensitiveText(const QString &target);

    QComboBox *methodBox() const { return m_method; }
    QPushButton *launchButton() const { return m_launch; }
    QLabel *errorLabel() const { return m_error; }
    /// The editor of option @p key of the current method, or nullptr.
    QWidget *optionEditor(const QString &key) const { return m_optionEditors.value(key); }
    /// The method shown (its name as the family's config spells it).
    QString currentMethod() const;
    /// Shows method @p name; false when the family has no such method.
    bool setMethod(const QString &name);

    /// The run the form describes, as the family's config JSON.
    virtual QJsonObject configJson() const = 0;
    /// Empty when the form describes a valid run, else the reason shown inline.
    virtual QString validationError() const = 0;
    /// Fills the form from @p json, a config of the form's family; empty, or the reason the
    /// config cannot be read (the form is then unchanged).
    virtual QString setConfigJson(const QJsonObject &json) = 0;

    /// What the form remembers across restarts (LauncherSettings): configJson() without the
    /// keys of keysNotRemembered().
    QJsonObject rememberedJson() const;
    /// Puts @p remembered (a rememberedJson() of an earlier session) over the form's current
    /// values; keys it lacks keep theirs. Empty, or the reason it could not be used.
    QString restoreRemembered(const QJsonObject &remembered);

    /// Estimates what configJson() will cost on this machine (MethodFamily::estimateCost(), off
    /// the GUI thread) and shows it on costLabel(), with a warning beyond an hour;
    /// estimateShown() follows.
    void estimateCost();
    QPushButton *estimateButton() const { return m_estimate; }
    QLabel *costLabel() const { return m_cost; }

    /// Queues one run of configJson(); nullptr when the form is invalid.
    RunJob *launchRun();
    /// Starts configJson() where runPlace() says, outside the workbench (ExternalRun), in a
    /// folder next to the store; nullptr with the reason shown inline when it cannot start.
    ExternalRun *launchExternal();
    /// Where Launch trains: this workbench, local processes or Slurm.
    RunPlaceChoice *runPlace() const { return m_runPlace; }
    /// Queues one run per config through the family; stops at the first one it rejects, with
    /// @p error set.
    QList<RunJob *> enqueueJson(const QList<QJsonObject> &configs, QString *error = nullptr);

protected:
    /// setConfigJson() for a form with a typed setConfig(): parses @p json as a Config, fills
    /// @p form from it, or returns why it could not be read (the form is then unchanged).
    template <typename Config, typename Form>
    static QString setTypedConfigJson(Form *form, const QJsonObject &json)
    {
        auto parsed = Config::fromJson(json);
        if (!parsed)
            return parsed.error().toString();
        form->setConfig(parsed.value());
        return {};
    }

    /// enqueueJson() for a family's typed configs, giving its typed jobs (a family's
    /// createJob() makes jobs of its own type).
    template <typename Job, typename Config> QList<Job *> enqueueTyped(const QList<Config> &configs)
    {
        QList<QJsonObject> json;
        for (const Config &c : configs)
            json << c.toJson();
        QList<Job *> jobs;
        for (RunJob *job : enqueueJson(json))
            jobs << static_cast<Job *>(job);
        return jobs;
    }

public:
Q_SIGNALS:
    /// Emitted for every job just before it is queued (the monitor adds its row here).
    void jobCreated(equiscope::RunJob *job);
    /// A run was started outside the workbench (the monitor adopts and shows it).
    void externalRunStarted(equiscope::ExternalRun *run);
    /// The cost estimate (or why there is none) is on costLabel().
    void estimateShown();

protected:
    LauncherForm(RunFamily family, JobQueue *queue, QWidget *parent);
    ~LauncherForm() override;

    /// Builds what every form shares around the subclass's own fields, once it has created
    /// them: fills @p method with the family's methods (their descriptions go to
    /// @p description, their option editors to @p options), and lays the page out as
    /// @p content in a scroll area above the cost estimate and a row with the validation
    /// message, Estimate time, @p extraButtons (enabled only for a valid run) and the Launch
    /// button (@p launchText, named
    /// @p launchName for screen readers).
    void setUpPage(QWidget *content, QComboBox *method, QLabel *description, QFormLayout *options,
                   const QString &launchText, const QString &launchName,
                   const QList<QPushButton *> &extraButtons = {});
    /// Rebuilds the option editors for the current method, each at optionValue(key) (or the
    /// option's default), and calls methodChanged().
    void rebuildOptions();
    /// The current value of option @p key for a rebuilt editor; undefined: the default.
    virtual QJsonValue optionValue(const QString &key) const;
    /// Called after the method changed and its editors were rebuilt.
    virtual void methodChanged(const MethodInfo &method) { Q_UNUSED(method); }
    /// Config keys a restart does not bring back: the run name (a name belongs to one run) and
    /// the dataset, which follows the Datasets page.
    virtual QStringList keysNotRemembered() const;
    /// The option editors' values as text, the form MethodFamily::withOption() takes.
    QList<QPair<QString, QString>> optionTexts() const;
    /// The same as typed JSON values, keyed by option key.
    QJsonObject optionJson() const;
    /// Sets every option editor whose key @p valueOf knows (undefined values are skipped).
    void setOptionValues(const std::function<QJsonValue(const QString &)> &valueOf);
    /// Shows validationError() and enables Launch only for a valid run.
    void updateValidation();
    /// The name of a run without one: "<method title> · seed <seed>".
    QString defaultRunName(quint64 seed) const;
    /// The method table entry of the current method (translated), or nullptr.
    const MethodInfo *currentMethodInfo() const;
    JobQueue *queue() const { return m_queue; }

private:
    void showCost();
    /// Why the run cannot go where runPlace() says (a malformed Slurm field, a method that
    /// trains in one process asked for several), or empty.
    QString externalRunError() const;
    /// The translated title of a cost stage ("train", "kNN graph", …).
    static QString stageTitle(const QString &stage);

    RunFamily m_family;
    JobQueue *m_queue = nullptr;
    QString m_storePath;
    QComboBox *m_method = nullptr;
    QLabel *m_description = nullptr;
    QFormLayout *m_optionsForm = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_launch = nullptr;
    RunPlaceChoice *m_runPlace = nullptr;
    QPushButton *m_estimate = nullptr;
    QLabel *m_cost = nullptr;
    QFutureWatcher<Expected<RunCostEstimate>> m_costWatcher;
    /// Shared with the estimate running in the background, which may outlive the form.
    std::shared_ptr<std::atomic<bool>> m_costCancel = std::make_shared<std::atomic<bool>>(false);
    QList<QPushButton *> m_enabledWhenValid;
    QList<QPair<QString, QWidget *>> m_editorOrder;
    QHash<QString, QWidget *> m_optionEditors;
};

} // namespace equiscope
