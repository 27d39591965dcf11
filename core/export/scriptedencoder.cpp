#include "export/scriptedencoder.h"

#include "fare/modelstate_p.h"
#include "nn/batchaugmenter_p.h"

#include <torch/script.h>

#include <opencv2/core/version.hpp>
#include <opencv2/dnn.hpp>

#include <QJsonObject>

#include <sstream>

namespace equiscope {

namespace {

/// TorchScript attribute names cannot contain dots: "backbone.conv1.weight" becomes
/// "backbone_conv1_weight".
std::string attributeName(const std::string &tensorName)
{
    std::string s = tensorName;
    std::replace(s.begin(), s.end(), '.', '_');
    return s;
}

std::string self(const std::string &tensorName)
{
    return "self." + attributeName(tensorName);
}

/// TorchScript of LibTorch's batch_norm in inference with the running statistics at @p p;
/// eps as in LibTorch's BatchNorm default.
std::string batchNorm(const std::string &x, const std::string &p, bool affine = true)
{
    const std::string w = affine ? self(p + ".weight") : "None";
    const std::string b = affine ? self(p + ".bias") : "None";
    return "torch.batch_norm(" + x + ", " + w + ", " + b + ", " + self(p + ".running_mean") + ", " +
           self(p + ".running_var") + ", False, 0.1, 1e-05, True)";
}

std::string conv(const std::string &x, const std::string &p, int stride, int pad, bool bias)
{
    return "torch.conv2d(" + x + ", " + self(p + ".weight") + ", " +
           (bias ? self(p + ".bias") : std::string("None")) + ", [" + std::to_string(stride) +
           ", " + std::to_string(stride) + "], [" + std::to_string(pad) + ", " +
           std::to_string(pad) + "])";
}

// The represent() bodies mirror the forward() of LeNet, ResNet18 and MlpEncoder in
// nn/encoders.cpp; tst_modelexport compares them with LibTorch's modules.

std::string leNetBody()
{
    return "        h = torch.avg_pool2d(torch.tanh(" + conv("x", "backbone.conv1", 1, 0, true) +
           "), [2, 2])\n"
           "        h = torch.avg_pool2d(torch.tanh(" +
           conv("h", "backbone.conv2", 1, 0, true) +
           "), [2, 2])\n"
           "        h = torch.tanh(" +
           conv("h", "backbone.conv3", 1, 0, true) +
           ").flatten(1)\n"
           "        return torch.tanh(torch.linear(h, " +
           self("backbone.fc.weight") + ", " + self("backbone.fc.bias") + "))\n";
}

std::string resNetBody(const ModelState &state)
{
    std::string s = "        h = torch.relu(" +
                    batchNorm(conv("x", "backbone.stem", 1, 1, false), "backbone.bn") + ")\n";
    for (int block = 0; block < 8; ++block) {
        const std::string p = "backbone.layers." + std::to_string(block);
        const int stride = (block % 2 == 0 && block > 0) ? 2 : 1;
        s += "        r = torch.relu(" +
             batchNorm(conv("h", p + ".conv1", stride, 1, false), p + ".bn1") + ")\n";
        s += "        r = " + batchNorm(conv("r", p + ".conv2", 1, 1, false), p + ".bn2") + "\n";
        if (state.find(QString::fromStdString(p + ".shortcut.0.weight")))
            s += "        h = torch.relu(r + " +
                 batchNorm(conv("h", p + ".shortcut.0", stride, 0, false), p + ".shortcut.1") +
                 ")\n";
        else
            s += "        h = torch.relu(r + h)\n";
    }
    return s + "        return torch.adaptive_avg_pool2d(h, [1, 1]).flatten(1)\n";
}

std::string mlpBody(const ModelState &state)
{
    std::string s = "        h = x\n";
    for (int layer = 0;
         state.find(QStringLiteral("backbone.net.%1.weight").arg(3 * layer)) != nullptr; ++layer) {
        const std::string linear = "backbone.net." + std::to_string(3 * layer);
        const std::string norm = "backbone.net." + std::to_string(3 * layer + 1);
        s += "        h = torch.relu(" +
             batchNorm("torch.linear(h, " + self(linear + ".weight") + ", " +
                           self(linear + ".bias") + ")",
                       norm) +
             ")\n";
    }
    return s + "        return h\n";
}

std::string headBody()
{
    return "        h = torch.linear(r, " + self("head.net.0.weight") + ")\n" +
           "        h = torch.relu(" + batchNorm("h", "head.net.1") + ")\n" +
           "        h = torch.linear(h, " + self("head.net.3.weight") + ")\n" + "        return " +
           batchNorm("h", "head.net.4", false) + "\n";
}

std::string scriptSource(const ModelState &state)
{
    const ModelSpec &spec = state.spec;
    std::string s;
    if (spec.encoder == QLatin1String("mlp")) {
        s += "def forward(self, features: Tensor) -> Tensor:\n"
             "        return self.represent(features)\n";
        s += "def represent(self, x: Tensor) -> Tensor:\n" + mlpBody(state);
    } else {
        const std::string size = std::to_string(spec.inputSize);
        const std::string channels = std::to_string(spec.inChannels);
        const std::string layout = "\"expected uint8 images N x H x W x " + channels +
                                   " or float images N x " + channels + " x H x W\"";
        // uint8 as images are stored and stacked by numpy/PIL; float NCHW in [0, 1] as
        // Equiscope's --encoder-script options pass batches (docs/guide/clustering.md).
        s += "def preprocess(self, images: Tensor) -> Tensor:\n"
             "        if images.is_floating_point():\n"
             "            assert images.dim() == 4 and images.size(1) == " +
             channels + ", " + layout +
             "\n"
             "            x = images.float().contiguous()\n"
             "        else:\n"
             "            assert images.dim() == 4 and images.size(3) == " +
             channels + ", " + layout +
             "\n"
             "            x = images.permute([0, 3, 1, 2]).float().div(255.0).contiguous()\n"
             "        if x.size(2) != " +
             size + " or x.size(3) != " + size +
             ":\n"
             "            x = torch.upsample_bilinear2d(x, [" +
             size + ", " + size +
             "], False, None)\n"
             "        return x\n";
        s += "def represent(self, x: Tensor) -> Tensor:\n" +
             (spec.encoder == QLatin1String("lenet") ? leNetBody() : resNetBody(state));
        s += "def forward(self, images: Tensor) -> Tensor:\n"
             "        return self.represent(self.preprocess(images))\n";
    }
    s += "def project(self, r: Tensor) -> Tensor:\n" + headBody();
    return s;
}

/// LibTorch's model rebuilt from @p state, in inference mode.
Expected<ContrastiveModel> libtorchModel(const ModelState &state)
{
    ContrastiveModel model = buildModel(state.spec);
    auto loaded = loadModelStateInto(model, state);
    if (!loaded)
        return loaded.error();
    model->eval();
    return model;
}

double maxAbsDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    if (a.sizes() != b.sizes())
        return std::numeric_limits<double>::infinity();
    return (a - b).abs().max().item<double>();
}

} // namespace

