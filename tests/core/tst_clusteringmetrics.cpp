#include "eval/clusteringmetrics.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

#include <cmath>
#include <random>

using namespace equiscope;

using Labels = std::vector<int64_t>;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-12;
}

} // namespace

class TestClusteringMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scores_data()
    {
        QTest::addColumn<Labels>("truth");
        QTest::addColumn<Labels>("predicted");
        QTest::addColumn<std::vector<double>>("expected"); // P R F FMI | BP BR BF | NMI
        // truth 0 0 0 1 1 2, predicted 5 5 7 7 7 7: a = (3,2,1), b = (2,4), N = 6,
        // n: (0,5)=2 (0,7)=1 (1,7)=2 (2,7)=1.
        //  pairwise: Σn² − N = 10 − 6 = 4; Σb² − N = 14; Σa² − N = 8 → P 2/7, R 1/2,
        //            F = 2·(2/7)(1/2)/(2/7 + 1/2) = 4/11, FMI = sqrt(1/7)
        //  BCubed:   P = (4/2 + 1/4 + 4/4 + 1/4)/6 = 7/12; R = (4/3 + 1/3 + 4/2 + 1/1)/6 = 7/9;
        //            F = 2·(7/12)(7/9)/(7/12 + 7/9) = 2/3
        //  NMI: I = 2/6 ln(6·2/(3·2)) + 1/6 ln(6/(3·4)) + 2/6 ln(6·2/(2·4)) + 1/6 ln(6/(1·4))
        //         = (1/6) ln 2 + (1/2) ln 1.5 = 0.31826...
        //       H(U) = −(1/2 ln 1/2 + 1/3 ln 1/3 + 1/6 ln 1/6) = 1.01140...,
        //       H(V) = −(1/3 ln 1/3 + 2/3 ln 2/3) = 0.63651...
        //       NMI = I / ((H(U) + H(V))/2) = 0.38625344285713004 (plain python3 math)
        QTest::newRow("example") << Labels{0, 0, 0, 1, 1, 2} << Labels{5, 5, 7, 7, 7, 7}
                                 << std::vector<double>{
                                        2.0 / 7,  0.5,     4.0 / 11, std::sqrt(1.0 / 7),
                                        7.0 / 12, 7.0 / 9, 2.0 / 3,  0.38625344285713004};
        // Same partition under other label values: everything 1.
        QTest::newRow("permuted perfect") << Labels{1, 1, 2, 2, 3, 3} << Labels{9, 9, 4, 4, -1, -1}
                                          << std::vector<double>(8, 1.0);
        // One class, one cluster: every pair right; NMI 1 by the scikit-learn convention.
        QTest::newRow("single cluster both")
            << Labels{3, 3, 3} << Labels{8, 8, 8} << std::vector<double>(8, 1.0);
        // All predicted singletons, truth {0,0},{1,1}: TP 0; predicted pairs 0 → P 1 (nothing
        // claimed); true pairs 8 − 4 = 4 → R 0; F 0; FMI 0.
        // BCubed P = 1; R = (4 · 1/2)/4 = 1/2; F = 2/3.
        // NMI: I = H(U) = ln 2 (V determines U), H(V) = ln 4 → ln 2 / (1.5 ln 2) = 2/3.
        QTest::newRow("all singletons")
            << Labels{0, 0, 1, 1} << Labels{0, 1, 2, 3}
            << std::vector<double>{1, 0, 0, 0, 1, 0.5, 2.0 / 3, 2.0 / 3};
        // One predicted cluster over two classes of 2: TP (4+4) − 4 = 4; predicted pairs 16 − 4 =
        // 12 → P 1/3; R 4/4 = 1; F = (2/3)/(4/3) = 1/2; FMI sqrt(1/3). BCubed P = (4/4 + 4/4)/4 =
        // 1/2, R = (4/2 + 4/2)/4 = 1, F 2/3. MI = 0 → NMI 0.
        QTest::newRow("one predicted cluster")
            << Labels{0, 0, 1, 1} << Labels{7, 7, 7, 7}
            << std::vector<double>{1.0 / 3, 1, 0.5, std::sqrt(1.0 / 3), 0.5, 1, 2.0 / 3, 0};
    }

    void scores()
    {
        QFETCH(Labels, truth);
        QFETCH(Labels, predicted);
        QFETCH(std::vector<double>, expected);
        const ClusteringScores s = clusteringScores(Contingency(truth, predicted));
        const auto values = s.values();
        QCOMPARE(values.size(), expected.size());
        for (size_t k = 0; k < values.size(); ++k)
            QVERIFY2(near(values[k].second, expected[k]),
                     qPrintable(QStringLiteral("%1: %2 vs %3")
                                    .arg(values[k].first)
                                    .arg(values[k].second, 0, 'g', 17)
                                    .arg(expected[k], 0, 'g', 17)));
    }

    void contingencyIsSparse()
    {
        const Contingency c(Labels{0, 0, 0, 1, 1, 2}, Labels{5, 5, 7, 7, 7, 7});
        QCOMPARE(c.total(), 6);
        QCOMPARE(c.classSizes(), (std::vector<qint64>{3, 2, 1}));
        QCOMPARE(c.clusterSizes(), (std::vector<qint64>{2, 4}));
        QCOMPARE(c.clusterLabels(), (Labels{5, 7}));
        QCOMPARE(c.cells().size(), size_t(4)); // not 3 × 2
        // Restricted to rows 3..5.
        const Contingency r(Labels{0, 0, 0, 1, 1, 2}, Labels{5, 5, 7, 7, 7, 7}, {3, 4, 5});
        QCOMPARE(r.total(), 3);
        QCOMPARE(r.classLabels(), (Labels{1, 2}));
        QCOMPARE(r.clusterLabels(), (Labels{7}));
    }

    void perGroupAndPurity()
    {
        // Groups A = samples 0..2, B = samples 3..5.
        //  A: truth 0 0 0, predicted 5 5 7 → TP 5 − 3 = 2, predicted pairs 5 − 3 = 2 → P 1,
        //     true pairs 9 − 3 = 6 → R 1/3, F 1/2; BCubed P 1, R (4/3 + 1/3)/3 = 5/9; NMI 0
        //  B: truth 1 1 2, predicted 7 7 7 → P 2/6 = 1/3, R 2/2 = 1, F 1/2; BCubed P 5/9, R 1
        // Cluster 5 = {0,1} (A A, purity 1); cluster 7 = {2,3,4,5} (A B B B → B, purity 2/4).
        ClusteringInput in;
        in.truth = {0, 0, 0, 1, 1, 2};
        in.predicted = {5, 5, 7, 7, 7, 7};
        in.groupOf = {0, 0, 0, 1, 1, 1};
        in.groupLabels = {QStringLiteral("A"), QStringLiteral("B")};
        ClusteringOptions o;
        o.minGroupSize = 1;
        auto r = evaluateClustering(in, o);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->groups.size(), 2);
        const GroupClustering &a = r->groups[0];
        const GroupClustering &b = r->groups[1];
        QCOMPARE(a.size, 3);
        QVERIFY(near(a.scores.pairwisePrecision, 1) && near(a.scores.pairwiseRecall, 1.0 / 3));
        QVERIFY(near(a.scores.pairwiseFScore, 0.5) && near(a.scores.bcubedRecall, 5.0 / 9));
        QVERIFY(near(a.scores.nmi, 0));
        QVERIFY(near(b.scores.pairwisePrecision, 1.0 / 3) && near(b.scores.pairwiseRecall, 1));
        QVERIFY(near(b.scores.bcubedPrecision, 5.0 / 9) && near(b.scores.bcubedFScore, 5.0 / 7));
        // Spread over groups: precision {1, 1/3} → std 1/3; F {1/2, 1/2} → std 0.
        const Spread p = r->acrossGroups.value(QStringLiteral("pairwise_precision"));
        QVERIFY(near(p.std, 1.0 / 3) && near(p.min, 1.0 / 3) && near(p.max, 1));
        QVERIFY(near(r->acrossGroups.value(QStringLiteral("pairwise_f_score")).std, 0));
        // Purities.
        QCOMPARE(r->clusters.size(), size_t(2));
        QCOMPARE(r->clusters[0].label, 5);
        QCOMPARE(r->clusters[0].majorityGroup, 0);
        QCOMPARE(r->clusters[1].majorityGroup, 1);
        QCOMPARE(r->clusters[1].purity, 0.5);
        QCOMPARE(a.purities, (std::vector<double>{1.0}));
        QCOMPARE(b.purities, (std::vector<double>{0.5}));
        QCOMPARE(a.weightedPurity, 1.0);
        QCOMPARE(b.weightedPurity, 0.5);
        QVERIFY(near(r->purity, 4.0 / 6)); // (2 + 2) / 6
        // Sizes 2 and 4.
        QCOMPARE(r->sizes.clusters, 2);
        QCOMPARE(r->sizes.median, 3.0);
        QCOMPARE(r->sizes.singletons, 0);
        QCOMPARE(r->sizes.histogram, (std::vector<std::pair<qint64, qint64>>{{2, 1}, {4, 1}}));

        // With the default minimum size both groups are too small: no spread.
        auto d = evaluateClustering(in);
        QVERIFY(d->groups[0].tooSmall);
        QVERIFY(std::isnan(d->acrossGroups.value(QStringLiteral("nmi")).std));

        const QJsonObject j = r->toJson();
        QCOMPARE(j.value(QStringLiteral("groups")).toArray().size(), 2);
        QCOMPARE(j.value(QStringLiteral("clusters"))
                     .toObject()
                     .value(QStringLiteral("purities"))
                     .toArray()
                     .size(),
                 2);
        QVERIFY(near(j.value(QStringLiteral("overall"))
                         .toObject()
                         .value(QStringLiteral("bcubed_f_score"))
                         .toDouble(),
                     2.0 / 3));
    }

    void majorityTieGoesToLowestGroup()
    {
        ClusteringInput in;
        in.truth = {0, 0, 1};
        in.predicted = {1, 1, 2};
        in.groupOf = {1, 0, -1};
        auto r = evaluateClustering(in);
        QCOMPARE(r->clusters[0].majorityGroup, 0);
        QCOMPARE(r->clusters[1].majorityGroup, -1); // no grouped member
        QCOMPARE(r->groups[0].label, QStringLiteral("group 0"));
    }

    void degenerate()
    {
        auto empty = evaluateClustering(ClusteringInput{});
        QVERIFY(empty.ok());
        QVERIFY(std::isnan(empty->overall.nmi));
        QCOMPARE(empty->sizes.clusters, 0);

        // A declared group without samples is reported, empty and too small.
        ClusteringInput in;
        in.truth = {0, 0};
        in.predicted = {0, 0};
        in.groupOf = {0, 0};
        in.groupLabels = {QStringLiteral("A"), QStringLiteral("B")};
        auto r = evaluateClustering(in);
        QCOMPARE(r->groups[1].size, 0);
        QVERIFY(r->groups[1].tooSmall);
        QVERIFY(std::isnan(r->groups[1].scores.nmi));
        QVERIFY(std::isnan(r->groups[1].weightedPurity));

        in.predicted = {0};
        QVERIFY(!evaluateClustering(in).ok());
        in.predicted = {0, 0};
        in.groupOf = {0, -3};
        QVERIFY(!evaluateClustering(in).ok());
    }

    void scalesTo200k()
    {
        // 200k samples, 30k identities, 20 % of samples moved to a random cluster, 4 groups.
        const int n = 200000, k = 30000;
        std::mt19937_64 rng(3);
        std::uniform_int_distribution<int> id(0, k - 1), grp(0, 3);
        std::uniform_real_distribution<double> u(0, 1);
        ClusteringInput in;
        in.truth.resize(n);
        in.predicted.resize(n);
        in.groupOf.resize(n);
        for (int i = 0; i < n; ++i) {
            in.truth[size_t(i)] = id(rng);
            in.predicted[size_t(i)] =
                u(rng) < 0.8 ? in.truth[size_t(i)] * 7 + 11 : id(rng) * 7 + 11;
            in.groupOf[size_t(i)] = grp(rng);
        }
        QElapsedTimer t;
        t.start();
        auto r = evaluateClustering(in);
        QVERIFY(r.ok());
        qInfo("200k samples, %lld clusters: %lld ms", qint64(r->clusters.size()), t.elapsed());
        QVERIFY(r->overall.clusters > 29000);
        QVERIFY(r->overall.nmi > 0.5 && r->overall.nmi < 1);
        QVERIFY(r->overall.bcubedFScore > 0.5 && r->overall.bcubedFScore < 1);
        QCOMPARE(r->acrossGroups.value(QStringLiteral("nmi")).count, 4);
    }
};

QTEST_GUILESS_MAIN(TestClusteringMetrics)
#include "tst_clusteringmetrics.moc"
