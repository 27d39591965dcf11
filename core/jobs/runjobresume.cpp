// RunJob::resume: the one place that knows every run family's job type.
#include "runjob.h"

#include "clusteringjob.h"
#include "fairssljob.h"
#include "store/runstore.h"
#include "trainingjob.h"

namespace equiscope {

RunJob *RunJob::resume(const QString &runId, const QString &storePath, QString *error,
                       QObject *parent)
{
    auto fail = [error](const QString &message) -> RunJob * {
        if (error)
            *error = message;
        return nullptr;
    };
    RunFamily family = RunFamily::Fare;
    {
        auto store = RunStore::open(storePath);
        if (!store)
            return fail(store.error().toString());
        auto run = store.value()->run(runId);
        if (!run)
            return fail(run.error().toString());
        family = run->family;
    }
    switch (family) {
    case RunFamily::Fare:
        return TrainingJob::resume(runId, storePath, parent);
    case RunFamily::FairSsl:
        return FairSslJob::resume(runId, storePath, parent);
    case RunFamily::Clustering:
        return ClusteringJob::resume(runId, storePath, parent);
    }
    return fail(QStringLiteral("run %1 belongs to the %2 family, which this build cannot resume")
                    .arg(runId, runFamilyName(family)));
}

} // namespace equiscope
