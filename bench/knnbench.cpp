// equiscope-knn-bench: times the clustering pipeline's kNN graph on synthetic features, one JSON
// line per size: the own exact engine (blocked products over the upper triangle of the Gram
// matrix, running top-k), FAISS's exact IndexFlatIP, or the approximate HNSW / IVF indexes with
// their recall@k against exact neighbours, overall and per group. bench/run-knn puts the exact
// engines next to the Python peer's full-matrix-then-topk (bench/reference/knn.py).
//
//   equiscope-knn-bench [--index exact|faiss-flat|hnsw|ivf] [--sizes N,N] [--dim D] [--k K]
//       [--threads T] [--data random|clustered] [--recall-sample N] [--hnsw-links M]
//       [--hnsw-build-depth N] [--hnsw-search-depth N] [--ivf-cells N] [--ivf-probes N]
//       [--memory-mib M] [--repeat R] [--write-features FILE]
//       [--write-dataset DIR [--only-write]]
//
// --data clustered plants families of look-alike identities (10 samples each) and a rare group
// (5 % of the families) whose centres share a common direction, so the rare group lives in a
// denser region of the space — where an approximate index is most likely to miss neighbours.
#include "clustering/knngraph.h"
#include "clustering/knngraph_p.h"
#include "util/environment.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <sys/resource.h>

using namespace equiscope;

