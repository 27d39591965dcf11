#include "clustering/kmeansclustering.h"

#include <torch/torch.h>

#include <algorithm>
#include <random>

namespace equiscope {

namespace {

DataError kmeansError(const QString &detail)
{
    DataError e;
    e.detail = detail;
    return e;
}

/// Nearest centre of every row: argmin |x|² − 2x·c + |c|², in row blocks of bounded size.
torch::Tensor assign(const torch::Tensor &x, const torch::Tensor &centres)
{
    const int64_t n = x.size(0), k = centres.size(0);
    const int64_t block = std::max<int64_t>(1, (int64_t(32) << 20) / std::max<int64_t>(1, k));
    const auto cNorm = centres.pow(2).sum(1);
    auto out = torch::empty({n}, torch::kLong);
    for (int64_t r = 0; r < n; r += block) {
        const int64_t rb = std::min(block, n - r);
        const auto d = cNorm.unsqueeze(0) - 2 * torch::mm(x.narrow(0, r, rb), centres.t());
        out.narrow(0, r, rb).copy_(d.argmin(1));
    }
    return out;
}

} // namespace

Expected<std::vector<int64_t>> kMeansClusters(const float *rows, qint64 n, int dim, int clusters,
                                              int iterations, quint64 seed,
                                              const std::atomic<bool> *cancel)
{
    if (clusters < 1 || clusters > n)
        return kmeansError(
            QStringLiteral("k-means needs 1 … %1 clusters, asked for %2").arg(n).arg(clusters));
    try {
        torch::NoGradGuard noGrad;
        const auto raw = torch::from_blob(const_cast<float *>(rows), {n, dim}, torch::kFloat32);
        const auto x = (raw / raw.norm(2, 1, true).clamp_min(1e-12)).contiguous();
        std::mt19937_64 rng(seed);

        // k-means++: each next centre drawn with probability ∝ squared distance to the nearest.
        auto centres = torch::empty({clusters, dim}, torch::kFloat32);
        const int64_t first = std::uniform_int_distribution<int64_t>(0, n - 1)(rng);
        centres[0].copy_(x[first]);
        auto best = (x - x[first]).pow(2).sum(1);
        for (int c = 1; c < clusters; ++c) {
            if (cancel && cancel->load())
                return kmeansError(QStringLiteral("cancelled"));
            const auto cum = best.to(torch::kDouble).cumsum(0);
            const double total = cum[n - 1].item<double>();
            int64_t pick = std::uniform_int_distribution<int64_t>(0, n - 1)(rng);
            if (total > 0) {
                const double r = std::uniform_real_distribution<double>(0, total)(rng);
                pick = std::min<int64_t>(
                    n - 1,
                    torch::searchsorted(cum, torch::tensor({r}, torch::kDouble)).item<int64_t>());
            }
            centres[c].copy_(x[pick]);
            best = torch::minimum(best, (x - x[pick]).pow(2).sum(1));
        }

        torch::Tensor labels = assign(x, centres);
        for (int it = 0; it < iterations; ++it) {
            if (cancel && cancel->load())
                return kmeansError(QStringLiteral("cancelled"));
            auto sums = torch::zeros({clusters, dim}, torch::kFloat32);
            sums.index_add_(0, labels, x);
            const auto counts = torch::bincount(labels, {}, clusters).to(torch::kFloat32);
            const auto nonEmpty = counts > 0;
            // An emptied cluster keeps its old centre.
            centres = torch::where(nonEmpty.unsqueeze(1), sums / counts.clamp_min(1).unsqueeze(1),
                                   centres);
            const auto next = assign(x, centres);
            const bool same = next.equal(labels);
            labels = next;
            if (same)
                break;
        }
        const int64_t *l = labels.data_ptr<int64_t>();
        return std::vector<int64_t>(l, l + n);
    } catch (const std::exception &e) {
        return kmeansError(QStringLiteral("k-means failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace equiscope
