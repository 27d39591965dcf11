#include "report/runsubgroupscan.h"

#include "data/datasetreader.h"
#include "eval/testpredictions.h"
#include "store/artifactkinds.h"
#include "store/runstore.h"

namespace equiscope {

namespace {

DataError storeError(const QString &storePath, const QString &message)
{
    return DataError{storePath, -1, -1, {}, {}, {}, message};
}

} // namespace

QJsonObject RunSubgroupScan::toJson() const
{
    QJsonObject o = scan.toJson();
    o.insert(QStringLiteral("run"), runId);
    o.insert(QStringLiteral("runName"), runName);
    o.insert(QStringLiteral("method"), method);
    o.insert(QStringLiteral("target"), target);
    if (!positiveClass.isEmpty())
        o.insert(QStringLiteral("positiveClass"), positiveClass);
    return o;
}

QString RunSubgroupScan::toText() const
{
    QString head = QStringLiteral("run %1 (%2, %3): test predictions of '%4'")
                       .arg(runId.left(8), runName.isEmpty() ? QStringLiteral("unnamed") : runName,
                            method, target);
    if (!positiveClass.isEmpty() && scan.metric != SubgroupMetric::Error)
        head += QStringLiteral(", positive class '%1'").arg(positiveClass);
    return head + QLatin1Char('\n') + scan.toText();
}

Expected<RunSubgroupScan> scanRunSubgroups(const RunSubgroupScanRequest &request)
{
    RunStoreOptions storeOptions;
    storeOptions.create = false;
    auto store = RunStore::open(request.storePath, storeOptions);
    if (!store)
        return store.error();
    auto id = store.value()->resolveRun(request.run);
    if (!id)
        return id.error();
    auto run = store.value()->run(id.value());
    if (!run)
        return run.error();
    const RunRecord &record = run.value();
    const QString what = QStringLiteral("run %1 (%2)").arg(record.id.left(8), record.method);
    auto artifact = store.value()->artifact(record.id, ArtifactKind::testPredictions());
    if (!artifact)
        return storeError(request.storePath,
                          QStringLiteral("%1 has no stored test predictions: they are written "
                                         "when a FARE-family or fair SSL run finishes its "
                                         "evaluation (runs finished by older versions lack "
                                         "them; `export-embeddings %2 --split test` writes a "
                                         "predictions.csv that `audit --scan` reads)")
                              .arg(what, record.id.left(8)));
    if (record.datasetSpec.isEmpty())
        return storeError(request.storePath, QStringLiteral("%1 records no dataset").arg(what));
    const DatasetSpec spec = DatasetSpec::fromJson(record.datasetSpec);
    auto dataset = request.open ? request.open(spec) : openDataset(spec);
    if (!dataset)
        return dataset.error();
    if (!record.datasetFingerprint.isEmpty() && dataset->fingerprint() != record.datasetFingerprint)
        return storeError(spec.path,
                          QStringLiteral("the dataset here differs from the one %1 was trained "
                                         "on (fingerprint %2, recorded %3)")
                              .arg(what, dataset->fingerprint(), record.datasetFingerprint));
    auto predictions = TestPredictions::fromBytes(
        artifact->bytes, QStringLiteral("%1: test predictions of %2").arg(request.storePath, what),
        dataset->size);
    if (!predictions)
        return predictions.error();
    if (predictions->isEmpty())
        return storeError(
            request.storePath,
            QStringLiteral("%1 stored no test predictions (empty test split)").arg(what));
    const bool binary = predictions->classNames.size() == 2;
    if (request.options.metric != SubgroupMetric::Error && !binary)
        return storeError(
            request.storePath,
            QStringLiteral("the %1 scan needs a binary target; '%2' of %3 has %4 "
                           "classes (scan the error rate instead)")
                .arg(subgroupMetricName(request.options.metric), predictions->target, what)
                .arg(predictions->classNames.size()));

    const AttributeTable rows = dataset->attributes.subset(predictions->samples);
    for (const QString &name : request.attributes)
        if (!rows.contains(name))
            return storeError(spec.path,
                              QStringLiteral("no attribute '%1' in the dataset of %2 "
                                             "(it has: %3)")
                                  .arg(name, what, rows.names().join(QStringLiteral(", "))));
    AttributeTable searched(rows.rowCount());
    for (const Attribute &a : rows.columns()) {
        if (request.attributes.isEmpty() ? a.name() == predictions->target
                                         : !request.attributes.contains(a.name()))
            continue;
        searched.add(a);
    }
    if (searched.columnCount() == 0)
        return storeError(spec.path,
                          QStringLiteral("the dataset of %1 has no attribute besides the target "
                                         "'%2' to search")
                              .arg(what, predictions->target));
    SubgroupScanOptions options = request.options;
    if (options.source.isEmpty())
        options.source = spec.path.isEmpty() ? dataset->name : spec.path;
    auto scan = scanSubgroups(
        searched, subgroupOutcomes(options.metric, predictions->labels, predictions->predictions),
        options);
    if (!scan)
        return scan.error();
    RunSubgroupScan result;
    result.runId = record.id;
    result.runName = record.name;
    result.method = record.method;
    result.target = predictions->target;
    if (binary)
        result.positiveClass = predictions->classNames.value(1);
    result.scan = scan.value();
    return result;
}

} // namespace equiscope
