#include "fairssltraincommand.h"

#include "families/familyregistry.h"

#include "clioutput.h"
#include "jobrunner.h"
#include "parallellaunch.h"
#include "traincommand.h"

#include "fairssl/fairsslconfig.h"
#include "fairssl/fairssljob.h"
#include "store/runstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

namespace equiscope::cli {

namespace {

/// The value of --NAME (as "--NAME V" or "--NAME=V") in raw arguments.
QString rawValue(const QStringList &arguments, const QString &name)
{
    const QString flag = QStringLiteral("--") + name;
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == flag && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(flag + QLatin1Char('=')))
            return arguments[i].mid(flag.size() + 1);
    }
    return {};
}

/// Flag name → config option path, for the options that are a single value.
struct Mapped
{
    const char *flag;
    const char *path;
    const char *help;
    const char *valueName;
};

const Mapped kMapped[] = {
    {"target-levels", "targetLevels", "Target levels used, comma separated (class order).", "A,B"},
    {"encoder", "backbone", "Trained encoder: lenet | resnet18.", "NAME"},
    {"encoder-source", "encoder.source", "Embedding encoder: simclr (built-in) | torchscript.",
     "SRC"},
    {"encoder-file", "encoder.path", "TorchScript image encoder file.", "FILE"},
    {"encoder-input-size", "encoder.inputSize", "TorchScript input size S (S×S).", "S"},
    {"encoder-mean", "encoder.mean", "TorchScript input normalisation mean per channel.", "M,M,M"},
    {"encoder-std", "encoder.std", "TorchScript input normalisation std per channel.", "S,S,S"},
    {"embed-epochs", "encoder.epochs", "SimCLR epochs of the embedding encoder.", "N"},
    {"seed-size", "pool.seedSize", "Seed set S: labelled train images of the target levels.", "N"},
    {"pool-limit", "pool.limit", "Unlabelled pool U drawn from the train split (0 = all).", "N"},
    {"pool-scope", "pool.scope", "Pool images: all | target-levels.", "SCOPE"},
    {"dedup-threshold", "dedup.threshold", "Near-duplicate cosine τ (default 0.95).", "TAU"},
    {"retrieve", "retrieval.perSeed", "Pool images retrieved per seed, M (default 2).", "M"},
    {"quality-threshold", "quality.threshold", "Sharpness (variance of the Laplacian) threshold.",
     "X"},
    {"pseudo-labels", "pseudoLabels.mode", "kmeans | knn | zero-shot.", "MODE"},
    {"labelled-per-class", "pseudoLabels.labelledPerClass",
     "Labelled examples per class that map clusters (default 10).", "N"},
    {"text-embeddings", "pseudoLabels.textEmbeddings",
     "Zero-shot: class text embeddings, NPY or CSV, one row per class.", "FILE"},
    {"supcon-temperature", "supcon.temperature", "SupCon τ (default 0.07).", "TAU"},
    {"meta-fraction", "metaWeight.fraction", "Meta set size as a fraction of D (default 0.02).",
     "F"},
    {"lookahead-scope", "metaWeight.scope", "head+last-block | full.", "SCOPE"},
    {"lookahead-step", "metaWeight.step", "α of the virtual step.", "A"},
    {"epochs", "epochs", "SupCon / CE epochs.", "N"},
    {"batch", "batchSize", "Batch size.", "N"},
    {"lr", "learningRate", "Learning rate.", "LR"},
    {"device", "device", "auto | cpu | cuda[:N].", "DEV"},
    {"precision", "precision",
     "fp32 | bf16 | fp16: encoder forwards under autocast (fp16 needs CUDA).", "P"},
    {"threads", "threads", "LibTorch threads (0 = all cores).", "N"},
    {"test-limit", "testLimit", "Test images evaluated (0 = all).", "N"},
    {"probe-train-limit", "probeTrainLimit", "Labelled train images for the classifier (0 = all).",
     "N"},
    {"epoch-eval", "epochEvaluationSamples",
     "After every training epoch, probe accuracy and fairness on N test images (and 2N labelled "
     "train images), for per-epoch curves (0 = off).",
     "N"},
    {"target", "target", "Target attribute.", "NAME"},
    {"sensitive", "sensitive", "Sensitive attribute(s), comma separated.", "A,B"},
    {"seed", "seed", "Seed.", "S"},
    {"name", "name", "Run name.", "NAME"},
};

} // namespace

