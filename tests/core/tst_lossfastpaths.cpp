// The fast paths as the trainer runs them: in float, through the vectorised kernels of every
// instruction set this CPU has (the portable loops included), against the double reference; the
// switch to the safe path where the fused path's bound could underflow; the kernels' exp.
#include "losstesting.h"

using namespace equiscope;
using namespace equiscope::losstesting;

class TestLossFastPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { resetSwitches(); }
    void cleanup() { resetSwitches(); }

    // Every loss in float, every variant of the kernels, against the double reference.
    void floatKernelsMatchReference_data()
    {
        QTest::addColumn<int>("isa");
        QTest::addColumn<QString>("loss");
        QTest::addColumn<int>("dz");
        const std::pair<kernels::Isa, const char *> isas[] = {{kernels::Isa::Generic, "generic"},
                                                              {kernels::Isa::Avx2, "avx2"},
                                                              {kernels::Isa::Avx512, "avx512"}};
        for (const auto &[isa, name] : isas) {
            for (const char *l : {"fare-mask-sym", "fare-keep-asym", "sparse-adjacent-r1",
                                  "sparse-intra-r3", "sparse-adjacent-r2-asym", "cclk-cosine",
                                  "cclk-rbf", "infonce", "fair-infonce-mask"}) {
                QTest::addRow("%s-%s", name, l) << int(isa) << QString::fromLatin1(l) << 3;
            }
            // Wide attention (generic loops) and low-rank weights of rank 6.
            QTest::addRow("%s-fare-dz6", name) << int(isa) << QStringLiteral("fare-mask-sym") << 6;
            QTest::addRow("%s-cclk-linear-dz6", name)
                << int(isa) << QStringLiteral("cclk-linear") << 6;
        }
    }
    void floatKernelsMatchReference()
    {
        QFETCH(int, isa);
        QFETCH(QString, loss);
        QFETCH(int, dz);
        if (!kernels::setIsa(kernels::Isa(isa)))
            QSKIP("this CPU lacks the instruction set");
        lossdetail::setDenseBlockRowsOverride(7);
        lossdetail::setFusedTileOverride(7, 21); // rows of 21: full vectors plus a remainder
        const Batch x = makeBatch(67, 24, dz, 93);
        auto l = namedLoss(loss, 0.1, dz);
        l->to(torch::kFloat);
        const bool attention = !l->parameters().empty();
        if (attention)
            perturbAttention(*l, 5);
        Result f;
        compareFastToReference(*l, toFloat(x), attention, &x, &f);
        QVERIFY(f.fused);
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
        const Result f = run(*loss, LossPath::Fast, toFloat(x));
        QVERIFY(f.fused);
        QVERIFY(std::abs(f.loss - r.loss) < 1e-5 * std::abs(r.loss));
        QVERIFY(relErr(f.du1.to(torch::kDouble), r.du1) < 1e-4);
    }

    // Inputs where the bound shift of the fused path could underflow take the safe path, and both
    // stay exact: a low temperature, rows far from unit norm (the loss CLI takes any .npy).
    void boundFallsBackToSafePath_data()
    {
        QTest::addColumn<QString>("loss");
        QTest::addColumn<bool>("inFloat");
        QTest::addColumn<double>("tau");
        QTest::addColumn<double>("scale");
        QTest::addColumn<bool>("fused");
        for (const char *l : {"fare-mask-sym", "sparse-adjacent-r1", "cclk-cosine", "infonce"}) {
            const QString n = QString::fromLatin1(l);
            // float: 2M (M = max|u1| max|u2| / tau) must stay <= 64, CCLK: 2M + 14 <= 64.
            QTest::addRow("%s-float-tau0.05", l) << n << true << 0.05 << 1.0 << true;
            QTest::addRow("%s-float-tau0.02", l) << n << true << 0.02 << 1.0 << false;
            QTest::addRow("%s-float-norm3", l) << n << true << 0.1 << 3.0 << false;
            QTest::addRow("%s-float-norm0.5", l) << n << true << 0.1 << 0.5 << true;
            // double has room for far larger exponents, but not for any. (CCLK's reference
            // exponentiates raw scores: it would overflow at norm 9.)
            QTest::addRow("%s-double-norm3", l) << n << false << 0.1 << 3.0 << true;
            if (!n.startsWith(QLatin1String("cclk")))
                QTest::addRow("%s-double-norm9", l) << n << false << 0.1 << 9.0 << false;
        }
    }
    void boundFallsBackToSafePath()
    {
        QFETCH(QString, loss);
        QFETCH(bool, inFloat);
        QFETCH(double, tau);
        QFETCH(double, scale);
        QFETCH(bool, fused);
        const Batch x = scaled(makeBatch(45, 16, 3, 97), scale);
        auto l = namedLoss(loss, tau);
        const bool attention = !l->parameters().empty();
        if (attention) {
            l->to(torch::kDouble);
            perturbAttention(*l, 9);
        }
        if (inFloat) {
            l->to(torch::kFloat);
            Result f;
            compareFastToReference(*l, toFloat(x), attention, &x, &f);
            QCOMPARE(f.fused, fused);
        } else {
            l->to(torch::kDouble);
            Result f;
            compareFastToReference(*l, x, attention, nullptr, &f);
            QCOMPARE(f.fused, fused);
        }
    }

    // The fused engines split their tiles over the intra-op threads, with per-thread column
    // accumulators: 1, 2 and 3 threads (more than the cores) give the same values and gradients.
    void threadCountsAgree_data()
    {
        QTest::addColumn<QString>("loss");
        QTest::addColumn<bool>("fused");
        for (bool fused : {true, false}) {
            for (const char *l : {"fare-mask-sym", "sparse-intra-r3", "cclk-cosine", "infonce"})
                QTest::addRow("%s-%s", fused ? "fused" : "safe", l)
                    << QString::fromLatin1(l) << fused;
        }
    }
    void threadCountsAgree()
    {
        QFETCH(QString, loss);
        QFETCH(bool, fused);
        lossdetail::setFusedEnabled(fused);
        lossdetail::setDenseBlockRowsOverride(5);
        const int before = at::get_num_threads();
        lossdetail::setFusedTileOverride(5, 8);
        const Batch x = makeBatch(53, 16, 3, 99);
        auto l = namedLoss(loss);
        l->to(torch::kDouble);
        const bool attention = !l->parameters().empty();
        if (attention)
            perturbAttention(*l, 21);
        std::vector<Result> results;
        for (int threads : {1, 2, 3}) {
            at::set_num_threads(threads);
            results.push_back(run(*l, LossPath::Fast, x));
            // The engines run their own torch calls on one thread: the count comes back.
            QCOMPARE(at::get_num_threads(), threads);
        }
        at::set_num_threads(before);
        for (const Result &r : results) {
            QCOMPARE(r.fused, fused);
            QVERIFY(std::abs(r.loss - results[0].loss) <= 1e-12 * std::abs(results[0].loss));
            QVERIFY(relErr(r.du1, results[0].du1) < 1e-12);
            QVERIFY(relErr(r.du2, results[0].du2) < 1e-12);
            if (attention)
                QVERIFY(relErr(r.dwq, results[0].dwq) < 1e-12);
        }
        compareFastToReference(*l, x, attention);
    }

    void kernelExponentialIsAccurate_data()
    {
        QTest::addColumn<int>("isa");
        QTest::newRow("generic") << int(kernels::Isa::Generic);
        QTest::newRow("avx2") << int(kernels::Isa::Avx2);
        QTest::newRow("avx512") << int(kernels::Isa::Avx512);
    }
    void kernelExponentialIsAccurate()
    {
        QFETCH(int, isa);
        if (!kernels::setIsa(kernels::Isa(isa)))
            QSKIP("this CPU lacks the instruction set");
        const auto &K = kernels::floatTable();
        std::vector<float> x, e;
        for (int i = 0; i <= 20000; ++i)
            x.push_back(-87.0f + 97.0f * float(i) / 20000.0f);
        for (float v : {-1e30f, -1e4f, -88.0f, -87.5f, 0.0f, 1e-8f, -1e-8f})
            x.push_back(v);
        e.resize(x.size());
        K.exp(e.data(), x.data(), int64_t(x.size()));
        double worst = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            if (x[i] < -87.0f) {
                QCOMPARE(e[i], 0.0f); // masked entries and negligible terms are exactly 0
                continue;
            }
            const double ref = std::exp(double(x[i]));
            worst = std::max(worst, std::abs(double(e[i]) - ref) / ref);
        }
        QVERIFY2(worst < 2e-7, qPrintable(QStringLiteral("worst relative error %1").arg(worst)));
    }
};

QTEST_GUILESS_MAIN(TestLossFastPaths)
#include "tst_lossfastpaths.moc"
