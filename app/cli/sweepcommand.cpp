#include "sweepcommand.h"

#include "clioutput.h"
#include "jobrunner.h"
#include "parallellaunch.h"
#include "slurmarray.h"

#include "families/familyregistry.h"
#include "families/methodfamily.h"
#include "families/sweepplan.h"
#include "jobs/runjob.h"
#include "store/runstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <cstdio>
#include <memory>
#include <vector>

namespace equiscope::cli {

namespace {

/// Where a point stands, from its shard store.
struct PointState
{
    QString status = QStringLiteral("pending"); ///< pending | a RunStatus name
    QString runId;
    qint64 epochs = 0; ///< epochs the run has recorded
    bool finished() const { return status == QLatin1String("finished"); }
};

PointState pointState(const QString &dir, int index)
{
    PointState s;
    const QString shard = SweepPlan::shardPath(dir, index);
    if (!QFileInfo::exists(shard))
        return s;
    auto store = RunStore::open(shard);
    if (!store) {
        s.status = QStringLiteral("unreadable");
        return s;
    }
    auto runs = store.value()->runs();
    if (!runs || runs->isEmpty())
        return s;
    // A finished run wins; otherwise the newest run says where the point stands.
    const RunRecord *shown = &runs->first();
    for (const RunRecord &r : runs.value())
        if (r.status == RunStatus::Finished) {
            shown = &r;
            break;
        }
    s.status = runStatusName(shown->status);
    s.runId = shown->id;
    if (auto epochs = store.value()->epochs(s.runId))
        s.epochs = qint64(epochs->size());
    return s;
}

Expected<SweepPlan> readPlan(const QString &dir)
{
    if (dir.isEmpty()) {
        DataError e;
        e.detail = QStringLiteral("name the sweep folder");
        return e;
    }
    return SweepPlan::read(dir);
}

int create(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Write a sweep as files: one run config per grid point of the axes × seeds "
                       "over a base run config (any family), plus a manifest."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("create"), QStringLiteral("Subcommand."));
    p.addOptions(
        {{QStringLiteral("config"),
          QStringLiteral("Base run config JSON (e.g. from 'train --print-config')."),
          QStringLiteral("FILE")},
         {QStringLiteral("grid"),
          QStringLiteral("An axis: KEY=V1,V2,… (repeatable). KEY is a method option or a "
                         "config key (dotted for nested ones)."),
          QStringLiteral("KEY=VALUES")},
         {QStringLiteral("seeds"), QStringLiteral("Seeds, comma separated."),
          QStringLiteral("S1,S2")},
         {QStringLiteral("out"), QStringLiteral("The sweep folder."), QStringLiteral("DIR")}});
    parseOrExit(p, args);
    if (!p.isSet(QStringLiteral("config")) || !p.isSet(QStringLiteral("out")))
        return fail(QStringLiteral("usage: equiscope-cli sweep create --config FILE --grid "
                                   "KEY=V1,V2 [--grid …] [--seeds S1,S2] --out DIR"),
                    kExitUsage);
    QFile f(p.value(QStringLiteral("config")));
    if (!f.open(QIODevice::ReadOnly) || f.size() > (4 << 20))
        return fail(QStringLiteral("%1: cannot read (%2)").arg(f.fileName(), f.errorString()));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (!doc.isObject())
        return fail(
            QStringLiteral("%1: not a JSON object (%2)").arg(f.fileName(), err.errorString()));
    QList<SweepAxis> axes;
    for (const QString &g : p.values(QStringLiteral("grid"))) {
        const int eq = g.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("--grid expects KEY=V1,V2, got '%1'").arg(g), kExitUsage);
        axes << SweepAxis{g.left(eq), g.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)};
    }
    const QStringList seeds =
        p.value(QStringLiteral("seeds")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto plan = SweepPlan::create(doc.object(), axes, seeds);
    if (!plan)
        return fail(plan.error().toString(), kExitUsage);
    const QString dir = p.value(QStringLiteral("out"));
    if (auto written = plan->write(dir); !written)
        return fail(written.error().toString());
    std::fprintf(stderr, "sweep: %lld runs of %s written to %s\n",
                 static_cast<long long>(plan->points().size()),
                 qPrintable(runFamilyName(plan->family())), qPrintable(dir));
    printJson(QJsonObject{{QStringLiteral("sweep"), QFileInfo(dir).absoluteFilePath()},
                          {QStringLiteral("runs"), int(plan->points().size())}});
    return 0;
}

