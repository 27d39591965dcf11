// The report sections that describe the runs themselves: overview, dataset, configuration,
// environment and model cards (the metric and training sections have files of their own).
#include "report/reportbuilder.h"

#include "report/htmlreportwriter.h"
#include "report/metricglossary.h"
#include "report/modelcard.h"
#include "report/pdfreportwriter.h"
#include "report/reportsections_p.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <set>

namespace equiscope {

namespace reportsections {

namespace {

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                       : QStringLiteral("—");
}

QString duration(const ReportRun &r)
{
    double seconds = 0;
    for (const EpochRecord &e : r.epochs)
        seconds += e.wallSeconds;
    if (seconds <= 0 && r.record.startedAt.isValid() && r.record.finishedAt.isValid())
        seconds = double(r.record.startedAt.msecsTo(r.record.finishedAt)) / 1000.0;
    if (seconds <= 0)
        return QStringLiteral("—");
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
    return QStringLiteral("%1 min").arg(seconds / 60.0, 0, 'f', 1);
}

QString datasetText(const RunRecord &r)
{
    const QString path = r.datasetSpec.value(QStringLiteral("path")).toString();
    const QString format = r.datasetSpec.value(QStringLiteral("format")).toString();
    if (path.isEmpty() && format.isEmpty())
        return QStringLiteral("—");
    return QStringLiteral("%1 (%2)").arg(path.isEmpty() ? QStringLiteral("default") : path, format);
}

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 10);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &x : v.toArray())
            items << (x.isObject() || x.isArray()
                          ? QString::fromUtf8(
                                QJsonDocument(QJsonArray{x}).toJson(QJsonDocument::Compact))
                                .mid(1)
                                .chopped(1)
                          : scalarText(x));
        return QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
    }
    default:
        return {};
    }
}

void flatten(const QJsonObject &o, const QString &prefix, QMap<QString, QString> &out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject())
            flatten(it.value().toObject(), key, out);
        else
            out.insert(key, scalarText(it.value()));
    }
}

} // namespace

QStringList runLabels(const QVector<ReportRun> &runs)
{
    QStringList labels;
    for (const ReportRun &r : runs) {
        QString l = r.displayName();
        if (labels.contains(l))
            l += QStringLiteral(" (%1)").arg(r.record.id.left(6));
        labels << l;
    }
    return labels;
}

ReportCell metricCell(const MetricRow *row)
{
    if (!row)
        return ReportCell(QStringLiteral("—"), {}, ReportCell::Tone::Muted, true);
    QString note;
    if (row->ciLow && row->ciHigh)
        note = formatMetricCi(row->name, *row->ciLow, *row->ciHigh);
    return ReportCell(formatMetricText(row->name, row->value), note, ReportCell::Tone::Normal,
                      true);
}

QStringList overallMetricNames(const QVector<ReportRun> &runs)
{
    static const QStringList order{QStringLiteral("accuracy"),
                                   QStringLiteral("bias_mse"),
                                   QStringLiteral("bias_r2"),
                                   QStringLiteral("bias_probe_accuracy"),
                                   QStringLiteral("bias_probe_majority_rate"),
                                   QStringLiteral("worst_group_accuracy"),
                                   QStringLiteral("worst_judged_group_accuracy"),
                                   QStringLiteral("accuracy_std"),
                                   QStringLiteral("accuracy_max_min_ratio"),
                                   QStringLiteral("skewed_error_ratio"),
                                   QStringLiteral("demographic_parity_difference"),
                                   QStringLiteral("demographic_parity_ratio"),
                                   QStringLiteral("equalized_odds_difference"),
                                   QStringLiteral("equalized_odds_ratio"),
                                   QStringLiteral("equal_opportunity_difference"),
                                   QStringLiteral("equalized_odds_mean_gap")};
    QStringList present;
    for (const ReportRun &r : runs)
        for (const MetricRow &m : r.finalMetrics)
            if (m.group.isEmpty() && !present.contains(m.name))
                present << m.name;
    QStringList out;
    for (const QString &n : order)
        if (present.contains(n))
            out << n;
    for (const QString &n : present)
        if (!out.contains(n))
            out << n;
    return out;
}

