#pragma once

#include "eval/associationscan.h"
#include "eval/subgroupscan.h"
#include "fare/runleakage.h"
#include "report/reportdata.h"
#include "report/reportdocument.h"
#include "report/runsubgroupscan.h"

#include <optional>

namespace equiscope {

/// What a report's "Bias discovery" section shows (docs/design/bias-discovery.md): the
/// association scan of the runs' dataset, the representation leakage of each FARE-family run,
/// the worst subgroups of each run's test predictions and — for prediction audits — of the
/// audited predictions. A part that could not be computed is named in problems, never silently
/// left out.
struct BiasDiscovery
{
    std::optional<AssociationScan> associations;
    QString associationsSource; ///< the dataset scanned
    QVector<RunLeakage> leakage;
    QVector<RunSubgroupScan> runSubgroups;
    std::optional<SubgroupScan> subgroups;
    QStringList problems;

    bool isEmpty() const
    {
        return !associations && leakage.isEmpty() && runSubgroups.isEmpty() && !subgroups &&
               problems.isEmpty();
    }
};

/// Computes the association scan of the first run's dataset (target: the run's), the leakage of
/// every FARE-family run among @p runs and the worst-subgroup scan (error rate) of every run that
/// stored its test predictions, reading them from @p storePath. Blocking (seconds).
BiasDiscovery discoverBias(const QString &storePath, const QVector<ReportRun> &runs);

/// The report section; empty (no blocks) when @p bias is empty.
ReportSection biasDiscoverySection(const BiasDiscovery &bias);

} // namespace equiscope
