// The kNN graph through FAISS (Debian's libfaiss-dev): the approximate HNSW and IVF indexes,
// and FAISS's exact flat index for the benchmark. The own exact engine (knngraph.cpp) stays the
// exact path: it computes each pair once and measured faster than IndexFlatIP here
// (docs/guide/clustering.md, "Scale").
//
// Debian builds FAISS for the x86-64 baseline, where its inner product is the scalar reference
// loop (two thirds of an HNSW search, measured with perf). The indexes here keep FAISS's
// algorithms and storage but compute inner products with AVX2/FMA (SSE on older processors),
// through the hooks FAISS provides: the storage's distance computer (HNSW) and the inverted
// list scanner (IVF).
#include "clustering/knngraph_p.h"
#include "util/scratchmapping.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>
#include <faiss/IndexIVFFlat.h>
#include <faiss/invlists/InvertedLists.h>
#include <faiss/utils/distances.h>
#include <omp.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define EQUISCOPE_KNN_X86 1
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>

namespace equiscope {

namespace {

using FaissLabel = faiss::Index::idx_t;

constexpr qint64 kChunk = 4096; ///< rows added or searched between progress and cancel checks

using DotProduct = float (*)(const float *, const float *, size_t);

float dotPortable(const float *a, const float *b, size_t d)
{
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 4 <= d; i += 4) {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (; i < d; ++i)
        s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

#ifdef EQUISCOPE_KNN_X86
__attribute__((target("avx2,fma"))) float dotAvx2(const float *a, const float *b, size_t d)
{
    __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
    __m256 s2 = _mm256_setzero_ps(), s3 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 32 <= d; i += 32) {
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
        s1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), s1);
        s2 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 16), _mm256_loadu_ps(b + i + 16), s2);
        s3 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 24), _mm256_loadu_ps(b + i + 24), s3);
    }
    for (; i + 8 <= d; i += 8)
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
    const __m256 s = _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3));
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
    float sum = _mm_cvtss_f32(h);
    for (; i < d; ++i)
        sum += a[i] * b[i];
    return sum;
}
#endif

DotProduct bestDotProduct()
{
#ifdef EQUISCOPE_KNN_X86
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return dotAvx2;
#endif
    return dotPortable;
}

/// Inner products of a query with the stored rows of a flat index (the storage of HNSW).
struct FastInnerProductComputer : faiss::FlatCodesDistanceComputer
{
    FastInnerProductComputer(const float *base, size_t dim)
        : faiss::FlatCodesDistanceComputer(reinterpret_cast<const uint8_t *>(base),
                                           dim * sizeof(float)),
          base(base), dim(dim), dot(bestDotProduct())
    {
    }
    void set_query(const float *x) override { query = x; }
    float distance_to_code(const uint8_t *code) override
    {
        return dot(query, reinterpret_cast<const float *>(code), dim);
    }
    float symmetric_dis(idx_t i, idx_t j) override
    {
        return dot(base + i * dim, base + j * dim, dim);
    }

    const float *base;
    size_t dim;
    DotProduct dot;
    const float *query = nullptr;
};

/// The storage of HNSW: the caller's rows where they already are (a scratch mapping when the
/// features are out of core), not a copy. FAISS's IndexFlat would copy every row into its own
/// vector — 1 GB of process memory for 1,000,000 × 256 features. HNSW reads the rows only
/// through the distance computer and reconstruct(); add() only extends the visible prefix, so
/// rows must be added in order from the start of the block.
class InPlaceInnerProductStorage : public faiss::Index
{
public:
    InPlaceInnerProductStorage(const float *rows, qint64 capacity, int dim)
        : faiss::Index(dim, faiss::METRIC_INNER_PRODUCT), m_rows(rows), m_capacity(capacity)
    {
    }
    void add(idx_t n, const float *x) override
    {
        FAISS_THROW_IF_NOT_MSG(x == m_rows + ntotal * d && ntotal + n <= m_capacity,
                               "in-place HNSW storage: rows must be added in order");
        ntotal += n;
    }
    void reset() override { ntotal = 0; }
    void search(idx_t n, const float *x, idx_t k, float *distances, idx_t *labels,
                const faiss::SearchParameters * = nullptr) const override
    {
        faiss::knn_inner_product(x, m_rows, size_t(d), size_t(n), size_t(ntotal), size_t(k),
                                 distances, labels);
    }
    void reconstruct(idx_t key, float *recons) const override
    {
        FAISS_THROW_IF_NOT(key >= 0 && key < ntotal);
        std::copy_n(m_rows + key * d, d, recons);
    }
    faiss::DistanceComputer *get_distance_computer() const override
    {
        return new FastInnerProductComputer(m_rows, size_t(d));
    }

private:
    const float *m_rows;
    qint64 m_capacity;
};

