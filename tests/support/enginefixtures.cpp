#include "enginefixtures.h"

#include "fixtures.h"

#include <random>

namespace fixtures {

namespace {
void writeSplit(const QString &dir, const QString &prefix, int n, unsigned seed)
{
    std::mt19937 rng(seed);
    QByteArray img(n * 784, 0), lab(n, 0);
    for (int i = 0; i < n; ++i) {
        const int cls = i % 2;
        lab[i] = char(cls);
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x) {
                const bool ink =
                    cls == 0 ? (y < 14 && x > 4 && x < 24) : (y >= 14 && x > 4 && x < 24);
                img[i * 784 + y * 28 + x] = char(ink ? 200 + int(rng() % 56) : int(rng() % 30));
            }
    }
    writeFile(dir + "/" + prefix + "-images-idx3-ubyte", idxBytes({n, 28, 28}, img));
    writeFile(dir + "/" + prefix + "-labels-idx1-ubyte", idxBytes({n}, lab));
}
} // namespace

equiscope::FareConfig tinyColoredRun(const QString &dir, int trainImages, int testImages)
{
    writeSplit(dir, QStringLiteral("train"), trainImages, 1);
    writeSplit(dir, QStringLiteral("t10k"), testImages, 2);
    equiscope::FareConfig c;
    c.name = QStringLiteral("tiny");
    c.loss.method = equiscope::LossMethod::Fare;
    c.dataset.format = QStringLiteral("colored");
    c.dataset.options = {{QStringLiteral("source"), dir},
                         {QStringLiteral("sourceFormat"), QStringLiteral("idx")}};
    c.target = QStringLiteral("label");
    c.sensitive = {QStringLiteral("rgb")};
    c.epochs = 3;
    c.warmupEpochs = 0;
    c.batchSize = 32;
    c.threads = 2;
    c.trainLimit = 0;
    c.probeTrainLimit = 0;
    c.testLimit = 0;
    c.probeBatch = 16;
    c.bootstrapResamples = 50;
    c.minGroupSize = 5;
    return c;
}

} // namespace fixtures
