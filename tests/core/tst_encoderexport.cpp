// The encoder exports of export-model: the TorchScript module (with its preprocessing) and the
// ONNX model (written without an ONNX library) against LibTorch's own modules, for every
// encoder, with BatchNorm statistics that are not the identity; ONNX read by OpenCV's DNN
// module, an implementation that shares nothing with the writer.
#include "export/onnxencoder.h"
#include "export/scriptedencoder.h"

#include "fare/modelstate_p.h"
#include "nn/batchaugmenter_p.h"

#include <torch/script.h>

#include <opencv2/dnn.hpp>

#include <QtTest>

#include <sstream>

using namespace equiscope;

namespace {

ModelSpec spec(const QString &encoder, int channels, int inputSize, int width, int inputDim = 0)
{
    ModelSpec s;
    s.encoder = encoder;
    s.inChannels = channels;
    s.inputDim = inputDim;
    s.width = width;
    s.projectionDim = 16;
    s.inputSize = inputSize;
    return s;
}

/// A model with random weights and random BatchNorm running statistics, as its state.
ModelState randomState(ModelSpec s, quint64 seed)
{
    torch::manual_seed(seed);
    ContrastiveModel model = buildModel(s);
    torch::NoGradGuard noGrad;
    for (auto &b : model->named_buffers()) {
        if (b.key().find("running_mean") != std::string::npos)
            b.value().copy_(torch::randn_like(b.value()) * 0.2);
        else if (b.key().find("running_var") != std::string::npos)
            b.value().copy_(torch::rand_like(b.value()) + 0.5);
    }
    for (auto &p : model->named_parameters())
        if (p.key().find("bn") != std::string::npos || p.key().find("net.1.") != std::string::npos)
            p.value().copy_(torch::randn_like(p.value()) * 0.3 +
                            (p.key().find("weight") != std::string::npos ? 1.0 : 0.0));
    s.representationDim = model->representationDim();
    return modelStateOf(model, s);
}

torch::jit::Module loadScript(const QByteArray &bytes)
{
    std::istringstream in(bytes.toStdString());
    return torch::jit::load(in);
}

double maxDiff(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestEncoderExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothExportsReproduceTheModel_data()
    {
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("inputSize");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("inputDim");
        QTest::newRow("lenet rgb") << "lenet" << 3 << 32 << 64 << 0;
        QTest::newRow("lenet grey") << "lenet" << 1 << 32 << 64 << 0;
        QTest::newRow("resnet18") << "resnet18" << 3 << 16 << 8 << 0;
        QTest::newRow("mlp") << "mlp" << 0 << 32 << 24 << 12;
    }
    void bothExportsReproduceTheModel()
    {
        QFETCH(QString, encoder);
        QFETCH(int, channels);
        QFETCH(int, inputSize);
        QFETCH(int, width);
        QFETCH(int, inputDim);
        const ModelState state =
            randomState(spec(encoder, channels, inputSize, width, inputDim), 7);
        auto script = torchScriptEncoder(state);
        QVERIFY2(script.ok(), qPrintable(script.error().toString()));
        auto onnx = onnxEncoderModel(state);
        QVERIFY2(onnx.ok(), qPrintable(onnx.error().toString()));
        auto check = checkExportedEncoders(state, script.value(), onnx.value(), 6, 3);
        QVERIFY2(check.ok(), qPrintable(check.error().toString()));
        QCOMPARE(check->samples, 6);
        qInfo("%s: max |difference| TorchScript %.3g, ONNX %.3g (%s)", qPrintable(encoder),
              check->torchScriptMaxAbsDifference, check->onnxMaxAbsDifference,
              qPrintable(check->onnxRuntime));
        QVERIFY(check->torchScriptMaxAbsDifference <= 1e-4);
        QVERIFY(check->onnxMaxAbsDifference <= 1e-4);
        QVERIFY(check->onnxRuntime.startsWith("OpenCV DNN"));
        const QJsonObject json = check->toJson();
        QCOMPARE(json.value("tolerance").toDouble(), 1e-4);

        // The projection head is there too, and equal to LibTorch's.
        ContrastiveModel model = buildModel(state.spec);
        QVERIFY(loadModelStateInto(model, state).ok());
        model->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor r = torch::randn({5, state.spec.representationDim});
        torch::jit::Module module = loadScript(script.value());
        QVERIFY(maxDiff(module.get_method("project")({r}).toTensor(), model->project(r)) <= 1e-5);
    }

    void scriptResizesImagesOfAnotherSize()
    {
        const ModelState state = randomState(spec("lenet", 3, 32, 64), 11);
        auto script = torchScriptEncoder(state);
        QVERIFY(script.ok());
        torch::jit::Module module = loadScript(script.value());
        ContrastiveModel model = buildModel(state.spec);
        QVERIFY(loadModelStateInto(model, state).ok());
        model->eval();
        torch::NoGradGuard noGrad;
        // 28 × 28 images (MNIST's size) reach the 32 × 32 encoder bilinearly, as at test time.
        const torch::Tensor images = torch::randint(0, 256, {4, 28, 28, 3}, torch::kUInt8);
        const torch::Tensor x = torch::upsample_bilinear2d(toFloatNchw(images), {32, 32}, false);
        const torch::Tensor expected = model->represent(x);
        QVERIFY(maxDiff(module.forward({images}).toTensor(), expected) <= 1e-5);
        QCOMPARE(module.get_method("preprocess")({images}).toTensor().sizes(), x.sizes());
        // Float N × C × H × W in [0, 1], as Equiscope's --encoder-script options pass batches.
        QVERIFY(maxDiff(module.forward({toFloatNchw(images)}).toTensor(), expected) <= 1e-5);

        // A batch of the wrong layout is refused by the module with a message, not a crash.
        const torch::Tensor nchw = torch::zeros({4, 3, 32, 32}, torch::kUInt8);
        const torch::Tensor nhwcFloat = torch::zeros({4, 32, 32, 3});
        bool threw = false;
        try {
            module.forward({nchw});
        } catch (const std::exception &e) {
            threw = QString::fromUtf8(e.what()).contains("expected uint8 images N x H x W x 3");
        }
        QVERIFY(threw);
        threw = false;
        try {
            module.forward({nhwcFloat});
        } catch (const std::exception &e) {
            threw = QString::fromUtf8(e.what()).contains("or float images N x 3 x H x W");
        }
        QVERIFY(threw);
    }

    void onnxIsReadByOpenCvWithItsDeclaredInterface()
    {
        const ModelState state = randomState(spec("lenet", 1, 32, 64), 5);
        auto onnx = onnxEncoderModel(state);
        QVERIFY(onnx.ok());
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx->constData(), size_t(onnx->size()));
        QVERIFY(!net.empty());
        const std::vector<std::string> outputs = net.getUnconnectedOutLayersNames();
        QCOMPARE(outputs.size(), size_t(1));
        // Batch size is free: 1 and 9 images both run.
        for (int n : {1, 9}) {
            const int dims[4] = {n, 1, 32, 32};
            cv::Mat blob(4, dims, CV_32F, cv::Scalar(0.5));
            net.setInput(blob, "input");
            const cv::Mat out = net.forward("representation");
            QCOMPARE(out.size[0], n);
            QCOMPARE(out.size[1], 84);
        }
    }

