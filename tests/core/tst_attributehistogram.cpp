// Histograms of attribute columns: counts per level, equal-width bins, one series per component.
#include "data/attributehistogram.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <numeric>

using namespace equiscope;

class TestAttributeHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discreteCountsPerLevel()
    {
        const Attribute a = Attribute::discrete(QStringLiteral("race"), AttributeType::Categorical,
                                                {"a", "b", "c"}, {0, 2, 2, -1, 2, 0});
        const AttributeHistogram h = attributeHistogram(a);
        QVERIFY(h.discrete);
        QCOMPARE(h.labels, QStringList({"a", "b", "c"}));
        QCOMPARE(h.counts.size(), size_t(1));
        QCOMPARE(h.counts[0], std::vector<qint64>({2, 0, 3}));
        QCOMPARE(h.missing, qint64(1));
        QCOMPARE(h.binCentre(2), 2.0);
    }

    void continuousBins_data()
    {
        QTest::addColumn<QVector<float>>("values");
        QTest::addColumn<int>("bins");
        QTest::addColumn<QVector<qint64>>("counts");
        QTest::addColumn<double>("width");
        QTest::newRow("four bins over 0…8")
            << QVector<float>{0, 1, 2, 3, 4, 5, 6, 7, 8} << 4 << QVector<qint64>{2, 2, 2, 3} << 2.0;
        QTest::newRow("maximum in the last bin")
            << QVector<float>{0, 10} << 5 << QVector<qint64>{1, 0, 0, 0, 1} << 2.0;
        QTest::newRow("constant column: one bar")
            << QVector<float>{3, 3, 3} << 10 << QVector<qint64>{3} << 1.0;
        QTest::newRow("missing values are not counted")
            << QVector<float>{0, std::numeric_limits<float>::quiet_NaN(), 4} << 2
            << QVector<qint64>{1, 1} << 2.0;
    }

    void continuousBins()
    {
        QFETCH(QVector<float>, values);
        QFETCH(int, bins);
        QFETCH(QVector<qint64>, counts);
        QFETCH(double, width);
        const AttributeHistogram h = attributeHistogram(
            Attribute::continuous(QStringLiteral("x"),
                                  std::vector<float>(values.begin(), values.end())),
            bins);
        QVERIFY(!h.discrete);
        QCOMPARE(h.series, QStringList{QStringLiteral("x")});
        QCOMPARE(QVector<qint64>(h.counts[0].begin(), h.counts[0].end()), counts);
        QCOMPARE(h.binCount(), int(counts.size()));
        QCOMPARE(h.edges.size(), counts.size() + 1);
        QCOMPARE(h.binWidth(), width);
        QCOMPARE(h.labels.size(), counts.size());
    }

    void vectorGetsOneSeriesPerComponentOnACommonRange()
    {
        // Two RGB samples: (0, 100, 200) and (50, 150, 250).
        const Attribute rgb = Attribute::vector(QStringLiteral("rgb"), 3,
                                                {0, 100, 200, 50, 150, 250}, {"r", "g", "b"});
        const AttributeHistogram h = attributeHistogram(rgb, 5);
        QCOMPARE(h.series, QStringList({"r", "g", "b"}));
        QCOMPARE(h.edges.front(), 0.0);
        QCOMPARE(h.edges.back(), 250.0);
        QCOMPARE(h.counts[0], std::vector<qint64>({1, 1, 0, 0, 0}));
        QCOMPARE(h.counts[1], std::vector<qint64>({0, 0, 1, 1, 0}));
        QCOMPARE(h.counts[2], std::vector<qint64>({0, 0, 0, 0, 2}));
    }
};

QTEST_GUILESS_MAIN(TestAttributeHistogram)
#include "tst_attributehistogram.moc"
