#pragma once
// Vectorised inner loops of the fused loss engines (fusednegatives.cpp, ntxentfused.cpp). Each
// works on one row of a tile that is in cache: it forms the attention logits (or weights) of the
// row from the rank-dz factors, takes the exponentials and, in the same loop, the row and column
// reductions or the gradient entries. The loops are compiled three times
// (losskernels_{generic,avx2,avx512}.cpp, each with its own target flags) and one table is
// chosen at run time from the CPU: the binary runs on any x86-64 and uses AVX-512 where the CPU
// has it. No torch or std template code lives in those translation units (an inline function
// compiled for AVX-512 must never be picked by the linker for everyone).

#include <cstdint>

namespace equiscope::lossdetail::kernels {

/// One row of a FARE / SparseFARE tile (softmax attention). Entry j pairs sample i (the row)
/// with sample j (the column) through S_ij: the x direction uses it in row i with the logit
/// a_ij = qs_i . k_j, the y direction in row j with a_ji = qs_j . k_i. Shifts: M bounds every S,
/// maRow / maCol are the row maxima of the logits, so no exponential exceeds 1. Column arrays
/// (maCol, fy, cy, py, the rows of qsT, ksT, dqT, dkT) start at the tile's first column.
template <typename T> struct FareRow
{
    int64_t n = 0;
    bool x = true, y = true; ///< which directions use this row's entries
    int64_t diag = -1;       ///< column of the masked pair (i, i), or -1
    T *s = nullptr;          ///< in: S_ij; grad: out dL/dS_ij
    // Attention factors: row i's qs_i and k_i (dz each), the columns' rows of qs^T and k^T.
    int64_t dz = 0, ld = 0;
    const T *qi = nullptr, *ki = nullptr, *qsT = nullptr, *ksT = nullptr;
    T *a = nullptr, *at = nullptr;              ///< scratch of n (wide dz, several rounds)
    const T *logNx = nullptr, *logNy = nullptr; ///< nullable: log of the round count of a pair
    T M = 0, maRow = 0;
    const T *maCol = nullptr;
    // Stats (added to): row i's sums, and the column sums of the y direction.
    T sumA = 0, ent = 0, fx = 0; ///< sum e^{a-ma}, sum e^{a-ma} a, sum e^{a-ma} e^{S-M}
    T *fy = nullptr;             ///< fy[j] += e^{a_ji - ma_j} e^{S_ij - M}
    // Grad: row coefficients of row i, column coefficients; attention gradients (added to).
    T cx = 0, px = 0;
    const T *cy = nullptr, *py = nullptr;
    T *dqT = nullptr, *dkT = nullptr;     ///< dz x ld: the columns' dqs, dk
    T *dqRow = nullptr, *dkRow = nullptr; ///< dz: row i's dqs, dk
};

/// One row of a CCLK tile: fixed symmetric weights w_ij (below `threshold` they count as 0),
/// F_i = sum_j w_ij e^{S_ij - M} for row i (x) and column j (y) alike. The weights are either a
/// row of a dense matrix or formed as v_i . phi_j from rank-r factors.
template <typename T> struct WeightRow
{
    int64_t n = 0;
    int64_t diag = -1;    ///< column of (i, i): weight 0
    T *s = nullptr;       ///< in: S_ij; grad: out dL/dS_ij
    const T *w = nullptr; ///< dense weights of the row, or nullptr for the factors below
    int64_t r = 0, ld = 0;
    const T *vi = nullptr, *phiT = nullptr; ///< v_i (r) and the columns' rows of phi^T
    T *scratch = nullptr;                   ///< n, for wide r
    T threshold = 0;
    T M = 0;
    T fx = 0;        ///< stats: sum_j w e^{S-M} (added to)
    T *fy = nullptr; ///< stats: fy[j] += w e^{S-M}
    T cx = 0;        ///< grad: dS = w e^{S-M} (cx + cy[j])
    const T *cy = nullptr;
};

/// One row segment of an NT-Xent block of the symmetric Sim: e = e^{Sim - M}.
template <typename T> struct NtXentRow
{
    int64_t n = 0;
    T *s = nullptr; ///< in: Sim_ij; grad: out G_ij = e (ci + cj[j])
    T M = 0;
    T z = 0;           ///< stats: row sum (added to)
    T *colZ = nullptr; ///< stats: colZ[j] += e
    T ci = 0;          ///< grad
    const T *cj = nullptr;
};

template <typename T> struct Table
{
    const char *name;
    /// max_{j != diag} qs_i . k_j over the row (the x logits; -1e30 if none).
    T (*attentionMax)(FareRow<T> &r);
    void (*fareStats)(FareRow<T> &r);
    void (*fareGrad)(FareRow<T> &r);
    void (*weightStats)(WeightRow<T> &r);
    void (*weightGrad)(WeightRow<T> &r);
    void (*ntxentStats)(NtXentRow<T> &r);
    void (*ntxentGrad)(NtXentRow<T> &r);
    /// out[j] = exp(x[j]) (tests: the exponential the kernels use).
    void (*exp)(T *out, const T *x, int64_t n);
};

enum class Isa
{
    Auto,
    Generic,
    Avx2,
    Avx512
};

/// The table for the CPU (or the one forced by setIsa); double always uses the generic loops
/// (double is the precision of the tests and of --double, not of training).
const Table<float> &floatTable();
const Table<double> &doubleTable();

/// Tests only: force a variant (Auto = pick from the CPU). Returns false if the CPU lacks it.
bool setIsa(Isa isa);
/// Whether this CPU can run a variant.
bool cpuSupports(Isa isa);

// The per-variant tables (defined in losskernels_<variant>.cpp).
const Table<float> &genericFloat();
const Table<double> &genericDouble();
#if defined(__x86_64__)
const Table<float> &avx2Float();
const Table<float> &avx512Float();
#endif

} // namespace equiscope::lossdetail::kernels
