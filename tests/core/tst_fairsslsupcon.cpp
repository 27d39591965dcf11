// Weighted SupCon against the formula (a hand-computed case and a loop implementation, values
// and gradients) and the Meta-Weight-Net look-ahead gradient against finite differences.
#include "fairssl/metaweightnet_p.h"
#include "fairssl/supconloss_p.h"

#include "nn/encoders_p.h"

#include <QtTest>

#include <cmath>

using namespace equiscope;

namespace {

namespace F = torch::nn::functional;

torch::Tensor unit(const torch::Tensor &x)
{
    return F::normalize(x, F::NormalizeFuncOptions().dim(1));
}

/// A tiny model in double precision: MLP encoder 3 → 4 → 4, projection 4 → 3.
ContrastiveModel tinyModel()
{
    torch::manual_seed(3);
    ContrastiveModel m(QStringLiteral("mlp"), 0, 3, 4, 3);
    m->to(torch::kFloat64);
    m->train();
    return m;
}

struct Batches
{
    torch::Tensor x1, x2, y, mx1, mx2, my;
};

Batches tinyBatches()
{
    torch::manual_seed(5);
    Batches b;
    b.x1 = torch::randn({8, 3}, torch::kFloat64);
    b.x2 = b.x1 + 0.1 * torch::randn({8, 3}, torch::kFloat64);
    b.y = torch::tensor({0, 1, 0, 1, 1, 0, 2, 2}, torch::kLong);
    b.mx1 = torch::randn({6, 3}, torch::kFloat64);
    b.mx2 = b.mx1 + 0.1 * torch::randn({6, 3}, torch::kFloat64);
    b.my = torch::tensor({0, 0, 1, 1, 2, 2}, torch::kLong);
    return b;
}

torch::Tensor lossesOf(ContrastiveModel &m, const torch::Tensor &x1, const torch::Tensor &x2,
                       const torch::Tensor &y)
{
    const int64_t n = x1.size(0);
    const auto z = unit(m->project(m->represent(torch::cat({x1, x2}))));
    return supcon::perSample(z.narrow(0, 0, n), z.narrow(0, n, n), y, 0.5);
}

std::vector<std::pair<std::string, torch::Tensor>> parametersOf(ContrastiveModel &m,
                                                                const std::string &prefix)
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto &item : m->named_parameters())
        if (item.key().rfind(prefix, 0) == 0)
            out.emplace_back(item.key(), item.value());
    return out;
}

/// The meta loss after the virtual step, computed without any graph through V: the function
/// whose gradient metaWeightLookAhead() claims to give.
double metaLossAfterStep(ContrastiveModel &m, MetaWeightNet &v,
                         const std::vector<std::pair<std::string, torch::Tensor>> &fast,
                         const Batches &b, double alpha, double minWeight)
{
    const auto l = lossesOf(m, b.x1, b.x2, b.y);
    const auto w = stepWeights(v->forward(l.detach()), minWeight);
    const auto virtualLoss = (w * l).sum() / w.sum();
    std::vector<torch::Tensor> params;
    for (const auto &p : fast)
        params.push_back(p.second);
    const auto g = torch::autograd::grad({virtualLoss}, params, {}, false, false, true);
    std::map<std::string, torch::Tensor> stepped;
    for (size_t i = 0; i < fast.size(); ++i)
        stepped[fast[i].first] = (params[i] - alpha * g[i]).detach();
    ParameterSwap swap(*m, stepped);
    return lossesOf(m, b.mx1, b.mx2, b.my).mean().item<double>();
}

} // namespace

