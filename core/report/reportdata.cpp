#include "report/reportdata.h"

#include "store/artifactkinds.h"

#include "data/datasetreader.h"
#include "data/datasetsummary.h"
#include "store/runstore.h"

#include <QJsonDocument>

#include <cmath>

namespace equiscope {

QString ReportRun::displayName() const
{
    return record.name.isEmpty() ? record.id.left(8) : record.name;
}

const MetricRow *ReportRun::finalRow(const QString &name) const
{
    for (const MetricRow &m : finalMetrics)
        if (m.group.isEmpty() && m.name == name)
            return &m;
    return nullptr;
}

std::optional<double> ReportRun::finalValue(const QString &name) const
{
    const MetricRow *m = finalRow(name);
    if (!m || !std::isfinite(m->value))
        return std::nullopt;
    return m->value;
}

QVector<MetricRow> ReportRun::groupRows(const QString &group) const
{
    QVector<MetricRow> out;
    for (const MetricRow &m : finalMetrics)
        if (m.group == group)
            out.push_back(m);
    return out;
}

QStringList ReportRun::groupLabels() const
{
    QStringList out;
    for (const MetricRow &m : finalMetrics)
        if (!m.group.isEmpty() && !out.contains(m.group))
            out << m.group;
    return out;
}

namespace {

template <typename T> T need(Expected<T> e)
{
    if (!e)
        throw DataException(e.error());
    return std::move(e.value());
}

ReportRun readRun(const RunStore &store, const QString &id, bool full)
{
    ReportRun r;
    r.record = need(store.run(id));
    r.finalMetrics = need(store.metrics(id));
    if (!full)
        return r;
    r.epochs = need(store.epochs(id));
    r.artifacts = need(store.artifacts(id));
    bool hasEvaluation = false, hasAttention = false;
    for (const ArtifactRecord &a : r.artifacts) {
        hasEvaluation = hasEvaluation || a.kind == ArtifactKind::evaluation();
        hasAttention = hasAttention || a.kind == ArtifactKind::attention();
    }
    if (hasEvaluation) {
        auto a = store.artifact(id, ArtifactKind::evaluation());
        if (a) {
            r.evaluation = QJsonDocument::fromJson(a->bytes).object();
            const QJsonObject gm = r.evaluation.value(QStringLiteral("groupMetrics")).toObject();
            auto fr = FairnessReport::fromJson(gm);
            if (fr)
                r.fairness = fr.value();
        }
    }
    if (hasAttention) {
        auto a = store.artifact(id, ArtifactKind::attention());
        if (a)
            r.attention = AttentionSnapshot::fromJson(QJsonDocument::fromJson(a->bytes).object());
    }
    // Fair-SSL stage reports and meta-weight histograms (small JSON; the stage outputs and
    // thumbnails are not read).
    for (const ArtifactRecord &a : r.artifacts) {
        const bool stage = a.kind == ArtifactKind::fairSslStage();
        if (!stage && a.kind != ArtifactKind::metaWeights())
            continue;
        auto bytes = store.artifactData(a);
        if (!bytes)
            continue;
        const QJsonObject json = QJsonDocument::fromJson(bytes.value()).object();
        (stage ? r.pipelineStages : r.metaWeights).push_back(json);
    }
    return r;
}

} // namespace

Expected<QVector<ReportRun>> loadReportRuns(const QString &storePath, const QStringList &keys,
                                            const ReportOptions &options,
                                            QVector<ReportRun> *context)
{
    RunStoreOptions o;
    o.create = false;
    o.recoverOnOpen = false; // a report never changes the store
    auto opened = RunStore::open(storePath, o);
    if (!opened)
        return opened.error();
    const RunStore &store = *opened.value();
    QVector<ReportRun> runs;
    try {
        QStringList ids;
        for (const QString &key : keys) {
            const QString id = need(store.resolveRun(key));
            if (!ids.contains(id))
                ids << id;
        }
        if (ids.isEmpty())
            return DataError{
                storePath, -1, -1, {}, {}, {}, QStringLiteral("a report needs at least one run")};
        for (const QString &id : ids)
            runs.push_back(readRun(store, id, true));
        if (context && options.paretoContext) {
            RunFilter finished;
            finished.status = RunStatus::Finished;
            for (const RunRecord &r : need(store.runs(finished))) {
                if (ids.contains(r.id) || context->size() >= options.maxContextRuns)
                    continue;
                const RunRecord &first = runs.first().record;
                if (r.datasetFingerprint != first.datasetFingerprint ||
                    r.config.value(QStringLiteral("target")) !=
                        first.config.value(QStringLiteral("target")))
                    continue;
                context->push_back(readRun(store, r.id, false));
            }
        }
    } catch (const DataException &e) {
        return e.error();
    }
    if (options.openDatasets) {
        // Runs on the same data share one opened dataset.
        QHash<QString, QPair<QJsonObject, QString>> summaries;
        for (ReportRun &r : runs) {
            if (r.record.datasetSpec.isEmpty()) {
                r.datasetNote = QStringLiteral("the run records no dataset");
                continue;
            }
            const QString key = QString::fromUtf8(QJsonDocument(r.record.datasetSpec).toJson());
            if (!summaries.contains(key)) {
                auto ds = openDataset(DatasetSpec::fromJson(r.record.datasetSpec));
                if (!ds)
                    summaries.insert(
                        key,
                        {QJsonObject(), QStringLiteral("the dataset could not be opened here: %1")
                                            .arg(ds.error().toString())});
                else if (!r.record.datasetFingerprint.isEmpty() &&
                         ds->fingerprint() != r.record.datasetFingerprint)
                    summaries.insert(key,
                                     {datasetSummaryJson(ds.value()),
                                      QStringLiteral("the dataset found here differs from the "
                                                     "one the run used (fingerprint %1, run "
                                                     "recorded %2)")
                                          .arg(ds->fingerprint(), r.record.datasetFingerprint)});
                else
                    summaries.insert(key, {datasetSummaryJson(ds.value()), QString()});
            }
            r.datasetSummary = summaries.value(key).first;
            r.datasetNote = summaries.value(key).second;
        }
    }
    return runs;
}

} // namespace equiscope