/// `sweep task DIR INDEX`: one point, in this process (a Slurm array task, or `run --local`).
int task(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Train one point of a sweep into its shard store: resumes it when a run of "
                       "it was interrupted, does nothing when it has finished."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("task"), QStringLiteral("Subcommand."));
    p.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The sweep folder."));
    p.addPositionalArgument(QStringLiteral("INDEX"), QStringLiteral("The point (0-based)."));
    p.addOption(nprocOption());
    parseOrExit(p, args);
    if (const int launched = launchRanksIfAsked(args); launched >= 0)
        return launched;
    const QString dir = p.positionalArguments().value(1);
    bool ok = false;
    const int index = p.positionalArguments().value(2).toInt(&ok);
    auto plan = readPlan(dir);
    if (!plan)
        return fail(plan.error().toString());
    if (!ok || index < 0 || index >= plan->points().size())
        return fail(QStringLiteral("sweep task: INDEX must be 0 … %1, got '%2'")
                        .arg(plan->points().size() - 1)
                        .arg(p.positionalArguments().value(2)),
                    kExitUsage);
    const SweepPlan::Point &point = plan->points()[index];
    const MethodFamily *family = FamilyRegistry::instance().family(plan->family());
    QString error;
    QString shard = SweepPlan::shardPath(dir, index);
    // Other ranks of a data-parallel task train into a scratch store; rank 0 owns the shard.
    if (const QString scratch = scratchStoreForThisRank(&error); !scratch.isEmpty())
        shard = scratch;
    else if (!error.isEmpty())
        return fail(error, kExitUsage);
    const PointState state = pointState(dir, index);
    if (shard == SweepPlan::shardPath(dir, index) && state.finished()) {
        std::fprintf(stderr, "sweep: point %d (%s) has finished\n", index, qPrintable(point.name));
        return 0;
    }
    std::unique_ptr<RunJob> job;
    if (shard == SweepPlan::shardPath(dir, index) && !state.runId.isEmpty()) {
        job.reset(FamilyRegistry::instance().resume(state.runId, shard, &error));
        if (!job)
            return fail(error);
    } else {
        auto created = family->createJob(point.config, shard);
        if (!created)
            return fail(created.error().toString(), kExitUsage);
        job.reset(created.value());
    }
    std::fprintf(stderr, "sweep: point %d: %s\n", index, qPrintable(point.name));
    return runJobInTerminal(job.get(), shard);
}

/// `sweep run DIR --local N [--nproc M]`: the points that have not finished, N at a time, each
/// as M processes of one data-parallel run.
int runLocal(const QString &dir, const SweepPlan &plan, int parallel, int processes)
{
    QList<int> todo;
    for (const auto &point : plan.points())
        if (!pointState(dir, point.index).finished())
            todo << point.index;
    std::fprintf(stderr, "sweep: %lld of %lld points to run, %d at a time\n",
                 static_cast<long long>(todo.size()), static_cast<long long>(plan.points().size()),
                 parallel);
    struct Running
    {
        int index;
        std::unique_ptr<QProcess> process;
    };
    std::vector<Running> running;
    int failed = 0, next = 0;
    while (next < todo.size() || !running.empty()) {
        while (next < todo.size() && int(running.size()) < parallel) {
            const int index = todo[next++];
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::MergedChannels);
            process->setStandardOutputFile(SweepPlan::logPath(dir, index));
            QStringList taskArguments{QStringLiteral("sweep"), QStringLiteral("task"), dir,
                                      QString::number(index)};
            if (processes > 1)
                taskArguments << QStringLiteral("--nproc") << QString::number(processes);
            process->start(QCoreApplication::applicationFilePath(), taskArguments);
            running.push_back({index, std::move(process)});
        }
        for (auto it = running.begin(); it != running.end();) {
            it->process->waitForFinished(100);
            if (it->process->state() != QProcess::NotRunning) {
                ++it;
                continue;
            }
            const bool ok =
                it->process->exitStatus() == QProcess::NormalExit && it->process->exitCode() == 0;
            failed += ok ? 0 : 1;
            std::fprintf(stderr, "sweep: point %d %s (log: %s)\n", it->index,
                         ok ? "finished" : "failed",
                         qPrintable(SweepPlan::logPath(dir, it->index)));
            it = running.erase(it);
        }
    }
    return failed == 0 ? 0 : kExitData;
}

