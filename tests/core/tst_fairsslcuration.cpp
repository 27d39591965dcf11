// The curation kernels of the fair-SSL pipeline: dedup on constructed duplicates, blocked
// retrieval against a full sort, the evaluation-split check and the sharpness score.
#include "fairssl/curation_p.h"

#include <QtTest>

#include <algorithm>
#include <numeric>
#include <set>

using namespace equiscope;

namespace {

torch::Tensor unitRows(int64_t n, int64_t d, uint64_t seed)
{
    torch::manual_seed(seed);
    return torch::nn::functional::normalize(torch::randn({n, d}),
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
}

/// Connected groups by brute force: the full Gram matrix and a flood fill.
std::vector<int64_t> bruteForceKept(const torch::Tensor &e, double threshold)
{
    const int64_t n = e.size(0);
    const auto hit = e.mm(e.t()).ge(threshold);
    const auto a = hit.accessor<bool, 2>();
    std::vector<int64_t> group(size_t(n), -1), kept;
    for (int64_t i = 0; i < n; ++i) {
        if (group[size_t(i)] >= 0)
            continue;
        kept.push_back(i);
        std::vector<int64_t> stack{i};
        group[size_t(i)] = i;
        while (!stack.empty()) {
            const int64_t u = stack.back();
            stack.pop_back();
            for (int64_t v = 0; v < n; ++v)
                if (a[u][v] && group[size_t(v)] < 0) {
                    group[size_t(v)] = i;
                    stack.push_back(v);
                }
        }
    }
    return kept;
}

} // namespace

class TestFairSslCuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void dedupRemovesPlantedDuplicatesAndChains()
    {
        auto e = unitRows(400, 32, 1); // random 32-d rows: pairwise cosines far below 0.95
        // Row 10 duplicates row 3; rows 20, 21, 22 form a chain (20~21, 21~22, 20 !~ 22).
        e[10] = e[3];
        const auto dir = unitRows(1, 32, 2)[0];
        auto w = dir - e[20].dot(dir) * e[20];
        w = w / w.norm();
        const auto start = e[20].clone();
        auto mix = [&](double t) { return start * std::cos(t) + w * std::sin(t); };
        e[21] = mix(0.25); // cos 0.969 to row 20
        e[22] = mix(0.50); // cos 0.969 to row 21, 0.878 to row 20
        const curation::DedupResult r = curation::deduplicate(e, 0.95);
        QCOMPARE(int64_t(r.kept.size()), int64_t(400 - 3));
        QCOMPARE(int64_t(r.dropped.size()), int64_t(3));
        std::map<int64_t, int64_t> keptOf;
        for (const auto &d : r.dropped)
            keptOf[d.row] = d.keptRow;
        QCOMPARE(keptOf.at(10), int64_t(3));
        QCOMPARE(keptOf.at(21), int64_t(20));
        QCOMPARE(keptOf.at(22), int64_t(20)); // through the chain: the group's first member
        QVERIFY(std::abs(r.dropped.front().cosine - 1.0f) < 1e-5f);
        QVERIFY(std::is_sorted(r.kept.begin(), r.kept.end()));
    }

    void dedupMatchesBruteForceOverManyBlocks()
    {
        // 6-d rows: about two thousand pairs above 0.97, groups chain across blocks.
        const auto e = unitRows(5000, 6, 3);
        const auto expected = bruteForceKept(e, 0.97);
        const curation::DedupResult r = curation::deduplicate(e, 0.97);
        QCOMPARE(r.kept, expected);
        QVERIFY(r.dropped.size() > 100);
        QCOMPARE(int64_t(r.kept.size() + r.dropped.size()), int64_t(5000));
    }

    void retrievalMatchesAFullSort()
    {
        const auto q = unitRows(1000, 16, 4);
        const auto k = unitRows(12000, 16, 5); // > one block of keys: the merge runs
        auto [values, indices] = curation::blockedTopK(q, k, 3);
        QCOMPARE(values.sizes(), (c10::IntArrayRef{1000, 3}));
        const auto full = q.mm(k.t());
        const auto [sortedValues, sortedIndices] = full.sort(1, true);
        QVERIFY(torch::equal(indices, sortedIndices.narrow(1, 0, 3)));
        QVERIFY(torch::allclose(values, sortedValues.narrow(1, 0, 3)));
        // k larger than the keys is clamped.
        auto [v2, i2] = curation::blockedTopK(q.narrow(0, 0, 5), k.narrow(0, 0, 2), 10);
        QCOMPARE(i2.size(1), int64_t(2));
    }

    void evaluationDuplicatesAreFound()
    {
        const auto test = unitRows(50, 32, 6);
        auto pool = unitRows(300, 32, 7);
        pool[17] = test[4];
        pool[250] = test[49];
        const auto matches = curation::matchesAgainst(pool, test, 0.95);
        QCOMPARE(int(matches.size()), 2);
        QCOMPARE(matches[0].row, int64_t(17));
        QCOMPARE(matches[0].keptRow, int64_t(4));
        QCOMPARE(matches[1].row, int64_t(250));
        QCOMPARE(matches[1].keptRow, int64_t(49));
    }

    void sharpnessScoreOrdersImages()
    {
        std::vector<uint8_t> flat(28 * 28 * 3, 128), checker(28 * 28 * 3), soft(28 * 28 * 3);
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x)
                for (int c = 0; c < 3; ++c) {
                    checker[size_t((y * 28 + x) * 3 + c)] = ((x / 2 + y / 2) % 2) ? 255 : 0;
                    soft[size_t((y * 28 + x) * 3 + c)] = uint8_t(128 + 100 * std::sin(x / 6.0));
                }
        const double f = curation::laplacianVariance(flat.data(), 28, 28, 3);
        const double s = curation::laplacianVariance(soft.data(), 28, 28, 3);
        const double c = curation::laplacianVariance(checker.data(), 28, 28, 3);
        QCOMPARE(f, 0.0);
        QVERIFY(s > f);
        QVERIFY(c > 100 * s);
        // Grey single-channel images work too.
        std::vector<uint8_t> grey(28 * 28);
        for (size_t i = 0; i < grey.size(); ++i)
            grey[i] = checker[i * 3];
        QCOMPARE(curation::laplacianVariance(grey.data(), 28, 28, 1), c);
    }
};

QTEST_GUILESS_MAIN(TestFairSslCuration)
#include "tst_fairsslcuration.moc"
