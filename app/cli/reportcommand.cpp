#include "reportcommand.h"

#include "clioutput.h"

#include "report/reportbuilder.h"
#include "store/runstore.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace equiscope::cli {

int runReportCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Write a self-contained HTML or a PDF report of one run, or a comparison of several: "
        "dataset and group sizes, configs, training curves, metrics with CIs and definitions, "
        "per-group charts, attention maps, Pareto plot, environment and model card."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("report"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run ids, id prefixes or names."),
                            QStringLiteral("RUN..."));
    p.addOptions({
        {QStringLiteral("format"), QStringLiteral("html or pdf (default: from --out's suffix)."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("FILE")},
        {QStringLiteral("store"),
         QStringLiteral("Run store (default: $EQUISCOPE_STORE or the "
                        "user's data folder)."),
         QStringLiteral("PATH")},
        {QStringLiteral("no-dataset"),
         QStringLiteral("Do not reopen the datasets for their summary.")},
        {QStringLiteral("no-context"),
         QStringLiteral("Pareto plot of the named runs only (not the store's other runs on the "
                        "same data).")},
        {QStringLiteral("bias-discovery"),
         QStringLiteral(
             "Add a Bias discovery section: the association scan of the dataset and "
             "the representation leakage of each FARE-family run (seconds to minutes).")},
        {QStringLiteral("pareto-y"),
         QStringLiteral("Fairness metric of the Pareto plot's y axis (default: bias_mse, else "
                        "equalized_odds_difference, ...)."),
         QStringLiteral("METRIC")},
    });
    parseOrExit(p, arguments);
    const QStringList keys = p.positionalArguments().mid(1);
    const QString out = p.value(QStringLiteral("out"));
    if (keys.isEmpty() || out.isEmpty())
        return fail(
            QStringLiteral("usage: equiscope-cli report RUN... --format html|pdf --out FILE "
                           "[--store PATH]"),
            2);
    QString formatName = p.value(QStringLiteral("format"));
    if (formatName.isEmpty())
        formatName = QFileInfo(out).suffix().toLower() == QLatin1String("pdf")
                         ? QStringLiteral("pdf")
                         : QStringLiteral("html");
    const auto format = reportFormatFromName(formatName);
    if (!format)
        return fail(QStringLiteral("--format must be html or pdf, got '%1'").arg(formatName), 2);
    const QString store =
        p.isSet(QStringLiteral("store")) ? p.value(QStringLiteral("store")) : defaultStorePath();
    ReportOptions options;
    options.openDatasets = !p.isSet(QStringLiteral("no-dataset"));
    options.paretoContext = !p.isSet(QStringLiteral("no-context"));
    options.paretoY = p.value(QStringLiteral("pareto-y"));
    options.biasDiscovery = p.isSet(QStringLiteral("bias-discovery"));
    auto written = exportRunReport(store, keys, *format, out, options);
    if (!written)
        return fail(written.error().toString());
    printOut(written.value() + QLatin1Char('\n'));
    return 0;
}

} // namespace equiscope::cli
