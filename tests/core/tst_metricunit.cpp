// One display convention for metric values (core/eval/metricunit.h): rates in percent, their
// differences in percentage points, the mean gap (already × 100 by definition) not scaled again.
#include "eval/metricunit.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace equiscope;

class TestMetricUnit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unitsOfKnownNames();
    void formatsInTheDisplayUnit();
};

void TestMetricUnit::unitsOfKnownNames()
{
    QCOMPARE(metricUnit(QStringLiteral("accuracy")), MetricUnit::Percent);
    QCOMPARE(metricUnit(QStringLiteral("true_positive_rate")), MetricUnit::Percent);
    QCOMPARE(metricUnit(QStringLiteral("accuracy_std")), MetricUnit::PercentagePoints);
    QCOMPARE(metricUnit(QStringLiteral("equalized_odds_difference")), MetricUnit::PercentagePoints);
    QCOMPARE(metricUnit(QStringLiteral("equalized_odds_mean_gap")), MetricUnit::StoredAsPoints);
    QCOMPARE(metricUnit(QStringLiteral("demographic_parity_ratio")), MetricUnit::Ratio);
    QCOMPARE(metricUnit(QStringLiteral("skewed_error_ratio")), MetricUnit::Ratio);
    // A spread of a rate is in points; its worst group is the rate itself.
    QCOMPARE(metricUnit(QStringLiteral("selection_rate_std")), MetricUnit::PercentagePoints);
    QCOMPARE(metricUnit(QStringLiteral("accuracy_min")), MetricUnit::Percent);
    // Scores that are not rates, and unknown names, stay plain.
    QCOMPARE(metricUnit(QStringLiteral("bias_mse")), MetricUnit::Plain);
    QCOMPARE(metricUnit(QStringLiteral("bias_r2")), MetricUnit::Plain);
    QCOMPARE(metricUnit(QStringLiteral("f_score_group_std")), MetricUnit::Plain);
    QCOMPARE(metricUnit(QStringLiteral("no_such_metric")), MetricUnit::Plain);
    QCOMPARE(metricDisplayScale(QStringLiteral("accuracy")), 100.0);
    QCOMPARE(metricDisplayScale(QStringLiteral("equalized_odds_mean_gap")), 1.0);
}

void TestMetricUnit::formatsInTheDisplayUnit()
{
    QCOMPARE(formatMetricValue(QStringLiteral("accuracy"), 0.8875), QStringLiteral("88.75 %"));
    QCOMPARE(formatMetricValue(QStringLiteral("equalized_odds_difference"), 0.0502),
             QStringLiteral("5.02 pp"));
    // The FARE paper's EO is stored × 100: the same 5.02 points, not 502.
    QCOMPARE(formatMetricValue(QStringLiteral("equalized_odds_mean_gap"), 5.02),
             QStringLiteral("5.02 pp"));
    QCOMPARE(formatMetricValue(QStringLiteral("accuracy_max_min_ratio"), 1.25),
             QStringLiteral("1.250 ×"));
    QCOMPARE(formatMetricValue(QStringLiteral("bias_mse"), 0.01234), QStringLiteral("0.0123"));
    QCOMPARE(
        formatMetricValue(QStringLiteral("accuracy"), std::numeric_limits<double>::quiet_NaN()),
        QStringLiteral("—"));
    QCOMPARE(formatMetricInterval(QStringLiteral("accuracy"), 0.869, 0.904),
             QStringLiteral("[86.90, 90.40] %"));
    QCOMPARE(formatMetricInterval(QStringLiteral("bias_r2"), 0.5, 0.75),
             QStringLiteral("[0.5000, 0.7500]"));
    // The bare number and the symbol, for texts that place the unit once (the report's
    // "95% CI a–b %").
    QCOMPARE(formatMetricNumber(QStringLiteral("accuracy_std"), 0.0123), QStringLiteral("1.23"));
    QCOMPARE(formatMetricNumber(QStringLiteral("bias_mse"), 0.5), QStringLiteral("0.5000"));
    QCOMPARE(metricUnitSymbol(metricUnit(QStringLiteral("accuracy_std"))), QStringLiteral("pp"));
    QCOMPARE(metricUnitSymbol(MetricUnit::Plain), QString());
}

QTEST_GUILESS_MAIN(TestMetricUnit)
#include "tst_metricunit.moc"
