#include "runs/runsummary.h"

#include "eval/metricunit.h"
#include "store/artifactkinds.h"

#include "store/runstore.h"

#include <QJsonArray>
#include <QSet>

namespace equiscope {

std::optional<double> RunSummary::finalValue(const QString &name) const
{
    if (const MetricRow *row = finalRow(name))
        return row->value;
    return std::nullopt;
}

const MetricRow *RunSummary::finalRow(const QString &name) const
{
    for (const MetricRow &row : finalMetrics)
        if (row.group.isEmpty() && row.name == name)
            return &row;
    return nullptr;
}

Expected<QVector<RunSummary>> loadRunSummaries(const QString &storePath, const QStringList &ids)
{
    RunStoreOptions options;
    options.create = false;
    options.recoverOnOpen = false; // a viewer never changes the store
    auto store = RunStore::open(storePath, options);
    if (!store)
        return store.error();
    QVector<RunRecord> records;
    if (ids.isEmpty()) {
        auto all = store.value()->runs();
        if (!all)
            return all.error();
        records = all.value();
    } else {
        for (const QString &id : ids) {
            auto one = store.value()->run(id);
            if (!one)
                return one.error();
            records.push_back(one.value());
        }
    }
    QVector<RunSummary> out;
    out.reserve(records.size());
    for (const RunRecord &record : records) {
        RunSummary s;
        s.record = record;
        if (auto m = store.value()->metrics(record.id, QStringLiteral("final")))
            s.finalMetrics = m.value();
        if (auto e = store.value()->epochs(record.id))
            s.epochs = e.value();
        if (auto a = store.value()->artifacts(record.id)) {
            QSet<int> attention, saliency;
            for (const ArtifactRecord &art : a.value()) {
                if (art.kind == ArtifactKind::attention() && art.epoch)
                    attention.insert(*art.epoch);
                else if (art.kind == ArtifactKind::gradcam() && art.epoch)
                    saliency.insert(*art.epoch);
                else if (art.kind == ArtifactKind::embeddings())
                    s.hasEmbeddings = true;
                else if (art.kind == ArtifactKind::testPredictions())
                    s.hasTestPredictions = true;
                else if (art.kind == ArtifactKind::probeImages())
                    s.hasProbeImages = true;
            }
            s.attentionEpochs = QVector<int>(attention.begin(), attention.end());
            s.saliencyEpochs = QVector<int>(saliency.begin(), saliency.end());
            std::sort(s.attentionEpochs.begin(), s.attentionEpochs.end());
            std::sort(s.saliencyEpochs.begin(), s.saliencyEpochs.end());
        }
        out.push_back(std::move(s));
    }
    return out;
}

bool RunSummary::hasBinaryTarget() const
{
    for (const MetricRow &row : finalMetrics)
        if (!row.group.isEmpty() && row.name == QLatin1String("selection_rate"))
            return true;
    return false;
}

Expected<QByteArray> readRunArtifact(const QString &storePath, const QString &runId,
                                     const QString &kind, std::optional<int> epoch)
{
    RunStoreOptions options;
    options.create = false;
    options.recoverOnOpen = false;
    auto store = RunStore::open(storePath, options);
    if (!store)
        return store.error();
    auto artifact = store.value()->artifact(runId, kind, epoch);
    if (!artifact)
        return artifact.error();
    return artifact->bytes;
}

static void flattenInto(const QJsonValue &value, const QString &prefix, QMap<QString, QString> &out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.isEmpty())
            out.insert(prefix, QStringLiteral("{}"));
        for (auto it = o.begin(); it != o.end(); ++it)
            flattenInto(it.value(), prefix.isEmpty() ? it.key() : prefix + u'.' + it.key(), out);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (a.isEmpty())
            out.insert(prefix, QStringLiteral("[]"));
        for (int i = 0; i < a.size(); ++i)
            flattenInto(a.at(i), prefix + QStringLiteral("[%1]").arg(i), out);
    } else if (value.isBool()) {
        out.insert(prefix, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    } else if (value.isDouble()) {
        out.insert(prefix, QString::number(value.toDouble(), 'g', 10));
    } else if (value.isNull()) {
        out.insert(prefix, QStringLiteral("null"));
    } else {
        out.insert(prefix, value.toString());
    }
}

QMap<QString, QString> flattenJson(const QJsonObject &object)
{
    QMap<QString, QString> out;
    flattenInto(object, {}, out);
    return out;
}

QStringList finalMetricNames(const QVector<RunSummary> &runs)
{
    QSet<QString> names;
    for (const RunSummary &r : runs)
        for (const MetricRow &row : r.finalMetrics)
            if (row.group.isEmpty() && row.name != QLatin1String("too_small_to_judge"))
                names.insert(row.name);
    QStringList list(names.begin(), names.end());
    list.sort();
    return list;
}

QString formatMetric(const MetricRow &row)
{
    QString text = formatMetricValue(row.name, row.value);
    if (row.ciLow && row.ciHigh)
        text += QLatin1Char(' ') + formatMetricInterval(row.name, *row.ciLow, *row.ciHigh);
    return text;
}

} // namespace equiscope
