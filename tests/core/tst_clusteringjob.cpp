// ClusteringJob end to end on a tiny synthetic benchmark folder: the transformer learns a
// trivial pattern, every artifact lands in the store, cancel + resume continues exactly, the
// baselines run, and bad input fails naming the file.
#include "clusteringfixtures.h"
#include "families/familyregistry.h"
#include "fixtures.h"

#include "clustering/clusteringjob.h"
#include "clustering/clusteringsession.h"
#include "store/artifactkinds.h"
#include "store/runstore.h"
#include "util/scratchmapping.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestClusteringJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_features;
    QString store() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }

    /// Runs @p job to its end; returns the outcome.
    static JobOutcome runToEnd(ClusteringJob &job, int timeoutMs = 120000)
    {
        QSignalSpy finished(&job, &RunJob::finished);
        job.start();
        if (!finished.wait(timeoutMs))
            return JobOutcome::Failed;
        return finished.first().at(0).value<JobOutcome>();
    }

    QString failure(const ClusteringConfig &c)
    {
        ClusteringJob job(c, store());
        const JobOutcome o = runToEnd(job);
        return o == JobOutcome::Failed ? job.message() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_features = fixtures::writeClusteringFeatures(m_dir.filePath(QStringLiteral("data")));
    }

    void configRoundTrip()
    {
        ClusteringConfig c = fixtures::tinyClusteringRun(m_features);
        c.purityForm = PurityForm::Variance;
        c.crossAttentionAll = true;
        c.seed = 12345678901234ull;
        const QJsonObject j = c.toJson();
        QCOMPARE(j.value(QStringLiteral("family")).toString(), QStringLiteral("clustering"));
        QCOMPARE(j.value(QStringLiteral("k")).toInt(), 10);
        QVERIFY(j.contains(QStringLiteral("sharedThreshold"))); // every default written out
        auto back = ClusteringConfig::fromJson(j);
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back->toJson(), j);
        // The plain transformer's defaults switch both fairness parts off.
        const ClusteringConfig plain = ClusteringConfig::forMethod(ClusteringMethod::Transformer);
        QVERIFY(!plain.crossAttention && !plain.purityLoss);
        QCOMPARE(
            ClusteringConfig::fromJson({{QStringLiteral("method"), QStringLiteral("transformer")},
                                        {QStringLiteral("fromRun"), QStringLiteral("x")}})
                ->purityLoss,
            false);
        QCOMPARE(ClusteringConfig().modelWidth(256), 336); // 256 + 80, already a multiple of 4
        ClusteringConfig w;
        w.k = 81;
        QCOMPARE(w.modelWidth(256), 340);
        auto bad =
            ClusteringConfig::fromJson({{QStringLiteral("method"), QStringLiteral("dbscan")}});
        QVERIFY(!bad.ok() && bad.error().toString().contains(QStringLiteral("dbscan")));
        c.subClusters = 1;
        QVERIFY(!c.validate().ok());
        // The kNN index and its knobs round-trip; unknown indexes and bad knobs are refused.
        ClusteringConfig approx = fixtures::tinyClusteringRun(m_features);
        approx.knn = KnnIndex::Ivf;
        approx.ivfProbes = 7;
        approx.hnswSearchDepth = 300;
        const QJsonObject aj = approx.toJson();
        QCOMPARE(aj.value(QStringLiteral("knn")).toString(), QStringLiteral("ivf"));
        auto approxBack = ClusteringConfig::fromJson(aj);
        QVERIFY2(approxBack.ok(), qPrintable(approxBack.error().toString()));
        QCOMPARE(approxBack->knn, KnnIndex::Ivf);
        QCOMPARE(approxBack->toJson(), aj);
        QJsonObject badIndex = aj;
        badIndex.insert(QStringLiteral("knn"), QStringLiteral("annoy"));
        auto refused = ClusteringConfig::fromJson(badIndex);
        QVERIFY(!refused.ok() && refused.error().toString().contains(QStringLiteral("annoy")));
        QJsonObject badLinks = aj;
        badLinks.insert(QStringLiteral("hnswLinks"), 2);
        QVERIFY(!ClusteringConfig::fromJson(badLinks).ok());
    }

    void approximateGraphRecordsItsRecall()
    {
        ClusteringConfig c =
            fixtures::tinyClusteringRun(m_features, ClusteringMethod::KnnThreshold);
        c.knn = KnnIndex::Hnsw;
        c.recallSample = 60;
        ClusteringJob job(c, store());
        QCOMPARE(runToEnd(job), JobOutcome::Finished);
        const double recall = job.result().value(QStringLiteral("knn_recall")).toDouble(-1);
        QVERIFY2(recall > 0.9 && recall <= 1.0, qPrintable(QJsonDocument(job.result()).toJson()));
        auto s = RunStore::open(store());
        QVERIFY(s.ok());
        auto metrics = s.value()->metrics(job.runId());
        QVERIFY(metrics.ok());
        QStringList groups;
        for (const MetricRow &m : metrics.value())
            if (m.name == QLatin1String("knn_recall") && !m.group.isEmpty())
                groups << m.group;
        QVERIFY2(groups.size() == 2, qPrintable(groups.join(QLatin1Char(','))));
        auto evaluation = s.value()->artifact(job.runId(), ArtifactKind::clustering());
        QVERIFY(evaluation.ok());
        const QJsonObject knn = QJsonDocument::fromJson(evaluation->bytes)
                                    .object()
                                    .value(QStringLiteral("knn"))
                                    .toObject();
        QCOMPARE(knn.value(QStringLiteral("index")).toString(), QStringLiteral("hnsw"));
        QCOMPARE(knn.value(QStringLiteral("recallSample")).toInt(), 60);
        QCOMPARE(knn.value(QStringLiteral("testRecallByGroup")).toArray().size(), 2);
        // A recall floor the graph misses fails the run before any training, naming the knob.
        ClusteringConfig poor = fixtures::tinyClusteringRun(m_features);
        poor.knn = KnnIndex::Ivf;
        poor.ivfCells = 4;
        poor.ivfProbes = 1;
        poor.minRecall = 1.0;
        ClusteringJob floor(poor, store());
        QSignalSpy floorEpochs(&floor, &RunJob::epochFinished);
        QCOMPARE(runToEnd(floor), JobOutcome::Failed);
        QVERIFY2(floor.message().contains(QStringLiteral("below the asked 1.0000")) &&
                     floor.message().contains(QStringLiteral("raise ivfProbes")) &&
                     floor.message().contains(QStringLiteral("features.bin")),
                 qPrintable(floor.message()));
        QCOMPARE(floorEpochs.count(), 0);
        poor.recallSample = 0;
        QVERIFY(!poor.validate().ok()); // a floor needs a sample to measure with
        // An exact run measures nothing and says which index it used.
        ClusteringJob exact(fixtures::tinyClusteringRun(m_features, ClusteringMethod::KnnThreshold),
                            store());
        QCOMPARE(runToEnd(exact), JobOutcome::Finished);
        QVERIFY(!exact.result().contains(QStringLiteral("knn_recall")));
    }

    void learnsTrivialPatternAndRecordsEverything()
    {
        ClusteringConfig c = fixtures::tinyClusteringRun(m_features);
        c.epochs = 3;
        ClusteringJob job(c, store());
        QSignalSpy progress(&job, &RunJob::progressChanged);
        QSignalSpy epochs(&job, &RunJob::epochFinished);
        QCOMPARE(runToEnd(job), JobOutcome::Finished);
        QCOMPARE(epochs.count(), 3);
        // Every epoch's fairness on the validation identities: F per group, its lowest and its
        // spread (the monitor's and Curves' per-epoch fairness).
        for (const auto &args : epochs) {
            const QJsonObject m = args.at(1).toJsonObject();
            const double f = m.value(QStringLiteral("val_pairwise_f_score")).toDouble(-1);
            const double worst =
                m.value(QStringLiteral("val_pairwise_f_score_group_min")).toDouble(-1);
            const double spread =
                m.value(QStringLiteral("val_pairwise_f_score_group_std")).toDouble(-1);
            QVERIFY2(f >= 0 && f <= 1 && worst >= 0 && worst <= 1 && spread >= 0 && spread <= 0.5,
                     qPrintable(QJsonDocument(m).toJson()));
        }
        QStringList stages;
        for (const auto &args : progress) {
            const QString stage = args.first().value<JobProgress>().stage;
            if (stages.isEmpty() || stages.last() != stage)
                stages << stage;
        }
        // The evaluation reports each of its stages too (they take minutes at a million rows).
        const QStringList expected{
            QStringLiteral("kNN graph"),      QStringLiteral("inference"),
            QStringLiteral("scoring val"),    QStringLiteral("thresholds"),
            QStringLiteral("scoring train"),  QStringLiteral("clustering train"),
            QStringLiteral("clustering val"), QStringLiteral("scoring test"),
            QStringLiteral("clustering test")};
        stages.removeAll(QString()); // the epochs' own steps
        QCOMPARE(stages, expected);
        // Well-separated blobs: the trained model clusters the test identities almost perfectly.
        const QJsonObject r = job.result();
        QVERIFY2(r.value(QStringLiteral("pairwise_f_score")).toDouble() > 0.9,
                 qPrintable(QJsonDocument(r).toJson()));
        QVERIFY(r.value(QStringLiteral("bcubed_f_score")).toDouble() > 0.9);
        QVERIFY(r.contains(QStringLiteral("pairwise_f_score_group_std")));
        QCOMPARE(job.predictedLabels().size(), size_t(320));
        const QJsonObject eval = job.evaluation();
        QVERIFY(eval.value(QStringLiteral("thresholds"))
                    .toObject()
                    .value(QStringLiteral("tunedOnValidation"))
                    .toBool());
        QCOMPARE(eval.value(QStringLiteral("splits"))
                     .toObject()
                     .value(QStringLiteral("test"))
                     .toObject()
                     .value(QStringLiteral("identities"))
                     .toInt(),
                 14);

        auto s = RunStore::open(store());
        QVERIFY(s.ok());
        auto run = s.value()->run(job.runId());
        QCOMPARE(run->family, RunFamily::Clustering);
        QCOMPARE(run->method, QStringLiteral("transformer-fair"));
        QCOMPARE(run->status, RunStatus::Finished);
        QCOMPARE(run->config, c.toJson());
        QCOMPARE(s.value()->epochs(job.runId())->size(), 3);
        QCOMPARE(s.value()->resumableEpoch(job.runId()).value(), 3);
        auto attention = s.value()->artifact(job.runId(), QStringLiteral("cross-attention"), 3);
        QVERIFY(attention.ok());
        const auto snapshot =
            CrossAttentionSnapshot::fromJson(QJsonDocument::fromJson(attention->bytes).object());
        QCOMPARE(snapshot.anchors.size(), 3);
        QCOMPARE(snapshot.centroidSize, 5);
        QCOMPARE(snapshot.furthestSize, 5);
        QCOMPARE(snapshot.anchors[0].weights.size(), 25);
        float rowSum = 0;
        for (int j = 0; j < 5; ++j)
            rowSum += snapshot.anchors[0].weights[j];
        QVERIFY(std::abs(rowSum - 1) < 1e-4); // softmax over the centroid tokens
        QCOMPARE(snapshot.anchors[0].centroidRows[0], snapshot.anchors[0].row);
        for (const char *kind : {"purity", "cluster-sizes", "clustering", "predictions"})
            QVERIFY2(s.value()->artifact(job.runId(), QLatin1String(kind)).ok(), kind);
        const QByteArray pred =
            s.value()->artifact(job.runId(), QStringLiteral("predictions"))->bytes;
        QCOMPARE(pred.count('\n'), 320);
        auto metrics = s.value()->metrics(job.runId());
        QSet<QString> overall, grouped;
        for (const MetricRow &m : metrics.value())
            (m.group.isEmpty() ? overall : grouped).insert(m.group + QLatin1Char('/') + m.name);
        for (const char *name :
             {"/pairwise_f_score", "/bcubed_f_score", "/nmi", "/purity",
              "/pairwise_f_score_group_std", "/pairwise_f_score_group_min", "/nmi_group_max"})
            QVERIFY2(overall.contains(QLatin1String(name)), name);
        QVERIFY(grouped.contains(QStringLiteral("group=rare/pairwise_f_score")));
        QVERIFY(grouped.contains(QStringLiteral("group=common/weighted_purity")));
    }

    void cancelThenResumeContinuesExactly()
    {
        ClusteringConfig c = fixtures::tinyClusteringRun(m_features);
        c.epochs = 3;
        c.dropout = 0.1; // resumed epochs must draw the same dropout masks
        ClusteringJob whole(c, store());
        QSignalSpy wholeEpochs(&whole, &RunJob::epochFinished);
        QCOMPARE(runToEnd(whole), JobOutcome::Finished);

        auto *job = new ClusteringJob(c, store());
        connect(job, &RunJob::epochFinished, job, [job](int epoch) {
            if (epoch == 1)
                job->requestCancel();
        });
        QCOMPARE(runToEnd(*job), JobOutcome::Cancelled);
        const QString id = job->runId();
        delete job;
        {
            auto s = RunStore::open(store());
            QCOMPARE(s.value()->run(id)->status, RunStatus::Cancelled);
            QCOMPARE(s.value()->resumableEpoch(id).value(), 1);
        }
        QString error;
        std::unique_ptr<RunJob> resumed(FamilyRegistry::instance().resume(id, store(), &error));
        QVERIFY2(resumed, qPrintable(error));
        auto *cj = qobject_cast<ClusteringJob *>(resumed.get());
        QVERIFY(cj);
        QSignalSpy resumedEpochs(cj, &RunJob::epochFinished);
        QCOMPARE(runToEnd(*cj), JobOutcome::Finished);
        QCOMPARE(resumedEpochs.count(), 2);
        QCOMPARE(resumedEpochs.first().at(0).toInt(), 2);
        // Epoch 3 of the resumed run has exactly the loss of the uninterrupted run.
        const double a =
            wholeEpochs.at(2).at(1).toJsonObject().value(QStringLiteral("loss")).toDouble();
        const double b =
            resumedEpochs.at(1).at(1).toJsonObject().value(QStringLiteral("loss")).toDouble();
        QVERIFY2(std::abs(a - b) <= 1e-6 * std::abs(a),
                 qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
        QCOMPARE(cj->result().value(QStringLiteral("pairwise_f_score")).toDouble(),
                 whole.result().value(QStringLiteral("pairwise_f_score")).toDouble());
    }

    void cancelDuringThresholdSearchThenResumeOnlyEvaluates()
    {
        ClusteringConfig c = fixtures::tinyClusteringRun(m_features);
        c.epochs = 2;
        auto *job = new ClusteringJob(c, store());
        // Direct: the cancel request is made on the worker thread while the search runs.
        connect(
            job, &RunJob::progressChanged, job,
            [job](const JobProgress &p) {
                if (p.stage == QLatin1String("thresholds"))
                    job->requestCancel();
            },
            Qt::DirectConnection);
        QCOMPARE(runToEnd(*job), JobOutcome::Cancelled);
        const QString id = job->runId();
        delete job;
        {
            auto s = RunStore::open(store());
            QCOMPARE(s.value()->run(id)->status, RunStatus::Cancelled);
            QCOMPARE(s.value()->resumableEpoch(id).value(), 2);
            QVERIFY(!s.value()->artifact(id, QStringLiteral("predictions")).ok());
        }
        QString error;
        std::unique_ptr<RunJob> resumed(FamilyRegistry::instance().resume(id, store(), &error));
        QVERIFY2(resumed, qPrintable(error));
        QSignalSpy epochs(resumed.get(), &RunJob::epochFinished);
        QCOMPARE(runToEnd(*qobject_cast<ClusteringJob *>(resumed.get())), JobOutcome::Finished);
        QCOMPARE(epochs.count(), 0);
        QVERIFY(resumed->result().value(QStringLiteral("pairwise_f_score")).toDouble() > 0.9);
    }

    void outOfCoreFeaturesGiveTheSameRun()
    {
        // 1,000 rows × 512 = 2 MB of features: above a 1 MiB scratch limit.
        const QString big = fixtures::writeClusteringFeatures(m_dir.filePath(QStringLiteral("big")),
                                                              100, 10, 512, 0.15, 9);
        ClusteringConfig c = fixtures::tinyClusteringRun(big);
        c.epochs = 1;
        QJsonObject results[2];
        std::vector<int64_t> labels[2];
        for (int scratchMiB : {0, 1}) {
            c.featureScratchMiB = scratchMiB;
            ClusteringJob job(c, store());
            QSignalSpy log(&job, &RunJob::logMessage);
            QCOMPARE(runToEnd(job), JobOutcome::Finished);
            bool outOfCore = false;
            for (const auto &args : log)
                outOfCore = outOfCore || args.first().toString().contains(
                                             QStringLiteral("features out of core"));
            QCOMPARE(outOfCore, scratchMiB == 1);
            results[scratchMiB] = job.result();
            labels[scratchMiB] = job.predictedLabels();
        }
        QCOMPARE(results[1], results[0]);
        QCOMPARE(labels[1], labels[0]);
        // The scratch files have no name: nothing is left behind, even by a killed run.
        QCOMPARE(QDir(qEnvironmentVariable("EQUISCOPE_CACHE_DIR") + QStringLiteral("/scratch"))
                     .entryList(QDir::Files | QDir::NoDotAndDotDot)
                     .size(),
                 0);
    }

    void scratchSpaceErrorsNameTheDirectory()
    {
        const QString file = m_dir.filePath(QStringLiteral("a-file"));
        QVERIFY(fixtures::writeFile(file, "x"));
        auto notADirectory = ScratchMapping::create(file + QStringLiteral("/scratch"), 4096);
        QVERIFY(!notADirectory);
        QVERIFY2(notADirectory.error().toString().contains(file),
                 qPrintable(notADirectory.error().toString()));
        // More than any disk here holds: refused when reserved, not a SIGBUS on a later write.
        auto huge =
            ScratchMapping::create(m_dir.filePath(QStringLiteral("scratch")), qint64(1) << 60);
        QVERIFY(!huge);
        QVERIFY2(huge.error().toString().contains(QStringLiteral("reserve")),
                 qPrintable(huge.error().toString()));
        auto ok = ScratchMapping::create(m_dir.filePath(QStringLiteral("scratch")), 1 << 20);
        QVERIFY(ok);
        QCOMPARE(ok.value()->size(), qint64(1) << 20);
        QCOMPARE(ok.value()->data()[12345], char(0));
        ok.value()->data()[(1 << 20) - 1] = 7;
        QCOMPARE(ok.value()->data()[(1 << 20) - 1], char(7));
    }

    void baselinesRun_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("kmeans") << int(ClusteringMethod::KMeans);
        QTest::newRow("knn-threshold") << int(ClusteringMethod::KnnThreshold);
        QTest::newRow("plain transformer") << int(ClusteringMethod::Transformer);
    }

    void baselinesRun()
    {
        QFETCH(int, method);
        ClusteringConfig c = fixtures::tinyClusteringRun(m_features, ClusteringMethod(method));
        ClusteringJob job(c, store());
        QSignalSpy epochs(&job, &RunJob::epochFinished);
        QCOMPARE(runToEnd(job), JobOutcome::Finished);
        QCOMPARE(epochs.count(), clusteringMethodTrains(ClusteringMethod(method)) ? 2 : 0);
        // Blobs this clean are easy for every method.
        QVERIFY2(job.result().value(QStringLiteral("bcubed_f_score")).toDouble() > 0.8,
                 qPrintable(QJsonDocument(job.result()).toJson()));
        QCOMPARE(job.predictedLabels().size(), size_t(320));
        auto s = RunStore::open(store());
        QCOMPARE(s.value()->run(job.runId())->method,
                 clusteringMethodName(ClusteringMethod(method)));
        QCOMPARE(s.value()->artifact(job.runId(), QStringLiteral("cross-attention")).ok(), false);
    }

    void badInputNamesTheFile()
    {
        const QString dir = m_dir.filePath(QStringLiteral("bad"));
        const QString features = fixtures::writeClusteringFeatures(dir, 12, 4, 4);
        ClusteringConfig c = fixtures::tinyClusteringRun(features, ClusteringMethod::KnnThreshold);
        c.k = 3;
        auto rewrite = [&](const QString &name, const QByteArray &bytes) {
            fixtures::writeFile(QDir(dir).filePath(name), bytes);
        };
        QFile f(features);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        f.close();
        QFile lf(QDir(dir).filePath(QStringLiteral("labels.meta")));
        QVERIFY(lf.open(QIODevice::ReadOnly));
        const QByteArray labels = lf.readAll();
        lf.close();

        // k ≥ N.
        ClusteringConfig bigK = c;
        bigK.k = 48;
        QString e = failure(bigK);
        QVERIFY2(e.contains(QStringLiteral("features.bin")) && e.contains(QStringLiteral("k = 48")),
                 qPrintable(e));
        // k not below a split's size.
        bigK.k = 10;
        e = failure(bigK);
        QVERIFY2(e.contains(QStringLiteral("features.bin")) && e.contains(QStringLiteral("split")),
                 qPrintable(e));
        // Features not N×D floats.
        rewrite(QStringLiteral("features.bin"), good + "xyz");
        e = failure(c);
        QVERIFY2(e.contains(QStringLiteral("features.bin")) &&
                     e.contains(QStringLiteral("float32")),
                 qPrintable(e));
        rewrite(QStringLiteral("features.bin"), good);
        // Labels line count ≠ N (with the dimension given, N comes from the features).
        rewrite(QStringLiteral("labels.meta"), labels + "7\n");
        ClusteringConfig withDim = c;
        withDim.dataset.options.insert(QStringLiteral("dim"), 4);
        e = failure(withDim);
        QVERIFY2(e.contains(QStringLiteral("features.bin")) &&
                     e.contains(QStringLiteral("labels.meta")),
                 qPrintable(e));
        // Non-numeric label.
        rewrite(QStringLiteral("labels.meta"), QByteArray(labels).replace("8\n", "eight\n"));
        e = failure(c);
        QVERIFY2(e.contains(QStringLiteral("labels.meta:")) &&
                     e.contains(QStringLiteral("'eight'")),
                 qPrintable(e));
        rewrite(QStringLiteral("labels.meta"), labels);
        // Group line count ≠ N.
        rewrite(QStringLiteral("groups.txt"), "rare\ncommon\n");
        e = failure(c);
        QVERIFY2(e.contains(QStringLiteral("groups.txt")) && e.contains(QStringLiteral("48 lines")),
                 qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestClusteringJob)
#include "tst_clusteringjob.moc"
