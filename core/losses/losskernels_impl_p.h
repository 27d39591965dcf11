// The loops behind kernels::Table, included once by each losskernels_<variant>.cpp with
// EQUISCOPE_KERNEL_NS set to the variant's namespace; the target flags of that file decide the
// vector width. Everything here has internal linkage (anonymous namespace, constexpr tables)
// and the file includes nothing but <cstdint> (see losskernels_p.h for why). The loops are
// written for the auto-vectoriser: no branches in their bodies, `omp simd` to allow the
// reordering of the reductions. Attention widths dz <= 4 (RGB colour: 3) are compiled with
// the logits formed in registers; wider ones (and several hash rounds) go through row scratch.
#include "losses/losskernels_p.h"

#include <cstdint>

#ifndef EQUISCOPE_KERNEL_NS
#error "define EQUISCOPE_KERNEL_NS before including losskernels_impl_p.h"
#endif

namespace equiscope::lossdetail::kernels::EQUISCOPE_KERNEL_NS {

namespace {

constexpr double kMaskedLogit = -1e30;
constexpr int kMaxFixedWidth = 4;

// exp(x) for x <= 88: x = n ln2 + r with |r| <= ln2/2 (Cody-Waite split of ln2), e^r by the
// Cephes polynomial, 2^n put in the exponent bits. Relative error <= 1e-7; exactly 0 below
// -87 (so the -1e30 of a masked entry gives 0; terms that small never matter, see the bounds
// in fusednegatives.cpp).
inline float expOf(float x)
{
    const float xc = x < -87.0f ? -87.0f : (x > 88.0f ? 88.0f : x);
    const float n = (xc * 1.44269504088896341f + 12582912.0f) - 12582912.0f; // round(x log2 e)
    float r = xc - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    const float y = p * r * r + r + 1.0f;
    const int32_t bits = (int32_t(n) + 127) << 23;
    const float v = y * __builtin_bit_cast(float, bits);
    return x < -87.0f ? 0.0f : v;
}

inline double expOf(double x)
{
    return __builtin_exp(x);
}

// The column ranges of a row without the column `skip` (when it is inside): [r[0], r[1]) and
// [r[2], r[3]).
inline void ranges(int64_t n, int64_t skip, int64_t r[4])
{
    if (skip < 0 || skip >= n) {
        r[0] = 0;
        r[1] = r[2] = r[3] = n;
    } else {
        r[0] = 0;
        r[1] = skip;
        r[2] = skip + 1;
        r[3] = n;
    }
}

// out[j] = sum_d v[d] rowsT[d * ld + j].
template <typename T>
void dots(T *__restrict out, const T *__restrict v, const T *__restrict rowsT, int64_t ld,
          int64_t dz, int64_t n)
{
    for (int64_t j = 0; j < n; ++j)
        out[j] = T(0);
    for (int64_t d = 0; d < dz; ++d) {
        const T vd = v[d];
        const T *__restrict r = rowsT + d * ld;
#pragma omp simd
        for (int64_t j = 0; j < n; ++j)
            out[j] += vd * r[j];
    }
}

// The rank-DZ logits v . rows[.][j], formed in registers (DZ > 0) or read from scratch.
#define EQ_FACTORS(name, vi, rowsT, ld)                                                            \
    T name##V[DZ > 0 ? DZ : 1] = {};                                                               \
    const T *name##R[DZ > 0 ? DZ : 1] = {};                                                        \
    for (int d = 0; d < DZ; ++d) {                                                                 \
        name##V[d] = (vi)[d];                                                                      \
        name##R[d] = (rowsT) + d * (ld);                                                           \
    }

template <typename T, int DZ>
T attentionMaxRange(const FareRow<T> &row, int64_t j0, int64_t j1, T m)
{
    EQ_FACTORS(q, row.qi, row.ksT, row.ld)
    const T *__restrict a = row.a;
#pragma omp simd reduction(max : m)
    for (int64_t j = j0; j < j1; ++j) {
        T v;
        if constexpr (DZ > 0) {
            v = 0;
            for (int d = 0; d < DZ; ++d)
                v += qV[d] * qR[d][j];
        } else {
            v = a[j];
        }
        m = v > m ? v : m;
    }
    return m;
}

template <typename T, int DZ> T attentionMaxT(FareRow<T> &row)
{
    if constexpr (DZ == 0)
        dots(row.a, row.qi, row.ksT, row.ld, row.dz, row.n);
    int64_t r[4];
    ranges(row.n, row.diag, r);
    T m = T(kMaskedLogit);
    m = attentionMaxRange<T, DZ>(row, r[0], r[1], m);
    return attentionMaxRange<T, DZ>(row, r[2], r[3], m);
}

template <typename T, int DZ, bool X, bool Y, bool N>
void fareStatsRange(FareRow<T> &row, int64_t j0, int64_t j1)
{
    EQ_FACTORS(q, row.qi, row.ksT, row.ld)
    EQ_FACTORS(k, row.ki, row.qsT, row.ld)
    const T *__restrict s = row.s;
    const T *__restrict a = row.a;
    const T *__restrict at = row.at;
    const T *__restrict lx = row.logNx;
    const T *__restrict ly = row.logNy;
    const T *__restrict maCol = row.maCol;
    T *__restrict fy = row.fy;
    const T M = row.M, ma = row.maRow;
    T sumA = 0, ent = 0, fx = 0;
#pragma omp simd reduction(+ : sumA, ent, fx)
    for (int64_t j = j0; j < j1; ++j) {
        const T eS = expOf(s[j] - M);
        if constexpr (X) {
            T aj;
            if constexpr (DZ > 0) {
                aj = 0;
                for (int d = 0; d < DZ; ++d)
                    aj += qV[d] * qR[d][j];
            } else {
                aj = a[j];
            }
            const T eA = expOf(aj - (N ? lx[j] : T(0)) - ma);
            sumA += eA;
            ent += eA * aj;
            fx += eA * eS;
        }
        if constexpr (Y) {
            T aj;
            if constexpr (DZ > 0) {
                aj = 0;
                for (int d = 0; d < DZ; ++d)
                    aj += kV[d] * kR[d][j];
            } else {
                aj = at[j];
            }
            const T eAt = expOf(aj - (N ? ly[j] : T(0)) - maCol[j]);
            fy[j] += eAt * eS;
        }
    }
    row.sumA += sumA;
    row.ent += ent;
    row.fx += fx;
}

template <typename T, int DZ, bool X, bool Y, bool N> void fareStatsT(FareRow<T> &row)
{
    if constexpr (DZ == 0) {
        if (X)
            dots(row.a, row.qi, row.ksT, row.ld, row.dz, row.n);
        if (Y)
            dots(row.at, row.ki, row.qsT, row.ld, row.dz, row.n);
    }
    int64_t r[4];
    ranges(row.n, row.diag, r);
    fareStatsRange<T, DZ, X, Y, N>(row, r[0], r[1]);
    fareStatsRange<T, DZ, X, Y, N>(row, r[2], r[3]);
}

// Row i's attention gradients go to acc: dqs_i += dAx_ij k_j (acc[0..4)), dk_i += dAy_ji qs_j
// (acc[4..8)); the columns' ones straight to dqT / dkT.
template <typename T, int DZ, bool X, bool Y, bool N>
void fareGradRange(FareRow<T> &row, int64_t j0, int64_t j1, T *acc)
{
    const int64_t ld = row.ld;
    EQ_FACTORS(q, row.qi, row.ksT, ld)
    EQ_FACTORS(k, row.ki, row.qsT, ld)
    T *dqC[DZ > 0 ? DZ : 1] = {}, *dkC[DZ > 0 ? DZ : 1] = {};
    for (int d = 0; d < DZ; ++d) {
        dqC[d] = row.dqT + d * ld;
        dkC[d] = row.dkT + d * ld;
    }
    T *__restrict s = row.s;
    T *__restrict a = row.a;
    T *__restrict at = row.at;
    const T *__restrict lx = row.logNx;
    const T *__restrict ly = row.logNy;
    const T *__restrict maCol = row.maCol;
    const T *__restrict cy = row.cy;
    const T *__restrict py = row.py;
    const T M = row.M, ma = row.maRow, cx = row.cx, px = row.px;
    T r0 = 0, r1 = 0, r2 = 0, r3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
#pragma omp simd reduction(+ : r0, r1, r2, r3, t0, t1, t2, t3)
    for (int64_t j = j0; j < j1; ++j) {
        const T eS = expOf(s[j] - M);
        T g = 0;
        if constexpr (X) {
            T aj;
            if constexpr (DZ > 0) {
                aj = 0;
                for (int d = 0; d < DZ; ++d)
                    aj += qV[d] * qR[d][j];
            } else {
                aj = a[j];
            }
            const T eA = expOf(aj - (N ? lx[j] : T(0)) - ma);
            g += cx * eA;
            const T dA = eA * (cx * eS - px);
            if constexpr (DZ == 0) {
                a[j] = dA;
            } else {
                r0 += dA * qR[0][j];
                if constexpr (DZ > 1)
                    r1 += dA * qR[1][j];
                if constexpr (DZ > 2)
                    r2 += dA * qR[2][j];
                if constexpr (DZ > 3)
                    r3 += dA * qR[3][j];
                for (int d = 0; d < DZ; ++d)
                    dkC[d][j] += dA * qV[d];
            }
        }
        if constexpr (Y) {
            T aj;
            if constexpr (DZ > 0) {
                aj = 0;
                for (int d = 0; d < DZ; ++d)
                    aj += kV[d] * kR[d][j];
            } else {
                aj = at[j];
            }
            const T eAt = expOf(aj - (N ? ly[j] : T(0)) - maCol[j]);
            const T cyj = cy[j];
            g += cyj * eAt;
            const T dB = eAt * (cyj * eS - py[j]);
            if constexpr (DZ == 0) {
                at[j] = dB;
            } else {
                t0 += dB * kR[0][j];
                if constexpr (DZ > 1)
                    t1 += dB * kR[1][j];
                if constexpr (DZ > 2)
                    t2 += dB * kR[2][j];
                if constexpr (DZ > 3)
                    t3 += dB * kR[3][j];
                for (int d = 0; d < DZ; ++d)
                    dqC[d][j] += dB * kV[d];
            }
        }
        s[j] = eS * g;
    }
    acc[0] += r0;
    acc[1] += r1;
    acc[2] += r2;
    acc[3] += r3;
    acc[4] += t0;
    acc[5] += t1;
    acc[6] += t2;
    acc[7] += t3;
}

template <typename T, int DZ, bool X, bool Y, bool N> void fareGradT(FareRow<T> &row)
{
    const int64_t n = row.n, ld = row.ld;
    if constexpr (DZ == 0) {
        if (X)
            dots(row.a, row.qi, row.ksT, ld, row.dz, n);
        if (Y)
            dots(row.at, row.ki, row.qsT, ld, row.dz, n);
    }
    int64_t r[4];
    ranges(n, row.diag, r);
    T acc[8] = {};
    fareGradRange<T, DZ, X, Y, N>(row, r[0], r[1], acc);
    fareGradRange<T, DZ, X, Y, N>(row, r[2], r[3], acc);
    if (row.diag >= 0 && row.diag < n) {
        row.s[row.diag] = 0;
        if (X && DZ == 0)
            row.a[row.diag] = 0;
        if (Y && DZ == 0)
            row.at[row.diag] = 0;
    }
    if constexpr (DZ > 0) {
        for (int d = 0; d < DZ; ++d) {
            row.dqRow[d] += acc[d];
            row.dkRow[d] += acc[4 + d];
        }
        return;
    }
    // Wide attention: the rank-dz products over the stored dA rows.
    const T *__restrict a = row.a;
    const T *__restrict at = row.at;
    for (int64_t d = 0; d < row.dz; ++d) {
        const T *__restrict kr = row.ksT + d * ld;
        const T *__restrict qr = row.qsT + d * ld;
        T *__restrict dqc = row.dqT + d * ld;
        T *__restrict dkc = row.dkT + d * ld;
        const T qd = row.qi[d], kd = row.ki[d];
        T rq = 0, rk = 0;
#pragma omp simd reduction(+ : rq, rk)
        for (int64_t j = 0; j < n; ++j) {
            if constexpr (X) {
                rq += a[j] * kr[j];
                dkc[j] += a[j] * qd;
            }
            if constexpr (Y) {
                rk += at[j] * qr[j];
                dqc[j] += at[j] * kd;
            }
        }
        row.dqRow[d] += rq;
        row.dkRow[d] += rk;
    }
}

// Dispatch on the directions and the width.
template <typename T, template <typename, int, bool, bool, bool> class F, int DZ, bool N>
void byDirection(FareRow<T> &r)
{
    if (r.x && r.y)
        F<T, DZ, true, true, N>::run(r);
    else if (r.x)
        F<T, DZ, true, false, N>::run(r);
    else if (r.y)
        F<T, DZ, false, true, N>::run(r);
}

template <typename T, template <typename, int, bool, bool, bool> class F>
void byWidth(FareRow<T> &r)
{
    if (r.logNx || r.logNy) {
        byDirection<T, F, 0, true>(r);
        return;
    }
    switch (r.dz) {
    case 1:
        byDirection<T, F, 1, false>(r);
        break;
    case 2:
        byDirection<T, F, 2, false>(r);
        break;
    case 3:
        byDirection<T, F, 3, false>(r);
        break;
    case kMaxFixedWidth:
        byDirection<T, F, kMaxFixedWidth, false>(r);
        break;
    default:
        byDirection<T, F, 0, false>(r);
    }
}

template <typename T, int DZ, bool X, bool Y, bool N> struct StatsOp
{
    static void run(FareRow<T> &r) { fareStatsT<T, DZ, X, Y, N>(r); }
};

template <typename T, int DZ, bool X, bool Y, bool N> struct GradOp
{
    static void run(FareRow<T> &r) { fareGradT<T, DZ, X, Y, N>(r); }
};

template <typename T> void fareStats(FareRow<T> &r)
{
    byWidth<T, StatsOp>(r);
}

template <typename T> void fareGrad(FareRow<T> &r)
{
    byWidth<T, GradOp>(r);
}

template <typename T> T attentionMax(FareRow<T> &r)
{
    switch (r.dz) {
    case 1:
        return attentionMaxT<T, 1>(r);
    case 2:
        return attentionMaxT<T, 2>(r);
    case 3:
        return attentionMaxT<T, 3>(r);
    case kMaxFixedWidth:
        return attentionMaxT<T, kMaxFixedWidth>(r);
    default:
        return attentionMaxT<T, 0>(r);
    }
}

// CCLK weight of entry j: a dense row, rank-R factors in registers, or scratch (wide r); below
// the threshold it is 0.
template <typename T, int R, bool Dense>
void weightStatsRange(WeightRow<T> &row, int64_t j0, int64_t j1)
{
    constexpr int DZ = Dense ? 0 : R;
    EQ_FACTORS(v, row.vi, row.phiT, row.ld)
    const T *__restrict w = Dense ? row.w : row.scratch;
    const T *__restrict s = row.s;
    T *__restrict fy = row.fy;
    const T M = row.M, thr = row.threshold;
    T fx = 0;
#pragma omp simd reduction(+ : fx)
    for (int64_t j = j0; j < j1; ++j) {
        T wj;
        if constexpr (DZ > 0) {
            wj = 0;
            for (int d = 0; d < DZ; ++d)
                wj += vV[d] * vR[d][j];
        } else {
            wj = w[j];
        }
        const T t = (wj >= thr ? wj : T(0)) * expOf(s[j] - M);
        fx += t;
        fy[j] += t;
    }
    row.fx += fx;
}

template <typename T, int R, bool Dense>
void weightGradRange(WeightRow<T> &row, int64_t j0, int64_t j1)
{
    constexpr int DZ = Dense ? 0 : R;
    EQ_FACTORS(v, row.vi, row.phiT, row.ld)
    const T *__restrict w = Dense ? row.w : row.scratch;
    T *__restrict s = row.s;
    const T *__restrict cy = row.cy;
    const T M = row.M, thr = row.threshold, cx = row.cx;
#pragma omp simd
    for (int64_t j = j0; j < j1; ++j) {
        T wj;
        if constexpr (DZ > 0) {
            wj = 0;
            for (int d = 0; d < DZ; ++d)
                wj += vV[d] * vR[d][j];
        } else {
            wj = w[j];
        }
        s[j] = (wj >= thr ? wj : T(0)) * expOf(s[j] - M) * (cx + cy[j]);
    }
}

template <typename T, int R, bool Dense> void weightStatsT(WeightRow<T> &row)
{
    if (!Dense && R == 0)
        dots(row.scratch, row.vi, row.phiT, row.ld, row.r, row.n);
    int64_t r[4];
    ranges(row.n, row.diag, r);
    weightStatsRange<T, R, Dense>(row, r[0], r[1]);
    weightStatsRange<T, R, Dense>(row, r[2], r[3]);
}

template <typename T, int R, bool Dense> void weightGradT(WeightRow<T> &row)
{
    if (!Dense && R == 0)
        dots(row.scratch, row.vi, row.phiT, row.ld, row.r, row.n);
    int64_t r[4];
    ranges(row.n, row.diag, r);
    weightGradRange<T, R, Dense>(row, r[0], r[1]);
    weightGradRange<T, R, Dense>(row, r[2], r[3]);
    if (row.diag >= 0 && row.diag < row.n)
        row.s[row.diag] = 0;
}

template <typename T, template <typename, int, bool> class F> void byRank(WeightRow<T> &r)
{
    if (r.w) {
        F<T, 0, true>::run(r);
        return;
    }
    switch (r.r) {
    case 1:
        F<T, 1, false>::run(r);
        break;
    case 2:
        F<T, 2, false>::run(r);
        break;
    case 3:
        F<T, 3, false>::run(r);
        break;
    case kMaxFixedWidth:
        F<T, kMaxFixedWidth, false>::run(r);
        break;
    default:
        F<T, 0, false>::run(r);
    }
}

template <typename T, int R, bool Dense> struct WeightStatsOp
{
    static void run(WeightRow<T> &r) { weightStatsT<T, R, Dense>(r); }
};

template <typename T, int R, bool Dense> struct WeightGradOp
{
    static void run(WeightRow<T> &r) { weightGradT<T, R, Dense>(r); }
};

template <typename T> void weightStats(WeightRow<T> &r)
{
    byRank<T, WeightStatsOp>(r);
}

template <typename T> void weightGrad(WeightRow<T> &r)
{
    byRank<T, WeightGradOp>(r);
}

template <typename T> void ntxentStats(NtXentRow<T> &row)
{
    const int64_t n = row.n;
    const T *__restrict s = row.s;
    T *__restrict colZ = row.colZ;
    const T M = row.M;
    T z = 0;
#pragma omp simd reduction(+ : z)
    for (int64_t j = 0; j < n; ++j) {
        const T e = expOf(s[j] - M);
        z += e;
        colZ[j] += e;
    }
    row.z += z;
}

template <typename T> void ntxentGrad(NtXentRow<T> &row)
{
    const int64_t n = row.n;
    T *__restrict s = row.s;
    const T *__restrict cj = row.cj;
    const T M = row.M, ci = row.ci;
#pragma omp simd
    for (int64_t j = 0; j < n; ++j)
        s[j] = expOf(s[j] - M) * (ci + cj[j]);
}

template <typename T> void expAll(T *__restrict out, const T *__restrict x, int64_t n)
{
#pragma omp simd
    for (int64_t j = 0; j < n; ++j)
        out[j] = expOf(x[j]);
}

template <typename T> constexpr Table<T> makeTable(const char *name)
{
    return Table<T>{name,           &attentionMax<T>, &fareStats<T>,  &fareGrad<T>, &weightStats<T>,
                    &weightGrad<T>, &ntxentStats<T>,  &ntxentGrad<T>, &expAll<T>};
}

#undef EQ_FACTORS

} // namespace

} // namespace equiscope::lossdetail::kernels::EQUISCOPE_KERNEL_NS
