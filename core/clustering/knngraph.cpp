#include "clustering/knngraph.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace equiscope {

namespace {

constexpr qint64 kRowBlock = 512; ///< rows of the tile used to size the column tiles

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

        // Row blocks one after the other; each tile product is one multi-threaded BLAS call and
        // the scan of its rows is split over the threads. BLAS is never called from inside our
        // own parallel region: on a shared machine the two thread pools fight (measured 5×
        // slower than one thread).
        const int kept = k - 1; // neighbours besides the row itself
        const qint64 colTile =
            std::clamp<qint64>(options.memoryBytes / (kRowBlock * qint64(sizeof(float))), 64, 4096);
        const qint64 rowBlock =
            std::clamp<qint64>(options.memoryBytes / (colTile * qint64(sizeof(float))), 16, 1024);
        std::vector<float> tile(size_t(rowBlock * colTile));
        std::vector<float> heapValues(size_t(rowBlock * kept));
        std::vector<int32_t> heapColumns(size_t(rowBlock * kept));
        std::vector<RowHeap> heaps(static_cast<size_t>(rowBlock));
        const float *self = xn.data_ptr<float>();
        for (qint64 r0 = 0; r0 < n; r0 += rowBlock) {
            if (options.cancel && options.cancel->load())
                return knnError(QStringLiteral("cancelled"));
            const qint64 rb = std::min(rowBlock, n - r0);
            for (qint64 i = 0; i < rb; ++i)
                heaps[size_t(i)] =
                    RowHeap{heapValues.data() + i * kept, heapColumns.data() + i * kept, 0, kept};
            const auto a = xn.narrow(0, r0, rb);
            for (qint64 c0 = 0; c0 < n; c0 += colTile) {
                const qint64 cb = std::min(colTile, n - c0);
                auto out = torch::from_blob(tile.data(), {rb, cb}, torch::kFloat32);
                at::mm_out(out, a, xn.narrow(0, c0, cb).t());
                at::parallel_for(0, rb, 16, [&](int64_t i0, int64_t i1) {
                    for (int64_t i = i0; i < i1; ++i)
                        scanRow(tile.data() + i * cb, cb, c0, r0 + i, heaps[size_t(i)]);
                });
            }
            at::parallel_for(0, rb, 16, [&](int64_t i0, int64_t i1) {
                std::vector<std::pair<float, int32_t>> sorted;
                for (int64_t i = i0; i < i1; ++i) {
                    const RowHeap &h = heaps[size_t(i)];
                    sorted.resize(size_t(h.size));
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
            });
            if (options.progress)
                options.progress(r0 + rb, n);
        }
        return g;
    } catch (const std::exception &e) {
        return knnError(QStringLiteral("kNN graph failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace equiscope