ReportSection overview(const QVector<ReportRun> &runs)
{
    ReportSection s{QStringLiteral("overview"), QStringLiteral("Overview"), {}};
    if (runs.size() == 1) {
        const RunRecord &r = runs.first().record;
        s.blocks << ReportBlock::keyValues({
            {QStringLiteral("Run"),
             QStringLiteral("%1 (%2)").arg(runs.first().displayName(), r.id)},
            {QStringLiteral("Method"),
             QStringLiteral("%1 — %2 family").arg(r.method, runFamilyName(r.family))},
            {QStringLiteral("Status"),
             runStatusName(r.status) +
                 (r.statusMessage.isEmpty() ? QString() : QStringLiteral(": ") + r.statusMessage)},
            {QStringLiteral("Dataset"), datasetText(r)},
            {QStringLiteral("Target / sensitive"),
             QStringLiteral("%1 / %2").arg(
                 r.config.value(QStringLiteral("target")).toString(),
                 scalarText(r.config.value(QStringLiteral("sensitive"))))},
            {QStringLiteral("Epochs recorded"), QString::number(runs.first().epochs.size())},
            {QStringLiteral("Created / finished"),
             QStringLiteral("%1 / %2").arg(when(r.createdAt), when(r.finishedAt))},
            {QStringLiteral("Training time"), duration(runs.first())},
        });
        if (!r.notes.isEmpty())
            s.blocks << ReportBlock::note(QStringLiteral("Notes: ") + r.notes);
    } else {
        ReportTable t;
        t.header = {QStringLiteral("Run"),     QStringLiteral("Id"),     QStringLiteral("Method"),
                    QStringLiteral("Status"),  QStringLiteral("Epochs"), QStringLiteral("Seed"),
                    QStringLiteral("Created"), QStringLiteral("Time")};
        const QStringList labels = runLabels(runs);
        for (int i = 0; i < runs.size(); ++i) {
            const RunRecord &r = runs[i].record;
            t.rows.push_back(
                {ReportCell(labels[i], {}, ReportCell::Tone::Heading, false),
                 ReportCell(r.id.left(8)), ReportCell(r.method),
                 ReportCell(runStatusName(r.status)),
                 ReportCell(QString::number(runs[i].epochs.size()), {}, ReportCell::Tone::Normal,
                            true),
                 ReportCell(QString::number(r.seed), {}, ReportCell::Tone::Normal, true),
                 ReportCell(when(r.createdAt)), ReportCell(duration(runs[i]))});
        }
        s.blocks << ReportBlock::tableBlock(t);
    }
    s.blocks << ReportBlock::paragraph(
        QStringLiteral("How to read this report: every number comes from the run store. Metric "
                       "values carry a 95% bootstrap confidence interval (stratified by group) "
                       "where one exists; groups below the minimum size are marked \"too small "
                       "to judge\" instead of getting a number. Definitions follow the metrics "
                       "table."));
    for (const ReportRun &r : runs)
        if (r.record.status != RunStatus::Finished)
            s.blocks << ReportBlock::note(
                QStringLiteral("%1 has status '%2': its final metrics may be missing.")
                    .arg(r.displayName(), runStatusName(r.record.status)));
    return s;
}

