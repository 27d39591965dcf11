// Inference of docs/design/methods/clustering.md step 7 on a hand graph: thresholded edges,
// shared-neighbour ratios, union–find components and the validation threshold search.
#include "clustering/clusteringinference.h"

#include <QtTest>

using namespace equiscope;

namespace {

// Two triangles {0,1,2} and {3,4,5} joined by a bridge 2–3 (score 0.92) and a weak edge 5–1
// (score 0.5). Column 0 of each row is the row itself.
KnnGraph handGraph(std::vector<float> &scores)
{
    KnnGraph g;
    g.rows = 6;
    g.k = 3;
    g.neighbours = {0, 1, 2, 1, 0, 2, 2, 0, 3, 3, 4, 5, 4, 3, 5, 5, 4, 1};
    g.similarities = {1, .9f, .8f, 1, .9f, .8f, 1, .8f, .7f, 1, .9f, .8f, 1, .9f, .8f, 1, .9f, .2f};
    scores = {1, .95f, .95f, 1, .95f, .95f, 1, .95f, .92f,
              1, .95f, .95f, 1, .95f, .95f, 1, .95f, .5f};
    return g;
}

} // namespace

class TestClusteringInference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unionFind()
    {
        UnionFind uf(6);
        QVERIFY(uf.unite(4, 1));
        QVERIFY(uf.unite(1, 5));
        QVERIFY(!uf.unite(5, 4)); // already one set
        QVERIFY(uf.unite(0, 2));
        QCOMPARE(uf.find(4), uf.find(5));
        QVERIFY(uf.find(0) != uf.find(1));
        // Labels in order of each component's smallest member: {0,2} 0, {1,4,5} 1, {3} 2.
        QCOMPARE(uf.labels(), (std::vector<int64_t>{0, 1, 0, 2, 1, 1}));
    }

    void sharedNeighbourRatios()
    {
        std::vector<float> scores;
        const KnnGraph g = handGraph(scores);
        // At 0.9 the weak edge 5–1 is dropped. Closed neighbourhoods: N0 = N1 = {0,1,2},
        // N2 = {0,1,2,3}, N3 = {2,3,4,5}, N4 = N5 = {3,4,5}.
        //  0–1: |N0∩N1| = 3, ratio max(3/3, 3/3) = 1;  0–2, 1–2: max(3/3, 3/4) = 1
        //  2–3: |N2∩N3| = |{2,3}| = 2, ratio max(2/4, 2/4) = 0.5;  3–4, 3–5, 4–5: 1
        const auto edges = thresholdedEdges(g, scores, 0.9);
        QCOMPARE(edges.size(), size_t(7));
        for (const GraphEdge &e : edges) {
            QVERIFY(e.u < e.v);
            const bool bridge = e.u == 2 && e.v == 3;
            QCOMPARE(e.sharedRatio, bridge ? 0.5f : 1.0f);
        }
        // The bridge has a shared ratio below 0.65: two clusters.
        QCOMPARE(connectedComponents(6, edges, 0.65), (std::vector<int64_t>{0, 0, 0, 1, 1, 1}));
        // Without the filter the bridge joins them.
        QCOMPARE(connectedComponents(6, edges, 0.0), (std::vector<int64_t>(6, 0)));
        // A higher edge threshold cuts the bridge by itself.
        QCOMPARE(clusterKnnGraph(g, scores, 0.93, 0.0), (std::vector<int64_t>{0, 0, 0, 1, 1, 1}));
        // Everything below threshold: singletons.
        QCOMPARE(clusterKnnGraph(g, scores, 0.99, 0.0), (std::vector<int64_t>{0, 1, 2, 3, 4, 5}));
    }

    void closedNeighbourhoodKeepsPairs()
    {
        // Two samples that only see each other: ratio 1 (the pair is its own cluster).
        KnnGraph g;
        g.rows = 3;
        g.k = 2;
        g.neighbours = {0, 1, 1, 0, 2, 0};
        g.similarities = {1, 1, 1, 1, 1, 0};
        const std::vector<float> scores{1, 0.99f, 1, 0.99f, 1, 0.1f};
        const auto edges = thresholdedEdges(g, scores, 0.9);
        QCOMPARE(edges.size(), size_t(1)); // 0–1 listed by both rows, kept once
        QCOMPARE(edges[0].sharedRatio, 1.0f);
        QCOMPARE(connectedComponents(3, edges, 0.65), (std::vector<int64_t>{0, 0, 1}));
    }

    void thresholdSearch()
    {
        std::vector<float> scores;
        const KnnGraph g = handGraph(scores);
        const std::vector<int64_t> truth{7, 7, 7, 9, 9, 9};
        // At 0.4 the weak edge 5–1 joins too; its shared ratio is |N1∩N5| / 4 = |{1,5}| / 4 =
        // 0.5, like the bridge's, so 0.65 and 0.8 both separate the triangles at every edge
        // threshold: ties take the middle (lower median) of the tied entries.
        const ThresholdChoice c =
            chooseThresholds(g, scores, truth, {0.4, 0.5, 0.9}, {0.0, 0.65, 0.8});
        QCOMPARE(c.edgeThreshold, 0.5);
        QCOMPARE(c.sharedThreshold, 0.65);
        QCOMPARE(c.fScore, 1.0);
        // Without the filter only an edge threshold above the bridge (0.92) separates them.
        const ThresholdChoice e = chooseThresholds(g, scores, truth, {0.4, 0.9, 0.93}, {0.0});
        QCOMPARE(e.edgeThreshold, 0.93);
        QCOMPARE(e.fScore, 1.0);
        // Only a permissive grid: one cluster of 6, pairwise P = 6/15, R = 1 → F = 4/7.
        const ThresholdChoice loose = chooseThresholds(g, scores, truth, {0.4}, {0.0});
        QVERIFY(std::abs(loose.fScore - 4.0 / 7.0) < 1e-12);
    }

    void thresholdSearchReportsAndStops()
    {
        std::vector<float> scores;
        const KnnGraph g = handGraph(scores);
        const std::vector<int64_t> truth{7, 7, 7, 9, 9, 9};
        std::vector<std::pair<qint64, qint64>> seen;
        std::atomic<bool> cancel{false};
        const ThresholdChoice all =
            chooseThresholds(g, scores, truth, {0.4, 0.5, 0.9}, {0.0, 0.65}, &cancel,
                             [&](qint64 done, qint64 total) { seen.emplace_back(done, total); });
        QVERIFY(!all.cancelled);
        QCOMPARE(seen, (std::vector<std::pair<qint64, qint64>>{{0, 3}, {1, 3}, {2, 3}, {3, 3}}));
        // A request made while the first edge threshold is tried stops before the second.
        seen.clear();
        const ThresholdChoice stopped =
            chooseThresholds(g, scores, truth, {0.4, 0.5, 0.9}, {0.0, 0.65}, &cancel,
                             [&](qint64 done, qint64 total) {
                                 seen.emplace_back(done, total);
                                 cancel = true;
                             });
        QVERIFY(stopped.cancelled);
        QCOMPARE(seen.size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestClusteringInference)
#include "tst_clusteringinference.moc"
