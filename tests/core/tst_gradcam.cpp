// Grad-CAM saliency (hand-made activations, then a real session), the stored probe images and
// embedding subset, and the OpenCV overlay.
#include "enginefixtures.h"
#include "fare/fareanalysisartifacts.h"
#include "fare/faresession.h"
#include "fare/gradcam_p.h"
#include "nn/embeddingset.h"
#include "nn/probeimages.h"
#include "nn/saliencysnapshot.h"

#include "data/datasetreader.h"
#include "store/runstore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace equiscope;

class TestGradCam : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FareConfig m_config;
    Dataset m_dataset;

    std::unique_ptr<FareSession> session(const FareConfig &c)
    {
        auto s = FareSession::create(c, m_dataset);
        if (!s)
            qFatal("%s", qPrintable(s.error().toString()));
        return std::move(s.value());
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_config = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("data")));
        m_config.trainLimit = 64; // two steps an epoch: saliency needs a model, not a good one
        auto ds = openDataset(m_config.dataset);
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        m_dataset = ds.value();
    }

    // Channel 1 is active on the left half only and the score reads channel 1: the map lights up
    // the left half. A score that decreases with the activation gives an all-zero map, not NaN.
    void mapsFollowTheExplainedChannel()
    {
        auto a = torch::zeros({2, 2, 4, 4});
        a.index_put_(
            {torch::indexing::Slice(), 1, torch::indexing::Slice(), torch::indexing::Slice(0, 2)},
            1.0);
        a.index_put_({1, 0}, 3.0); // image 1 also has channel 0 everywhere: not explained
        a.requires_grad_(true);
        const auto score = a.select(1, 1).mean({1, 2}) * torch::tensor({1.0f, 2.0f});
        const auto maps = gradCamMaps(a, score);
        QCOMPARE(maps.sizes().vec(), (std::vector<int64_t>{2, 4, 4}));
        for (int i = 0; i < 2; ++i)
            for (int y = 0; y < 4; ++y)
                for (int x = 0; x < 4; ++x)
                    QCOMPARE(maps[i][y][x].item<float>(), x < 2 ? 1.0f : 0.0f);
        QVERIFY(!a.grad().defined()); // parameters' .grad untouched

        auto b = torch::ones({1, 2, 3, 3}).requires_grad_(true);
        const auto negative = gradCamMaps(b, -b.select(1, 0).mean({1, 2}));
        QCOMPARE(negative.abs().sum().item<float>(), 0.0f);
    }

    void prototypeSimilarityLeavesTheSampleOut()
    {
        const auto r = torch::tensor({{1.0f, 0.0f}, {1.0f, 1.0f}, {0.0f, 1.0f}});
        const auto s = prototypeSimilarity(r, torch::tensor({0, 0, 1}));
        const float invSqrt2 = 1.0f / std::sqrt(2.0f);
        // 0 and 1 see each other; 2 is alone in its class: the mean of the other (unit) rows,
        // (1 + 1/√2, 1/√2).
        QVERIFY(std::abs(s[0].item<float>() - invSqrt2) < 1e-6);
        QVERIFY(std::abs(s[1].item<float>() - invSqrt2) < 1e-6);
        const float x = 1.0f + invSqrt2, y = invSqrt2;
        QVERIFY(std::abs(s[2].item<float>() - y / std::sqrt(x * x + y * y)) < 1e-6);
    }

    void sessionSaliencyOfTheProbeBatch_data()
    {
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<int>("mapSize");
        QTest::newRow("lenet") << QStringLiteral("lenet") << 10;
        QTest::newRow("resnet18") << QStringLiteral("resnet18") << 4;
    }

    void sessionSaliencyOfTheProbeBatch()
    {
        QFETCH(QString, encoder);
        QFETCH(int, mapSize);
        FareConfig c = m_config;
        c.encoder = encoder;
        c.width = 8;
        auto s = session(c);
        std::atomic<bool> cancel{false};
        QVERIFY(s->runEpoch(1, cancel).ok());
        const SaliencySnapshot snap = s->saliencySnapshot(1);
        QCOMPARE(snap.size(), c.probeBatch);
        QCOMPARE(snap.mapWidth, mapSize);
        QCOMPARE(snap.mapHeight, mapSize);
        QCOMPARE(snap.heat.size(), c.probeBatch * mapSize * mapSize);
        QCOMPARE(snap.score.size(), c.probeBatch);
        QCOMPARE(snap.explained, QStringLiteral("prototype-similarity"));
        QCOMPARE(snap.layer, encoder == QLatin1String("lenet") ? QStringLiteral("lenet.conv2")
                                                               : QStringLiteral("resnet18.layer4"));
        int lit = 0;
        for (int i = 0; i < snap.size(); ++i) {
            const QVector<float> h = snap.heatOf(i);
            const float peak = *std::max_element(h.begin(), h.end());
            QVERIFY(peak == 0.0f || std::abs(peak - 1.0f) < 1e-5); // each map scaled to its max
            for (float v : h)
                QVERIFY(v >= 0.0f && v <= 1.0f + 1e-6f);
            lit += peak > 0;
            QVERIFY(std::abs(snap.score[i]) <= 1.0f + 1e-5f);
        }
        QVERIFY(lit > snap.size() / 2);
        // The same model explains the same way; the snapshot does not disturb training.
        QCOMPARE(s->saliencySnapshot(1).heat, snap.heat);
        if (encoder == QLatin1String("lenet")) {
            auto plain = session(c);
            QVERIFY(plain->runEpoch(1, cancel).ok());
            QCOMPARE(s->runEpoch(2, cancel)->meanLoss, plain->runEpoch(2, cancel)->meanLoss);
        }

        // JSON round trip (rounded to three decimals) and images attached by sample.
        auto back = SaliencySnapshot::fromJson(snap.toJson());
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back->samples, snap.samples);
        QCOMPARE(back->groups, snap.groups);
        for (int k = 0; k < snap.heat.size(); ++k)
            QVERIFY(std::abs(back->heat[k] - snap.heat[k]) <= 0.0005f);
        const ProbeImages images = s->probeImages();
        QCOMPARE(images.samples, snap.samples);
        auto imagesBack = ProbeImages::fromJson(images.toJson());
        QVERIFY(imagesBack.ok());
        back->attachImages(imagesBack.value());
        QCOMPARE(back->images.size(), snap.size());
        QCOMPARE(back->images[0].size(), QSize(28, 28));
        QCOMPARE(back->images[3], images.images[3]);
        // Group averages cover every group of the batch.
        for (int g = 0; g < back->groupLabels.size(); ++g)
            if (back->groupCount(g) > 0) {
                QCOMPARE(back->groupHeat(g).size(), mapSize * mapSize);
                QCOMPARE(back->groupImage(g).size(), QSize(28, 28));
            }
    }

    void malformedSnapshotNamesTheProblem()
    {
        QJsonObject o{{QStringLiteral("mapWidth"), 2},
                      {QStringLiteral("mapHeight"), 2},
                      {QStringLiteral("samples"), QJsonArray{1, 2}},
                      {QStringLiteral("groups"), QJsonArray{0, 0}},
                      {QStringLiteral("heat"), QJsonArray{0.1, 0.2, 0.3}}};
        auto r = SaliencySnapshot::fromJson(o, QStringLiteral("runs.sqlite"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().toString().contains(QStringLiteral("runs.sqlite")));
        QVERIFY(r.error().toString().contains(QStringLiteral("3 heat values")));
    }

    void overlayUsesViridis()
    {
        QImage grey(4, 4, QImage::Format_RGB888);
        grey.fill(QColor(128, 128, 128));
        const QVector<float> hot(4, 1.0f), cold(4, 0.0f);
        const QImage full = saliencyOverlay(grey, hot, 2, 2, 16, 1.0);
        QCOMPARE(full.size(), QSize(16, 16));
        const QColor top = full.pixelColor(8, 8); // viridis(1) ≈ (253, 231, 37)
        QVERIFY2(top.red() > 230 && top.green() > 210 && top.blue() < 70, qPrintable(top.name()));
        // No heat: the image shows through whatever the opacity; no opacity: the image only.
        QCOMPARE(saliencyOverlay(grey, cold, 2, 2, 16, 1.0).pixelColor(3, 3),
                 QColor(128, 128, 128));
        QCOMPARE(saliencyOverlay(grey, hot, 2, 2, 16, 0.0).pixelColor(5, 5), QColor(128, 128, 128));
        // Half heat, full opacity: halfway between the image and viridis(0.5) ≈ (33, 145, 140).
        const QColor half =
            saliencyOverlay(grey, QVector<float>(4, 0.5f), 2, 2, 16, 1.0).pixelColor(8, 8);
        QVERIFY2(std::abs(half.red() - 80) < 12 && std::abs(half.green() - 136) < 12 &&
                     std::abs(half.blue() - 134) < 12,
                 qPrintable(half.name()));
    }

    void embeddingSubsetRoundTrip()
    {
        auto s = session(m_config);
        const EmbeddingSet set = s->embeddingSet(50);
        QCOMPARE(set.count(), 50);
        QCOMPARE(set.dim, 84);
        QCOMPARE(set.values.size(), 50 * 84);
        QCOMPARE(set.targetLabels,
                 m_dataset.attributes.column(m_config.target).levels()); // class names
        QVERIFY(std::is_sorted(set.samples.begin(), set.samples.end()));
        QCOMPARE(s->embeddingSet(50).samples, set.samples); // seeded subset
        for (int t : set.targets)
            QVERIFY(t == 0 || t == 1); // the fixture's two classes
        auto back = EmbeddingSet::fromBytes(set.toBytes());
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back->values, set.values);
        QCOMPARE(back->samples, set.samples);
        QCOMPARE(back->groups, set.groups);
        QCOMPARE(back->groupLabels, set.groupLabels);
        QByteArray truncated = set.toBytes();
        truncated.chop(3);
        auto bad = EmbeddingSet::fromBytes(truncated, QStringLiteral("emb.bin"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().toString().contains(QStringLiteral("emb.bin")));
        QVERIFY(!EmbeddingSet::fromBytes("garbage").ok());
        QCOMPARE(s->embeddingSet(0).count(), 160); // 0 = the whole test split
    }

    void storesTheAnalysisArtifacts()
    {
        auto store = RunStore::open(m_dir.filePath(QStringLiteral("runs.sqlite")));
        QVERIFY(store.ok());
        RunRecord r;
        r.name = QStringLiteral("tiny");
        r.method = QStringLiteral("fare");
        const QString id = store.value()->createRun(r).value();
        auto s = session(m_config);
        std::atomic<bool> cancel{false};
        for (int e = 1; e <= 2; ++e) {
            QVERIFY(s->runEpoch(e, cancel).ok());
            auto stored = storeEpochAnalysis(*store.value(), id, *s, e);
            QVERIFY2(stored.ok(), qPrintable(stored.error().toString()));
        }
        QVERIFY(storeFinalAnalysis(*store.value(), id, *s).ok());
        QCOMPARE(store.value()->artifacts(id, QStringLiteral("gradcam"))->size(), 2);
        QCOMPARE(store.value()->artifacts(id, QStringLiteral("probe-images"))->size(), 1);
        auto gradcam = store.value()->artifact(id, QStringLiteral("gradcam"), 2);
        QVERIFY(gradcam.ok());
        auto snap = SaliencySnapshot::fromJson(QJsonDocument::fromJson(gradcam->bytes).object());
        QVERIFY(snap.ok());
        QCOMPARE(snap->epoch, 2);
        auto embeddings = store.value()->artifact(id, QStringLiteral("embeddings"));
        QVERIFY(embeddings.ok());
        auto set = EmbeddingSet::fromBytes(embeddings->bytes);
        QVERIFY(set.ok());
        QCOMPARE(set->count(), 160); // fewer test samples than kStoredEmbeddingSamples
    }
};

QTEST_GUILESS_MAIN(TestGradCam)
#include "tst_gradcam.moc"
