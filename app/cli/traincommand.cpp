#include "traincommand.h"
#include "families/familyregistry.h"

#include "clioutput.h"
#include "fairssltraincommand.h"
#include "jobrunner.h"
#include "parallellaunch.h"

#include "data/coloredmnist.h"
#include "data/datasetreader.h"
#include "fare/farejob.h"
#include "store/runstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <atomic>
#include <cstdio>
#include <limits>
#include <memory>

namespace equiscope::cli {

QString storePathOption(const QString &value)
{
    return value.isEmpty() ? defaultStorePath() : value;
}

int runTrainCommand(const QStringList &arguments)
{
    // The fair self-supervised family has its own stage options (fairssltraincommand.cpp);
    // clustering runs start from `cluster`, whose inputs are feature files or a trained run.
    switch (requestedTrainFamily(arguments)) {
    case RunFamily::FairSsl:
        return runFairSslTrainCommand(arguments);
    case RunFamily::Clustering:
        return fail(QStringLiteral("train: clustering methods run with 'equiscope-cli cluster' "
                                   "(see 'cluster --help')"),
                    2);
    case RunFamily::Fare:
        break;
    }
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Train a FARE-family run (fare, sparse-fare, infonce, fair-infonce, cclk). "
                       "Defaults: FARE on Colored "
                       "Fashion-MNIST, target label, sensitive rgb. For the fair self-supervised "
                       "family see 'train --method fair-ssl --help'."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("train"), QStringLiteral("Command."));
    const QList<QCommandLineOption> options{
        {QStringLiteral("config"),
         QStringLiteral("Run config JSON (the reproducible spec); flags override it."),
         QStringLiteral("FILE")},
        {QStringLiteral("method"),
         QStringLiteral("fare | sparse-fare | infonce | fair-infonce | cclk"),
         QStringLiteral("NAME")},
        {QStringLiteral("dataset"),
         QStringLiteral("Dataset path (default: Debian's Fashion-MNIST, coloured)."),
         QStringLiteral("PATH")},
        {QStringLiteral("format"), QStringLiteral("Dataset format (default colored)."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("dataset-option"),
         QStringLiteral("Dataset option KEY=VALUE (repeatable), e.g. rho=0.5."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("target"), QStringLiteral("Target attribute."), QStringLiteral("NAME")},
        {QStringLiteral("sensitive"), QStringLiteral("Sensitive attribute(s), comma separated."),
         QStringLiteral("A,B")},
        {QStringLiteral("encoder"), QStringLiteral("lenet | resnet18 | mlp"),
         QStringLiteral("NAME")},
        {QStringLiteral("epochs"), QStringLiteral("Epochs."), QStringLiteral("N")},
        {QStringLiteral("batch"), QStringLiteral("Batch size."), QStringLiteral("N")},
        {QStringLiteral("lr"), QStringLiteral("Learning rate."), QStringLiteral("LR")},
        {QStringLiteral("optimizer"), QStringLiteral("sgd | adam | adamw | lars"),
         QStringLiteral("NAME")},
        {QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S")},
        {QStringLiteral("device"), QStringLiteral("auto | cpu | cuda[:N]"), QStringLiteral("DEV")},
        {QStringLiteral("precision"),
         QStringLiteral("fp32 | bf16 | fp16: encoder and similarity products in this type, "
                        "statistics in fp32 (fp16 needs CUDA)."),
         QStringLiteral("P")},
        {QStringLiteral("threads"), QStringLiteral("LibTorch threads (0 = all cores)."),
         QStringLiteral("N")},
        {QStringLiteral("train-limit"), QStringLiteral("Train images used for training (0 = all)."),
         QStringLiteral("N")},
        {QStringLiteral("test-limit"), QStringLiteral("Test images evaluated (0 = all)."),
         QStringLiteral("N")},
        {QStringLiteral("probe-train-limit"),
         QStringLiteral("Train images used to fit the probes (0 = all)."), QStringLiteral("N")},
        {QStringLiteral("epoch-eval"),
         QStringLiteral("After every epoch, probe accuracy and fairness on N test images (and 2N "
                        "probe-training images), for per-epoch curves (0 = off)."),
         QStringLiteral("N")},
        {QStringLiteral("loss-option"),
         QStringLiteral("Loss option KEY=VALUE (repeatable), e.g. bucketSize=64, diagonal=keep."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("name"), QStringLiteral("Run name."), QStringLiteral("NAME")},
        {QStringLiteral("store"), QStringLiteral("Run store (default: the user's data folder)."),
         QStringLiteral("PATH")},
        {QStringLiteral("print-config"),
         QStringLiteral("Print the resolved run config JSON and exit.")},
        nprocOption(),
        dryRunOption(),
    };
    p.addOptions(options);
    parseOrExit(p, arguments);

    FareConfig config = FareConfig::coloredFashionMnistDefault();
    if (p.isSet(QStringLiteral("config"))) {
        QFile f(p.value(QStringLiteral("config")));
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("%1: %2").arg(f.fileName(), f.errorString()));
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
        if (!doc.isObject())
            return fail(QStringLiteral("%1: expected a JSON object, found %2 (byte %3)")
                            .arg(f.fileName(), err.errorString())
                            .arg(err.offset));
        QJsonObject merged = config.toJson();
        const QJsonObject given = doc.object();
        for (auto it = given.begin(); it != given.end(); ++it)
            merged.insert(it.key(), it.value());
        if (given.contains(QStringLiteral("method")) && !given.contains(QStringLiteral("loss")))
            merged.remove(QStringLiteral("loss"));
        auto parsed = FareConfig::fromJson(merged);
        if (!parsed)
            return fail(QStringLiteral("%1: %2").arg(f.fileName(), parsed.error().toString()));
        config = parsed.value();
    }
    QString badOption;
    auto intOption = [&](const QString &name, auto &field) -> bool {
        if (!p.isSet(name))
            return true;
        badOption = name;
        using Field = std::decay_t<decltype(field)>;
        bool ok = false;
        const qlonglong v = p.value(name).toLongLong(&ok);
        // A value the field cannot hold is refused, not wrapped (-1 as a seed, 2^40 as a batch).
        if (!ok || v < 0 || quint64(v) > quint64(std::numeric_limits<Field>::max()))
            return false;
        field = Field(v);
        return true;
    };
    if (p.isSet(QStringLiteral("method"))) {
        auto m = lossMethodFromName(p.value(QStringLiteral("method")));
        if (!m)
            return fail(m.error().toString(), 2);
        LossConfig loss;
        loss.method = m.value();
        config.loss = loss;
        if (!p.isSet(QStringLiteral("name")) && !p.isSet(QStringLiteral("config")))
            config.name.clear();
    }
    for (const QString &kv : p.values(QStringLiteral("loss-option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        auto changed = config.loss.withOption(kv.left(eq), kv.mid(eq + 1));
        if (eq <= 0 || !changed)
            return fail(eq <= 0
                            ? QStringLiteral("--loss-option expects KEY=VALUE, got '%1'").arg(kv)
                            : changed.error().toString(),
                        2);
        config.loss = changed.value();
    }
    if (p.isSet(QStringLiteral("dataset")))
        config.dataset.path = p.value(QStringLiteral("dataset"));
    if (p.isSet(QStringLiteral("format")))
        config.dataset.format = p.value(QStringLiteral("format"));
    for (const QString &kv : p.values(QStringLiteral("dataset-option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("--dataset-option expects KEY=VALUE, got '%1'").arg(kv), 2);
        config.dataset.options.insert(kv.left(eq), kv.mid(eq + 1));
    }
    if (p.isSet(QStringLiteral("target")))
        config.target = p.value(QStringLiteral("target"));
    if (p.isSet(QStringLiteral("sensitive")))
        config.sensitive =
            p.value(QStringLiteral("sensitive")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (p.isSet(QStringLiteral("encoder")))
        config.encoder = p.value(QStringLiteral("encoder"));
    if (p.isSet(QStringLiteral("optimizer")))
        config.optimizer = p.value(QStringLiteral("optimizer"));
    if (p.isSet(QStringLiteral("device")))
        config.device = p.value(QStringLiteral("device"));
    if (p.isSet(QStringLiteral("precision")))
        config.precision = p.value(QStringLiteral("precision"));
    if (p.isSet(QStringLiteral("name")))
        config.name = p.value(QStringLiteral("name"));
    if (p.isSet(QStringLiteral("lr")))
        config.learningRate = p.value(QStringLiteral("lr")).toDouble();
    if (!intOption(QStringLiteral("epochs"), config.epochs) ||
        !intOption(QStringLiteral("batch"), config.batchSize) ||
        !intOption(QStringLiteral("seed"), config.seed) ||
        !intOption(QStringLiteral("threads"), config.threads) ||
        !intOption(QStringLiteral("train-limit"), config.trainLimit) ||
        !intOption(QStringLiteral("test-limit"), config.testLimit) ||
        !intOption(QStringLiteral("probe-train-limit"), config.probeTrainLimit) ||
        !intOption(QStringLiteral("epoch-eval"), config.epochEvaluationSamples))
        return fail(
            QStringLiteral("--%1 needs a whole number from 0 to what the option can hold, got '%2'")
                .arg(badOption, p.value(badOption)),
            2);
    if (config.warmupEpochs >= config.epochs)
        config.warmupEpochs = config.epochs > 1 ? 1 : 0;
    auto valid = config.validate();
    if (!valid)
        return fail(valid.error().toString(), 2);
    if (p.isSet(QStringLiteral("print-config"))) {
        printJson(config.toJson());
        return 0;
    }
    QString storePath = storePathOption(p.value(QStringLiteral("store")));
    if (p.isSet(QStringLiteral("dry-run")))
        return printRunCost(RunFamily::Fare, config.toJson(), storePath);
    if (const int launched = launchRanksIfAsked(arguments); launched >= 0)
        return launched;
    QString rankError;
    if (const QString scratch = scratchStoreForThisRank(&rankError); !scratch.isEmpty())
        storePath = scratch;
    else if (!rankError.isEmpty())
        return fail(rankError, 2);
    auto job =
        FamilyRegistry::instance().family(RunFamily::Fare)->createJob(config.toJson(), storePath);
    if (!job)
        return fail(job.error().toString(), 2);
    std::unique_ptr<RunJob> owned(job.value());
    return runJobInTerminal(owned.get(), storePath);
}

int runResumeCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Continue an interrupted or cancelled run from its last checkpoint."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("resume"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id, id prefix or name."));
    p.addOption({QStringLiteral("store"), QStringLiteral("Run store."), QStringLiteral("PATH")});
    p.addOption(nprocOption());
    parseOrExit(p, arguments);
    const QString key = p.positionalArguments().value(1);
    if (key.isEmpty())
        return fail(QStringLiteral("usage: equiscope-cli runs resume RUN [--store PATH]"), 2);
    const QString storePath = storePathOption(p.value(QStringLiteral("store")));
    if (const int launched = launchRanksIfAsked(arguments); launched >= 0)
        return launched;
    QString id;
    RunRecord run;
    {
        auto store = RunStore::open(storePath);
        if (!store)
            return fail(store.error().toString());
        auto resolved = store.value()->resolveRun(key);
        if (!resolved)
            return fail(resolved.error().toString());
        id = resolved.value();
        auto record = store.value()->run(id);
        if (!record)
            return fail(record.error().toString());
        run = record.value();
    }
    QString error;
    if (const QString scratch = scratchStoreForThisRank(&error); !scratch.isEmpty()) {
        // Another rank than 0 of a resumed data-parallel run: it trains the stored config into
        // a scratch store; rank 0 hands it the checkpoint to start from.
        auto job = FamilyRegistry::instance().family(run.family)->createJob(run.config, scratch);
        if (!job)
            return fail(job.error().toString(), 2);
        std::unique_ptr<RunJob> owned(job.value());
        return runJobInTerminal(owned.get(), scratch, false);
    }
    if (!error.isEmpty())
        return fail(error, 2);
    std::unique_ptr<RunJob> job(FamilyRegistry::instance().resume(id, storePath, &error));
    if (!job)
        return fail(error);
    return runJobInTerminal(job.get(), storePath);
}

} // namespace equiscope::cli
