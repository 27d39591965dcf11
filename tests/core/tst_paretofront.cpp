#include "eval/paretofront.h"

#include <QtTest>

#include <cmath>

using namespace equiscope;

namespace {

/// accuracy ↑ vs equalized_odds_difference ↓.
///   P0 (.90, .20)  front
///   P1 (.85, .10)  front
///   P2 (.80, .05)  front
///   P3 (.80, .15)  dominated by P1
///   P4 (.70, .05)  dominated by P2 (better accuracy, equal EOD)
///   P5 (.88, .25)  dominated by P0
ParetoFront sixPoints()
{
    const QVector<Objective> objectives{
        {QStringLiteral("accuracy"), ObjectiveDirection::Maximise},
        {QStringLiteral("equalized_odds_difference"), ObjectiveDirection::Minimise}};
    QVector<ParetoPoint> points{
        {QStringLiteral("P0"), {0.90, 0.20}}, {QStringLiteral("P1"), {0.85, 0.10}},
        {QStringLiteral("P2"), {0.80, 0.05}}, {QStringLiteral("P3"), {0.80, 0.15}},
        {QStringLiteral("P4"), {0.70, 0.05}}, {QStringLiteral("P5"), {0.88, 0.25}}};
    return ParetoFront(objectives, points);
}

} // namespace

