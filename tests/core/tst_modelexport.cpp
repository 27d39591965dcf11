// Model export from a real tiny run: safetensors read back byte-exactly by a reader written
// here (and by Python's json + struct + numpy where available), the LibTorch archive holds the
// same tensors, the model evaluates on another dataset, and exported predictions audit to the
// run's own metrics.
#include "export/modelexport.h"
#include "export/safetensors.h"
#include "report/predictionaudit.h"

#include "data/npyfile.h"
#include "enginefixtures.h"
#include "fare/farejob.h"
#include "fixtures.h"
#include "store/runstore.h"

#include "data/datasetreader.h"
#include "data/imagecache.h"
#include "fare/faresession.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <opencv2/dnn.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <limits>

using namespace equiscope;

namespace {

/// A safetensors reader written from the format description, sharing no code with core.
struct IndependentTensor
{
    QString dtype;
    std::vector<qint64> shape;
    qint64 begin = 0, end = 0;
};

struct IndependentFile
{
    QString error;
    quint64 headerLength = 0;
    QJsonObject metadata;
    QMap<QString, IndependentTensor> tensors;
    QByteArray data;
};

IndependentFile readIndependently(const QByteArray &file)
{
    IndependentFile f;
    if (file.size() < 8) {
        f.error = "shorter than 8 bytes";
        return f;
    }
    const auto *b = reinterpret_cast<const unsigned char *>(file.constData());
    for (int i = 0; i < 8; ++i)
        f.headerLength |= quint64(b[i]) << (8 * i);
    if (f.headerLength + 8 > quint64(file.size())) {
        f.error = "header runs past the end";
        return f;
    }
    const QByteArray header = file.mid(8, qsizetype(f.headerLength));
    const QJsonObject o = QJsonDocument::fromJson(header).object();
    if (o.isEmpty()) {
        f.error = "header is not a JSON object";
        return f;
    }
    f.data = file.mid(qsizetype(8 + f.headerLength));
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == "__metadata__") {
            f.metadata = it.value().toObject();
            continue;
        }
        const QJsonObject t = it.value().toObject();
        IndependentTensor x;
        x.dtype = t.value("dtype").toString();
        for (const QJsonValue &v : t.value("shape").toArray())
            x.shape.push_back(v.toInteger());
        x.begin = t.value("data_offsets").toArray().at(0).toInteger();
        x.end = t.value("data_offsets").toArray().at(1).toInteger();
        f.tensors.insert(it.key(), x);
    }
    return f;
}

int bytesOf(const QString &dtype)
{
    return dtype == "F32" ? 4 : dtype == "I64" || dtype == "F64" ? 8 : 0;
}

QString train(const FareConfig &config, const QString &store)
{
    FareJob job(config, store);
    job.start();
    job.wait();
    return job.outcome() == JobOutcome::Finished ? job.runId() : QString();
}

/// The tensor at a dotted path of a LibTorch archive ("backbone.conv1.weight").
torch::Tensor archiveTensor(torch::serialize::InputArchive &root, const QString &name)
{
    const QStringList parts = name.split('.');
    std::vector<torch::serialize::InputArchive> chain(size_t(parts.size()));
    torch::serialize::InputArchive *current = &root;
    for (int i = 0; i + 1 < parts.size(); ++i) {
        if (!current->try_read(parts[i].toStdString(), chain[size_t(i)]))
            return {};
        current = &chain[size_t(i)];
    }
    torch::Tensor t;
    if (!current->try_read(parts.last().toStdString(), t))
        return {};
    return t;
}

const char kPythonCheck[] = R"py(
import json, struct, sys
import numpy as np
import torch
raw = open(sys.argv[1], "rb").read()
n = struct.unpack("<Q", raw[:8])[0]
assert (8 + n) % 8 == 0, "data not 8-byte aligned"
header = json.loads(raw[8:8 + n])
meta = header.pop("__metadata__")
assert meta["format"] == "pt"
data = raw[8 + n:]
dtypes = {"F32": "<f4", "F64": "<f8", "I64": "<i8"}
rank = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32",
        "F32", "F64", "I64", "U64"]