ReportSection dataset(const QVector<ReportRun> &runs)
{
    ReportSection s{QStringLiteral("dataset"), QStringLiteral("Dataset and group sizes"), {}};
    std::set<QString> seenFingerprints;
    for (const ReportRun &run : runs) {
        const RunRecord &r = run.record;
        if (!seenFingerprints.insert(r.datasetFingerprint + datasetText(r)).second)
            continue;
        if (runs.size() > 1)
            s.blocks << ReportBlock::paragraph(
                QStringLiteral("Data of %1:").arg(run.displayName()));
        QVector<QPair<QString, QString>> facts{{QStringLiteral("Source"), datasetText(r)}};
        const QJsonObject options = r.datasetSpec.value(QStringLiteral("options")).toObject();
        if (!options.isEmpty()) {
            QMap<QString, QString> flat;
            flatten(options, {}, flat);
            QStringList parts;
            for (auto it = flat.begin(); it != flat.end(); ++it)
                parts << it.key() + QLatin1Char('=') + it.value();
            facts.append({QStringLiteral("Options"), parts.join(QStringLiteral(", "))});
        }
        facts.append({QStringLiteral("Fingerprint"),
                      r.datasetFingerprint.isEmpty() ? QStringLiteral("—") : r.datasetFingerprint});
        const QJsonObject &sum = run.datasetSummary;
        if (!sum.isEmpty()) {
            facts.append({QStringLiteral("Name"), sum.value(QStringLiteral("name")).toString()});
            QStringList splits;
            const QJsonObject sp = sum.value(QStringLiteral("splits")).toObject();
            for (auto it = sp.begin(); it != sp.end(); ++it)
                splits << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInteger());
            facts.append({QStringLiteral("Samples"),
                          QStringLiteral("%1 (%2)")
                              .arg(sum.value(QStringLiteral("samples")).toInteger())
                              .arg(splits.join(QStringLiteral(", ")))});
            if (sum.value(QStringLiteral("skipped")).toInteger() > 0)
                facts.append({QStringLiteral("Skipped rows"),
                              QString::number(sum.value(QStringLiteral("skipped")).toInteger())});
        }
        if (!run.evaluation.isEmpty())
            facts.append(
                {QStringLiteral("Evaluated"),
                 QStringLiteral("%1 test samples; probes fitted on %2 train samples")
                     .arg(run.evaluation.value(QStringLiteral("testSamples")).toInteger())
                     .arg(run.evaluation.value(QStringLiteral("probeTrainSamples")).toInteger())});
        s.blocks << ReportBlock::keyValues(facts);
        if (!run.datasetNote.isEmpty())
            s.blocks << ReportBlock::note(run.datasetNote);

        // Attributes: the target and sensitive ones in detail, the rest by name.
        const QString target = r.config.value(QStringLiteral("target")).toString();
        QStringList sensitive;
        for (const QJsonValue &v : r.config.value(QStringLiteral("sensitive")).toArray())
            sensitive << v.toString();
        if (!sum.isEmpty()) {
            ReportTable t;
            t.header = {QStringLiteral("Attribute"), QStringLiteral("Role"), QStringLiteral("Type"),
                        QStringLiteral("Levels or range")};
            QStringList others;
            for (const QJsonValue &v : sum.value(QStringLiteral("attributes")).toArray()) {
                const QJsonObject a = v.toObject();
                const QString name = a.value(QStringLiteral("name")).toString();
                const QString role = name == target             ? QStringLiteral("target")
                                     : sensitive.contains(name) ? QStringLiteral("sensitive")
                                                                : QString();
                if (role.isEmpty()) {
                    others << name;
                    continue;
                }
                QString levels;
                if (a.contains(QStringLiteral("levels"))) {
                    QStringList parts;
                    const QJsonObject lv = a.value(QStringLiteral("levels")).toObject();
                    for (auto it = lv.begin(); it != lv.end(); ++it)
                        parts << QStringLiteral("%1: %2").arg(it.key()).arg(it.value().toInteger());
                    levels = parts.mid(0, 12).join(QStringLiteral(", "));
                    if (parts.size() > 12)
                        levels += QStringLiteral(", … (%1 levels)").arg(parts.size());
                } else if (a.value(QStringLiteral("stats")).isArray()) {
                    QStringList parts;
                    for (const QJsonValue &c : a.value(QStringLiteral("stats")).toArray())
                        parts << QStringLiteral("%1 %2–%3")
                                     .arg(
                                         c.toObject().value(QStringLiteral("component")).toString(),
                                         formatValue(
                                             c.toObject().value(QStringLiteral("min")).toDouble()),
                                         formatValue(
                                             c.toObject().value(QStringLiteral("max")).toDouble()));
                    levels = parts.join(QStringLiteral(", "));
                } else {
                    const QJsonObject st = a.value(QStringLiteral("stats")).toObject();
                    levels = QStringLiteral("%1–%2, mean %3")
                                 .arg(formatValue(st.value(QStringLiteral("min")).toDouble()),
                                      formatValue(st.value(QStringLiteral("max")).toDouble()),
                                      formatValue(st.value(QStringLiteral("mean")).toDouble()));
                }
                t.rows.push_back(
                    {ReportCell(name, {}, ReportCell::Tone::Heading, false), ReportCell(role),
                     ReportCell(a.value(QStringLiteral("type")).toString()), ReportCell(levels)});
            }
            if (!t.rows.isEmpty())
                s.blocks << ReportBlock::tableBlock(
                    t, QStringLiteral("Counts over the whole dataset."));
            if (!others.isEmpty())
                s.blocks << ReportBlock::paragraph(
                    QStringLiteral("Other attributes: %1.").arg(others.join(QStringLiteral(", "))));
        } else {
            s.blocks << ReportBlock::keyValues(
                {{QStringLiteral("Target"), target},
                 {QStringLiteral("Sensitive"), sensitive.join(QStringLiteral(", "))}});
        }

        // Group sizes on the evaluated split.
        ReportTable g;
        g.header = {QStringLiteral("Group"), QStringLiteral("Test samples")};
        const bool binary = run.fairness && run.fairness->numClasses == 2;
        if (binary)
            g.header << QStringLiteral("Positives") << QStringLiteral("Negatives");
        g.header << QStringLiteral("Status");
        if (run.fairness) {
            for (const GroupReport &gr : run.fairness->groups) {
                QVector<ReportCell> row{
                    ReportCell(gr.label, {}, ReportCell::Tone::Heading, false),
                    ReportCell(QString::number(gr.size), {}, ReportCell::Tone::Normal, true)};
                if (binary)
                    row << ReportCell(QString::number(gr.positives), {}, ReportCell::Tone::Normal,
                                      true)
                        << ReportCell(QString::number(gr.negatives), {}, ReportCell::Tone::Normal,
                                      true);
                row << (gr.tooSmall ? ReportCell(QStringLiteral("too small to judge"), {},
                                                 ReportCell::Tone::Bad, false)
                                    : ReportCell(QStringLiteral("judged")));
                g.rows.push_back(row);
            }
        } else {
            for (const QString &label : run.groupLabels()) {
                const QVector<MetricRow> rows = run.groupRows(label);
                bool small = false;
                qint64 size = -1;
                for (const MetricRow &m : rows) {
                    small = small || m.name == QLatin1String("too_small_to_judge");
                    if (m.groupSize)
                        size = *m.groupSize;
                }
                g.rows.push_back(
                    {ReportCell(label, {}, ReportCell::Tone::Heading, false),
                     ReportCell(size >= 0 ? QString::number(size) : QStringLiteral("—"), {},
                                ReportCell::Tone::Normal, true),
                     small ? ReportCell(QStringLiteral("too small to judge"), {},
                                        ReportCell::Tone::Bad, false)
                           : ReportCell(QStringLiteral("judged"))});
            }
        }
        if (!g.rows.isEmpty())
            s.blocks << ReportBlock::tableBlock(
                g, run.fairness ? QStringLiteral("Groups of the evaluated (test) samples; minimum "
                                                 "group size %1.")
                                      .arg(run.fairness->minGroupSize)
                                : QStringLiteral("Groups of the evaluated samples."));
        else
            s.blocks << ReportBlock::note(QStringLiteral("The run has no per-group metrics."));
    }
    return s;
}

