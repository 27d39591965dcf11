#include "modelcommands.h"

#include "clioutput.h"

#include "export/modelexport.h"
#include "store/runstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <atomic>

namespace equiscope::cli {

namespace {

void addStore(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("store"),
                 QStringLiteral("Run store (default: $EQUISCOPE_STORE or the user's data folder)."),
                 QStringLiteral("PATH")});
}

QString store(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("store")) ? p.value(QStringLiteral("store")) : defaultStorePath();
}

} // namespace

int runExportModelCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Export a run's trained encoder and projection head: model.safetensors, model.pt "
        "(LibTorch), config.json, model_card.md/.json and a README."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("export-model"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id, id prefix or name."));
    p.addOption({QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR")});
    addStore(p);
    parseOrExit(p, arguments);
    const QString run = p.positionalArguments().value(1);
    const QString out = p.value(QStringLiteral("out"));
    if (run.isEmpty() || out.isEmpty())
        return fail(
            QStringLiteral("usage: equiscope-cli export-model RUN --out DIR [--store PATH]"), 2);
    auto result = exportModel(store(p), run, out);
    if (!result)
        return fail(result.error().toString());
    printOut(QStringLiteral("wrote %1: %2 (%3 tensors, %4 parameters)\n")
                 .arg(result->directory, result->files.join(QStringLiteral(", ")))
                 .arg(result->tensors)
                 .arg(result->parameters));
    const QJsonObject &check = result->encoderCheck;
    printOut(
        QStringLiteral("encoders checked against LibTorch on %1 inputs: max |difference| %2 "
                       "(TorchScript), %3 (ONNX under %4); tolerance %5\n")
            .arg(check.value(QStringLiteral("samples")).toInt())
            .arg(check.value(QStringLiteral("torchScriptMaxAbsDifference")).toDouble(), 0, 'g', 2)
            .arg(check.value(QStringLiteral("onnxMaxAbsDifference")).toDouble(), 0, 'g', 2)
            .arg(check.value(QStringLiteral("onnxRuntime")).toString())
            .arg(check.value(QStringLiteral("tolerance")).toDouble()));
    return 0;
}

int runEvaluateModelCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Evaluate an exported model on another dataset: linear probes on the frozen "
        "representation (fitted on its train split), bias probes and group metrics with CIs on "
        "its test split. Prints JSON."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("evaluate-model"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("DIR"),
                            QStringLiteral("Folder written by export-model."));
    p.addOptions({
        {QStringLiteral("dataset"), QStringLiteral("Dataset path."), QStringLiteral("PATH")},
        {QStringLiteral("format"), QStringLiteral("Dataset format."), QStringLiteral("FORMAT")},
        {QStringLiteral("dataset-option"), QStringLiteral("Dataset option KEY=VALUE (repeatable)."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("target"), QStringLiteral("Target attribute (default: as trained)."),
         QStringLiteral("NAME")},
        {QStringLiteral("sensitive"),
         QStringLiteral("Sensitive attribute(s), comma separated (default: as trained)."),
         QStringLiteral("A,B")},
        {QStringLiteral("test-limit"), QStringLiteral("Test samples evaluated (0 = all)."),
         QStringLiteral("N")},
        {QStringLiteral("probe-train-limit"),
         QStringLiteral("Train samples for the probes (0 = all)."), QStringLiteral("N")},
        {QStringLiteral("threads"), QStringLiteral("LibTorch threads (0 = all cores)."),
         QStringLiteral("N")},
        {QStringLiteral("out"), QStringLiteral("Also write the JSON to this file."),
         QStringLiteral("FILE")},
    });
    parseOrExit(p, arguments);
    const QString dir = p.positionalArguments().value(1);
    if (dir.isEmpty() || !p.isSet(QStringLiteral("format")))
        return fail(
            QStringLiteral("usage: equiscope-cli evaluate-model DIR --dataset PATH --format "
                           "FORMAT [--target T] [--sensitive A,B]"),
            2);
    auto model = importModel(dir);
    if (!model)
        return fail(model.error().toString());
    ModelEvaluationOptions o;
    o.dataset.format = p.value(QStringLiteral("format"));
    o.dataset.path = p.value(QStringLiteral("dataset"));
    for (const QString &kv : p.values(QStringLiteral("dataset-option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("--dataset-option expects KEY=VALUE, got '%1'").arg(kv), 2);
        o.dataset.options.insert(kv.left(eq), kv.mid(eq + 1));
    }
    o.target = p.value(QStringLiteral("target"));
    o.sensitive = p.value(QStringLiteral("sensitive")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (p.isSet(QStringLiteral("test-limit")))
        o.testLimit = p.value(QStringLiteral("test-limit")).toLongLong();
    if (p.isSet(QStringLiteral("probe-train-limit")))
        o.probeTrainLimit = p.value(QStringLiteral("probe-train-limit")).toLongLong();
    o.threads = p.value(QStringLiteral("threads")).toInt();
    std::atomic<bool> cancel{false};
    auto result = evaluateImportedModel(model.value(), o, cancel);
    if (!result)
        return fail(result.error().toString());
    if (p.isSet(QStringLiteral("out"))) {
        QFile f(p.value(QStringLiteral("out")));
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(result.value()).toJson()) < 0)
            return fail(QStringLiteral("%1: cannot write: %2").arg(f.fileName(), f.errorString()));
    }
    printJson(result.value());
    return 0;
}

int runExportEmbeddingsCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Export the representations of a split (embeddings.npy, embeddings.csv with the "
        "attributes) and the run's linear-probe predictions (predictions.csv, the input of "
        "'audit')."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("export-embeddings"), QStringLiteral("Command."));
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id, id prefix or name."));
    p.addOptions({
        {QStringLiteral("split"), QStringLiteral("train, val or test (default test)."),
         QStringLiteral("SPLIT"), QStringLiteral("test")},
        {QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR")},
        {QStringLiteral("limit"), QStringLiteral("Only the first N samples of the split."),
         QStringLiteral("N")},
    });
    addStore(p);
    parseOrExit(p, arguments);
    const QString run = p.positionalArguments().value(1);
    const QString out = p.value(QStringLiteral("out"));
    if (run.isEmpty() || out.isEmpty())
        return fail(QStringLiteral("usage: equiscope-cli export-embeddings RUN --split test --out "
                                   "DIR [--limit N] [--store PATH]"),
                    2);
    const QString splitText = p.value(QStringLiteral("split"));
    Split split = Split::Test;
    if (splitText == QLatin1String("train"))
        split = Split::Train;
    else if (splitText == QLatin1String("val"))
        split = Split::Val;
    else if (splitText != QLatin1String("test"))
        return fail(QStringLiteral("--split must be train, val or test, got '%1'").arg(splitText),
                    2);
    std::atomic<bool> cancel{false};
    auto result = exportEmbeddings(store(p), run, split, out,
                                   p.value(QStringLiteral("limit")).toLongLong(), cancel);
    if (!result)
        return fail(result.error().toString());
    printOut(QStringLiteral("wrote %1 samples × %2 dimensions to %3: %4\n")
                 .arg(result->samples)
                 .arg(result->dim)
                 .arg(out, result->files.join(QStringLiteral(", "))));
    return 0;
}

} // namespace equiscope::cli
