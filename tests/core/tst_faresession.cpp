#include "enginefixtures.h"
#include "fare/faresession.h"

#include "data/datasetreader.h"
#include "data/groupassignment.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace equiscope;

class TestTrainingSession : public QObject
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
        auto ds = openDataset(m_config.dataset);
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        m_dataset = ds.value();
    }

    void configJsonRoundTrip()
    {
        FareConfig c = m_config;
        c.loss.method = LossMethod::SparseFare;
        c.loss.bucketSize = 64;
        c.optimizer = QStringLiteral("lars");
        c.seed = 1234567890123ull;
        c.groupBinning = QStringLiteral("quantile");
        c.groupBins = 3;
        auto back = FareConfig::fromJson(c.toJson());
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back->toJson(), c.toJson());
        QJsonObject bad = c.toJson();
        bad.insert(QStringLiteral("encoder"), QStringLiteral("vgg"));
        auto rejected = FareConfig::fromJson(bad);
        QVERIFY(!rejected.ok());
        QVERIFY(rejected.error().toString().contains(QStringLiteral("lenet, resnet18 or mlp")));
        QCOMPARE(back->groupBinning, QStringLiteral("quantile"));
        QJsonObject badBinning = c.toJson();
        badBinning.insert(QStringLiteral("groupBinning"), QStringLiteral("equal-width"));
        auto binningRejected = FareConfig::fromJson(badBinning);
        QVERIFY(!binningRejected.ok());
        QVERIFY(binningRejected.error().toString().contains(QStringLiteral("kmeans or quantile")));
        // A config written before the field existed keeps the k-means groups it always had.
        QJsonObject old = c.toJson();
        old.remove(QStringLiteral("groupBinning"));
        QCOMPARE(FareConfig::fromJson(old)->groupBinning, QStringLiteral("kmeans"));
    }

    void groupBinningReachesTheGroupMetrics()
    {
        // A continuous sensitive column (ink = red channel of the colour): quantile bins are
        // labelled "[a, b)", k-means bins "cluster k", so the labels show which binning ran.
        Dataset ds = m_dataset;
        std::vector<float> ink(size_t(ds.size));
        const Attribute &rgb = ds.attributes.column(QStringLiteral("rgb"));
        for (qint64 i = 0; i < ds.size; ++i)
            ink[size_t(i)] = rgb.value(i, 0);
        ds.attributes.add(Attribute::continuous(QStringLiteral("ink"), ink));
        for (const QString &binning : {QStringLiteral("quantile"), QStringLiteral("kmeans")}) {
            FareConfig c = m_config;
            c.sensitive = {QStringLiteral("ink")};
            c.groupBinning = binning;
            c.groupBins = 3;
            const GroupOptions go = c.groupOptions();
            QCOMPARE(go.bins, 3);
            QCOMPARE(go.minGroupSize, c.minGroupSize);
            auto expected = assignGroups(ds.attributes, go);
            QVERIFY(expected.ok());
            auto s = FareSession::create(c, ds);
            QVERIFY2(s.ok(), qPrintable(s.error().toString()));
            const AttentionSnapshot snap = s.value()->attentionSnapshot(0);
            QCOMPARE(snap.groupLabels.size(), expected->groupCount());
            for (int g = 0; g < expected->groupCount(); ++g)
                QCOMPARE(snap.groupLabels[g], expected->groups[g].label);
            QVERIFY2(snap.groupLabels.value(0).startsWith(binning == QLatin1String("quantile")
                                                              ? QStringLiteral("ink=[")
                                                              : QStringLiteral("ink=cluster")),
                     qPrintable(snap.groupLabels.join(QStringLiteral(", "))));
        }
    }

    void learnsTrivialPattern()
    {
        auto s = session(m_config);
        std::atomic<bool> cancel{false};
        QVector<double> losses;
        for (int e = 1; e <= m_config.epochs; ++e) {
            auto r = s->runEpoch(e, cancel);
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
            QVERIFY(std::isfinite(r->meanLoss));
            QVERIFY(r->attentionEntropy >= 0); // FARE reports its attention entropy
            losses << r->meanLoss;
        }
        QVERIFY2(losses.last() < losses.first(),
                 qPrintable(QStringLiteral("%1 -> %2").arg(losses.first()).arg(losses.last())));
        auto eval = s->evaluate(cancel);
        QVERIFY2(eval.ok(), qPrintable(eval.error().toString()));
        QVERIFY2(eval->accuracy > 0.9,
                 qPrintable(QString::number(eval->accuracy))); // top vs bottom ink
        QVERIFY(eval->biasMse > 0);
        QVERIFY(eval->biasR2 <= 1.0);
        QVERIFY(!eval->groupMetrics.isEmpty());
        const AttentionSnapshot snap = s->attentionSnapshot(3);
        QCOMPARE(snap.size, 16);
        QCOMPARE(snap.matrix.size(), 16 * 16);
        for (int i = 0; i < snap.size; ++i) {
            double row = 0;
            for (int j = 0; j < snap.size; ++j)
                row += snap.matrix[i * snap.size + j];
            QVERIFY(std::abs(row - 1.0) < 1e-4);
            QCOMPARE(snap.matrix[i * snap.size + i], 0.0f); // diagonal masked by default
        }
    }

    void sameGroupAttentionShareByHand()
    {
        // Rows 0, 1 in group 0, row 2 in group 1, row 3 without a group:
        //   row 0: 0.6 of its off-diagonal mass (0.6 + 0.3 + 0.1) on row 1 (its group)
        //   row 1: 0.2 / (0.2 + 0.8)
        //   row 2: no other row of its group: 0
        //   uniform: rows 0, 1 have one of three others in their group, row 2 none.
        AttentionSnapshot snap;
        snap.size = 4;
        snap.groups = {0, 0, 1, -1};
        snap.matrix = {0.0f, 0.6f, 0.3f, 0.1f, //
                       0.2f, 0.0f, 0.5f, 0.3f, //
                       0.4f, 0.4f, 0.0f, 0.2f, //
                       0.3f, 0.3f, 0.4f, 0.0f};
        const auto share = snap.sameGroupShare();
        QVERIFY(std::abs(share.attention - (0.6 + 0.2 + 0.0) / 3) < 1e-6);
        QVERIFY(std::abs(share.uniform - (1.0 / 3 + 1.0 / 3 + 0.0) / 3) < 1e-12);
        // A row without attention mass (an empty sparse support) is left out.
        snap.matrix[8] = snap.matrix[9] = snap.matrix[11] = 0.0f;
        QVERIFY(std::abs(snap.sameGroupShare().attention - 0.4) < 1e-6);
        QCOMPARE(AttentionSnapshot().sameGroupShare().attention, -1.0);
    }

    void resumeContinuesWithTheSameLosses()
    {
        std::atomic<bool> cancel{false};
        auto straight = session(m_config);
        QVector<double> reference;
        for (int e = 1; e <= 3; ++e)
            reference << straight->runEpoch(e, cancel)->meanLoss;

        QByteArray checkpoint;
        {
            auto first = session(m_config);
            first->runEpoch(1, cancel);
            first->runEpoch(2, cancel);
            checkpoint = first->saveCheckpoint(2);
        }
        auto resumed = session(m_config);
        auto epoch = resumed->restoreCheckpoint(checkpoint);
        QVERIFY2(epoch.ok(), qPrintable(epoch.error().toString()));
        QCOMPARE(epoch.value(), 2);
        const double third = resumed->runEpoch(3, cancel)->meanLoss;
        QVERIFY2(
            std::abs(third - reference[2]) <= 1e-6 * std::abs(reference[2]),
            qPrintable(
                QStringLiteral("%1 vs %2").arg(third, 0, 'g', 12).arg(reference[2], 0, 'g', 12)));
    }

    void everyMethodTrains_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("infonce") << int(LossMethod::InfoNce);
        QTest::newRow("fair-infonce") << int(LossMethod::FairInfoNce);
        QTest::newRow("cclk") << int(LossMethod::Cclk);
        QTest::newRow("sparse-fare") << int(LossMethod::SparseFare);
    }
    void everyMethodTrains()
    {
        QFETCH(int, method);
        FareConfig c = m_config;
        c.loss.method = LossMethod(method);
        c.loss.bucketSize = 8;
        c.loss.bins = 3;
        c.epochs = 1;
        std::atomic<bool> cancel{false};
        auto s = session(c);
        auto r = s->runEpoch(1, cancel);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QVERIFY(std::isfinite(r->meanLoss));
    }

    void nonFiniteLossStopsWithAClearMessage()
    {
        FareConfig c = m_config;
        c.optimizer = QStringLiteral("sgd");
        c.learningRate = 1e30;
        c.epochs = 2;
        std::atomic<bool> cancel{false};
        auto s = session(c);
        Expected<EpochReport> r = s->runEpoch(1, cancel);
        if (r.ok())
            r = s->runEpoch(2, cancel);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().toString().contains(QStringLiteral("the loss became")),
                 qPrintable(r.error().toString()));
    }

    void cancelStopsWithinOneStep()
    {
        std::atomic<bool> cancel{false};
        auto s = session(m_config);
        qint64 steps = 0;
        auto r = s->runEpoch(1, cancel, [&](const StepProgress &) {
            ++steps;
            cancel = true;
        });
        QVERIFY(r.ok());
        QVERIFY(r->cancelled);
        QCOMPARE(steps, 1);
    }

    void badTargetIsRejected()
    {
        FareConfig c = m_config;
        c.target = QStringLiteral("rgb");
        auto s = FareSession::create(c, m_dataset);
        QVERIFY(!s.ok());
        QVERIFY(s.error().toString().contains(QStringLiteral("binary or categorical")));
    }
};

QTEST_GUILESS_MAIN(TestTrainingSession)
#include "tst_faresession.moc"
