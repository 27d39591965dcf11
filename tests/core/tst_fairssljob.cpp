// FairSslJob end to end on a tiny image folder: a run learns the trivial pattern and records
// every stage; cancel + resume skips the finished stages; the baselines run in the same form;
// an empty meta set fails before the weighted training.
#include "fairsslfixtures.h"
#include "families/familyregistry.h"

#include "fairssl/fairssljob.h"
#include "store/runstore.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

namespace {

QStringList stagesOf(const QSignalSpy &progress)
{
    QStringList stages;
    for (const auto &args : progress) {
        const QString s = args.at(0).value<JobProgress>().stage;
        if (stages.isEmpty() || stages.last() != s)
            stages << s;
    }
    return stages;
}

} // namespace

class TestFairSslJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fixtures::FairSslFixture m_fixture;
    QString m_fullRun; ///< the finished fair-ssl run of the first test
    QString store() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_fixture = fixtures::writeFairSslFixture(m_dir.filePath(QStringLiteral("data")));
    }

    void learnsTheTrivialPatternAndRecordsEveryStage()
    {
        FairSslConfig config = m_fixture.config;
        config.epochEvaluationSamples =
            40; // per-epoch accuracy and fairness after each SupCon epoch
        FairSslJob job(config, store());
        QSignalSpy progress(&job, &FairSslJob::progressChanged);
        QSignalSpy stages(&job, &FairSslJob::stageFinished);
        QSignalSpy epochs(&job, &FairSslJob::epochFinished);
        QSignalSpy finished(&job, &FairSslJob::finished);
        job.start();
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).value<JobOutcome>() == JobOutcome::Finished,
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(job.result().value(QStringLiteral("accuracy")).toDouble() > 0.9);
        QVERIFY(job.result().contains(QStringLiteral("worst_group_accuracy")));

        const QStringList expected{QStringLiteral("embed"),        QStringLiteral("dedup"),
                                   QStringLiteral("retrieve"),     QStringLiteral("quality"),
                                   QStringLiteral("pseudo-label"), QStringLiteral("train"),
                                   QStringLiteral("classifier")};
        QStringList finishedStages;
        for (const auto &args : stages) {
            finishedStages << args.at(0).toString();
            QCOMPARE(args.at(2).toBool(), false);
        }
        QCOMPARE(finishedStages, expected);
        QCOMPARE(stagesOf(progress), expected);
        const auto last = progress.last().first().value<JobProgress>();
        QCOMPARE(last.epochs, 2 + 2 + 7); // embed and train epochs + one pass per stage
        QCOMPARE(epochs.count(), 4);      // 2 SimCLR + 2 SupCon epochs, numbered 1…4
        // The embed epochs train the curation encoder, not the method's: no probe there. After
        // each SupCon epoch: accuracy and the group metrics of a probe on 40 test images.
        for (int e = 0; e < 4; ++e) {
            const QJsonObject m = epochs.at(e).at(1).toJsonObject();
            QCOMPARE(m.contains(QStringLiteral("accuracy")), e >= 2);
            QCOMPARE(m.contains(QStringLiteral("worst_group_accuracy")), e >= 2);
            QCOMPARE(m.contains(QStringLiteral("accuracy_std")), e >= 2);
        }
        QVERIFY2(epochs.last().at(1).toJsonObject().value(QStringLiteral("accuracy")).toDouble() >
                     0.8,
                 qPrintable(QJsonDocument(epochs.last().at(1).toJsonObject()).toJson()));
        m_fullRun = job.runId();
        auto s = RunStore::open(store());
        QVERIFY(s.ok());
        auto run = s.value()->run(job.runId());
        QCOMPARE(run->family, RunFamily::FairSsl);
        QCOMPARE(run->method, QStringLiteral("fair-ssl"));
        QCOMPARE(run->status, RunStatus::Finished);
        QCOMPARE(run->config, config.toJson());
        QCOMPARE(s.value()->epochs(job.runId())->size(), 4);
        QCOMPARE(s.value()->artifacts(job.runId(), QStringLiteral("fairssl-stage"))->size(), 7);
        QCOMPARE(s.value()->artifacts(job.runId(), QStringLiteral("meta-weights"))->size(), 2);
        auto dedup = s.value()->artifact(job.runId(), QStringLiteral("fairssl-stage"), std::nullopt,
                                         QStringLiteral("dedup"));
        QVERIFY(dedup.ok());
        const QJsonObject report = QJsonDocument::fromJson(dedup->bytes).object();
        QVERIFY(report.value(QStringLiteral("dropped")).toInt() >= 12);
        QVERIFY(s.value()
                    ->artifact(job.runId(), QStringLiteral("fairssl-thumbnails"), std::nullopt,
                               QStringLiteral("dedup"))
                    .ok());

        auto metrics = s.value()->metrics(job.runId());
        QVERIFY(metrics.ok());
        QSet<QString> overall;
        bool groupAccuracyWithCi = false;
        for (const MetricRow &m : metrics.value()) {
            if (m.group.isEmpty())
                overall.insert(m.name);
            else if (m.name == QLatin1String("accuracy"))
                groupAccuracyWithCi = m.ciLow.has_value() && m.groupSize.value_or(0) > 0;
        }
        // (skewed_error_ratio is +inf, hence not stored, when one group is classified perfectly.)
        for (const char *name :
             {"accuracy", "accuracy_std", "worst_group_accuracy", "accuracy_max_min_ratio",
              "equalized_odds_difference", "demographic_parity_difference",
              "equal_opportunity_difference", "pseudo_label_accuracy"})
            QVERIFY2(
                overall.contains(QLatin1String(name)),
                qPrintable(
                    QStringLiteral("%1 not in %2")
                        .arg(QLatin1String(name),
                             QStringList(overall.begin(), overall.end()).join(QLatin1Char(' ')))));
        QVERIFY(groupAccuracyWithCi);
    }

    void cancelThenResumeSkipsFinishedStages()
    {
        auto *job = new FairSslJob(m_fixture.config, store());
        QSignalSpy finished(job, &FairSslJob::finished);
        // Cancel after the first SupCon epoch (epoch 3 of the run): every curation stage and
        // one training epoch are done.
        connect(job, &FairSslJob::epochFinished, job, [job](int epoch) {
            if (epoch == 3)
                job->requestCancel();
        });
        job->start();
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).value<JobOutcome>() == JobOutcome::Cancelled,
                 qPrintable(finished.first().at(1).toString()));
        const QString id = job->runId();
        delete job;
        QDateTime embedWritten;
        {
            auto s = RunStore::open(store());
            QCOMPARE(s.value()->run(id)->status, RunStatus::Cancelled);
            QCOMPARE(s.value()->resumableEpoch(id).value(), 3);
            QCOMPARE(s.value()->artifacts(id, QStringLiteral("fairssl-stage"))->size(), 5);
            embedWritten = s.value()
                               ->artifact(id, QStringLiteral("fairssl-outputs"), std::nullopt,
                                          QStringLiteral("embed"))
                               ->record.createdAt;
        }
        QString error;
        std::unique_ptr<RunJob> resumed(FamilyRegistry::instance().resume(id, store(), &error));
        QVERIFY2(resumed, qPrintable(error));
        QVERIFY(qobject_cast<FairSslJob *>(resumed.get()));
        QSignalSpy progress(resumed.get(), &RunJob::progressChanged);
        QSignalSpy stages(resumed.get(), SIGNAL(stageFinished(QString, QJsonObject, bool)));
        QSignalSpy epochs(resumed.get(), &RunJob::epochFinished);
        QSignalSpy done(resumed.get(), &RunJob::finished);
        resumed->start();
        QVERIFY(done.wait(300000));
        QCOMPARE(done.first().at(0).value<JobOutcome>(), JobOutcome::Finished);
        // Finished stages were restored, not run: no progress from them, no new outputs.
        QCOMPARE(stagesOf(progress),
                 QStringList({QStringLiteral("train"), QStringLiteral("classifier")}));
        int restored = 0;
        for (const auto &args : stages)
            restored += args.at(2).toBool() ? 1 : 0;
        QCOMPARE(restored, 5);
        QCOMPARE(epochs.count(), 1);
        QCOMPARE(epochs.first().at(0).toInt(), 4);
        auto s = RunStore::open(store());
        QCOMPARE(s.value()
                     ->artifact(id, QStringLiteral("fairssl-outputs"), std::nullopt,
                                QStringLiteral("embed"))
                     ->record.createdAt,
                 embedWritten);
        QCOMPARE(s.value()->run(id)->status, RunStatus::Finished);
    }

    void baselinesReuseTheFinishedStagesOfAnotherRun()
    {
        QVERIFY(!m_fullRun.isEmpty());
        FairSslConfig c = m_fixture.config;
        c.method = FairSslMethod::SupCon;
        c.epochs = 1;
        FairSslJob job(c, store());
        job.setReuseStagesFrom(m_fullRun);
        QSignalSpy progress(&job, &FairSslJob::progressChanged);
        QSignalSpy stages(&job, &FairSslJob::stageFinished);
        QSignalSpy finished(&job, &FairSslJob::finished);
        job.start();
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).value<JobOutcome>() == JobOutcome::Finished,
                 qPrintable(finished.first().at(1).toString()));
        // embed … quality came from the other run; pseudo-labels (no meta set) were redone.
        QStringList restored;
        for (const auto &args : stages)
            if (args.at(2).toBool())
                restored << args.at(0).toString();
        QCOMPARE(restored, (QStringList{QStringLiteral("embed"), QStringLiteral("dedup"),
                                        QStringLiteral("retrieve"), QStringLiteral("quality")}));
        QCOMPARE(stagesOf(progress),
                 (QStringList{QStringLiteral("pseudo-label"), QStringLiteral("train"),
                              QStringLiteral("classifier")}));
        auto s = RunStore::open(store());
        auto embed = s.value()->artifact(job.runId(), QStringLiteral("fairssl-stage"), std::nullopt,
                                         QStringLiteral("embed"));
        QVERIFY(embed->bytes.contains(m_fullRun.toUtf8()));
        QCOMPARE(s.value()->epochs(job.runId())->size(), 2 + 1); // 2 copied SimCLR epochs + 1
    }

    void baselinesRunInTheSameForm_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("stageCount");
        QTest::newRow("simclr") << "simclr" << 2;
        QTest::newRow("supcon") << "supcon" << 7;
        QTest::newRow("supervised-ce") << "supervised-ce" << 2;
    }

    void baselinesRunInTheSameForm()
    {
        QFETCH(QString, method);
        QFETCH(int, stageCount);
        FairSslConfig c = m_fixture.config;
        c.method = fairSslMethodFromName(method).value();
        c.embedEpochs = 1;
        c.epochs = 1;
        FairSslJob job(c, store());
        QSignalSpy finished(&job, &FairSslJob::finished);
        job.start();
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).value<JobOutcome>() == JobOutcome::Finished,
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(job.result().value(QStringLiteral("accuracy")).toDouble() > 0.9);
        auto s = RunStore::open(store());
        QCOMPARE(s.value()->run(job.runId())->method, method);
        QCOMPARE(int(s.value()->artifacts(job.runId(), QStringLiteral("fairssl-stage"))->size()),
                 stageCount);
        QCOMPARE(s.value()->artifacts(job.runId(), QStringLiteral("meta-weights"))->size(), 0);
    }

    void emptyMetaSetFailsBeforeWeightedTraining()
    {
        FairSslConfig c = m_fixture.config;
        c.sensitive = {QStringLiteral("site")}; // known for test images only
        c.embedEpochs = 1;
        FairSslJob job(c, store());
        QSignalSpy finished(&job, &FairSslJob::finished);
        job.start();
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().at(0).value<JobOutcome>(), JobOutcome::Failed);
        const QString message = finished.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("meta set is empty")), qPrintable(message));
        auto s = RunStore::open(store());
        QCOMPARE(s.value()->artifacts(job.runId(), QStringLiteral("meta-weights"))->size(), 0);
        // Stopped at the pseudo-label stage: no SupCon epoch was recorded.
        QCOMPARE(s.value()->epochs(job.runId())->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFairSslJob)
#include "tst_fairssljob.moc"
