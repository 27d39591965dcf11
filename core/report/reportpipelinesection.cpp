// ReportBuilder: the stages of a fair self-supervised pipeline run (what each stage took in, kept
// and dropped) and its meta-learned sample weights per group over epochs.
#include "report/metricglossary.h"
#include "report/modelcard.h"
#include "report/reportsections_p.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace equiscope::reportsections {

namespace {

/// The pipeline's order; an unknown stage goes last.
int stageRank(const QString &stage)
{
    static const QStringList order{QStringLiteral("embed"),        QStringLiteral("dedup"),
                                   QStringLiteral("retrieve"),     QStringLiteral("quality"),
                                   QStringLiteral("pseudo-label"), QStringLiteral("train"),
                                   QStringLiteral("classifier")};
    const int i = int(order.indexOf(stage));
    return i < 0 ? int(order.size()) : i;
}

QString number(const QJsonValue &v)
{
    if (!v.isDouble())
        return v.toString();
    const double d = v.toDouble();
    return d == std::floor(d) && std::abs(d) < 1e12 ? QString::number(qint64(d)) : formatValue(d);
}

/// The few details of a stage a reader needs to judge it (the full set is in the store).
QString stageNotes(const QString &stage, const QJsonObject &d)
{
    QStringList parts;
    auto add = [&](const QString &key, const QString &label) {
        if (d.contains(key))
            parts << QStringLiteral("%1 %2").arg(label, number(d.value(key)));
    };
    if (stage == QLatin1String("embed")) {
        add(QStringLiteral("encoder"), QStringLiteral("encoder"));
        add(QStringLiteral("dim"), QStringLiteral("dimension"));
        add(QStringLiteral("seeds"), QStringLiteral("seed images"));
        add(QStringLiteral("pool"), QStringLiteral("pool images"));
    } else if (stage == QLatin1String("dedup")) {
        add(QStringLiteral("threshold"), QStringLiteral("cosine ≥"));
        add(QStringLiteral("duplicates"), QStringLiteral("near-duplicates"));
        add(QStringLiteral("evaluationDuplicates"), QStringLiteral("duplicates of test images"));
    } else if (stage == QLatin1String("retrieve")) {
        add(QStringLiteral("perSeed"), QStringLiteral("M ="));
        add(QStringLiteral("curated"), QStringLiteral("|D| ="));
        add(QStringLiteral("sameClassRate"), QStringLiteral("retrieved with the seed's class"));
    } else if (stage == QLatin1String("quality")) {
        if (!d.value(QStringLiteral("enabled")).toBool(true))
            parts << QStringLiteral("off");
        add(QStringLiteral("threshold"), QStringLiteral("sharpness threshold"));
        add(QStringLiteral("medianScore"), QStringLiteral("median score"));
    } else if (stage == QLatin1String("pseudo-label")) {
        add(QStringLiteral("mode"), QStringLiteral("mode"));
        add(QStringLiteral("accuracy"), QStringLiteral("pseudo-label accuracy"));
        add(QStringLiteral("metaSet"), QStringLiteral("meta set"));
    } else if (stage == QLatin1String("train")) {
        add(QStringLiteral("objective"), QString());
        add(QStringLiteral("epochs"), QStringLiteral("epochs"));
        add(QStringLiteral("lookAheadScope"), QStringLiteral("look-ahead through"));
        add(QStringLiteral("metaSet"), QStringLiteral("meta set"));
    } else if (stage == QLatin1String("classifier")) {
        add(QStringLiteral("probeTrainSamples"), QStringLiteral("fitted on"));
        add(QStringLiteral("testSamples"), QStringLiteral("measured on"));
        add(QStringLiteral("accuracy"), QStringLiteral("accuracy"));
    }
    for (QString &p : parts)
        p = p.trimmed();
    return parts.join(QStringLiteral("; "));
}

} // namespace

