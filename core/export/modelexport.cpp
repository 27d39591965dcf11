#include "export/modelexport.h"

#include "store/artifactkinds.h"

#include "export/onnxencoder.h"
#include "export/safetensors.h"
#include "export/scriptedencoder.h"
#include "report/modelcard.h"
#include "report/reportdata.h"

#include "data/datasetreader.h"
#include "data/npyfile.h"
#include "fare/faresession.h"
#include "store/runstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace equiscope {

namespace {

Expected<Done> writeText(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return fileError(path, QStringLiteral("cannot write: %1").arg(f.errorString()));
    return Done{};
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

struct OpenedRun
{
    RunRecord record;
    FareConfig config;
    QByteArray checkpoint;
};

Expected<OpenedRun> openRun(const QString &storePath, const QString &runKey)
{
    RunStoreOptions o;
    o.create = false;
    o.recoverOnOpen = false;
    auto store = RunStore::open(storePath, o);
    if (!store)
        return store.error();
    auto id = store.value()->resolveRun(runKey);
    if (!id)
        return id.error();
    auto run = store.value()->run(id.value());
    if (!run)
        return run.error();
    if (run->family != RunFamily::Fare)
        return fileError(storePath,
                         QStringLiteral("run %1 is a %2 run; model export covers the FARE "
                                        "family")
                             .arg(run->id, runFamilyName(run->family)));
    auto config = FareConfig::fromJson(run->config);
    if (!config)
        return config.error();
    auto checkpoint = store.value()->artifact(id.value(), ArtifactKind::checkpoint());
    if (!checkpoint)
        return checkpoint.error();
    return OpenedRun{run.value(), config.value(), checkpoint->bytes};
}

QJsonArray tensorList(const ModelState &state)
{
    QJsonArray a;
    for (const NamedTensor &t : state.tensors) {
        QJsonArray shape;
        for (qint64 s : t.shape)
            shape.append(double(s));
        a.append(QJsonObject{{QStringLiteral("name"), t.name},
                             {QStringLiteral("dtype"), t.dtype},
                             {QStringLiteral("shape"), shape}});
    }
    return a;
}

const char kReadme[] = R"md(# Exported Equiscope model

| file | what it holds |
|---|---|
| `model.safetensors` | the weights (encoder `backbone.*`, projection head `head.*`) in the safetensors format |
| `model.pt` | the same module as a LibTorch archive (`torch::save(model, path)` of Equiscope's `ContrastiveModel`) |
| `encoder.torchscript.pt` | the encoder with its preprocessing as TorchScript: `torch.jit.load` it and call it on uint8 images |
| `encoder.onnx` | the encoder as ONNX (opset 13), for ONNX runtimes and OpenCV's DNN module |
| `config.json` | architecture (`model`), input preprocessing, the run config, final metrics, tensor list, and `exportCheck`: how closely both encoders reproduce the model |
| `model_card.md`, `model_card.json` | the model card: intended use, sensitive attributes, metrics with CIs, limitations |

## Python, without pickle

With the `safetensors` package: `safetensors.torch.load_file("model.safetensors")`. Without it:

```python
import json, struct, numpy as np
raw = open("model.safetensors", "rb").read()
n = struct.unpack("<Q", raw[:8])[0]
header = json.loads(raw[8:8 + n])
data = raw[8 + n:]
dtypes = {"F32": "<f4", "F64": "<f8", "I64": "<i8"}
weights = {k: np.frombuffer(data[v["data_offsets"][0]:v["data_offsets"][1]],
                            dtypes[v["dtype"]]).reshape(v["shape"])
           for k, v in header.items() if k != "__metadata__"}
```

`torch.jit.load("model.pt").state_dict()` gives the same tensors from the LibTorch archive.

## The encoder in Python, without Equiscope

```python
import numpy as np, torch
encoder = torch.jit.load("encoder.torchscript.pt")
images = torch.from_numpy(np.stack(list_of_rgb_uint8_arrays))  # N x H x W x C, uint8
representation = encoder(images)                                # N x d, float32
# encoder.preprocess(images), encoder.represent(x) and encoder.project(r) are the stages.
```

For the MLP encoder, `encoder(features)` takes float32 N x D features.

## ONNX

`encoder.onnx` takes the *preprocessed* input "input" (float32 N x C x S x S in [0, 1], S =
`model.inputSize`; or N x D features) and returns "representation". With OpenCV:
`cv2.dnn.readNetFromONNX("encoder.onnx")`; with onnxruntime: `InferenceSession("encoder.onnx")`.

## Input

Images as float32 in [0, 1], channels first (N × C × H × W), resized bilinearly to
`config.json: model.inputSize` (no mean/std normalisation). The representation used for
evaluation is the backbone's output (before the projection head).

## C++

`torch::serialize::InputArchive a; a.load_from("model.pt");` and read `backbone` / `head`
sub-archives, or build the same module and call `torch::load(model, "model.pt")`.

## Back into Equiscope

    equiscope-cli evaluate-model THIS_FOLDER --dataset PATH --format FORMAT [--target T --sensitive S]
)md";

} // namespace

Expected<ModelExportResult> exportModel(const QString &storePath, const QString &runKey,
                                        const QString &directory)
{
    auto run = openRun(storePath, runKey);
    if (!run)
        return run.error();
    auto state = modelStateFromCheckpoint(run->config, run->checkpoint);
    if (!state)
        return state.error();
    if (!QDir().mkpath(directory))
        return fileError(directory, QStringLiteral("cannot create the folder"));
    const QDir dir(directory);
    ModelExportResult result;
    result.directory = dir.absolutePath();
    result.tensors = int(state->tensors.size());
    for (const NamedTensor &t : state->tensors)
        if (!t.name.contains(QLatin1String("running_")) &&
            !t.name.contains(QLatin1String("num_batches")))
            result.parameters += t.elementCount();

    ReportOptions ro;
    ro.openDatasets = false;
    auto runs = loadReportRuns(storePath, {run->record.id}, ro);
    if (!runs)
        return runs.error();
    ModelCard card = modelCardFor(runs->first());

    QMap<QString, QString> meta{
        {QStringLiteral("format"), QStringLiteral("pt")},
        {QStringLiteral("producer"),
         QStringLiteral("Equiscope %1").arg(QStringLiteral(EQUISCOPE_VERSION))},
        {QStringLiteral("run"), run->record.id},
        {QStringLiteral("method"), run->record.method},
        {QStringLiteral("model"),
         QString::fromUtf8(QJsonDocument(state->spec.toJson()).toJson(QJsonDocument::Compact))}};
    auto written = writeSafetensorsFile(dir.filePath(QStringLiteral("model.safetensors")),
                                        state->tensors, meta);
    if (!written)
        return written.error();
    result.files << QStringLiteral("model.safetensors");

    auto archive = libtorchModelArchive(state.value());
    if (!archive)
        return archive.error();
    auto ok = writeText(dir.filePath(QStringLiteral("model.pt")), archive.value());
    if (!ok)
        return ok.error();
    result.files << QStringLiteral("model.pt");

    // The encoder for use without Equiscope: TorchScript with its preprocessing, and ONNX;
    // both are run against LibTorch's model before the export counts as done.
    auto scripted = torchScriptEncoder(state.value());
    if (!scripted)
        return scripted.error();
    auto onnx = onnxEncoderModel(state.value());
    if (!onnx)
        return onnx.error();
    auto check = checkExportedEncoders(state.value(), scripted.value(), onnx.value());
    if (!check) {
        DataError e = check.error();
        e.file = dir.filePath(e.file);
        return e;
    }
    result.encoderCheck = check->toJson();
    for (const auto &[name, bytes] :
         {std::pair{QStringLiteral("encoder.torchscript.pt"), scripted.value()},
          std::pair{QStringLiteral("encoder.onnx"), onnx.value()}}) {
        ok = writeText(dir.filePath(name), bytes);
        if (!ok)
            return ok.error();
        result.files << name;
    }

    QJsonObject metrics;
    for (const MetricRow &m : runs->first().finalMetrics)
        if (m.group.isEmpty()) {
            QJsonObject v{{QStringLiteral("value"), m.value}};
            if (m.ciLow && m.ciHigh) {
                v.insert(QStringLiteral("ciLow"), *m.ciLow);
                v.insert(QStringLiteral("ciHigh"), *m.ciHigh);
            }
            metrics.insert(m.name, v);
        }
    const QJsonObject config{
        {QStringLiteral("format"), QStringLiteral("equiscope-model")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("model"), state->spec.toJson()},
        {QStringLiteral("preprocessing"),
         QJsonObject{
             {QStringLiteral("layout"), QStringLiteral("NCHW float32")},
             {QStringLiteral("scale"), QStringLiteral("pixel / 255")},
             {QStringLiteral("resize"), QStringLiteral("bilinear to %1 x %1, align_corners=false")
                                            .arg(state->spec.inputSize)},
             {QStringLiteral("normalisation"), QStringLiteral("none")},
             {QStringLiteral("representation"),
              QStringLiteral("backbone output (before the projection head)")}}},
        {QStringLiteral("run"),
         QJsonObject{{QStringLiteral("id"), run->record.id},
                     {QStringLiteral("name"), run->record.name},
                     {QStringLiteral("method"), run->record.method},
                     {QStringLiteral("family"), runFamilyName(run->record.family)},
                     {QStringLiteral("seed"), QString::number(run->record.seed)},
                     {QStringLiteral("datasetFingerprint"), run->record.datasetFingerprint},
                     {QStringLiteral("datasetSpec"), run->record.datasetSpec},
                     {QStringLiteral("versions"), run->record.versions}}},
        {QStringLiteral("exports"),
         QJsonObject{
             {QStringLiteral("encoder.torchscript.pt"),
              QStringLiteral("TorchScript: forward(uint8 N x H x W x C images) -> representation, "
                             "with preprocess(), represent() and project()")},
             {QStringLiteral("encoder.onnx"),
              QStringLiteral("ONNX opset 13: input 'input' (preprocessed float N x C x S x S, or "
                             "N x D features) -> 'representation'")}}},
        {QStringLiteral("exportCheck"), check->toJson()},
        {QStringLiteral("runConfig"), run->record.config},
        {QStringLiteral("metrics"), metrics},
        {QStringLiteral("tensors"), tensorList(state.value())}};
    ok = writeText(dir.filePath(QStringLiteral("config.json")), QJsonDocument(config).toJson());
    if (!ok)
        return ok.error();
    card.details.append(
        {QStringLiteral("Files"),
         QStringLiteral("model.safetensors (weights), model.pt (LibTorch archive), "
                        "encoder.torchscript.pt (TorchScript encoder with its preprocessing, "
                        "callable on uint8 images), encoder.onnx (ONNX encoder); both encoders "
                        "reproduce the model within %1 (max |difference| %2 TorchScript, %3 "
                        "ONNX under %4)")
             .arg(ExportedEncoderCheck::kTolerance)
             .arg(check->torchScriptMaxAbsDifference, 0, 'g', 2)
             .arg(check->onnxMaxAbsDifference, 0, 'g', 2)
             .arg(check->onnxRuntime)});
    ok = writeText(dir.filePath(QStringLiteral("model_card.md")), card.toMarkdown().toUtf8());
    if (!ok)
        return ok.error();
    ok = writeText(dir.filePath(QStringLiteral("model_card.json")),
                   QJsonDocument(card.toJson()).toJson());
    if (!ok)
        return ok.error();
    ok = writeText(dir.filePath(QStringLiteral("README.md")), QByteArray(kReadme));
    if (!ok)
        return ok.error();
    result.files << QStringLiteral("config.json") << QStringLiteral("model_card.md")
                 << QStringLiteral("model_card.json") << QStringLiteral("README.md");
    return result;
}

Expected<ImportedModel> importModel(const QString &directory)
{
    const QDir dir(directory);
    const QString configPath = dir.filePath(QStringLiteral("config.json"));
    QFile f(configPath);
    if (!f.open(QIODevice::ReadOnly))
        return fileError(
            configPath,
            QStringLiteral("no exported model here (config.json: %1)").arg(f.errorString()));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (!doc.isObject() ||
        doc.object().value(QStringLiteral("format")).toString() != QLatin1String("equiscope-model"))
        return DataError{configPath,
                         -1,
                         err.offset,
                         QStringLiteral("format"),
                         QStringLiteral("an Equiscope model config (format equiscope-model)"),
                         doc.isObject() ? doc.object().value(QStringLiteral("format")).toString()
                                        : err.errorString(),
                         {}};
    ImportedModel m;
    m.directory = dir.absolutePath();
    m.configJson = doc.object();
    auto spec = ModelSpec::fromJson(m.configJson.value(QStringLiteral("model")).toObject());
    if (!spec) {
        DataError e = spec.error();
        e.file = configPath;
        return e;
    }
    auto config = FareConfig::fromJson(m.configJson.value(QStringLiteral("runConfig")).toObject());
    if (!config) {
        DataError e = config.error();
        e.file = configPath;
        return e;
    }
    m.config = config.value();
    auto weights = readSafetensorsFile(dir.filePath(QStringLiteral("model.safetensors")));
    if (!weights)
        return weights.error();
    // Non-finite weights evaluate to noise (below-chance accuracy, exit 0): refuse them.
    for (const NamedTensor &t : weights->tensors) {
        const qint64 bad = nonFiniteCount(t);
        if (bad > 0)
            return fileError(dir.filePath(QStringLiteral("model.safetensors")),
                             QStringLiteral("tensor %1 has %2 non-finite values (NaN or "
                                            "infinity) of %3: the model is broken")
                                 .arg(t.name)
                                 .arg(bad)
                                 .arg(t.elementCount()));
    }
    m.state.spec = spec.value();
    m.state.tensors = weights->tensors;
    return m;
}

Expected<QJsonObject> evaluateImportedModel(const ImportedModel &model,
                                            const ModelEvaluationOptions &options,
                                            const std::atomic<bool> &cancel)
{
    FareConfig config = model.config;
    config.dataset = options.dataset;
    if (!options.target.isEmpty())
        config.target = options.target;
    if (!options.sensitive.isEmpty())
        config.sensitive = options.sensitive;
    if (options.probeTrainLimit >= 0)
        config.probeTrainLimit = options.probeTrainLimit;
    if (options.testLimit >= 0)
        config.testLimit = options.testLimit;
    config.threads = options.threads;
    auto dataset = openDataset(config.dataset);
    if (!dataset)
        return dataset.error();
    auto session = FareSession::create(config, dataset.value());
    if (!session)
        return session.error();
    auto loaded = session.value()->loadModelState(model.state);
    if (!loaded) {
        DataError e = loaded.error();
        e.file = QDir(model.directory).filePath(QStringLiteral("model.safetensors"));
        return e;
    }
    auto report = session.value()->evaluate(cancel);
    if (!report)
        return report.error();
    QJsonObject out = report->toJson();
    out.insert(QStringLiteral("model"), model.directory);
    out.insert(
        QStringLiteral("trainedRun"),
        model.configJson.value(QStringLiteral("run")).toObject().value(QStringLiteral("id")));
    out.insert(QStringLiteral("dataset"), config.dataset.toJson());
    out.insert(QStringLiteral("datasetFingerprint"), dataset->fingerprint());
    out.insert(QStringLiteral("target"), config.target);
    out.insert(QStringLiteral("sensitive"), QJsonArray::fromStringList(config.sensitive));
    return out;
}

Expected<EmbeddingsExportResult> exportEmbeddings(const QString &storePath, const QString &runKey,
                                                  Split split, const QString &directory,
                                                  qint64 limit, const std::atomic<bool> &cancel)
{
    auto run = openRun(storePath, runKey);
    if (!run)
        return run.error();
    auto dataset = openDataset(run->config.dataset);
    if (!dataset)
        return dataset.error();
    if (!run->record.datasetFingerprint.isEmpty() &&
        dataset->fingerprint() != run->record.datasetFingerprint)
        return fileError(
            run->config.dataset.path,
            QStringLiteral("the dataset here differs from the one run %1 was trained on "
                           "(fingerprint %2, recorded %3)")
                .arg(run->record.id, dataset->fingerprint(), run->record.datasetFingerprint));
    auto session = FareSession::create(run->config, dataset.value());
    if (!session)
        return session.error();
    auto restored = session.value()->restoreCheckpoint(run->checkpoint);
    if (!restored)
        return restored.error();
    std::vector<qint64> samples = dataset->indicesOf(split);
    if (limit > 0 && qint64(samples.size()) > limit)
        samples.resize(size_t(limit));
    if (samples.empty())
        return fileError(run->config.dataset.path,
                         QStringLiteral("the %1 split is empty").arg(splitName(split)));
    if (!QDir().mkpath(directory))
        return fileError(directory, QStringLiteral("cannot create the folder"));
    const QDir dir(directory);
    EmbeddingsExportResult result;
    int dim = 0;
    const QVector<float> emb = session.value()->embeddings(samples, &dim);
    if (cancel.load())
        return fileError(directory, QStringLiteral("cancelled"));
    QString npyError;
    if (!writeNpy(dir.filePath(QStringLiteral("embeddings.npy")), emb.constData(),
                  qint64(samples.size()), dim, &npyError))
        return fileError(dir.filePath(QStringLiteral("embeddings.npy")), npyError);
    result.files << QStringLiteral("embeddings.npy");
    result.samples = qint64(samples.size());
    result.dim = dim;

    auto predictions = session.value()->probePredictions(samples, cancel);
    if (!predictions)
        return predictions.error();
    const ProbePredictions &pp = predictions.value();
    const AttributeTable &attrs = dataset->attributes;
    auto groupText = [&](size_t i) {
        const int g = pp.groupOf[i];
        return g >= 0 && g < pp.groupLabels.size() ? pp.groupLabels[g] : QString();
    };
    QString csv = QStringLiteral("sample,item,split");
    for (const Attribute &a : attrs.columns())
        csv += QLatin1Char(',') + csvField(a.name());
    csv += QStringLiteral(",group");
    for (int k = 0; k < dim; ++k)
        csv += QStringLiteral(",e%1").arg(k);
    csv += QLatin1Char('\n');
    for (size_t i = 0; i < samples.size(); ++i) {
        const qint64 s = samples[i];
        csv += QString::number(s) + QLatin1Char(',') + csvField(dataset->itemNames.value(s)) +
               QLatin1Char(',') + splitName(split);
        for (const Attribute &a : attrs.columns())
            csv += QLatin1Char(',') + csvField(a.displayValue(s));
        csv += QLatin1Char(',') + csvField(groupText(i));
        for (int k = 0; k < dim; ++k)
            csv += QLatin1Char(',') + QString::number(double(emb[qsizetype(i) * dim + k]), 'g', 9);
        csv += QLatin1Char('\n');
    }
    auto ok = writeText(dir.filePath(QStringLiteral("embeddings.csv")), csv.toUtf8());
    if (!ok)
        return ok.error();
    result.files << QStringLiteral("embeddings.csv");

    QString pred = QStringLiteral("sample,item,label,pred,score");
    for (const QString &c : pp.classNames)
        pred += QLatin1Char(',') + csvField(QStringLiteral("p_") + c);
    pred += QStringLiteral(",group");
    for (const QString &s : run->config.sensitive)
        pred += QLatin1Char(',') + csvField(s);
    pred += QLatin1Char('\n');
    const int K = pp.classes;
    for (size_t i = 0; i < samples.size(); ++i) {
        const qint64 s = samples[i];
        const float *prob = pp.probabilities.data() + i * size_t(K);
        // score = P(class 1) for binary targets (the positive class), else P(predicted class).
        const float score = K == 2 ? prob[1] : prob[pp.predictions[i]];
        pred += QString::number(s) + QLatin1Char(',') + csvField(dataset->itemNames.value(s)) +
                QLatin1Char(',') +
                csvField(pp.labels[i] >= 0 ? pp.classNames.value(pp.labels[i]) : QString()) +
                QLatin1Char(',') + csvField(pp.classNames.value(pp.predictions[i])) +
                QLatin1Char(',') + QString::number(double(score), 'g', 7);
        for (int k = 0; k < K; ++k)
            pred += QLatin1Char(',') + QString::number(double(prob[k]), 'g', 7);
        pred += QLatin1Char(',') + csvField(groupText(i));
        for (const QString &name : run->config.sensitive)
            pred += QLatin1Char(',') + csvField(attrs.column(name).displayValue(s));
        pred += QLatin1Char('\n');
    }
    ok = writeText(dir.filePath(QStringLiteral("predictions.csv")), pred.toUtf8());
    if (!ok)
        return ok.error();
    result.files << QStringLiteral("predictions.csv");
    return result;
}

} // namespace equiscope
