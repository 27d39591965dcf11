#include "clustering/knngraph.h"
#include "clustering/knngraph_p.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace equiscope {

DataError knnError(const QString &detail)
{
    DataError e;
    e.detail = detail;
    return e;
}

std::vector<qint64> seededRowSample(qint64 n, qint64 count, quint64 seed)
{
    std::vector<qint64> rows(static_cast<size_t>(n));
    std::iota(rows.begin(), rows.end(), 0);
    if (count < n) {
        std::mt19937_64 rng(seed);
        for (qint64 i = 0; i < count; ++i)
            std::swap(rows[size_t(i)], rows[size_t(i + qint64(rng() % quint64(n - i)))]);
        rows.resize(size_t(count));
    }
    return rows;
}

Expected<std::vector<float>> normalizedRows(const float *rows, qint64 n, int dim)
{
    std::vector<float> out(size_t(n) * size_t(dim));
    std::atomic<qint64> bad{-1};
    at::parallel_for(0, n, 1024, [&](int64_t r0, int64_t r1) {
        for (int64_t r = r0; r < r1; ++r) {
            const float *x = rows + r * dim;
            double s = 0;
            for (int d = 0; d < dim; ++d) {
                if (!std::isfinite(x[d])) {
                    qint64 expected = -1;
                    bad.compare_exchange_strong(expected, r * dim + d);
                    return;
                }
                s += double(x[d]) * x[d];
            }
            const float scale = float(1.0 / std::max(std::sqrt(s), 1e-12));
            float *y = out.data() + r * dim;
            for (int d = 0; d < dim; ++d)
                y[d] = x[d] * scale;
        }
    });
    if (bad.load() >= 0) {
        // The first bad value in row order, so the message does not depend on the threads.
        for (qint64 i = 0; i < n * dim; ++i)
            if (!std::isfinite(rows[i]))
                return knnError(QStringLiteral("feature value %1 of row %2 is not a finite number")
                                    .arg(i % dim)
                                    .arg(i / dim));
    }
    return out;
}

