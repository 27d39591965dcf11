#include "fairssl/torchscriptencoder_p.h"

#include "nn/batchaugmenter_p.h"

#include <QFileInfo>

#include <sstream>

namespace equiscope {

namespace F = torch::nn::functional;

namespace {

DataError encoderError(const QString &path, const QString &expected, const QString &found)
{
    DataError e;
    e.file = path;
    e.expected = expected;
    e.found = found;
    return e;
}

// LibTorch's messages carry a C++ backtrace after the first lines: keep the gist.
QString firstLine(const char *what)
{
    const QString text = QString::fromUtf8(what).trimmed();
    return text.section(QLatin1Char('\n'), 0, 0).left(300);
}

QString shapeText(const torch::Tensor &t)
{
    std::ostringstream s;
    s << t.sizes();
    return QString::fromStdString(s.str());
}

} // namespace

Expected<std::unique_ptr<TorchScriptEncoder>>
TorchScriptEncoder::load(const QString &path, const TorchScriptInput &input,
                         const torch::Device &device)
{
    if (!QFileInfo(path).isFile())
        return encoderError(path, QStringLiteral("a TorchScript file (torch.jit.save)"),
                            QStringLiteral("no such file"));
    std::unique_ptr<TorchScriptEncoder> e(new TorchScriptEncoder);
    e->m_path = path;
    e->m_input = input;
    e->m_device = device;
    try {
        e->m_module = torch::jit::load(path.toStdString(), device);
    } catch (const std::exception &ex) {
        return encoderError(
            path, QStringLiteral("a TorchScript module (torch.jit.save)"),
            QStringLiteral("a file torch::jit::load rejects: %1").arg(firstLine(ex.what())));
    }
    e->m_module.eval();
    // One forward on blank images: a wrong output shape is found before anything trains.
    torch::Tensor out;
    try {
        torch::NoGradGuard noGrad;
        const auto blank = torch::zeros({2, input.channels, input.size, input.size}, device);
        const auto value = e->m_module.forward({blank});
        if (!value.isTensor())
            return encoderError(path, QStringLiteral("an encoder returning one tensor [N, d]"),
                                QStringLiteral("an output of type %1")
                                    .arg(QString::fromStdString(value.tagKind())));
        out = value.toTensor();
    } catch (const std::exception &ex) {
        return encoderError(path,
                            QStringLiteral("an encoder accepting float input [N, %1, %2, %2] "
                                           "(encoder.inputChannels, encoder.inputSize)")
                                .arg(input.channels)
                                .arg(input.size),
                            QStringLiteral("forward failed: %1").arg(firstLine(ex.what())));
    }
    if (out.dim() != 2 || out.size(0) != 2 || out.size(1) < 1 || !out.is_floating_point())
        return encoderError(
            path, QStringLiteral("an embedding tensor of shape [N, d] (N = 2 here)"),
            QStringLiteral("output shape %1 (%2)")
                .arg(shapeText(out), QString::fromStdString(std::string(out.dtype().name()))));
    e->m_dim = int(out.size(1));
    return e;
}

torch::Tensor TorchScriptEncoder::prepare(const torch::Tensor &imagesU8) const
{
    auto x = toFloatNchw(imagesU8);
    const int S = m_input.size;
    if (x.size(2) != S || x.size(3) != S)
        x = F::interpolate(x, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{S, S})
                                  .mode(torch::kBilinear)
                                  .align_corners(false));
    if (x.size(1) == 1 && m_input.channels == 3)
        x = x.repeat({1, 3, 1, 1});
    else if (x.size(1) == 3 && m_input.channels == 1)
        x = (0.299 * x.select(1, 0) + 0.587 * x.select(1, 1) + 0.114 * x.select(1, 2)).unsqueeze(1);
    std::vector<float> mean(m_input.mean.begin(), m_input.mean.end()),
        sd(m_input.std.begin(), m_input.std.end());
    const auto m = torch::tensor(mean).view({1, -1, 1, 1});
    const auto s = torch::tensor(sd).view({1, -1, 1, 1});
    return ((x - m) / s).contiguous();
}

torch::Tensor TorchScriptEncoder::run(const torch::Tensor &x)
{
    return m_module.forward({x.to(m_device)}).toTensor().to(torch::kCPU).to(torch::kFloat32);
}

torch::Tensor TorchScriptEncoder::embed(const torch::Tensor &imagesU8)
{
    torch::NoGradGuard noGrad;
    return run(prepare(imagesU8));
}

} // namespace equiscope
