// The clustering loss (BCE + 1 − soft FM + λ·purity): hand-computed values and gradients, and
// the fused analytic backward against autograd of the straightforward formula.
#include "clustering/clusteringloss_p.h"

#include <QtTest>

#include <cmath>

using namespace equiscope;

namespace {

ClusteringLossOptions options(bool purity, PurityForm form, double lambda = 0.5, double eps = 0)
{
    ClusteringLossOptions o;
    o.purity = purity;
    o.form = form;
    o.lambda = lambda;
    o.eps = eps;
    return o;
}

bool close(double a, double b, double tol = 1e-9)
{
    return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
}

} // namespace

class TestClusteringLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handValuesAndGradients()
    {
        // One anchor, two tokens: logits (0, ln 3) → p = (1/2, 3/4); targets (1, 0).
        //  BCE = (softplus(0) + softplus(ln 3)) / 2 = (ln 2 + ln 4) / 2 = 1.5 ln 2
        //  TP = 1/2, PP = 5/4, AP = 1: 1 − FM = 1 − (1/2)/sqrt(5/4) = 1 − 1/sqrt(5)
        //  P = TP/PP = 2/5: upper bound (1 − P)² = 9/25; total = BCE + (1 − FM) + 0.5 · 9/25
        //  dBCE/dx = (p − t)/2 = (−1/4, 3/8)
        //  dFM/dp_j = −(t_j/R − TP·AP/(2R³)), R = sqrt(5/4); times p(1−p) = (1/4, 3/16)
        //  dP/dp_j = (t_j − P)/PP = (12/25, −8/25); d(1−P)²/dP = −6/5; times p(1−p)
        //  → d total/dx = (−0.5008854381999831, 0.4445410196624968) (plain python3 math)
        const auto x = torch::tensor({{0.0, std::log(3.0)}}, torch::kDouble).requires_grad_(true);
        const auto t = torch::tensor({{1.0, 0.0}}, torch::kDouble);
        const auto terms = clusteringLoss(x, t, options(true, PurityForm::UpperBound));
        QVERIFY(close(terms.values[1].item<double>(), 1.5 * std::log(2.0)));
        QVERIFY(close(terms.values[2].item<double>(), 1.0 - 1.0 / std::sqrt(5.0)));
        QVERIFY(close(terms.values[3].item<double>(), 9.0 / 25.0));
        QVERIFY(close(terms.total().item<double>(), 1.7725071753399602));
        terms.total().backward();
        QVERIFY(close(x.grad()[0][0].item<double>(), -0.5008854381999831));
        QVERIFY(close(x.grad()[0][1].item<double>(), 0.4445410196624968));

        // Without the purity term in the total the penalty is still reported.
        const auto y = x.detach().clone().requires_grad_(true);
        const auto plain = clusteringLoss(y, t, options(false, PurityForm::UpperBound));
        QVERIFY(close(plain.values[3].item<double>(), 9.0 / 25.0));
        QVERIFY(close(plain.total().item<double>(), 1.5 * std::log(2.0) + 1 - 1 / std::sqrt(5.0)));
    }

    void varianceForm()
    {
        // Anchor 1 as above (P = 2/5); anchor 2: logits (0, 0), targets (1, 1) → P = 1.
        // mean P = 7/10; variance = ((3/10)² + (3/10)²) / 2 = 9/100.
        // dL/dP_a = 2(P_a − mean P)/A; anchor 2's P does not move (t = 1 everywhere:
        // dP/dp_j = (1 − 1)/PP = 0), anchor 1's gradient is
        // (2 · (−3/10) / 2) · (t_j − P)/PP · p(1−p) = −0.3 · (12/25 · 1/4, −8/25 · 3/16).
        const auto x =
            torch::tensor({{0.0, std::log(3.0)}, {0.0, 0.0}}, torch::kDouble).requires_grad_(true);
        const auto t = torch::tensor({{1.0, 0.0}, {1.0, 1.0}}, torch::kDouble);
        const auto terms = clusteringLoss(x, t, options(true, PurityForm::Variance, 1.0));
        QVERIFY(close(terms.values[3].item<double>(), 0.09));
        terms.values[3].backward();
        QVERIFY(close(x.grad()[0][0].item<double>(), -0.3 * 12.0 / 25.0 * 0.25));
        QVERIFY(close(x.grad()[0][1].item<double>(), -0.3 * -8.0 / 25.0 * 0.1875));
        QVERIFY(close(x.grad()[1][0].item<double>(), 0.0));
        QVERIFY(close(x.grad()[1][1].item<double>(), 0.0));
    }

    void fusedMatchesAutograd_data()
    {
        QTest::addColumn<bool>("purity");
        QTest::addColumn<int>("form");
        QTest::addColumn<double>("lambda");
        QTest::newRow("upper bound") << true << 0 << 0.5;
        QTest::newRow("variance") << true << 1 << 2.0;
        QTest::newRow("no purity") << false << 0 << 0.5;
    }

    void fusedMatchesAutograd()
    {
        QFETCH(bool, purity);
        QFETCH(int, form);
        QFETCH(double, lambda);
        torch::manual_seed(3);
        const auto base = torch::randn({7, 12}, torch::kDouble) * 2;
        const auto t = (torch::rand({7, 12}, torch::kDouble) < 0.4).to(torch::kDouble);
        const auto o = options(purity, form == 0 ? PurityForm::UpperBound : PurityForm::Variance,
                               lambda, 1e-6);
        // A random weighting of the four outputs checks every output's gradient at once.
        const auto w = torch::tensor({1.0, 0.3, -0.7, 0.2}, torch::kDouble);
        const auto a = base.clone().requires_grad_(true);
        const auto fused = clusteringLoss(a, t, o);
        (fused.values * w).sum().backward();
        const auto b = base.clone().requires_grad_(true);
        const auto reference = clusteringLossReference(b, t, o);
        (reference.values * w).sum().backward();
        QVERIFY(torch::allclose(fused.values, reference.values, 1e-10, 1e-12));
        QVERIFY(torch::allclose(a.grad(), b.grad(), 1e-8, 1e-12));

        // Finite differences of the fused total.
        const double h = 1e-6;
        for (int i : {0, 17, 50, 83}) {
            auto plus = base.clone(), minus = base.clone();
            plus.view({-1})[i] += h;
            minus.view({-1})[i] -= h;
            const double numeric = (clusteringLoss(plus, t, o).total().item<double>() -
                                    clusteringLoss(minus, t, o).total().item<double>()) /
                                   (2 * h);
            const auto c = base.clone().requires_grad_(true);
            clusteringLoss(c, t, o).total().backward();
            QVERIFY2(close(c.grad().view({-1})[i].item<double>(), numeric, 1e-6),
                     qPrintable(QStringLiteral("%1 vs %2")
                                    .arg(c.grad().view({-1})[i].item<double>())
                                    .arg(numeric)));
        }
    }

    void floatInputs()
    {
        const auto x = torch::randn({4, 8}).requires_grad_(true);
        const auto t = (torch::rand({4, 8}) < 0.5).to(torch::kFloat32);
        const auto terms = clusteringLoss(x, t, options(true, PurityForm::UpperBound, 0.5, 1e-6));
        QCOMPARE(terms.values.scalar_type(), torch::kFloat32);
        terms.total().backward();
        QVERIFY(torch::isfinite(x.grad()).all().item<bool>());
    }
};

QTEST_GUILESS_MAIN(TestClusteringLoss)
#include "tst_clusteringloss.moc"
