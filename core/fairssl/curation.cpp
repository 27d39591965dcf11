#include "fairssl/curation_p.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <numeric>

namespace equiscope::curation {

namespace {

bool stopped(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

// Rows per block so one block of similarities holds about 4 M floats (16 MiB): big enough for
// BLAS to run at full speed, small enough to stay out of the way of everything else.
int64_t blockRows(int64_t columns)
{
    return std::clamp<int64_t>((int64_t(4) << 20) / std::max<int64_t>(1, columns), 64, 8192);
}

struct UnionFind
{
    std::vector<int64_t> parent;
    explicit UnionFind(int64_t n) : parent(size_t(n))
    {
        std::iota(parent.begin(), parent.end(), int64_t(0));
    }
    int64_t find(int64_t x)
    {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    }
    // The smaller root wins, so every group's root is its first row.
    void unite(int64_t a, int64_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (a < b)
            parent[size_t(b)] = a;
        else
            parent[size_t(a)] = b;
    }
};

} // namespace

std::pair<torch::Tensor, torch::Tensor> blockedTopK(const torch::Tensor &queries,
                                                    const torch::Tensor &keys, int64_t k,
                                                    const std::atomic<bool> *cancel)
{
    torch::NoGradGuard noGrad;
    const int64_t q = queries.size(0), n = keys.size(0);
    k = std::min(k, n);
    if (k <= 0 || q == 0)
        return {torch::empty({q, 0}, queries.options()),
                torch::empty({q, 0}, queries.options().dtype(torch::kLong))};
    const int64_t block = std::max(k, blockRows(q));
    torch::Tensor bestValues, bestIndices;
    for (int64_t c0 = 0; c0 < n; c0 += block) {
        if (stopped(cancel))
            return {};
        const int64_t nc = std::min(block, n - c0);
        const auto sims = queries.mm(keys.narrow(0, c0, nc).t());
        auto [values, indices] = sims.topk(std::min(k, nc), 1, true, true);
        indices.add_(c0);
        if (!bestValues.defined()) {
            bestValues = values;
            bestIndices = indices;
            continue;
        }
        // Merge: the k best of (running best ∪ this block's best).
        const auto allValues = torch::cat({bestValues, values}, 1);
        const auto allIndices = torch::cat({bestIndices, indices}, 1);
        auto [mergedValues, order] = allValues.topk(k, 1, true, true);
        bestValues = mergedValues;
        bestIndices = allIndices.gather(1, order);
    }
    return {bestValues, bestIndices};
}

DedupResult deduplicate(const torch::Tensor &embeddings, double threshold,
                        const std::atomic<bool> *cancel)
{
    torch::NoGradGuard noGrad;
    DedupResult r;
    const int64_t n = embeddings.size(0);
    UnionFind groups(n);
    const int64_t block = blockRows(n);
    for (int64_t r0 = 0; r0 < n; r0 += block) {
        if (stopped(cancel)) {
            r.cancelled = true;
            return r;
        }
        const int64_t nr = std::min(block, n - r0);
        // Columns from r0 on: pairs (i, j) with j > i only, the rest was seen by earlier blocks.
        const auto sims = embeddings.narrow(0, r0, nr).mm(embeddings.narrow(0, r0, n - r0).t());
        auto hit = sims.ge(threshold);
        // Drop j <= i inside the square part of the block (the diagonal and below).
        hit.narrow(1, 0, nr).logical_and_(torch::ones({nr, nr}, torch::kBool).triu(1));
        const auto pairs = hit.nonzero();
        const auto acc = pairs.accessor<int64_t, 2>();
        for (int64_t p = 0; p < pairs.size(0); ++p)
            groups.unite(r0 + acc[p][0], r0 + acc[p][1]);
        r.pairs += pairs.size(0);
    }
    std::vector<int64_t> droppedRows, keptOf;
    for (int64_t i = 0; i < n; ++i) {
        const int64_t root = groups.find(i);
        if (root == i) {
            r.kept.push_back(i);
        } else {
            droppedRows.push_back(i);
            keptOf.push_back(root);
        }
    }
    if (!droppedRows.empty()) {
        const auto a = embeddings.index_select(0, torch::tensor(droppedRows, torch::kLong));
        const auto b = embeddings.index_select(0, torch::tensor(keptOf, torch::kLong));
        const auto cos = (a * b).sum(1).to(torch::kFloat32).contiguous();
        const float *c = cos.data_ptr<float>();
        for (size_t i = 0; i < droppedRows.size(); ++i)
            r.dropped.push_back(Duplicate{droppedRows[i], keptOf[i], c[i]});
    }
    return r;
}

std::vector<Duplicate> matchesAgainst(const torch::Tensor &pool, const torch::Tensor &reference,
                                      double threshold, const std::atomic<bool> *cancel)
{
    std::vector<Duplicate> out;
    if (pool.size(0) == 0 || reference.size(0) == 0)
        return out;
    auto [values, indices] = blockedTopK(pool, reference, 1, cancel);
    if (!values.defined())
        return out;
    const auto v = values.squeeze(1).to(torch::kFloat32).contiguous();
    const auto ix = indices.squeeze(1).contiguous();
    const float *vp = v.data_ptr<float>();
    const int64_t *ip = ix.data_ptr<int64_t>();
    for (int64_t i = 0; i < v.size(0); ++i)
        if (vp[i] >= threshold)
            out.push_back(Duplicate{i, ip[i], vp[i]});
    return out;
}

double laplacianVariance(const uint8_t *image, int height, int width, int channels)
{
    const cv::Mat src(height, width, channels == 3 ? CV_8UC3 : CV_8UC1,
                      const_cast<uint8_t *>(image));
    cv::Mat grey;
    if (channels == 3)
        cv::cvtColor(src, grey, cv::COLOR_RGB2GRAY);
    else
        grey = src;
    cv::Mat lap;
    cv::Laplacian(grey, lap, CV_64F, 3);
    cv::Scalar mean, sd;
    cv::meanStdDev(lap, mean, sd);
    return sd[0] * sd[0];
}

} // namespace equiscope::curation
