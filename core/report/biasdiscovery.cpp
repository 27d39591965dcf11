#include "report/biasdiscovery.h"

#include "data/datasetreader.h"

#include <cmath>

namespace equiscope {

namespace {

QString fixed(double v, int decimals = 3)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("—");
}

QString percent(double v)
{
    return std::isfinite(v) ? QString::number(100 * v, 'f', 1) + QLatin1Char('%')
                            : QStringLiteral("—");
}

void addAssociations(ReportSection &s, const AssociationScan &scan, const QString &source)
{
    s.blocks << ReportBlock::paragraph(
        QStringLiteral(
            "Association scan of %1: every pair of its %2 attributes (%3 pairs) on %4 of "
            "%5 rows — bias-corrected Cramér's V for two discrete attributes, the "
            "correlation ratio η for a discrete and a number, distance correlation "
            "where a vector or two numbers meet; permutation p-values corrected for "
            "the number of pairs (Benjamini–Hochberg, q ≤ %6). Findings are "
            "significant pairs at least %7 strong; those with the target first.")
            .arg(source)
            .arg(scan.attributes.size())
            .arg(scan.pairs.size())
            .arg(scan.sampledRows)
            .arg(scan.rows)
            .arg(scan.options.falseDiscoveryRate)
            .arg(scan.options.minimumEffect));
    QStringList findings;
    for (const AssociationFinding &f : scan.findings)
        findings << f.text;
    if (findings.isEmpty())
        s.blocks << ReportBlock::note(
            QStringLiteral("No association is both significant and at least %1 strong.")
                .arg(scan.options.minimumEffect));
    else
        s.blocks << ReportBlock::bullets(findings);
    const int n = int(scan.order.size());
    if (n >= 2) {
        ChartSpec c;
        c.kind = ChartSpec::Kind::Heatmap;
        c.title = QStringLiteral("Strength of association (clustered order)");
        c.rows = c.cols = n;
        for (int row = 0; row < n; ++row) {
            c.categories << scan.attributes.at(scan.order[size_t(row)]);
            for (int column = 0; column < n; ++column) {
                const int a = scan.order[size_t(row)], b = scan.order[size_t(column)];
                const AssociationPair *p = scan.pair(a, b);
                c.cells << float(a == b ? 1.0 : p && !std::isnan(p->pValue) ? p->value : NAN);
            }
        }
        c.cellLabels = n <= 10;
        c.colorLabel = QStringLiteral("V, η or dCor");
        c.colorMin = 0; // strengths on one absolute scale, as in the GUI's heatmap
        c.colorMax = 1;
        c.height = 320;
        c.width = 560;
        s.blocks << ReportBlock::chartBlock(
            c, QStringLiteral("0 = independent, 1 = one determines the other; the diagonal is 1."));
    }
    if (!scan.skipped.isEmpty()) {
        QStringList left;
        for (const auto &skipped : scan.skipped)
            left << QStringLiteral("%1: %2").arg(skipped.first, skipped.second);
        s.blocks << ReportBlock::note(
            QStringLiteral("Left out of the scan: %1.").arg(left.join(QStringLiteral("; "))));
    }
}

void addLeakage(ReportSection &s, const RunLeakage &leak)
{
    if (leak.probes.isEmpty())
        return;
    ReportTable t;
    t.header << QStringLiteral("Attribute") << QStringLiteral("Measure");
    for (const LeakageProbe &p : leak.probes)
        t.header << p.source;
    t.header << QStringLiteral("Chance");
    ChartSpec c;
    c.kind = ChartSpec::Kind::Bars;
    c.title = QStringLiteral("%1: each attribute read off the representation").arg(leak.runName);
    c.yLabel = QStringLiteral("accuracy or R²");
    c.yMin = 0;
    c.yMax = 1;
    for (const AttributeLeakage &a : leak.probes.first().attributes) {
        QVector<ReportCell> row{ReportCell(a.attribute),
                                ReportCell(a.measure == QLatin1String("r2")
                                               ? QStringLiteral("R²")
                                               : QStringLiteral("accuracy"))};
        for (const LeakageProbe &p : leak.probes) {
            const AttributeLeakage *x = p.attribute(a.attribute);
            const bool acc = a.measure == QLatin1String("accuracy");
            row << (x && std::isfinite(x->value)
                        ? ReportCell(acc ? percent(x->value) : fixed(x->value),
                                     QStringLiteral("95% CI %1–%2")
                                         .arg(acc ? percent(x->low) : fixed(x->low),
                                              acc ? percent(x->high) : fixed(x->high)))
                        : ReportCell(QStringLiteral("—"), x ? x->note : QString(),
                                     ReportCell::Tone::Muted));
        }
        row << ReportCell(a.measure == QLatin1String("accuracy") ? percent(a.chance)
                                                                 : QStringLiteral("0"));
        t.rows << row;
        c.categories << a.attribute;
    }
    for (const LeakageProbe &p : leak.probes) {
        ChartSeries series;
        series.name = p.source;
        for (int k = 0; k < c.categories.size(); ++k) {
            const AttributeLeakage *x = p.attribute(c.categories.at(k));
            series.points << QPointF(k, x ? x->value : NAN);
            series.low << (x ? x->low : NAN);
            series.high << (x ? x->high : NAN);
        }
        c.series << series;
    }
    c.height = 290;
    s.blocks << ReportBlock::tableBlock(
        t, QStringLiteral("Representation leakage of %1 (%2): a linear probe per attribute, "
                          "%3-fold out-of-fold accuracy or R² on %4 test images, 95% bootstrap "
                          "intervals. A fair representation hides the protected attribute and "
                          "keeps the target.")
               .arg(leak.runName, leak.method)
               .arg(leak.folds)
               .arg(leak.probes.first().rows));
    s.blocks << ReportBlock::chartBlock(c);
    for (const QString &w : leak.warnings)
        s.blocks << ReportBlock::note(w);
}

void addSubgroups(ReportSection &s, const SubgroupScan &scan, const QString &whose = {})
{
    s.blocks << ReportBlock::paragraph(
        whose +
        QStringLiteral("Worst-subgroup scan (%1 rate): intersections of up to %2 of the "
                       "attributes %3, at least %4 rows each, scored by a Bernoulli likelihood "
                       "ratio; p-values from %5 scans of shuffled outcomes, so they account for "
                       "every subgroup searched (%6 scored). Overall rate %7 over %8 rows.")
            .arg(subgroupMetricName(scan.metric))
            .arg(scan.options.maxConditions)
            .arg(scan.attributes.join(QStringLiteral(", ")))
            .arg(scan.options.minGroupSize)
            .arg(scan.options.nullReplicates)
            .arg(scan.subgroupsScored)
            .arg(percent(scan.overallRate))
            .arg(scan.rows));
    ReportTable t;
    t.header = QStringList{QStringLiteral("Subgroup"), QStringLiteral("Rows"),
                           QStringLiteral("Rate"),     QStringLiteral("Rest"),
                           QStringLiteral("Gap"),      QStringLiteral("p (search-wide)")};
    for (const Subgroup &g : scan.subgroups)
        t.rows << QVector<ReportCell>{
            ReportCell(g.label()),
            ReportCell(QString::number(g.size), {}, ReportCell::Tone::Normal, true),
            ReportCell(percent(g.rate),
                       QStringLiteral("95% CI %1–%2").arg(percent(g.rateLow), percent(g.rateHigh))),
            ReportCell(percent(g.restRate), {}, ReportCell::Tone::Normal, true),
            ReportCell(percent(g.gap),
                       QStringLiteral("95% CI %1–%2").arg(percent(g.gapLow), percent(g.gapHigh)),
                       g.significant ? ReportCell::Tone::Bad : ReportCell::Tone::Normal),
            ReportCell(QString::number(g.pValue, 'g', 3),
                       g.significant ? QStringLiteral("significant") : QString(),
                       g.significant ? ReportCell::Tone::Bad : ReportCell::Tone::Muted)};
    if (t.rows.isEmpty())
        s.blocks << ReportBlock::note(QStringLiteral("No subgroup to report."));
    else
        s.blocks << ReportBlock::tableBlock(
            t, QStringLiteral("Each subgroup after the first is scored on the rows outside those "
                              "above it; the rates use all of its rows. The intervals do not "
                              "correct for having picked the worst subgroup; the p-value does."));
    for (const QString &w : scan.warnings)
        s.blocks << ReportBlock::note(w);
}

} // namespace

