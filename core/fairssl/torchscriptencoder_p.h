#pragma once
// Private (LibTorch) header: a user-supplied TorchScript image encoder (e.g. an exported CLIP
// image tower) for the embed stage.

#include "util/expected.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <QString>
#include <QVector>

#include <memory>

namespace equiscope {

/// What the module expects: an S×S image with C channels, normalised per channel.
struct TorchScriptInput
{
    int size = 224;
    int channels = 3;
    QVector<double> mean;
    QVector<double> std;
};

/// A TorchScript module that maps a float batch N×C×S×S to embeddings N×d.
class TorchScriptEncoder
{
public:
    /// Loads @p path with torch::jit::load and runs it once on two blank images to learn d.
    /// Errors name the file: not TorchScript, forward fails, output not a 2-D [N, d] tensor.
    static Expected<std::unique_ptr<TorchScriptEncoder>>
    load(const QString &path, const TorchScriptInput &input, const torch::Device &device);

    /// uint8 b×H×W×C images → float b×d (not normalised), no gradient.
    torch::Tensor embed(const torch::Tensor &imagesU8);
    int dim() const { return m_dim; }
    const QString &path() const { return m_path; }

private:
    TorchScriptEncoder() = default;
    torch::Tensor prepare(const torch::Tensor &imagesU8) const;
    torch::Tensor run(const torch::Tensor &x);

    QString m_path;
    TorchScriptInput m_input;
    torch::Device m_device{torch::kCPU};
    torch::jit::script::Module m_module;
    int m_dim = 0;
};

} // namespace equiscope
