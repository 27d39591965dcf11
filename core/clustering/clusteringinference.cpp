#include "clustering/clusteringinference.h"

#include "eval/clusteringmetrics.h"

#include <algorithm>
#include <numeric>

namespace equiscope {

UnionFind::UnionFind(qint64 n) : m_parent(size_t(n)), m_size(size_t(n), 1)
{
    std::iota(m_parent.begin(), m_parent.end(), 0);
}

qint64 UnionFind::find(qint64 x)
{
    while (m_parent[size_t(x)] != x) {
        m_parent[size_t(x)] = m_parent[size_t(m_parent[size_t(x)])];
        x = m_parent[size_t(x)];
    }
    return x;
}

bool UnionFind::unite(qint64 a, qint64 b)
{
    a = find(a);
    b = find(b);
    if (a == b)
        return false;
    if (m_size[size_t(a)] < m_size[size_t(b)])
        std::swap(a, b);
    m_parent[size_t(b)] = a;
    m_size[size_t(a)] += m_size[size_t(b)];
    return true;
}

std::vector<int64_t> UnionFind::labels()
{
    const size_t n = m_parent.size();
    std::vector<int64_t> label(n, -1), out(n);
    int64_t next = 0;
    for (size_t i = 0; i < n; ++i) {
        const qint64 r = find(qint64(i));
        if (label[size_t(r)] < 0)
            label[size_t(r)] = next++;
        out[i] = label[size_t(r)];
    }
    return out;
}

std::vector<GraphEdge> thresholdedEdges(const KnnGraph &graph, const std::vector<float> &scores,
                                        double edgeThreshold)
{
    const qint64 n = graph.rows;
    const int k = graph.k;
    // Undirected adjacency of the kept edges, sorted and without duplicates (CSR).
    std::vector<std::pair<int32_t, int32_t>> pairs;
    for (qint64 a = 0; a < n; ++a) {
        const int32_t *nb = graph.neighboursOf(a);
        const float *s = scores.data() + a * k;
        for (int j = 1; j < k; ++j) {
            if (s[j] > edgeThreshold && nb[j] != a) {
                pairs.emplace_back(int32_t(a), nb[j]);
                pairs.emplace_back(nb[j], int32_t(a));
            }
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<qint64> start(size_t(n) + 1, 0);
    for (const auto &p : pairs)
        ++start[size_t(p.first) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());

    std::vector<GraphEdge> edges;
    edges.reserve(pairs.size() / 2);
    for (const auto &p : pairs) {
        if (p.first >= p.second)
            continue;
        // |adj(u) ∩ adj(v)| by merging the two sorted lists; the closed neighbourhoods add u
        // and v themselves (each is in the other's list).
        qint64 i = start[size_t(p.first)], iEnd = start[size_t(p.first) + 1];
        qint64 j = start[size_t(p.second)], jEnd = start[size_t(p.second) + 1];
        qint64 common = 0;
        while (i < iEnd && j < jEnd) {
            const int32_t x = pairs[size_t(i)].second, y = pairs[size_t(j)].second;
            if (x == y) {
                ++common;
                ++i;
                ++j;
            } else if (x < y) {
                ++i;
            } else {
                ++j;
            }
        }
        const double shared = double(common + 2);
        const double degU = double(iEnd - start[size_t(p.first)] + 1);
        const double degV = double(jEnd - start[size_t(p.second)] + 1);
        edges.push_back(
            GraphEdge{p.first, p.second, float(std::max(shared / degU, shared / degV))});
    }
    return edges;
}

std::vector<int64_t> connectedComponents(qint64 rows, const std::vector<GraphEdge> &edges,
                                         double sharedThreshold)
{
    UnionFind uf(rows);
    for (const GraphEdge &e : edges)
        if (sharedThreshold <= 0 || e.sharedRatio > sharedThreshold)
            uf.unite(e.u, e.v);
    return uf.labels();
}

std::vector<int64_t> clusterKnnGraph(const KnnGraph &graph, const std::vector<float> &scores,
                                     double edgeThreshold, double sharedThreshold)
{
    return connectedComponents(graph.rows, thresholdedEdges(graph, scores, edgeThreshold),
                               sharedThreshold);
}

ThresholdChoice chooseThresholds(const KnnGraph &graph, const std::vector<float> &scores,
                                 const std::vector<int64_t> &truth,
                                 const std::vector<double> &edgeGrid,
                                 const std::vector<double> &sharedGrid,
                                 const std::atomic<bool> *cancel,
                                 const std::function<void(qint64, qint64)> &progress)
{
    // Ties are common on a small validation split (a whole range of thresholds separates its
    // identities perfectly): take the middle of the tied range, the choice with the largest
    // margin on either side, rather than its most permissive end.
    auto middleOfBest = [](const std::vector<double> &f) {
        const double best = *std::max_element(f.begin(), f.end());
        std::vector<size_t> tied;
        for (size_t i = 0; i < f.size(); ++i)
            if (f[i] >= best - 1e-12)
                tied.push_back(i);
        return tied[(tied.size() - 1) / 2];
    };
    std::vector<double> bestF(edgeGrid.size());
    std::vector<size_t> bestShared(edgeGrid.size());
    const qint64 steps = qint64(edgeGrid.size());
    for (size_t e = 0; e < edgeGrid.size(); ++e) {
        if (cancel && cancel->load()) {
            ThresholdChoice stopped;
            stopped.cancelled = true;
            return stopped;
        }
        if (progress)
            progress(qint64(e), steps);
        const std::vector<GraphEdge> edges = thresholdedEdges(graph, scores, edgeGrid[e]);
        std::vector<double> f(sharedGrid.size());
        for (size_t s = 0; s < sharedGrid.size(); ++s)
            f[s] = clusteringScores(
                       Contingency(truth, connectedComponents(graph.rows, edges, sharedGrid[s])))
                       .pairwiseFScore;
        bestShared[e] = middleOfBest(f);
        bestF[e] = f[bestShared[e]];
    }
    if (progress)
        progress(steps, steps);
    ThresholdChoice best;
    if (edgeGrid.empty() || sharedGrid.empty())
        return best;
    const size_t e = middleOfBest(bestF);
    best.edgeThreshold = edgeGrid[e];
    best.sharedThreshold = sharedGrid[bestShared[e]];
    best.fScore = bestF[e];
    return best;
}

} // namespace equiscope
