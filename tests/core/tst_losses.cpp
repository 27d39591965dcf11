// Each fast path of the contrastive losses against the straightforward formula (value and
// gradients), in double precision on small batches, plus hand-computed and crafted cases.
#define QT_NO_KEYWORDS // torch headers use the identifier "slots"
#include "engine/contrastiveloss_p.h"
#include "engine/weightednegatives_p.h"

#include <QtTest>

#include <cmath>

using namespace equiscope;

namespace {

struct Batch
{
    torch::Tensor u1, u2, z, groups;
};

Batch makeBatch(int64_t b, int64_t d, int64_t dz, uint64_t seed)
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
};

Result run(ContrastiveLoss &loss, LossPath path, const Batch &x)
{
    loss.setPath(path);
    loss.zero_grad();
    LossInputs in;
    in.u1 = x.u1.clone().requires_grad_(true);
    in.u2 = x.u2.clone().requires_grad_(true);
    in.z = x.z;
    in.groups = x.groups;
    LossOutput out = loss.forward(in);
    out.loss.backward();
    Result r;
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

double relErr(const torch::Tensor &a, const torch::Tensor &ref)
{
    return (a - ref).norm().item<double>() / std::max(ref.norm().item<double>(), 1e-12);
}

void compareFastToReference(ContrastiveLoss &loss, const Batch &x, bool attention)
{
    const Result f = run(loss, LossPath::Fast, x);
    const Result r = run(loss, LossPath::Reference, x);
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
        QVERIFY2(std::abs(f.entropy - r.entropy) < 1e-6 * std::max(1.0, std::abs(r.entropy)),
                 qPrintable(QStringLiteral("entropy %1 vs %2").arg(f.entropy).arg(r.entropy)));
        QCOMPARE(f.empty, r.empty);
    }
}

// Moves W_Q, W_K away from the identity so their gradients are tested in general position.
void perturbAttention(ContrastiveLoss &loss, uint64_t seed)
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    for (auto &p : loss.parameters())
        p.add_(0.4 * torch::randn_like(p));
}

} // namespace

