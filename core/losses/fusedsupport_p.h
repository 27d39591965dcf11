#pragma once
// Shared pieces of the fused loss engines (fusednegatives.cpp for FARE / SparseFARE / CCLK,
// ntxentfused.cpp for InfoNCE): row-major BLAS products on raw pointers, the exponent range a
// float sum can take without underflow, reusable per-thread buffers, tile sizes and the switches
// the tests use to reach every path.

#include "losses/losskernels_p.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <vector>

namespace equiscope::lossdetail {

/// C = alpha op(A) op(B) + beta C for row-major matrices (op(A) is m x k), straight to BLAS.
void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float *A,
          int64_t lda, const float *B, int64_t ldb, float beta, float *C, int64_t ldc);
void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, double alpha, const double *A,
          int64_t lda, const double *B, int64_t ldb, double beta, double *C, int64_t ldc);

/// How far below its largest possible term a sum of exponentials may start and still be exact:
/// every term is e^{x - shift} with x - shift >= -range, and float flushes below e^-87 (the
/// kernels' exp returns 0 there), so float keeps ~23 nats of headroom for the terms that may be
/// dropped; double has room to spare.
template <typename T> constexpr double expRange()
{
    return sizeof(T) == 4 ? 64.0 : 600.0;
}

template <typename T> const kernels::Table<T> &kernelTable();

/// Tests only: false forces the safe (max-shifted, log-space) paths everywhere.
void setFusedEnabled(bool enabled);
bool fusedEnabled();

/// Which path the last loss evaluation on this thread took (tests).
void noteFusedPath(bool fused);
bool lastPathWasFused();

/// A buffer of the calling thread that survives across calls (no page faults per step), grown
/// on demand. Slots keep unrelated buffers apart. Contents are not cleared.
template <typename T> T *threadBuffer(int slot, size_t n);

/// Zeroed per-thread accumulators owned by the calling thread: nThreads blocks of `stride`.
template <typename T> T *zeroedAccumulators(int slot, int nThreads, size_t stride);

/// Tile shape of the dense walks (rows x columns of S per tile).
int64_t fusedTileRows(int64_t b);
int64_t fusedTileCols(int64_t b);
/// Tests only: force the tile shape (0 = automatic) so small inputs span many ragged tiles.
void setFusedTileOverride(int64_t rows, int64_t cols);
/// The forced tile rows (0 = none); NT-Xent uses it as its square block size.
int64_t fusedTileOverrideRows();

/// Inside a worker of at::parallel_for: BLAS called from this thread runs on it alone. OpenBLAS
/// and oneDNN size their teams by omp_get_max_threads(), not by whether they already run inside
/// a parallel region, so without this each tile product would start a nested team and the
/// threads would oversubscribe the cores (dozens of times slower on a busy machine).
void singleThreadedBlasInThisWorker();

/// While alive: the torch operators this thread calls run on it alone, and engineThreads() is
/// the intra-op thread count from before. The engines' own torch calls are all O(b d); with
/// OpenMP each would start a parallel region after which the OpenMP workers spin for
/// milliseconds, taking the CPU from the caller on a loaded machine. The heavy work runs in a
/// few regions of the engine's own (runOnThreads).
class TorchOpsOnCaller
{
public:
    TorchOpsOnCaller();
    ~TorchOpsOnCaller();
    TorchOpsOnCaller(const TorchOpsOnCaller &) = delete;
    TorchOpsOnCaller &operator=(const TorchOpsOnCaller &) = delete;

private:
    int m_ompThreads;
    int m_outerEngineThreads;
};

/// The threads the engine may use: at::get_num_threads(), or its value when the outermost
/// TorchOpsOnCaller of this thread was made.
int engineThreads();

/// Runs body(tid) once for each tid in [0, nThreads) on LibTorch's OpenMP threads (tid 0 on
/// the caller) in one parallel region, and returns when all are done; BLAS called from body runs
/// on its thread alone. Inside a parallel region, all shares run on the caller in turn.
void runOnThreads(int nThreads, const std::function<void(int)> &body);

/// Runs fn(task, tid) for every task in [0, n) on up to nThreads threads (tid < nThreads).
/// Thread tid takes tasks tid, tid + T, tid + 2T, … (T threads): a fixed assignment, so each
/// thread's accumulators see the same tiles in the same order on every call and the results are
/// bit-identical for a fixed thread count — training and bundle replay rely on that. (Taking tasks
/// from a shared counter balanced better on a busy machine but made the sums depend on timing.)
template <typename F> void forTasks(int64_t n, int nThreads, const F &fn)
{
    const int threads = int(std::min<int64_t>(nThreads, n));
    runOnThreads(threads, [&](int tid) {
        for (int64_t t = tid; t < n; t += threads)
            fn(t, tid);
    });
}

inline constexpr double kNegInf = -std::numeric_limits<double>::infinity();

/// log(e^a + e^b), b may be -inf.
inline double logAddExp(double a, double b)
{
    if (b == kNegInf)
        return a;
    const double m = std::max(a, b);
    return m + std::log1p(std::exp(-std::abs(a - b)));
}

/// acc holds nThreads blocks of n: adds blocks 1.. into block 0.
template <typename T> void foldThreads(T *acc, int nThreads, size_t n)
{
    for (int t = 1; t < nThreads; ++t) {
        T *__restrict a0 = acc;
        const T *__restrict at = acc + size_t(t) * n;
        for (size_t i = 0; i < n; ++i)
            a0[i] += at[i];
    }
}

/// dst[perm[i]] (+)= src[i] row by row (rows of width w); perm nullptr = identity.
template <typename T>
void scatterRows(T *dst, const T *src, const int64_t *perm, int64_t rows, int64_t w, bool add)
{
    for (int64_t i = 0; i < rows; ++i) {
        T *__restrict o = dst + (perm ? perm[i] : i) * w;
        const T *__restrict x = src + i * w;
        if (add) {
            for (int64_t c = 0; c < w; ++c)
                o[c] += x[c];
        } else {
            std::memcpy(o, x, sizeof(T) * size_t(w));
        }
    }
}

} // namespace equiscope::lossdetail
