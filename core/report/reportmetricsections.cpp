// ReportBuilder: the metrics table with definitions, per-group charts, and the Pareto plot.
#include "report/metricglossary.h"
#include "report/modelcard.h"
#include "report/reportsections_p.h"

#include "eval/metricdirection.h"
#include "eval/paretofront.h"

#include <cmath>

namespace equiscope::reportsections {

namespace {

/// Per-group metric names in display order.
QStringList groupMetricNames(const QVector<ReportRun> &runs)
{
    static const QStringList order{QStringLiteral("accuracy"), QStringLiteral("selection_rate"),
                                   QStringLiteral("true_positive_rate"),
                                   QStringLiteral("false_positive_rate")};
    QStringList present;
    for (const ReportRun &r : runs)
        for (const MetricRow &m : r.finalMetrics)
            if (!m.group.isEmpty() && m.name != QLatin1String("too_small_to_judge") &&
                !present.contains(m.name))
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

QStringList allGroupLabels(const QVector<ReportRun> &runs)
{
    QStringList out;
    for (const ReportRun &r : runs)
        for (const QString &g : r.groupLabels())
            if (!out.contains(g))
                out << g;
    return out;
}

const MetricRow *groupRow(const ReportRun &run, const QString &group, const QString &name)
{
    for (const MetricRow &m : run.finalMetrics)
        if (m.group == group && m.name == name)
            return &m;
    return nullptr;
}

bool tooSmall(const ReportRun &run, const QString &group)
{
    return groupRow(run, group, QStringLiteral("too_small_to_judge")) != nullptr;
}

qint64 groupSize(const ReportRun &run, const QString &group)
{
    for (const MetricRow &m : run.finalMetrics)
        if (m.group == group && m.groupSize)
            return *m.groupSize;
    return -1;
}

bool isRate(const QString &name)
{
    return name == QLatin1String("accuracy") || name.endsWith(QLatin1String("_rate"));
}

} // namespace

ReportSection metrics(const QVector<ReportRun> &runs)
{
    ReportSection s{
        QStringLiteral("metrics"), QStringLiteral("Metrics with confidence intervals"), {}};
    const QStringList names = overallMetricNames(runs);
    if (names.isEmpty()) {
        s.blocks << ReportBlock::note(QStringLiteral("No final metrics recorded (the run did not "
                                                     "finish its evaluation)."));
        return s;
    }
    ReportTable t;
    t.header = QStringList{QStringLiteral("Metric"), QStringLiteral("Better")};
    t.header += runs.size() == 1 ? QStringList{QStringLiteral("Value")} : runLabels(runs);
    for (const QString &name : names) {
        QVector<ReportCell> row{
            ReportCell(metricTitle(name), name, ReportCell::Tone::Heading, false)};
        const auto dir = metricDirection(name);
        row << ReportCell(dir ? (*dir == ObjectiveDirection::Maximise ? QStringLiteral("↑ higher")
                                                                      : QStringLiteral("↓ lower"))
                              : QStringLiteral(""),
                          {}, ReportCell::Tone::Muted, false);
        // In comparisons the best run of each metric is marked.
        int best = -1;
        if (runs.size() > 1 && dir) {
            double bestValue = 0;
            for (int i = 0; i < runs.size(); ++i) {
                const auto v = runs[i].finalValue(name);
                if (!v)
                    continue;
                const bool better =
                    best < 0 ||
                    (*dir == ObjectiveDirection::Maximise ? *v > bestValue : *v < bestValue);
                if (better) {
                    best = i;
                    bestValue = *v;
                }
            }
        }
        for (int i = 0; i < runs.size(); ++i) {
            ReportCell c = metricCell(runs[i].finalRow(name));
            if (i == best)
                c.tone = ReportCell::Tone::Good;
            row << c;
        }
        t.rows.push_back(row);
    }
    QString caption = QStringLiteral("Whole-population metrics on the test split.");
    for (const ReportRun &r : runs)
        if (r.fairness) {
            caption += QStringLiteral(" Group metrics: %1% percentile intervals of a stratified "
                                      "bootstrap (%2 resamples, seed %3); groups below %4 samples "
                                      "enter no aggregate.")
                           .arg(r.fairness->confidence * 100, 0, 'f', 0)
                           .arg(r.fairness->resamples)
                           .arg(r.fairness->seed)
                           .arg(r.fairness->minGroupSize);
            break;
        }
    if (runs.size() > 1)
        caption += QStringLiteral(" Green: the best run on that metric.");
    bool outside = false;
    for (const ReportRun &r : runs)
        for (const MetricRow &m : r.finalMetrics)
            outside =
                outside || (m.ciLow && m.ciHigh && (m.value < *m.ciLow || m.value > *m.ciHigh));
    if (outside)
        caption += QStringLiteral(" A gap (max − min over groups) can lie below its percentile "
                                  "interval: resampling adds noise to every group, which widens "
                                  "the gap on average; such a gap is small compared to its "
                                  "sampling noise.");
    s.blocks << ReportBlock::tableBlock(t, caption);
    const auto probe = runs.first().finalValue(QStringLiteral("bias_probe_accuracy"));
    const auto majority = runs.first().finalValue(QStringLiteral("bias_probe_majority_rate"));
    if (runs.size() == 1 && probe && majority)
        s.blocks << ReportBlock::paragraph(
            QStringLiteral("The group probe reaches %1 where guessing the largest group gives %2: "
                           "%3.")
                .arg(formatValue(*probe), formatValue(*majority),
                     *probe > *majority + 0.05
                         ? QStringLiteral("the representation still carries information about "
                                          "the sensitive group")
                         : QStringLiteral("little group information is linearly recoverable")));

    QVector<QPair<QString, QString>> defs;
    QStringList shown = names;
    for (const QString &n : groupMetricNames(runs))
        if (!shown.contains(n))
            shown << n;
    bool anySmall = false;
    for (const ReportRun &r : runs)
        for (const MetricRow &m : r.finalMetrics)
            anySmall = anySmall || m.name == QLatin1String("too_small_to_judge");
    if (anySmall)
        shown << QStringLiteral("too_small_to_judge");
    for (const QString &n : shown) {
        const QString def = metricDefinition(n);
        defs.append({n, def.isEmpty() ? QStringLiteral("(recorded by the run; no definition "
                                                       "known to this version)")
                                      : def});
    }
    s.blocks << ReportBlock::paragraph(QStringLiteral("Definitions:"));
    s.blocks << ReportBlock::definitions(defs);
    return s;
}

ReportSection groups(const QVector<ReportRun> &runs)
{
    ReportSection s{QStringLiteral("groups"), QStringLiteral("Per-group metrics"), {}};
    const QStringList labels = allGroupLabels(runs);
    const QStringList names = groupMetricNames(runs);
    if (labels.isEmpty()) {
        s.blocks << ReportBlock::note(QStringLiteral("No per-group metrics recorded."));
        return s;
    }
    const QStringList runNames = runLabels(runs);
    for (const QString &metric : names) {
        ChartSpec c;
        c.kind = ChartSpec::Kind::Bars;
        c.title = QStringLiteral("%1 per group").arg(metricTitle(metric));
        c.yLabel = metricTitle(metric);
        c.categories = labels;
        if (isRate(metric)) {
            c.yMin = 0;
            c.yMax = 1;
        }
        for (const QString &g : labels) {
            bool small = true;
            for (const ReportRun &r : runs)
                small = small && (tooSmall(r, g) || !groupRow(r, g, metric));
            c.categoryMuted << small;
        }
        for (int i = 0; i < runs.size(); ++i) {
            ChartSeries series;
            series.name = runNames[i];
            for (int k = 0; k < labels.size(); ++k) {
                const MetricRow *m = groupRow(runs[i], labels[k], metric);
                series.points << QPointF(k, m ? m->value : NAN);
                series.low << (m && m->ciLow ? *m->ciLow : NAN);
                series.high << (m && m->ciHigh ? *m->ciHigh : NAN);
            }
            c.series << series;
        }
        c.height = labels.size() > 6 ? 340 : 290;
        s.blocks << ReportBlock::chartBlock(
            c, QStringLiteral("Bars: point estimate; whiskers: 95% bootstrap CI. Hatched grey: "
                              "too small to judge."));
    }
    for (int i = 0; i < runs.size(); ++i) {
        const ReportRun &run = runs[i];
        ReportTable t;
        t.header = QStringList{QStringLiteral("Group"), QStringLiteral("n")};
        for (const QString &m : names)
            t.header << metricTitle(m);
        for (const QString &g : run.groupLabels()) {
            const qint64 n = groupSize(run, g);
            QVector<ReportCell> row{ReportCell(g, {}, ReportCell::Tone::Heading, false),
                                    ReportCell(n >= 0 ? QString::number(n) : QStringLiteral("—"),
                                               {}, ReportCell::Tone::Normal, true)};
            if (tooSmall(run, g)) {
                for (int k = 0; k < names.size(); ++k)
                    row << ReportCell(k == 0 ? QStringLiteral("too small to judge") : QString(), {},
                                      ReportCell::Tone::Bad, false);
            } else {
                for (const QString &m : names)
                    row << metricCell(groupRow(run, g, m));
            }
            t.rows.push_back(row);
        }
        s.blocks << ReportBlock::tableBlock(
            t, runs.size() > 1 ? QStringLiteral("Groups of %1.").arg(runNames[i]) : QString());
    }
    return s;
}

ReportSection pareto(const QVector<ReportRun> &runs, const QVector<ReportRun> &context,
                     const ReportOptions &options)
{
    ReportSection s{QStringLiteral("pareto"), QStringLiteral("Accuracy–fairness Pareto front"), {}};
    QVector<const ReportRun *> all;
    for (const ReportRun &r : runs)
        all << &r;
    for (const ReportRun &r : context)
        all << &r;
    const QString xName = options.paretoX;
    QString yName = options.paretoY;
    if (yName.isEmpty()) {
        for (const QString &candidate :
             {QStringLiteral("bias_mse"), QStringLiteral("equalized_odds_difference"),
              QStringLiteral("demographic_parity_difference"), QStringLiteral("accuracy_std")}) {
            bool everyReportRun = true;
            for (const ReportRun &r : runs)
                everyReportRun = everyReportRun && r.finalValue(candidate).has_value();
            if (everyReportRun) {
                yName = candidate;
                break;
            }
        }
    }
    const auto xDir = metricDirection(xName), yDir = metricDirection(yName);
    if (yName.isEmpty() || !xDir || !yDir) {
        s.blocks << ReportBlock::note(QStringLiteral("No pair of metrics with known directions "
                                                     "is shared by the runs; no Pareto plot."));
        return s;
    }
    QVector<ParetoPoint> points;
    QVector<const ReportRun *> used;
    for (const ReportRun *r : all) {
        const auto x = r->finalValue(xName), y = r->finalValue(yName);
        if (!x || !y)
            continue;
        points << ParetoPoint{r->record.id, {*x, *y}};
        used << r;
    }
    if (points.size() < 2) {
        s.blocks << ReportBlock::paragraph(
            QStringLiteral(
                "A Pareto front needs at least two finished runs on the same data with "
                "%1 and %2; this store has %3. Compare runs (equiscope-cli report A B …) "
                "or run a sweep to see the trade-off.")
                .arg(xName, yName)
                .arg(points.size()));
        if (points.size() == 1)
            s.blocks << ReportBlock::keyValues(
                {{metricTitle(xName), formatValue(points[0].values[0])},
                 {metricTitle(yName), formatValue(points[0].values[1])}});
        return s;
    }
    const ParetoFront front({Objective{xName, *xDir}, Objective{yName, *yDir}}, points);
    // The same reference rule as the Compare page, so both show the same hypervolume.
    const std::vector<double> ref = front.paddedReference();
    const double hv = front.hypervolume(ref);

    ChartSpec c;
    c.kind = ChartSpec::Kind::Scatter;
    c.title = QStringLiteral("%1 vs %2").arg(metricTitle(xName), metricTitle(yName));
    c.xLabel = QStringLiteral("%1 (%2)").arg(metricTitle(xName), metricDirectionText(xName));
    c.yLabel = QStringLiteral("%1 (%2)").arg(metricTitle(yName), metricDirectionText(yName));
    c.height = 360;
    ChartSeries others, reported;
    others.name = QStringLiteral("other runs on the same data");
    others.color = QColor(0x9c, 0xa3, 0xaf);
    reported.name = runs.size() == 1 ? QStringLiteral("this run") : QStringLiteral("compared runs");
    reported.color = QColor(0xd5, 0x5e, 0x00);
    reported.highlighted = true;
    const QStringList names = runLabels(runs);
    for (int i = 0; i < used.size(); ++i) {
        const QPointF p(points[i].values[0], points[i].values[1]);
        bool isReported = false;
        for (int k = 0; k < runs.size(); ++k)
            if (runs[k].record.id == used[i]->record.id) {
                reported.points << p;
                reported.pointLabels << names[k];
                isReported = true;
            }
        if (!isReported) {
            others.points << p;
            others.pointLabels << (used.size() <= 12 ? used[i]->displayName() : QString());
        }
    }
    if (!others.points.isEmpty())
        c.series << others;
    c.series << reported;
    // The front as the boundary of the region it dominates: a staircase whose corners take
    // the worse coordinate of two neighbouring front points on each axis.
    auto worse = [](ObjectiveDirection d, double a, double b) {
        return d == ObjectiveDirection::Maximise ? std::min(a, b) : std::max(a, b);
    };
    const std::vector<int> &onFront = front.front();
    for (size_t k = 0; k < onFront.size(); ++k) {
        const QPointF p(points[onFront[k]].values[0], points[onFront[k]].values[1]);
        if (k > 0) {
            const QPointF q = c.frontLine.last();
            c.frontLine << QPointF(worse(*xDir, q.x(), p.x()), worse(*yDir, q.y(), p.y()));
        }
        c.frontLine << p;
    }
    c.reference = QPointF(ref[0], ref[1]);
    s.blocks << ReportBlock::chartBlock(
        c, QStringLiteral("Dashed line: the Pareto front (no other run is at least as good on both "
                          "axes and better on one), drawn as the edge of the region it dominates. "
                          "Shaded: the area it dominates up to the "
                          "reference point."));
    s.blocks << ReportBlock::keyValues(
        {{QStringLiteral("Hypervolume"), formatValue(hv)},
         {QStringLiteral("Reference point"),
          QStringLiteral("%1 = %2, %3 = %4 (10% of the axis range beyond the worst value on each "
                         "axis)")
              .arg(xName, formatValue(ref[0]), yName, formatValue(ref[1]))},
         {QStringLiteral("Runs on the front"),
          QStringLiteral("%1 of %2").arg(front.front().size()).arg(points.size())}});
    ReportTable t;
    t.header = {QStringLiteral("Run"), metricTitle(xName), metricTitle(yName),
                QStringLiteral("On the front")};
    for (int i = 0; i < used.size(); ++i) {
        bool isReported = false;
        for (const ReportRun &r : runs)
            isReported = isReported || r.record.id == used[i]->record.id;
        t.rows.push_back(
            {ReportCell(used[i]->displayName(), {},
                        isReported ? ReportCell::Tone::Heading : ReportCell::Tone::Normal, false),
             ReportCell(formatValue(points[i].values[0]), {}, ReportCell::Tone::Normal, true),
             ReportCell(formatValue(points[i].values[1]), {}, ReportCell::Tone::Normal, true),
             front.isOnFront(i)
                 ? ReportCell(QStringLiteral("yes"), {}, ReportCell::Tone::Good, false)
                 : ReportCell(QStringLiteral("no"), {}, ReportCell::Tone::Muted, false)});
    }
    s.blocks << ReportBlock::tableBlock(t);
    return s;
}

} // namespace equiscope::reportsections