QJsonObject ExportedEncoderCheck::toJson() const
{
    return QJsonObject{{QStringLiteral("samples"), samples},
                       {QStringLiteral("torchScriptMaxAbsDifference"), torchScriptMaxAbsDifference},
                       {QStringLiteral("onnxMaxAbsDifference"), onnxMaxAbsDifference},
                       {QStringLiteral("onnxRuntime"), onnxRuntime},
                       {QStringLiteral("tolerance"), kTolerance}};
}

Expected<QByteArray> torchScriptEncoder(const ModelState &state)
{
    const QString file = QStringLiteral("encoder.torchscript.pt");
    try {
        auto model = libtorchModel(state);
        if (!model)
            return model.error();
        torch::jit::Module module(c10::QualifiedName("__torch__.equiscope.ExportedEncoder"));
        for (const auto &p : model.value()->named_parameters())
            module.register_parameter(attributeName(p.key()), p.value().detach().clone(), false);
        for (const auto &b : model.value()->named_buffers())
            if (b.key().find("num_batches_tracked") == std::string::npos)
                module.register_buffer(attributeName(b.key()), b.value().detach().clone());
        module.define(scriptSource(state));
        module.eval();
        std::ostringstream out;
        module.save(out);
        const std::string bytes = out.str();
        return QByteArray(bytes.data(), qsizetype(bytes.size()));
    } catch (const std::exception &e) {
        return fileError(file, QStringLiteral("cannot build the TorchScript module: %1")
                                     .arg(QString::fromUtf8(e.what())));
    }
}