by_offset = sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0])
assert [k for k, _ in by_offset] == [k for k, _ in sorted(
    header.items(), key=lambda kv: (-rank.index(kv[1]["dtype"]), kv[0].encode()))], "order"
end = 0
for k, v in by_offset:
    b, e = v["data_offsets"]
    assert b == end, "gap before " + k
    end = e
assert end == len(data), "trailing bytes"
weights = {k: np.frombuffer(data[v["data_offsets"][0]:v["data_offsets"][1]],
                            dtypes[v["dtype"]]).reshape(v["shape"]) for k, v in header.items()}
state = torch.jit.load(sys.argv[2]).state_dict()
assert set(state) == set(weights), sorted(set(state) ^ set(weights))
for k, t in state.items():
    w = weights[k]
    assert w.dtype == t.numpy().dtype, k
    assert np.array_equal(w, t.numpy()), k
# The TorchScript encoder on the run's own uint8 test images gives the run's representations.
shape = [int(v) for v in sys.argv[5].split("x")]
images = torch.from_numpy(np.fromfile(sys.argv[4], dtype=np.uint8).reshape(shape))
encoder = torch.jit.load(sys.argv[3])
got = encoder(images).detach().numpy()
expected = np.load(sys.argv[6])
assert got.shape == expected.shape, (got.shape, expected.shape)
assert np.abs(got - expected).max() <= 1e-4, np.abs(got - expected).max()
print("ok", len(weights))
)py";

} // namespace

class TestModelExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_run;
    FareConfig m_config;
    QString m_imageShape;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QByteArray read(const QString &file) const
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", path("cache").toUtf8());
        m_store = path("runs.sqlite");
        m_config = fixtures::tinyColoredRun(path("data"));
        m_config.epochs = 1;
        m_run = train(m_config, m_store);
        QVERIFY(!m_run.isEmpty());
    }

    void encodesTheReferenceLayout()
    {
        // Hand-built expectation: I64 before F32 (larger alignment first), then by name.
        auto f32 = [](const QString &name, std::vector<qint64> shape, std::vector<float> v) {
            return NamedTensor{
                name, "F32", shape,
                QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size() * 4))};
        };
        const qint64 seven = 7;
        const QVector<NamedTensor> tensors{
            f32("w", {2, 3}, {1, 2, 3, 4, 5, 6}), f32("a", {1}, {0.5f}),
            NamedTensor{"steps", "I64", {}, QByteArray(reinterpret_cast<const char *>(&seven), 8)}};
        auto bytes = encodeSafetensors(tensors, {{"format", "pt"}});
        QVERIFY(bytes.ok());
        QByteArray header = R"({"__metadata__":{"format":"pt"},)"
                            R"("steps":{"dtype":"I64","shape":[],"data_offsets":[0,8]},)"
                            R"("a":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},)"
                            R"("w":{"dtype":"F32","shape":[2,3],"data_offsets":[12,36]}})";
        header += QByteArray((8 - header.size() % 8) % 8, ' ');
        QByteArray expected(8, 0);
        for (int i = 0; i < 8; ++i)
            expected[i] = char((quint64(header.size()) >> (8 * i)) & 0xff);
        expected += header + tensors[2].data + tensors[1].data + tensors[0].data;
        QCOMPARE(bytes.value(), expected);

        auto back = decodeSafetensors(bytes.value());
        QVERIFY(back.ok());
        QCOMPARE(back->metadata.value("format"), QString("pt"));
        QCOMPARE(back->tensors.size(), 3);
        QCOMPARE(back->tensors[0].name, QString("steps"));
        QCOMPARE(back->tensors[2].data, tensors[0].data);
        QCOMPARE(back->tensors[2].shape, (std::vector<qint64>{2, 3}));
    }

    void rejectsBrokenFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        auto file = [](const QByteArray &header, const QByteArray &data) {
            QByteArray out(8, 0);
            for (int i = 0; i < 8; ++i)
                out[i] = char((quint64(header.size()) >> (8 * i)) & 0xff);
            return out + header + data;
        };
        QTest::newRow("too short") << QByteArray("abc") << "8-byte";
        QTest::newRow("length past end")
            << QByteArray("\xff\x00\x00\x00\x00\x00\x00\x00{}", 10) << "header length";
        QTest::newRow("not json") << file("{nope", "") << "JSON";
        QTest::newRow("unknown dtype")
            << file(R"({"x":{"dtype":"Q9","shape":[1],"data_offsets":[0,4]}})", "abcd") << "dtype";
        QTest::newRow("size does not match shape")
            << file(R"({"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", "abcd")
            << "8 bytes";
        QTest::newRow("gap") << file(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                                     "abcdefgh")
                             << "gaps";
        QTest::newRow("trailing data")
            << file(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", "abcdefgh")
            << "covering";
    }
    void rejectsBrokenFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        auto r = decodeSafetensors(bytes, "m.safetensors");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().toString().contains(message), qPrintable(r.error().toString()));
        QVERIFY(r.error().toString().contains("m.safetensors"));
    }

    void exportedWeightsReadBackByteExactly()
    {
        const QString dir = path("model");
        auto result = exportModel(m_store, m_run, dir);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QVERIFY(result->files.contains("model.safetensors"));
        QVERIFY(result->parameters > 40000); // LeNet + head

        auto store = RunStore::open(m_store);
        QVERIFY(store.ok());
        const QByteArray checkpoint =
            store.value()->artifact(m_run, QStringLiteral("checkpoint")).value().bytes;
        auto state = modelStateFromCheckpoint(m_config, checkpoint);
        QVERIFY(state.ok());

        const QByteArray file = read(dir + "/model.safetensors");
        const IndependentFile f = readIndependently(file);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QCOMPARE((8 + f.headerLength) % 8, 0u);
        QCOMPARE(f.metadata.value("run").toString(), m_run);
        QCOMPARE(f.tensors.size(), state->tensors.size());
        qint64 covered = 0;
        for (const NamedTensor &t : state->tensors) {
            QVERIFY2(f.tensors.contains(t.name), qPrintable(t.name));
            const IndependentTensor &x = f.tensors[t.name];
            QCOMPARE(x.dtype, t.dtype);
            QCOMPARE(x.shape, t.shape);
            QCOMPARE(x.begin % bytesOf(x.dtype), 0); // aligned to its element size
            QCOMPARE(f.data.mid(qsizetype(x.begin), qsizetype(x.end - x.begin)), t.data);
            covered += x.end - x.begin;
        }
        QCOMPARE(covered, qint64(f.data.size()));
        QVERIFY(f.tensors.contains("backbone.conv1.weight"));
        QCOMPARE(f.tensors["backbone.conv1.weight"].shape, (std::vector<qint64>{6, 3, 5, 5}));
        QVERIFY(f.tensors.contains("head.net.1.running_mean"));

        // The LibTorch archive holds the same tensors.
        torch::serialize::InputArchive archive;
        archive.load_from((dir + "/model.pt").toStdString());
        for (const NamedTensor &t : state->tensors) {
            const torch::Tensor a = archiveTensor(archive, t.name).contiguous();
            QVERIFY2(a.defined(), qPrintable(t.name));
            QCOMPARE(QByteArray(static_cast<const char *>(a.data_ptr()), qsizetype(a.nbytes())),
                     t.data);
        }

        const QJsonObject config = QJsonDocument::fromJson(read(dir + "/config.json")).object();
        QCOMPARE(config.value("format").toString(), QString("equiscope-model"));
        QCOMPARE(config.value("model").toObject().value("representationDim").toInt(), 84);
        QCOMPARE(config.value("model").toObject().value("inChannels").toInt(), 3);
        QCOMPARE(config.value("tensors").toArray().size(), state->tensors.size());
        QVERIFY(config.value("metrics").toObject().contains("accuracy"));
        const QByteArray card = read(dir + "/model_card.md");
        QVERIFY(card.contains("# Model card"));
        QVERIFY(card.contains("## Limitations"));
        QVERIFY(card.contains("rgb"));
        QVERIFY(QJsonDocument::fromJson(read(dir + "/model_card.json"))
                    .object()
                    .contains("limitations"));
    }

    void exportedEncodersGiveTheRunsRepresentations()
    {
        // The TorchScript module on raw uint8 images and the ONNX model under OpenCV DNN give
        // what the run itself computes for its test images.
        const QString dir = path("model");
        auto dataset = openDataset(m_config.dataset);
        QVERIFY(dataset.ok());
        auto session = FareSession::create(m_config, dataset.value());
        QVERIFY(session.ok());
        auto store = RunStore::open(m_store);
        QVERIFY(store.ok());
        QVERIFY(session.value()
                    ->restoreCheckpoint(
                        store.value()->artifact(m_run, QStringLiteral("checkpoint")).value().bytes)
                    .ok());
        std::vector<qint64> samples = dataset->indicesOf(Split::Test);
        samples.resize(16);
        int dim = 0;
        const QVector<float> embeddings = session.value()->embeddings(samples, &dim);
        const torch::Tensor expected =
            torch::from_blob(const_cast<float *>(embeddings.constData()), {16, dim}).clone();

        const ImageCache::Shape &shape = dataset->images->shape();
        torch::Tensor images =
            torch::empty({16, shape.height, shape.width, shape.channels}, torch::kUInt8);
        for (int i = 0; i < 16; ++i)
            std::memcpy(images[i].data_ptr(), dataset->images->image(samples[size_t(i)]),
                        size_t(shape.imageBytes()));

        torch::jit::Module encoder =
            torch::jit::load((dir + "/encoder.torchscript.pt").toStdString());
        torch::NoGradGuard noGrad;
        const torch::Tensor scripted = encoder.forward({images}).toTensor();
        QVERIFY((scripted - expected).abs().max().item<double>() <= 1e-4);

        const torch::Tensor x = encoder.get_method("preprocess")({images}).toTensor().contiguous();
        cv::dnn::Net net = cv::dnn::readNetFromONNX((dir + "/encoder.onnx").toStdString());
        std::vector<int> dims(x.sizes().begin(), x.sizes().end());
        net.setInput(cv::Mat(4, dims.data(), CV_32F, x.data_ptr<float>()), "input");
        const cv::Mat out = net.forward("representation");
        QCOMPARE(out.size[0], 16);
        QCOMPARE(out.size[1], dim);
        const torch::Tensor onnx =
            torch::from_blob(const_cast<float *>(out.ptr<float>()), {16, dim}).clone();
        QVERIFY((onnx - expected).abs().max().item<double>() <= 1e-4);

        const QJsonObject config = QJsonDocument::fromJson(read(dir + "/config.json")).object();
        const QJsonObject check = config.value("exportCheck").toObject();
        QVERIFY(check.value("onnxMaxAbsDifference").toDouble(1) <= 1e-4);
        QVERIFY(check.value("torchScriptMaxAbsDifference").toDouble(1) <= 1e-4);
        QVERIFY(config.value("exports").toObject().contains("encoder.onnx"));
        const QByteArray card = read(dir + "/model_card.md");
        QVERIFY(card.contains("encoder.torchscript.pt"));
        QVERIFY(card.contains("encoder.onnx"));

        // For the Python check below: the images as raw bytes and the expected output.
        QFile raw(path("images.u8"));
        QVERIFY(raw.open(QIODevice::WriteOnly));
        raw.write(static_cast<const char *>(images.data_ptr()), qint64(images.nbytes()));
        raw.close();
        m_imageShape =
            QStringLiteral("16x%1x%2x%3").arg(shape.height).arg(shape.width).arg(shape.channels);
        QString error;
        QVERIFY(writeNpy(path("expected.npy"), embeddings.constData(), 16, dim, &error));
    }

    void pythonReadsItWithoutPickle()
    {
        QString python;
        for (const QString &candidate :
             {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
            QProcess probe;
            probe.start(candidate, {"-c", "import numpy, torch"});
            if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit &&
                probe.exitCode() == 0) {
                python = candidate;
                break;
            }
        }
        if (python.isEmpty())
            QSKIP("no python3 with numpy and torch (python3-torch)");
        const QString script = path("check.py");
        QVERIFY(fixtures::writeFile(script, kPythonCheck));
        QProcess proc;
        proc.start(python, {script, path("model/model.safetensors"), path("model/model.pt"),
                            path("model/encoder.torchscript.pt"), path("images.u8"), m_imageShape,
                            path("expected.npy")});
        QVERIFY(proc.waitForFinished(120000));
        const QByteArray out = proc.readAllStandardOutput();
        QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
        QVERIFY(out.startsWith("ok "));
    }

    void brokenModelFilesAreRefused()
    {
        // NaN weights would evaluate to noise with exit 0; a huge input size would allocate
        // without bound: both are refused by name before anything runs.
        auto model = importModel(path("model"));
        QVERIFY(model.ok());
        const QString nan = path("model-nan");
        QVERIFY(QDir().mkpath(nan));
        QVERIFY(QFile::copy(path("model/config.json"), nan + "/config.json"));
        QVector<NamedTensor> tensors = model->state.tensors;
        for (NamedTensor &t : tensors)
            if (t.name == "backbone.conv2.weight") {
                const float bad = std::numeric_limits<float>::quiet_NaN();
                std::memcpy(t.data.data() + 4 * 7, &bad, 4);
            }
        QVERIFY(writeSafetensorsFile(nan + "/model.safetensors", tensors, {}).ok());
        auto broken = importModel(nan);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().toString().contains("backbone.conv2.weight") &&
                     broken.error().toString().contains("1 non-finite"),
                 qPrintable(broken.error().toString()));

        const QString huge = path("model-huge");
        QVERIFY(QDir().mkpath(huge));
        QVERIFY(QFile::copy(path("model/model.safetensors"), huge + "/model.safetensors"));
        QJsonObject config = QJsonDocument::fromJson(read(path("model/config.json"))).object();
        QJsonObject spec = config.value("model").toObject();
        spec.insert("inputSize", 100000);
        config.insert("model", spec);
        QVERIFY(fixtures::writeFile(huge + "/config.json", QJsonDocument(config).toJson()));
        broken = importModel(huge);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().toString().contains("inputSize 100000") &&
                     broken.error().toString().contains("config.json"),
                 qPrintable(broken.error().toString()));
    }

    void importedModelEvaluatesOnAnotherDataset()
    {
        auto model = importModel(path("model"));
        QVERIFY2(model.ok(), qPrintable(model.error().toString()));
        FareConfig other = fixtures::tinyColoredRun(path("other"), 256, 128);
        other.dataset.options.insert("rho", "0.3");
        ModelEvaluationOptions o;
        o.dataset = other.dataset;
        o.threads = 2;
        std::atomic<bool> cancel{false};
        auto result = evaluateImportedModel(model.value(), o, cancel);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        const double acc = result->value("accuracy").toDouble();
        QVERIFY(acc >= 0 && acc <= 1);
        QCOMPARE(result->value("testSamples").toInt(), 128);
        QVERIFY(result->value("groupMetrics").toObject().value("groups").toArray().size() >= 2);
        auto store = RunStore::open(m_store);
        QVERIFY(result->value("datasetFingerprint").toString() !=
                store.value()->run(m_run)->datasetFingerprint);

        // Same weights, same data and protocol as training: the run's own accuracy comes back.
        o.dataset = m_config.dataset;
        auto same = evaluateImportedModel(model.value(), o, cancel);
        QVERIFY(same.ok());
        double stored = -1;
        const QVector<MetricRow> metrics = store.value()->metrics(m_run).value();
        for (const MetricRow &m : metrics)
            if (m.name == "accuracy" && m.group.isEmpty())
                stored = m.value;
        QCOMPARE(same->value("accuracy").toDouble(), stored);

        // A one-channel dataset does not fit a model trained on colour images.
        o.dataset = DatasetSpec{"idx", path("data"), {}};
        o.sensitive = {"label"};
        auto wrong = evaluateImportedModel(model.value(), o, cancel);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().toString().contains("channels"),
                 qPrintable(wrong.error().toString()));

        auto r = fixtures::runCli(
            {"evaluate-model", path("model"), "--dataset", QString(), "--format", "colored",
             "--dataset-option", "source=" + path("other"), "--dataset-option", "sourceFormat=idx",
             "--dataset-option", "rho=0.3", "--threads", "2"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("accuracy").toDouble(), acc);
    }

    void embeddingsAndPredictionsExport()
    {
        const QString dir = path("emb");
        std::atomic<bool> cancel{false};
        auto result = exportEmbeddings(m_store, m_run, Split::Test, dir, 0, cancel);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result->samples, 160);
        QCOMPARE(result->dim, 84);
        auto npy = readNpy(dir + "/embeddings.npy");
        QVERIFY(npy.ok());
        QCOMPARE(npy->rows, 160);
        QCOMPARE(npy->cols, 84);
        const QList<QByteArray> lines = read(dir + "/embeddings.csv").trimmed().split('\n');
        QCOMPARE(lines.size(), 161);
        QVERIFY(lines[0].startsWith("sample,item,split,label,"));
        QVERIFY(lines[0].contains(",group,e0,"));
        QVERIFY(lines[0].endsWith(",e83"));
        // The CSV's numbers are the NPY's.
        const QList<QByteArray> firstRow = lines[1].split(',');
        QCOMPARE(firstRow.last().toFloat(), npy->values[83]);

        // The probe predictions audit to the run's own final metrics.
        AuditOptions o;
        o.labelColumn = "label";
        o.predictionColumn = "pred";
        o.scoreColumn = "score";
        o.groupColumns = {"group"};
        o.minGroupSize = m_config.minGroupSize;
        o.resamples = 0;
        auto audit = auditPredictionsFile(dir + "/predictions.csv", o);
        QVERIFY2(audit.ok(), qPrintable(audit.error().toString()));
        auto store = RunStore::open(m_store);
        QVector<MetricRow> stored = store.value()->metrics(m_run).value();
        int compared = 0;
        for (const MetricRow &m : stored) {
            // Group-accuracy metrics do not depend on how many classes the target declares (the
            // fixture uses 2 of Fashion-MNIST's 10 labels; the run's one-vs-rest gaps average
            // over all 10, the CSV knows only the 2 it contains).
            if (!m.group.isEmpty() ||
                !QStringList{"accuracy", "worst_group_accuracy", "accuracy_std"}.contains(m.name))
                continue;
            QCOMPARE(audit->report.metric(m.name).value, m.value);
            ++compared;
        }
        QCOMPARE(compared, 3);
        QCOMPARE(audit->report.sampleCount, 160);
        QCOMPARE(audit->scores.size(), audit->report.groups.size());

        auto r = fixtures::runCli({"export-embeddings", m_run, "--split", "train", "--limit", "50",
                                   "--out", path("emb-train"), "--store", m_store});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("50 samples"));
        r = fixtures::runCli(
            {"export-model", m_run, "--out", path("model-cli"), "--store", m_store});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(read(path("model-cli/model.safetensors")), read(path("model/model.safetensors")));
    }
};

QTEST_GUILESS_MAIN(TestModelExport)
#include "tst_modelexport.moc"
