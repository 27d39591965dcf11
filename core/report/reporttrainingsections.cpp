// ReportBuilder: training curves (any numeric epoch metric) and attention maps (runs whose
// method records attention snapshots).
#include "report/metricglossary.h"
#include "report/modelcard.h"
#include "report/reportsections_p.h"

#include <cmath>
#include <set>

namespace equiscope::reportsections {

ReportSection training(const QVector<ReportRun> &runs)
{
    ReportSection s{QStringLiteral("training"), QStringLiteral("Training curves"), {}};
    static const QStringList preferred{QStringLiteral("loss"), QStringLiteral("attentionEntropy"),
                                       QStringLiteral("learningRate"),
                                       QStringLiteral("imagesPerSecond")};
    static const QStringList skipped{QStringLiteral("epoch"), QStringLiteral("seconds")};
    QStringList keys;
    for (const ReportRun &r : runs)
        for (const EpochRecord &e : r.epochs)
            for (auto it = e.metrics.begin(); it != e.metrics.end(); ++it)
                if (it.value().isDouble() && !skipped.contains(it.key()) &&
                    !keys.contains(it.key()))
                    keys << it.key();
    if (keys.isEmpty()) {
        s.blocks << ReportBlock::paragraph(QStringLiteral("No epochs were recorded."));
        return s;
    }
    QStringList ordered;
    for (const QString &k : preferred)
        if (keys.contains(k))
            ordered << k;
    for (const QString &k : keys)
        if (!ordered.contains(k))
            ordered << k;
    const QStringList names = runLabels(runs);
    int epochsMax = 0;
    for (const ReportRun &r : runs)
        epochsMax = std::max(epochsMax, int(r.epochs.size()));
    for (const QString &key : ordered) {
        bool allZero = true;
        ChartSpec c;
        c.kind = ChartSpec::Kind::Line;
        c.title = metricTitle(key);
        c.xLabel = QStringLiteral("epoch");
        c.yLabel = metricTitle(key);
        c.integerX = true;
        c.height = 240;
        for (int i = 0; i < runs.size(); ++i) {
            ChartSeries series;
            series.name = runs.size() > 1 ? names[i] : QString();
            for (const EpochRecord &e : runs[i].epochs) {
                const QJsonValue v = e.metrics.value(key);
                if (v.isDouble()) {
                    series.points << QPointF(e.epoch, v.toDouble());
                    allZero = allZero && v.toDouble() == 0;
                }
            }
            if (!series.points.isEmpty())
                c.series << series;
        }
        if (allZero && key != QLatin1String("loss"))
            continue; // e.g. emptySupportRows of a method that never has empty rows
        const QString def = metricDefinition(key);
        s.blocks << ReportBlock::chartBlock(c, def);
    }
    if (runs.size() == 1) {
        const ReportRun &r = runs.first();
        ReportTable t;
        t.header = QStringList{QStringLiteral("Epoch"), QStringLiteral("Seconds")};
        for (const QString &k : ordered)
            t.header << metricTitle(k);
        for (const EpochRecord &e : r.epochs) {
            QVector<ReportCell> row{
                ReportCell(QString::number(e.epoch), {}, ReportCell::Tone::Heading, true),
                ReportCell(formatValue(e.wallSeconds), {}, ReportCell::Tone::Normal, true)};
            for (const QString &k : ordered) {
                const QJsonValue v = e.metrics.value(k);
                row << ReportCell(v.isDouble() ? QString::number(v.toDouble(), 'g', 5)
                                               : QStringLiteral("—"),
                                  {}, ReportCell::Tone::Normal, true);
            }
            t.rows.push_back(row);
        }
        if (t.rows.size() <= 60)
            s.blocks << ReportBlock::tableBlock(t);
    }
    if (epochsMax == 1)
        s.blocks << ReportBlock::note(
            QStringLiteral("Only one epoch was recorded: the curves are single points."));
    return s;
}

ReportSection attention(const QVector<ReportRun> &runs)
{
    ReportSection s{QStringLiteral("attention"), QStringLiteral("Attention maps"), {}};
    const QStringList names = runLabels(runs);
    int shown = 0;
    for (int i = 0; i < runs.size() && shown < 4; ++i) {
        if (!runs[i].attention || runs[i].attention->size <= 0)
            continue;
        const AttentionSnapshot &a = *runs[i].attention;
        ++shown;
        const int G = int(a.groupLabels.size());
        if (G > 0 && a.groupMatrix.size() == G * G) {
            ChartSpec g;
            g.kind = ChartSpec::Kind::Heatmap;
            g.title = QStringLiteral("%1: mean attention between groups (epoch %2)")
                          .arg(names[i])
                          .arg(a.epoch);
            g.rows = g.cols = G;
            g.cells = a.groupMatrix;
            g.categories = a.groupLabels;
            g.cellLabels = G <= 8;
            g.colorLabel = QStringLiteral("mean attention");
            g.height = 320;
            g.width = 560;
            s.blocks << ReportBlock::chartBlock(
                g,
                QStringLiteral("Row g, column h: the mean attention an anchor of group g gives a "
                               "negative of group h (self-pairs excluded). FARE learns to "
                               "weight negatives by the protected attribute; a strong diagonal "
                               "means negatives of the anchor's own group dominate."));
        }
        if (a.matrix.size() == a.size * a.size) {
            ChartSpec m;
            m.kind = ChartSpec::Kind::Heatmap;
            m.title = QStringLiteral("%1: attention of the probe batch (b = %2)")
                          .arg(names[i])
                          .arg(a.size);
            m.rows = m.cols = a.size;
            m.cells = a.matrix;
            m.colorLabel = QStringLiteral("attention");
            m.xLabel = QStringLiteral("negative (sorted by group, then z)");
            m.yLabel = QStringLiteral("anchor");
            m.height = 340;
            m.width = 560;
            s.blocks << ReportBlock::chartBlock(
                m, QStringLiteral("The fixed probe batch of test samples, sorted by group and then "
                                  "by the protected attribute; each row holds one anchor's "
                                  "attention probabilities over the batch."));
        }
    }
    if (shown == 0)
        s.blocks.clear();
    return s;
}

} // namespace equiscope::reportsections