class TestParetoFront : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frontMembership()
    {
        const ParetoFront f = sixPoints();
        const std::vector<bool> expected{true, true, true, false, false, false};
        for (int i = 0; i < 6; ++i)
            QVERIFY2(f.isOnFront(i) == expected[size_t(i)], qPrintable(f.points()[i].id));
        QCOMPARE(f.front(), (std::vector<int>{2, 1, 0})); // by accuracy ascending
        QVERIFY(f.dominates(1, 3));
        QVERIFY(f.dominates(2, 4));
        QVERIFY(!f.dominates(0, 1));
        QVERIFY(!f.dominates(3, 3));
    }

    void hypervolume_data()
    {
        QTest::addColumn<std::vector<double>>("reference");
        QTest::addColumn<double>("expected");
        // In "higher is better" space (acc, −EOD), sweeping the front by accuracy descending:
        // default reference = worst values (.70, .25):
        //   P0 (.90−.70)·(.25−.20) = .010;  P1 (.85−.70)·(.20−.10) = .015;
        //   P2 (.80−.70)·(.10−.05) = .005   → .030
        QTest::newRow("default") << std::vector<double>{} << 0.03;
        // reference (.5, .5): .4·.3 + .35·.1 + .3·.05 = .12 + .035 + .015 = .17
        QTest::newRow("user (.5,.5)") << std::vector<double>{0.5, 0.5} << 0.17;
        // reference (.85, .15): only P0 is beyond it on accuracy but its EOD .20 > .15 → 0;
        // P1 has accuracy .85, not strictly better → 0.
        QTest::newRow("nothing beyond") << std::vector<double>{0.85, 0.15} << 0.0;
        // reference (.8, .3): P0 .1·.1 = .01; P1 .05·.1 = .005; P2 on the accuracy edge → .015
        QTest::newRow("edge point") << std::vector<double>{0.8, 0.3} << 0.015;
    }

    void hypervolume()
    {
        QFETCH(std::vector<double>, reference);
        QFETCH(double, expected);
        const ParetoFront f = sixPoints();
        const double hv = reference.empty() ? f.hypervolume() : f.hypervolume(reference);
        QVERIFY2(std::abs(hv - expected) < 1e-12, qPrintable(QString::number(hv, 'g', 17)));
    }

    void defaultReferenceIsWorstValues()
    {
        QCOMPARE(sixPoints().defaultReference(), (std::vector<double>{0.70, 0.25}));
    }

    void paddedReferenceIsTheOneRule()
    {
        // The Compare page and the reports measure from this point: worst values moved 10 % of
        // each axis's spread outwards (accuracy ↑: 0.70 − 0.02, EOD ↓: 0.25 + 0.02).
        const ParetoFront front = sixPoints();
        const std::vector<double> ref = front.paddedReference();
        QVERIFY(std::abs(ref[0] - 0.68) < 1e-12 && std::abs(ref[1] - 0.27) < 1e-12);
        // By hand: P0 .22 × .07 + P1 .17 × .10 + P2 .12 × .05 = .0384.
        QVERIFY(std::abs(front.hypervolume(ref) - 0.0384) < 1e-12);
        // One point: 10 % of |value| (at least 1e-3) on each axis.
        const ParetoFront one({{QStringLiteral("accuracy"), ObjectiveDirection::Maximise},
                               {QStringLiteral("gap"), ObjectiveDirection::Minimise}},
                              {{QStringLiteral("A"), {0.5, 0.0}}});
        const std::vector<double> single = one.paddedReference();
        QVERIFY(std::abs(single[0] - 0.45) < 1e-12 && std::abs(single[1] - 1e-3) < 1e-12);
    }

    void degenerate()
    {
        const QVector<Objective> two{{QStringLiteral("a"), ObjectiveDirection::Maximise},
                                     {QStringLiteral("b"), ObjectiveDirection::Maximise}};
        // Duplicates do not dominate each other; NaN never enters the front.
        ParetoFront f(two, {{QStringLiteral("x"), {1, 1}},
                            {QStringLiteral("y"), {1, 1}},
                            {QStringLiteral("n"), {std::nan(""), 5}},
                            {QStringLiteral("short"), {9}}});
        QVERIFY(f.isOnFront(0) && f.isOnFront(1));
        QVERIFY(!f.isOnFront(2) && !f.isOnFront(3));
        QCOMPARE(f.hypervolume(), 0.0); // reference = the points themselves
        QCOMPARE(f.hypervolume({0, 0}), 1.0);
        // Empty set and three objectives.
        ParetoFront empty(two, {});
        QVERIFY(empty.front().empty());
        QVERIFY(std::isnan(empty.hypervolume()));
        ParetoFront three(
            two + QVector<Objective>{{QStringLiteral("c"), ObjectiveDirection::Minimise}},
            {{QStringLiteral("p"), {1, 2, 3}}, {QStringLiteral("q"), {1, 2, 4}}});
        QVERIFY(three.isOnFront(0) && !three.isOnFront(1));
        QVERIFY(std::isnan(three.hypervolume({0, 0, 9})));
    }

    void directions_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("direction"); // 1 max, −1 min, 0 unknown
        QTest::newRow("accuracy") << QStringLiteral("accuracy") << 1;
        QTest::newRow("bias_mse") << QStringLiteral("bias_mse") << 1;
        QTest::newRow("bias_r2") << QStringLiteral("bias_r2") << -1;
        QTest::newRow("eod") << QStringLiteral("equalized_odds_difference") << -1;
        QTest::newRow("dpd") << QStringLiteral("demographic_parity_difference") << -1;
        QTest::newRow("accuracy_std") << QStringLiteral("accuracy_std") << -1;
        QTest::newRow("f_score") << QStringLiteral("f_score") << 1;
        QTest::newRow("f_score_std") << QStringLiteral("f_score_std") << -1;
        QTest::newRow("bcubed_f_score_std") << QStringLiteral("bcubed_f_score_std") << -1;
        QTest::newRow("nmi_min") << QStringLiteral("nmi_min") << 1;
        QTest::newRow("nmi") << QStringLiteral("nmi") << 1;
        // The clustering runs' spread across groups (clusteringjob.cpp).
        QTest::newRow("pairwise_f_score_group_std")
            << QStringLiteral("pairwise_f_score_group_std") << -1;
        QTest::newRow("bcubed_f_score_group_min")
            << QStringLiteral("bcubed_f_score_group_min") << 1;
        QTest::newRow("nmi_group_max") << QStringLiteral("nmi_group_max") << 1;
        QTest::newRow("colour_group_std") << QStringLiteral("colour_group_std") << 0;
        QTest::newRow("unknown") << QStringLiteral("colour") << 0;
        QTest::newRow("unknown_std") << QStringLiteral("colour_std") << 0;
    }

    void directions()
    {
        QFETCH(QString, name);
        QFETCH(int, direction);
        const auto d = metricDirection(name);
        const int got = !d ? 0 : (*d == ObjectiveDirection::Maximise ? 1 : -1);
        QCOMPARE(got, direction);
    }
};

QTEST_GUILESS_MAIN(TestParetoFront)
#include "tst_paretofront.moc"
