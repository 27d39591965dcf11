// Fused NT-Xent (InfoNCE) over U = [u1; u2], n = 2b rows: loss_i = lse_{j != i} Sim_ij -
// Sim_{i, pos(i)} with Sim = U U^T / tau. Sim is symmetric, so only the blocks on and above the
// diagonal are computed: a block serves the row sums of its rows and, read by columns, those of
// its columns. Every entry is bounded by M = max|U|^2 / tau, so e^{Sim - M} needs no row maximum
// and one exponential serves both sums (a row sum is at least e^{-2M}; outside that range the
// caller takes the safe path). The gradient dU = (D + D^T) U / tau with D = dL/dSim is formed the
// same way: G = D + D^T blockwise, two products per block.
#include "losses/contrastiveloss_p.h"
#include "losses/fusedsupport_p.h"

#include <ATen/Parallel.h>

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <vector>

namespace equiscope::lossdetail {

namespace {

using torch::Tensor;

enum Slot
{
    kTileSlot = 50,
    kAccZ = 60,
    kAccDu,
};

int64_t blockRows(int64_t n)
{
    if (const int64_t forced = fusedTileOverrideRows(); forced > 0)
        return forced;
    static const int64_t env = qEnvironmentVariableIntValue("EQUISCOPE_LOSS_NTXENT_BLOCK");
    if (env > 0)
        return env;
    // Square blocks (the walk is over the upper triangle); 256 x 256 floats stay in L2, and
    // small batches still give each thread a few blocks.
    return std::clamp<int64_t>((n + 3) / 4, 8, 256);
}

template <typename T>
bool ntXent(const Tensor &Uin, double tau, bool needGrad, Tensor &loss, Tensor &dU)
{
    const Tensor U = Uin.contiguous();
    const int64_t n = U.size(0), d = U.size(1), b = n / 2;
    if (n < 2 || n % 2 != 0)
        return false;
    const double maxNorm = U.norm(2, 1).max().template item<double>();
    const double Md = maxNorm * maxNorm / tau;
    if (!std::isfinite(Md) || 2.0 * Md > expRange<T>())
        return false;
    const T M = T(Md), invTau = T(1.0 / tau);
    const auto &K = kernelTable<T>();
    const T *u = U.template data_ptr<T>();
    const int64_t nb = blockRows(n), nBlk = (n + nb - 1) / nb;
    std::vector<std::pair<int64_t, int64_t>> tasks;
    for (int64_t I = 0; I < nBlk; ++I) {
        for (int64_t J = I; J < nBlk; ++J)
            tasks.push_back({I, J});
    }
    const int nThreads = engineThreads();
    // Walks the tasks; fn(S, r0, nr, c0, nc, diagonal, tid) sees each block right after its
    // product.
    auto walk = [&](const auto &fn) {
        forTasks(int64_t(tasks.size()), nThreads, [&](int64_t t, int tid) {
            T *S = threadBuffer<T>(kTileSlot, size_t(nb * nb));
            const auto [I, J] = tasks[size_t(t)];
            const int64_t r0 = I * nb, nr = std::min(nb, n - r0);
            const int64_t c0 = J * nb, nc = std::min(nb, n - c0);
            gemm(false, true, nr, nc, d, invTau, u + r0 * d, d, u + c0 * d, d, T(0), S, nc);
            fn(S, r0, nr, c0, nc, I == J, tid);
        });
    };

    T *zAcc = zeroedAccumulators<T>(kAccZ, nThreads, size_t(n));
    walk([&](T *S, int64_t r0, int64_t nr, int64_t c0, int64_t nc, bool diagonal, int tid) {
        T *z = zAcc + size_t(tid) * size_t(n);
        for (int64_t li = 0; li < nr; ++li) {
            const int64_t j0 = diagonal ? li + 1 : 0; // strictly above the diagonal
            if (j0 >= nc)
                continue;
            kernels::NtXentRow<T> row;
            row.n = nc - j0;
            row.s = S + li * nc + j0;
            row.M = M;
            row.colZ = z + c0 + j0;
            K.ntxentStats(row);
            z[r0 + li] += row.z;
        }
    });

    std::vector<double> Z(size_t(n), 0.0);
    double total = 0;
    for (int64_t i = 0; i < n; ++i) {
        for (int t = 0; t < nThreads; ++t)
            Z[size_t(i)] += double(zAcc[size_t(t) * size_t(n) + size_t(i)]);
        const int64_t p = (i + b) % n;
        double pos = 0;
        for (int64_t c = 0; c < d; ++c)
            pos += double(u[i * d + c]) * double(u[p * d + c]);
        total += Md + std::log(Z[size_t(i)]) - pos / tau;
    }
    loss = torch::full({}, total / double(n), U.options());
    if (!needGrad)
        return true;

    // D_ij = P_ij / n (minus the positives), G = D + D^T: G_ij = e_ij (c_i + c_j), c = 1/(n Z).
    std::vector<T> c(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        c[size_t(i)] = T(1.0 / (double(n) * Z[size_t(i)]));
    T *duAcc = zeroedAccumulators<T>(kAccDu, nThreads, size_t(n * d));
    walk([&](T *S, int64_t r0, int64_t nr, int64_t c0, int64_t nc, bool diagonal, int tid) {
        for (int64_t li = 0; li < nr; ++li) {
            const int64_t j0 = diagonal ? std::min(li + 1, nc) : 0;
            std::fill(S + li * nc, S + li * nc + j0, T(0));
            kernels::NtXentRow<T> row;
            row.n = nc - j0;
            row.s = S + li * nc + j0;
            row.M = M;
            row.ci = c[size_t(r0 + li)];
            row.cj = c.data() + c0 + j0;
            K.ntxentGrad(row);
        }
        T *du = duAcc + size_t(tid) * size_t(n * d);
        gemm(false, false, nr, d, nc, invTau, S, nc, u + c0 * d, d, T(1), du + r0 * d, d);
        gemm(true, false, nc, d, nr, invTau, S, nc, u + r0 * d, d, T(1), du + c0 * d, d);
    });
    dU = torch::empty_like(U);
    T *out = dU.template data_ptr<T>();
    const T posScale = T(-2.0 / (double(n) * tau)); // the positive pair appears in D and D^T
    for (int64_t i = 0; i < n; ++i) {
        const int64_t p = (i + b) % n;
        for (int64_t col = 0; col < d; ++col) {
            T g = posScale * u[p * d + col];
            for (int t = 0; t < nThreads; ++t)
                g += duAcc[size_t(t) * size_t(n * d) + size_t(i * d + col)];
            out[i * d + col] = g;
        }
    }
    return true;
}

} // namespace

bool ntXentFused(const torch::Tensor &U, double tau, bool needGrad, torch::Tensor &loss,
                 torch::Tensor &dU)
{
    if (!fusedEnabled())
        return false;
    torch::NoGradGuard noGrad;
    const TorchOpsOnCaller serial;
    if (U.scalar_type() == torch::kFloat)
        return ntXent<float>(U, tau, needGrad, loss, dU);
    if (U.scalar_type() == torch::kDouble)
        return ntXent<double>(U, tau, needGrad, loss, dU);
    return false;
}

} // namespace equiscope::lossdetail
