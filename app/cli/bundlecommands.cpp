#include "bundlecommands.h"

#include "clioutput.h"

#include "export/runbundle.h"
#include "store/runstore.h"

#include <QCommandLineParser>

#include <atomic>
#include <cstdio>

namespace equiscope::cli {

int runBundleCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Write one file holding a finished run: config, dataset fingerprint, split, seeds, "
        "versions, final checkpoint and metrics (a one-run SQLite run store)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("bundle"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id, id prefix or name."));
    p.addOptions({
        {QStringLiteral("out"), QStringLiteral("Bundle file (e.g. run.eqbundle)."),
         QStringLiteral("FILE")},
        {QStringLiteral("store"), QStringLiteral("Run store."), QStringLiteral("PATH")},
        {QStringLiteral("all-checkpoints"), QStringLiteral("Keep every epoch's checkpoint.")},
    });
    parseOrExit(p, arguments);
    const QString run = p.positionalArguments().value(1);
    const QString out = p.value(QStringLiteral("out"));
    if (run.isEmpty() || out.isEmpty())
        return fail(QStringLiteral("usage: equiscope-cli bundle RUN --out FILE [--store PATH]"), 2);
    BundleOptions o;
    o.allCheckpoints = p.isSet(QStringLiteral("all-checkpoints"));
    auto info = writeRunBundle(p.isSet(QStringLiteral("store")) ? p.value(QStringLiteral("store"))
                                                                : defaultStorePath(),
                               run, out, o);
    if (!info)
        return fail(info.error().toString());
    printOut(QStringLiteral("wrote %1 (%2 KB): run %3, %4 threads, split %5\n")
                 .arg(info->path)
                 .arg((info->bytes + 1023) / 1024)
                 .arg(info->runId)
                 .arg(info->manifest.value(QStringLiteral("threads")).toInt())
                 .arg(info->manifest.contains(QStringLiteral("splitNote"))
                          ? QStringLiteral("not recorded (%1)")
                                .arg(info->manifest.value(QStringLiteral("splitNote")).toString())
                          : QStringLiteral("recorded")));
    return 0;
}

int runReplayCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Retrain a bundled run and check that its epoch losses, final metrics and weights match: "
        "bit-exact on the same machine, versions and thread count, otherwise within a tolerance "
        "(exit code 0 = pass, 4 = mismatch)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("replay"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("BUNDLE"), QStringLiteral("Bundle file."));
    p.addOptions({
        {QStringLiteral("threads"), QStringLiteral("LibTorch threads (default: as recorded)."),
         QStringLiteral("N")},
        {QStringLiteral("store"),
         QStringLiteral("Record the replayed run in this store (default: a temporary one)."),
         QStringLiteral("PATH")},
        {QStringLiteral("tolerance"),
         QStringLiteral("Absolute tolerance for metrics in [0, 1] (default 0.03)."),
         QStringLiteral("T")},
        {QStringLiteral("relative-tolerance"),
         QStringLiteral("Relative tolerance for other numbers (default 0.10)."),
         QStringLiteral("R")},
        {QStringLiteral("json"), QStringLiteral("Print the comparison as JSON.")},
    });
    parseOrExit(p, arguments);
    const QString bundle = p.positionalArguments().value(1);
    if (bundle.isEmpty())
        return fail(QStringLiteral("usage: equiscope-cli replay BUNDLE [--threads N] [--json]"), 2);
    ReplayOptions o;
    o.storePath = p.value(QStringLiteral("store"));
    if (p.isSet(QStringLiteral("threads")))
        o.threads = p.value(QStringLiteral("threads")).toInt();
    if (p.isSet(QStringLiteral("tolerance")))
        o.tolerance.absolute = p.value(QStringLiteral("tolerance")).toDouble();
    if (p.isSet(QStringLiteral("relative-tolerance")))
        o.tolerance.relative = p.value(QStringLiteral("relative-tolerance")).toDouble();
    std::atomic<bool> cancel{false};
    auto report = replayBundle(
        bundle, o,
        [](const QString &m) { std::fputs((m + QLatin1Char('\n')).toUtf8().constData(), stderr); },
        cancel);
    if (!report)
        return fail(report.error().toString());
    if (p.isSet(QStringLiteral("json"))) {
        printJson(report->toJson());
    } else {
        QString out = report->summary() + QLatin1Char('\n');
        int shown = 0;
        for (const ReplayComparison &c : report->comparisons)
            if (!c.exact && shown++ < 20)
                out +=
                    QStringLiteral("  %1: %2 -> %3 (|d| %4)%5\n")
                        .arg(c.what)
                        .arg(c.original, 0, 'g', 10)
                        .arg(c.replayed, 0, 'g', 10)
                        .arg(c.difference, 0, 'g', 3)
                        .arg(c.withinTolerance ? QString() : QStringLiteral("  OUT OF TOLERANCE"));
        printOut(out);
    }
    return report->passed ? 0 : 4;
}

} // namespace equiscope::cli
