#include "knngraph.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace equiscope {

namespace {

constexpr qint64 kRowBlock = 256;

DataError knnError(const QString &detail)
{
    DataError e;
    e.detail = detail;
    return e;
}

/// A bounded min-heap of (similarity, column): its top is the worst kept neighbour. "Worse"
/// means a lower similarity, or the same similarity at a higher column, so columns scanned in
/// ascending order give the documented tie rule with a strict comparison against the top.
struct RowHeap
{
    float *value;
    int32_t *column;
    int size = 0;
    int capacity = 0;

    static bool worse(float va, int32_t ca, float vb, int32_t cb)
    {
        return va < vb || (va == vb && ca > cb);
    }
    float threshold() const
    {
        return size < capacity ? -std::numeric_limits<float>::infinity() : value[0];
    }
    void siftDown(int i)
    {
        for (;;) {
            const int l = 2 * i + 1, r = l + 1;
            int m = i;
            if (l < size && worse(value[l], column[l], value[m], column[m]))
                m = l;
            if (r < size && worse(value[r], column[r], value[m], column[m]))
                m = r;
            if (m == i)
                return;
            std::swap(value[i], value[m]);
            std::swap(column[i], column[m]);
            i = m;
        }
    }
    void push(float v, int32_t c)
    {
        if (size < capacity) {
            int i = size++;
            value[i] = v;
            column[i] = c;
            while (i > 0) {
                const int p = (i - 1) / 2;
                if (!worse(value[i], column[i], value[p], column[p]))
                    break;
                std::swap(value[i], value[p]);
                std::swap(column[i], column[p]);
                i = p;
            }
        } else {
            value[0] = v;
            column[0] = c;
            siftDown(0);
        }
    }
};

/// Offers one row of a similarity tile (columns c0 …) to the row's heap. Most entries fall
/// below the running threshold: chunks of 16 are tested branch-free first.
void scanRow(const float *v, qint64 count, qint64 c0, qint64 self, RowHeap &heap)
{
    if (heap.capacity == 0)
        return;
    float thr = heap.threshold();
    for (qint64 j0 = 0; j0 < count; j0 += 16) {
        const qint64 jn = std::min<qint64>(16, count - j0);
        if (jn == 16) {
            int any = 0;
            for (int t = 0; t < 16; ++t)
                any |= v[j0 + t] > thr;
            if (!any)
                continue;
        }
        for (qint64 t = 0; t < jn; ++t) {
            const float x = v[j0 + t];
            if (x > thr) {
                const qint64 col = c0 + j0 + t;
                if (col == self)
                    continue;
                heap.push(x, int32_t(col));
                thr = heap.threshold();
            }
        }
    }
}

} // namespace

Expected<KnnGraph> buildKnnGraph(const float *rows, qint64 n, int dim, int k,
                                 const KnnOptions &options)
{
    if (k < 1 || k >= n)
        return knnError(QStringLiteral("k = %1 needs more samples than k; found %2").arg(k).arg(n));
    if (dim < 1)
        return knnError(QStringLiteral("feature dimension %1 is not positive").arg(dim));
    for (qint64 i = 0; i < n * dim; ++i)
        if (!std::isfinite(rows[i]))
            return knnError(QStringLiteral("feature value %1 of row %2 is not a finite number")
                                .arg(i % dim)
                                .arg(i / dim));
    try {
        torch::NoGradGuard noGrad;
        const auto x = torch::from_blob(const_cast<float *>(rows), {n, dim}, torch::kFloat32);
        const auto norms = x.norm(2, 1, true);
        const auto xn = (x / norms.clamp_min(1e-12)).contiguous();

        KnnGraph g;
        g.rows = n;
        g.k = k;
        g.neighbours.resize(size_t(n * k));
        g.similarities.resize(size_t(n * k));

        const int threads = std::max(1, options.threads > 0 ? options.threads
                                                             : at::get_num_threads());
        // Column tiles sized so every thread's tile fits the budget (and stays cache-sized).
        const qint64 budgetCols =
            options.memoryBytes / (qint64(threads) * kRowBlock * qint64(sizeof(float)));
        const qint64 colTile = std::clamp<qint64>(budgetCols, 64, 2048);
        const qint64 blocks = (n + kRowBlock - 1) / kRowBlock;
        const qint64 perRound = qint64(threads) * 4;
        const int kept = k - 1; // neighbours besides the row itself

        for (qint64 round = 0; round < blocks; round += perRound) {
            if (options.cancel && options.cancel->load())
                return knnError(QStringLiteral("cancelled"));
            const qint64 roundEnd = std::min(blocks, round + perRound);
            at::parallel_for(round, roundEnd, 1, [&](int64_t bBegin, int64_t bEnd) {
                std::vector<float> tile(size_t(kRowBlock * colTile));
                std::vector<float> heapValues(size_t(kRowBlock * kept));
                std::vector<int32_t> heapColumns(size_t(kRowBlock * kept));
                for (int64_t b = bBegin; b < bEnd; ++b) {
                    const qint64 r0 = b * kRowBlock;
                    const qint64 rb = std::min(kRowBlock, n - r0);
                    std::vector<RowHeap> heaps(static_cast<size_t>(rb));
                    for (qint64 i = 0; i < rb; ++i)
                        heaps[size_t(i)] = RowHeap{heapValues.data() + i * kept,
                                                   heapColumns.data() + i * kept, 0, kept};
                    const auto a = xn.narrow(0, r0, rb);
                    for (qint64 c0 = 0; c0 < n; c0 += colTile) {
                        const qint64 cb = std::min(colTile, n - c0);
                        auto out = torch::from_blob(tile.data(), {rb, cb}, torch::kFloat32);
                        at::mm_out(out, a, xn.narrow(0, c0, cb).t());
                        for (qint64 i = 0; i < rb; ++i)
                            scanRow(tile.data() + i * cb, cb, c0, r0 + i, heaps[size_t(i)]);
                    }
                    const float *self = xn.data_ptr<float>();
                    for (qint64 i = 0; i < rb; ++i) {
                        RowHeap &h = heaps[size_t(i)];
                        std::vector<std::pair<float, int32_t>> sorted(size_t(h.size));
                        for (int j = 0; j < h.size; ++j)
                            sorted[size_t(j)] = {h.value[j], h.column[j]};
                        std::sort(sorted.begin(), sorted.end(), [](const auto &p, const auto &q) {
                            return RowHeap::worse(q.first, q.second, p.first, p.second);
                        });
                        const qint64 row = r0 + i;
                        int32_t *nb = g.neighbours.data() + row * k;
                        float *sim = g.similarities.data() + row * k;
                        double selfSim = 0;
                        for (int d = 0; d < dim; ++d)
                            selfSim += double(self[row * dim + d]) * self[row * dim + d];
                        nb[0] = int32_t(row);
                        sim[0] = float(selfSim);
                        for (int j = 0; j < kept; ++j) {
                            nb[j + 1] = sorted[size_t(j)].second;
                            sim[j + 1] = sorted[size_t(j)].first;
                        }
                    }
                }
            });
            if (options.progress)
                options.progress(std::min(n, roundEnd * kRowBlock), n);
        }
        return g;
    } catch (const std::exception &e) {
        return knnError(
            QStringLiteral("kNN graph failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace equiscope
