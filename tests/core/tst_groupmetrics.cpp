#include "eval/groupmetrics.h"

#include <QtTest>

#include <cmath>

using namespace equiscope;

namespace {

/// Hand-built cases; the expected numbers in groupMetrics_data() are computed from these by hand.
FairnessInput caseInput(const QString &name, FairnessOptions &options)
{
    FairnessInput in;
    options.minGroupSize = 1;
    if (name == QLatin1String("binary")) {
        // A: y 1 1 1 0 0 / ŷ 1 1 0 1 0   B: y 1 1 0 0 0 / ŷ 1 0 0 0 0
        in.labels = {1, 1, 1, 0, 0, 1, 1, 0, 0, 0};
        in.predictions = {1, 1, 0, 1, 0, 1, 0, 0, 0, 0};
        in.groupOf = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        in.groupLabels = {QStringLiteral("A"), QStringLiteral("B")};
    } else if (name == QLatin1String("noPositives")) {
        // A: y 1 1 0 0 / ŷ 1 0 0 1   B: y 0 0 0 0 / ŷ 0 0 1 1   C (1 sample, too small): y 1 ŷ 0
        in.labels = {1, 1, 0, 0, 0, 0, 0, 0, 1};
        in.predictions = {1, 0, 0, 1, 0, 0, 1, 1, 0};
        in.groupOf = {0, 0, 0, 0, 1, 1, 1, 1, 2};
        in.groupLabels = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
        options.minGroupSize = 2;
    } else if (name == QLatin1String("multiclass")) {
        // A: y 0 1 2 2 / ŷ 0 1 2 0   B: y 0 0 1 2 / ŷ 0 1 1 2
        in.labels = {0, 1, 2, 2, 0, 0, 1, 2};
        in.predictions = {0, 1, 2, 0, 0, 1, 1, 2};
        in.groupOf = {0, 0, 0, 0, 1, 1, 1, 1};
        in.groupLabels = {QStringLiteral("A"), QStringLiteral("B")};
    } else if (name == QLatin1String("multiclassDeclaredFive")) {
        // The multiclass case with two more declared classes that occur nowhere (a dataset with
        // 5 labels evaluated on a subset): absent classes must not dilute the averages.
        in = caseInput(QStringLiteral("multiclass"), options);
        options.numClasses = 5;
    } else if (name == QLatin1String("allTooSmall")) {
        in.labels = {1, 0, 1, 0};
        in.predictions = {1, 0, 0, 0};
        in.groupOf = {0, 0, 1, 1};
        in.groupLabels = {QStringLiteral("A"), QStringLiteral("B")};
        options.minGroupSize = 3;
    } else if (name == QLatin1String("zeroError")) {
        // Both groups perfect except B has one error: A acc 1, B acc 3/4.
        in.labels = {1, 0, 1, 0, 1, 0, 1, 0};
        in.predictions = {1, 0, 1, 0, 1, 0, 1, 1};
        in.groupOf = {0, 0, 0, 0, 1, 1, 1, 1};
        in.groupLabels = {QStringLiteral("A"), QStringLiteral("B")};
    }
    return in;
}

double overallValue(const GroupMetrics &m, const QString &name)
{
    for (const auto &kv : m.overallValues())
        if (kv.first == name)
            return kv.second;
    return -12345;
}

} // namespace

class TestGroupMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupMetrics_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<double>("expected");
        const double nan = std::nan("");
        auto row = [](const char *input, const char *metric, double expected) {
            QTest::addRow("%s %s", input, metric)
                << QString::fromLatin1(input) << QString::fromLatin1(metric) << expected;
        };
        // binary: A TP2 FN1 FP1 TN1 → acc .6, sel 3/5, TPR 2/3, FPR 1/2
        //         B TP1 FN1 FP0 TN3 → acc .8, sel 1/5, TPR 1/2, FPR 0
        row("binary", "accuracy", 0.7); // 7/10
        row("binary", "worst_group_accuracy", 0.6);
        row("binary", "worst_judged_group_accuracy", 0.6);
        row("binary", "accuracy_std", 0.1);                     // |.8−.6|/2
        row("binary", "accuracy_max_min_ratio", 0.8 / 0.6);     // 4/3
        row("binary", "skewed_error_ratio", 2.0);               // .4/.2
        row("binary", "demographic_parity_difference", 0.4);    // .6−.2
        row("binary", "demographic_parity_ratio", 1.0 / 3.0);   // .2/.6
        row("binary", "equal_opportunity_difference", 1.0 / 6); // 2/3−1/2
        row("binary", "equalized_odds_difference", 0.5);        // max(1/6, .5−0)
        row("binary", "equalized_odds_ratio", 0.0);             // min(.5/(2/3), 0/.5)
        row("binary", "equalized_odds_mean_gap", 100.0 / 3);    // 50·(1/6 + 1/2)
        // noPositives: A acc .5 TPR .5 FPR .5 sel .5; B acc .5 TPR NaN FPR .5 sel .5; C excluded.
        row("noPositives", "accuracy", 4.0 / 9); // C counts in overall accuracy
        // C (1 sample, wrong) is the worst group; among the judged ones A and B tie at .5.
        row("noPositives", "worst_group_accuracy", 0.0);
        row("noPositives", "worst_judged_group_accuracy", 0.5);
        row("noPositives", "accuracy_std", 0.0);
        row("noPositives", "skewed_error_ratio", 1.0);
        row("noPositives", "demographic_parity_difference", 0.0);
        row("noPositives", "demographic_parity_ratio", 1.0);
        row("noPositives", "equal_opportunity_difference", nan); // one defined TPR only
        row("noPositives", "equalized_odds_difference", 0.0);    // FPR gap alone
        row("noPositives", "equalized_odds_ratio", 1.0);         // FPR ratio alone
        row("noPositives", "equalized_odds_mean_gap", nan);      // needs both terms
        // multiclass (one-vs-rest, hand tables per class):
        //  class 0: sel A .5 B .25; TPR A 1 B .5; FPR A 1/3 B 0
        //  class 1: sel A .25 B .5; TPR A 1 B 1;  FPR A 0 B 1/3
        //  class 2: sel A .25 B .25; TPR A .5 B 1; FPR A 0 B 0 (0/0 ratio = 1)
        row("multiclass", "accuracy", 0.75);
        row("multiclass", "accuracy_std", 0.0);
        row("multiclass", "accuracy_max_min_ratio", 1.0);
        row("multiclass", "skewed_error_ratio", 1.0);
        row("multiclass", "demographic_parity_difference", 1.0 / 6); // (.25+.25+0)/3
        row("multiclass", "demographic_parity_ratio", 2.0 / 3);      // (.5+.5+1)/3
        row("multiclass", "equalized_odds_difference", 4.0 / 9);     // (.5+1/3+.5)/3
        row("multiclass", "equalized_odds_ratio", 1.0 / 6);          // (0+0+.5)/3
        row("multiclass", "equal_opportunity_difference", 1.0 / 3);  // (.5+0+.5)/3
        // 50·(.5+1/3)=125/3, 50·(0+1/3)=50/3, 50·(.5+0)=25 → mean 250/9
        row("multiclass", "equalized_odds_mean_gap", 250.0 / 9);
        row("multiclassDeclaredFive", "demographic_parity_difference", 1.0 / 6);
        row("multiclassDeclaredFive", "equalized_odds_difference", 4.0 / 9);
        row("multiclassDeclaredFive", "equal_opportunity_difference", 1.0 / 3);
        row("multiclassDeclaredFive", "equalized_odds_mean_gap", 250.0 / 9);
        // allTooSmall: both groups below minGroupSize → every aggregate undefined.
        row("allTooSmall", "accuracy", 0.75);
        row("allTooSmall", "worst_group_accuracy", 0.5); // B: y 1 0 / ŷ 0 0
        row("allTooSmall", "worst_judged_group_accuracy", nan);
        row("allTooSmall", "accuracy_std", nan);
        row("allTooSmall", "demographic_parity_difference", nan);
        row("allTooSmall", "equalized_odds_difference", nan);
        // zeroError: errors A 0, B .25 → skewed ratio .25/0 = inf; acc ratio 1/.75
        row("zeroError", "skewed_error_ratio", std::numeric_limits<double>::infinity());
        row("zeroError", "accuracy_max_min_ratio", 4.0 / 3);
        row("zeroError", "worst_group_accuracy", 0.75);
    }

    void groupMetrics()
    {
        QFETCH(QString, input);
        QFETCH(QString, metric);
        QFETCH(double, expected);
        FairnessOptions o;
        const FairnessInput in = caseInput(input, o);
        auto m = computeGroupMetrics(in, o);
        QVERIFY2(m.ok(), qPrintable(m.error().toString()));
        const double got = overallValue(m.value(), metric);
        if (std::isnan(expected))
            QVERIFY2(std::isnan(got), qPrintable(QString::number(got)));
        else if (std::isinf(expected))
            QCOMPARE(got, expected);
        else
            QVERIFY2(
                std::abs(got - expected) < 1e-12,
                qPrintable(
                    QStringLiteral("%1 vs %2").arg(got, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }

    void perGroupRates()
    {
        FairnessOptions o;
        auto m = computeGroupMetrics(caseInput(QStringLiteral("binary"), o), o);
        QVERIFY(m.ok());
        QCOMPARE(m->groups.size(), 2);
        const GroupRates &a = m->groups[0];
        QCOMPARE(a.label, QStringLiteral("A"));
        QCOMPARE(a.size, 5);
        QCOMPARE(a.positives, 3);
        QCOMPARE(a.negatives, 2);
        QCOMPARE(a.accuracy, 0.6);
        QCOMPARE(a.selectionRate, 0.6);
        QCOMPARE(a.truePositiveRate, 2.0 / 3);
        QCOMPARE(a.falsePositiveRate, 0.5);
        const GroupRates &b = m->groups[1];
        QCOMPARE(b.truePositiveRate, 0.5);
        QCOMPARE(b.falsePositiveRate, 0.0);
        QCOMPARE(b.selectionRate, 0.2);

        auto d = computeGroupMetrics(caseInput(QStringLiteral("noPositives"), o), o);
        QVERIFY(std::isnan(d->groups[1].truePositiveRate));
        QVERIFY(d->groups[2].tooSmall);
        QCOMPARE(d->groups[2].size, 1);
        QCOMPARE(d->groups[2].accuracy, 0.0); // reported, just not in the spreads
        QCOMPARE(d->worstGroup, 2);           // but it is the worst group
        QCOMPARE(d->worstJudgedGroup, 0);     // A and B tie: the first
        QVERIFY(d->worstGroupAccuracy <= d->accuracy);
    }

    void emptyGroupIsReportedTooSmall()
    {
        FairnessOptions o;
        FairnessInput in = caseInput(QStringLiteral("binary"), o);
        in.groupLabels << QStringLiteral("nobody");
        auto m = computeGroupMetrics(in, o);
        QVERIFY(m.ok());
        QCOMPARE(m->groups.size(), 3);
        QCOMPARE(m->groups[2].size, 0);
        QVERIFY(m->groups[2].tooSmall);
        QVERIFY(std::isnan(m->groups[2].accuracy));
        QCOMPARE(m->demographicParityDifference, 0.4); // unchanged
    }

    void excludedSamplesAndScores()
    {
        FairnessOptions o;
        FairnessInput in = caseInput(QStringLiteral("binary"), o);
        // An excluded sample changes nothing.
        in.labels.push_back(1);
        in.predictions.push_back(0);
        in.groupOf.push_back(-1);
        auto m = computeGroupMetrics(in, o);
        QCOMPARE(m->accuracy, 0.7);
        QCOMPARE(m->sampleCount, 10);
        // Scores thresholded at 0.5 give the same predictions.
        in.scores.clear();
        for (int32_t p : in.predictions)
            in.scores.push_back(p ? 0.9f : 0.1f);
        in.predictions.clear();
        auto s = computeGroupMetrics(in, o);
        QVERIFY(s.ok());
        QCOMPARE(s->equalizedOddsDifference, 0.5);
    }

    void allSameLabel()
    {
        // Everyone y = 0 and ŷ = 0: TPR undefined everywhere, FPR 0 everywhere.
        FairnessInput in;
        in.labels = {0, 0, 0, 0};
        in.predictions = {0, 0, 0, 0};
        in.groupOf = {0, 0, 1, 1};
        FairnessOptions o;
        o.minGroupSize = 1;
        auto m = computeGroupMetrics(in, o);
        QVERIFY(m.ok());
        QCOMPARE(m->accuracy, 1.0);
        QCOMPARE(m->skewedErrorRatio, 1.0); // 0/0
        QCOMPARE(m->demographicParityRatio, 1.0);
        QCOMPARE(m->equalizedOddsDifference, 0.0);
        QVERIFY(std::isnan(m->equalOpportunityDifference));
        QCOMPARE(m->groups[0].label, QStringLiteral("group 0"));
    }

    void invalidInput()
    {
        FairnessInput in;
        in.labels = {0, 1};
        in.predictions = {0};
        in.groupOf = {0, 0};
        auto m = computeGroupMetrics(in);
        QVERIFY(!m.ok());
        QVERIFY(m.error().toString().contains(QStringLiteral("predictions")));
        in.predictions = {0, -1};
        QVERIFY(!computeGroupMetrics(in).ok());
        in.predictions = {0, 1};
        in.groupOf = {0, -2};
        QVERIFY(!computeGroupMetrics(in).ok());
        in.groupOf = {0, 1};
        FairnessOptions o;
        o.numClasses = 1;
        QVERIFY(!computeGroupMetrics(in, o).ok());
    }
};

QTEST_GUILESS_MAIN(TestGroupMetrics)
#include "tst_groupmetrics.moc"
