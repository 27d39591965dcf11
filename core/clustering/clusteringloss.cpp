#include "clustering/clusteringloss_p.h"

namespace equiscope {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// Values and the gradient of each of the four outputs with respect to the logits, in closed
/// form (dp/dx = p(1 − p)):
///   dBCE/dx_j = (p_j − t_j) / (A·k)
///   dFM/dp_j  = −(1/A) [t_j / R − TP·AP / (2R³)],  R = sqrt(PP·AP + ε)
///   dP_a/dp_j = (t_j − P_a) / (PP_a + ε)
///   upper bound: dL/dP_a = −2(1 − P_a)/A;  variance: dL/dP_a = 2(P_a − mean P)/A
struct Pieces
{
    torch::Tensor values;   // [4]
    torch::Tensor gradBce;  // [A, k] w.r.t. logits
    torch::Tensor gradFm;   // [A, k]
    torch::Tensor gradPure; // [A, k]
};

Pieces computePieces(const torch::Tensor &x, const torch::Tensor &t, const ClusteringLossOptions &o)
{
    const double a = double(x.size(0));
    const double m = double(x.numel());
    const auto p = torch::sigmoid(x);
    const auto dpdx = p * (1 - p);
    // BCE with logits, stable: softplus(x) − t·x.
    const auto bce = (torch::softplus(x) - t * x).sum() / m;
    const auto tp = (p * t).sum(1, true);
    const auto pp = p.sum(1, true);
    const auto ap = t.sum(1, true);
    const auto r = torch::sqrt(pp * ap + o.eps);
    const auto fm = (1 - tp / r).sum() / a;
    const auto purity = tp / (pp + o.eps);
    torch::Tensor pure, dLdP;
    if (o.form == PurityForm::UpperBound) {
        pure = (1 - purity).pow(2).sum() / a;
        dLdP = -2 * (1 - purity) / a;
    } else {
        const auto centred = purity - purity.mean();
        pure = centred.pow(2).sum() / a;
        dLdP = 2 * centred / a;
    }
    const double lambda = o.purity ? o.lambda : 0.0;
    Pieces out;
    out.values = torch::stack({bce + fm + lambda * pure, bce, fm, pure});
    out.gradBce = (p - t) / m;
    out.gradFm = -(t / r - tp * ap / (2 * r.pow(3))) / a * dpdx;
    out.gradPure = dLdP * (t - purity) / (pp + o.eps) * dpdx;
    return out;
}

class ClusteringLossFunction : public torch::autograd::Function<ClusteringLossFunction>
{
public:
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &logits,
                                 const torch::Tensor &targets, bool purity, double lambda,
                                 int64_t form, double eps)
    {
        ClusteringLossOptions o{purity, lambda,
                                form == 0 ? PurityForm::UpperBound : PurityForm::Variance, eps};
        Pieces pieces = computePieces(logits, targets, o);
        ctx->save_for_backward({pieces.gradBce, pieces.gradFm, pieces.gradPure});
        ctx->saved_data["lambda"] = purity ? lambda : 0.0;
        return pieces.values;
    }

    static variable_list backward(AutogradContext *ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const double lambda = ctx->saved_data["lambda"].toDouble();
        const auto g = grads[0];
        // values = [bce + fm + λ·pure, bce, fm, pure]
        const auto wBce = g[0] + g[1];
        const auto wFm = g[0] + g[2];
        const auto wPure = g[0] * lambda + g[3];
        const auto dx = wBce * saved[0] + wFm * saved[1] + wPure * saved[2];
        return {dx,
                torch::Tensor(),
                torch::Tensor(),
                torch::Tensor(),
                torch::Tensor(),
                torch::Tensor()};
    }
};

} // namespace

ClusteringLossTerms clusteringLoss(const torch::Tensor &logits, const torch::Tensor &targets,
                                   const ClusteringLossOptions &options)
{
    ClusteringLossTerms terms;
    terms.values = ClusteringLossFunction::apply(
        logits, targets.to(logits.scalar_type()), options.purity, options.lambda,
        int64_t(options.form == PurityForm::UpperBound ? 0 : 1), options.eps);
    return terms;
}

ClusteringLossTerms clusteringLossReference(const torch::Tensor &logits,
                                            const torch::Tensor &targets,
                                            const ClusteringLossOptions &o)
{
    const auto t = targets.to(logits.scalar_type());
    const auto p = torch::sigmoid(logits);
    const auto bce = torch::binary_cross_entropy_with_logits(logits, t);
    const auto tp = (p * t).sum(1);
    const auto pp = p.sum(1);
    const auto ap = t.sum(1);
    const auto fm = (1 - tp / torch::sqrt(pp * ap + o.eps)).mean();
    const auto purity = tp / (pp + o.eps);
    const auto pure = o.form == PurityForm::UpperBound ? (1 - purity).pow(2).mean()
                                                       : (purity - purity.mean()).pow(2).mean();
    const auto total = bce + fm + (o.purity ? o.lambda : 0.0) * pure;
    ClusteringLossTerms terms;
    terms.values = torch::stack({total, bce, fm, pure});
    return terms;
}

} // namespace equiscope