class TestFairSslSupCon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputedCase()
    {
        // Rows (1,0), (0,1), (1,0) with labels 0, 0, 1 and τ = 0.5:
        //   ℓ_0 = −log(e^0 / (e^0 + e^2)) = log(1 + e²)   (its positive is row 1, cosine 0)
        //   ℓ_1 = −log(e^0 / (e^0 + e^0)) = log 2
        //   ℓ_2 = 0                                       (no positive)
        const auto z = torch::tensor({1.0, 0.0, 0.0, 1.0, 1.0, 0.0}, torch::kFloat64).view({3, 2});
        const auto l = supcon::perView(z, torch::tensor({0, 0, 1}, torch::kLong), 0.5);
        QVERIFY(std::abs(l[0].item<double>() - std::log(1 + std::exp(2.0))) < 1e-12);
        QVERIFY(std::abs(l[1].item<double>() - std::log(2.0)) < 1e-12);
        QCOMPARE(l[2].item<double>(), 0.0);
        // L = Σ w ℓ / Σ w: (0.25·1 + 0.75·3) / 1 = 2.5.
        const auto w = supcon::weighted(torch::tensor({1.0, 3.0}, torch::kFloat64),
                                        torch::tensor({0.25, 0.75}, torch::kFloat64));
        QVERIFY(std::abs(w.item<double>() - 2.5) < 1e-12);
    }

    void matchesTheLoopImplementation()
    {
        torch::manual_seed(1);
        auto z = unit(torch::randn({12, 5}, torch::kFloat64)).requires_grad_(true);
        const auto labels = torch::tensor({0, 1, 2, 0, 1, 2, 0, 1, 2, 2, 1, 0}, torch::kLong);
        const auto weights = torch::rand({12}, torch::kFloat64) + 0.1;
        const auto fast = supcon::perView(z, labels, 0.07);
        const auto slow = supcon::perViewReference(z, labels, 0.07);
        QVERIFY(torch::allclose(fast, slow, 1e-10, 1e-12));
        const auto gFast = torch::autograd::grad({supcon::weighted(fast, weights)}, {z})[0];
        const auto gSlow = torch::autograd::grad({supcon::weighted(slow, weights)}, {z})[0];
        QVERIFY(torch::allclose(gFast, gSlow, 1e-8, 1e-10));
        // Per sample: the mean of the sample's two views.
        const auto z1 = z.detach().narrow(0, 0, 6), z2 = z.detach().narrow(0, 6, 6);
        const auto y = labels.narrow(0, 0, 6);
        const auto views = supcon::perView(torch::cat({z1, z2}), torch::cat({y, y}), 0.07);
        const auto samples = supcon::perSample(z1, z2, y, 0.07);
        QVERIFY(torch::allclose(samples, 0.5 * (views.narrow(0, 0, 6) + views.narrow(0, 6, 6))));
    }

    void parameterSwapIsTemporaryAndShieldsRunningStats()
    {
        auto m = tinyModel();
        const auto x = torch::randn({8, 3}, torch::kFloat64);
        const auto before = m->project(m->represent(x)).detach();
        torch::Tensor mean;
        for (const auto &b : m->named_buffers())
            if (b.key() == "backbone.net.1.running_mean")
                mean = b.value().clone();
        QVERIFY(mean.defined());
        std::map<std::string, torch::Tensor> replaced;
        for (const auto &p : m->named_parameters())
            replaced[p.key()] = p.value() * 0.5;
        torch::Tensor swapped;
        {
            ParameterSwap swap(*m, replaced);
            QCOMPARE(swap.swapped(), int(replaced.size()));
            swapped = m->project(m->represent(x)).detach();
        }
        QVERIFY(!torch::allclose(swapped, before));
        for (const auto &b : m->named_buffers())
            if (b.key() == "backbone.net.1.running_mean")
                QVERIFY(torch::equal(b.value(), mean)); // the swapped forward left it alone
        // Restored: the model computes what it did before (running stats aside, train mode
        // normalises by the batch).
        const auto after = m->project(m->represent(x)).detach();
        QVERIFY(torch::allclose(after, before));
    }

    void centredWeightsIgnoreTheLevelAndTheFloorKeepsEverySample()
    {
        torch::manual_seed(3);
        MetaWeightNet centred(4, true), plain(4, false);
        torch::NoGradGuard noGrad;
        {
            const auto from = centred->named_parameters();
            for (auto &p : plain->named_parameters())
                if (from.contains(p.key()))
                    p.value().copy_(from[p.key()]);
                else // plain's output bias, which centred leaves out: a level far in the tail
                    p.value().fill_(-6.0);
        }
        const auto losses = torch::tensor({0.5, 1.0, 2.0, 4.0, 8.0});
        const auto sigmoidOut = plain->forward(losses);
        const auto out = centred->forward(losses);
        // Sigmoid: the level decides the scale (here every weight is in the tail, < 0.05);
        // centred: 2σ(f − mean f) — the same f without its level, weights around 1.
        QVERIFY(sigmoidOut.max().item<double>() < 0.05);
        const auto f = torch::logit(sigmoidOut.to(torch::kFloat64));
        QVERIFY(
            torch::allclose(out.to(torch::kFloat64), 2 * torch::sigmoid(f - f.mean()), 1e-5, 1e-6));
        QVERIFY(out.min().item<double>() > 0 && out.max().item<double>() < 2);
        // Relative weights, floored: (0.05, 1, 2, 0.95) has mean 1; 0.05 is raised to 0.2.
        const auto w = stepWeights(torch::tensor({0.05, 1.0, 2.0, 0.95}), 0.2);
        QVERIFY(torch::allclose(w, torch::tensor({0.2, 1.0, 2.0, 0.95})));
        // Floor 0: V's output as it is (the steps' Σwℓ/Σw of the runs stored before the floor).
        const auto raw = torch::tensor({0.01, 0.02});
        QVERIFY(torch::equal(stepWeights(raw, 0.0), raw));
    }

    void lookAheadGradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("centred");
        QTest::addColumn<double>("minWeight");
        QTest::newRow("full model") << "" << false << 0.0;
        QTest::newRow("head + last block") << "head." << false << 0.0;
        QTest::newRow("centred, floored") << "head." << true << 0.9;
    }

    void lookAheadGradientMatchesFiniteDifferences()
    {
        QFETCH(QString, prefix);
        QFETCH(bool, centred);
        QFETCH(double, minWeight);
        auto m = tinyModel();
        torch::manual_seed(8);
        MetaWeightNet v(3, centred);
        v->to(torch::kFloat64);
        const Batches b = tinyBatches();
        const double alpha = 0.5;
        auto fast = parametersOf(m, prefix.toStdString());
        if (!prefix.isEmpty())
            for (auto &p : parametersOf(m, "backbone.net.3."))
                fast.push_back(p);
        QVERIFY(!fast.empty());

        for (auto &p : v->parameters())
            p.mutable_grad() = torch::Tensor();
        const auto losses = lossesOf(m, b.x1, b.x2, b.y);
        const LookAheadResult r = metaWeightLookAhead(
            *m, fast, v, losses, [&] { return lossesOf(m, b.mx1, b.mx2, b.my).mean(); }, alpha,
            minWeight);
        QVERIFY(std::isfinite(r.metaLoss));
        QVERIFY(std::abs(r.metaLoss - metaLossAfterStep(m, v, fast, b, alpha, minWeight)) < 1e-10);

        // Central differences on every parameter of V.
        const double h = 1e-6;
        double worst = 0, scale = 0;
        for (auto &p : v->parameters()) {
            const auto analytic = p.grad().clone();
            auto flat = p.data().view({-1});
            for (int64_t k = 0; k < flat.numel(); ++k) {
                const double saved = flat[k].item<double>();
                flat[k] = saved + h;
                const double up = metaLossAfterStep(m, v, fast, b, alpha, minWeight);
                flat[k] = saved - h;
                const double down = metaLossAfterStep(m, v, fast, b, alpha, minWeight);
                flat[k] = saved;
                const double numeric = (up - down) / (2 * h);
                const double a = analytic.view({-1})[k].item<double>();
                worst = std::max(worst, std::abs(numeric - a));
                scale = std::max(scale, std::abs(a));
            }
        }
        qInfo("look-ahead gradient: max |numeric - analytic| = %g, max |analytic| = %g", worst,
              scale);
        QVERIFY2(scale > 1e-8, "the meta gradient vanished: the test would prove nothing");
        QVERIFY2(
            worst < 1e-6 * std::max(1.0, scale),
            qPrintable(
                QStringLiteral("max |numeric − analytic| = %1 (scale %2)").arg(worst).arg(scale)));
        // The train graph survives for the real step.
        torch::Tensor w;
        {
            torch::NoGradGuard g;
            w = v->forward(losses.detach());
        }
        supcon::weighted(losses, w).backward();
        for (const auto &p : m->parameters())
            QVERIFY(p.grad().defined());
    }
};

QTEST_GUILESS_MAIN(TestFairSslSupCon)
#include "tst_fairsslsupcon.moc"