    void missingOrWrongTensorsAreNamed()
    {
        ModelState state = randomState(spec("resnet18", 3, 16, 8), 3);
        ModelState missing = state;
        missing.tensors.erase(std::remove_if(missing.tensors.begin(), missing.tensors.end(),
                                             [](const NamedTensor &t) {
                                                 return t.name == "backbone.layers.3.conv2.weight";
                                             }),
                              missing.tensors.end());
        auto onnx = onnxEncoderModel(missing);
        QVERIFY(!onnx.ok());
        QVERIFY2(onnx.error().toString().contains("backbone.layers.3.conv2.weight"),
                 qPrintable(onnx.error().toString()));
        QVERIFY(onnx.error().toString().contains("encoder.onnx"));
        QVERIFY(!torchScriptEncoder(missing).ok());

        ModelState truncated = state;
        for (NamedTensor &t : truncated.tensors)
            if (t.name == "backbone.stem.weight")
                t.data.chop(4);
        onnx = onnxEncoderModel(truncated);
        QVERIFY(!onnx.ok());
        QVERIFY(onnx.error().toString().contains("backbone.stem.weight"));

        ModelState unknown = state;
        unknown.spec.encoder = "vit";
        QVERIFY(!onnxEncoderModel(unknown).ok());
    }

    void aModelThatDisagreesIsRefused()
    {
        // A TorchScript module of other weights must fail the check, naming the file.
        const ModelState state = randomState(spec("lenet", 3, 32, 64), 1);
        const ModelState other = randomState(spec("lenet", 3, 32, 64), 2);
        auto script = torchScriptEncoder(other);
        auto onnx = onnxEncoderModel(state);
        QVERIFY(script.ok() && onnx.ok());
        auto check = checkExportedEncoders(state, script.value(), onnx.value());
        QVERIFY(!check.ok());
        QVERIFY2(check.error().toString().contains("encoder.torchscript.pt"),
                 qPrintable(check.error().toString()));
        check = checkExportedEncoders(state, torchScriptEncoder(state).value(),
                                      onnxEncoderModel(other).value());
        QVERIFY(!check.ok());
        QVERIFY(check.error().toString().contains("encoder.onnx"));
        check = checkExportedEncoders(state, torchScriptEncoder(state).value(), "not onnx");
        QVERIFY(!check.ok());
        QVERIFY(check.error().toString().contains("encoder.onnx"));
    }
};

QTEST_GUILESS_MAIN(TestEncoderExport)
#include "tst_encoderexport.moc"
