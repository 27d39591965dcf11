// The fused engine of FARE, SparseFARE and CCLK (see weightednegatives_p.h for the loss). Two
// ideas make it cheaper than the safe engine in weightednegatives.cpp:
//  - S' = S^T: each entry S_ij is computed once per pass and serves row i of the x direction
//    (with the logit a_ij) and row j of the y direction (with a_ji), so a pass costs one product
//    and the gradient dS = dS_x + dS_y^T two more (the safe engine: two and four);
//  - a known shift instead of row maxima: S_ij <= M = max|u1| max|u2| / tau, so e^{S - M} <= 1 for
//    every row and column alike, and the attention logits are shifted by their exact row maxima
//    (a cheap pre-pass: no product, no exponential). A row sum then is at least e^{-2M} / rounds
//    (or e^{-2M} w_min for CCLK), so the path is only taken when that stays far above the
//    underflow of the dtype; otherwise the caller falls back to the safe engine.
// Pass 1 accumulates the row statistics, pass 2 recomputes the tile and turns it into the
// gradient. The inner loops are the vectorised kernels of losskernels_p.h.
#include "losses/weightednegatives_p.h"

#include "losses/contrastiveloss_p.h"
#include "losses/fusedsupport_p.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace equiscope::lossdetail {

namespace {

using torch::Tensor;

// threadBuffer slots: worker scratch (per worker thread) and caller accumulators.
enum Slot
{
    kTileSlot = 10,
    kRowA,
    kRowAt,
    kRowLogNx,
    kRowLogNy,
    kRowW,
    kRowDq,
    kRowDk,
    kAccFy = 30,
    kAccDu2,
    kAccDq,
    kAccDk,
    kDu1Sorted,
};

// One support round in its sorted order: contiguous operands and the row groups of its tiles.
template <typename T> struct RoundView
{
    const SupportRound *round = nullptr;
    Tensor permT, u1, u2, qs, ks, qsT, ksT, keys;
    const int64_t *perm = nullptr; // sorted position -> sample, nullptr = identity
    std::vector<std::pair<size_t, size_t>> groups;
    int64_t maxNr = 1, maxNc = 1;

    const T *ptr(const Tensor &t) const { return t.defined() ? t.data_ptr<T>() : nullptr; }
};

template <typename T> class Fused
{
public:
    Fused(const NegativesProblem &p, const Tensor &u1, const Tensor &u2, const Tensor &q,
          const Tensor &k, bool needGrad)
        : m_p(p), m_u1(u1.contiguous()), m_u2(u2.contiguous()), m_needGrad(needGrad)
    {
        m_b = m_u1.size(0);
        m_d = m_u1.size(1);
        m_R = int64_t(p.rounds.size());
        m_multi = m_R > 1;
        m_invTau = T(1.0 / p.tau);
        m_nThreads = engineThreads();
        if (p.softmax) {
            m_qs = (q / p.rho).contiguous();
            m_ks = k.contiguous();
            m_dz = m_qs.size(1);
        } else if (p.weightV.defined()) {
            m_wV = p.weightV.to(m_u1.scalar_type()).contiguous();
            m_wPhiT = p.weightPhi.to(m_u1.scalar_type()).t().contiguous();
            m_wr = m_wV.size(1);
        } else {
            m_wDense = p.weights.to(m_u1.scalar_type()).contiguous();
        }
    }

    // False when the bounds do not hold for these inputs (nothing is changed then).
    bool run(NegativesGradients &out)
    {
        const double norm1 = m_u1.norm(2, 1).max().template item<double>();
        const double norm2 = m_u2.norm(2, 1).max().template item<double>();
        const double M = norm1 * norm2 * double(m_invTau);
        const double extra =
            m_p.softmax ? std::log(double(m_R)) : -std::log(std::max(m_p.weightThreshold, 1e-300));
        if (!std::isfinite(M) || 2.0 * M + extra > expRange<T>())
            return false;
        m_M = T(M);
        if (m_p.softmax && !attentionShifts())
            return false;
        rowStatistics();
        head();
        if (m_needGrad)
            gradients();
        finish(out);
        return true;
    }

private:
    RoundView<T> view(const SupportRound &r) const
    {
        RoundView<T> v;
        v.round = &r;
        auto gather = [&](const Tensor &x) {
            return r.perm.defined() ? x.index_select(0, r.perm).contiguous() : x;
        };
        if (r.perm.defined()) {
            v.permT = r.perm.contiguous();
            v.perm = v.permT.template data_ptr<int64_t>();
        }
        v.u1 = gather(m_u1);
        v.u2 = gather(m_u2);
        if (m_p.softmax) {
            v.qs = gather(m_qs);
            v.ks = gather(m_ks);
            v.qsT = v.qs.t().contiguous();
            v.ksT = v.ks.t().contiguous();
        }
        if (m_multi) {
            std::vector<Tensor> keys;
            for (const auto &other : m_p.rounds)
                keys.push_back(other.keys);
            Tensor all = torch::stack(keys);
            v.keys = (r.perm.defined() ? all.index_select(1, r.perm) : all).contiguous();
        }
        const auto &tiles = r.pairTiles;
        for (size_t t = 0; t < tiles.size(); ++t) {
            TORCH_INTERNAL_ASSERT(tiles[t].yFrom <=
                                      (tiles[t].xCols < 0 ? tiles[t].nc : tiles[t].xCols),
                                  "pair tile with columns no direction uses");
            if (v.groups.empty() || tiles[t].r0 != tiles[v.groups.back().first].r0)
                v.groups.push_back({t, t + 1});
            else
                v.groups.back().second = t + 1;
            v.maxNr = std::max(v.maxNr, tiles[t].nr);
            v.maxNc = std::max(v.maxNc, tiles[t].nc);
        }
        return v;
    }

    // Round r's view: kept for a single round (the three passes share it), rebuilt otherwise so
    // that several rounds never hold all their sorted copies at once.
    RoundView<T> viewOf(size_t r)
    {
        if (m_R > 1)
            return view(m_p.rounds[r]);
        if (!m_cached.round)
            m_cached = view(m_p.rounds[r]);
        return m_cached;
    }

    // Sorted position -> sample.
    static int64_t sample(const RoundView<T> &v, int64_t i) { return v.perm ? v.perm[i] : i; }

    template <typename F> void forGroups(const RoundView<T> &v, const F &fn) const
    {
        forTasks(int64_t(v.groups.size()), m_nThreads, [&](int64_t g, int tid) {
            for (size_t t = v.groups[size_t(g)].first; t < v.groups[size_t(g)].second; ++t)
                fn(v.round->pairTiles[t], tid);
        });
    }

    // log of the number of rounds that contain the x pair (i, j) and the y pair (j, i).
    void roundCounts(const RoundView<T> &v, int64_t c0, int64_t n, int64_t i, T *lnx, T *lny) const
    {
        const int64_t *keys = v.keys.template data_ptr<int64_t>();
        const bool adj = m_p.adjacentKeys;
        for (int64_t j = 0; j < n; ++j) {
            int nx = 0, ny = 0;
            for (int64_t r = 0; r < m_R; ++r) {
                const int64_t ki = keys[r * m_b + i], kc = keys[r * m_b + c0 + j];
                nx += (kc == ki || (adj && kc == ki - 1)) ? 1 : 0;
                ny += (ki == kc || (adj && ki == kc - 1)) ? 1 : 0;
            }
            lnx[j] = T(std::log(double(std::max(nx, 1))));
            lny[j] = T(std::log(double(std::max(ny, 1))));
        }
    }

    // Exact row maxima of the attention logits over the x support (all rounds): the shifts.
    bool attentionShifts()
    {
        const auto &K = kernelTable<T>();
        m_ma.assign(size_t(m_b), -std::numeric_limits<T>::infinity());
        for (size_t ri = 0; ri < m_p.rounds.size(); ++ri) {
            const RoundView<T> v = viewOf(ri);
            std::vector<T> maS(size_t(m_b), -std::numeric_limits<T>::infinity());
            forGroups(v, [&](const Tile &t, int) {
                const Scratch sc = scratch(v);
                const Segment x{0, t.xCols < 0 ? t.nc : t.xCols, true, false};
                if (x.j1 <= 0)
                    return;
                for (int64_t li = 0; li < t.nr; ++li) {
                    const int64_t i = t.r0 + li;
                    kernels::FareRow<T> row;
                    attentionRow(v, t, x, i, sc, row);
                    maS[size_t(i)] = std::max(maS[size_t(i)], K.attentionMax(row));
                }
            });
            for (int64_t i = 0; i < m_b; ++i) {
                T &m = m_ma[size_t(sample(v, i))];
                m = std::max(m, maS[size_t(i)]);
            }
        }
        for (T &m : m_ma) {
            if (std::isnan(m) || m == std::numeric_limits<T>::infinity())
                return false;
            if (!(m > T(kMasked / 2))) // no support: any shift, its terms are all 0
                m = 0;
        }
        return true;
    }

    // Row scratch of the calling worker thread (kept across calls).
    struct Scratch
    {
        T *S, *a, *at, *lnx, *lny, *w, *dqRow, *dkRow;
    };

    Scratch scratch(const RoundView<T> &v) const
    {
        const size_t nc = size_t(v.maxNc), dz = size_t(std::max<int64_t>(m_dz, 1));
        return {threadBuffer<T>(kTileSlot, size_t(v.maxNr) * nc),
                threadBuffer<T>(kRowA, nc),
                threadBuffer<T>(kRowAt, nc),
                threadBuffer<T>(kRowLogNx, nc),
                threadBuffer<T>(kRowLogNy, nc),
                threadBuffer<T>(kRowW, nc),
                threadBuffer<T>(kRowDq, dz),
                threadBuffer<T>(kRowDk, dz)};
    }

    // Columns [j0, j1) of a tile (relative to c0) and the directions that use them.
    struct Segment
    {
        int64_t j0, j1;
        bool x, y;
    };

    // The segments of tile t: x only, both, y only (empty ones dropped).
    static int segments(const Tile &t, Segment out[3])
    {
        const int64_t xc = t.xCols < 0 ? t.nc : t.xCols, yf = t.yFrom;
        int k = 0;
        auto add = [&](int64_t j0, int64_t j1, bool x, bool y) {
            if (j1 > j0)
                out[k++] = {j0, j1, x, y};
        };
        add(0, std::min(xc, yf), true, false);
        add(yf, xc, true, true);
        add(std::max(xc, yf), t.nc, false, true);
        return k;
    }

    // The attention operands of sorted row i over segment g of tile t (softmax problems).
    void attentionRow(const RoundView<T> &v, const Tile &t, const Segment &g, int64_t i,
                      const Scratch &sc, kernels::FareRow<T> &row) const
    {
        const int64_t c0 = t.c0 + g.j0, dj = i - c0;
        row.n = g.j1 - g.j0;
        row.x = g.x;
        row.y = g.y;
        row.diag = m_p.maskDiagonal && dj >= 0 && dj < row.n ? dj : -1;
        row.dz = m_dz;
        row.ld = m_b;
        row.qi = v.ptr(v.qs) + i * m_dz;
        row.ki = v.ptr(v.ks) + i * m_dz;
        row.qsT = v.ptr(v.qsT) + c0;
        row.ksT = v.ptr(v.ksT) + c0;
        row.a = sc.a;
        row.at = sc.at;
        row.M = m_M;
        if (!m_maS.empty()) {
            row.maRow = m_maS[size_t(i)];
            row.maCol = m_maS.data() + c0;
        }
        if (m_multi) {
            roundCounts(v, c0, row.n, i, sc.lnx, sc.lny);
            row.logNx = g.x ? sc.lnx : nullptr;
            row.logNy = g.y ? sc.lny : nullptr;
        }
    }

    // The weights of sorted row i of tile t (CCLK: a single round in sample order).
    void weightRow(const Tile &t, int64_t i, const Scratch &sc, T *s,
                   kernels::WeightRow<T> &row) const
    {
        const int64_t dj = i - t.c0;
        row.n = t.nc;
        row.diag = dj >= 0 && dj < t.nc ? dj : -1;
        row.s = s;
        if (m_wDense.defined()) {
            row.w = m_wDense.template data_ptr<T>() + i * m_b + t.c0;
        } else {
            row.r = m_wr;
            row.ld = m_b;
            row.vi = m_wV.template data_ptr<T>() + i * m_wr;
            row.phiT = m_wPhiT.template data_ptr<T>() + t.c0;
            row.scratch = sc.w;
        }
        row.threshold = T(m_p.weightThreshold);
        row.M = m_M;
    }

    // S tile (sorted space) of t into buf: S = u1_rows u2_cols^T / tau.
    void tileProduct(const RoundView<T> &v, const Tile &t, T *buf) const
    {
        gemm(false, true, t.nr, t.nc, m_d, m_invTau, v.ptr(v.u1) + t.r0 * m_d, m_d,
             v.ptr(v.u2) + t.c0 * m_d, m_d, T(0), buf, t.nc);
    }

    void gatherShifts(const RoundView<T> &v)
    {
        m_maS.assign(size_t(m_b), T(0));
        if (m_p.softmax) {
            for (int64_t i = 0; i < m_b; ++i)
                m_maS[size_t(i)] = m_ma[size_t(sample(v, i))];
        }
    }

    void rowStatistics()
    {
        const auto &K = kernelTable<T>();
        m_sumA.assign(size_t(m_b), 0.0);
        m_ent.assign(size_t(m_b), 0.0);
        m_fx.assign(size_t(m_b), 0.0);
        m_fy.assign(size_t(m_b), 0.0);
        for (size_t ri = 0; ri < m_p.rounds.size(); ++ri) {
            const RoundView<T> v = viewOf(ri);
            gatherShifts(v);
            std::vector<double> rsA(size_t(m_b), 0.0), rEnt(size_t(m_b), 0.0),
                rFx(size_t(m_b), 0.0);
            T *fyAcc = zeroedAccumulators<T>(kAccFy, m_nThreads, size_t(m_b));
            forGroups(v, [&](const Tile &t, int tid) {
                const Scratch sc = scratch(v);
                T *fy = fyAcc + size_t(tid) * size_t(m_b) + size_t(t.c0);
                tileProduct(v, t, sc.S);
                Segment seg[3];
                const int nSeg = segments(t, seg);
                for (int64_t li = 0; li < t.nr; ++li) {
                    const int64_t i = t.r0 + li;
                    if (m_p.softmax) {
                        for (int k = 0; k < nSeg; ++k) {
                            kernels::FareRow<T> row;
                            attentionRow(v, t, seg[k], i, sc, row);
                            row.s = sc.S + li * t.nc + seg[k].j0;
                            row.fy = fy + seg[k].j0;
                            K.fareStats(row);
                            rsA[size_t(i)] += double(row.sumA);
                            rEnt[size_t(i)] += double(row.ent);
                            rFx[size_t(i)] += double(row.fx);
                        }
                    } else {
                        kernels::WeightRow<T> row;
                        weightRow(t, i, sc, sc.S + li * t.nc, row);
                        row.fy = fy;
                        K.weightStats(row);
                        rFx[size_t(i)] += double(row.fx);
                    }
                }
            });
            for (int64_t i = 0; i < m_b; ++i) {
                const size_t o = size_t(sample(v, i));
                double fy = 0;
                for (int t = 0; t < m_nThreads; ++t)
                    fy += double(fyAcc[size_t(t) * size_t(m_b) + size_t(i)]);
                m_sumA[o] += rsA[size_t(i)];
                m_ent[o] += rEnt[size_t(i)];
                m_fx[o] += rFx[size_t(i)];
                m_fy[o] += fy;
            }
        }
    }

    // Per-row loss and the coefficients of the gradient walk (original order, double).
    void head()
    {
        const double w = m_p.symmetric ? 0.5 : 1.0, b = double(m_b);
        m_cx.assign(size_t(m_b), T(0));
        m_px = m_cy = m_py = m_cx;
        m_dpos.assign(size_t(m_b), 0.0);
        m_loss = 0;
        m_entropy = 0;
        m_valid = 0;
        const Tensor posT = ((m_u1 * m_u2).sum(1) * m_invTau).to(torch::kDouble).contiguous();
        const double *posOf = posT.data_ptr<double>();
        for (int64_t i = 0; i < m_b; ++i) {
            const size_t r = size_t(i);
            const double pos = posOf[i];
            const bool valid = !m_p.softmax || m_sumA[r] > 0;
            const double logA = m_p.softmax && valid ? std::log(m_sumA[r]) : 0.0;
            auto direction = [&](double f, T &c, T &pc) {
                const double lf = valid && f > 0 ? std::log(f) + double(m_M) - logA : kNegInf;
                const double dd = logAddExp(pos, lf + m_p.logC);
                const double g = (1.0 - std::exp(pos - dd)) * w / b;
                m_loss += (dd - pos) * w;
                c = T(f > 0 ? g / f : 0.0);
                pc = T(m_p.softmax && valid ? g / m_sumA[r] : 0.0);
                return g;
            };
            double g = direction(m_fx[r], m_cx[r], m_px[r]);
            if (m_p.symmetric)
                g += direction(m_fy[r], m_cy[r], m_py[r]);
            m_dpos[r] = -g;
            if (m_p.softmax && valid) {
                m_entropy += double(m_ma[r]) + logA - m_ent[r] / m_sumA[r];
                ++m_valid;
            }
        }
    }

    void gradients()
    {
        const auto &K = kernelTable<T>();
        const int64_t b = m_b, d = m_d, dz = m_dz;
        // One round writes every row once; several add up.
        const bool add = m_R > 1;
        m_du1 = add ? torch::zeros_like(m_u1) : torch::empty_like(m_u1);
        m_du2 = add ? torch::zeros_like(m_u2) : torch::empty_like(m_u2);
        if (m_p.softmax) {
            m_dq = torch::zeros_like(m_qs);
            m_dk = torch::zeros_like(m_ks);
        }
        T *du1 = m_du1.template data_ptr<T>(), *du2 = m_du2.template data_ptr<T>();
        for (size_t ri = 0; ri < m_p.rounds.size(); ++ri) {
            const RoundView<T> v = viewOf(ri);
            gatherShifts(v);
            const size_t nb = static_cast<size_t>(b);
            std::vector<T> cx(nb), px(nb), cy(nb), py(nb);
            for (int64_t i = 0; i < b; ++i) {
                const size_t o = size_t(sample(v, i));
                cx[size_t(i)] = m_cx[o];
                px[size_t(i)] = m_px[o];
                cy[size_t(i)] = m_cy[o];
                py[size_t(i)] = m_py[o];
            }
            T *du1S = zeroedAccumulators<T>(kDu1Sorted, 1, size_t(b * d));
            T *du2Acc = zeroedAccumulators<T>(kAccDu2, m_nThreads, size_t(b * d));
            T *dqAcc = zeroedAccumulators<T>(kAccDq, m_nThreads, size_t(dz * b));
            T *dkAcc = zeroedAccumulators<T>(kAccDk, m_nThreads, size_t(dz * b));
            forGroups(v, [&](const Tile &t, int tid) {
                const Scratch sc = scratch(v);
                T *dqT = dqAcc + size_t(tid) * size_t(dz * b);
                T *dkT = dkAcc + size_t(tid) * size_t(dz * b);
                T *S = sc.S;
                tileProduct(v, t, S);
                Segment seg[3];
                const int nSeg = segments(t, seg);
                for (int64_t li = 0; li < t.nr; ++li) {
                    const int64_t i = t.r0 + li;
                    if (!m_p.softmax) {
                        kernels::WeightRow<T> row;
                        weightRow(t, i, sc, S + li * t.nc, row);
                        row.cx = cx[size_t(i)];
                        row.cy = cy.data() + t.c0;
                        K.weightGrad(row);
                        continue;
                    }
                    std::fill(sc.dqRow, sc.dqRow + dz, T(0));
                    std::fill(sc.dkRow, sc.dkRow + dz, T(0));
                    for (int k = 0; k < nSeg; ++k) {
                        const int64_t c0 = t.c0 + seg[k].j0;
                        kernels::FareRow<T> row;
                        attentionRow(v, t, seg[k], i, sc, row);
                        row.s = S + li * t.nc + seg[k].j0;
                        row.cx = cx[size_t(i)];
                        row.px = px[size_t(i)];
                        row.cy = cy.data() + c0;
                        row.py = py.data() + c0;
                        row.dqT = dqT + c0;
                        row.dkT = dkT + c0;
                        row.dqRow = sc.dqRow;
                        row.dkRow = sc.dkRow;
                        K.fareGrad(row);
                    }
                    for (int64_t c = 0; c < dz; ++c) {
                        dqT[c * b + i] += sc.dqRow[c];
                        dkT[c * b + i] += sc.dkRow[c];
                    }
                }
                // du1 rows belong to this group alone; du2 columns are shared: per thread.
                gemm(false, false, t.nr, d, t.nc, m_invTau, S, t.nc, v.ptr(v.u2) + t.c0 * d, d,
                     T(1), du1S + t.r0 * d, d);
                gemm(true, false, t.nc, d, t.nr, m_invTau, S, t.nc, v.ptr(v.u1) + t.r0 * d, d, T(1),
                     du2Acc + size_t(tid) * size_t(b * d) + size_t(t.c0 * d), d);
            });
            foldThreads(du2Acc, m_nThreads, size_t(b * d));
            scatterRows(du1, du1S, v.perm, b, d, add);
            scatterRows(du2, du2Acc, v.perm, b, d, add);
            if (m_p.softmax) {
                foldThreads(dqAcc, m_nThreads, size_t(dz * b));
                foldThreads(dkAcc, m_nThreads, size_t(dz * b));
                T *dq = m_dq.template data_ptr<T>(), *dk = m_dk.template data_ptr<T>();
                for (int64_t i = 0; i < b; ++i) {
                    const int64_t o = sample(v, i);
                    for (int64_t c = 0; c < dz; ++c) {
                        dq[o * dz + c] += dqAcc[c * b + i];
                        dk[o * dz + c] += dkAcc[c * b + i];
                    }
                }
            }
        }
        const T *u1 = m_u1.template data_ptr<T>(), *u2 = m_u2.template data_ptr<T>();
        for (int64_t i = 0; i < b; ++i) {
            const T g = T(m_dpos[size_t(i)]) * m_invTau;
            T *__restrict g1 = du1 + i * d;
            T *__restrict g2 = du2 + i * d;
            const T *__restrict x1 = u1 + i * d;
            const T *__restrict x2 = u2 + i * d;
            for (int64_t c = 0; c < d; ++c) {
                g1[c] += g * x2[c];
                g2[c] += g * x1[c];
            }
        }
    }

    void finish(NegativesGradients &out)
    {
        out.loss = torch::full({}, m_loss / double(m_b), m_u1.options());
        out.du1 = m_du1;
        out.du2 = m_du2;
        if (m_p.softmax) {
            m_p.emptyRows = m_b - m_valid;
            m_p.entropy = m_valid > 0 ? m_entropy / double(m_valid)
                                      : std::numeric_limits<double>::quiet_NaN();
            if (m_needGrad) {
                out.dq = m_dq / m_p.rho;
                out.dk = m_dk;
            }
        }
    }

    const NegativesProblem &m_p;
    Tensor m_u1, m_u2, m_qs, m_ks, m_wV, m_wPhiT, m_wDense;
    bool m_needGrad = false, m_multi = false;
    int64_t m_b = 0, m_d = 0, m_dz = 0, m_wr = 0, m_R = 1;
    T m_invTau = 1, m_M = 0;
    int m_nThreads = 1;
    std::vector<T> m_ma, m_maS, m_cx, m_px, m_cy, m_py;
    std::vector<double> m_sumA, m_ent, m_fx, m_fy, m_dpos;
    double m_loss = 0, m_entropy = 0;
    int64_t m_valid = 0;
    Tensor m_du1, m_du2, m_dq, m_dk;
    RoundView<T> m_cached;
};

} // namespace

