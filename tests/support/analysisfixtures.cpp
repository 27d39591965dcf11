#include "analysisfixtures.h"

#include "fare/attentionsnapshot.h"
#include "nn/probeimages.h"
#include "nn/saliencysnapshot.h"
#include "store/runstore.h"

#include <QDir>
#include <QImage>
#include <QJsonDocument>

#include <random>

namespace equiscope::analysisfixtures {

namespace {
const float kColours[3][3] = {{220, 40, 30}, {40, 180, 60}, {30, 60, 220}};
} // namespace

QJsonObject configFor(const QString &method, double lr, int batch)
{
    return QJsonObject{
        {QStringLiteral("method"), method},
        {QStringLiteral("seed"), 7},
        {QStringLiteral("epochs"), 2},
        {QStringLiteral("optimizer"),
         QJsonObject{{QStringLiteral("lr"), lr}, {QStringLiteral("weightDecay"), 0.0001}}},
        {QStringLiteral("batchSize"), batch},
        {QStringLiteral("dataset"),
         QJsonObject{{QStringLiteral("format"), QStringLiteral("mnist-json")},
                     {QStringLiteral("path"), QStringLiteral("/nonexistent/colored.json")}}},
    };
}

MetricRow row(const QString &name, double value, std::optional<double> lo, std::optional<double> hi,
              const QString &group, std::optional<qint64> size)
{
    MetricRow m;
    m.name = name;
    m.value = value;
    m.ciLow = lo;
    m.ciHigh = hi;
    m.group = group;
    m.groupSize = size;
    return m;
}

// A 6-sample probe batch, three colour groups (two samples each, z slightly apart); the epoch
// shifts attention mass so the two snapshots differ everywhere. The attention from sample i to
// sample j, in sorted order:
float attentionOf(int epoch, int i, int j)
{
    float sum = 0;
    for (int k = 0; k < 6; ++k)
        sum += (i / 2 == k / 2 ? 4.0f * epoch : 1.0f) + 0.1f * k;
    return ((i / 2 == j / 2 ? 4.0f * epoch : 1.0f) + 0.1f * j) / sum;
}

// Stored rows in this order (not sorted): the view must sort them by group, then z.
const int kStoredOrder[6] = {4, 1, 5, 0, 3, 2};

QByteArray snapshotJson(int epoch)
{
    AttentionSnapshot s;
    s.epoch = epoch;
    s.size = 6;
    s.groupLabels = {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")};
    s.zDim = 3;
    for (int r = 0; r < s.size; ++r) {
        const int i = kStoredOrder[r];
        s.samples << 100 + i;
        s.groups << i / 2;
        for (float c : kColours[i / 2])
            s.z << c + float(i % 2); // the second of a pair has the larger z
        for (int c = 0; c < s.size; ++c)
            s.matrix << attentionOf(epoch, i, kStoredOrder[c]);
    }
    for (int g = 0; g < 3; ++g)
        for (int h = 0; h < 3; ++h) {
            float sum = 0;
            for (int i = 2 * g; i < 2 * g + 2; ++i)
                for (int j = 2 * h; j < 2 * h + 2; ++j)
                    sum += attentionOf(epoch, i, j);
            s.groupMatrix << sum / 4;
        }
    return QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact);
}

QImage sampleImage(int i)
{
    QImage img(28, 28, QImage::Format_RGB888);
    const float *c = kColours[i / 2];
    img.fill(QColor(int(c[0]), int(c[1]), int(c[2])));
    return img;
}

QByteArray probeImagesJson()
{
    ProbeImages p;
    for (int i = 0; i < 6; ++i) {
        p.samples << 100 + i;
        p.images << sampleImage(i);
    }
    return QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact);
}

// 2×2 Grad-CAM maps: sample i is hot in quadrant i % 4 only.
QByteArray saliencyJson(int epoch)
{
    SaliencySnapshot s;
    s.epoch = epoch;
    s.explained = QStringLiteral("test score");
    s.layer = QStringLiteral("conv (2×2)");
    s.mapWidth = s.mapHeight = 2;
    s.groupLabels = {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")};
    s.targetLabels = {QStringLiteral("zero"), QStringLiteral("one")};
    for (int i = 0; i < 6; ++i) {
        s.samples << 100 + i;
        s.groups << i / 2;
        s.targets << i % 2;
        s.score << 0.5f;
        for (int q = 0; q < 4; ++q)
            s.heat << (q == i % 4 ? 1.0f : 0.0f);
    }
    return QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact);
}

