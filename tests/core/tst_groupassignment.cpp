#include "data/attributetable.h"
#include "data/dataset.h"
#include "data/groupassignment.h"

#include <QtTest>

using namespace equiscope;

class TestGroupAssignment : public QObject
{
    Q_OBJECT

private:
    static AttributeTable table()
    {
        AttributeTable t;
        t.add(attributeFromText(QStringLiteral("Male"), {"1", "1", "-1", "-1", "1", "-1"}));
        t.add(attributeFromText(QStringLiteral("Young"), {"1", "-1", "1", "1", "", "-1"}));
        t.add(attributeFromText(QStringLiteral("age"), {"10", "20", "30", "40", "50", "60"}));
        t.add(attributeFromText(QStringLiteral("const"), {"a", "a", "a", "a", "a", "a"}));
        return t;
    }

private Q_SLOTS:
    void intersectionalGroups()
    {
        GroupOptions o;
        o.sensitive = {QStringLiteral("Male"), QStringLiteral("Young")};
        o.minGroupSize = 2;
        auto g = assignGroups(table(), o);
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(g->groupCount(), 4);
        QCOMPARE(g->groups[0].label, QStringLiteral("Male=-1 × Young=-1"));
        QCOMPARE(g->groupOf, (std::vector<int32_t>{3, 2, 1, 1, -1, 0}));
        QCOMPARE(g->groups[1].size, 2);
        QVERIFY(!g->groups[1].tooSmall);
        QVERIFY(g->groups[0].tooSmall);
        QCOMPARE(g->tooSmallCount(), 3);
    }

    void singleLevelIsAnError()
    {
        GroupOptions o;
        o.sensitive = {QStringLiteral("const")};
        auto g = assignGroups(table(), o, QStringLiteral("data.csv"));
        QVERIFY(!g.ok());
        const QString e = g.error().toString();
        QVERIFY2(e.contains(QStringLiteral("data.csv")) && e.contains(QStringLiteral("'const'")) &&
                     e.contains(QStringLiteral("at least 2 levels")) && e.contains(QStringLiteral("1 level")),
                 qPrintable(e));
    }

    void unknownAttribute()
    {
        GroupOptions o;
        o.sensitive = {QStringLiteral("race")};
        auto g = assignGroups(table(), o);
        QVERIFY(!g.ok());
        QVERIFY(g.error().toString().contains(QStringLiteral("no such attribute")));
    }

    void quantileBins()
    {
        const Attribute binned = binAttribute(table().column(QStringLiteral("age")), BinningMethod::Quantile, 3, 1);
        QCOMPARE(binned.type(), AttributeType::Categorical);
        QCOMPARE(binned.levels().size(), 3);
        QCOMPARE(binned.levelCounts(), (std::vector<qint64>{2, 2, 2}));
        QCOMPARE(binned.levels().front(), QStringLiteral("[10, 30)"));
    }

    void kmeansBinsSeparateClusters()
    {
        std::vector<float> v{0, 0.1f, 0.2f, 10, 10.1f, 10.2f, 20, 20.1f};
        const Attribute a = Attribute::continuous(QStringLiteral("x"), v);
        const Attribute b = binAttribute(a, BinningMethod::KMeans, 3, 7);
        QCOMPARE(b.levelCounts(), (std::vector<qint64>{3, 3, 2}));
        QCOMPARE(b.code(0), 0);
        QCOMPARE(b.code(7), 2);
    }

    void kmeansOnVectors()
    {
        // Two well separated RGB colours.
        std::vector<float> rgb{255, 0, 0, 250, 5, 0, 0, 0, 255, 3, 0, 250};
        const std::vector<int32_t> c = kMeansRows(rgb, 3, 2, 1);
        QCOMPARE(c[0], c[1]);
        QCOMPARE(c[2], c[3]);
        QVERIFY(c[0] != c[2]);
    }

    void randomSplitsAreSeededAndExact()
    {
        SplitOptions o;
        o.testFraction = 0.25;
        o.valFraction = 0.25;
        o.seed = 42;
        const auto a = randomSplits(100, o);
        const auto b = randomSplits(100, o);
        QCOMPARE(a, b);
        QCOMPARE(std::count(a.begin(), a.end(), Split::Test), 25);
        QCOMPARE(std::count(a.begin(), a.end(), Split::Val), 25);
        o.seed = 43;
        QVERIFY(randomSplits(100, o) != a);
    }
};

QTEST_GUILESS_MAIN(TestGroupAssignment)
#include "tst_groupassignment.moc"
