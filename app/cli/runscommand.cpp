#include "runscommand.h"

#include "traincommand.h"

#include "clioutput.h"

#include "fare/runleakage.h"
#include "report/runsubgroupscan.h"
#include "store/runstore.h"
#include "subgroupscanoptions.h"
#include "util/texttable.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>

namespace equiscope::cli {

namespace {

void addStoreOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("store"),
                 QStringLiteral("Run store file (default: $EQUISCOPE_STORE or %1).")
                     .arg(defaultStorePath()),
                 QStringLiteral("PATH")});
}

QString storePath(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("store")) ? p.value(QStringLiteral("store")) : defaultStorePath();
}

Expected<std::unique_ptr<RunStore>> openExisting(const QString &path)
{
    RunStoreOptions o;
    o.create = false;
    auto store = RunStore::open(path, o);
    if (store && store.value()->isReadOnly())
        std::fprintf(stderr, "note: %s is read-only: opened for reading\n",
                     qPrintable(QFileInfo(path).absoluteFilePath()));
    return store;
}

/// Warns on stderr about every problem of @p runs' stored rows (RunRecord::problems); returns
/// the exit code: kExitData when there was one, so a damaged store never reads as a clean one.
int warnAboutDamagedRows(const QString &storePath, const QVector<RunRecord> &runs)
{
    int code = 0;
    for (const RunRecord &r : runs)
        for (const QString &problem : r.problems) {
            std::fprintf(stderr, "warning: %s: run %s: %s\n",
                         qPrintable(QFileInfo(storePath).absoluteFilePath()), qPrintable(r.id),
                         qPrintable(problem));
            code = kExitData;
        }
    return code;
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

QString when(const QDateTime &t)
{
    return t.isValid() ? storeTimestamp(t) : QStringLiteral("-");
}

QJsonValue optionalValue(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject runJson(const RunRecord &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("method"), r.method},
            {QStringLiteral("family"), runFamilyName(r.family)},
            {QStringLiteral("status"), runStatusName(r.status)},
            {QStringLiteral("statusMessage"), r.statusMessage},
            {QStringLiteral("created"), storeTimestamp(r.createdAt)},
            {QStringLiteral("started"), storeTimestamp(r.startedAt)},
            {QStringLiteral("finished"), storeTimestamp(r.finishedAt)},
            {QStringLiteral("currentEpoch"), r.currentEpoch},
            {QStringLiteral("seed"), QString::number(r.seed)},
            {QStringLiteral("config"), r.config},
            {QStringLiteral("versions"), r.versions},
            {QStringLiteral("datasetFingerprint"), r.datasetFingerprint},
            {QStringLiteral("datasetSpec"), r.datasetSpec},
            {QStringLiteral("ownerPid"), r.ownerPid},
            {QStringLiteral("ownerHost"), r.ownerHost},
            {QStringLiteral("heartbeat"), storeTimestamp(r.heartbeatAt)},
            {QStringLiteral("notes"), r.notes}};
}

int list(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List the runs of a run store, newest first."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("list"), QStringLiteral("Command."));
    addStoreOption(p);
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    p.addOption({QStringLiteral("status"), QStringLiteral("Only runs with this status."),
                 QStringLiteral("STATUS")});
    parseOrExit(p, args);
    RunFilter filter;
    if (p.isSet(QStringLiteral("status"))) {
        filter.status = runStatusFromName(p.value(QStringLiteral("status")));
        if (!filter.status)
            return fail(QStringLiteral("--status must be one of queued, running, finished, "
                                       "cancelled, failed, interrupted"),
                        2);
    }
    const QString path = storePath(p);
    QVector<RunRecord> runs;
    if (QFileInfo::exists(path)) { // an absent store simply has no runs yet
        auto store = openExisting(path);
        if (!store)
            return fail(store.error().toString());
        auto found = store.value()->runs(filter);
        if (!found)
            return fail(found.error().toString());
        runs = found.value();
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const RunRecord &r : runs) {
            QJsonObject o = runJson(r);
            o.remove(QStringLiteral("config"));
            o.remove(QStringLiteral("datasetSpec"));
            array.append(o);
        }
        printJson({{QStringLiteral("store"), QFileInfo(path).absoluteFilePath()},
                   {QStringLiteral("runs"), array}});
        return warnAboutDamagedRows(path, runs);
    }
    if (runs.isEmpty()) {
        printOut(QStringLiteral("no runs in %1\n").arg(path));
        return 0;
    }
    QVector<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("NAME"),
                               QStringLiteral("METHOD"), QStringLiteral("STATUS"),
                               QStringLiteral("EPOCH"), QStringLiteral("CREATED")}};
    for (const RunRecord &r : runs)
        rows.append({r.id.left(8), r.name.isEmpty() ? QStringLiteral("-") : r.name, r.method,
                     runStatusName(r.status),
                     r.currentEpoch < 0 ? QStringLiteral("-") : QString::number(r.currentEpoch),
                     when(r.createdAt)});
    printOut(alignedColumns(rows));
    return warnAboutDamagedRows(path, runs);
}

