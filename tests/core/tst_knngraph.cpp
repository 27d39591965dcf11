// The exact kNN graph (upper-triangle tiles) against a brute-force full similarity matrix; the
// FAISS HNSW and IVF graphs against it through the recall measurement, which is itself checked
// on graphs with a known number of wrong neighbours.
#include "clustering/knngraph.h"

#include <QFile>
#include <QTemporaryDir>
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

/// Blobs of @p perBlob noisy copies of random centres: neighbourhoods an index can find.
std::vector<float> blobRows(qint64 n, int d, int perBlob, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g;
    std::vector<float> v(size_t(n * d)), centre(static_cast<size_t>(d));
    for (qint64 r = 0; r < n; ++r) {
        if (r % perBlob == 0)
            for (float &c : centre)
                c = g(rng);
        for (int t = 0; t < d; ++t)
            v[size_t(r * d + t)] = centre[size_t(t)] + 0.3f * g(rng);
    }
    return v;
}

void checkGraphShape(const KnnGraph &g, qint64 n, int k)
{
    QCOMPARE(g.rows, n);
    QCOMPARE(g.k, k);
    for (qint64 i = 0; i < n; ++i) {
        QCOMPARE(g.neighboursOf(i)[0], int32_t(i));
        std::vector<int32_t> seen(g.neighboursOf(i), g.neighboursOf(i) + k);
        std::sort(seen.begin(), seen.end());
        QVERIFY2(std::adjacent_find(seen.begin(), seen.end()) == seen.end(),
                 qPrintable(QStringLiteral("row %1 lists a neighbour twice").arg(i)));
        QVERIFY(seen.front() >= 0 && seen.back() < n);
        for (int j = 2; j < k; ++j)
            QVERIFY(g.similaritiesOf(i)[j - 1] >= g.similaritiesOf(i)[j] - 1e-6f);
    }
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

    void recallCountsWrongNeighbours()
    {
        const qint64 n = 300;
        const int dim = 8, k = 11;
        const auto x = blobRows(n, dim, 30, 3);
        auto exact = buildKnnGraph(x.data(), n, dim, k);
        QVERIFY(exact.ok());
        std::vector<int> groupOf(static_cast<size_t>(n));
        for (qint64 i = 0; i < n; ++i)
            groupOf[size_t(i)] = i < 60 ? 1 : 0;
        auto perfect = measureKnnRecall(x.data(), n, dim, exact.value(), n, 1, groupOf);
        QVERIFY(perfect.ok());
        QCOMPARE(perfect->sampled, n);
        QCOMPARE(perfect->recall, 1.0);
        // Group 1 loses 4 of its 10 neighbours per row to rows of the farthest blob; group 0
        // keeps all: recall 0.6 and 1.0, overall (60 · 0.6 + 240) / 300.
        KnnGraph damaged = exact.value();
        for (qint64 i = 0; i < 60; ++i) {
            const auto *exactRow = exact->neighboursOf(i);
            int replaced = 0;
            for (qint64 far = n - 1; replaced < 4; --far) {
                if (std::find(exactRow, exactRow + k, int32_t(far)) == exactRow + k)
                    damaged.neighbours[size_t(i * k + k - 1 - replaced++)] = int32_t(far);
            }
        }
        auto r = measureKnnRecall(x.data(), n, dim, damaged, n, 1, groupOf);
        QVERIFY(r.ok());
        QVERIFY(std::abs(r->byGroup.at(1).second - 0.6) < 1e-12);
        QCOMPARE(r->byGroup.at(1).first, qint64(60));
        QCOMPARE(r->byGroup.at(0).second, 1.0);
        QVERIFY(std::abs(r->recall - (60 * 0.6 + 240) / 300.0) < 1e-12);
        // A sample: seeded, so the same rows twice; fewer rows than asked for.
        auto a = measureKnnRecall(x.data(), n, dim, damaged, 50, 9, groupOf);
        auto b = measureKnnRecall(x.data(), n, dim, damaged, 50, 9, groupOf);
        QCOMPARE(a->sampled, qint64(50));
        QCOMPARE(a->recall, b->recall);
        // A graph of other data is refused.
        QVERIFY(!measureKnnRecall(x.data(), n - 1, dim, damaged, 10, 1).ok());
    }

    void approximateIndexesFindTheNeighbours_data()
    {
        QTest::addColumn<int>("index");
        QTest::newRow("hnsw") << int(KnnIndex::Hnsw);
        QTest::newRow("ivf") << int(KnnIndex::Ivf);
    }

    void approximateIndexesFindTheNeighbours()
    {
        QFETCH(int, index);
        const qint64 n = 2000;
        const int dim = 24, k = 16;
        const auto x = blobRows(n, dim, 40, 5);
        KnnOptions o;
        o.index = KnnIndex(index);
        qint64 lastDone = 0;
        o.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done >= lastDone && total == n);
            lastDone = done;
        };
        auto g = buildKnnGraph(x.data(), n, dim, k, o);
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(lastDone, n);
        checkGraphShape(g.value(), n, k);
        auto r = measureKnnRecall(x.data(), n, dim, g.value(), 400, 2);
        QVERIFY(r.ok());
        QVERIFY2(r->recall > 0.95, qPrintable(QString::number(r->recall)));
        // Similarities are the cosines of the listed rows.
        const auto exact = buildKnnGraph(x.data(), n, dim, k);
        for (qint64 i = 0; i < n; i += 97)
            for (int j = 1; j < k; ++j)
                if (g->neighboursOf(i)[j] == exact->neighboursOf(i)[j])
                    QVERIFY(std::abs(g->similaritiesOf(i)[j] - exact->similaritiesOf(i)[j]) <
                            1e-4f);
        // The same seed gives the same graph: IVF always; HNSW on one thread (FAISS inserts in
        // parallel, so with several threads a rare link can depend on timing).
        o.progress = {};
        if (o.index == KnnIndex::Hnsw) {
            o.threads = 1;
            g = buildKnnGraph(x.data(), n, dim, k, o);
        }
        auto again = buildKnnGraph(x.data(), n, dim, k, o);
        QVERIFY(again->neighbours == g->neighbours);
        if (o.index == KnnIndex::Ivf) {
            // Lists laid out in a scratch file (out-of-core features) give the same graph.
            QTemporaryDir scratch;
            o.scratchDirectory = scratch.path();
            auto outOfCore = buildKnnGraph(x.data(), n, dim, k, o);
            QVERIFY2(outOfCore.ok(), qPrintable(outOfCore.error().toString()));
            QVERIFY(outOfCore->neighbours == g->neighbours);
            QVERIFY(outOfCore->similarities == g->similarities);
            // A folder under a file cannot be made: an error naming it, before any search.
            QVERIFY(QFile(scratch.filePath(QStringLiteral("missing"))).open(QIODevice::WriteOnly));
            o.scratchDirectory = scratch.filePath(QStringLiteral("missing/lists"));
            auto refused = buildKnnGraph(x.data(), n, dim, k, o);
            QVERIFY(!refused.ok() &&
                    refused.error().toString().contains(QStringLiteral("missing")));
        }
    }

    void approximateIndexProblemsAreClear()
    {
        const qint64 n = 400;
        const auto x = blobRows(n, 8, 4, 6);
        // 100 cells of about 4 rows, 1 probe: fewer rows than k = 20 are visited, so every row
        // is searched again with more probes until it has its k neighbours.
        KnnOptions o;
        o.index = KnnIndex::Ivf;
        o.ivfCells = 100;
        o.ivfProbes = 1;
        auto g = buildKnnGraph(x.data(), n, 8, 20, o);
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(g->widenedRows, n);
        checkGraphShape(g.value(), n, 20);
        QVERIFY(measureKnnRecall(x.data(), n, 8, g.value(), n, 1)->recall > 0.8);
        o.ivfProbes = 100; // every cell: nothing to widen, and exact
        g = buildKnnGraph(x.data(), n, 8, 20, o);
        QCOMPARE(g->widenedRows, qint64(0));
        QCOMPARE(measureKnnRecall(x.data(), n, 8, g.value(), n, 1)->recall, 1.0);
        o.ivfCells = 500;
        g = buildKnnGraph(x.data(), n, 8, 5, o);
        QVERIFY(!g.ok() && g.error().toString().contains(QStringLiteral("500 cells")));
        auto name = knnIndexFromName(QStringLiteral("annoy"), QStringLiteral("config.json"));
        QVERIFY(!name.ok());
        QVERIFY(name.error().toString().contains(QStringLiteral("exact, hnsw or ivf")));
        std::atomic<bool> cancel{true};
        KnnOptions h;
        h.index = KnnIndex::Hnsw;
        h.cancel = &cancel;
        g = buildKnnGraph(x.data(), n, 8, 5, h);
        QVERIFY(!g.ok() && g.error().toString().contains(QStringLiteral("cancelled")));
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
