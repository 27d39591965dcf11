// The blocked exact kNN graph against a brute-force full similarity matrix.
#include "clustering/knngraph.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace equiscope;

namespace {

std::vector<float> randomRows(qint64 n, int d, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g;
    std::vector<float> v(size_t(n * d));
    for (float &x : v)
        x = g(rng);
    return v;
}

/// Full N×N cosine matrix, then the top k − 1 other rows per row (ties: lower index).
KnnGraph bruteForce(const std::vector<float> &x, qint64 n, int d, int k)
{
    std::vector<double> norm(static_cast<size_t>(n));
    for (qint64 i = 0; i < n; ++i) {
        double s = 0;
        for (int t = 0; t < d; ++t)
            s += double(x[size_t(i * d + t)]) * x[size_t(i * d + t)];
        norm[size_t(i)] = std::max(std::sqrt(s), 1e-12);
    }
    KnnGraph g;
    g.rows = n;
    g.k = k;
    for (qint64 i = 0; i < n; ++i) {
        std::vector<std::pair<double, int>> row;
        for (qint64 j = 0; j < n; ++j) {
            if (j == i)
                continue;
            double s = 0;
            for (int t = 0; t < d; ++t)
                s += double(x[size_t(i * d + t)]) * x[size_t(j * d + t)];
            row.emplace_back(s / (norm[size_t(i)] * norm[size_t(j)]), int(j));
        }
        std::sort(row.begin(), row.end(), [](const auto &a, const auto &b) {
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        });
        g.neighbours.push_back(int32_t(i));
        g.similarities.push_back(1.0f);
        for (int j = 0; j < k - 1; ++j) {
            g.neighbours.push_back(row[size_t(j)].second);
            g.similarities.push_back(float(row[size_t(j)].first));
        }
    }
    return g;
}

} // namespace

class TestKnnGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesBruteForce_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("k");
        QTest::addColumn<qint64>("budget");
        // Budgets small enough to force several row blocks and column tiles (64 columns).
        QTest::newRow("one tile") << qint64(50) << 8 << 5 << (qint64(256) << 20);
        QTest::newRow("row blocks and tiles") << qint64(700) << 16 << 12 << qint64(1);
        QTest::newRow("k = n - 1") << qint64(40) << 4 << 39 << qint64(1);
        QTest::newRow("ragged tiles") << qint64(333) << 3 << 7 << qint64(200000);
    }

    void matchesBruteForce()
    {
        QFETCH(qint64, n);
        QFETCH(int, dim);
        QFETCH(int, k);
        QFETCH(qint64, budget);
        const auto x = randomRows(n, dim, unsigned(n + dim));
        KnnOptions o;
        o.memoryBytes = budget;
        qint64 lastDone = 0;
        o.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done >= lastDone && total == n);
            lastDone = done;
        };
        auto g = buildKnnGraph(x.data(), n, dim, k, o);
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(lastDone, n);
        const KnnGraph ref = bruteForce(x, n, dim, k);
        QCOMPARE(g->rows, n);
        QCOMPARE(g->k, k);
        for (qint64 i = 0; i < n; ++i) {
            QCOMPARE(g->neighboursOf(i)[0], int32_t(i));
            QVERIFY(std::abs(g->similaritiesOf(i)[0] - 1.0f) < 1e-5f);
            for (int j = 1; j < k; ++j) {
                const float s = g->similaritiesOf(i)[j], r = ref.similaritiesOf(i)[j];
                QVERIFY2(
                    std::abs(s - r) < 1e-5f,
                    qPrintable(
                        QStringLiteral("row %1 rank %2: %3 vs %4").arg(i).arg(j).arg(s).arg(r)));
                if (j > 1)
                    QVERIFY(g->similaritiesOf(i)[j - 1] >= s);
                // Random continuous data has no near-ties: the same neighbours.
                QCOMPARE(g->neighboursOf(i)[j], ref.neighboursOf(i)[j]);
            }
        }
    }

    void duplicatesAndZeroRows()
    {
        // Rows 0 and 2 are equal; row 3 is zero (similarity 0 to everything, itself included).
        const std::vector<float> x{1, 0, 0, 1, 1, 0, 0, 0, -1, 0};
        auto g = buildKnnGraph(x.data(), 5, 2, 3);
        QVERIFY(g.ok());
        QCOMPARE(g->neighboursOf(0)[0], 0);
        QCOMPARE(g->neighboursOf(0)[1], 2); // the duplicate, similarity 1
        QCOMPARE(g->similaritiesOf(0)[1], 1.0f);
        QCOMPARE(g->neighboursOf(2)[1], 0);
        QCOMPARE(g->similaritiesOf(3)[0], 0.0f);
        // Ties at similarity 0 for the zero row: lowest indices first.
        QCOMPARE(g->neighboursOf(3)[1], 0);
        QCOMPARE(g->neighboursOf(3)[2], 1);
    }

    void badInput()
    {
        const std::vector<float> x{1, 2, 3, 4};
        auto tooMany = buildKnnGraph(x.data(), 2, 2, 2);
        QVERIFY(!tooMany.ok());
        QVERIFY2(tooMany.error().toString().contains(QStringLiteral("k = 2")),
                 qPrintable(tooMany.error().toString()));
        const std::vector<float> bad{1, 2, std::nanf(""), 4, 5, 6};
        auto nan = buildKnnGraph(bad.data(), 3, 2, 2);
        QVERIFY(!nan.ok());
        QVERIFY(nan.error().toString().contains(QStringLiteral("row 1")));
        std::atomic<bool> cancel{true};
        KnnOptions o;
        o.cancel = &cancel;
        const auto y = randomRows(100, 4, 1);
        auto c = buildKnnGraph(y.data(), 100, 4, 5, o);
        QVERIFY(!c.ok());
        QVERIFY(c.error().toString().contains(QStringLiteral("cancelled")));
    }
};

QTEST_GUILESS_MAIN(TestKnnGraph)
#include "tst_knngraph.moc"