BiasDiscovery discoverBias(const QString &storePath, const QVector<ReportRun> &runs)
{
    BiasDiscovery bias;
    if (runs.isEmpty())
        return bias;
    // The association scan, the leakage probes and the subgroup scans all read the runs'
    // dataset: it is opened once per distinct spec.
    const DatasetOpener open = cachingDatasetOpener();
    const RunRecord &first = runs.first().record;
    if (first.datasetSpec.isEmpty()) {
        bias.problems << QStringLiteral("no association scan: the run records no dataset");
    } else {
        const DatasetSpec spec = DatasetSpec::fromJson(first.datasetSpec);
        auto ds = open(spec);
        if (!ds) {
            bias.problems << QStringLiteral("no association scan: the dataset could not be "
                                            "opened here: %1")
                                 .arg(ds.error().toString());
        } else {
            AssociationScanOptions o;
            o.source = spec.path.isEmpty() ? ds->name : spec.path;
            const QString target = first.config.value(QStringLiteral("target")).toString();
            o.target = ds->attributes.contains(target) ? target : QString();
            auto scan = scanAssociations(ds->attributes, o);
            if (scan) {
                bias.associations = scan.value();
                bias.associationsSource = ds->name;
            } else {
                bias.problems
                    << QStringLiteral("no association scan: %1").arg(scan.error().toString());
            }
        }
    }
    for (const ReportRun &r : runs) {
        if (r.record.family != RunFamily::Fare || r.record.status != RunStatus::Finished)
            continue;
        RunLeakageRequest request;
        request.storePath = storePath;
        request.run = r.record.id;
        request.open = open;
        auto leak = measureRunLeakage(request);
        if (leak)
            bias.leakage << leak.value();
        else
            bias.problems << QStringLiteral("no leakage for %1: %2")
                                 .arg(r.displayName(), leak.error().toString());
    }
    for (const ReportRun &r : runs) {
        if (r.record.status != RunStatus::Finished || r.record.family == RunFamily::Clustering)
            continue;
        RunSubgroupScanRequest request;
        request.storePath = storePath;
        request.run = r.record.id;
        request.open = open;
        auto scan = scanRunSubgroups(request);
        if (scan)
            bias.runSubgroups << scan.value();
        else
            bias.problems << QStringLiteral("no worst-subgroup scan for %1: %2")
                                 .arg(r.displayName(), scan.error().toString());
    }
    return bias;
}

ReportSection biasDiscoverySection(const BiasDiscovery &bias)
{
    ReportSection s{QStringLiteral("bias-discovery"), QStringLiteral("Bias discovery"), {}};
    if (bias.isEmpty())
        return s;
    if (bias.associations)
        addAssociations(s, *bias.associations, bias.associationsSource);
    for (const RunLeakage &leak : bias.leakage)
        addLeakage(s, leak);
    for (const RunSubgroupScan &run : bias.runSubgroups)
        addSubgroups(s, run.scan,
                     QStringLiteral("%1 (%2, run %3), test predictions of '%4'. ")
                         .arg(run.runName, run.method, run.runId.left(8), run.target));
    if (bias.subgroups)
        addSubgroups(s, *bias.subgroups);
    for (const QString &problem : bias.problems)
        s.blocks << ReportBlock::note(problem);
    return s;
}

} // namespace equiscope