/// Scans an inverted list of raw float rows for the best inner products (keep_max: FAISS keeps
/// the k largest with its own heap in the default scan_codes).
struct FastInnerProductScanner : faiss::InvertedListScanner
{
    FastInnerProductScanner(size_t dim, bool storePairs, const faiss::IDSelector *selector)
        : faiss::InvertedListScanner(storePairs, selector), dim(dim), dot(bestDotProduct())
    {
        keep_max = true;
        code_size = dim * sizeof(float);
    }
    void set_query(const float *x) override { query = x; }
    void set_list(idx_t list, float) override { list_no = list; }
    float distance_to_code(const uint8_t *code) const override
    {
        return dot(query, reinterpret_cast<const float *>(code), dim);
    }

    size_t dim;
    DotProduct dot;
    const float *query = nullptr;
};

struct FastIvfFlat : faiss::IndexIVFFlat
{
    using faiss::IndexIVFFlat::IndexIVFFlat;
    faiss::InvertedListScanner *
    get_InvertedListScanner(bool storePairs, const faiss::IDSelector *selector) const override
    {
        return new FastInnerProductScanner(size_t(d), storePairs, selector);
    }
};

/// IVF lists laid out once, in one block: every row is assigned to its cell before any is stored,
/// so each list's size is known in advance. The block is process memory, or a scratch file when
/// the features are out of core — then the index holds no copy of the rows in memory (FAISS's
/// ArrayInvertedLists keep one growing vector per cell).
class PresizedInvertedLists : public faiss::InvertedLists
{
public:
    /// @p sizes: rows per cell, from the very assignment add_core() then stores.
    static Expected<std::unique_ptr<PresizedInvertedLists>>
    create(size_t codeSize, const std::vector<size_t> &sizes, const QString &scratchDirectory)
    {
        std::unique_ptr<PresizedInvertedLists> lists(
            new PresizedInvertedLists(sizes.size(), codeSize));
        lists->m_start.assign(sizes.size() + 1, 0);
        for (size_t l = 0; l < sizes.size(); ++l)
            lists->m_start[l + 1] = lists->m_start[l] + sizes[l];
        lists->m_filled.assign(sizes.size(), 0);
        const size_t total = lists->m_start.back();
        // Ids first: the block starts aligned, and codes need only 4-byte alignment.
        const size_t bytes = std::max<size_t>(1, total * (sizeof(idx_t) + codeSize));
        uint8_t *base = nullptr;
        if (scratchDirectory.isEmpty()) {
            lists->m_memory.resize(bytes);
            base = lists->m_memory.data();
        } else {
            auto scratch = ScratchMapping::create(scratchDirectory, qint64(bytes));
            if (!scratch)
                return scratch.error();
            lists->m_scratch = std::move(scratch.value());
            base = reinterpret_cast<uint8_t *>(lists->m_scratch->data());
        }
        lists->m_ids = reinterpret_cast<idx_t *>(base);
        lists->m_codes = base + total * sizeof(idx_t);
        return lists;
    }

    size_t list_size(size_t list) const override { return m_filled[list]; }
    const uint8_t *get_codes(size_t list) const override
    {
        return m_codes + m_start[list] * code_size;
    }
    const idx_t *get_ids(size_t list) const override { return m_ids + m_start[list]; }

    // Called inside FAISS's OpenMP regions, where an exception would terminate the process; the
    // sizes come from the same assignment as the entries, so a list never overflows.
    size_t add_entries(size_t list, size_t count, const idx_t *ids, const uint8_t *codes) override
    {
        const size_t at = m_filled[list];
        Q_ASSERT(m_start[list] + at + count <= m_start[list + 1]);
        std::memcpy(m_ids + m_start[list] + at, ids, count * sizeof(idx_t));
        std::memcpy(m_codes + (m_start[list] + at) * code_size, codes, count * code_size);
        m_filled[list] = at + count;
        return at;
    }
    void update_entries(size_t list, size_t offset, size_t count, const idx_t *ids,
                        const uint8_t *codes) override
    {
        Q_ASSERT(offset + count <= m_filled[list]);
        std::memcpy(m_ids + m_start[list] + offset, ids, count * sizeof(idx_t));
        std::memcpy(m_codes + (m_start[list] + offset) * code_size, codes, count * code_size);
    }
    void resize(size_t list, size_t size) override
    {
        Q_ASSERT(m_start[list] + size <= m_start[list + 1]);
        m_filled[list] = std::min(size, m_start[list + 1] - m_start[list]);
    }

private:
    PresizedInvertedLists(size_t nlist, size_t codeSize) : faiss::InvertedLists(nlist, codeSize) {}
    std::vector<size_t> m_start, m_filled;
    std::vector<uint8_t> m_memory;
    std::unique_ptr<ScratchMapping> m_scratch;
    idx_t *m_ids = nullptr;
    uint8_t *m_codes = nullptr;
};

