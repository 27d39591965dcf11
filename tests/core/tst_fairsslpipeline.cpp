// The fair-SSL pipeline stage by stage on a tiny image folder with planted duplicates, copies of
// test images and flat images: counts, no evaluation image in the training pool, restore.
#include "fairsslfixtures.h"

#include "data/datasetreader.h"
#include "fairssl/fairsslpipeline.h"
#include "fairssl/fairsslpipeline_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <set>
#include <sstream>

using namespace equiscope;

namespace {

std::vector<std::vector<qint64>> listsOf(const StageResult &r)
{
    std::vector<std::vector<qint64>> lists;
    std::vector<float> floats;
    if (!fairSslUnpackLists(r.outputs, &lists, &floats))
        return {};
    return lists;
}

bool containsAny(const std::vector<qint64> &list, const std::vector<qint64> &items)
{
    const std::set<qint64> s(list.begin(), list.end());
    for (qint64 i : items)
        if (s.count(i))
            return true;
    return false;
}

} // namespace

class TestFairSslPipeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fixtures::FairSslFixture m_fixture;
    Dataset m_dataset;
    std::atomic<bool> m_cancel{false};

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_fixture = fixtures::writeFairSslFixture(m_dir.filePath(QStringLiteral("data")));
        auto ds = openDataset(m_fixture.config.dataset);
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        m_dataset = ds.value();
    }

    void everyStageOnTheFixture()
    {
        FairSslConfig c = m_fixture.config;
        c.qualityThreshold = 1.0; // flat images score exactly 0
        auto created = FairSslPipeline::create(c, m_dataset);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        auto &p = *created.value();
        QCOMPARE(p.stages().size(), 7);
        QCOMPARE(p.epochsOf(QStringLiteral("embed")), 2);
        const QJsonObject counts = p.sampleCounts();
        const qint64 seeds = qint64(counts.value(QStringLiteral("seeds")).toDouble());
        const qint64 pool = qint64(counts.value(QStringLiteral("pool")).toDouble());
        QCOMPARE(seeds, qint64(100));
        QCOMPARE(seeds + pool, qint64(240 + 6 + 6 + 12)); // every train image, once

        for (int e = 1; e <= 2; ++e) {
            auto r = p.runEpoch(QStringLiteral("embed"), e, m_cancel);
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
            QVERIFY(std::isfinite(r->loss) && r->loss > 0);
        }
        auto embed = p.completeStage(QStringLiteral("embed"), m_cancel);
        QVERIFY2(embed.ok(), qPrintable(embed.error().toString()));
        QCOMPARE(embed->report.kept, seeds + pool);

        auto dedup = p.completeStage(QStringLiteral("dedup"), m_cancel);
        QVERIFY2(dedup.ok(), qPrintable(dedup.error().toString()));
        qInfo("dedup: %s",
              QJsonDocument(dedup->report.toJson()).toJson(QJsonDocument::Compact).constData());
        const auto kept = listsOf(dedup.value());
        QCOMPARE(int(kept.size()), 2);
        QCOMPARE(dedup->report.kept, qint64(kept[0].size() + kept[1].size()));
        QCOMPARE(dedup->report.kept + dedup->report.dropped, dedup->report.input);
        const QJsonObject d = dedup->report.details;
        QVERIFY(d.value(QStringLiteral("evaluationDuplicates")).toInt() >= 6);
        QVERIFY(d.value(QStringLiteral("duplicates")).toInt() >= 6);
        // No copy of a test image is left, among the seeds or in the pool.
        QVERIFY(!containsAny(kept[0], m_fixture.leakedTrain));
        QVERIFY(!containsAny(kept[1], m_fixture.leakedTrain));
        // Of every planted pair of train duplicates, at most one is left.
        std::set<qint64> all(kept[0].begin(), kept[0].end());
        all.insert(kept[1].begin(), kept[1].end());
        for (size_t i = 0; i < m_fixture.trainDuplicates.size(); ++i) {
            const qint64 original = 80 + qint64(i); // the fixture writes 80 test images first
            QVERIFY(!(all.count(m_fixture.trainDuplicates[i]) && all.count(original)));
        }
        const QJsonArray thumbs = dedup->thumbnails.value(QStringLiteral("items")).toArray();
        QVERIFY(!thumbs.isEmpty() && thumbs.size() <= 8);
        QVERIFY(!thumbs.first().toObject().value(QStringLiteral("image")).toString().isEmpty());
        QVERIFY(
            !thumbs.first().toObject().value(QStringLiteral("partnerImage")).toString().isEmpty());

        auto retrieve = p.completeStage(QStringLiteral("retrieve"), m_cancel);
        QVERIFY2(retrieve.ok(), qPrintable(retrieve.error().toString()));
        const auto curated = listsOf(retrieve.value()).at(0);
        QCOMPARE(qint64(curated.size()),
                 qint64(kept[0].size()) + retrieve->report.kept); // D = S ∪ retrieved
        QVERIFY(retrieve->report.kept <= 2 * qint64(kept[0].size()));
        QVERIFY(!containsAny(curated, m_fixture.leakedTrain));
        // Nothing in D is a near-duplicate of a test image: checked on the stored embeddings.
        {
            torch::serialize::InputArchive archive;
            std::istringstream in(
                std::string(embed->outputs.constData(), size_t(embed->outputs.size())));
            archive.load_from(in);
            torch::Tensor universe, e;
            archive.read("universe", universe);
            archive.read("embeddings", e);
            std::map<qint64, int64_t> row;
            for (int64_t i = 0; i < universe.size(0); ++i)
                row[universe[i].item<int64_t>()] = i;
            std::vector<int64_t> dRows, testRows;
            for (qint64 s : curated)
                dRows.push_back(row.at(s));
            for (qint64 i : m_dataset.indicesOf(Split::Test))
                testRows.push_back(row.at(i));
            const auto cos = e.index_select(0, torch::tensor(dRows))
                                 .mm(e.index_select(0, torch::tensor(testRows)).t());
            QVERIFY(cos.max().item<double>() < c.dedupThreshold);
        }

        auto quality = p.completeStage(QStringLiteral("quality"), m_cancel);
        QVERIFY2(quality.ok(), qPrintable(quality.error().toString()));
        const auto filtered = listsOf(quality.value()).at(0);
        QCOMPARE(quality->report.input, qint64(curated.size()));
        QCOMPARE(quality->report.kept, qint64(filtered.size()));
        qint64 flatInCurated = 0;
        for (qint64 f : m_fixture.flat)
            flatInCurated += std::count(curated.begin(), curated.end(), f);
        QVERIFY2(flatInCurated > 0, "the fixture should put a flat image into D");
        QCOMPARE(quality->report.dropped, flatInCurated); // every flat one, nothing else
        QVERIFY(!containsAny(filtered, m_fixture.flat));
        QCOMPARE(quality->thumbnails.value(QStringLiteral("items")).toArray().size(),
                 int(std::min<qint64>(8, flatInCurated)));

        auto pseudo = p.completeStage(QStringLiteral("pseudo-label"), m_cancel);
        QVERIFY2(pseudo.ok(), qPrintable(pseudo.error().toString()));
        const QJsonObject pd = pseudo->report.details;
        const double accuracy = pd.value(QStringLiteral("accuracy")).toDouble();
        QVERIFY(accuracy >= 0 && accuracy <= 1);
        QCOMPARE(pd.value(QStringLiteral("labelledExamples")).toInt(), 10);
        QVERIFY(pd.value(QStringLiteral("metaSet")).toInt() >= 2);
        QVERIFY(pd.value(QStringLiteral("accuracyByGroup"))
                    .toObject()
                    .contains(QStringLiteral("tint=blue")));

        auto train = p.runEpoch(QStringLiteral("train"), 1, m_cancel);
        QVERIFY2(train.ok(), qPrintable(train.error().toString()));
        QVERIFY(train->metaLoss > 0);
        const QJsonArray groups = train->weights.value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 2);
        qint64 weighted = 0;
        for (const QJsonValue &g : groups) {
            QCOMPARE(g.toObject().value(QStringLiteral("counts")).toArray().size(), 20);
            weighted += qint64(g.toObject().value(QStringLiteral("n")).toDouble());
        }
        QVERIFY(weighted > 0);

        // A new pipeline restores every finished stage and trains the same epoch identically.
        auto again = FairSslPipeline::create(c, m_dataset);
        QVERIFY(again.ok());
        for (const auto *r :
             {&embed.value(), &dedup.value(), &retrieve.value(), &quality.value(), &pseudo.value()})
            QVERIFY(again.value()->restoreStage(r->report.stage, r->outputs).ok());
        auto train2 = again.value()->runEpoch(QStringLiteral("train"), 1, m_cancel);
        QVERIFY2(train2.ok(), qPrintable(train2.error().toString()));
        QCOMPARE(train2->loss, train->loss);
        QCOMPARE(train2->metaLoss, train->metaLoss);

        auto eval = p.evaluate(m_cancel);
        QVERIFY2(eval.ok(), qPrintable(eval.error().toString()));
        QVERIFY(eval->accuracy > 0.9); // ink top vs bottom: linearly separable
        QVERIFY(eval->groupMetrics.contains(QStringLiteral("overall")));
        QCOMPARE(eval->testSamples, qint64(80));
        QVERIFY(eval->pseudoLabelAccuracy >= 0);
    }

    void crossEntropyMetaLossAfterAWarmUp()
    {
        FairSslConfig c = m_fixture.config;
        c.qualityThreshold = 1.0;
        c.epochs = 2;
        c.metaWarmupEpochs = 1;
        c.metaLoss = QStringLiteral("cross-entropy");
        c.metaMinPerCell = 8;
        auto created = FairSslPipeline::create(c, m_dataset);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        auto &p = *created.value();
        for (int e = 1; e <= p.epochsOf(QStringLiteral("embed")); ++e)
            QVERIFY(p.runEpoch(QStringLiteral("embed"), e, m_cancel).ok());
        std::vector<StageResult> finished;
        for (const char *stage : {"embed", "dedup", "retrieve", "quality", "pseudo-label"}) {
            auto r = p.completeStage(QLatin1String(stage), m_cancel);
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
            finished.push_back(r.value());
        }
        // The same curated set without a minimum per cell gets the smaller meta set.
        const int metaSet = finished.back().report.details.value(QStringLiteral("metaSet")).toInt();
        FairSslConfig fractionOnly = c;
        fractionOnly.metaMinPerCell = 0;
        auto other = FairSslPipeline::create(fractionOnly, m_dataset);
        QVERIFY(other.ok());
        for (size_t i = 0; i + 1 < finished.size(); ++i)
            QVERIFY(
                other.value()->restoreStage(finished[i].report.stage, finished[i].outputs).ok());
        auto fewer = other.value()->completeStage(QStringLiteral("pseudo-label"), m_cancel);
        QVERIFY2(fewer.ok(), qPrintable(fewer.error().toString()));
        const int fractionMetaSet = fewer->report.details.value(QStringLiteral("metaSet")).toInt();
        QVERIFY2(metaSet > fractionMetaSet,
                 qPrintable(QStringLiteral("%1 vs %2").arg(metaSet).arg(fractionMetaSet)));

        // Epoch 1 is the warm-up: plain SupCon, no weights, no meta loss.
        auto warm = p.runEpoch(QStringLiteral("train"), 1, m_cancel);
        QVERIFY2(warm.ok(), qPrintable(warm.error().toString()));
        QVERIFY(warm->weights.isEmpty());
        QCOMPARE(warm->metaLoss, -1.0);
        const QByteArray checkpoint = p.checkpoint(QStringLiteral("train"), 1);
        auto weighted = p.runEpoch(QStringLiteral("train"), 2, m_cancel);
        QVERIFY2(weighted.ok(), qPrintable(weighted.error().toString()));
        QVERIFY(weighted->metaLoss > 0); // a cross-entropy of the meta head
        const double rawMean = weighted->weights.value(QStringLiteral("rawMean")).toDouble();
        QVERIFY2(rawMean > 0.5 && rawMean < 1.5, qPrintable(QString::number(rawMean))); // centred
        for (const QJsonValue &g : weighted->weights.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject group = g.toObject();
            QVERIFY(group.value(QStringLiteral("n")).toInt() > 0);
            // No group switched off: the floor holds (up to the batch mean the log divides by).
            QVERIFY(group.value(QStringLiteral("mean")).toDouble() >= 0.5 * c.metaMinWeight);
        }
        // Resumed from the checkpoint (model, V, the meta head and their optimisers), a new
        // pipeline trains epoch 2 identically.
        auto again = FairSslPipeline::create(c, m_dataset);
        QVERIFY(again.ok());
        for (const StageResult &r : finished)
            QVERIFY(again.value()->restoreStage(r.report.stage, r.outputs).ok());
        auto restored = again.value()->restoreCheckpoint(QStringLiteral("train"), checkpoint);
        QVERIFY2(restored.ok(), qPrintable(restored.error().toString()));
        QCOMPARE(restored.value(), 1);
        auto resumed = again.value()->runEpoch(QStringLiteral("train"), 2, m_cancel);
        QVERIFY2(resumed.ok(), qPrintable(resumed.error().toString()));
        QCOMPARE(resumed->loss, weighted->loss);
        QCOMPARE(resumed->metaLoss, weighted->metaLoss);
    }

    void inputProblemsStopCreate()
    {
        FairSslConfig c = m_fixture.config;
        c.targetLevels = {QStringLiteral("top"), QStringLiteral("sideways")};
        auto created = FairSslPipeline::create(c, m_dataset);
        QVERIFY(!created.ok());
        QVERIFY2(created.error().toString().contains(QStringLiteral("sideways")),
                 qPrintable(created.error().toString()));
        c = m_fixture.config;
        c.sensitive = {QStringLiteral("shape")};
        QVERIFY(!FairSslPipeline::create(c, m_dataset).ok());
    }
};

QTEST_GUILESS_MAIN(TestFairSslPipeline)
#include "tst_fairsslpipeline.moc"
