#pragma once
// Private (LibTorch) header: encoders and the projection head of docs/design/methods/fare.md.

#include <torch/torch.h>

#include <QString>

namespace equiscope {

/// LeNet as in the CCLK code: conv 6-16-120 5×5, tanh, average pooling, FC 120→84.
/// Representation: 84-d. Input: C×32×32.
class LeNetImpl : public torch::nn::Module
{
public:
    explicit LeNetImpl(int inChannels);
    torch::Tensor forward(const torch::Tensor &x) { return top(trunk(x)); }
    /// The layers before the last (conv stack, flattened) and the last (fc).
    torch::Tensor trunk(const torch::Tensor &x);
    torch::Tensor top(const torch::Tensor &trunkOutput);
    /// The last convolution's output (for Grad-CAM), set by every forward().
    torch::Tensor lastConvActivation() const { return m_lastConv; }
    int representationDim() const { return 84; }

private:
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_conv3{nullptr};
    torch::nn::Linear m_fc{nullptr};
    torch::Tensor m_lastConv;
};
TORCH_MODULE(LeNet);

/// A basic residual block of ResNet-18.
class BasicBlockImpl : public torch::nn::Module
{
public:
    BasicBlockImpl(int in, int out, int stride);
    torch::Tensor forward(const torch::Tensor &x);

private:
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr};
    torch::nn::Sequential m_shortcut{nullptr};
};
TORCH_MODULE(BasicBlock);

/// ResNet-18 with the CIFAR stem (3×3 conv, stride 1, no max-pool); @p width scales the
/// channel counts (64 → 64·width/64). Representation: 8·width-d after global average pooling.
class ResNet18Impl : public torch::nn::Module
{
public:
    ResNet18Impl(int inChannels, int width);
    torch::Tensor forward(const torch::Tensor &x) { return top(trunk(x)); }
    /// Stem and the first seven blocks; the last block and the pooling.
    torch::Tensor trunk(const torch::Tensor &x);
    torch::Tensor top(const torch::Tensor &trunkOutput);
    torch::Tensor lastConvActivation() const { return m_lastConv; }
    int representationDim() const { return m_dim; }

private:
    torch::nn::Conv2d m_stem{nullptr};
    torch::nn::BatchNorm2d m_bn{nullptr};
    torch::nn::Sequential m_layers{nullptr};
    torch::Tensor m_lastConv;
    int m_dim = 0;
};
TORCH_MODULE(ResNet18);

/// An MLP for feature vectors: Linear → BN → ReLU per hidden layer.
class MlpEncoderImpl : public torch::nn::Module
{
public:
    MlpEncoderImpl(int inputDim, int hidden, int layers);
    torch::Tensor forward(const torch::Tensor &x);
    int representationDim() const { return m_dim; }

private:
    torch::nn::Sequential m_net{nullptr};
    int m_dim = 0;
};
TORCH_MODULE(MlpEncoder);

/// The projection head of docs/design/methods/fare.md: Linear(d,d,no bias) → BN → ReLU →
/// Linear(d,out,no bias) → BN(affine=false).
class ProjectionHeadImpl : public torch::nn::Module
{
public:
    ProjectionHeadImpl(int inDim, int outDim);
    torch::Tensor forward(const torch::Tensor &x);

private:
    torch::nn::Sequential m_net{nullptr};
};
TORCH_MODULE(ProjectionHead);

/// Backbone of any kind behind one interface, plus the head. The representation used for
/// evaluation is the backbone's output (before the head).
class ContrastiveModelImpl : public torch::nn::Module
{
public:
    /// @p encoder "lenet" | "resnet18" | "mlp"; @p inChannels for images, @p inputDim for MLPs.
    ContrastiveModelImpl(const QString &encoder, int inChannels, int inputDim, int width,
                         int projectionDim);
    torch::Tensor represent(const torch::Tensor &x);
    torch::Tensor project(const torch::Tensor &representation);
    int representationDim() const { return m_repDim; }
    /// The last conv activation of the latest represent() call (images only; undefined for MLP).
    torch::Tensor lastConvActivation() const;
    const QString &encoderName() const { return m_encoder; }
    /// The backbone's parameters and buffers (represent()) and the projection head's
    /// (project()): a data-parallel step treats them differently (core/fare/faresession.cpp).
    std::vector<torch::Tensor> backboneParameters() const;
    std::vector<torch::Tensor> backboneBuffers() const;
    std::vector<torch::Tensor> headParameters() const { return m_head->parameters(); }

    /// The backbone cut before its last stage: represent(x) = representTop(representTrunk(x)).
    /// The top is LeNet's fully connected layer, ResNet-18's last block with the pooling, and
    /// nothing for the MLP. A data-parallel step that needs the top's gradient whole on every
    /// rank (the fair-SSL look-ahead, core/fairssl/trainstage.cpp) gathers the trunk's output
    /// and runs the top on the whole batch.
    torch::Tensor representTrunk(const torch::Tensor &x);
    torch::Tensor representTop(const torch::Tensor &trunkOutput);
    /// Prefix of the top's parameter names ("backbone.fc.", "backbone.layers.7."; empty for
    /// the MLP, which has no top).
    std::string topParameterPrefix() const;
    /// Parameters and buffers of the trunk and of the top.
    std::vector<torch::Tensor> trunkParameters() const;
    std::vector<torch::Tensor> trunkBuffers() const;
    std::vector<torch::Tensor> topParameters() const;

private:
    QString m_encoder;
    LeNet m_lenet{nullptr};
    ResNet18 m_resnet{nullptr};
    MlpEncoder m_mlp{nullptr};
    ProjectionHead m_head{nullptr};
    int m_repDim = 0;
};
TORCH_MODULE(ContrastiveModel);

} // namespace equiscope
