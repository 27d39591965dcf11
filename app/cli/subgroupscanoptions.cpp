#include "subgroupscanoptions.h"

#include "clioutput.h"

#include <QCommandLineParser>

namespace equiscope::cli {

void addSubgroupScanOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("scan-metric"),
         QStringLiteral("What the scan compares: error (default), fnr, fpr or selection."),
         QStringLiteral("M"), QStringLiteral("error")},
        {QStringLiteral("max-conditions"),
         QStringLiteral("Attributes in one subgroup, 1 to 3 (default 3)."), QStringLiteral("N"),
         QStringLiteral("3")},
        {QStringLiteral("null-scans"),
         QStringLiteral("Scans of shuffled outcomes for the search-wide p-value (default 199)."),
         QStringLiteral("N"), QStringLiteral("199")},
        {QStringLiteral("alpha"),
         QStringLiteral("Significance level of a reported subgroup (default 0.05)."),
         QStringLiteral("A"), QStringLiteral("0.05")},
        {QStringLiteral("top"), QStringLiteral("Subgroups reported (default 10)."),
         QStringLiteral("N"), QStringLiteral("10")},
    });
}

int readSubgroupScanOptions(const QCommandLineParser &p, SubgroupScanOptions *o)
{
    auto metric = subgroupMetricFromName(p.value(QStringLiteral("scan-metric")));
    if (!metric)
        return fail(
            QStringLiteral("--scan-metric: expected error, fnr, fpr or selection, found '%1'")
                .arg(p.value(QStringLiteral("scan-metric"))),
            2);
    o->metric = metric.value();
    QString error;
    qint64 conditions = 0, nullScans = 0, top = 0;
    if (!boundedIntOption(p, QStringLiteral("max-conditions"), 1, 3, &conditions, &error) ||
        !boundedIntOption(p, QStringLiteral("null-scans"), 0, 100000, &nullScans, &error) ||
        !boundedIntOption(p, QStringLiteral("top"), 1, 1000, &top, &error))
        return fail(error, 2);
    bool alphaOk = false;
    o->alpha = p.value(QStringLiteral("alpha")).toDouble(&alphaOk);
    if (!alphaOk || !(o->alpha > 0 && o->alpha < 1))
        return fail(QStringLiteral("--alpha: expected a number between 0 and 1, found '%1'")
                        .arg(p.value(QStringLiteral("alpha"))),
                    2);
    o->maxConditions = int(conditions);
    o->nullReplicates = int(nullScans);
    o->top = int(top);
    return 0;
}

} // namespace equiscope::cli
