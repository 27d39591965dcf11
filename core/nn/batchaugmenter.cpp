#include "nn/batchaugmenter_p.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace equiscope {

namespace F = torch::nn::functional;

torch::Tensor toFloatNchw(const torch::Tensor &imagesU8)
{
    return imagesU8.permute({0, 3, 1, 2}).to(torch::kFloat32).div_(255.0f).contiguous();
}

BatchAugmenter::BatchAugmenter(const AugmentConfig &config, quint64 seed)
    : m_config(config), m_rng(seed)
{
}

std::string BatchAugmenter::state() const
{
    std::ostringstream s;
    s << m_rng;
    return s.str();
}

void BatchAugmenter::setState(const std::string &state)
{
    std::istringstream s(state);
    s >> m_rng;
}

torch::Tensor BatchAugmenter::evaluate(const torch::Tensor &imagesU8) const
{
    auto x = toFloatNchw(imagesU8);
    const int S = m_config.outputSize;
    if (x.size(2) == S && x.size(3) == S)
        return x;
    return F::interpolate(x, F::InterpolateFuncOptions()
                                 .size(std::vector<int64_t>{S, S})
                                 .mode(torch::kBilinear)
                                 .align_corners(false));
}

torch::Tensor BatchAugmenter::augment(const torch::Tensor &imagesU8, int64_t batchSize,
                                      int64_t offset)
{
    const int64_t b = imagesU8.size(0);
    const int64_t all = batchSize < 0 ? b : batchSize;
    if (offset < 0 || offset + b > all)
        throw std::invalid_argument("augment: rows outside the batch");
    // Draws are made for every image of the batch in order; rows outside ours are drawn and
    // dropped (index −1) so the generator advances exactly as in a one-process run.
    auto mine = [&](int64_t i) { return i >= offset && i < offset + b ? i - offset : -1; };
    const int S = m_config.outputSize;
    auto x = toFloatNchw(imagesU8);
    const int64_t C = x.size(1);

    // One 2×3 affine matrix per image in normalised coordinates: crop box (scale, ratio,
    // position) and flip. grid_sample then resamples every image to S×S in a single call.
    auto theta = torch::zeros({b, 2, 3});
    auto t = theta.accessor<float, 3>();
    for (int64_t j = 0; j < all; ++j) {
        double w = 1.0, h = 1.0, cx = 0.0, cy = 0.0;
        if (m_config.randomResizedCrop) {
            // torchvision's rule: area fraction and log-uniform aspect ratio, retried until the
            // box fits, then a centred full crop as fallback.
            bool found = false;
            for (int attempt = 0; attempt < 10 && !found; ++attempt) {
                const double area = uniform(m_config.cropScaleMin, m_config.cropScaleMax);
                const double logRatio =
                    uniform(std::log(m_config.cropRatioMin), std::log(m_config.cropRatioMax));
                const double ratio = std::exp(logRatio);
                const double cw = std::sqrt(area * ratio), ch = std::sqrt(area / ratio);
                if (cw <= 1.0 && ch <= 1.0) {
                    w = cw;
                    h = ch;
                    cx = uniform(-(1.0 - w), 1.0 - w);
                    cy = uniform(-(1.0 - h), 1.0 - h);
                    found = true;
                }
            }
        }
        const double flip = (m_config.horizontalFlip && chance(0.5)) ? -1.0 : 1.0;
        const int64_t i = mine(j);
        if (i < 0)
            continue;
        t[i][0][0] = float(w * flip);
        t[i][0][2] = float(cx);
        t[i][1][1] = float(h);
        t[i][1][2] = float(cy);
    }
    auto grid = F::affine_grid(theta, {b, C, S, S}, false);
    x = F::grid_sample(x, grid,
                       F::GridSampleFuncOptions()
                           .mode(torch::kBilinear)
                           .padding_mode(torch::kBorder)
                           .align_corners(false));

    if (C == 3 && m_config.colorJitter) {
        const double s = m_config.jitterStrength;
        auto bright = torch::ones({b, 1, 1, 1}), contrast = torch::ones({b, 1, 1, 1}),
             sat = torch::ones({b, 1, 1, 1});
        auto applies = torch::zeros({b, 1, 1, 1});
        auto ba = bright.accessor<float, 4>(), ca = contrast.accessor<float, 4>(),
             sa = sat.accessor<float, 4>(), aa = applies.accessor<float, 4>();
        for (int64_t j = 0; j < all; ++j) {
            if (!chance(m_config.jitterProbability))
                continue;
            const float bv = float(uniform(1 - s, 1 + s));
            const float cv = float(uniform(1 - s, 1 + s));
            const float sv = float(uniform(1 - s, 1 + s));
            const int64_t i = mine(j);
            if (i < 0)
                continue;
            aa[i][0][0][0] = 1;
            ba[i][0][0][0] = bv;
            ca[i][0][0][0] = cv;
            sa[i][0][0][0] = sv;
        }
        auto jittered = (x * bright).clamp(0, 1);
        auto mean = jittered.mean({1, 2, 3}, true);
        jittered = ((jittered - mean) * contrast + mean).clamp(0, 1);
        auto grey = (0.299 * jittered.select(1, 0) + 0.587 * jittered.select(1, 1) +
                     0.114 * jittered.select(1, 2))
                        .unsqueeze(1);
        jittered = ((jittered - grey) * sat + grey).clamp(0, 1);
        x = torch::where(applies.to(torch::kBool), jittered, x);
    }
    if (C == 3 && m_config.grayscale) {
        auto mask = torch::zeros({b, 1, 1, 1}, torch::kBool);
        auto ma = mask.accessor<bool, 4>();
        for (int64_t j = 0; j < all; ++j) {
            const bool grey = chance(m_config.grayscaleProbability);
            if (const int64_t i = mine(j); i >= 0)
                ma[i][0][0][0] = grey;
        }
        auto grey = (0.299 * x.select(1, 0) + 0.587 * x.select(1, 1) + 0.114 * x.select(1, 2))
                        .unsqueeze(1)
                        .expand_as(x);
        x = torch::where(mask, grey, x);
    }
    if (m_config.gaussianBlur) {
        // Separable 5-tap Gaussian per image: group images by drawn sigma would be exact but
        // slow; instead blur with per-image kernels via a grouped convolution.
        const int k = 5;
        auto kernels = torch::zeros({b, k});
        auto ka = kernels.accessor<float, 2>();
        for (int64_t j = 0; j < all; ++j) {
            const int64_t i = mine(j);
            if (!chance(m_config.blurProbability)) {
                if (i >= 0)
                    ka[i][k / 2] = 1.0f;
                continue;
            }
            const double sigma = uniform(m_config.blurSigmaMin, m_config.blurSigmaMax);
            if (i < 0)
                continue;
            double sum = 0;
            for (int j = 0; j < k; ++j)
                sum += std::exp(-0.5 * std::pow((j - k / 2) / sigma, 2));
            for (int j = 0; j < k; ++j)
                ka[i][j] = float(std::exp(-0.5 * std::pow((j - k / 2) / sigma, 2)) / sum);
        }
        auto per = kernels.repeat_interleave(C, 0); // (b·C)×k
        auto flat = x.reshape({1, b * C, S, S});
        flat = F::pad(flat, F::PadFuncOptions({k / 2, k / 2, k / 2, k / 2}).mode(torch::kReflect));
        flat = F::conv2d(flat, per.view({b * C, 1, 1, k}), F::Conv2dFuncOptions().groups(b * C));
        flat = F::conv2d(flat, per.view({b * C, 1, k, 1}), F::Conv2dFuncOptions().groups(b * C));
        x = flat.view({b, C, S, S});
    }
    return x.contiguous();
}

} // namespace equiscope