namespace {

/// A bounded min-heap of (similarity, column): its top is the worst kept neighbour. "Worse"
/// means a lower similarity, or the same similarity at a higher column, so candidates offered in
/// ascending column order give the documented tie rule with a strict comparison against the top.
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

/// Whether one of the 16 values exceeds @p thr. Almost every chunk of a tile falls below the
/// running threshold, so this test is the scans' inner loop: explicit SSE (the x86-64 baseline),
/// which GCC did not produce from the plain loop (measured: scalar compares, 40 % of the time).
inline bool anyAbove16(const float *v, float thr)
{
#if defined(__SSE2__)
    const __m128 t = _mm_set1_ps(thr);
    const __m128 m = _mm_or_ps(
        _mm_or_ps(_mm_cmpgt_ps(_mm_loadu_ps(v), t), _mm_cmpgt_ps(_mm_loadu_ps(v + 4), t)),
        _mm_or_ps(_mm_cmpgt_ps(_mm_loadu_ps(v + 8), t), _mm_cmpgt_ps(_mm_loadu_ps(v + 12), t)));
    return _mm_movemask_ps(m) != 0;
#else
    int any = 0;
    for (int t = 0; t < 16; ++t)
        any |= v[t] > thr;
    return any != 0;
#endif
}

/// Whether one of the 16 values exceeds its own threshold in @p thr.
inline bool anyAbove16(const float *v, const float *thr)
{
#if defined(__SSE2__)
    const __m128 m =
        _mm_or_ps(_mm_or_ps(_mm_cmpgt_ps(_mm_loadu_ps(v), _mm_loadu_ps(thr)),
                            _mm_cmpgt_ps(_mm_loadu_ps(v + 4), _mm_loadu_ps(thr + 4))),
                  _mm_or_ps(_mm_cmpgt_ps(_mm_loadu_ps(v + 8), _mm_loadu_ps(thr + 8)),
                            _mm_cmpgt_ps(_mm_loadu_ps(v + 12), _mm_loadu_ps(thr + 12))));
    return _mm_movemask_ps(m) != 0;
#else
    int any = 0;
    for (int t = 0; t < 16; ++t)
        any |= v[t] > thr[t];
    return any != 0;
#endif
}

/// Offers one row of a similarity tile (columns c0 …) to the row's heap. Most entries fall
/// below the running threshold: chunks of 16 are tested at once first.
void scanRow(const float *v, qint64 count, qint64 c0, qint64 self, RowHeap &heap)
{
    if (heap.capacity == 0)
        return;
    float thr = heap.threshold();
    for (qint64 j0 = 0; j0 < count; j0 += 16) {
        const qint64 jn = std::min<qint64>(16, count - j0);
        if (jn == 16 && !anyAbove16(v + j0, thr))
            continue;
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

/// The symmetric half of a tile: offers tile row @p candidate to the heaps of the tile's columns
/// j0 … j1 (column j is data row c0 + j), with their running thresholds in @p threshold. The row
/// is contiguous, so the test runs along it; each thread owns a range of columns.
void scanColumns(const float *tileRow, qint64 j0, qint64 j1, int32_t candidate, RowHeap *heaps,
                 float *threshold)
{
    for (qint64 j = j0; j < j1; j += 16) {
        const qint64 jn = std::min<qint64>(16, j1 - j);
        if (jn == 16 && !anyAbove16(tileRow + j, threshold + j))
            continue;
        for (qint64 t = j; t < j + jn; ++t) {
            if (tileRow[t] > threshold[t]) {
                heaps[t].push(tileRow[t], candidate);
                threshold[t] = heaps[t].threshold();
            }
        }
    }
}

/// Every pair once: the Gram matrix is symmetric, so only tiles on and above the diagonal are
/// multiplied, and each off-diagonal tile feeds both the heaps of its rows and, read along its
/// rows against per-column thresholds, the heaps of its columns. Tiles are visited row block by
/// row block, column blocks ascending, so every heap sees its candidates in ascending index order
/// (the tie rule). The heaps live in the output arrays, slots 1 … k − 1 of each row.
Expected<KnnGraph> exactGraph(const float *xn, qint64 n, int dim, int k, const KnnOptions &options)
{
    KnnGraph g;
    g.rows = n;
    g.k = k;
    g.neighbours.resize(size_t(n * k));
    g.similarities.resize(size_t(n * k));
    const int kept = k - 1; // neighbours besides the row itself
    std::vector<RowHeap> heaps(static_cast<size_t>(n));
    for (qint64 r = 0; r < n; ++r)
        heaps[size_t(r)] =
            RowHeap{g.similarities.data() + r * k + 1, g.neighbours.data() + r * k + 1, 0, kept};

    // Square tiles (a tile and its transpose cover the same pairs). 1024 measured best here:
    // larger tiles leave the cache between the product and the two scans.
    const qint64 side = std::clamp<qint64>(
        qint64(std::sqrt(double(options.memoryBytes) / double(sizeof(float)))), 64, 1024);
    const qint64 blocks = (n + side - 1) / side;
    const qint64 tilesTotal = blocks * (blocks + 1) / 2;
    qint64 tilesDone = 0;
    std::vector<float> tile(size_t(std::min(side, n) * std::min(side, n)));
    std::vector<float> threshold(size_t(std::min(side, n)));
    const auto x = torch::from_blob(const_cast<float *>(xn), {n, dim}, torch::kFloat32);
    for (qint64 r0 = 0; r0 < n; r0 += side) {
        if (options.cancel && options.cancel->load())
            return knnError(QStringLiteral("cancelled"));
        const qint64 rb = std::min(side, n - r0);
        const auto a = x.narrow(0, r0, rb);
        for (qint64 c0 = r0; c0 < n; c0 += side) {
            const qint64 cb = std::min(side, n - c0);
            // One multi-threaded BLAS call per tile; the scans are split over the threads after
            // it (BLAS inside our own parallel region fights its own pool: measured 5× slower).
            auto out = torch::from_blob(tile.data(), {rb, cb}, torch::kFloat32);
            at::mm_out(out, a, x.narrow(0, c0, cb).t());
            at::parallel_for(0, rb, 16, [&](int64_t i0, int64_t i1) {
                for (int64_t i = i0; i < i1; ++i)
                    scanRow(tile.data() + i * cb, cb, c0, r0 + i, heaps[size_t(r0 + i)]);
            });
            if (c0 != r0) {
                at::parallel_for(0, cb, 64, [&](int64_t j0, int64_t j1) {
                    for (int64_t j = j0; j < j1; ++j)
                        threshold[size_t(j)] = heaps[size_t(c0 + j)].threshold();
                    for (qint64 i = 0; i < rb; ++i)
                        scanColumns(tile.data() + i * cb, j0, j1, int32_t(r0 + i),
                                    heaps.data() + c0, threshold.data());
                });
            }
            ++tilesDone;
        }
        if (options.progress && r0 + rb < n)
            options.progress(n * tilesDone / tilesTotal, n);
    }
    at::parallel_for(0, n, 256, [&](int64_t r0, int64_t r1) {
        std::vector<std::pair<float, int32_t>> sorted;
        for (int64_t row = r0; row < r1; ++row) {
            const RowHeap &h = heaps[size_t(row)];
            sorted.resize(size_t(h.size));
            for (int j = 0; j < h.size; ++j)
                sorted[size_t(j)] = {h.value[j], h.column[j]};
            std::sort(sorted.begin(), sorted.end(), [](const auto &p, const auto &q) {
                return RowHeap::worse(q.first, q.second, p.first, p.second);
            });
            int32_t *nb = g.neighbours.data() + row * k;
            float *sim = g.similarities.data() + row * k;
            nb[0] = int32_t(row);
            sim[0] = selfSimilarity(xn + row * dim, dim);
            for (int j = 0; j < kept; ++j) {
                nb[j + 1] = sorted[size_t(j)].second;
                sim[j + 1] = sorted[size_t(j)].first;
            }
        }
    });
    if (options.progress)
        options.progress(n, n);
    return g;
}

} // namespace

Expected<KnnGraph> buildKnnGraph(const float *rows, qint64 n, int dim, int k,
                                 const KnnOptions &options)
{
    if (k < 1 || k >= n)
        return knnError(QStringLiteral("k = %1 needs more samples than k; found %2").arg(k).arg(n));
    if (dim < 1)
        return knnError(QStringLiteral("feature dimension %1 is not positive").arg(dim));
    if (n > std::numeric_limits<int32_t>::max())
        return knnError(QStringLiteral("%1 rows: the graph holds at most %2")
                            .arg(n)
                            .arg(std::numeric_limits<int32_t>::max()));
    try {
        torch::NoGradGuard noGrad;
        std::vector<float> copy;
        if (!options.rowsNormalized) {
            auto xn = normalizedRows(rows, n, dim);
            if (!xn)
                return xn.error();
            copy = std::move(xn.value());
        }
        const float *xn = options.rowsNormalized ? rows : copy.data();
        if (options.index == KnnIndex::Exact)
            return exactGraph(xn, n, dim, k, options);
        return buildFaissKnnGraph(xn, n, dim, k, options);
    } catch (const std::bad_alloc &) {
        return knnError(QStringLiteral("kNN graph of %1 rows × %2: out of memory").arg(n).arg(dim));
    } catch (const std::exception &e) {
        return knnError(QStringLiteral("kNN graph failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

Expected<KnnRecall> measureKnnRecall(const float *rows, qint64 n, int dim, const KnnGraph &graph,
                                     qint64 sample, quint64 seed, const std::vector<int> &groupOf,
                                     bool rowsNormalized)
{
    if (graph.rows != n || graph.k < 2)
        return knnError(QStringLiteral("recall: the graph has %1 rows, the features %2")
                            .arg(graph.rows)
                            .arg(n));
    try {
        torch::NoGradGuard noGrad;
        std::vector<float> copy;
        if (!rowsNormalized) {
            auto xn = normalizedRows(rows, n, dim);
            if (!xn)
                return xn.error();
            copy = std::move(xn.value());
        }
        float *xn = rowsNormalized ? const_cast<float *>(rows) : copy.data();
        std::vector<qint64> picked = seededRowSample(n, sample, seed);
        std::sort(picked.begin(), picked.end());
        // The sampled rows' exact neighbours, from the exact engine's rule applied to a
        // sample × all product, in blocks of at most 64 MiB of similarities.
        const int kept = graph.k - 1;
        const auto x = torch::from_blob(xn, {n, dim}, torch::kFloat32);
        KnnRecall r;
        r.sampled = qint64(picked.size());
        double total = 0;
        std::vector<double> hits(picked.size());
        const size_t block = size_t(std::clamp<qint64>((qint64(16) << 20) / n, 1, 256));
        for (size_t b0 = 0; b0 < picked.size(); b0 += block) {
            const size_t bn = std::min(block, picked.size() - b0);
            const auto index = torch::from_blob(picked.data() + b0, {qint64(bn)}, torch::kLong);
            const auto sims = torch::mm(x.index_select(0, index), x.t()).contiguous();
            at::parallel_for(0, qint64(bn), 8, [&](int64_t i0, int64_t i1) {
                std::vector<float> value(static_cast<size_t>(kept));
                std::vector<int32_t> column(static_cast<size_t>(kept));
                for (int64_t i = i0; i < i1; ++i) {
                    const qint64 row = picked[b0 + size_t(i)];
                    RowHeap heap{value.data(), column.data(), 0, kept};
                    scanRow(sims.data_ptr<float>() + i * n, n, 0, row, heap);
                    const int32_t *found = graph.neighboursOf(row) + 1;
                    qint64 hit = 0;
                    std::vector<int32_t> exact(column.begin(), column.begin() + heap.size);
                    std::sort(exact.begin(), exact.end());
                    for (int j = 0; j < kept; ++j)
                        hit += std::binary_search(exact.begin(), exact.end(), found[j]);
                    hits[b0 + size_t(i)] = double(hit) / double(kept);
                }
            });
        }
        for (size_t i = 0; i < picked.size(); ++i) {
            total += hits[i];
            const int group = groupOf.empty() ? 0 : groupOf[size_t(picked[i])];
            auto &cell = r.byGroup[group];
            cell.first += 1;
            cell.second += hits[i];
        }
        for (auto &entry : r.byGroup)
            entry.second.second /= double(std::max<qint64>(1, entry.second.first));
        r.recall = picked.empty() ? 1.0 : total / double(picked.size());
        return r;
    } catch (const std::exception &e) {
        return knnError(QStringLiteral("kNN recall failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace equiscope
