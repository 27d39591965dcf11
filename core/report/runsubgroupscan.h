#pragma once

#include "data/datasetreader.h"
#include "eval/subgroupscan.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QStringList>

namespace equiscope {

/// The worst-subgroup scan of a finished run's own test predictions (the "test-predictions"
/// artifact that FARE-family and fair SSL runs store) over every attribute of its dataset but the
/// target (docs/design/bias-discovery.md, "Worst-subgroup scan of a run").
struct RunSubgroupScanRequest
{
    QString storePath;
    QString run;            ///< id, id prefix or name
    QStringList attributes; ///< the attributes searched; empty = all but the target
    SubgroupScanOptions options;
    DatasetOpener open; ///< opens the run's dataset; empty: openDataset()
};

struct RunSubgroupScan
{
    QString runId;
    QString runName;
    QString method;
    QString target;
    QString positiveClass; ///< binary targets: the class the FNR/FPR/selection rates refer to
    SubgroupScan scan;

    QJsonObject toJson() const;
    QString toText() const;
};

/// Reads the run's test predictions and its dataset (which must be the one it was trained on)
/// and scans. Errors name the store or the dataset: a run without stored predictions (unfinished,
/// a clustering run, or finished before they were stored), an unknown attribute, a false-negative
/// / false-positive / selection scan of a target with more than two classes. Blocking.
Expected<RunSubgroupScan> scanRunSubgroups(const RunSubgroupScanRequest &request);

} // namespace equiscope
