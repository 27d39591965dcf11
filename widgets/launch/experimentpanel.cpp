#include "launch/experimentpanel.h"

#include "launch/clusteringlauncher.h"
#include "launch/fairssllauncher.h"
#include "launch/farelauncher.h"
#include "launch/launcherforms.h"
#include "launch/launchersettings.h"
#include "launch/methodregistry.h"

#include "families/familyregistry.h"

#include <QComboBox>
#include <QFormLayout>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace equiscope {

ExperimentPanel::ExperimentPanel(JobQueue *queue, QWidget *parent) : QWidget(parent)
{
    m_pages = new QStackedWidget;
    m_family = new QComboBox;
    m_family->setAccessibleName(tr("Method family"));
    for (LauncherForm *form : createLauncherForms(queue)) {
        const MethodFamily *family = FamilyRegistry::instance().family(form->family());
        m_forms.append(form);
        m_pages->addWidget(form);
        m_family->addItem(MethodRegistry::translate(family->title()), family->name());
        connect(form, &LauncherForm::jobCreated, this, &ExperimentPanel::jobCreated);
        connect(form, &LauncherForm::externalRunStarted, this,
                &ExperimentPanel::externalRunStarted);
    }
    connect(m_family, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        if (auto *clustering = qobject_cast<ClusteringLauncher *>(m_pages->currentWidget()))
            clustering->refreshRuns(); // runs may have finished since it was last shown
    });
    auto *familyRow = new QFormLayout;
    // No mnemonic: every letter of "Family" is taken on this page (File, Method, Launch, …).
    familyRow->addRow(tr("Family:"), m_family);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(familyRow);
    layout->addWidget(m_pages, 1);
}

LauncherForm *ExperimentPanel::launcher(RunFamily family) const
{
    for (LauncherForm *form : m_forms)
        if (form->family() == family)
            return form;
    return nullptr;
}

FareLauncher *ExperimentPanel::fareLauncher() const
{
    return qobject_cast<FareLauncher *>(launcher(RunFamily::Fare));
}

FairSslLauncher *ExperimentPanel::fairSslLauncher() const
{
    return qobject_cast<FairSslLauncher *>(launcher(RunFamily::FairSsl));
}

ClusteringLauncher *ExperimentPanel::clusteringLauncher() const
{
    return qobject_cast<ClusteringLauncher *>(launcher(RunFamily::Clustering));
}

void ExperimentPanel::setDataset(const Dataset *dataset)
{
    for (LauncherForm *form : m_forms)
        form->setDataset(dataset);
}

void ExperimentPanel::setStorePath(const QString &path)
{
    m_storePath = path;
    for (LauncherForm *form : m_forms)
        form->setStorePath(path);
}

void ExperimentPanel::rememberValues() const
{
    LauncherSettings settings;
    for (const LauncherForm *form : m_forms)
        settings.rememberConfig(FamilyRegistry::instance().family(form->family())->name(),
                                form->rememberedJson());
    settings.setLastFamily(m_family->currentData().toString());
}

QStringList ExperimentPanel::restoreRememberedValues()
{
    LauncherSettings settings;
    QStringList problems;
    for (LauncherForm *form : m_forms) {
        const MethodFamily *family = FamilyRegistry::instance().family(form->family());
        QString error;
        const QJsonObject remembered = settings.rememberedConfig(family->name(), &error);
        if (error.isEmpty() && !remembered.isEmpty())
            error = form->restoreRemembered(remembered);
        if (!error.isEmpty()) {
            // Not used, and not kept: the next save writes the form's current values.
            problems << tr("Remembered launcher values of %1 were not used: %2")
                            .arg(MethodRegistry::translate(family->title()), error);
            settings.forgetConfig(family->name());
        }
    }
    if (const int index = m_family->findData(settings.lastFamily()); index >= 0)
        m_family->setCurrentIndex(index);
    return problems;
}

bool ExperimentPanel::selectMethod(const QString &method)
{
    const MethodFamily *family = FamilyRegistry::instance().familyOfMethod(method);
    LauncherForm *form = family ? launcher(family->id()) : nullptr;
    if (!form)
        return false;
    m_family->setCurrentIndex(m_family->findData(family->name()));
    return form->setMethod(method);
}

QList<RunJob *> ExperimentPanel::enqueueConfigs(const QList<QJsonObject> &configs, QString *error)
{
    QList<RunJob *> jobs;
    for (const QJsonObject &json : configs) {
        auto family = FamilyRegistry::instance().familyOfConfig(json);
        LauncherForm *form = family ? launcher(family.value()->id()) : nullptr;
        if (!form) {
            if (error)
                *error = family ? QStringLiteral("the %1 family has no launcher form")
                                      .arg(family.value()->name())
                                : family.error().toString();
            break;
        }
        QString rejected;
        const QList<RunJob *> queued = form->enqueueJson({json}, &rejected);
        if (!rejected.isEmpty()) {
            if (error)
                *error = rejected;
            break;
        }
        jobs += queued;
    }
    return jobs;
}

} // namespace equiscope
