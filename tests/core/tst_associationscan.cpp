// The dataset association scan: each statistic against hand-computed values and the
// straightforward formula, the permutation test and the false-discovery correction, a planted
// class–colour correlation recovered, the false-discovery rate kept on data with no association,
// and unusable attributes named instead of reported.
#include "eval/associationcell.h"
#include "eval/associationscan.h"
#include "eval/associationstatistics.h"

#include <QJsonDocument>
#include <QtTest>

#include <cmath>
#include <random>

using namespace equiscope;

namespace {

std::vector<int32_t> codesFromTable(const std::vector<std::vector<int>> &table, bool rows)
{
    std::vector<int32_t> codes;
    for (size_t r = 0; r < table.size(); ++r)
        for (size_t c = 0; c < table[r].size(); ++c)
            for (int k = 0; k < table[r][c]; ++k)
                codes.push_back(int32_t(rows ? r : c));
    return codes;
}

/// Straightforward bias-corrected distance correlation: the U-centred matrices written out.
double straightforwardDistanceCorrelation(const std::vector<double> &x,
                                          const std::vector<double> &y)
{
    const int n = int(x.size());
    const auto centred = [n](const std::vector<double> &v) {
        std::vector<std::vector<double>> d(n, std::vector<double>(n));
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                d[i][j] = std::abs(v[i] - v[j]);
        std::vector<double> row(n, 0);
        double all = 0;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                row[i] += d[i][j];
                all += d[i][j];
            }
        std::vector<std::vector<double>> u(n, std::vector<double>(n, 0));
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                if (i != j)
                    u[i][j] = d[i][j] - row[i] / (n - 2) - row[j] / (n - 2) +
                              all / ((n - 1.0) * (n - 2.0));
        return u;
    };
    const auto a = centred(x), b = centred(y);
    const auto product = [n](const auto &p, const auto &q) {
        double s = 0;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                if (i != j)
                    s += p[i][j] * q[i][j];
        return s / (double(n) * (n - 3));
    };
    return product(a, b) / std::sqrt(product(a, a) * product(b, b));
}

/// A Colored-MNIST-like table: 10 labels, the colour equals the label with probability rho and
/// is uniform otherwise; rgb is the colour's palette entry plus noise.
AttributeTable plantedColours(qint64 n, double rho, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    std::normal_distribution<double> noise(0, 20);
    std::vector<int32_t> label(static_cast<size_t>(n)), colour(static_cast<size_t>(n));
    std::vector<float> rgb(size_t(n) * 3);
    QStringList levels;
    for (int i = 0; i < 10; ++i)
        levels << QString::number(i);
    for (qint64 i = 0; i < n; ++i) {
        label[size_t(i)] = int32_t(rng() % 10);
        colour[size_t(i)] = unit(rng) < rho ? label[size_t(i)] : int32_t(rng() % 10);
        for (int c = 0; c < 3; ++c)
            rgb[size_t(i) * 3 + size_t(c)] =
                float(((colour[size_t(i)] * 37 + c * 91) % 256) + noise(rng));
    }
    AttributeTable t(n);
    t.add(Attribute::discrete(QStringLiteral("label"), AttributeType::Categorical, levels, label));
    t.add(Attribute::discrete(QStringLiteral("color"), AttributeType::Categorical, levels, colour));
    t.add(Attribute::vector(QStringLiteral("rgb"), 3, rgb));
    return t;
}

} // namespace

class TestAssociationScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cramersVMatchesHandValues()
    {
        // [[10, 0], [0, 10]]: each level determines the other.
        QCOMPARE(cramersV(codesFromTable({{10, 0}, {0, 10}}, true), 2,
                          codesFromTable({{10, 0}, {0, 10}}, false), 2),
                 1.0);
        // [[6, 4], [3, 7]]: φ² = 1/11, corrected by 1/19, divided by 1 − 1/19 (hand-computed).
        const double v = cramersV(codesFromTable({{6, 4}, {3, 7}}, true), 2,
                                  codesFromTable({{6, 4}, {3, 7}}, false), 2);
        QVERIFY(std::abs(v - 0.2010075630518422) < 1e-12);
        // Independent margins: exactly no association, and the correction keeps it at 0.
        QCOMPARE(cramersV(codesFromTable({{5, 5}, {5, 5}}, true), 2,
                          codesFromTable({{5, 5}, {5, 5}}, false), 2),
                 0.0);
        // A level absent from the rows does not count as a level.
        QCOMPARE(cramersV({0, 0, 2, 2}, 3, {0, 0, 1, 1}, 2),
                 cramersV({0, 0, 1, 1}, 2, {0, 0, 1, 1}, 2));
    }

    void correlationRatioMatchesHandValue()
    {
        // Groups {1, 2, 3} and {4, 5, 6}: between 13.5, total 17.5.
        const double eta = correlationRatio({0, 0, 0, 1, 1, 1}, 2, {1, 2, 3, 4, 5, 6});
        QVERIFY(std::abs(eta - std::sqrt(13.5 / 17.5)) < 1e-12);
        QCOMPARE(correlationRatio({0, 1, 0, 1}, 2, {3, 3, 3, 3}), 0.0);
        QVERIFY(std::abs(correlationRatio({0, 1, 2}, 3, {1, 5, 9}) - 1.0) < 1e-12);
    }

    void distanceCorrelationMatchesTheFormula()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> g(0, 1);
        std::vector<double> x(17), y(17);
        for (size_t i = 0; i < x.size(); ++i) {
            x[i] = g(rng);
            y[i] = x[i] * x[i] + 0.3 * g(rng); // dependent, not linearly
        }
        const UCentredDistances a(x, 1), b(y, 1);
        const double ours = biasCorrectedDistanceCorrelation(a, b);
        QVERIFY(std::abs(ours - straightforwardDistanceCorrelation(x, y)) < 1e-12);
        // A permutation of y's rows equals the statistic of the permuted column.
        std::vector<qint64> perm(x.size());
        std::iota(perm.begin(), perm.end(), 0);
        std::shuffle(perm.begin(), perm.end(), rng);
        std::vector<double> permuted(y.size());
        for (size_t i = 0; i < y.size(); ++i)
            permuted[i] = y[size_t(perm[i])];
        QVERIFY(std::abs(biasCorrectedDistanceCorrelation(a, b, &perm) -
                         straightforwardDistanceCorrelation(x, permuted)) < 1e-12);
        // A linear function of x: complete dependence.
        std::vector<double> linear(x.size());
        for (size_t i = 0; i < x.size(); ++i)
            linear[i] = 2 * x[i] + 1;
        QVERIFY(std::abs(biasCorrectedDistanceCorrelation(a, UCentredDistances(linear, 1)) - 1) <
                1e-12);
        // Discrete codes: the distance is 1 between levels.
        const std::vector<int32_t> codes{0, 1, 0, 1, 2, 2, 0, 1};
        QVERIFY(biasCorrectedDistanceCorrelation(UCentredDistances(codes),
                                                 UCentredDistances(codes)) > 0.999999);
    }

    void permutationTestStopsAndBounds()
    {
        // Every permutation reaches the observed value: stop after 20 with p = 1.
        auto t = permutationTest(0.5, 1999, 20, [] { return 0.7; });
        QCOMPARE(t.permutations, 20);
        QCOMPARE(t.pValue, 1.0);
        // None does: all permutations run, p = 1 / (1 + P).
        t = permutationTest(0.5, 99, 20, [] { return 0.1; });
        QCOMPARE(t.permutations, 99);
        QCOMPARE(t.pValue, 0.01);
        // Ties count as reaching.
        t = permutationTest(0.5, 9, 0, [] { return 0.5; });
        QCOMPARE(t.exceedances, 9);
    }

    void benjaminiHochbergMatchesHandValues()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        // Sorted 0.01, 0.03, 0.04, 0.2 → 0.04, 0.06, 0.0533, 0.2 → monotone from the end.
        const auto q = benjaminiHochberg({0.01, 0.04, nan, 0.03, 0.2});
        QVERIFY(std::abs(q[0] - 0.04) < 1e-12);
        QVERIFY(std::abs(q[1] - 0.04 * 4 / 3) < 1e-12);
        QVERIFY(std::isnan(q[2]));
        QVERIFY(std::abs(q[3] - 0.04 * 4 / 3) < 1e-12);
        QVERIFY(std::abs(q[4] - 0.2) < 1e-12);
    }

    void averageLinkagePutsRelatedAttributesSideBySide()
    {
        // 0–2 and 1–3 close, the two pairs far apart.
        const std::vector<double> d{0,   0.9,  0.1, 0.8, 0.9, 0,   0.85, 0.2,
                                    0.1, 0.85, 0,   0.9, 0.8, 0.2, 0.9,  0};
        const std::vector<int> order = averageLinkageOrder(d, 4);
        QCOMPARE(int(order.size()), 4);
        const auto at = [&](int v) {
            return int(std::find(order.begin(), order.end(), v) - order.begin());
        };
        QCOMPARE(std::abs(at(0) - at(2)), 1);
        QCOMPARE(std::abs(at(1) - at(3)), 1);
    }

    void plantedColourCorrelationIsRecovered_data()
    {
        QTest::addColumn<double>("rho");
        QTest::newRow("rho 0") << 0.0;
        QTest::newRow("rho 0.5") << 0.5;
        QTest::newRow("rho 0.9") << 0.9;
    }

    void plantedColourCorrelationIsRecovered()
    {
        QFETCH(double, rho);
        AssociationScanOptions o;
        o.target = QStringLiteral("label");
        o.maxRows = 8000;
        o.permutations = 499;
        o.seed = 11;
        auto scan = scanAssociations(plantedColours(8000, rho, 5), o);
        QVERIFY2(scan.ok(), qPrintable(scan.error().toString()));
        QCOMPARE(scan->attributes, (QStringList{"label", "color", "rgb"}));
        const AssociationPair *labelColour = scan->pair(0, 1);
        QVERIFY(labelColour);
        QCOMPARE(labelColour->statistic, AssociationStatistic::CramersV);
        // V of this model is rho exactly (φ² = 9ρ² over 9 = min(levels) − 1).
        QVERIFY2(std::abs(labelColour->value - rho) < 0.03,
                 qPrintable(QString::number(labelColour->value)));
        QCOMPARE(scan->pair(0, 2)->statistic, AssociationStatistic::DistanceCorrelation);
        // The colour and its rgb go together at every rho.
        QVERIFY(scan->pair(1, 2)->significant && scan->pair(1, 2)->value > 0.5);
        if (rho == 0) {
            QVERIFY(!labelColour->significant);
            for (const AssociationFinding &f : scan->findings)
                QVERIFY2(!f.involvesTarget, qPrintable(f.text));
        } else {
            QVERIFY(labelColour->significant);
            QVERIFY(!scan->findings.empty());
            QVERIFY(scan->findings.front().involvesTarget);
            QVERIFY2(scan->findings.front().text.startsWith(
                         QStringLiteral("color predicts the target label: V = ")),
                     qPrintable(scan->findings.front().text));
            QVERIFY(scan->pair(0, 2)->significant);
            // The cell behind it: a colour with its own class, far above independence.
            const AttributeTable table = plantedColours(8000, rho, 5);
            auto cell =
                strongestCell(table, QStringLiteral("label"), QStringLiteral("color"), 8, 1);
            QVERIFY2(cell.ok(), qPrintable(cell.error().toString()));
            QCOMPARE(cell->levelA, cell->levelB);
            QVERIFY(double(cell->rows) > 3 * cell->expected);
            QCOMPARE(int(cell->examples.size()), 8);
            for (const qint64 r : cell->examples)
                QVERIFY(table.column(0).code(r) == table.column(1).code(r));
            QVERIFY(!strongestCell(table, QStringLiteral("label"), QStringLiteral("rgb")).ok());
        }
        // The same seed gives the same scan.
        auto again = scanAssociations(plantedColours(8000, rho, 5), o);
        QJsonObject a = associationScanJson(scan.value()), b = associationScanJson(again.value());
        a.remove(QStringLiteral("seconds"));
        b.remove(QStringLiteral("seconds"));
        QCOMPARE(a, b);
    }

    void noAssociationKeepsTheFalseDiscoveryRate()
    {
        // 200 datasets with independent attributes: under the complete null, Benjamini–Hochberg
        // at level α reports anything at all in at most a share α of them.
        const double alpha = 0.1;
        int withFindings = 0;
        const int datasets = 200;
        for (int seed = 0; seed < datasets; ++seed) {
            std::mt19937_64 rng(quint64(seed) + 100);
            std::normal_distribution<double> g(0, 1);
            const qint64 n = 200;
            std::vector<int32_t> a(n), b(n);
            std::vector<float> c(n), v(size_t(n) * 2);
            for (qint64 i = 0; i < n; ++i) {
                a[size_t(i)] = int32_t(rng() % 3);
                b[size_t(i)] = int32_t(rng() % 2);
                c[size_t(i)] = float(g(rng));
                v[size_t(i) * 2] = float(g(rng));
                v[size_t(i) * 2 + 1] = float(g(rng));
            }
            AttributeTable t(n);
            t.add(Attribute::discrete("a", AttributeType::Categorical, {"x", "y", "z"}, a));
            t.add(Attribute::discrete("b", AttributeType::Binary, {"0", "1"}, b));
            t.add(Attribute::continuous("c", c));
            t.add(Attribute::vector("v", 2, v));
            AssociationScanOptions o;
            o.permutations = 99;
            o.falseDiscoveryRate = alpha;
            o.minimumEffect = 0;
            o.distanceRows = 60;
            o.seed = quint64(seed);
            auto scan = scanAssociations(t, o);
            QVERIFY(scan.ok());
            QCOMPARE(int(scan->pairs.size()), 6);
            bool any = false;
            for (const AssociationPair &p : scan->pairs)
                any = any || p.significant;
            withFindings += any ? 1 : 0;
        }
        // Allow three binomial standard errors above α.
        const double limit = alpha + 3 * std::sqrt(alpha * (1 - alpha) / datasets);
        QVERIFY2(double(withFindings) / datasets <= limit,
                 qPrintable(QString::number(withFindings)));
    }

    void unusableAttributesAreNamedNotReported()
    {
        const qint64 n = 120;
        std::vector<int32_t> label(n), single(n, 0), missing(n, -1), id(n), rare(n);
        std::vector<float> constant(n, 4.0f), value(n);
        for (qint64 i = 0; i < n; ++i) {
            label[size_t(i)] = int32_t(i % 2);
            id[size_t(i)] = int32_t(i);
            rare[size_t(i)] = i < 3 ? 2 : int32_t(i % 2); // level "r" seen 3 times
            value[size_t(i)] = float(i % 2) + 0.01f * float(i % 7);
        }
        QStringList ids;
        for (qint64 i = 0; i < n; ++i)
            ids << QStringLiteral("img%1").arg(i);
        AttributeTable t(n);
        t.add(Attribute::discrete("label", AttributeType::Binary, {"no", "yes"}, label));
        t.add(Attribute::discrete("single", AttributeType::Categorical, {"only"}, single));
        t.add(Attribute::discrete("empty", AttributeType::Categorical, {"a", "b"}, missing));
        t.add(Attribute::discrete("id", AttributeType::Categorical, ids, id));
        t.add(Attribute::continuous("constant", constant));
        t.add(Attribute::discrete("rare", AttributeType::Categorical, {"p", "q", "r"}, rare));
        t.add(Attribute::continuous("value", value));
        AssociationScanOptions o;
        o.source = QStringLiteral("attrs.csv");
        o.target = QStringLiteral("label");
        o.permutations = 199;
        auto scan = scanAssociations(t, o);
        QVERIFY2(scan.ok(), qPrintable(scan.error().toString()));
        QCOMPARE(scan->attributes, (QStringList{"label", "rare", "value"}));
        QCOMPARE(scan->skipped.size(), 4);
        QCOMPARE(scan->skipped.at(0).first, QStringLiteral("single"));
        QVERIFY(scan->skipped.at(0).second.contains(QStringLiteral("one level only ('only')")));
        QVERIFY(scan->skipped.at(1).second.contains(QStringLiteral("every value is missing")));
        QVERIFY(scan->skipped.at(2).second.contains(QStringLiteral("identifier")));
        QVERIFY(scan->skipped.at(3).second.contains(QStringLiteral("constant")));
        // The rare level is left out of its pairs, and said so; label = rare otherwise.
        const AssociationPair *labelRare = scan->pair(0, 1);
        QCOMPARE(labelRare->rows, n - 3);
        QVERIFY(labelRare->note.contains(QStringLiteral("1 level(s) with fewer than 5 rows")));
        QCOMPARE(labelRare->value, 1.0);
        QCOMPARE(scan->pair(0, 2)->statistic, AssociationStatistic::CorrelationRatio);
        const QString text = associationScanText(scan.value());
        QVERIFY(text.contains(QStringLiteral("rare predicts the target label: V = 1.00 (strong")));
        QVERIFY(text.contains(QStringLiteral("single: one level only")));

        // Targets that cannot be scanned: an error naming the file and the attribute.
        o.target = QStringLiteral("single");
        auto refused = scanAssociations(t, o);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().toString().contains(QStringLiteral("attrs.csv")) &&
                     refused.error().toString().contains(
                         QStringLiteral("the target 'single' cannot be scanned: one level only")),
                 qPrintable(refused.error().toString()));
        o.target = QStringLiteral("gender");
        refused = scanAssociations(t, o);
        QVERIFY(!refused.ok() &&
                refused.error().toString().contains(QStringLiteral("no attribute 'gender'")));
        // Fewer than two usable attributes: nothing to scan.
        AttributeTable lonely(n);
        lonely.add(Attribute::discrete("label", AttributeType::Binary, {"no", "yes"}, label));
        lonely.add(Attribute::continuous("constant", constant));
        o.target.clear();
        refused = scanAssociations(lonely, o);
        QVERIFY(!refused.ok() &&
                refused.error().toString().contains(QStringLiteral("nothing to scan")));
        // Cancel: an error, not a partial scan.
        std::atomic<bool> cancel{true};
        o.cancel = &cancel;
        refused = scanAssociations(t, o);
        QVERIFY(!refused.ok() && refused.error().toString().contains(QStringLiteral("cancelled")));
    }
};

QTEST_GUILESS_MAIN(TestAssociationScan)
#include "tst_associationscan.moc"
