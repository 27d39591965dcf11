#include "launch/launcherforms.h"

#include "launch/clusteringlauncher.h"
#include "launch/fairssllauncher.h"
#include "launch/farelauncher.h"

#include "families/familyregistry.h"

#include <QMap>

#include <functional>

namespace equiscope {

QList<LauncherForm *> createLauncherForms(JobQueue *queue)
{
    const QMap<RunFamily, std::function<LauncherForm *()>> forms{
        {RunFamily::Fare, [queue] { return new FareLauncher(queue); }},
        {RunFamily::FairSsl, [queue] { return new FairSslLauncher(queue); }},
        {RunFamily::Clustering, [queue] { return new ClusteringLauncher(queue); }},
    };
    QList<LauncherForm *> created;
    for (const MethodFamily *family : FamilyRegistry::instance().families())
        if (auto make = forms.value(family->id()))
            created.append(make());
    return created;
}

} // namespace equiscope