ReportSection configuration(const QVector<ReportRun> &runs)
{
    ReportSection s{QStringLiteral("config"), QStringLiteral("Run configuration"), {}};
    QVector<QMap<QString, QString>> flat;
    std::set<QString> keys;
    for (const ReportRun &r : runs) {
        QMap<QString, QString> f;
        flatten(r.record.config, {}, f);
        for (auto it = f.begin(); it != f.end(); ++it)
            keys.insert(it.key());
        flat.push_back(f);
    }
    if (keys.empty()) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No configuration recorded."));
        return s;
    }
    if (runs.size() == 1) {
        // Two settings per row: the spec has some 50 entries.
        ReportTable t;
        t.header = {QStringLiteral("Setting"), QStringLiteral("Value"), QStringLiteral("Setting"),
                    QStringLiteral("Value")};
        const QStringList list(keys.begin(), keys.end());
        const int half = int((list.size() + 1) / 2);
        for (int i = 0; i < half; ++i) {
            QVector<ReportCell> row{ReportCell(list[i], {}, ReportCell::Tone::Heading, false),
                                    ReportCell(flat[0].value(list[i]))};
            if (i + half < list.size())
                row << ReportCell(list[i + half], {}, ReportCell::Tone::Heading, false)
                    << ReportCell(flat[0].value(list[i + half]));
            else
                row << ReportCell() << ReportCell();
            t.rows.push_back(row);
        }
        s.blocks << ReportBlock::paragraph(
            QStringLiteral("The run config is the reproducible spec: every default is written "
                           "out, and `equiscope-cli train --config` reads it back."));
        s.blocks << ReportBlock::tableBlock(t);
        return s;
    }
    ReportTable diff, same;
    diff.header = QStringList{QStringLiteral("Setting")} + runLabels(runs);
    same.header = {QStringLiteral("Setting"), QStringLiteral("Value (all runs)")};
    for (const QString &k : keys) {
        bool differs = false;
        for (const auto &f : flat)
            differs =
                differs || f.value(k, QStringLiteral("—")) != flat[0].value(k, QStringLiteral("—"));
        if (differs) {
            QVector<ReportCell> row{ReportCell(k, {}, ReportCell::Tone::Heading, false)};
            for (const auto &f : flat)
                row << ReportCell(f.value(k, QStringLiteral("—")));
            diff.rows.push_back(row);
        } else {
            same.rows.push_back({ReportCell(k, {}, ReportCell::Tone::Heading, false),
                                 ReportCell(flat[0].value(k))});
        }
    }
    if (!diff.rows.isEmpty())
        s.blocks << ReportBlock::tableBlock(
            diff, QStringLiteral("Settings that differ between the runs."));
    else
        s.blocks << ReportBlock::paragraph(QStringLiteral("All runs share the same settings."));
    if (!same.rows.isEmpty())
        s.blocks << ReportBlock::tableBlock(same, QStringLiteral("Settings shared by all runs."));
    return s;
}

