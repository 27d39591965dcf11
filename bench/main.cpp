// equiscope-bench: times the fast paths of the contrastive losses (forward + backward) and a
// BLAS product, printing one JSON object per line. bench/run puts these next to the Python
// reference and prints the ratios.
#include "data/datasetreader.h"
#include "fairssl/curation_p.h"
#include "fare/faresession.h"
#include "losses/contrastiveloss_p.h"
#include "util/environment.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace equiscope;

namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

int repeatsFor(int64_t b)
{
    return b <= 1024 ? 9 : (b <= 4096 ? 5 : 3);
}

void benchLoss(const QString &name, int64_t b, int64_t d, int64_t dz)
{
    LossConfig c;
    c.method = lossMethodFromName(name).value();
    auto loss = makeContrastiveLoss(c, int(dz));
    torch::manual_seed(1);
    const auto norm = torch::nn::functional::NormalizeFuncOptions().dim(1);
    const torch::Tensor u1 = torch::nn::functional::normalize(torch::randn({b, d}), norm);
    const torch::Tensor u2 = torch::nn::functional::normalize(torch::randn({b, d}), norm);
    LossInputs in;
    in.z = torch::randn({b, dz});
    in.groups = torch::randint(0, 10, {b}, torch::kLong);
    std::vector<double> times;
    double value = 0;
    int64_t empty = 0;
    const int repeats = repeatsFor(b), warmup = 1;
    for (int i = 0; i < warmup + repeats; ++i) {
        in.u1 = u1.clone().requires_grad_(true);
        in.u2 = u2.clone().requires_grad_(true);
        loss->zero_grad();
        const double t0 = now();
        LossOutput out = loss->forward(in);
        out.loss.backward();
        const double t1 = now();
        if (i >= warmup)
            times.push_back(t1 - t0);
        value = out.loss.item<double>();
        empty = out.emptySupportRows;
    }
    QJsonObject o;
    o.insert(QStringLiteral("side"), QStringLiteral("equiscope"));
    o.insert(QStringLiteral("loss"), name);
    o.insert(QStringLiteral("b"), qint64(b));
    o.insert(QStringLiteral("median_s"), median(times));
    o.insert(QStringLiteral("value"), value);
    o.insert(QStringLiteral("empty_rows"), qint64(empty));
    printLine(o);
}

void benchBlas(int64_t n)
{
    const torch::Tensor a = torch::randn({n, n}), b = torch::randn({n, n});
    torch::Tensor c = torch::empty({n, n});
    std::vector<double> times;
    for (int i = 0; i < 25; ++i) {
        const double t0 = now();
        at::mm_out(c, a, b);
        const double t1 = now();
        if (i >= 5)
            times.push_back(t1 - t0);
    }
    QJsonObject o;
    o.insert(QStringLiteral("side"), QStringLiteral("equiscope"));
    o.insert(QStringLiteral("blas_n"), qint64(n));
    o.insert(QStringLiteral("gflops"),
             2.0 * double(n) * double(n) * double(n) / median(times) / 1e9);
    printLine(o);
}

/// End-to-end training throughput (docs/guide/benchmark.md, training throughput): FARE on Colored
/// Fashion-MNIST, LeNet, b = 256, batched augmentations, through the same FareSession the app uses.
void benchTraining(int steps)
{
    FareConfig config = FareConfig::coloredFashionMnistDefault();
    config.epochs = 2;
    config.warmupEpochs = 0;
    config.trainLimit = qint64(steps) * config.batchSize;
    auto dataset = openDataset(config.dataset);
    if (!dataset) {
        std::fprintf(stderr, "%s\n", qPrintable(dataset.error().toString()));
        return;
    }
    auto session = FareSession::create(config, dataset.value());
    if (!session) {
        std::fprintf(stderr, "%s\n", qPrintable(session.error().toString()));
        return;
    }
    std::atomic<bool> cancel{false};
    (void)session.value()->runEpoch(1, cancel); // warm-up: allocator, caches, thread pool
    auto report = session.value()->runEpoch(2, cancel);
    QJsonObject o;
    o.insert(QStringLiteral("side"), QStringLiteral("equiscope"));
    o.insert(QStringLiteral("train_images_per_s"), report ? report->imagesPerSecond : 0.0);
    o.insert(QStringLiteral("train_steps"), steps);
    printLine(o);
}