/// IVF: a query whose probed cells hold fewer than k rows gets -1 labels at the end. Such rows
/// are searched again with twice the probes until every one has k neighbours (all cells hold
/// every row, and k < n), so a small cell never fails a run; returns how many rows needed it.
qint64 searchShortRowsWider(faiss::IndexIVF &ivf, const float *queries, qint64 count, int k,
                            float *distances, FaissLabel *labels)
{
    std::vector<qint64> shortRows;
    for (qint64 i = 0; i < count; ++i)
        if (labels[i * k + k - 1] < 0)
            shortRows.push_back(i);
    const qint64 widened = qint64(shortRows.size());
    const size_t probes = ivf.nprobe;
    std::vector<float> rows, d;
    std::vector<FaissLabel> l;
    while (!shortRows.empty() && ivf.nprobe < ivf.nlist) {
        ivf.nprobe = std::min(ivf.nlist, ivf.nprobe * 2);
        const qint64 m = qint64(shortRows.size());
        rows.resize(size_t(m) * size_t(ivf.d));
        d.resize(size_t(m * k));
        l.resize(size_t(m * k));
        for (qint64 j = 0; j < m; ++j)
            std::copy_n(queries + shortRows[size_t(j)] * ivf.d, ivf.d, rows.data() + j * ivf.d);
        ivf.search(m, rows.data(), k, d.data(), l.data());
        std::vector<qint64> still;
        for (qint64 j = 0; j < m; ++j) {
            const qint64 i = shortRows[size_t(j)];
            std::copy_n(d.data() + j * k, k, distances + i * k);
            std::copy_n(l.data() + j * k, k, labels + i * k);
            if (l[size_t(j * k + k - 1)] < 0)
                still.push_back(i);
        }
        shortRows.swap(still);
    }
    ivf.nprobe = probes;
    return widened;
}

/// Restores the OpenMP thread count FAISS ran with (LibTorch shares the same pool).
class OmpThreads
{
public:
    explicit OmpThreads(int threads) : m_before(omp_get_max_threads())
    {
        if (threads > 0)
            omp_set_num_threads(threads);
    }
    ~OmpThreads() { omp_set_num_threads(m_before); }

private:
    int m_before;
};

} // namespace