int run(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Run a sweep's unfinished points: here, N at a time (--local N), or as a "
                       "Slurm job array (--slurm), one shard store per point."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("run"), QStringLiteral("Subcommand."));
    p.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The sweep folder."));
    p.addOptions(
        {{QStringLiteral("local"), QStringLiteral("Run here, N points at a time."),
          QStringLiteral("N")},
         {QStringLiteral("slurm"), QStringLiteral("Submit a Slurm job array (sbatch).")},
         {QStringLiteral("partition"), QStringLiteral("Slurm partition."), QStringLiteral("NAME")},
         {QStringLiteral("time"), QStringLiteral("Slurm time limit per point, e.g. 02:00:00."),
          QStringLiteral("T")},
         {QStringLiteral("nodes"),
          QStringLiteral("Nodes per point: more than 1 trains each point data-parallel over "
                         "them through srun (methods that train data-parallel)."),
          QStringLiteral("N")},
         {QStringLiteral("cpus-per-task"), QStringLiteral("Cores per point (Slurm)."),
          QStringLiteral("N")},
         {QStringLiteral("max-running"), QStringLiteral("At most N points at once (Slurm)."),
          QStringLiteral("N")},
         {QStringLiteral("nproc"),
          QStringLiteral("With --local: train each point as N processes of one data-parallel "
                         "run (methods that train data-parallel)."),
          QStringLiteral("N")}});
    parseOrExit(p, args);
    const QString dir = p.positionalArguments().value(1);
    auto plan = readPlan(dir);
    if (!plan)
        return fail(plan.error().toString());
    if (p.isSet(QStringLiteral("local")) == p.isSet(QStringLiteral("slurm")))
        return fail(QStringLiteral("sweep run: choose --local N or --slurm"), kExitUsage);
    auto positive = [&](const QString &name, int fallback, int *value) {
        if (!p.isSet(name)) {
            *value = fallback;
            return true;
        }
        bool ok = false;
        *value = p.value(name).toInt(&ok);
        return ok && *value >= 1 && *value <= 100000;
    };
    if (p.isSet(QStringLiteral("local"))) {
        int parallel = 1;
        if (!positive(QStringLiteral("local"), 1, &parallel))
            return fail(QStringLiteral("--local needs a whole number ≥ 1"), kExitUsage);
        int processes = 1;
        if (!positive(QStringLiteral("nproc"), 1, &processes) || processes > 256)
            return fail(QStringLiteral("--nproc needs a whole number from 1 to 256"), kExitUsage);
        return runLocal(dir, plan.value(), parallel, processes);
    }
    SlurmArrayOptions options;
    options.partition = p.value(QStringLiteral("partition"));
    options.timeLimit = p.value(QStringLiteral("time"));
    if (!positive(QStringLiteral("nodes"), 1, &options.nodes) ||
        !positive(QStringLiteral("cpus-per-task"), 0, &options.cpusPerTask) ||
        !positive(QStringLiteral("max-running"), 0, &options.maxRunning))
        return fail(QStringLiteral("--nodes, --cpus-per-task and --max-running need whole "
                                   "numbers ≥ 1"),
                    kExitUsage);
    auto submitted = submitSlurmArray(dir, plan.value(), options);
    if (!submitted)
        return fail(submitted.error().toString());
    std::fprintf(stderr, "sweep: submitted Slurm job %s (%lld array tasks)\n",
                 qPrintable(submitted.value()), static_cast<long long>(plan->points().size()));
    printJson(QJsonObject{{QStringLiteral("job"), submitted.value()},
                          {QStringLiteral("tasks"), int(plan->points().size())}});
    return 0;
}