ReportSection environment(const QVector<ReportRun> &runs, const ReportOptions &options)
{
    ReportSection s{QStringLiteral("environment"), QStringLiteral("Environment"), {}};
    ReportTable t;
    t.header = QStringList{QStringLiteral("")} + runLabels(runs);
    const QList<QPair<QString, QString>> keys{
        {QStringLiteral("equiscope"), QStringLiteral("Equiscope")},
        {QStringLiteral("qt"), QStringLiteral("Qt")},
        {QStringLiteral("libtorch"), QStringLiteral("LibTorch")},
        {QStringLiteral("opencv"), QStringLiteral("OpenCV")},
        {QStringLiteral("blas"), QStringLiteral("BLAS")},
        {QStringLiteral("threads"), QStringLiteral("Threads")},
        {QStringLiteral("cuda"), QStringLiteral("CUDA available")}};
    for (const auto &k : keys) {
        QVector<ReportCell> row{ReportCell(k.second, {}, ReportCell::Tone::Heading, false)};
        for (const ReportRun &r : runs)
            row << ReportCell(scalarText(r.record.versions.value(k.first)));
        t.rows.push_back(row);
    }
    auto addRow = [&](const QString &label, const std::function<QString(const ReportRun &)> &f) {
        QVector<ReportCell> row{ReportCell(label, {}, ReportCell::Tone::Heading, false)};
        for (const ReportRun &r : runs)
            row << ReportCell(f(r));
        t.rows.push_back(row);
    };
    addRow(QStringLiteral("Device"), [](const ReportRun &r) {
        const QString d = r.record.config.value(QStringLiteral("device")).toString();
        return d.isEmpty() ? QStringLiteral("—") : d;
    });
    // Absent from a stored config means fp32 (configs from before the option, and fp32 runs).
    addRow(QStringLiteral("Precision"), [](const ReportRun &r) {
        return r.record.config.value(QStringLiteral("precision")).toString(QStringLiteral("fp32"));
    });
    addRow(QStringLiteral("Seed"),
           [](const ReportRun &r) { return QString::number(r.record.seed); });
    addRow(QStringLiteral("Host"), [](const ReportRun &r) {
        return r.record.ownerHost.isEmpty() ? QStringLiteral("—") : r.record.ownerHost;
    });
    addRow(QStringLiteral("Started"), [](const ReportRun &r) { return when(r.record.startedAt); });
    addRow(QStringLiteral("Finished"),
           [](const ReportRun &r) { return when(r.record.finishedAt); });
    addRow(QStringLiteral("Artifacts"), [](const ReportRun &r) {
        QMap<QString, int> kinds;
        qint64 bytes = 0;
        for (const ArtifactRecord &a : r.artifacts) {
            ++kinds[a.kind];
            bytes += a.size;
        }
        QStringList parts;
        for (auto it = kinds.begin(); it != kinds.end(); ++it)
            parts << QStringLiteral("%1 × %2").arg(it.value()).arg(it.key());
        return parts.isEmpty() ? QStringLiteral("—")
                               : QStringLiteral("%1 (%2 MB)")
                                     .arg(parts.join(QStringLiteral(", ")))
                                     .arg(double(bytes) / 1e6, 0, 'f', 1);
    });
    s.blocks << ReportBlock::tableBlock(t);
    if (!options.storePath.isEmpty())
        s.blocks << ReportBlock::keyValues(
            {{QStringLiteral("Run store"), QFileInfo(options.storePath).absoluteFilePath()}});
    return s;
}

ReportSection modelCards(const QVector<ReportRun> &runs)
{
    ReportSection s{QStringLiteral("model-card"), QStringLiteral("Model card"), {}};
    for (const ReportRun &r : runs)
        s.blocks += modelCardFor(r).toBlocks();
    return s;
}

} // namespace reportsections

} // namespace equiscope
