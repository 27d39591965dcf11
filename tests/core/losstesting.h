#pragma once
// Shared fixtures of the loss tests (tst_losses.cpp: each fast path against the formula;
// tst_lossfastpaths.cpp: the float kernels of every instruction set and the fallbacks).
#include "losses/contrastiveloss_p.h"
#include "losses/fusedsupport_p.h"
#include "losses/losskernels_p.h"
#include "losses/weightednegatives_p.h"

#include <QtTest>

#include <cmath>

namespace equiscope::losstesting {

namespace kernels = equiscope::lossdetail::kernels;

struct Batch
{
    torch::Tensor u1, u2, z, groups;
};

inline Batch makeBatch(int64_t b, int64_t d, int64_t dz, uint64_t seed)
{
    torch::manual_seed(seed);
    Batch x;
    auto o = torch::TensorOptions().dtype(torch::kDouble);
    x.u1 = torch::nn::functional::normalize(torch::randn({b, d}, o),
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
    // Correlated views, like two augmentations of one image.
    x.u2 = torch::nn::functional::normalize(x.u1 + 0.7 * torch::randn({b, d}, o),
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
    x.z = torch::randn({b, dz}, o);
    x.groups = torch::randint(0, 4, {b}, torch::kLong);
    return x;
}

struct Result
{
    double loss = 0;
    torch::Tensor du1, du2, dwq, dwk;
    double entropy = 0;
    int64_t empty = 0;
    bool fused = false; ///< Fast path only: the fused engine evaluated it
};

inline Result run(ContrastiveLoss &loss, LossPath path, const Batch &x)
{
    loss.setPath(path);
    loss.zero_grad();
    LossInputs in;
    in.u1 = x.u1.clone().requires_grad_(true);
    in.u2 = x.u2.clone().requires_grad_(true);
    in.z = x.z;
    in.groups = x.groups;
    LossOutput out = loss.forward(in);
    const bool fused = lossdetail::lastPathWasFused();
    out.loss.backward();
    Result r;
    r.fused = fused;
    r.loss = out.loss.item<double>();
    r.du1 = in.u1.grad().clone();
    r.du2 = in.u2.grad().clone();
    for (const auto &p : loss.named_parameters()) {
        if (p.key() == "W_Q")
            r.dwq = p.value().grad().clone();
        if (p.key() == "W_K")
            r.dwk = p.value().grad().clone();
    }
    r.entropy = out.attentionEntropy;
    r.empty = out.emptySupportRows;
    return r;
}

inline double relErr(const torch::Tensor &a, const torch::Tensor &ref)
{
    return (a - ref).norm().item<double>() / std::max(ref.norm().item<double>(), 1e-12);
}

// The fast path on x against the reference on xRef (x itself, or x in double when the fast
// path under test runs in float). The fast result goes to *fast.
inline void compareFastToReference(ContrastiveLoss &loss, const Batch &x, bool attention,
                                   const Batch *xRef = nullptr, Result *fast = nullptr)
{
    const Result f = run(loss, LossPath::Fast, x);
    if (fast)
        *fast = f;
    const auto dtype =
        loss.parameters().empty() ? x.u1.scalar_type() : loss.parameters().front().scalar_type();
    if (xRef)
        loss.to(torch::kDouble);
    Result r = run(loss, LossPath::Reference, xRef ? *xRef : x);
    if (xRef) {
        loss.to(dtype);
        for (torch::Tensor *t : {&r.du1, &r.du2, &r.dwq, &r.dwk}) {
            if (t->defined())
                *t = t->to(x.u1.scalar_type());
        }
    }
    QVERIFY2(std::isfinite(f.loss), "fast loss is not finite");
    QVERIFY2(std::abs(f.loss - r.loss) <= 1e-4 * std::abs(r.loss) + 1e-12,
             qPrintable(QStringLiteral("loss %1 vs reference %2")
                            .arg(f.loss, 0, 'g', 12)
                            .arg(r.loss, 0, 'g', 12)));
    QVERIFY2(relErr(f.du1, r.du1) < 1e-4,
             qPrintable(QStringLiteral("du1 rel err %1").arg(relErr(f.du1, r.du1))));
    QVERIFY2(relErr(f.du2, r.du2) < 1e-4,
             qPrintable(QStringLiteral("du2 rel err %1").arg(relErr(f.du2, r.du2))));
    if (attention) {
        QVERIFY(f.dwq.defined() && r.dwq.defined());
        QVERIFY2(relErr(f.dwq, r.dwq) < 1e-4,
                 qPrintable(QStringLiteral("dW_Q rel err %1").arg(relErr(f.dwq, r.dwq))));
        QVERIFY2(relErr(f.dwk, r.dwk) < 1e-4,
                 qPrintable(QStringLiteral("dW_K rel err %1").arg(relErr(f.dwk, r.dwk))));
        const double entTol = x.u1.scalar_type() == torch::kFloat ? 1e-5 : 1e-6;
        QVERIFY2(std::abs(f.entropy - r.entropy) < entTol * std::max(1.0, std::abs(r.entropy)),
                 qPrintable(QStringLiteral("entropy %1 vs %2").arg(f.entropy).arg(r.entropy)));
        QCOMPARE(f.empty, r.empty);
    }
}

inline Batch toFloat(const Batch &x)
{
    return {x.u1.to(torch::kFloat), x.u2.to(torch::kFloat), x.z.to(torch::kFloat), x.groups};
}

// Rows away from unit norm (the loss CLI takes any .npy input): random norms in [0.5, 1], and
// row 0 of u1 and row 1 of u2 of norm `big` (so max|u1| max|u2| = big^2 for big >= 1).
inline Batch scaled(Batch x, double big)
{
    torch::manual_seed(5);
    const auto o = x.u1.options();
    const int64_t b = x.u1.size(0);
    torch::Tensor f1 = 0.5 + 0.5 * torch::rand({b, 1}, o), f2 = 0.5 + 0.5 * torch::rand({b, 1}, o);
    f1[0][0] = big;
    f2[1 % b][0] = big;
    x.u1 = x.u1 * f1;
    x.u2 = x.u2 * f2;
    return x;
}

// Moves W_Q, W_K away from the identity so their gradients are tested in general position.
inline void perturbAttention(ContrastiveLoss &loss, uint64_t seed)
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    for (auto &p : loss.parameters())
        p.add_(0.4 * torch::randn_like(p));
}

inline void resetSwitches()
{
    lossdetail::setDenseBlockRowsOverride(0);
    lossdetail::setFusedTileOverride(0, 0);
    lossdetail::setFusedEnabled(true);
    kernels::setIsa(kernels::Isa::Auto);
}

inline LossConfig fareConfig(bool keepDiagonal, bool cBatch, bool symmetric)
{
    LossConfig c;
    c.method = LossMethod::Fare;
    c.diagonal = keepDiagonal ? LossConfig::Diagonal::Keep : LossConfig::Diagonal::Mask;
    c.negativeScale =
        cBatch ? LossConfig::NegativeScale::BatchMinusOne : LossConfig::NegativeScale::One;
    c.symmetric = symmetric;
    c.attentionScale = 0.7;
    return c;
}

inline LossConfig sparseConfig(int bucketSize, bool intra, int rounds, bool cBatch, bool symmetric)
{
    LossConfig c;
    c.method = LossMethod::SparseFare;
    c.bucketSize = bucketSize;
    c.hashRounds = rounds;
    c.support = intra ? LossConfig::Support::Intra : LossConfig::Support::Adjacent;
    c.negativeScale =
        cBatch ? LossConfig::NegativeScale::BatchMinusOne : LossConfig::NegativeScale::One;
    c.symmetric = symmetric;
    c.hashSeed = 5;
    return c;
}

// The configurations the float and fallback tests share, by name.
inline std::shared_ptr<ContrastiveLoss> namedLoss(const QString &name, double tau = 0.1,
                                                  int zDim = 3)
{
    LossConfig c;
    if (name == QLatin1String("fare-mask-sym"))
        c = fareConfig(false, false, true);
    else if (name == QLatin1String("fare-keep-asym"))
        c = fareConfig(true, true, false);
    else if (name == QLatin1String("sparse-adjacent-r1"))
        c = sparseConfig(8, false, 1, false, true);
    else if (name == QLatin1String("sparse-intra-r3"))
        c = sparseConfig(8, true, 3, true, true);
    else if (name == QLatin1String("sparse-adjacent-r2-asym"))
        c = sparseConfig(16, false, 2, false, false);
    else if (name.startsWith(QLatin1String("cclk"))) {
        c.method = LossMethod::Cclk;
        if (name.endsWith(QLatin1String("rbf")))
            c.kernel = LossConfig::Kernel::Rbf;
        else if (name.endsWith(QLatin1String("linear")))
            c.kernel = LossConfig::Kernel::Linear;
        else
            c.kernel = LossConfig::Kernel::Cosine;
    } else if (name == QLatin1String("infonce")) {
        c.method = LossMethod::InfoNce;
    } else {
        c.method = LossMethod::FairInfoNce;
        c.fairMode = LossConfig::FairMode::Mask;
    }
    c.temperature = tau;
    return makeContrastiveLoss(c, zDim);
}

} // namespace equiscope::losstesting
