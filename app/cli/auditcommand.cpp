#include "auditcommand.h"

#include "clioutput.h"
#include "subgroupscanoptions.h"

#include "report/predictionaudit.h"
#include "report/reportbuilder.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace equiscope::cli {

namespace {

/// Writes the audit report of @p audited to --report (HTML or PDF by suffix), with @p bias in its
/// Bias discovery section when not empty; prints where it went unless --json. Returns an exit
/// code, 0 when written.
int writeAuditReport(const QCommandLineParser &p, const AuditResult &audited,
                     const BiasDiscovery &bias = {})
{
    const QString out = p.value(QStringLiteral("report"));
    const ReportFormat format = QFileInfo(out).suffix().toLower() == QLatin1String("pdf")
                                    ? ReportFormat::Pdf
                                    : ReportFormat::Html;
    ReportBuilder builder({audited.toReportRun()});
    builder.setBiasDiscovery(bias);
    auto written = writeReport(builder.buildAudit(audited.sourceFacts()), format, out);
    if (!written)
        return fail(written.error().toString());
    if (!p.isSet(QStringLiteral("json")))
        printOut(written.value() + QLatin1Char('\n'));
    return 0;
}

int runSubgroupScan(const QCommandLineParser &p, const QString &csv, const AuditOptions &audit)
{
    SubgroupScanOptions o;
    if (const int code = readSubgroupScanOptions(p, &o))
        return code;
    o.minGroupSize = audit.minGroupSize;
    o.bins = audit.bins;
    o.seed = audit.seed;
    Expected<SubgroupScan> result = fileError(csv, QStringLiteral("not read"));
    try {
        result = scanPredictionSubgroups(CsvTable::read(csv), audit, o);
    } catch (const DataException &e) {
        return fail(e.error().toString());
    }
    if (!result)
        return fail(result.error().toString());
    if (p.isSet(QStringLiteral("report"))) {
        // The audit's group metrics need group columns; with --group they come first, then the
        // worst subgroups in the "Bias discovery" section.
        if (audit.groupColumns.isEmpty())
            return fail(QStringLiteral("--scan --report needs the --group columns of the audit's "
                                       "group metrics"),
                        2);
        auto audited = auditPredictionsFile(csv, audit);
        if (!audited)
            return fail(audited.error().toString());
        BiasDiscovery bias;
        bias.subgroups = result.value();
        if (const int code = writeAuditReport(p, audited.value(), bias))
            return code;
    }
    if (p.isSet(QStringLiteral("json")))
        printJson(result->toJson());
    else
        printOut(result->toText());
    return 0;
}

} // namespace

int runAuditCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Audit predictions made by any model: group metrics with bootstrap CIs, group sizes, "
        "intersectional groups (several --group), 'too small to judge' for small groups."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("audit"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("PREDICTIONS.csv"),
                            QStringLiteral("CSV with a header row."));
    p.addOptions({
        {QStringLiteral("label"), QStringLiteral("Column of the true class."),
         QStringLiteral("COL")},
        {QStringLiteral("pred"), QStringLiteral("Column of the predicted class."),
         QStringLiteral("COL")},
        {QStringLiteral("score"),
         QStringLiteral("Column of P(positive): thresholded without --pred, else per-group AUC."),
         QStringLiteral("COL")},
        {QStringLiteral("group"), QStringLiteral("Group column (repeat for intersections)."),
         QStringLiteral("COL")},
        {QStringLiteral("positive"), QStringLiteral("The positive class of a binary label."),
         QStringLiteral("VALUE")},
        {QStringLiteral("threshold"), QStringLiteral("Score threshold (default 0.5)."),
         QStringLiteral("T"), QStringLiteral("0.5")},
        {QStringLiteral("min-group-size"),
         QStringLiteral("Smaller groups are too small to judge (default 30)."), QStringLiteral("N"),
         QStringLiteral("30")},
        {QStringLiteral("resamples"), QStringLiteral("Bootstrap resamples (default 1000)."),
         QStringLiteral("N"), QStringLiteral("1000")},
        {QStringLiteral("seed"), QStringLiteral("Bootstrap seed (default 1)."), QStringLiteral("S"),
         QStringLiteral("1")},
        {QStringLiteral("bins"), QStringLiteral("Quantile bins of continuous group columns."),
         QStringLiteral("N"), QStringLiteral("4")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
        {QStringLiteral("report"), QStringLiteral("Also write an HTML or PDF report (by suffix)."),
         QStringLiteral("FILE")},
        {QStringLiteral("scan"),
         QStringLiteral("Search intersections of the group columns (every other column without "
                        "--group) for the subgroups the model serves worst.")},
    });
    addSubgroupScanOptions(p);
    parseOrExit(p, arguments);
    const QString csv = p.positionalArguments().value(1);
    AuditOptions o;
    o.labelColumn = p.value(QStringLiteral("label"));
    o.predictionColumn = p.value(QStringLiteral("pred"));
    o.scoreColumn = p.value(QStringLiteral("score"));
    o.groupColumns = p.values(QStringLiteral("group"));
    o.positiveLabel = p.value(QStringLiteral("positive"));
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false, ok5 = false;
    o.threshold = p.value(QStringLiteral("threshold")).toDouble(&ok1);
    o.minGroupSize = p.value(QStringLiteral("min-group-size")).toInt(&ok2);
    o.resamples = p.value(QStringLiteral("resamples")).toInt(&ok3);
    o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok4);
    o.bins = p.value(QStringLiteral("bins")).toInt(&ok5);
    const bool scan = p.isSet(QStringLiteral("scan"));
    if (csv.isEmpty() || o.labelColumn.isEmpty() ||
        (o.predictionColumn.isEmpty() && o.scoreColumn.isEmpty()) ||
        (o.groupColumns.isEmpty() && !scan))
        return fail(QStringLiteral("usage: equiscope-cli audit PREDICTIONS.csv --label COL --pred "
                                   "COL [--score COL] --group COL [--group COL...] [--json] | "
                                   "--scan [--group COL...]"),
                    2);
    if (!ok1 || !ok2 || !ok3 || !ok4 || !ok5)
        return fail(QStringLiteral("--threshold, --min-group-size, --resamples, --seed and --bins "
                                   "need numbers"),
                    2);
    if (!(o.threshold >= 0 && o.threshold <= 1)) // false for NaN too
        return fail(QStringLiteral("--threshold: expected a probability from 0 to 1, found '%1'")
                        .arg(p.value(QStringLiteral("threshold"))),
                    2);
    if (o.minGroupSize < 1 || o.resamples < 0 || o.resamples > 1000000 || o.bins < 2 ||
        o.bins > 1000)
        return fail(QStringLiteral("--min-group-size must be at least 1, --resamples 0 to "
                                   "1000000, --bins 2 to 1000"),
                    2);
    if (scan)
        return runSubgroupScan(p, csv, o);
    auto result = auditPredictionsFile(csv, o);
    if (!result)
        return fail(result.error().toString());
    if (p.isSet(QStringLiteral("report")))
        if (const int code = writeAuditReport(p, result.value()))
            return code;
    if (p.isSet(QStringLiteral("json")))
        printJson(result->toJson());
    else
        printOut(result->toText());
    return 0;
}

} // namespace equiscope::cli