// 60 representations in 5-D: three tight, far-apart clusters, one per group; two classes.
EmbeddingSet embeddingSet()
{
    EmbeddingSet e;
    e.dim = 5;
    e.groupLabels = {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")};
    e.targetLabels = {QStringLiteral("zero"), QStringLiteral("one")};
    e.targetName = QStringLiteral("label");
    std::mt19937 rng(5);
    std::normal_distribution<float> noise(0.0f, 0.2f);
    for (int i = 0; i < 60; ++i) {
        e.samples << 1000 + i;
        e.groups << i % 3;
        e.targets << (i / 3) % 2;
        for (int d = 0; d < 5; ++d)
            e.values << (d == i % 3 ? 8.0f : 0.0f) + noise(rng);
    }
    return e;
}

QString addRun(RunStore &store, const QString &name, const QString &method, double lr, int batch,
               double accuracy, double biasMse, RunStatus status = RunStatus::Finished)
{
    RunRecord r;
    r.name = name;
    r.method = method;
    r.config = configFor(method, lr, batch);
    r.versions = QJsonObject{{QStringLiteral("equiscope"), QStringLiteral("0.1.0")},
                             {QStringLiteral("qt"), QStringLiteral(QT_VERSION_STR)}};
    const QString id = store.createRun(r).value();
    if (status == RunStatus::Queued)
        return id;
    for (int epoch = 1; epoch <= 2; ++epoch)
        store
            .recordEpoch(id, epoch,
                         QJsonObject{{QStringLiteral("loss"), 2.0 / epoch + lr * 100},
                                     {QStringLiteral("learningRate"), lr},
                                     {QStringLiteral("imagesPerSecond"), 900.0 + epoch},
                                     {QStringLiteral("attentionEntropy"), 1.7 - 0.3 * epoch},
                                     {QStringLiteral("emptySupportRows"), 0}},
                         1.5)
            .value();
    store
        .putMetrics(
            id, QStringLiteral("final"),
            {row(QStringLiteral("accuracy"), accuracy, accuracy - 0.02, accuracy + 0.02),
             row(QStringLiteral("bias_mse"), biasMse),
             row(QStringLiteral("accuracy"), accuracy + 0.03, accuracy, accuracy + 0.05,
                 QStringLiteral("red"), 500),
             row(QStringLiteral("accuracy"), accuracy - 0.04, accuracy - 0.08, accuracy - 0.01,
                 QStringLiteral("green"), 480),
             row(QStringLiteral("too_small_to_judge"), 1, {}, {}, QStringLiteral("blue"), 12)})
        .value();
    store.finishRun(id, status).value();
    return id;
}

Fixture buildStore(const QString &dir)
{
    Fixture f;
    f.path = QDir(dir).filePath(QStringLiteral("runs.sqlite"));
    auto opened = RunStore::open(f.path);
    auto store = std::move(opened.value());
    // (bias_mse ↑, accuracy ↑): fare, baseline and sparse are on the front; weak is dominated
    // by fare.
    f.fare =
        addRun(*store, QStringLiteral("fare-a"), QStringLiteral("fare"), 0.001, 64, 0.90, 0.20);
    f.baseline =
        addRun(*store, QStringLiteral("simclr-b"), QStringLiteral("simclr"), 0.003, 64, 0.85, 0.30);
    f.sparse = addRun(*store, QStringLiteral("sparse-c"), QStringLiteral("sparse-fare"), 0.001, 128,
                      0.95, 0.10);
    f.weak =
        addRun(*store, QStringLiteral("weak-d"), QStringLiteral("simclr"), 0.001, 64, 0.80, 0.15);
    f.queued = addRun(*store, QStringLiteral("queued-e"), QStringLiteral("fare"), 0.001, 64, 0, 0,
                      RunStatus::Queued);
    for (int epoch = 1; epoch <= 2; ++epoch) {
        ArtifactRecord a;
        a.kind = QStringLiteral("attention");
        a.epoch = epoch;
        a.name = QStringLiteral("probe");
        a.mime = QStringLiteral("application/json");
        store->putArtifact(f.fare, a, snapshotJson(epoch)).value();
        a.kind = QStringLiteral("gradcam");
        store->putArtifact(f.fare, a, saliencyJson(epoch)).value();
    }
    ArtifactRecord images;
    images.kind = QStringLiteral("probe-images");
    images.name = QStringLiteral("probe");
    store->putArtifact(f.fare, images, probeImagesJson()).value();
    ArtifactRecord embeddings;
    embeddings.kind = QStringLiteral("embeddings");
    embeddings.name = QStringLiteral("test-subset");
    store->putArtifact(f.fare, embeddings, embeddingSet().toBytes()).value();
    return f;
}

} // namespace equiscope::analysisfixtures
