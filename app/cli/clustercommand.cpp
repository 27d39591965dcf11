#include "clustercommand.h"

#include "clioutput.h"
#include "jobrunner.h"
#include "parallellaunch.h"
#include "traincommand.h"

#include "clustering/clusteringjob.h"
#include "data/datasetspecjson.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace equiscope::cli {

namespace {

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

int runClusterCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Fair transformer clustering of feature vectors (features.bin + labels.meta [+ groups]) "
        "or of a trained FARE-family run's embeddings. Trains on a split of the identities, picks "
        "the thresholds on a validation split and reports pairwise / BCubed F and NMI of the test "
        "identities, overall and per group, with the std across groups."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("cluster"), QStringLiteral("Command."));
    const QList<QCommandLineOption> options{
        {QStringLiteral("config"), QStringLiteral("Clustering config JSON; flags override it."),
         QStringLiteral("FILE")},
        {QStringLiteral("features"),
         QStringLiteral("features.bin (float32 N×D), or a .csv / .npy matrix, or their folder."),
         QStringLiteral("FILE")},
        {QStringLiteral("labels"),
         QStringLiteral("Cluster labels, one integer per line (default labels.meta beside it)."),
         QStringLiteral("FILE")},
        {QStringLiteral("groups"),
         QStringLiteral("Sensitive groups, one label per line (evaluation only)."),
         QStringLiteral("FILE")},
        {QStringLiteral("dim"), QStringLiteral("Feature dimension D of features.bin."),
         QStringLiteral("D")},
        {QStringLiteral("from-run"),
         QStringLiteral("Cluster the embeddings of a finished FARE-family run (id, prefix or "
                        "name)."),
         QStringLiteral("RUN")},
        {QStringLiteral("from-store"), QStringLiteral("Store of --from-run (default --store)."),
         QStringLiteral("PATH")},
        {QStringLiteral("encoder-script"),
         QStringLiteral("A TorchScript encoder (.pt) that embeds the images of --dataset."),
         QStringLiteral("FILE")},
        {QStringLiteral("dataset"),
         QStringLiteral("--from-run / --encoder-script: the dataset to embed (default the run's "
                        "own)."),
         QStringLiteral("PATH")},
        {QStringLiteral("format"), QStringLiteral("--from-run: the format of --dataset."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("dataset-option"), QStringLiteral("Dataset option KEY=VALUE (repeatable)."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("views"),
         QStringLiteral("--from-run: > 1 makes every sample an identity of V augmented views."),
         QStringLiteral("V")},
        {QStringLiteral("sample-limit"),
         QStringLiteral("--from-run: source samples embedded (0 = all)."), QStringLiteral("N")},
        {QStringLiteral("sample-split"),
         QStringLiteral("--from-run: train | val | test | all (default test)."),
         QStringLiteral("SPLIT")},
        {QStringLiteral("identity"),
         QStringLiteral("Attribute holding the true cluster (default label)."),
         QStringLiteral("NAME")},
        {QStringLiteral("sensitive"),
         QStringLiteral("Evaluation group attribute(s), comma separated (default group)."),
         QStringLiteral("A,B")},
        {QStringLiteral("subsample-group"),
         QStringLiteral("Keep only --subsample-fraction of this group's identities."),
         QStringLiteral("GROUP")},
        {QStringLiteral("subsample-fraction"), QStringLiteral("Fraction kept (0 < f ≤ 1)."),
         QStringLiteral("F")},
        {QStringLiteral("min-group-size"),
         QStringLiteral("Smaller groups are left out of the spread (default 30)."),
         QStringLiteral("N")},
        {QStringLiteral("method"),
         QStringLiteral("transformer-fair | transformer | kmeans | knn-threshold"),
         QStringLiteral("NAME")},
        {QStringLiteral("k"), QStringLiteral("Neighbours per sample (default 80)."),
         QStringLiteral("N")},
        {QStringLiteral("knn"),
         QStringLiteral("kNN graph: exact (default) | hnsw | ivf (FAISS approximate search)."),
         QStringLiteral("INDEX")},
        {QStringLiteral("knn-memory-mib"),
         QStringLiteral("exact: similarity tile budget in MiB (default 256)."),
         QStringLiteral("MIB")},
        {QStringLiteral("feature-scratch-mib"),
         QStringLiteral("Features above this size (MiB) are worked on from memory-mapped scratch "
                        "files in the cache directory, not from memory (default 512; 0: never)."),
         QStringLiteral("MIB")},
        {QStringLiteral("hnsw-links"),
         QStringLiteral("hnsw: links per node, FAISS M (default 32)."), QStringLiteral("N")},
        {QStringLiteral("hnsw-build-depth"),
         QStringLiteral("hnsw: candidates while building, efConstruction (default 64)."),
         QStringLiteral("N")},
        {QStringLiteral("hnsw-search-depth"),
         QStringLiteral("hnsw: candidates while searching, efSearch (default 0 = 2k)."),
         QStringLiteral("N")},
        {QStringLiteral("ivf-cells"), QStringLiteral("ivf: k-means cells (default 0 = 4·√rows)."),
         QStringLiteral("N")},
        {QStringLiteral("ivf-probes"), QStringLiteral("ivf: cells visited per query (default 32)."),
         QStringLiteral("N")},
        {QStringLiteral("recall-sample"),
         QStringLiteral("hnsw/ivf: rows per split whose exact neighbours measure the recall "
                        "(default 1000, 0 = none)."),
         QStringLiteral("N")},
        {QStringLiteral("min-recall"),
         QStringLiteral("hnsw/ivf: fail as soon as a split's measured recall@k is below R "
                        "(default 0 = no floor)."),
         QStringLiteral("R")},
        {QStringLiteral("sub-clusters"), QStringLiteral("Sub-clusters S (default 4)."),
         QStringLiteral("S")},
        {QStringLiteral("layers"), QStringLiteral("Encoder layers (default 2)."),
         QStringLiteral("N")},
        {QStringLiteral("heads"), QStringLiteral("Attention heads (default 4)."),
         QStringLiteral("N")},
        {QStringLiteral("width"), QStringLiteral("Model width (0 = D + k rounded)."),
         QStringLiteral("N")},
        {QStringLiteral("no-center"),
         QStringLiteral("Do not subtract the training identities' mean feature.")},
        {QStringLiteral("no-cross-attention"), QStringLiteral("Ablation: no Cross-attention.")},
        {QStringLiteral("cross-attention-all"),
         QStringLiteral("Cross-attention for every non-central sub-cluster.")},
        {QStringLiteral("no-purity-loss"), QStringLiteral("Ablation: no purity loss.")},
        {QStringLiteral("lambda"), QStringLiteral("Weight λ of the purity loss (default 0.5)."),
         QStringLiteral("X")},
        {QStringLiteral("purity-form"), QStringLiteral("upper-bound | variance"),
         QStringLiteral("FORM")},
        {QStringLiteral("edge-threshold"),
         QStringLiteral("Edge threshold on p (cosine for knn-threshold)."), QStringLiteral("X")},
        {QStringLiteral("shared-threshold"),
         QStringLiteral("Shared-neighbour ratio threshold (default 0.65)."), QStringLiteral("X")},
        {QStringLiteral("fixed-thresholds"),
         QStringLiteral("Use the given thresholds instead of tuning on validation.")},
        {QStringLiteral("val-fraction"), QStringLiteral("Validation identities (default 0.15)."),
         QStringLiteral("F")},
        {QStringLiteral("test-fraction"), QStringLiteral("Test identities (default 0.35)."),
         QStringLiteral("F")},
        {QStringLiteral("epochs"), QStringLiteral("Epochs."), QStringLiteral("N")},
        {QStringLiteral("batch"), QStringLiteral("Anchors per step."), QStringLiteral("N")},
        {QStringLiteral("anchors-per-epoch"), QStringLiteral("Train anchors per epoch (0 = all)."),
         QStringLiteral("N")},
        {QStringLiteral("lr"), QStringLiteral("Learning rate."), QStringLiteral("LR")},
        {QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S")},
        {QStringLiteral("threads"), QStringLiteral("LibTorch threads (0 = all cores)."),
         QStringLiteral("N")},
        {QStringLiteral("device"), QStringLiteral("auto | cpu | cuda[:N] (the transformer)."),
         QStringLiteral("DEV")},
        {QStringLiteral("precision"),
         QStringLiteral("fp32 | bf16 | fp16: the transformer's training forward under autocast "
                        "(fp16 needs CUDA)."),
         QStringLiteral("P")},
        {QStringLiteral("name"), QStringLiteral("Run name."), QStringLiteral("NAME")},
        {QStringLiteral("store"), QStringLiteral("Run store (default: the user's data folder)."),
         QStringLiteral("PATH")},
        {QStringLiteral("out"), QStringLiteral("Folder for pred_labels.txt and metrics.json."),
         QStringLiteral("DIR")},
        {QStringLiteral("print-config"),
         QStringLiteral("Print the resolved clustering config JSON and exit.")},
        nprocOption(),
        dryRunOption(),
    };
    p.addOptions(options);
    parseOrExit(p, arguments);

    ClusteringConfig config;
    QJsonObject given;
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
        given = doc.object();
    }
    // Flags become JSON keys over the file, so the method's defaults apply to what is not given.
    auto set = [&](const QString &flag, const QString &key, auto convert) -> bool {
        if (!p.isSet(flag))
            return true;
        bool ok = true;
        const QJsonValue v = convert(p.value(flag), &ok);
        if (!ok)
            return false;
        given.insert(key, v);
        return true;
    };
    auto text = [](const QString &s, bool *) { return QJsonValue(s); };
    auto integer = [](const QString &s, bool *ok) { return QJsonValue(s.toLongLong(ok)); };
    auto real = [](const QString &s, bool *ok) { return QJsonValue(s.toDouble(ok)); };
    struct Flag
    {
        const char *flag, *key;
        int kind; // 0 text, 1 integer, 2 real
    };
    const Flag flags[] = {
        {"method", "method", 0},
        {"from-run", "fromRun", 0},
        {"from-store", "fromRunStore", 0},
        {"encoder-script", "encoderScript", 0},
        {"identity", "identity", 0},
        {"views", "views", 1},
        {"sample-limit", "sampleLimit", 1},
        {"sample-split", "sampleSplit", 0},
        {"subsample-group", "subsampleGroup", 0},
        {"subsample-fraction", "subsampleFraction", 2},
        {"min-group-size", "minGroupSize", 1},
        {"k", "k", 1},
        {"knn", "knn", 0},
        {"knn-memory-mib", "knnMemoryMiB", 1},
        {"feature-scratch-mib", "featureScratchMiB", 1},
        {"hnsw-links", "hnswLinks", 1},
        {"hnsw-build-depth", "hnswBuildDepth", 1},
        {"hnsw-search-depth", "hnswSearchDepth", 1},
        {"ivf-cells", "ivfCells", 1},
        {"ivf-probes", "ivfProbes", 1},
        {"recall-sample", "recallSample", 1},
        {"min-recall", "minRecall", 2},
        {"sub-clusters", "subClusters", 1},
        {"layers", "layers", 1},
        {"heads", "heads", 1},
        {"width", "width", 1},
        {"lambda", "lambda", 2},
        {"purity-form", "purityForm", 0},
        {"edge-threshold", "edgeThreshold", 2},
        {"shared-threshold", "sharedThreshold", 2},
        {"val-fraction", "valFraction", 2},
        {"test-fraction", "testFraction", 2},
        {"epochs", "epochs", 1},
        {"batch", "batchSize", 1},
        {"anchors-per-epoch", "anchorsPerEpoch", 1},
        {"lr", "learningRate", 2},
        {"seed", "seed", 0},
        {"threads", "threads", 1},
        {"device", "device", 0},
        {"precision", "precision", 0},
        {"name", "name", 0},
    };
    for (const Flag &f : flags) {
        const QString flag = QLatin1String(f.flag), key = QLatin1String(f.key);
        const bool ok = f.kind == 0   ? set(flag, key, text)
                        : f.kind == 1 ? set(flag, key, integer)
                                      : set(flag, key, real);
        if (!ok)
            return fail(QStringLiteral("--%1 expects a number, got '%2'").arg(flag, p.value(flag)),
                        2);
    }
    if (p.isSet(QStringLiteral("sensitive")))
        given.insert(QStringLiteral("sensitive"), p.value(QStringLiteral("sensitive")));
    if (p.isSet(QStringLiteral("no-center")))
        given.insert(QStringLiteral("centerFeatures"), false);
    if (p.isSet(QStringLiteral("no-cross-attention")))
        given.insert(QStringLiteral("crossAttention"), false);
    if (p.isSet(QStringLiteral("cross-attention-all")))
        given.insert(QStringLiteral("crossAttentionAll"), true);
    if (p.isSet(QStringLiteral("no-purity-loss")))
        given.insert(QStringLiteral("purityLoss"), false);
    if (p.isSet(QStringLiteral("fixed-thresholds")))
        given.insert(QStringLiteral("tuneThresholds"), false);

    // The input.
    DatasetSpec spec;
    if (given.contains(QStringLiteral("dataset"))) {
        auto read = readDatasetSpec(given.value(QStringLiteral("dataset")),
                                    p.value(QStringLiteral("config")));
        if (!read)
            return fail(read.error().toString());
        spec = read.value();
    }
    if (p.isSet(QStringLiteral("features"))) {
        spec.format = QStringLiteral("features");
        spec.path = p.value(QStringLiteral("features"));
    }
    if (p.isSet(QStringLiteral("dataset")))
        spec.path = p.value(QStringLiteral("dataset"));
    if (p.isSet(QStringLiteral("format")))
        spec.format = p.value(QStringLiteral("format"));
    if (p.isSet(QStringLiteral("labels")))
        spec.options.insert(QStringLiteral("labels"), p.value(QStringLiteral("labels")));
    if (p.isSet(QStringLiteral("groups")))
        spec.options.insert(QStringLiteral("groups"), p.value(QStringLiteral("groups")));
    if (p.isSet(QStringLiteral("dim")))
        spec.options.insert(QStringLiteral("dim"), p.value(QStringLiteral("dim")));
    for (const QString &kv : p.values(QStringLiteral("dataset-option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("--dataset-option expects KEY=VALUE, got '%1'").arg(kv), 2);
        spec.options.insert(kv.left(eq), kv.mid(eq + 1));
    }
    if (spec.format.isEmpty() && !spec.path.isEmpty())
        spec.format = QStringLiteral("features");
    given.insert(QStringLiteral("dataset"), spec.toJson());
    if (spec.path.isEmpty() && !given.contains(QStringLiteral("fromRun")) &&
        !(given.contains(QStringLiteral("encoderScript")) && !spec.format.isEmpty()))
        return fail(QStringLiteral("give --features FILE (with --labels), --from-run RUN or "
                                   "--encoder-script FILE --dataset PATH"),
                    2);

    auto parsed = ClusteringConfig::fromJson(given);
    if (!parsed)
        return fail(parsed.error().toString(), 2);
    config = parsed.value();
    if (p.isSet(QStringLiteral("print-config"))) {
        printJson(config.toJson());
        return 0;
    }
    if (p.isSet(QStringLiteral("dry-run")))
        return printRunCost(RunFamily::Clustering, config.toJson(),
                            storePathOption(p.value(QStringLiteral("store"))));
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail(QStringLiteral("--out DIR is required (pred_labels.txt and metrics.json)"), 2);
    if (!QDir().mkpath(out))
        return fail(QStringLiteral("%1: cannot create the output folder").arg(out));

    if (const int launched = launchRanksIfAsked(arguments); launched >= 0)
        return launched;
    QString storePath = storePathOption(p.value(QStringLiteral("store")));
    QString rankError;
    const QString scratch = scratchStoreForThisRank(&rankError);
    if (!rankError.isEmpty())
        return fail(rankError, 2);
    if (!scratch.isEmpty())
        storePath = scratch; // another rank than 0: rank 0 records the run and writes --out
    ClusteringJob job(config, storePath);
    const int code = runJobInTerminal(&job, storePath, scratch.isEmpty());
    if (job.outcome() != JobOutcome::Finished || !scratch.isEmpty())
        return code;
    QByteArray labels;
    for (int64_t label : job.predictedLabels())
        labels += QByteArray::number(qint64(label)) + '\n';
    QJsonObject metrics = job.evaluation();
    metrics.insert(QStringLiteral("run"), job.runId());
    metrics.insert(QStringLiteral("store"), storePath);
    metrics.insert(QStringLiteral("config"), config.toJson());
    QString error;
    if (!writeFileAtomically(QDir(out).filePath(QStringLiteral("pred_labels.txt")), labels,
                             &error) ||
        !writeFileAtomically(QDir(out).filePath(QStringLiteral("metrics.json")),
                             QJsonDocument(metrics).toJson(QJsonDocument::Indented), &error))
        return fail(error);
    return 0;
}

} // namespace equiscope::cli