Expected<KnnGraph> buildFaissKnnGraph(const float *normalized, qint64 n, int dim, int k,
                                      const KnnOptions &options, bool flat)
{
    OmpThreads threads(options.threads);
    const auto started = std::chrono::steady_clock::now();
    const auto cancelled = [&] { return options.cancel && options.cancel->load(); };
    std::unique_ptr<faiss::Index> quantizer;
    std::unique_ptr<faiss::Index> index;
    // Adding is half the work of an approximate index, searching the other half.
    const qint64 steps = flat ? n : 2 * n;
    qint64 stepsDone = 0;
    const auto report = [&](qint64 more) {
        stepsDone += more;
        if (options.progress && stepsDone < steps)
            options.progress(n * stepsDone / steps, n);
    };
    if (flat) {
        index = std::make_unique<faiss::IndexFlatIP>(dim);
        index->add(n, normalized);
    } else if (options.index == KnnIndex::Hnsw) {
        if (options.hnswLinks < 4 || options.hnswBuildDepth < 1)
            return knnError(QStringLiteral("HNSW needs at least 4 links and a build depth of 1"));
        // IndexHNSWFlat's algorithm over the rows in place (it owns the storage object).
        auto hnsw = std::make_unique<faiss::IndexHNSW>(
            new InPlaceInnerProductStorage(normalized, n, dim), options.hnswLinks);
        hnsw->own_fields = true;
        hnsw->hnsw.efConstruction = options.hnswBuildDepth;
        // Below k candidates a query cannot return k neighbours.
        hnsw->hnsw.efSearch =
            std::max(k, options.hnswSearchDepth > 0 ? options.hnswSearchDepth : 2 * k);
        index = std::move(hnsw);
    } else {
        // Automatic: 4·√n cells, but at least 39 rows per cell (FAISS's k-means minimum).
        const qint64 cells = options.ivfCells > 0
                                 ? options.ivfCells
                                 : std::clamp<qint64>(qint64(4 * std::sqrt(double(n))), 1,
                                                      std::max<qint64>(1, n / 39));
        if (cells > n)
            return knnError(QStringLiteral("IVF: %1 cells for %2 rows; use at most one per row")
                                .arg(cells)
                                .arg(n));
        if (options.ivfProbes < 1)
            return knnError(QStringLiteral("IVF: probes must be at least 1"));
        quantizer = std::make_unique<faiss::IndexFlatIP>(dim);
        auto ivf = std::make_unique<FastIvfFlat>(quantizer.get(), dim, size_t(cells),
                                                 faiss::METRIC_INNER_PRODUCT);
        ivf->nprobe = size_t(std::min<qint64>(options.ivfProbes, cells));
        ivf->cp.seed = int(options.seed & 0x7fffffff);
        ivf->cp.verbose = false;
        // The centroids are trained on a seeded sample of 64 rows per cell (FAISS's own
        // sampling would print a warning and use its own seed).
        const qint64 trainRows = std::min<qint64>(n, cells * 64);
        std::vector<float> sample;
        const float *train = normalized;
        if (trainRows < n) {
            const std::vector<qint64> pick = seededRowSample(n, trainRows, options.seed);
            sample.resize(size_t(trainRows * dim));
            for (qint64 i = 0; i < trainRows; ++i)
                std::copy_n(normalized + pick[size_t(i)] * dim, dim, sample.data() + i * dim);
            train = sample.data();
        }
        ivf->cp.max_points_per_centroid = int(std::max<qint64>(64, trainRows / cells + 1));
        ivf->train(trainRows, train);
        index = std::move(ivf);
    }
    if (auto *ivf = dynamic_cast<faiss::IndexIVF *>(index.get()); ivf && !flat) {
        // What IndexIVF::add does, in two passes: the cell of every row (the quantizer search,
        // the work of adding), then the rows copied into lists sized for them.
        std::vector<FaissLabel> cellOf(static_cast<size_t>(n));
        for (qint64 r0 = 0; r0 < n; r0 += kChunk * 4) {
            if (cancelled())
                return knnError(QStringLiteral("cancelled"));
            const qint64 rb = std::min(kChunk * 4, n - r0);
            ivf->quantizer->assign(rb, normalized + r0 * dim, cellOf.data() + r0);
            report(rb);
        }
        std::vector<size_t> sizes(ivf->nlist, 0);
        for (const FaissLabel cell : cellOf)
            if (cell >= 0 && size_t(cell) < sizes.size())
                ++sizes[size_t(cell)];
        auto lists = PresizedInvertedLists::create(ivf->code_size, sizes, options.scratchDirectory);
        if (!lists)
            return lists.error();
        ivf->replace_invlists(lists.value().release(), true);
        ivf->add_core(n, normalized, nullptr, cellOf.data());
    } else if (!flat) {
        for (qint64 r0 = 0; r0 < n; r0 += kChunk * 4) {
            if (cancelled())
                return knnError(QStringLiteral("cancelled"));
            const qint64 rb = std::min(kChunk * 4, n - r0);
            index->add(rb, normalized + r0 * dim);
            report(rb);
        }
    }

    KnnGraph g;
    g.rows = n;
    g.k = k;
    const auto indexed = std::chrono::steady_clock::now();
    g.indexSeconds = std::chrono::duration<double>(indexed - started).count();
    g.neighbours.resize(size_t(n * k));
    g.similarities.resize(size_t(n * k));
    std::vector<float> distances(size_t(kChunk * k));
    std::vector<FaissLabel> labels(size_t(kChunk * k));
    for (qint64 q0 = 0; q0 < n; q0 += kChunk) {
        if (cancelled())
            return knnError(QStringLiteral("cancelled"));
        const qint64 qb = std::min(kChunk, n - q0);
        index->search(qb, normalized + q0 * dim, k, distances.data(), labels.data());
        if (auto *ivf = dynamic_cast<faiss::IndexIVF *>(index.get()))
            g.widenedRows += searchShortRowsWider(*ivf, normalized + q0 * dim, qb, k,
                                                  distances.data(), labels.data());
        for (qint64 i = 0; i < qb; ++i) {
            const qint64 row = q0 + i;
            const FaissLabel *found = labels.data() + i * k;
            const float *sims = distances.data() + i * k;
            int32_t *nb = g.neighbours.data() + row * k;
            float *sim = g.similarities.data() + row * k;
            nb[0] = int32_t(row);
            sim[0] = selfSimilarity(normalized + row * dim, dim);
            // The row itself first, then FAISS's order without it (the last one drops out when
            // FAISS did not return the row itself).
            int out = 1;
            for (int j = 0; j < k && out < k; ++j) {
                if (found[j] == row)
                    continue;
                if (found[j] < 0)
                    return knnError(
                        QStringLiteral("%1 found only %2 of the k = %3 neighbours of row %4; %5")
                            .arg(flat ? QStringLiteral("flat")
                                      : knnIndexName(options.index).toUpper())
                            .arg(j)
                            .arg(k)
                            .arg(row)
                            .arg(QStringLiteral("raise the HNSW search depth")));
                nb[out] = int32_t(found[j]);
                sim[out] = sims[j];
                ++out;
            }
        }
        report(qb);
    }
    g.searchSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - indexed).count();
    if (options.progress)
        options.progress(n, n);
    return g;
}

} // namespace equiscope