class TestLosses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { lossdetail::setDenseBlockRowsOverride(0); }
    void cleanup() { lossdetail::setDenseBlockRowsOverride(0); }

    void fareMatchesReference_data()
    {
        QTest::addColumn<int>("b");
        QTest::addColumn<bool>("keepDiagonal");
        QTest::addColumn<bool>("cBatch");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<int>("blockRows");
        for (int b : {6, 37}) {
            for (bool keep : {false, true}) {
                for (bool cb : {false, true}) {
                    for (bool sym : {true, false}) {
                        QTest::addRow("b%d-%s-c%s-%s", b, keep ? "keep" : "mask", cb ? "b-1" : "1",
                                      sym ? "sym" : "asym")
                            << b << keep << cb << sym << (b == 6 ? 0 : 5);
                    }
                }
            }
        }
    }
    void fareMatchesReference()
    {
        QFETCH(int, b);
        QFETCH(bool, keepDiagonal);
        QFETCH(bool, cBatch);
        QFETCH(bool, symmetric);
        QFETCH(int, blockRows);
        lossdetail::setDenseBlockRowsOverride(blockRows);
        LossConfig c;
        c.method = LossMethod::Fare;
        c.diagonal = keepDiagonal ? LossConfig::Diagonal::Keep : LossConfig::Diagonal::Mask;
        c.negativeScale =
            cBatch ? LossConfig::NegativeScale::BatchMinusOne : LossConfig::NegativeScale::One;
        c.symmetric = symmetric;
        c.attentionScale = 0.7;
        auto loss = makeContrastiveLoss(c, 3);
        loss->to(torch::kDouble);
        perturbAttention(*loss, 7);
        compareFastToReference(*loss, makeBatch(b, 16, 3, 11), true);
    }

    void sparseFareMatchesReference_data()
    {
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("bucketSize");
        QTest::addColumn<bool>("intra");
        QTest::addColumn<int>("rounds");
        QTest::addColumn<bool>("cBatch");
        QTest::addColumn<bool>("symmetric");
        for (int b : {64, 50}) {
            for (bool intra : {false, true}) {
                for (int rounds : {1, 3}) {
                    for (bool sym : {true, false}) {
                        const bool cb = (rounds == 3) == sym;
                        QTest::addRow("b%d-%s-r%d-c%s-%s", b, intra ? "intra" : "adjacent", rounds,
                                      cb ? "b-1" : "1", sym ? "sym" : "asym")
                            << b << 8 << intra << rounds << cb << sym;
                    }
                }
            }
        }
    }
    void sparseFareMatchesReference()
    {
        QFETCH(int, b);
        QFETCH(int, bucketSize);
        QFETCH(bool, intra);
        QFETCH(int, rounds);
        QFETCH(bool, cBatch);
        QFETCH(bool, symmetric);
        LossConfig c;
        c.method = LossMethod::SparseFare;
        c.bucketSize = bucketSize;
        c.hashRounds = rounds;
        c.support = intra ? LossConfig::Support::Intra : LossConfig::Support::Adjacent;
        c.negativeScale =
            cBatch ? LossConfig::NegativeScale::BatchMinusOne : LossConfig::NegativeScale::One;
        c.symmetric = symmetric;
        c.hashSeed = 5;
        auto loss = makeContrastiveLoss(c, 3);
        loss->to(torch::kDouble);
        perturbAttention(*loss, 3);
        compareFastToReference(*loss, makeBatch(b, 16, 3, 21), true);
    }

    void sparseFareOneBucketEqualsFare_data()
    {
        QTest::addColumn<bool>("intra");
        QTest::newRow("adjacent") << false;
        QTest::newRow("intra") << true;
    }
    void sparseFareOneBucketEqualsFare()
    {
        QFETCH(bool, intra);
        const Batch x = makeBatch(40, 12, 3, 31);
        LossConfig sc;
        sc.method = LossMethod::SparseFare;
        sc.bucketSize = 128;
        sc.support = intra ? LossConfig::Support::Intra : LossConfig::Support::Adjacent;
        LossConfig fc;
        fc.method = LossMethod::Fare;
        auto sparse = makeContrastiveLoss(sc, 3);
        auto dense = makeContrastiveLoss(fc, 3);
        sparse->to(torch::kDouble);
        dense->to(torch::kDouble);
        const Result s = run(*sparse, LossPath::Fast, x);
        const Result f = run(*dense, LossPath::Reference, x);
        QVERIFY(std::abs(s.loss - f.loss) <= 1e-10 * std::abs(f.loss));
        QVERIFY(relErr(s.du1, f.du1) < 1e-10);
        QVERIFY(relErr(s.du2, f.du2) < 1e-10);
        QVERIFY(relErr(s.dwq, f.dwq) < 1e-10);
        QCOMPARE(s.empty, int64_t(0));
    }

    void emptySupportRowsAreCounted()
    {
        // dz = 1, 2 buckets: the hash is the sign of the centred z. One sample far on one side
        // and 15 on the other leave the lone one without a support in `intra`.
        const int64_t b = 16;
        Batch x = makeBatch(b, 8, 1, 41);
        x.z = torch::full({b, 1}, -1.0, torch::kDouble);
        x.z[3][0] = 10.0;
        LossConfig c;
        c.method = LossMethod::SparseFare;
        c.support = LossConfig::Support::Intra;
        c.bucketSize = 8;
        auto loss = makeContrastiveLoss(c, 1);
        loss->to(torch::kDouble);
        const Result f = run(*loss, LossPath::Fast, x);
        const Result r = run(*loss, LossPath::Reference, x);
        QCOMPARE(f.empty, int64_t(1));
        QCOMPARE(r.empty, int64_t(1));
        QVERIFY(std::abs(f.loss - r.loss) <= 1e-10 * std::abs(r.loss));
        QVERIFY(relErr(f.du1, r.du1) < 1e-10);
        // 15 identical z: uniform attention over the 14 others.
        QVERIFY(std::abs(f.entropy - std::log(14.0)) < 1e-9);
        const torch::Tensor P = loss->attentionMatrix(x.z);
        QCOMPARE(P[3].abs().sum().item<double>(), 0.0);
        QVERIFY(std::abs(P[0].sum().item<double>() - 1.0) < 1e-12);
        QCOMPARE(P[0][3].item<double>(), 0.0);
        QCOMPARE(P[0][0].item<double>(), 0.0);
    }

    void fareAttentionEntropy()
    {
        // z all equal: uniform attention over the b - 1 others (diagonal masked).
        const int64_t b = 20;
        Batch x = makeBatch(b, 8, 3, 51);
        x.z = torch::ones({b, 3}, torch::kDouble);
        LossConfig c;
        auto loss = makeContrastiveLoss(c, 3);
        loss->to(torch::kDouble);
        const Result f = run(*loss, LossPath::Fast, x);
        QVERIFY(std::abs(f.entropy - std::log(double(b - 1))) < 1e-9);
        const torch::Tensor P = loss->attentionMatrix(x.z);
        QVERIFY(torch::allclose(P.sum(1), torch::ones({b}, torch::kDouble)));
        QCOMPARE(P.diagonal().abs().sum().item<double>(), 0.0);
    }

    void infoNceTwoSamples()
    {
        // b = 2 in 2-D: x0 = (1,0), x1 = (0,1), y0 = (cos a, sin a), y1 = (cos b, sin b).
        const double a = 0.3, bb = 2.0, tau = 0.5;
        Batch x;
        x.u1 = torch::tensor({1.0, 0.0, 0.0, 1.0}, torch::kDouble).view({2, 2});
        x.u2 = torch::tensor({std::cos(a), std::sin(a), std::cos(bb), std::sin(bb)}, torch::kDouble)
                   .view({2, 2});
        x.z = torch::zeros({2, 1}, torch::kDouble);
        const double v[4][2] = {
            {1, 0}, {0, 1}, {std::cos(a), std::sin(a)}, {std::cos(bb), std::sin(bb)}};
        auto dot = [&](int i, int j) { return (v[i][0] * v[j][0] + v[i][1] * v[j][1]) / tau; };
        double expected = 0;
        for (int i = 0; i < 4; ++i) {
            double denom = 0;
            for (int j = 0; j < 4; ++j) {
                if (j != i)
                    denom += std::exp(dot(i, j));
            }
            expected += -dot(i, (i + 2) % 4) + std::log(denom);
        }
        expected /= 4;
        LossConfig c;
        c.method = LossMethod::InfoNce;
        c.temperature = tau;
        auto loss = makeContrastiveLoss(c, 1);
        const Result f = run(*loss, LossPath::Fast, x);
        const Result r = run(*loss, LossPath::Reference, x);
        QVERIFY(std::abs(f.loss - expected) < 1e-12);
        QVERIFY(std::abs(r.loss - expected) < 1e-12);
    }

    void infoNceMatchesReference()
    {
        lossdetail::setDenseBlockRowsOverride(7);
        LossConfig c;
        c.method = LossMethod::InfoNce;
        auto loss = makeContrastiveLoss(c, 3);
        compareFastToReference(*loss, makeBatch(37, 16, 3, 61), false);
    }

    void fairInfoNceMatchesReference_data()
    {
        QTest::addColumn<bool>("mask");
        QTest::addColumn<bool>("withGroups");
        QTest::newRow("batch") << false << true;
        QTest::newRow("mask-groups") << true << true;
        QTest::newRow("mask-kmeans") << true << false;
    }
    void fairInfoNceMatchesReference()
    {
        QFETCH(bool, mask);
        QFETCH(bool, withGroups);
        LossConfig c;
        c.method = LossMethod::FairInfoNce;
        c.fairMode = mask ? LossConfig::FairMode::Mask : LossConfig::FairMode::Batch;
        c.bins = 4;
        auto loss = makeContrastiveLoss(c, 3);
        Batch x = makeBatch(48, 16, 3, 71);
        if (!withGroups)
            x.groups = torch::Tensor();
        compareFastToReference(*loss, x, false);
        if (!mask) {
            LossConfig ic;
            ic.method = LossMethod::InfoNce;
            auto info = makeContrastiveLoss(ic, 3);
            QCOMPARE(run(*loss, LossPath::Fast, x).loss, run(*info, LossPath::Fast, x).loss);
        }
    }

    void cclkMatchesReference_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::newRow("cosine") << int(LossConfig::Kernel::Cosine);
        QTest::newRow("rbf") << int(LossConfig::Kernel::Rbf);
        QTest::newRow("laplacian") << int(LossConfig::Kernel::Laplacian);
        QTest::newRow("linear") << int(LossConfig::Kernel::Linear);
        QTest::newRow("polynomial") << int(LossConfig::Kernel::Polynomial);
    }
    void cclkMatchesReference()
    {
        QFETCH(int, kernel);
        lossdetail::setDenseBlockRowsOverride(6);
        LossConfig c;
        c.method = LossMethod::Cclk;
        c.kernel = LossConfig::Kernel(kernel);
        c.bandwidth = 1.5;
        auto loss = makeContrastiveLoss(c, 3);
        compareFastToReference(*loss, makeBatch(40, 16, 3, 81), false);
    }

    void floatFastPathIsClose()
    {
        // The trainer runs in float: the fast path there stays near the double reference.
        LossConfig c;
        auto loss = makeContrastiveLoss(c, 3);
        const Batch x = makeBatch(64, 16, 3, 91);
        loss->to(torch::kDouble);
        const Result r = run(*loss, LossPath::Reference, x);
        loss->to(torch::kFloat);
        Batch xf{x.u1.to(torch::kFloat), x.u2.to(torch::kFloat), x.z.to(torch::kFloat), x.groups};
        const Result f = run(*loss, LossPath::Fast, xf);
        QVERIFY(std::abs(f.loss - r.loss) < 1e-5 * std::abs(r.loss));
        QVERIFY(relErr(f.du1.to(torch::kDouble), r.du1) < 1e-4);
    }
};

QTEST_GUILESS_MAIN(TestLosses)
#include "tst_losses.moc"
