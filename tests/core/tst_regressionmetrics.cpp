#include "eval/regressionmetrics.h"

#include <QtTest>

#include <cmath>

using namespace equiscope;

class TestRegressionMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metrics_data()
    {
        QTest::addColumn<std::vector<float>>("predictions");
        QTest::addColumn<std::vector<float>>("targets");
        QTest::addColumn<int>("dims");
        QTest::addColumn<double>("mse");
        QTest::addColumn<double>("r2");
        // dim 0: targets 1 2 3 4, preds 1 2 3 5 → SS_res 1, MSE .25; mean 2.5, SS_tot 5, R² .8
        // dim 1: targets 0 0 0 0 (constant), preds exact → MSE 0, R² 1 (sklearn convention)
        QTest::newRow("constant dim predicted exactly")
            << std::vector<float>{1, 0, 2, 0, 3, 0, 5, 0}
            << std::vector<float>{1, 0, 2, 0, 3, 0, 4, 0} << 2 << 0.125 << 0.9;
        // dim 1 preds 1 0 0 0 → MSE .25, R² 0 (constant target, non-zero residual)
        QTest::newRow("constant dim missed")
            << std::vector<float>{1, 1, 2, 0, 3, 0, 5, 0}
            << std::vector<float>{1, 0, 2, 0, 3, 0, 4, 0} << 2 << 0.25 << 0.4;
        // Predicting the mean 2.5: MSE = SS_tot/4 = 1.25, R² 0.
        QTest::newRow("mean predictor") << std::vector<float>{2.5f, 2.5f, 2.5f, 2.5f}
                                        << std::vector<float>{1, 2, 3, 4} << 1 << 1.25 << 0.0;
        // Worse than the mean: preds 4 3 2 1 → SS_res 9+1+1+9 = 20, MSE 5, R² 1 − 20/5 = −3.
        QTest::newRow("negative r2")
            << std::vector<float>{4, 3, 2, 1} << std::vector<float>{1, 2, 3, 4} << 1 << 5.0 << -3.0;
    }

    void metrics()
    {
        QFETCH(std::vector<float>, predictions);
        QFETCH(std::vector<float>, targets);
        QFETCH(int, dims);
        QFETCH(double, mse);
        QFETCH(double, r2);
        auto m = regressionMetrics(predictions, targets, dims);
        QVERIFY2(m.ok(), qPrintable(m.error().toString()));
        QCOMPARE(m->samples, qint64(targets.size()) / dims);
        QVERIFY(std::abs(m->mse - mse) < 1e-12);
        QVERIFY(std::abs(m->r2 - r2) < 1e-12);
        const QJsonObject j = m->toJson();
        QCOMPARE(j.value(QStringLiteral("bias_mse")).toDouble(), m->mse);
        QCOMPARE(j.value(QStringLiteral("r2_per_dim")).toArray().size(), dims);
    }

    void errors()
    {
        QVERIFY(!regressionMetrics({1, 2}, {1, 2, 3}, 1).ok());
        QVERIFY(!regressionMetrics({1, 2, 3}, {1, 2, 3}, 2).ok());
        QVERIFY(!regressionMetrics({1}, {1}, 0).ok());
        auto empty = regressionMetrics({}, {}, 3);
        QVERIFY(empty.ok());
        QVERIFY(std::isnan(empty->mse));
    }
};

QTEST_GUILESS_MAIN(TestRegressionMetrics)
#include "tst_regressionmetrics.moc"
