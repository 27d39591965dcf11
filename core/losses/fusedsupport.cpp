#include "losses/fusedsupport_p.h"

#include <QByteArray>
#include <QtGlobal>

#ifdef EQUISCOPE_HAVE_DNNL
#include <oneapi/dnnl/dnnl.h>
#endif

#include <ATen/Parallel.h>
#include <c10/core/GradMode.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <map>

// The Fortran BLAS LibTorch itself links (libblas.so.3, OpenBLAS on a set-up machine): calling
// it directly skips the tensor wrapping of at::mm, which costs more than a small tile product.
extern "C" {
void omp_set_num_threads(int n); // libgomp, LibTorch's OpenMP runtime
int omp_get_max_threads();
int omp_get_thread_num();
int omp_get_num_threads();
int omp_in_parallel();
void sgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const float *alpha, const float *a, const int *lda, const float *b, const int *ldb,
            const float *beta, float *c, const int *ldc);
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b, const int *ldb,
            const double *beta, double *c, const int *ldc);
}

namespace equiscope::lossdetail {

namespace {

std::atomic<bool> g_fusedEnabled{true};
thread_local bool t_lastFused = false;
std::atomic<int64_t> g_tileRows{0}, g_tileCols{0};

// Row-major C = A B is column-major C^T = B^T A^T: swap the operands and their flags.
template <typename T, typename F>
void rowMajorGemm(F fn, bool transA, bool transB, int64_t m, int64_t n, int64_t k, T alpha,
                  const T *A, int64_t lda, const T *B, int64_t ldb, T beta, T *C, int64_t ldc)
{
    if (m <= 0 || n <= 0)
        return;
    if (k <= 0) {
        for (int64_t i = 0; i < m; ++i) {
            for (int64_t j = 0; j < n; ++j)
                C[i * ldc + j] = beta == T(0) ? T(0) : C[i * ldc + j] * beta;
        }
        return;
    }
    const char ta = transB ? 'T' : 'N', tb = transA ? 'T' : 'N';
    const int im = int(n), in = int(m), ik = int(k);
    const int ilda = int(ldb), ildb = int(lda), ildc = int(ldc);
    fn(&ta, &tb, &im, &in, &ik, &alpha, B, &ilda, A, &ildb, &beta, C, &ildc);
}

struct Buffers
{
    std::map<int, std::vector<float>> f;
    std::map<int, std::vector<double>> d;
    std::vector<float> &get(int slot, float *) { return f[slot]; }
    std::vector<double> &get(int slot, double *) { return d[slot]; }
};

Buffers &buffers()
{
    thread_local Buffers b;
    return b;
}

} // namespace

void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float *A,
          int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc)
{
#ifdef EQUISCOPE_HAVE_DNNL
    static const bool useDnnl = qgetenv("EQUISCOPE_LOSS_GEMM") != "blas";
    // Row-major like ours; inside a parallel region it runs on the calling thread.
    if (useDnnl && m > 0 && n > 0 && k > 0 &&
        dnnl_sgemm(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, alpha, A, lda, B, ldb, beta, C,
                   ldc) == dnnl_success)
        return;
#endif
    rowMajorGemm(sgemm_, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}

void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, double alpha, const double *A,
          int64_t lda, const double *B, int64_t ldb, double beta, double *C, int64_t ldc)
{
    rowMajorGemm(dgemm_, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}

template <> const kernels::Table<float> &kernelTable<float>()
{
    return kernels::floatTable();
}

template <> const kernels::Table<double> &kernelTable<double>()
{
    return kernels::doubleTable();
}

void singleThreadedBlasInThisWorker()
{
    // Sets the nthreads ICV of this worker's implicit task only: gone when the region ends.
    if (at::in_parallel_region())
        omp_set_num_threads(1);
}

thread_local int t_engineThreads = 0; // 0: no TorchOpsOnCaller alive

TorchOpsOnCaller::TorchOpsOnCaller()
{
    at::internal::lazy_init_num_threads(); // it would reset the ICV on first use otherwise
    m_ompThreads = omp_get_max_threads();
    m_outerEngineThreads = t_engineThreads;
    if (t_engineThreads == 0)
        t_engineThreads = std::max(1, at::get_num_threads());
    omp_set_num_threads(1);
}

TorchOpsOnCaller::~TorchOpsOnCaller()
{
    omp_set_num_threads(m_ompThreads);
    t_engineThreads = m_outerEngineThreads;
}

int engineThreads()
{
    return t_engineThreads > 0 ? t_engineThreads : std::max(1, at::get_num_threads());
}

void runOnThreads(int nThreads, const std::function<void(int)> &body)
{
    nThreads = std::max(nThreads, 1);
    if (nThreads == 1 || omp_in_parallel()) {
        const TorchOpsOnCaller serial;
        for (int tid = 0; tid < nThreads; ++tid)
            body(tid);
        return;
    }
    std::exception_ptr error;
    std::atomic<bool> failed{false};
#pragma omp parallel num_threads(nThreads)
    {
        // The ICV of this implicit task only: BLAS called from the body stays on its thread.
        omp_set_num_threads(1);
        c10::AutoGradMode noGrad(false);
        const int tid = omp_get_thread_num();
        try {
            body(tid);
            // A team smaller than asked: the missing shares run on the master.
            for (int t = omp_get_num_threads(); tid == 0 && t < nThreads && !failed; ++t)
                body(t);
        } catch (...) {
            if (!failed.exchange(true))
                error = std::current_exception(); // an exception must not leave the region
        }
    }
    if (error)
        std::rethrow_exception(error);
}

void setFusedEnabled(bool enabled)
{
    g_fusedEnabled = enabled;
}

bool fusedEnabled()
{
    return g_fusedEnabled.load(std::memory_order_relaxed);
}

void noteFusedPath(bool fused)
{
    t_lastFused = fused;
}

bool lastPathWasFused()
{
    return t_lastFused;
}

template <typename T> T *threadBuffer(int slot, size_t n)
{
    std::vector<T> &v = buffers().get(slot, static_cast<T *>(nullptr));
    if (v.size() < n)
        v.resize(n);
    return v.data();
}

template <typename T> T *zeroedAccumulators(int slot, int nThreads, size_t stride)
{
    T *p = threadBuffer<T>(slot, size_t(nThreads) * stride);
    // An empty buffer has no storage (data() is null): memset(nullptr, 0, 0) is undefined
    // behaviour (UBSan, CCLK with a method that has no attention: found by the campaign).
    if (stride > 0 && nThreads > 0)
        std::memset(p, 0, sizeof(T) * size_t(nThreads) * stride);
    return p;
}

template float *threadBuffer<float>(int, size_t);
template double *threadBuffer<double>(int, size_t);
template float *zeroedAccumulators<float>(int, int, size_t);
template double *zeroedAccumulators<double>(int, int, size_t);

int64_t fusedTileRows(int64_t b)
{
    if (const int64_t forced = g_tileRows.load(); forced > 0)
        return forced;
    static const int64_t envRows = qEnvironmentVariableIntValue("EQUISCOPE_LOSS_TILE_ROWS");
    if (envRows > 0)
        return envRows;
    // BLAS packs both operands per product: 256 rows keep the packing around 5% of the flops
    // (measured best with 512 columns), and two threads still get a few row blocks each at the
    // training batch size.
    return std::clamp<int64_t>((b + 3) / 4, 8, 256);
}

int64_t fusedTileCols(int64_t b)
{
    if (const int64_t forced = g_tileCols.load(); forced > 0)
        return forced;
    static const int64_t envCols = qEnvironmentVariableIntValue("EQUISCOPE_LOSS_TILE_COLS");
    if (envCols > 0)
        return envCols;
    // 256 x 512 floats = 512 KiB: the tile stays in L2 between its product and its loops.
    return std::min<int64_t>(std::max<int64_t>(b, 1), 512);
}

int64_t fusedTileOverrideRows()
{
    return g_tileRows.load();
}

void setFusedTileOverride(int64_t rows, int64_t cols)
{
    g_tileRows = rows;
    g_tileCols = cols;
}

} // namespace equiscope::lossdetail