int show(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Show a run: config, status, epochs, final metrics."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("show"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"),
                            QStringLiteral("Run id, unique id prefix or unique name."));
    addStoreOption(p);
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    parseOrExit(p, args);
    const QString key = p.positionalArguments().value(1);
    if (key.isEmpty())
        return fail(QStringLiteral("a RUN (id, id prefix or name) is required"), 2);
    auto store = openExisting(storePath(p));
    if (!store)
        return fail(store.error().toString());
    RunStore &s = *store.value();
    auto id = s.resolveRun(key);
    if (!id)
        return fail(id.error().toString());
    auto run = s.run(id.value());
    auto epochs = s.epochs(id.value());
    auto metrics = s.metrics(id.value());
    auto artifacts = s.artifacts(id.value());
    if (!run || !epochs || !metrics || !artifacts)
        return fail(!run       ? run.error().toString()
                    : !epochs  ? epochs.error().toString()
                    : !metrics ? metrics.error().toString()
                               : artifacts.error().toString());
    const RunRecord &r = run.value();
    const int code = warnAboutDamagedRows(storePath(p), {r});

    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray ej, mj, aj;
        for (const EpochRecord &e : epochs.value())
            ej.append(QJsonObject{{QStringLiteral("epoch"), e.epoch},
                                  {QStringLiteral("metrics"), e.metrics},
                                  {QStringLiteral("seconds"), e.wallSeconds},
                                  {QStringLiteral("recorded"), storeTimestamp(e.recordedAt)}});
        for (const MetricRow &m : metrics.value())
            mj.append(QJsonObject{
                {QStringLiteral("name"), m.name},
                {QStringLiteral("value"), m.value},
                {QStringLiteral("ciLow"), optionalValue(m.ciLow)},
                {QStringLiteral("ciHigh"), optionalValue(m.ciHigh)},
                {QStringLiteral("group"), m.group.isEmpty() ? QJsonValue() : QJsonValue(m.group)},
                {QStringLiteral("groupSize"),
                 m.groupSize ? QJsonValue(*m.groupSize) : QJsonValue()}});
        for (const ArtifactRecord &a : artifacts.value())
            aj.append(QJsonObject{
                {QStringLiteral("kind"), a.kind},
                {QStringLiteral("epoch"), a.epoch ? QJsonValue(*a.epoch) : QJsonValue()},
                {QStringLiteral("name"), a.name},
                {QStringLiteral("mime"), a.mime},
                {QStringLiteral("size"), a.size},
                {QStringLiteral("sha256"), a.sha256},
                {QStringLiteral("external"), !a.externalPath.isEmpty()}});
        printJson({{QStringLiteral("run"), runJson(r)},
                   {QStringLiteral("epochs"), ej},
                   {QStringLiteral("finalMetrics"), mj},
                   {QStringLiteral("artifacts"), aj}});
        return code;
    }

    QString out = QStringLiteral("run %1  %2\n").arg(r.id, r.name);
    out += QStringLiteral("  method: %1 (%2)\n").arg(r.method, runFamilyName(r.family));
    out +=
        QStringLiteral("  status: %1%2\n")
            .arg(runStatusName(r.status),
                 r.statusMessage.isEmpty() ? QString() : QStringLiteral(" — ") + r.statusMessage);
    out += QStringLiteral("  created %1, started %2, finished %3\n")
               .arg(when(r.createdAt), when(r.startedAt), when(r.finishedAt));
    out += QStringLiteral("  seed: %1  dataset: %2\n")
               .arg(QString::number(r.seed),
                    r.datasetFingerprint.isEmpty() ? QStringLiteral("-") : r.datasetFingerprint);
    if (r.ownerPid > 0)
        out += QStringLiteral("  owner: process %1 on %2, last heartbeat %3\n")
                   .arg(QString::number(r.ownerPid), r.ownerHost, when(r.heartbeatAt));
    if (!r.notes.isEmpty())
        out += QStringLiteral("  notes: %1\n").arg(r.notes);
    out += QStringLiteral("config:\n");
    for (const QString &line :
         QString::fromUtf8(QJsonDocument(r.config).toJson()).trimmed().split(QLatin1Char('\n')))
        out += QStringLiteral("  ") + line + QLatin1Char('\n');

    out += QStringLiteral("epochs: %1\n").arg(epochs->size());
    if (!epochs->isEmpty()) {
        std::set<QString> keys;
        for (const EpochRecord &e : epochs.value())
            for (auto it = e.metrics.begin(); it != e.metrics.end(); ++it)
                keys.insert(it.key());
        QStringList header{QStringLiteral("EPOCH"), QStringLiteral("SECONDS")};
        for (const QString &k : keys)
            header.append(k);
        QVector<QStringList> rows{header};
        for (const EpochRecord &e : epochs.value()) {
            QStringList row{QString::number(e.epoch), number(e.wallSeconds)};
            for (const QString &k : keys) {
                const QJsonValue v = e.metrics.value(k);
                row.append(v.isDouble() ? number(v.toDouble())
                           : v.isUndefined()
                               ? QStringLiteral("-")
                               : QString::fromUtf8(
                                     QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                                     .mid(1)
                                     .chopped(1));
            }
            rows.append(row);
        }
        out += alignedColumns(rows);
    }

    out += QStringLiteral("final metrics: %1\n").arg(metrics->size());
    if (!metrics->isEmpty()) {
        QVector<QStringList> rows{{QStringLiteral("METRIC"), QStringLiteral("GROUP"),
                                   QStringLiteral("N"), QStringLiteral("VALUE"),
                                   QStringLiteral("95% CI")}};
        for (const MetricRow &m : metrics.value())
            rows.append({m.name, m.group.isEmpty() ? QStringLiteral("all") : m.group,
                         m.groupSize ? QString::number(*m.groupSize) : QStringLiteral("-"),
                         number(m.value),
                         m.ciLow && m.ciHigh
                             ? QStringLiteral("[%1, %2]").arg(number(*m.ciLow), number(*m.ciHigh))
                             : QStringLiteral("-")});
        out += alignedColumns(rows);
    }
    if (!artifacts->isEmpty()) {
        out += QStringLiteral("artifacts: %1\n").arg(artifacts->size());
        QVector<QStringList> rows{{QStringLiteral("KIND"), QStringLiteral("EPOCH"),
                                   QStringLiteral("NAME"), QStringLiteral("SIZE"),
                                   QStringLiteral("STORED")}};
        for (const ArtifactRecord &a : artifacts.value())
            rows.append(
                {a.kind, a.epoch ? QString::number(*a.epoch) : QStringLiteral("-"),
                 a.name.isEmpty() ? QStringLiteral("-") : a.name,
                 QLocale::c().formattedDataSize(a.size),
                 a.externalPath.isEmpty() ? QStringLiteral("inline") : QStringLiteral("file")});
        out += alignedColumns(rows);
    }
    printOut(out);
    return code;
}

