#include "losses/weightednegatives_p.h"

#include "losses/contrastiveloss_p.h"
#include "losses/fusedsupport_p.h"
#include "util/torchdevice_p.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace equiscope::lossdetail {

namespace {

using torch::Tensor;
namespace idx = torch::indexing;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Per-row quantities of the loss that depend only on the row statistics:
// la = lse(A~), lf = lse(A~ + S), lb = lse(A~ + S^T) over the row's support.
struct RowHead
{
    Tensor loss;       // per row, already weighted for the symmetric average
    Tensor gx, gy;     // dL/dF_i for the two directions
    Tensor dpos;       // dL/dS_ii through the positive term
    Tensor la, lf, lb; // +inf on empty rows so that every weight derived from them is 0
};

RowHead rowHead(const NegativesProblem &p, int64_t b, const Tensor &pos, Tensor la, Tensor lf,
                Tensor lb, const Tensor &valid)
{
    RowHead h;
    const double w = p.symmetric ? 0.5 : 1.0;
    Tensor fx = p.softmax ? lf - la : lf.clone();
    fx.masked_fill_(valid.logical_not(), kMasked);
    Tensor dx = torch::logaddexp(pos, fx + p.logC);
    Tensor gammaX = 1.0 - torch::exp(pos - dx);
    h.loss = (dx - pos) * w;
    h.gx = gammaX * (w / double(b));
    if (p.symmetric) {
        Tensor fy = p.softmax ? lb - la : lb.clone();
        fy.masked_fill_(valid.logical_not(), kMasked);
        Tensor dy = torch::logaddexp(pos, fy + p.logC);
        Tensor gammaY = 1.0 - torch::exp(pos - dy);
        h.loss += (dy - pos) * w;
        h.gy = gammaY * (w / double(b));
    } else {
        h.gy = torch::zeros_like(h.gx);
    }
    h.dpos = -(h.gx + h.gy);
    if (p.softmax) {
        const Tensor empty = valid.logical_not();
        h.la = la.masked_fill(empty, kInf);
        h.lf = lf.masked_fill(empty, kInf);
        h.lb = p.symmetric ? lb.masked_fill(empty, kInf) : lb;
    } else {
        h.la = la;
        h.lf = lf;
        h.lb = lb;
    }
    return h;
}

// The tiles [0, n) of a walk as fn(begin, end, tid). On CPU tensors they are split over
// LibTorch's threads, each with BLAS of its own; elsewhere (a GPU, or the device-generic path
// forced by the tests) one after another on the caller: the device parallelises each tile's
// operations itself, and one tile buffer at a time bounds the memory.
template <typename F> void forTileRanges(bool onThreads, int64_t n, const F &fn)
{
    if (!onThreads) {
        fn(int64_t(0), n, 0);
        return;
    }
    at::parallel_for(0, n, 1, [&](int64_t begin, int64_t end) {
        singleThreadedBlasInThisWorker();
        fn(begin, end, at::get_thread_num());
    });
}

// Row-wise logsumexp of x (n x m) using tmp (n x m) as scratch.
Tensor rowLse(const Tensor &x, Tensor &tmp)
{
    Tensor m = std::get<0>(x.max(1, true));
    at::sub_out(tmp, x, m);
    tmp.exp_();
    return m.squeeze(1) + tmp.sum(1).log_();
}

// Sorted-space operands of one round.
struct RoundData
{
    Tensor u1, u2, qs, ks, pos, keysOther; // keysOther: R x b keys of all rounds, in this order
    Tensor logW;
    Tensor u1p, u2p, qsp, ksp; // copies in the reduced product type (mixed precision), or none
};

// out = alpha * a b^T: in the operands' type, or through the reduced-type copies when the
// mixed-precision product type is set (the result widened to out's type).
void productInto(Tensor &out, const Tensor &a, const Tensor &b, const Tensor &ap, const Tensor &bp,
                 double alpha)
{
    if (!ap.defined()) {
        at::addmm_out(out, out, a, b.t(), 0.0, alpha);
        return;
    }
    out.copy_(torch::mm(ap, bp.t()));
    if (alpha != 1.0)
        out.mul_(alpha);
}

struct ThreadAcc
{
    Tensor du1, du2, dq, dk; // sorted space of the current round
    Tensor entropy;          // sum_j P_ij a_ij per sorted row
};

struct Engine
{
    const NegativesProblem &p;
    int64_t b = 0;
    double invTau = 10.0;
    bool needGrad = false;
    bool multiRound = false;
    bool onThreads = true; ///< CPU tensors: tiles split over threads (forTileRanges)
    torch::TensorOptions opts;

