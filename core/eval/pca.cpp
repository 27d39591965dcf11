// Principal components with LibTorch's symmetric eigensolver.
#include "eval/projection.h"

#include <torch/torch.h>

#include <cmath>

namespace equiscope {

Expected<PcaResult> principalComponents(const QVector<float> &data, int rows, int cols,
                                        int components)
{
    DataError error;
    if (rows < 2 || cols < 1 || data.size() != qsizetype(rows) * cols || components < 1) {
        error.detail = QStringLiteral("PCA needs at least 2 rows of %1 values and %2 numbers; got "
                                      "%3 numbers for %4 rows")
                           .arg(cols)
                           .arg(qsizetype(rows) * cols)
                           .arg(data.size())
                           .arg(rows);
        return error;
    }
    try {
        torch::NoGradGuard guard;
        const auto x =
            torch::from_blob(const_cast<float *>(data.constData()), {rows, cols}, torch::kFloat32)
                .to(torch::kFloat64);
        const auto centred = x - x.mean(0, true);
        const auto covariance = centred.t().mm(centred) / double(rows - 1);
        const auto [values, vectors] = torch::linalg::eigh(covariance, "L"); // ascending
        const int k = std::min(components, cols);
        // Largest first.
        auto top = vectors.flip({1}).narrow(1, 0, k).contiguous(); // cols × k
        const auto topValues = values.flip({0}).narrow(0, 0, k).clamp_min(0);
        // Sign: the largest-magnitude loading of each component is positive.
        const auto peak = top.abs().argmax(0);
        const auto signs = top.gather(0, peak.unsqueeze(0)).sign();
        top = top * torch::where(signs == 0, torch::ones_like(signs), signs);
        auto projected = centred.mm(top);
        if (k < components) // fewer columns than asked: pad with zeros
            projected = torch::cat(
                {projected, torch::zeros({rows, components - k}, projected.options())}, 1);
        const auto p = projected.to(torch::kFloat32).contiguous();
        PcaResult r;
        r.points = QVector<float>(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
        const double total = values.clamp_min(0).sum().item<double>();
        for (int c = 0; c < components; ++c)
            r.explainedVarianceRatio
                << (c < k && total > 0 ? topValues[c].item<double>() / total : 0.0);
        const auto t = top.t().contiguous();
        r.components = QVector<double>(t.data_ptr<double>(), t.data_ptr<double>() + t.numel());
        return r;
    } catch (const std::exception &e) {
        error.detail = QStringLiteral("PCA failed: %1").arg(QString::fromUtf8(e.what()));
        return error;
    }
}

} // namespace equiscope