int remove(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Delete a run with its epochs, metrics and artifacts."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("delete"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"),
                            QStringLiteral("Run id, unique id prefix or unique name."));
    addStoreOption(p);
    parseOrExit(p, args);
    const QString key = p.positionalArguments().value(1);
    if (key.isEmpty())
        return fail(QStringLiteral("a RUN (id, id prefix or name) is required"), 2);
    auto store = openExisting(storePath(p));
    if (!store)
        return fail(store.error().toString());
    auto id = store.value()->resolveRun(key);
    if (!id)
        return fail(id.error().toString());
    auto deleted = store.value()->deleteRun(id.value());
    if (!deleted)
        return fail(deleted.error().toString());
    printOut(QStringLiteral("deleted run %1\n").arg(id.value()));
    return 0;
}

int merge(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Copy the runs of several stores into one; runs already there are skipped, conflicting "
        "ones are reported and left unchanged (exit code 1: a data error)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("merge"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("Store files to read."),
                            QStringLiteral("SOURCE.sqlite..."));
    p.addOption({QStringLiteral("into"), QStringLiteral("Target store (created when missing)."),
                 QStringLiteral("PATH")});
    parseOrExit(p, args);
    const QStringList sources = p.positionalArguments().mid(1);
    const QString into = p.value(QStringLiteral("into"));
    if (sources.isEmpty() || into.isEmpty())
        return fail(
            QStringLiteral("usage: equiscope-cli runs merge A.sqlite B.sqlite... --into C.sqlite"),
            2);
    auto report = RunStore::mergeStores(sources, into);
    if (!report)
        return fail(report.error().toString());
    const MergeReport &r = report.value();
    QString out = QStringLiteral(
                      "merged %1 store(s) into %2: %3 copied, %4 already present, %5 conflicting\n")
                      .arg(sources.size())
                      .arg(into)
                      .arg(r.copied.size())
                      .arg(r.skipped.size())
                      .arg(r.conflicts.size());
    for (const MergeConflict &c : r.conflicts)
        out += QStringLiteral("  conflict: run %1 from %2: %3\n").arg(c.runId, c.source, c.reason);
    printOut(out);
    if (!r.conflicts.isEmpty())
        return fail(QStringLiteral("%1 conflicting run(s) were not merged into %2 (listed above)")
                        .arg(r.conflicts.size())
                        .arg(into),
                    1);
    return 0;
}

