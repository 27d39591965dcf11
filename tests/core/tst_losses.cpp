// Each fast path of the contrastive losses against the straightforward formula (value and
// gradients), in double precision on small batches, plus hand-computed and crafted cases. Rows
// "fused" take the bound-shifted fused engines, rows "safe" the max-shifted fallback.
#include "losstesting.h"

using namespace equiscope;
using namespace equiscope::losstesting;

class TestLosses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { resetSwitches(); }
    void cleanup() { resetSwitches(); }

    void fareMatchesReference_data()
    {
        QTest::addColumn<int>("b");
        QTest::addColumn<bool>("keepDiagonal");
        QTest::addColumn<bool>("cBatch");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<int>("blockRows");
        QTest::addColumn<bool>("fused");
        for (bool fused : {true, false}) {
            for (int b : {6, 37}) {
                for (bool keep : {false, true}) {
                    for (bool cb : {false, true}) {
                        for (bool sym : {true, false}) {
                            QTest::addRow("%s-b%d-%s-c%s-%s", fused ? "fused" : "safe", b,
                                          keep ? "keep" : "mask", cb ? "b-1" : "1",
                                          sym ? "sym" : "asym")
                                << b << keep << cb << sym << (b == 6 ? 0 : 5) << fused;
                        }
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
        QFETCH(bool, fused);
        // Ragged tiles: rows not a multiple of the tile rows, columns not of the tile columns.
        lossdetail::setDenseBlockRowsOverride(blockRows);
        lossdetail::setFusedTileOverride(blockRows, blockRows + 2);
        lossdetail::setFusedEnabled(fused);
        auto loss = makeContrastiveLoss(fareConfig(keepDiagonal, cBatch, symmetric), 3);
        loss->to(torch::kDouble);
        perturbAttention(*loss, 7);
        Result f;
        compareFastToReference(*loss, makeBatch(b, 16, 3, 11), true, nullptr, &f);
        QCOMPARE(f.fused, fused);
    }

    void sparseFareMatchesReference_data()
    {
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("bucketSize");
        QTest::addColumn<bool>("intra");
        QTest::addColumn<int>("rounds");
        QTest::addColumn<bool>("cBatch");
        QTest::addColumn<bool>("symmetric");
        QTest::addColumn<bool>("fused");
        for (bool fused : {true, false}) {
            for (int b : {64, 50}) {
                for (bool intra : {false, true}) {
                    for (int rounds : {1, 3}) {
                        for (bool sym : {true, false}) {
                            const bool cb = (rounds == 3) == sym;
                            QTest::addRow("%s-b%d-%s-r%d-c%s-%s", fused ? "fused" : "safe", b,
                                          intra ? "intra" : "adjacent", rounds, cb ? "b-1" : "1",
                                          sym ? "sym" : "asym")
                                << b << 8 << intra << rounds << cb << sym << fused;
                        }
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
        QFETCH(bool, fused);
        lossdetail::setFusedEnabled(fused);
        auto loss =
            makeContrastiveLoss(sparseConfig(bucketSize, intra, rounds, cBatch, symmetric), 3);
        loss->to(torch::kDouble);
        perturbAttention(*loss, 3);
        Result f;
        compareFastToReference(*loss, makeBatch(b, 16, 3, 21), true, nullptr, &f);
        QCOMPARE(f.fused, fused);
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

    void emptySupportRowsAreCounted_data()
    {
        QTest::addColumn<bool>("fused");
        QTest::newRow("fused") << true;
        QTest::newRow("safe") << false;
    }
    void emptySupportRowsAreCounted()
    {
        QFETCH(bool, fused);
        lossdetail::setFusedEnabled(fused);
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
        QCOMPARE(f.fused, fused);
        QCOMPARE(f.empty, int64_t(1));
        QCOMPARE(r.empty, int64_t(1));
        QVERIFY(std::abs(f.loss - r.loss) <= 1e-10 * std::abs(r.loss));
        QVERIFY(relErr(f.du1, r.du1) < 1e-10);
        QVERIFY(relErr(f.du2, r.du2) < 1e-10);
        // 15 identical z: uniform attention over the 14 others.
        QVERIFY(std::abs(f.entropy - std::log(14.0)) < 1e-9);
        const torch::Tensor P = loss->attentionMatrix(x.z);
        QCOMPARE(P[3].abs().sum().item<double>(), 0.0);
        QVERIFY(std::abs(P[0].sum().item<double>() - 1.0) < 1e-12);
        QCOMPARE(P[0][3].item<double>(), 0.0);
        QCOMPARE(P[0][0].item<double>(), 0.0);
    }

    // Every attention width: 1-4 have their own compiled loops, wider ones (one-hot groups) the
    // generic ones; CCLK's low-rank weights likewise by their rank.
    void attentionWidthsMatchReference_data()
    {
        QTest::addColumn<QString>("loss");
        QTest::addColumn<int>("dz");
        for (int dz : {1, 2, 4, 5, 7}) {
            QTest::addRow("fare-dz%d", dz) << QStringLiteral("fare-mask-sym") << dz;
            QTest::addRow("fare-keep-dz%d", dz) << QStringLiteral("fare-keep-asym") << dz;
            QTest::addRow("sparse-dz%d", dz) << QStringLiteral("sparse-adjacent-r1") << dz;
            QTest::addRow("cclk-linear-dz%d", dz) << QStringLiteral("cclk-linear") << dz;
        }
    }
    void attentionWidthsMatchReference()
    {
        QFETCH(QString, loss);
        QFETCH(int, dz);
        lossdetail::setFusedTileOverride(6, 10);
        auto l = namedLoss(loss, 0.1, dz);
        l->to(torch::kDouble);
        const bool attention = !l->parameters().empty();
        if (attention)
            perturbAttention(*l, 13);
        Result f;
        compareFastToReference(*l, makeBatch(41, 12, dz, 17), attention, nullptr, &f);
        QVERIFY(f.fused);
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
        QVERIFY(f.fused);
        QVERIFY(std::abs(f.entropy - std::log(double(b - 1))) < 1e-9);
        const torch::Tensor P = loss->attentionMatrix(x.z);
        QVERIFY(torch::allclose(P.sum(1), torch::ones({b}, torch::kDouble)));
        QCOMPARE(P.diagonal().abs().sum().item<double>(), 0.0);
    }

    void infoNceTwoSamples_data()
    {
        QTest::addColumn<bool>("fused");
        QTest::newRow("fused") << true;
        QTest::newRow("safe") << false;
    }
    void infoNceTwoSamples()
    {
        QFETCH(bool, fused);
        lossdetail::setFusedEnabled(fused);
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
        QCOMPARE(f.fused, fused);
        QVERIFY(std::abs(f.loss - expected) < 1e-12);
        QVERIFY(std::abs(r.loss - expected) < 1e-12);
    }

    void infoNceMatchesReference_data()
    {
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("block");
        QTest::addColumn<bool>("fused");
        for (bool fused : {true, false}) {
            const char *p = fused ? "fused" : "safe";
            QTest::addRow("%s-b37-block7", p) << 37 << 7 << fused;
            QTest::addRow("%s-b37-auto", p) << 37 << 0 << fused;
            QTest::addRow("%s-b3-block1", p) << 3 << 1 << fused;
            QTest::addRow("%s-b1", p) << 1 << 0 << fused;
        }
    }
    void infoNceMatchesReference()
    {
        QFETCH(int, b);
        QFETCH(int, block);
        QFETCH(bool, fused);
        lossdetail::setDenseBlockRowsOverride(block);
        lossdetail::setFusedTileOverride(block, block);
        lossdetail::setFusedEnabled(fused);
        LossConfig c;
        c.method = LossMethod::InfoNce;
        auto loss = makeContrastiveLoss(c, 3);
        Result f;
        compareFastToReference(*loss, makeBatch(b, 16, 3, 61), false, nullptr, &f);
        QCOMPARE(f.fused, fused);
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
        QTest::addColumn<bool>("fused");
        for (bool fused : {true, false}) {
            const char *p = fused ? "fused" : "safe";
            QTest::addRow("%s-cosine", p) << int(LossConfig::Kernel::Cosine) << fused;
            QTest::addRow("%s-rbf", p) << int(LossConfig::Kernel::Rbf) << fused;
            QTest::addRow("%s-laplacian", p) << int(LossConfig::Kernel::Laplacian) << fused;
            QTest::addRow("%s-linear", p) << int(LossConfig::Kernel::Linear) << fused;
            QTest::addRow("%s-polynomial", p) << int(LossConfig::Kernel::Polynomial) << fused;
        }
    }
    void cclkMatchesReference()
    {
        QFETCH(int, kernel);
        QFETCH(bool, fused);
        lossdetail::setDenseBlockRowsOverride(6);
        lossdetail::setFusedTileOverride(6, 9);
        lossdetail::setFusedEnabled(fused);
        LossConfig c;
        c.method = LossMethod::Cclk;
        c.kernel = LossConfig::Kernel(kernel);
        c.bandwidth = 1.5;
        auto loss = makeContrastiveLoss(c, 3);
        Result f;
        compareFastToReference(*loss, makeBatch(40, 16, 3, 81), false, nullptr, &f);
        QCOMPARE(f.fused, fused);
    }
};

QTEST_GUILESS_MAIN(TestLosses)
#include "tst_losses.moc"
