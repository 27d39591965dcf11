#include "fairsslfixtures.h"

#include <QDir>
#include <QFile>
#include <QImage>

#include <algorithm>
#include <random>

namespace fixtures {

namespace {

// Every image differs visibly (block size, position, shade, background, dots), so only the
// planted copies are near-duplicates; the class is where the ink block sits.
QImage shapeImage(bool top, bool blue, std::mt19937 &rng)
{
    QImage img(32, 32, QImage::Format_RGB888);
    auto uniform = [&rng](int lo, int hi) { return lo + int(rng() % unsigned(hi - lo + 1)); };
    const int shade = uniform(-50, 30);
    const QColor ink = blue ? QColor(40, 60, std::clamp(200 + shade, 0, 255))
                            : QColor(std::clamp(200 + shade, 0, 255), 50, 40);
    const int h = uniform(5, 12), w = uniform(8, 26);
    const int y0 = top ? uniform(1, 15 - h) : uniform(17, 31 - h);
    const int x0 = uniform(0, 32 - w);
    const int background = uniform(190, 250);
    const int tilt = uniform(-3, 3);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) {
            const bool inside = y >= y0 && y < y0 + h && x >= x0 && x < x0 + w;
            const int noise = uniform(0, 30);
            const int bg = std::clamp(background + tilt * (x - 16) / 2 - noise, 0, 255);
            img.setPixelColor(x, y,
                              inside ? QColor(std::min(255, ink.red() + noise / 2),
                                              std::min(255, ink.green() + noise / 2),
                                              std::min(255, ink.blue() + noise / 2))
                                     : QColor(bg, bg, bg));
        }
    for (int k = 0; k < 4; ++k) {
        const int cx = uniform(1, 30), cy = uniform(1, 30), g = uniform(20, 120);
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                img.setPixelColor(cx + dx, cy + dy, QColor(g, g, g));
    }
    return img;
}

} // namespace

FairSslFixture writeFairSslFixture(const QString &dir, int trainImages, int testImages)
{
    QDir().mkpath(dir + QStringLiteral("/images"));
    std::mt19937 rng(7);
    // "site" is known for test images only: as the sensitive attribute it leaves every curated
    // image without a group (the empty meta set case).
    QStringList rows{QStringLiteral("path,shape,tint,site,split")};
    FairSslFixture f;
    qint64 index = 0;
    auto add = [&](const QImage &img, bool top, bool blue, const QString &split) {
        const QString name = QStringLiteral("images/%1.png").arg(index, 4, 10, QLatin1Char('0'));
        img.save(dir + QLatin1Char('/') + name);
        const QString site = split == QLatin1String("test")
                                 ? (index % 2 ? QStringLiteral("x") : QStringLiteral("y"))
                                 : QString();
        rows << QStringLiteral("%1,%2,%3,%4,%5")
                    .arg(name, top ? QStringLiteral("top") : QStringLiteral("bottom"),
                         blue ? QStringLiteral("blue") : QStringLiteral("red"), site, split);
        return index++;
    };
    struct Item
    {
        QImage image;
        bool top, blue;
        qint64 index;
    };
    std::vector<Item> test, train;
    for (int i = 0; i < testImages; ++i) {
        const bool top = i % 2 == 0, blue = i % 5 == 0;
        const QImage img = shapeImage(top, blue, rng);
        test.push_back({img, top, blue, add(img, top, blue, QStringLiteral("test"))});
    }
    for (int i = 0; i < trainImages; ++i) {
        const bool top = i % 2 == 0, blue = i % 5 == 0;
        const QImage img = shapeImage(top, blue, rng);
        train.push_back({img, top, blue, add(img, top, blue, QStringLiteral("train"))});
    }
    for (int i = 0; i < 6 && i < testImages; ++i) {
        f.leakedTrain.push_back(add(test[size_t(i)].image, test[size_t(i)].top,
                                    test[size_t(i)].blue, QStringLiteral("train")));
        f.leakedOriginals.push_back(test[size_t(i)].index);
    }
    for (int i = 0; i < 6 && i < trainImages; ++i)
        f.trainDuplicates.push_back(add(train[size_t(i)].image, train[size_t(i)].top,
                                        train[size_t(i)].blue, QStringLiteral("train")));
    for (int i = 0; i < 12; ++i) {
        QImage flat(32, 32, QImage::Format_RGB888);
        flat.fill(QColor(120 + 8 * i, 120, 140));
        f.flat.push_back(add(flat, i % 2 == 0, i % 5 == 0, QStringLiteral("train")));
    }
    QFile csv(dir + QStringLiteral("/labels.csv"));
    csv.open(QIODevice::WriteOnly | QIODevice::Truncate);
    csv.write(rows.join(QLatin1Char('\n')).toUtf8() + '\n');
    csv.close();

    equiscope::FairSslConfig &c = f.config;
    c.name = QStringLiteral("tiny fair-ssl");
    c.dataset.format = QStringLiteral("folder-csv");
    c.dataset.path = dir + QStringLiteral("/labels.csv");
    c.dataset.options.insert(QStringLiteral("imageSize"), 32);
    c.target = QStringLiteral("shape");
    c.sensitive = {QStringLiteral("tint")};
    c.seedSize = 100;
    c.poolLimit = 0;
    c.embedEpochs = 2;
    c.epochs = 2;
    c.batchSize = 32;
    c.threads = 2;
    c.bootstrapResamples = 50;
    c.minGroupSize = 5;
    c.thumbnails = 8;
    c.labelledPerClass = 5;
    c.dedupThreshold = 0.999;
    c.metaFraction = 0.1;
    c.metaBatch = 16;
    c.metaHidden = 16;
    return f;
}

} // namespace fixtures