NegativesGradients evaluateFusedNegatives(const NegativesProblem &p, const torch::Tensor &u1,
                                          const torch::Tensor &u2, const torch::Tensor &q,
                                          const torch::Tensor &k, bool needGrad)
{
    NegativesGradients out;
    for (const auto &r : p.rounds) {
        if (r.pairTiles.empty())
            return out;
    }
    if (!p.softmax && !p.weightV.defined() && !p.weights.defined())
        return out;
    torch::NoGradGuard noGrad;
    const TorchOpsOnCaller serial;
    if (u1.scalar_type() == torch::kFloat) {
        Fused<float> f(p, u1, u2, q, k, needGrad);
        f.run(out);
    } else if (u1.scalar_type() == torch::kDouble) {
        Fused<double> f(p, u1, u2, q, k, needGrad);
        f.run(out);
    }
    return out;
}

std::vector<Tile> densePairTiles(int64_t b)
{
    std::vector<Tile> tiles;
    const int64_t rows = fusedTileRows(b), cols = fusedTileCols(b);
    for (int64_t r0 = 0; r0 < b; r0 += rows) {
        for (int64_t c0 = 0; c0 < b; c0 += cols)
            tiles.push_back({r0, std::min(rows, b - r0), c0, std::min(cols, b - c0)});
    }
    return tiles;
}

} // namespace equiscope::lossdetail