int status(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Where each point of a sweep stands: its shard's run status and, for a submitted Slurm "
        "array, the scheduler's state of its task (squeue)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("status"), QStringLiteral("Subcommand."));
    p.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The sweep folder."));
    p.addOption({QStringLiteral("json"), QStringLiteral("One JSON object on stdout.")});
    parseOrExit(p, args);
    const QString dir = p.positionalArguments().value(1);
    auto plan = readPlan(dir);
    if (!plan)
        return fail(plan.error().toString());
    const auto scheduler = slurmTaskStates(dir);
    QJsonArray points;
    int finished = 0;
    for (const auto &point : plan->points()) {
        const PointState s = pointState(dir, point.index);
        finished += s.finished() ? 1 : 0;
        QJsonObject o{{QStringLiteral("index"), point.index},
                      {QStringLiteral("name"), point.name},
                      {QStringLiteral("status"), s.status}};
        if (!s.runId.isEmpty()) {
            o.insert(QStringLiteral("run"), s.runId);
            o.insert(QStringLiteral("epochs"), s.epochs);
        }
        if (scheduler.contains(point.index))
            o.insert(QStringLiteral("slurm"), scheduler.value(point.index));
        points.append(o);
        if (!p.isSet(QStringLiteral("json")))
            printOut(
                QStringLiteral("%1  %2  %3%4\n")
                    .arg(point.index, 4)
                    .arg(s.status, -11)
                    .arg(point.name)
                    .arg(scheduler.contains(point.index)
                             ? QStringLiteral("  [slurm: %1]").arg(scheduler.value(point.index))
                             : QString()));
    }
    if (p.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("points"), points},
                              {QStringLiteral("finished"), finished},
                              {QStringLiteral("total"), int(plan->points().size())},
                              {QStringLiteral("slurm_job"), slurmJobId(dir)}});
    else
        printOut(QStringLiteral("%1 of %2 finished\n").arg(finished).arg(plan->points().size()));
    return 0;
}

int collect(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Merge a sweep's shard stores into one store (runs merge) that the GUI opens."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("collect"), QStringLiteral("Subcommand."));
    p.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The sweep folder."));
    p.addOption({QStringLiteral("into"), QStringLiteral("Target store (default DIR/sweep.sqlite)."),
                 QStringLiteral("PATH")});
    parseOrExit(p, args);
    const QString dir = p.positionalArguments().value(1);
    auto plan = readPlan(dir);
    if (!plan)
        return fail(plan.error().toString());
    QStringList shards;
    int finished = 0;
    for (const auto &point : plan->points()) {
        if (QFileInfo::exists(SweepPlan::shardPath(dir, point.index)))
            shards << SweepPlan::shardPath(dir, point.index);
        finished += pointState(dir, point.index).finished() ? 1 : 0;
    }
    const QString into = p.isSet(QStringLiteral("into"))
                             ? p.value(QStringLiteral("into"))
                             : QDir(dir).filePath(QStringLiteral("sweep.sqlite"));
    auto merged = RunStore::mergeStores(shards, into);
    if (!merged)
        return fail(merged.error().toString());
    std::fprintf(stderr,
                 "sweep: %lld runs copied, %lld already there, %lld conflicts into %s; %d of %lld "
                 "points finished\n",
                 static_cast<long long>(merged->copied.size()),
                 static_cast<long long>(merged->skipped.size()),
                 static_cast<long long>(merged->conflicts.size()), qPrintable(into), finished,
                 static_cast<long long>(plan->points().size()));
    printJson(QJsonObject{{QStringLiteral("store"), into},
                          {QStringLiteral("copied"), int(merged->copied.size())},
                          {QStringLiteral("skipped"), int(merged->skipped.size())},
                          {QStringLiteral("conflicts"), int(merged->conflicts.size())},
                          {QStringLiteral("finished"), finished},
                          {QStringLiteral("total"), int(plan->points().size())}});
    return merged->conflicts.isEmpty() ? 0 : kExitData;
}

} // namespace

int runSweepCommand(const QStringList &arguments)
{
    // arguments: [program, "sweep", sub, ...]; sub-parsers see [program, sub, ...].
    QStringList args = arguments;
    args.removeAt(1);
    const QString sub = args.value(1);
    if (sub == QLatin1String("create"))
        return create(args);
    if (sub == QLatin1String("run"))
        return run(args);
    if (sub == QLatin1String("task"))
        return task(args);
    if (sub == QLatin1String("status"))
        return status(args);
    if (sub == QLatin1String("collect"))
        return collect(args);
    return fail(
        QStringLiteral("usage: equiscope-cli sweep create|run|task|status|collect ... (got '%1')")
            .arg(sub),
        kExitUsage);
}

} // namespace equiscope::cli