/// The fair-SSL curation kernels at pool scale (issue 6: tens of thousands of embeddings in
/// seconds): dedup of an N×d pool, its leakage check against 2,000 evaluation rows and top-2
/// retrieval for 1,000 seeds. Rows are L2-normalised points around N/4 random centres with a
/// few planted near-copies, so some pairs pass τ 0.95 as in real data.
void benchCuration(int64_t n, int64_t d)
{
    torch::manual_seed(0);
    const auto centres = torch::randn({std::max<int64_t>(1, n / 4), d});
    auto pool = centres.index_select(0, torch::randint(centres.size(0), {n}, torch::kLong)) +
                0.6 * torch::randn({n, d});
    pool.narrow(0, n / 2, n / 100)
        .copy_(pool.narrow(0, 0, n / 100) + 0.01 * torch::randn({n / 100, d}));
    pool = torch::nn::functional::normalize(pool,
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
    auto eval = torch::nn::functional::normalize(
        torch::randn({2000, d}), torch::nn::functional::NormalizeFuncOptions().dim(1));
    const auto seeds = pool.narrow(0, 0, std::min<int64_t>(1000, n));
    double t0 = now();
    const auto dedup = curation::deduplicate(pool, 0.95);
    const double dedupSeconds = now() - t0;
    t0 = now();
    const auto leaks = curation::matchesAgainst(pool, eval, 0.95);
    const double leakSeconds = now() - t0;
    t0 = now();
    const auto top = curation::blockedTopK(seeds, pool, 3); // the seed itself + M = 2
    const double retrieveSeconds = now() - t0;
    QJsonObject o;
    o.insert(QStringLiteral("side"), QStringLiteral("equiscope"));
    o.insert(QStringLiteral("curation_rows"), qint64(n));
    o.insert(QStringLiteral("dim"), qint64(d));
    o.insert(QStringLiteral("dedup_s"), dedupSeconds);
    o.insert(QStringLiteral("dedup_pairs"), qint64(dedup.pairs));
    o.insert(QStringLiteral("dedup_dropped"), qint64(dedup.dropped.size()));
    o.insert(QStringLiteral("eval_leak_s"), leakSeconds);
    o.insert(QStringLiteral("eval_leaks"), qint64(leaks.size()));
    o.insert(QStringLiteral("retrieve_1000_s"), retrieveSeconds);
    o.insert(QStringLiteral("retrieved"), qint64(top.second.numel()));
    printLine(o);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    auto value = [&](const QString &flag, const QString &fallback) {
        const int i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const int threads =
        configureTorchThreads(value(QStringLiteral("--threads"), QStringLiteral("2")).toInt());
    const int64_t d = value(QStringLiteral("--d"), QStringLiteral("128")).toLongLong();
    const int64_t dz = value(QStringLiteral("--dz"), QStringLiteral("3")).toLongLong();
    QJsonObject info;
    info.insert(QStringLiteral("side"), QStringLiteral("equiscope"));
    info.insert(QStringLiteral("threads"), threads);
    printLine(info);
    if (args.contains(QStringLiteral("--blas")))
        benchBlas(1024);
    if (args.contains(QStringLiteral("--curation")))
        benchCuration(value(QStringLiteral("--curation"), QStringLiteral("30000")).toLongLong(), d);
    if (args.contains(QStringLiteral("--train")))
        benchTraining(value(QStringLiteral("--train"), QStringLiteral("40")).toInt());
    const QStringList losses =
        value(QStringLiteral("--losses"), QString()).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QStringList sizes = value(QStringLiteral("--sizes"), QStringLiteral("256,1024,4096,8192"))
                                  .split(QLatin1Char(','), Qt::SkipEmptyParts);
    const int64_t cclkMax =
        value(QStringLiteral("--cclk-max"), QStringLiteral("4096")).toLongLong();
    for (const QString &name : losses) {
        if (!lossMethodFromName(name)) {
            std::fprintf(stderr, "unknown loss '%s'\n", qPrintable(name));
            return 2;
        }
        for (const QString &s : sizes) {
            const int64_t b = s.toLongLong();
            if (name == QLatin1String("cclk") && b > cclkMax)
                continue;
            benchLoss(name, b, d, dz);
        }
    }
    return 0;
}