Expected<ExportedEncoderCheck> checkExportedEncoders(const ModelState &state,
                                                     const QByteArray &torchScript,
                                                     const QByteArray &onnx, int samples,
                                                     quint64 seed)
{
    torch::NoGradGuard noGrad;
    ExportedEncoderCheck check;
    check.samples = samples;
    check.onnxRuntime = QStringLiteral("OpenCV DNN %1").arg(QStringLiteral(CV_VERSION));
    auto model = libtorchModel(state);
    if (!model)
        return model.error();
    const ModelSpec &spec = state.spec;
    const bool images = spec.encoder != QLatin1String("mlp");
    torch::Generator generator = at::detail::createCPUGenerator(seed);
    torch::Tensor raw, input;
    if (images) {
        // uint8 N × H × W × C as the image cache stores them, and the test-time view of
        // training (nn/batchaugmenter.cpp) as LibTorch's input.
        raw = torch::randint(0, 256, {samples, spec.inputSize, spec.inputSize, spec.inChannels},
                             generator, torch::kUInt8);
        input = toFloatNchw(raw);
    } else {
        raw = torch::randn({samples, spec.inputDim}, generator);
        input = raw;
    }
    const torch::Tensor expected = model.value()->represent(input).contiguous();

    try {
        std::istringstream in(torchScript.toStdString());
        torch::jit::Module module = torch::jit::load(in);
        const torch::Tensor got = module.forward({raw}).toTensor();
        check.torchScriptMaxAbsDifference = maxAbsDifference(got, expected);
    } catch (const std::exception &e) {
        return fileError(QStringLiteral("encoder.torchscript.pt"),
                           QStringLiteral("the TorchScript module does not run: %1")
                               .arg(QString::fromUtf8(e.what())));
    }

    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.constData(), size_t(onnx.size()));
        const torch::Tensor x = input.contiguous();
        std::vector<int> dims(x.sizes().begin(), x.sizes().end());
        cv::Mat blob(int(dims.size()), dims.data(), CV_32F, x.data_ptr<float>());
        net.setInput(blob, "input");
        const cv::Mat out = net.forward("representation");
        const torch::Tensor got =
            torch::from_blob(const_cast<float *>(out.ptr<float>()),
                             {out.size[0], qint64(out.total()) / std::max(1, out.size[0])})
                .clone();
        check.onnxMaxAbsDifference = maxAbsDifference(got, expected);
    } catch (const std::exception &e) {
        return fileError(QStringLiteral("encoder.onnx"),
                           QStringLiteral("OpenCV DNN cannot run the ONNX model: %1")
                               .arg(QString::fromUtf8(e.what())));
    }

    if (!(check.torchScriptMaxAbsDifference <= ExportedEncoderCheck::kTolerance))
        return fileError(QStringLiteral("encoder.torchscript.pt"),
                           QStringLiteral("the TorchScript module differs from the model by %1 "
                                          "(tolerance %2)")
                               .arg(check.torchScriptMaxAbsDifference)
                               .arg(ExportedEncoderCheck::kTolerance));
    if (!(check.onnxMaxAbsDifference <= ExportedEncoderCheck::kTolerance))
        return fileError(QStringLiteral("encoder.onnx"),
                           QStringLiteral("the ONNX model differs from the model by %1 under %2 "
                                          "(tolerance %3)")
                               .arg(check.onnxMaxAbsDifference)
                               .arg(check.onnxRuntime)
                               .arg(ExportedEncoderCheck::kTolerance));
    return check;
}

} // namespace equiscope