int exportRuns(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Export metrics: one row per run, scope, metric and group."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("export"), QStringLiteral("Command."));
    addStoreOption(p);
    p.addOption({QStringLiteral("format"), QStringLiteral("Output format: csv."),
                 QStringLiteral("FORMAT"), QStringLiteral("csv")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output file (default: standard output)."),
                 QStringLiteral("FILE")});
    parseOrExit(p, args);
    if (p.value(QStringLiteral("format")) != QLatin1String("csv"))
        return fail(
            QStringLiteral("--format must be csv, got '%1'").arg(p.value(QStringLiteral("format"))),
            2);
    auto store = openExisting(storePath(p));
    if (!store)
        return fail(store.error().toString());
    if (!p.isSet(QStringLiteral("out"))) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write to standard output"));
        auto written = store.value()->exportMetricsCsv(&out);
        return written ? 0 : fail(written.error().toString());
    }
    const QString path = p.value(QStringLiteral("out"));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
    auto written = store.value()->exportMetricsCsv(&out);
    if (!written)
        return fail(written.error().toString());
    if (!out.commit())
        return fail(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
    printOut(QStringLiteral("wrote %1\n").arg(path));
    return 0;
}

/// The end of a run-analysis command (leakage, scan): @p result as one JSON object with --json,
/// as text otherwise, or its error; the exit code.
template <typename Result>
int printAnalysis(const QCommandLineParser &p, const Expected<Result> &result)
{
    if (!result)
        return fail(result.error().toString());
    if (p.isSet(QStringLiteral("json")))
        printJson(result->toJson());
    else
        printOut(result->toText());
    return 0;
}