ReportSection pipelineStages(const QVector<ReportRun> &runs)
{
    ReportSection s{QStringLiteral("pipeline"), QStringLiteral("Pipeline stages"), {}};
    const QStringList names = runLabels(runs);
    for (int i = 0; i < runs.size(); ++i) {
        const ReportRun &run = runs[i];
        if (run.pipelineStages.isEmpty())
            continue;
        QVector<QJsonObject> stages = run.pipelineStages;
        std::stable_sort(stages.begin(), stages.end(),
                         [](const QJsonObject &a, const QJsonObject &b) {
                             return stageRank(a.value(QStringLiteral("stage")).toString()) <
                                    stageRank(b.value(QStringLiteral("stage")).toString());
                         });
        ReportTable t;
        t.header = QStringList{QStringLiteral("Stage"),   QStringLiteral("In"),
                               QStringLiteral("Kept"),    QStringLiteral("Dropped"),
                               QStringLiteral("Seconds"), QStringLiteral("Details")};
        ChartSpec c;
        c.kind = ChartSpec::Kind::Bars;
        c.title = QStringLiteral("Images kept and dropped per stage");
        c.yLabel = QStringLiteral("images");
        ChartSeries kept{QStringLiteral("kept"), {}, {}, {}, {}, true, true, false, {}};
        ChartSeries dropped{QStringLiteral("dropped"), {}, {}, {}, {}, true, true, false, {}};
        for (const QJsonObject &st : stages) {
            const QString stage = st.value(QStringLiteral("stage")).toString();
            const double seconds = st.value(QStringLiteral("seconds")).toDouble();
            t.rows.push_back(
                {ReportCell(stage, {}, ReportCell::Tone::Heading, false),
                 ReportCell(number(st.value(QStringLiteral("input"))), {}, ReportCell::Tone::Normal,
                            true),
                 ReportCell(number(st.value(QStringLiteral("kept"))), {}, ReportCell::Tone::Normal,
                            true),
                 ReportCell(number(st.value(QStringLiteral("dropped"))), {},
                            st.value(QStringLiteral("dropped")).toDouble() > 0
                                ? ReportCell::Tone::Muted
                                : ReportCell::Tone::Normal,
                            true),
                 ReportCell(seconds > 0 ? formatValue(seconds) : QStringLiteral("—"), {},
                            ReportCell::Tone::Normal, true),
                 ReportCell(stageNotes(stage, st.value(QStringLiteral("details")).toObject()))});
            if (stage == QLatin1String("train") || stage == QLatin1String("classifier") ||
                stage == QLatin1String("embed"))
                continue; // they keep every image: only the curation stages go in the chart
            const int k = int(c.categories.size());
            c.categories << stage;
            kept.points << QPointF(k, st.value(QStringLiteral("kept")).toDouble());
            dropped.points << QPointF(k, st.value(QStringLiteral("dropped")).toDouble());
        }
        const QString of = runs.size() > 1 ? QStringLiteral(" of %1").arg(names[i]) : QString();
        s.blocks << ReportBlock::tableBlock(
            t, QStringLiteral("Stages%1: images in, kept and dropped (a finished stage reused "
                              "from another run shows that run's numbers).")
                   .arg(of));
        if (!c.categories.isEmpty()) {
            c.series << kept << dropped;
            c.height = 260;
            s.blocks << ReportBlock::chartBlock(
                c, QStringLiteral("Curation%1: retrieve keeps the M nearest pool images of "
                                  "every seed, so it drops most of the pool by design.")
                       .arg(of));
        }
        if (run.metaWeights.isEmpty())
            continue;
        // Mean relative weight per group at each epoch: 1 = the batch average.
        QStringList groups;
        for (const QJsonObject &h : run.metaWeights)
            for (const QJsonValue &g : h.value(QStringLiteral("groups")).toArray())
                if (!groups.contains(g.toObject().value(QStringLiteral("label")).toString()))
                    groups << g.toObject().value(QStringLiteral("label")).toString();
        ChartSpec w;
        w.kind = ChartSpec::Kind::Line;
        w.title = QStringLiteral("Meta-learned weight per group");
        w.xLabel = QStringLiteral("SupCon epoch");
        w.yLabel = run.metaWeights.last().contains(QStringLiteral("quantity"))
                       ? QStringLiteral("mean weight / batch mean")
                       : QStringLiteral("mean weight");
        w.integerX = true;
        w.height = 280;
        ReportTable wt;
        wt.header = QStringList{QStringLiteral("Group"), QStringLiteral("Samples (last epoch)"),
                                QStringLiteral("First epoch"), QStringLiteral("Last epoch")};
        for (const QString &label : groups) {
            ChartSeries series;
            series.name = label;
            double first = NAN, last = NAN;
            qint64 n = 0;
            for (const QJsonObject &h : run.metaWeights)
                for (const QJsonValue &g : h.value(QStringLiteral("groups")).toArray()) {
                    const QJsonObject o = g.toObject();
                    if (o.value(QStringLiteral("label")).toString() != label)
                        continue;
                    const double mean = o.value(QStringLiteral("mean")).toDouble(NAN);
                    series.points << QPointF(h.value(QStringLiteral("epoch")).toInt(), mean);
                    if (std::isnan(first))
                        first = mean;
                    last = mean;
                    n = o.value(QStringLiteral("n")).toInteger();
                }
            w.series << series;
            wt.rows.push_back({ReportCell(label, {}, ReportCell::Tone::Heading, false),
                               ReportCell(QString::number(n), {}, ReportCell::Tone::Normal, true),
                               ReportCell(formatValue(first), {}, ReportCell::Tone::Normal, true),
                               ReportCell(formatValue(last), {}, ReportCell::Tone::Normal, true)});
        }
        s.blocks << ReportBlock::chartBlock(
            w, QStringLiteral("Meta-Weight-Net%1: the mean weight of each group's samples per "
                              "epoch (relative weights: above 1 a group is up-weighted).")
                   .arg(of));
        s.blocks << ReportBlock::tableBlock(wt);
    }
    return s;
}

} // namespace equiscope::reportsections