RunFamily requestedTrainFamily(const QStringList &arguments)
{
    const FamilyRegistry &registry = FamilyRegistry::instance();
    if (const MethodFamily *f =
            registry.familyOfMethod(rawValue(arguments, QStringLiteral("method"))))
        return f->id();
    const QString config = rawValue(arguments, QStringLiteral("config"));
    if (config.isEmpty())
        return RunFamily::Fare;
    QFile f(config);
    if (!f.open(QIODevice::ReadOnly))
        return RunFamily::Fare; // the FARE command reports the unreadable file
    auto family = registry.familyOfConfig(QJsonDocument::fromJson(f.readAll()).object());
    return family ? family.value()->id() : RunFamily::Fare;
}

int runFairSslTrainCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Train a fair self-supervised run: fair-ssl (embed → dedup → retrieve → quality → "
        "pseudo-label → Meta-Weight-Net SupCon → linear classifier) or a baseline in the same "
        "form: simclr (SimCLR encoder + linear classifier), supcon (unweighted pseudo-label "
        "SupCon), supervised-ce (cross-entropy on true labels). Default: Colored Fashion-MNIST "
        "(rho 0.7), target T-shirt/top vs Shirt, groups by colour."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("train"), QStringLiteral("Command."));
    QList<QCommandLineOption> options{
        {QStringLiteral("config"),
         QStringLiteral("Run config JSON (family fair-ssl); flags override it."),
         QStringLiteral("FILE")},
        {QStringLiteral("method"), QStringLiteral("fair-ssl | simclr | supcon | supervised-ce"),
         QStringLiteral("NAME")},
        {QStringLiteral("dataset"), QStringLiteral("Dataset path."), QStringLiteral("PATH")},
        {QStringLiteral("format"), QStringLiteral("Dataset format."), QStringLiteral("FORMAT")},
        {QStringLiteral("dataset-option"),
         QStringLiteral("Dataset option KEY=VALUE (repeatable), e.g. rho=0.7."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("no-quality-filter"), QStringLiteral("Skip the quality filter.")},
        {QStringLiteral("keep-eval-duplicates"),
         QStringLiteral("Do not drop pool images that duplicate an evaluation image.")},
        {QStringLiteral("stage-option"),
         QStringLiteral("Any config option KEY=VALUE by its JSON path (repeatable), e.g. "
                        "metaWeight.batch=32."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("reuse-stages"),
         QStringLiteral("Start from the finished stages of run RUN (same store) that this run "
                        "would compute identically, e.g. one SimCLR encoder for several methods."),
         QStringLiteral("RUN")},
        {QStringLiteral("store"), QStringLiteral("Run store (default: the user's data folder)."),
         QStringLiteral("PATH")},
        {QStringLiteral("print-config"),
         QStringLiteral("Print the resolved run config JSON and exit.")},
        dryRunOption(),
        nprocOption(),
    };
    for (const Mapped &m : kMapped)
        // The table's help texts are UTF-8 (×, τ, α): decoding them as Latin-1 printed mojibake.
        options.append({QString::fromLatin1(m.flag), QString::fromUtf8(m.help),
                        QString::fromLatin1(m.valueName)});
    p.addOptions(options);
    parseOrExit(p, arguments);

    FairSslConfig config = FairSslConfig::coloredFashionMnistDefault();
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
        // Keys the file leaves out keep the defaults (sections merge key by key).
        QJsonObject merged = config.toJson();
        const QJsonObject given = doc.object();
        for (auto it = given.begin(); it != given.end(); ++it) {
            if (it.value().isObject() && merged.value(it.key()).isObject() &&
                it.key() != QLatin1String("dataset")) {
                QJsonObject section = merged.value(it.key()).toObject();
                const QJsonObject g = it.value().toObject();
                for (auto k = g.begin(); k != g.end(); ++k)
                    section.insert(k.key(), k.value());
                merged.insert(it.key(), section);
            } else {
                merged.insert(it.key(), it.value());
            }
        }
        auto parsed = FairSslConfig::fromJson(merged);
        if (!parsed)
            return fail(QStringLiteral("%1: %2").arg(f.fileName(), parsed.error().toString()), 2);
        config = parsed.value();
    }
    auto set = [&](const QString &path, const QString &value) -> bool {
        auto changed = config.withOption(path, value);
        if (!changed) {
            fail(changed.error().toString(), 2);
            return false;
        }
        config = changed.value();
        return true;
    };
    if (p.isSet(QStringLiteral("method"))) {
        if (!set(QStringLiteral("method"), p.value(QStringLiteral("method"))))
            return 2;
        if (!p.isSet(QStringLiteral("name")) && !p.isSet(QStringLiteral("config")))
            config.name.clear();
    }
    if (p.isSet(QStringLiteral("dataset")))
        config.dataset.path = p.value(QStringLiteral("dataset"));
    if (p.isSet(QStringLiteral("format")))
        config.dataset.format = p.value(QStringLiteral("format"));
    if (p.isSet(QStringLiteral("format")) && config.dataset.format != QLatin1String("colored") &&
        !p.isSet(QStringLiteral("config")))
        config.dataset.options.clear(); // rho is the colored format's option
    for (const QString &kv : p.values(QStringLiteral("dataset-option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("--dataset-option expects KEY=VALUE, got '%1'").arg(kv), 2);
        config.dataset.options.insert(kv.left(eq), kv.mid(eq + 1));
    }
    for (const Mapped &m : kMapped) {
        const QString flag = QString::fromLatin1(m.flag);
        if (p.isSet(flag) && !set(QString::fromLatin1(m.path), p.value(flag)))
            return 2;
    }
    if (p.isSet(QStringLiteral("no-quality-filter")))
        config.qualityFilter = false;
    if (p.isSet(QStringLiteral("keep-eval-duplicates")))
        config.dedupAgainstEval = false;
    for (const QString &kv : p.values(QStringLiteral("stage-option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("--stage-option expects KEY=VALUE, got '%1'").arg(kv), 2);
        if (!set(kv.left(eq), kv.mid(eq + 1)))
            return 2;
    }
    auto valid = config.validate();
    if (!valid)
        return fail(valid.error().toString(), 2);
    if (p.isSet(QStringLiteral("print-config"))) {
        printJson(config.toJson());
        return 0;
    }
    QString storePath = storePathOption(p.value(QStringLiteral("store")));
    if (p.isSet(QStringLiteral("dry-run")))
        return printRunCost(RunFamily::FairSsl, config.toJson(), storePath);
    if (const int launched = launchRanksIfAsked(arguments); launched >= 0)
        return launched;
    QString rankError;
    const QString scratch = scratchStoreForThisRank(&rankError);
    if (!rankError.isEmpty())
        return fail(rankError, 2);
    if (!scratch.isEmpty())
        storePath = scratch; // another rank than 0: rank 0 records the run
    FairSslJob job(config, storePath);
    // Reused stages are rank 0's to copy; it hands them to the other ranks.
    if (p.isSet(QStringLiteral("reuse-stages")) && scratch.isEmpty()) {
        auto store = RunStore::open(storePath);
        if (!store)
            return fail(store.error().toString());
        auto id = store.value()->resolveRun(p.value(QStringLiteral("reuse-stages")));
        if (!id)
            return fail(id.error().toString(), 2);
        job.setReuseStagesFrom(id.value());
    }
    return runJobInTerminal(&job, storePath);
}

} // namespace equiscope::cli