int leakage(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "How well each attribute of a run's dataset can be read off its frozen representation: a "
        "linear probe per attribute (accuracy or R², out of fold, 95 % bootstrap interval), beside "
        "a baseline run's representation and the raw pixels of the same test images."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("leakage"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"),
                            QStringLiteral("Run id, unique id prefix or unique name."));
    addStoreOption(p);
    p.addOption({QStringLiteral("baseline"),
                 QStringLiteral("A second FARE-family run to compare with (e.g. InfoNCE)."),
                 QStringLiteral("RUN")});
    p.addOption({QStringLiteral("no-raw-pixels"), QStringLiteral("Skip the raw-pixel probe.")});
    p.addOption({QStringLiteral("folds"), QStringLiteral("Cross-validation folds (default 5)."),
                 QStringLiteral("N"), QStringLiteral("5")});
    p.addOption({QStringLiteral("resamples"),
                 QStringLiteral("Bootstrap resamples of the intervals (default 1000)."),
                 QStringLiteral("N"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    parseOrExit(p, args);
    const QString key = p.positionalArguments().value(1);
    if (key.isEmpty())
        return fail(QStringLiteral("a RUN (id, id prefix or name) is required"), 2);
    RunLeakageRequest r;
    r.storePath = storePath(p);
    r.run = key;
    r.baseline = p.value(QStringLiteral("baseline"));
    r.rawPixels = !p.isSet(QStringLiteral("no-raw-pixels"));
    QString error;
    qint64 folds = 0, resamples = 0;
    if (!boundedIntOption(p, QStringLiteral("folds"), 2, 20, &folds, &error) ||
        !boundedIntOption(p, QStringLiteral("resamples"), 0, 100000, &resamples, &error))
        return fail(error, 2);
    r.options.folds = int(folds);
    r.options.resamples = int(resamples);
    return printAnalysis(p, measureRunLeakage(r));
}

int scan(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "The subgroups a finished run serves worst: intersections of up to 3 attributes of its "
        "dataset (binned numeric ones included) searched over the run's own test predictions, "
        "scored by a likelihood ratio, with 95 % intervals and a search-wide permutation "
        "p-value."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("scan"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"),
                            QStringLiteral("Run id, unique id prefix or unique name."));
    addStoreOption(p);
    p.addOption({QStringLiteral("attributes"),
                 QStringLiteral("Attributes searched, comma separated (default: all but the "
                                "target)."),
                 QStringLiteral("A,B")});
    p.addOption({QStringLiteral("min-group-size"),
                 QStringLiteral("Smaller subgroups are never scored (default 30)."),
                 QStringLiteral("N"), QStringLiteral("30")});
    p.addOption({QStringLiteral("bins"),
                 QStringLiteral("Quantile bins of numeric attributes (default 4)."),
                 QStringLiteral("N"), QStringLiteral("4")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the null scans (default 1)."),
                 QStringLiteral("S"), QStringLiteral("1")});
    addSubgroupScanOptions(p);
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    parseOrExit(p, args);
    const QString key = p.positionalArguments().value(1);
    if (key.isEmpty())
        return fail(QStringLiteral("a RUN (id, id prefix or name) is required"), 2);
    RunSubgroupScanRequest r;
    r.storePath = storePath(p);
    r.run = key;
    r.attributes =
        p.value(QStringLiteral("attributes")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (const int code = readSubgroupScanOptions(p, &r.options))
        return code;
    QString error;
    qint64 minSize = 0, bins = 0, seed = 0;
    if (!boundedIntOption(p, QStringLiteral("min-group-size"), 1, 1000000000, &minSize, &error) ||
        !boundedIntOption(p, QStringLiteral("bins"), 2, 1000, &bins, &error) ||
        !boundedIntOption(p, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), &seed,
                          &error))
        return fail(error, 2);
    r.options.minGroupSize = minSize;
    r.options.bins = int(bins);
    r.options.seed = quint64(seed);
    return printAnalysis(p, scanRunSubgroups(r));
}

} // namespace

int runRunsCommand(const QStringList &arguments)
{
    // arguments: [program, "runs", sub, ...]; sub-parsers see [program, sub, ...].
    QStringList args = arguments;
    args.removeAt(1);
    const QString sub = args.value(1);
    if (sub == QLatin1String("list"))
        return list(args);
    if (sub == QLatin1String("show"))
        return show(args);
    if (sub == QLatin1String("delete"))
        return remove(args);
    if (sub == QLatin1String("merge"))
        return merge(args);
    if (sub == QLatin1String("export"))
        return exportRuns(args);
    if (sub == QLatin1String("resume"))
        return runResumeCommand(args);
    if (sub == QLatin1String("leakage"))
        return leakage(args);
    if (sub == QLatin1String("scan"))
        return scan(args);
    return fail(QStringLiteral("usage: equiscope-cli runs "
                               "list|show|resume|delete|merge|export|leakage|scan ... (got '%1')")
                    .arg(sub),
                2);
}

} // namespace equiscope::cli
