#include "nn/encoders_p.h"

namespace equiscope {

namespace nn = torch::nn;

LeNetImpl::LeNetImpl(int inChannels)
{
    m_conv1 = register_module("conv1", nn::Conv2d(nn::Conv2dOptions(inChannels, 6, 5)));
    m_conv2 = register_module("conv2", nn::Conv2d(nn::Conv2dOptions(6, 16, 5)));
    m_conv3 = register_module("conv3", nn::Conv2d(nn::Conv2dOptions(16, 120, 5)));
    m_fc = register_module("fc", nn::Linear(120, 84));
}

torch::Tensor LeNetImpl::trunk(const torch::Tensor &x)
{
    auto h = torch::avg_pool2d(torch::tanh(m_conv1(x)), 2); // 32 → 28 → 14
    // conv3 maps 5×5 to 1×1, which has no spatial extent to explain; Grad-CAM uses conv2's
    // 10×10 activation, the last convolution that still has a map.
    m_lastConv = torch::tanh(m_conv2(h));      // 14 → 10
    h = torch::avg_pool2d(m_lastConv, 2);      // 10 → 5
    return torch::tanh(m_conv3(h)).flatten(1); // 5 → 1
}

torch::Tensor LeNetImpl::top(const torch::Tensor &trunkOutput)
{
    return torch::tanh(m_fc(trunkOutput));
}

BasicBlockImpl::BasicBlockImpl(int in, int out, int stride)
{
    m_conv1 = register_module(
        "conv1", nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    m_bn1 = register_module("bn1", nn::BatchNorm2d(out));
    m_conv2 =
        register_module("conv2", nn::Conv2d(nn::Conv2dOptions(out, out, 3).padding(1).bias(false)));
    m_bn2 = register_module("bn2", nn::BatchNorm2d(out));
    m_shortcut = nn::Sequential();
    if (stride != 1 || in != out) {
        m_shortcut->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)));
        m_shortcut->push_back(nn::BatchNorm2d(out));
    }
    register_module("shortcut", m_shortcut);
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor &x)
{
    auto h = torch::relu(m_bn1(m_conv1(x)));
    h = m_bn2(m_conv2(h));
    return torch::relu(h + (m_shortcut->size() ? m_shortcut->forward(x) : x));
}

ResNet18Impl::ResNet18Impl(int inChannels, int width)
{
    const int w = std::max(4, width);
    m_stem = register_module(
        "stem", nn::Conv2d(nn::Conv2dOptions(inChannels, w, 3).padding(1).bias(false)));
    m_bn = register_module("bn", nn::BatchNorm2d(w));
    m_layers = nn::Sequential();
    int in = w;
    const int widths[4] = {w, 2 * w, 4 * w, 8 * w};
    for (int stage = 0; stage < 4; ++stage) {
        for (int b = 0; b < 2; ++b) {
            m_layers->push_back(BasicBlock(in, widths[stage], (b == 0 && stage > 0) ? 2 : 1));
            in = widths[stage];
        }
    }
    register_module("layers", m_layers);
    m_dim = 8 * w;
}

torch::Tensor ResNet18Impl::trunk(const torch::Tensor &x)
{
    auto h = torch::relu(m_bn(m_stem(x)));
    for (size_t i = 0; i + 1 < m_layers->size(); ++i)
        h = m_layers[i]->as<BasicBlock>()->forward(h);
    return h;
}

torch::Tensor ResNet18Impl::top(const torch::Tensor &trunkOutput)
{
    m_lastConv = m_layers[m_layers->size() - 1]->as<BasicBlock>()->forward(trunkOutput);
    return torch::adaptive_avg_pool2d(m_lastConv, {1, 1}).flatten(1);
}

MlpEncoderImpl::MlpEncoderImpl(int inputDim, int hidden, int layers)
{
    m_net = nn::Sequential();
    int in = inputDim;
    for (int l = 0; l < std::max(1, layers); ++l) {
        m_net->push_back(nn::Linear(in, hidden));
        m_net->push_back(nn::BatchNorm1d(hidden));
        m_net->push_back(nn::ReLU());
        in = hidden;
    }
    register_module("net", m_net);
    m_dim = hidden;
}

torch::Tensor MlpEncoderImpl::forward(const torch::Tensor &x)
{
    return m_net->forward(x);
}