    // Row statistics (original order) and per-row results.
    Tensor la, lf, lb, validCount;

    // Walks the tiles of round `rd`. Mode Stats writes row statistics (sorted space) into
    // laS/lfS/lbS/validS; mode Grad uses the final statistics (head) to accumulate gradients.
    enum class Mode
    {
        Stats,
        Fused,
        Grad
    };

    void walk(const SupportRound &round, const RoundData &rd, Mode mode, Tensor &laS, Tensor &lfS,
              Tensor &lbS, Tensor &validS, const RowHead *head, Tensor &lossS,
              std::vector<ThreadAcc> &acc)
    {
        const auto &tiles = round.tiles;
        int64_t maxCells = 0;
        for (const Tile &t : tiles)
            maxCells = std::max(maxCells, t.nr * t.nc);
        const bool wantGrad = mode != Mode::Stats;
        forTileRanges(onThreads, int64_t(tiles.size()), [&](int64_t begin, int64_t end, int tid) {
            c10::AutoGradMode noGrad(false); // thread-local: the caller's mode does not carry over
            Tensor bufA = torch::empty({maxCells}, opts);
            Tensor bufS = torch::empty({maxCells}, opts);
            Tensor bufSp = p.symmetric ? torch::empty({maxCells}, opts) : Tensor();
            Tensor bufT = torch::empty({maxCells}, opts);
            Tensor bufN = multiRound && p.softmax ? torch::empty({maxCells}, opts) : Tensor();
            for (int64_t ti = begin; ti < end; ++ti) {
                const Tile &t = tiles[size_t(ti)];
                if (t.nr == 0)
                    continue;
                const auto rows = idx::Slice(t.r0, t.r0 + t.nr);
                const auto cols = idx::Slice(t.c0, t.c0 + t.nc);
                Tensor A = bufA.narrow(0, 0, t.nr * t.nc).view({t.nr, t.nc});
                Tensor S = bufS.narrow(0, 0, t.nr * t.nc).view({t.nr, t.nc});
                Tensor T = bufT.narrow(0, 0, t.nr * t.nc).view({t.nr, t.nc});
                Tensor Sp;
                if (p.symmetric)
                    Sp = bufSp.narrow(0, 0, t.nr * t.nc).view({t.nr, t.nc});
                Tensor logN;

                // Attention logits of the tile.
                const auto part = [](const Tensor &t, const idx::Slice &s) {
                    return t.defined() ? t.index({s}) : t;
                };
                if (p.softmax) {
                    productInto(A, rd.qs.index({rows}), rd.ks.index({cols}), part(rd.qsp, rows),
                                part(rd.ksp, cols), 1.0);
                    if (multiRound) {
                        // A pair seen in n rounds appears n times: -log n makes the union exact.
                        logN = bufN.narrow(0, 0, t.nr * t.nc).view({t.nr, t.nc});
                        logN.zero_();
                        const Tensor kr = rd.keysOther.index({idx::Slice(), rows});
                        const Tensor kc = rd.keysOther.index({idx::Slice(), cols});
                        for (int64_t r = 0; r < kr.size(0); ++r) {
                            const Tensor a = kr[r].unsqueeze(1), c = kc[r].unsqueeze(0);
                            Tensor in = c.eq(a);
                            if (p.adjacentKeys)
                                in.logical_or_(c.eq(a - 1));
                            logN.add_(in);
                        }
                        logN.log_();
                        A.sub_(logN);
                    }
                } else {
                    A.copy_(rd.logW.index({rows, cols}));
                }
                const int64_t diagOffset =
                    t.r0 - t.c0; // local (i, i + offset) is the sample itself
                const bool diagInTile = diagOffset > -t.nr && diagOffset < t.nc;
                if (p.maskDiagonal && diagInTile)
                    A.diagonal(diagOffset).fill_(kMasked);

                productInto(S, rd.u1.index({rows}), rd.u2.index({cols}), part(rd.u1p, rows),
                            part(rd.u2p, cols), invTau);
                S.add_(A);
                if (p.symmetric) {
                    productInto(Sp, rd.u2.index({rows}), rd.u1.index({cols}), part(rd.u2p, rows),
                                part(rd.u1p, cols), invTau);
                    Sp.add_(A);
                }

                Tensor tla, tlf, tlb, tvalid;
                if (mode != Mode::Grad) {
                    tla = p.softmax ? rowLse(A, T) : torch::zeros({t.nr}, opts);
                    tlf = rowLse(S, T);
                    tlb = p.symmetric ? rowLse(Sp, T) : tlf;
                    // Valid entries per row follow from the geometry of the tile.
                    tvalid = torch::full({t.nr}, t.nc, opts.dtype(torch::kLong));
                    if (p.maskDiagonal && diagInTile) {
                        const int64_t lo = std::max<int64_t>(0, -diagOffset);
                        const int64_t hi = std::min<int64_t>(t.nr, t.nc - diagOffset);
                        tvalid.narrow(0, lo, hi - lo).sub_(1);
                    }
                    laS.index_put_({rows}, tla);
                    lfS.index_put_({rows}, tlf);
                    lbS.index_put_({rows}, tlb);
                    validS.index_put_({rows}, tvalid);
                }
                if (!wantGrad)
                    continue;

                RowHead local;
                const RowHead *h = head;
                int64_t hr0 = t.r0;
                if (mode == Mode::Fused) {
                    local = rowHead(p, b, rd.pos.index({rows}), tla, tlf, tlb, tvalid.gt(0));
                    lossS.index_put_({rows}, local.loss);
                    h = &local;
                    hr0 = 0;
                }
                const auto hrows = idx::Slice(hr0, hr0 + t.nr);
                ThreadAcc &ac = acc[size_t(tid)];

                if (mode == Mode::Fused && needGrad) {
                    ac.du1.index({rows}).add_(local.dpos.unsqueeze(1) * rd.u2.index({rows}),
                                              invTau);
                    ac.du2.index({rows}).add_(local.dpos.unsqueeze(1) * rd.u1.index({rows}),
                                              invTau);
                }
                if (p.softmax) {
                    // P = softmax(A~); entropy needs sum_j P_ij a_ij with a = A~ + log n.
                    at::sub_out(T, A, h->la.index({hrows}).unsqueeze(1));
                    T.exp_();
                    Tensor Az = A;
                    if (p.maskDiagonal && diagInTile) {
                        Az = A.clone();
                        Az.diagonal(diagOffset).zero_(); // P is 0 there: no 0 * -1e30 noise
                    }
                    Tensor ent = (T * Az).sum(1);
                    if (logN.defined())
                        ent += (T * logN).sum(1);
                    ac.entropy.index({rows}).add_(ent);
                }
                if (!needGrad)
                    continue;

                Tensor gx = h->gx.index({hrows}).unsqueeze(1);
                // r = exp(A~ + S - lf): the normalised weights of F_i; dS = gx * r.
                S.sub_(h->lf.index({hrows}).unsqueeze(1)).exp_().mul_(gx);
                if (p.symmetric) {
                    Tensor gy = h->gy.index({hrows}).unsqueeze(1);
                    Sp.sub_(h->lb.index({hrows}).unsqueeze(1)).exp_().mul_(gy);
                }
                if (p.softmax) {
                    // dA = dS + dS' - g_i P with g_i = gx_i + gy_i (rows of r, r' sum to 1).
                    Tensor g = (h->gx.index({hrows}) + h->gy.index({hrows})).unsqueeze(1);
                    T.mul_(g).neg_().add_(S);
                    if (p.symmetric)
                        T.add_(Sp);
                    ac.dq.index({rows}).addmm_(T, rd.ks.index({cols}));
                    ac.dk.index({cols}).addmm_(T.t(), rd.qs.index({rows}));
                }
                ac.du1.index({rows}).addmm_(S, rd.u2.index({cols}), 1.0, invTau);
                ac.du2.index({cols}).addmm_(S.t(), rd.u1.index({rows}), 1.0, invTau);
                if (p.symmetric) {
                    ac.du2.index({rows}).addmm_(Sp, rd.u1.index({cols}), 1.0, invTau);
                    ac.du1.index({cols}).addmm_(Sp.t(), rd.u2.index({rows}), 1.0, invTau);
                }
            }
        });
    }
};

Tensor gatherRows(const Tensor &x, const Tensor &perm)
{
    return perm.defined() ? x.index_select(0, perm) : x;
}

Tensor scatterRows(const Tensor &sorted, const Tensor &perm)
{
    if (!perm.defined())
        return sorted;
    Tensor out = torch::empty_like(sorted);
    out.index_copy_(0, perm, sorted);
    return out;
}

using Gradients = NegativesGradients;

// The safe engine: row statistics in log space with exact row maxima, for inputs outside the
// bounds of the fused engine (or when the tests ask for it).
Gradients evaluateSafe(const NegativesProblem &p, const Tensor &u1In, const Tensor &u2In,
                       const Tensor &qIn, const Tensor &kIn, bool needGrad)
{
    Engine e{p};
    const Tensor u1 = u1In.contiguous(), u2 = u2In.contiguous();
    e.b = u1.size(0);
    e.invTau = 1.0 / p.tau;
    e.needGrad = needGrad;
    e.multiRound = p.rounds.size() > 1;
    e.opts = u1.options();
    e.onThreads = cpuEnginesApply(u1);
    const torch::Device device = u1.device();
    const int64_t b = e.b;
    const Tensor pos = (u1 * u2).sum(1) * e.invTau;
    Tensor qs, ks;
    if (p.softmax) {
        qs = (qIn / p.rho).contiguous();
        ks = kIn.contiguous();
    }
    const int nThreads = e.onThreads ? at::get_num_threads() : 1;
    // Mixed precision: the tile products in the reduced type, row statistics and gradients in
    // the inputs' type (docs/design/gpu.md).
    const torch::ScalarType products = productType();
    const bool reducedProducts =
        products != torch::ScalarType::Undefined && products != u1.scalar_type();
    for (const auto &r : p.rounds) {
        expectOnDevice(r.perm, device, "a support permutation");
        expectOnDevice(r.keys, device, "the support keys");
    }
    expectOnDevice(p.logW, device, "the log-weights");

    Tensor keysAll;
    if (e.multiRound) {
        std::vector<Tensor> k;
        for (const auto &r : p.rounds)
            k.push_back(r.keys);
        keysAll = torch::stack(k);
    }
    auto makeRound = [&](const SupportRound &r) {
        RoundData rd;
        rd.u1 = gatherRows(u1, r.perm);
        rd.u2 = gatherRows(u2, r.perm);
        rd.pos = gatherRows(pos, r.perm);
        if (p.softmax) {
            rd.qs = gatherRows(qs, r.perm);
            rd.ks = gatherRows(ks, r.perm);
        } else {
            rd.logW = p.logW; // CCLK is dense: identity order
        }
        if (e.multiRound)
            rd.keysOther = r.perm.defined() ? keysAll.index_select(1, r.perm) : keysAll;
        if (reducedProducts) {
            rd.u1p = rd.u1.to(products);
            rd.u2p = rd.u2.to(products);
            if (p.softmax) {
                rd.qsp = rd.qs.to(products);
                rd.ksp = rd.ks.to(products);
            }
        }
        return rd;
    };
    auto makeAcc = [&](bool withQK) {
        std::vector<ThreadAcc> acc(static_cast<size_t>(nThreads));
        for (auto &a : acc) {
            a.du1 = torch::zeros_like(u1);
            a.du2 = torch::zeros_like(u2);
            if (withQK) {
                a.dq = torch::zeros_like(qs);
                a.dk = torch::zeros_like(ks);
            }
            a.entropy = torch::zeros({b}, e.opts);
        }
        return acc;
    };

    Gradients g;
    Tensor du1 = torch::zeros_like(u1), du2 = torch::zeros_like(u2), dq, dk, entropySum;
    if (p.softmax) {
        dq = torch::zeros_like(qs);
        dk = torch::zeros_like(ks);
    }
    entropySum = torch::zeros({b}, e.opts);
    auto foldAcc = [&](std::vector<ThreadAcc> &acc, const Tensor &perm) {
        for (size_t t = 1; t < acc.size(); ++t) {
            acc[0].du1 += acc[t].du1;
            acc[0].du2 += acc[t].du2;
            acc[0].entropy += acc[t].entropy;
            if (p.softmax) {
                acc[0].dq += acc[t].dq;
                acc[0].dk += acc[t].dk;
            }
        }
        du1 += scatterRows(acc[0].du1, perm);
        du2 += scatterRows(acc[0].du2, perm);
        entropySum += scatterRows(acc[0].entropy, perm);
        if (p.softmax) {
            dq += scatterRows(acc[0].dq, perm);
            dk += scatterRows(acc[0].dk, perm);
        }
    };

    Tensor lossRows, la, valid;
    const bool wantWalk2 = needGrad || p.softmax;
    if (!e.multiRound) {
        const SupportRound &round = p.rounds.front();
        const RoundData rd = makeRound(round);
        Tensor laS = torch::empty({b}, e.opts), lfS = torch::empty({b}, e.opts);
        Tensor lbS = torch::empty({b}, e.opts);
        Tensor validS = torch::empty({b}, e.opts.dtype(torch::kLong));
        Tensor lossS = torch::empty({b}, e.opts);
        auto acc = makeAcc(p.softmax);
        if (wantWalk2) {
            e.walk(round, rd, Engine::Mode::Fused, laS, lfS, lbS, validS, nullptr, lossS, acc);
            foldAcc(acc, round.perm);
        } else {
            e.walk(round, rd, Engine::Mode::Stats, laS, lfS, lbS, validS, nullptr, lossS, acc);
            lossS = rowHead(p, b, rd.pos, laS, lfS, lbS, validS.gt(0)).loss;
        }
        lossRows = lossS;
        la = scatterRows(laS, round.perm);
        valid = scatterRows(validS, round.perm).gt(0);
    } else {
        Tensor LA = torch::full({b}, kMasked, e.opts), LF = LA.clone(), LB = LA.clone();
        Tensor count = torch::zeros({b}, e.opts.dtype(torch::kLong));
        std::vector<ThreadAcc> none;
        Tensor unusedLoss;
        for (const auto &round : p.rounds) {
            const RoundData rd = makeRound(round);
            Tensor laS = torch::empty({b}, e.opts), lfS = torch::empty({b}, e.opts);
            Tensor lbS = torch::empty({b}, e.opts);
            Tensor validS = torch::empty({b}, e.opts.dtype(torch::kLong));
            e.walk(round, rd, Engine::Mode::Stats, laS, lfS, lbS, validS, nullptr, unusedLoss,
                   none);
            LA = torch::logaddexp(LA, scatterRows(laS, round.perm));
            LF = torch::logaddexp(LF, scatterRows(lfS, round.perm));
            LB = torch::logaddexp(LB, scatterRows(lbS, round.perm));
            count += scatterRows(validS, round.perm);
        }
        valid = count.gt(0);
        const RowHead head = rowHead(p, b, pos, LA, LF, LB, valid);
        lossRows = head.loss;
        la = LA;
        if (wantWalk2) {
            for (const auto &round : p.rounds) {
                const RoundData rd = makeRound(round);
                RowHead sorted;
                sorted.gx = gatherRows(head.gx, round.perm);
                sorted.gy = gatherRows(head.gy, round.perm);
                sorted.la = gatherRows(head.la, round.perm);
                sorted.lf = gatherRows(head.lf, round.perm);
                sorted.lb = gatherRows(head.lb, round.perm);
                auto acc = makeAcc(p.softmax);
                Tensor d1, d2, d3, d4;
                e.walk(round, rd, Engine::Mode::Grad, d1, d2, d3, d4, &sorted, unusedLoss, acc);
                foldAcc(acc, round.perm);
            }
        }
        if (needGrad) {
            du1 += head.dpos.unsqueeze(1) * u2 * e.invTau;
            du2 += head.dpos.unsqueeze(1) * u1 * e.invTau;
        }
    }
    g.loss = lossRows.sum() / double(b);
    if (p.softmax) {
        const int64_t nValid = valid.sum().item<int64_t>();
        p.emptyRows = b - nValid;
        // Row entropy H_i = la_i - sum_j P_ij a_ij, averaged over rows with a support.
        const Tensor h = (la - entropySum).masked_fill(valid.logical_not(), 0.0);
        p.entropy = nValid > 0 ? h.sum().item<double>() / double(nValid)
                               : std::numeric_limits<double>::quiet_NaN();
    }
    expectOnDevice(g.loss, device, "the loss");
    expectOnDevice(du1, device, "the gradient of u1");
    g.du1 = du1;
    g.du2 = du2;
    if (p.softmax) {
        g.dq = dq / p.rho;
        g.dk = dk;
    }
    return g;
}

// CCLK's safe path needs log-weights: derive them from the fused engine's W (in double, as the
// weights were computed), transposed because row i of the x direction weighs j by W_ji.
Tensor logWeightsOf(const NegativesProblem &p, torch::Dtype dtype)
{
    Tensor W;
    if (p.weightV.defined()) {
        W = p.weightPhi.to(torch::kDouble).mm(p.weightV.to(torch::kDouble).t());
        W.fill_diagonal_(0.0);
    } else {
        W = p.weights.to(torch::kDouble);
    }
    W = W.masked_fill(W < p.weightThreshold, 0.0);
    return W.t().log().clamp_min(kMasked).to(dtype).contiguous();
}

Gradients evaluate(const NegativesProblem &p, const Tensor &u1, const Tensor &u2, const Tensor &q,
                   const Tensor &k, bool needGrad)
{
    if (fusedEnabled() && cpuEnginesApply(u1)) {
        Gradients g = evaluateFusedNegatives(p, u1, u2, q, k, needGrad);
        if (g.loss.defined()) {
            p.usedFused = true;
            noteFusedPath(true);
            return g;
        }
    }
    p.usedFused = false;
    noteFusedPath(false);
    if (p.softmax || p.logW.defined())
        return evaluateSafe(p, u1, u2, q, k, needGrad);
    NegativesProblem withLog = p;
    withLog.logW = logWeightsOf(p, u1.scalar_type());
    return evaluateSafe(withLog, u1, u2, q, k, needGrad);
}

// The loss with its gradient computed in the forward walk (the tiles are hot in cache then); the
// backward only scales the stored gradients by the incoming scalar gradient.
class WeightedNegativesFunction : public torch::autograd::Function<WeightedNegativesFunction>
{
public:
    static Tensor forward(torch::autograd::AutogradContext *ctx, const Tensor &u1, const Tensor &u2,
                          const Tensor &q, const Tensor &k, const NegativesProblem *problem)
    {
        Gradients g = evaluate(*problem, u1, u2, q, k, true);
        ctx->saved_data["du1"] = g.du1;
        ctx->saved_data["du2"] = g.du2;
        ctx->saved_data["dq"] = g.dq;
        ctx->saved_data["dk"] = g.dk;
        return g.loss;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list gradOut)
    {
        return {takeScaled(ctx, "du1", gradOut[0]), takeScaled(ctx, "du2", gradOut[0]),
                takeScaled(ctx, "dq", gradOut[0]), takeScaled(ctx, "dk", gradOut[0]), Tensor()};
    }
};

} // namespace

torch::Tensor weightedNegativesLoss(const NegativesProblem &problem, const torch::Tensor &u1,
                                    const torch::Tensor &u2, const torch::Tensor &q,
                                    const torch::Tensor &k)
{
    TORCH_CHECK(!problem.rounds.empty(), "weightedNegativesLoss: no support rounds");
    const bool needGrad =
        torch::GradMode::is_enabled() &&
        (u1.requires_grad() || u2.requires_grad() || (q.defined() && q.requires_grad()) ||
         (k.defined() && k.requires_grad()));
    if (!needGrad) {
        torch::NoGradGuard noGrad;
        return evaluate(problem, u1, u2, q, k, false).loss;
    }
    return WeightedNegativesFunction::apply(u1, u2, q, k, &problem);
}

} // namespace equiscope::lossdetail