namespace {

constexpr int kIdentitySize = 10;      ///< samples per identity
constexpr int kFamilySize = 100;       ///< identities per family of look-alikes
constexpr double kRareFraction = 0.05; ///< families in the rare group

/// Random N(0, 1) rows (--data random), or planted structure (clustered): families of similar
/// identities (a family centre, identity offsets, sample noise), so that an identity's 80
/// nearest neighbours are its own samples and look-alikes from its family, as in face
/// embeddings; 5 % of the families form a rare group whose centres share one direction.
void makeFeatures(std::vector<float> &x, std::vector<int> &groupOf, qint64 n, int dim,
                  bool clustered)
{
    std::mt19937 rng(7);
    std::normal_distribution<float> g;
    groupOf.assign(size_t(n), 0);
    if (!clustered) {
        for (float &v : x)
            v = g(rng);
        return;
    }
    std::vector<float> shared(static_cast<size_t>(dim)), family(static_cast<size_t>(dim)),
        identity(static_cast<size_t>(dim));
    for (float &v : shared)
        v = g(rng);
    std::uniform_real_distribution<double> u(0, 1);
    const qint64 familyRows = qint64(kIdentitySize) * kFamilySize;
    for (qint64 f0 = 0; f0 < n; f0 += familyRows) {
        const bool rare = u(rng) < kRareFraction;
        for (int d = 0; d < dim; ++d)
            family[size_t(d)] = g(rng) + (rare ? 1.5f * shared[size_t(d)] : 0.0f);
        for (qint64 i0 = f0; i0 < std::min(n, f0 + familyRows); i0 += kIdentitySize) {
            for (int d = 0; d < dim; ++d)
                identity[size_t(d)] = family[size_t(d)] + 0.5f * g(rng);
            for (qint64 r = i0; r < std::min(n, i0 + kIdentitySize); ++r) {
                groupOf[size_t(r)] = rare ? 1 : 0;
                for (int d = 0; d < dim; ++d)
                    x[size_t(r * dim + d)] = identity[size_t(d)] + 0.35f * g(rng);
            }
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, qint64 fallback) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toLongLong() : fallback;
    };
    auto text = [&](const QString &name, const QString &fallback) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const int threads = int(option(QStringLiteral("--threads"), 2));
    const int dim = int(option(QStringLiteral("--dim"), 256));
    const int k = int(option(QStringLiteral("--k"), 80));
    const int repeats = int(option(QStringLiteral("--repeat"), 1));
    const qint64 budgetMiB = option(QStringLiteral("--memory-mib"), 256);
    const qint64 recallSample = option(QStringLiteral("--recall-sample"), 0);
    const QString indexName = text(QStringLiteral("--index"), QStringLiteral("exact"));
    const bool faissFlat = indexName == QLatin1String("faiss-flat");
    const bool clustered =
        text(QStringLiteral("--data"), QStringLiteral("random")) == QLatin1String("clustered");
    KnnOptions o;
    if (!faissFlat) {
        auto index = knnIndexFromName(indexName, QStringLiteral("--index"));
        if (!index) {
            std::fprintf(stderr, "%s\n", qPrintable(index.error().toString()));
            return 2;
        }
        o.index = index.value();
    }
    o.memoryBytes = budgetMiB << 20;
    o.hnswLinks = int(option(QStringLiteral("--hnsw-links"), o.hnswLinks));
    o.hnswBuildDepth = int(option(QStringLiteral("--hnsw-build-depth"), o.hnswBuildDepth));
    o.hnswSearchDepth = int(option(QStringLiteral("--hnsw-search-depth"), o.hnswSearchDepth));
    o.ivfCells = int(option(QStringLiteral("--ivf-cells"), o.ivfCells));
    o.ivfProbes = int(option(QStringLiteral("--ivf-probes"), o.ivfProbes));
    QStringList sizes{QStringLiteral("20000")};
    const int si = args.indexOf(QStringLiteral("--sizes"));
    if (si >= 0 && si + 1 < args.size())
        sizes = args.at(si + 1).split(QLatin1Char(','));
    configureTorchThreads(threads);
    for (const QString &s : sizes) {
        const qint64 n = s.toLongLong();
        std::vector<float> x(size_t(n) * size_t(dim));
        std::vector<int> groupOf;
        makeFeatures(x, groupOf, n, dim, clustered);
        // A clustering input of the same features (features.bin, labels.meta with the planted
        // identity, groups.txt with rare/common) for a whole `equiscope-cli cluster` run.
        const int di = args.indexOf(QStringLiteral("--write-dataset"));
        if (di >= 0 && di + 1 < args.size()) {
            const QByteArray dir = args.at(di + 1).toLocal8Bit();
            QDir().mkpath(args.at(di + 1));
            FILE *f = std::fopen((dir + "/features.bin").constData(), "wb");
            FILE *l = std::fopen((dir + "/labels.meta").constData(), "w");
            FILE *g = std::fopen((dir + "/groups.txt").constData(), "w");
            if (!f || !l || !g || std::fwrite(x.data(), sizeof(float), x.size(), f) != x.size()) {
                std::fprintf(stderr, "cannot write the dataset to %s: %s\n", dir.constData(),
                             std::strerror(errno));
                return 1;
            }
            for (qint64 r = 0; r < n; ++r) {
                std::fprintf(l, "%lld\n", r / kIdentitySize);
                std::fputs(groupOf[size_t(r)] == 1 ? "rare\n" : "common\n", g);
            }
            if (std::fclose(f) != 0 || std::fclose(l) != 0 || std::fclose(g) != 0)
                return 1;
            if (args.contains(QStringLiteral("--only-write")))
                continue;
        }
        // The peer reads the very same features, so both sides' results can be compared.
        const int wi = args.indexOf(QStringLiteral("--write-features"));
        if (wi >= 0 && wi + 1 < args.size()) {
            FILE *f = std::fopen(qPrintable(args.at(wi + 1)), "wb");
            if (!f || std::fwrite(x.data(), sizeof(float), x.size(), f) != x.size())
                return 1;
            std::fclose(f);
        }
        double best = 1e30;
        double checksum = 0;
        KnnGraph graph;
        for (int r = 0; r < repeats; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            Expected<KnnGraph> built = KnnGraph{};
            if (faissFlat) {
                auto normalized = normalizedRows(x.data(), n, dim);
                built = normalized ? buildFaissKnnGraph(normalized->data(), n, dim, k, o, true)
                                   : Expected<KnnGraph>(normalized.error());
            } else {
                built = buildKnnGraph(x.data(), n, dim, k, o);
            }
            const double t =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (!built) {
                std::fprintf(stderr, "%s\n", qPrintable(built.error().toString()));
                return 1;
            }
            best = std::min(best, t);
            graph = std::move(built.value());
            checksum = 0;
            for (qint64 i = 0; i < n; i += 997)
                checksum += graph.similaritiesOf(i)[k - 1];
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        QJsonObject line{{QStringLiteral("side"),
                          faissFlat ? QStringLiteral("faiss") : QStringLiteral("equiscope")},
                         {QStringLiteral("work"), QStringLiteral("knn")},
                         {QStringLiteral("index"), indexName},
                         {QStringLiteral("data"),
                          clustered ? QStringLiteral("clustered") : QStringLiteral("random")},
                         {QStringLiteral("n"), n},
                         {QStringLiteral("dim"), dim},
                         {QStringLiteral("k"), k},
                         {QStringLiteral("threads"), threads},
                         {QStringLiteral("seconds"), best},
                         {QStringLiteral("kth_similarity_checksum"), checksum},
                         {QStringLiteral("peak_rss_mib"), double(usage.ru_maxrss) / 1024.0}};
        if (o.index != KnnIndex::Exact) {
            line.insert(QStringLiteral("index_seconds"), graph.indexSeconds);
            line.insert(QStringLiteral("search_seconds"), graph.searchSeconds);
        }
        if (recallSample > 0) {
            const auto t0 = std::chrono::steady_clock::now();
            auto recall = measureKnnRecall(x.data(), n, dim, graph, recallSample, 11, groupOf);
            if (!recall) {
                std::fprintf(stderr, "%s\n", qPrintable(recall.error().toString()));
                return 1;
            }
            QJsonObject byGroup;
            for (const auto &[group, cell] : recall->byGroup)
                byGroup.insert(group == 1 ? QStringLiteral("rare") : QStringLiteral("common"),
                               QJsonObject{{QStringLiteral("rows"), cell.first},
                                           {QStringLiteral("recall"), cell.second}});
            line.insert(QStringLiteral("recall_sample"), recall->sampled);
            line.insert(QStringLiteral("recall"), recall->recall);
            line.insert(QStringLiteral("recall_by_group"), byGroup);
            line.insert(
                QStringLiteral("recall_seconds"),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }
    return 0;
}