ProjectionHeadImpl::ProjectionHeadImpl(int inDim, int outDim)
{
    m_net = nn::Sequential(nn::Linear(nn::LinearOptions(inDim, inDim).bias(false)),
                           nn::BatchNorm1d(inDim), nn::ReLU(),
                           nn::Linear(nn::LinearOptions(inDim, outDim).bias(false)),
                           nn::BatchNorm1d(nn::BatchNormOptions(outDim).affine(false)));
    register_module("net", m_net);
}

torch::Tensor ProjectionHeadImpl::forward(const torch::Tensor &x)
{
    return m_net->forward(x);
}

ContrastiveModelImpl::ContrastiveModelImpl(const QString &encoder, int inChannels, int inputDim,
                                           int width, int projectionDim)
    : m_encoder(encoder)
{
    if (encoder == QLatin1String("lenet")) {
        m_lenet = register_module("backbone", LeNet(inChannels));
        m_repDim = m_lenet->representationDim();
    } else if (encoder == QLatin1String("resnet18")) {
        m_resnet = register_module("backbone", ResNet18(inChannels, width));
        m_repDim = m_resnet->representationDim();
    } else if (encoder == QLatin1String("mlp")) {
        m_mlp = register_module("backbone", MlpEncoder(inputDim, width, 2));
        m_repDim = m_mlp->representationDim();
    } else {
        throw std::invalid_argument("unknown encoder " + encoder.toStdString());
    }
    m_head = register_module("head", ProjectionHead(m_repDim, projectionDim));
}

torch::Tensor ContrastiveModelImpl::represent(const torch::Tensor &x)
{
    if (m_lenet)
        return m_lenet->forward(x);
    if (m_resnet)
        return m_resnet->forward(x);
    return m_mlp->forward(x);
}

torch::Tensor ContrastiveModelImpl::representTrunk(const torch::Tensor &x)
{
    if (m_lenet)
        return m_lenet->trunk(x);
    if (m_resnet)
        return m_resnet->trunk(x);
    return m_mlp->forward(x);
}

torch::Tensor ContrastiveModelImpl::representTop(const torch::Tensor &trunkOutput)
{
    if (m_lenet)
        return m_lenet->top(trunkOutput);
    if (m_resnet)
        return m_resnet->top(trunkOutput);
    return trunkOutput;
}

std::string ContrastiveModelImpl::topParameterPrefix() const
{
    if (m_lenet)
        return "backbone.fc.";
    if (m_resnet)
        return "backbone.layers.7."; // the last of the 8 basic blocks
    return {};
}

namespace {

/// The tensors of @p items whose names start (or, with @p inside false, do not start) with
/// @p prefix; an empty prefix matches nothing.
std::vector<torch::Tensor> namedWith(const torch::OrderedDict<std::string, torch::Tensor> &items,
                                     const std::string &prefix, bool inside)
{
    std::vector<torch::Tensor> out;
    for (const auto &item : items) {
        const bool matches = !prefix.empty() && item.key().rfind(prefix, 0) == 0;
        if (item.key().rfind("backbone.", 0) == 0 && matches == inside)
            out.push_back(item.value());
    }
    return out;
}

} // namespace

std::vector<torch::Tensor> ContrastiveModelImpl::trunkParameters() const
{
    return namedWith(named_parameters(), topParameterPrefix(), false);
}

std::vector<torch::Tensor> ContrastiveModelImpl::trunkBuffers() const
{
    return namedWith(named_buffers(), topParameterPrefix(), false);
}

std::vector<torch::Tensor> ContrastiveModelImpl::topParameters() const
{
    return namedWith(named_parameters(), topParameterPrefix(), true);
}

torch::Tensor ContrastiveModelImpl::project(const torch::Tensor &representation)
{
    return m_head->forward(representation);
}

std::vector<torch::Tensor> ContrastiveModelImpl::backboneParameters() const
{
    if (m_lenet)
        return m_lenet->parameters();
    if (m_resnet)
        return m_resnet->parameters();
    return m_mlp->parameters();
}

std::vector<torch::Tensor> ContrastiveModelImpl::backboneBuffers() const
{
    if (m_lenet)
        return m_lenet->buffers();
    if (m_resnet)
        return m_resnet->buffers();
    return m_mlp->buffers();
}

torch::Tensor ContrastiveModelImpl::lastConvActivation() const
{
    if (m_lenet)
        return m_lenet->lastConvActivation();
    if (m_resnet)
        return m_resnet->lastConvActivation();
    return {};
}

} // namespace equiscope
