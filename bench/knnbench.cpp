// equiscope-knn-bench: times the exact cosine kNN graph of the clustering pipeline (blocked
// products, running top-k, never the N×N matrix) on random features, one JSON line per size.
// bench/run-knn puts it next to the Python peer's full-matrix-then-topk (bench/reference/knn.py).
#include "clustering/knngraph.h"
#include "util/environment.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <chrono>
#include <cstdio>
#include <random>
#include <sys/resource.h>

using namespace equiscope;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, qint64 fallback) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toLongLong() : fallback;
    };
    const int threads = int(option(QStringLiteral("--threads"), 2));
    const int dim = int(option(QStringLiteral("--dim"), 256));
    const int k = int(option(QStringLiteral("--k"), 80));
    const int repeats = int(option(QStringLiteral("--repeat"), 1));
    const qint64 budgetMiB = option(QStringLiteral("--memory-mib"), 256);
    QStringList sizes{QStringLiteral("20000")};
    const int si = args.indexOf(QStringLiteral("--sizes"));
    if (si >= 0 && si + 1 < args.size())
        sizes = args.at(si + 1).split(QLatin1Char(','));
    configureTorchThreads(threads);
    for (const QString &s : sizes) {
        const qint64 n = s.toLongLong();
        std::vector<float> x(size_t(n) * size_t(dim));
        std::mt19937 rng(7);
        std::normal_distribution<float> g;
        for (float &v : x)
            v = g(rng);
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
        for (int r = 0; r < repeats; ++r) {
            KnnOptions o;
            o.memoryBytes = budgetMiB << 20;
            const auto t0 = std::chrono::steady_clock::now();
            auto graph = buildKnnGraph(x.data(), n, dim, k, o);
            const double t =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (!graph) {
                std::fprintf(stderr, "%s\n", qPrintable(graph.error().toString()));
                return 1;
            }
            best = std::min(best, t);
            checksum = 0;
            for (qint64 i = 0; i < n; i += 997)
                checksum += graph->similaritiesOf(i)[k - 1];
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const QJsonObject line{{QStringLiteral("side"), QStringLiteral("equiscope")},
                               {QStringLiteral("work"), QStringLiteral("knn")},
                               {QStringLiteral("n"), n},
                               {QStringLiteral("dim"), dim},
                               {QStringLiteral("k"), k},
                               {QStringLiteral("threads"), threads},
                               {QStringLiteral("seconds"), best},
                               {QStringLiteral("kth_similarity_checksum"), checksum},
                               {QStringLiteral("peak_rss_mib"), double(usage.ru_maxrss) / 1024.0}};
        std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }
    return 0;
}
