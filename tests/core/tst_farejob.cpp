#include "enginefixtures.h"
#include "families/familyregistry.h"
#include "fare/farejob.h"
#include "jobs/jobqueue.h"
#include "store/runstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestTrainingJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FareConfig m_config;
    QString store() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_config = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("data")));
        m_config.epochs = 2;
    }

    void finishesAndRecordsEverything()
    {
        FareJob job(m_config, store());
        QSignalSpy progress(&job, &FareJob::progressChanged);
        QSignalSpy epochs(&job, &FareJob::epochFinished);
        QSignalSpy finished(&job, &FareJob::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).value<JobOutcome>(), JobOutcome::Finished);
        QCOMPARE(epochs.count(), 2);
        QVERIFY(progress.count() >= 2); // throttled, but each epoch's last step is always sent
        // Training progress, then the evaluation's own stages (0–100 % of the evaluation).
        JobProgress lastTraining;
        QStringList evaluationStages;
        for (const auto &args : progress) {
            const auto p = args.first().value<JobProgress>();
            if (p.stage.isEmpty()) {
                QVERIFY(evaluationStages.isEmpty()); // no training step after evaluation began
                lastTraining = p;
            } else {
                QVERIFY2(p.stage.startsWith(QStringLiteral("evaluating: ")), qPrintable(p.stage));
                QVERIFY(p.fraction() >= 0 && p.fraction() <= 1);
                evaluationStages << p.stage;
            }
        }
        QCOMPARE(lastTraining.epoch, 2);
        QCOMPARE(lastTraining.step, lastTraining.stepsPerEpoch);
        QVERIFY2(evaluationStages.contains(
                     QStringLiteral("evaluating: embedding the probe-training images")),
                 qPrintable(evaluationStages.join(QLatin1Char('|'))));
        QVERIFY(job.result().value(QStringLiteral("accuracy")).toDouble() > 0.5);

        auto s = RunStore::open(store());
        QVERIFY(s.ok());
        auto run = s.value()->run(job.runId());
        QVERIFY(run.ok());
        QCOMPARE(run->status, RunStatus::Finished);
        QCOMPARE(run->config, m_config.toJson());
        QCOMPARE(s.value()->epochs(job.runId())->size(), 2);
        // Without a per-epoch evaluation the epochs carry training figures only.
        QVERIFY(
            !s.value()->epochs(job.runId())->first().metrics.contains(QStringLiteral("accuracy")));
        QCOMPARE(s.value()->resumableEpoch(job.runId()).value(), 2);
        QVERIFY(s.value()->artifact(job.runId(), QStringLiteral("attention"), 2).ok());
        auto metrics = s.value()->metrics(job.runId());
        QVERIFY(metrics.ok());
        bool hasAccuracy = false, hasGroupRow = false;
        for (const MetricRow &m : metrics.value()) {
            hasAccuracy = hasAccuracy || (m.name == QLatin1String("accuracy") && m.group.isEmpty());
            hasGroupRow = hasGroupRow || !m.group.isEmpty();
        }
        QVERIFY(hasAccuracy);
        QVERIFY(hasGroupRow);
    }

    void cancelWithinOneStepThenResume()
    {
        FareConfig c = m_config;
        c.epochs = 3;
        auto *job = new FareJob(c, store());
        QSignalSpy finished(job, &FareJob::finished);
        connect(job, &FareJob::epochFinished, job, [job](int epoch) {
            if (epoch == 1)
                job->requestCancel();
        });
        job->start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).value<JobOutcome>(), JobOutcome::Cancelled);
        const QString id = job->runId();
        delete job;
        {
            auto s = RunStore::open(store());
            QCOMPARE(s.value()->run(id)->status, RunStatus::Cancelled);
            QCOMPARE(s.value()->resumableEpoch(id).value(), 1);
        }
        // The generic entry point picks the job type from the run's family.
        QString error;
        std::unique_ptr<RunJob> resumed(FamilyRegistry::instance().resume(id, store(), &error));
        QVERIFY2(resumed, qPrintable(error));
        QVERIFY(qobject_cast<FareJob *>(resumed.get()));
        QCOMPARE(resumed->runId(), id);
        QSignalSpy resumedEpochs(resumed.get(), &FareJob::epochFinished);
        QSignalSpy done(resumed.get(), &FareJob::finished);
        resumed->start();
        QVERIFY(done.wait(120000));
        QCOMPARE(done.first().at(0).value<JobOutcome>(), JobOutcome::Finished);
        QCOMPARE(resumedEpochs.count(), 2); // epochs 2 and 3 only
        QCOMPARE(resumedEpochs.first().at(0).toInt(), 2);
    }

    void perEpochEvaluationAddsCurves()
    {
        // With epochEvaluationSamples every epoch records probe accuracy and fairness metrics;
        // the final evaluation keeps its bootstrap intervals.
        FareConfig c = m_config;
        c.epochEvaluationSamples = 60;
        FareJob job(c, store());
        QSignalSpy epochs(&job, &FareJob::epochFinished);
        QSignalSpy finished(&job, &FareJob::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).value<JobOutcome>(), JobOutcome::Finished);
        QCOMPARE(epochs.count(), 2);
        for (const auto &args : epochs) {
            const QJsonObject metrics = args.at(1).toJsonObject();
            const double accuracy = metrics.value(QStringLiteral("accuracy")).toDouble(-1);
            QVERIFY2(accuracy >= 0 && accuracy <= 1, qPrintable(QString::number(accuracy)));
            QVERIFY(metrics.contains(QStringLiteral("bias_mse")));
            QVERIFY(metrics.contains(QStringLiteral("loss")));
        }
        auto s = RunStore::open(store());
        const auto stored = s.value()->epochs(job.runId());
        QVERIFY(stored.ok());
        QVERIFY(stored->first().metrics.contains(QStringLiteral("accuracy")));
        bool interval = false;
        const auto finalMetrics = s.value()->metrics(job.runId()); // kept alive for the loop
        QVERIFY(finalMetrics.ok());
        for (const MetricRow &m : finalMetrics.value())
            interval = interval || (m.ciLow && m.ciHigh);
        QVERIFY(interval);
    }

    void cancelDuringEvaluation()
    {
        // The evaluation polls the cancel flag between chunks and stages: a cancel there ends
        // the run as cancelled, not after the whole evaluation.
        FareConfig c = m_config;
        c.epochs = 1;
        FareJob job(c, store());
        QSignalSpy finished(&job, &FareJob::finished);
        // Direct: the cancel is set in the worker, at the first evaluation report.
        connect(
            &job, &FareJob::progressChanged, &job,
            [&job](const JobProgress &p) {
                if (p.stage.startsWith(QStringLiteral("evaluating")))
                    job.requestCancel();
            },
            Qt::DirectConnection);
        job.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).value<JobOutcome>(), JobOutcome::Cancelled);
        auto s = RunStore::open(store());
        QCOMPARE(s.value()->run(job.runId())->status, RunStatus::Cancelled);
    }

    void resumingAnUnknownRunSaysWhy()
    {
        QString error;
        std::unique_ptr<RunJob> job(
            FamilyRegistry::instance().resume(QStringLiteral("no-such-run"), store(), &error));
        QVERIFY(!job);
        QVERIFY2(error.contains(QStringLiteral("no-such-run")), qPrintable(error));
    }

    void failureIsReported()
    {
        FareConfig c = m_config;
        c.target = QStringLiteral("nope");
        FareJob job(c, store());
        QSignalSpy finished(&job, &FareJob::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).value<JobOutcome>(), JobOutcome::Failed);
        QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("nope")),
                 qPrintable(finished.first().at(1).toString()));
    }

    void queueRunsJobsOneAfterAnother()
    {
        JobQueue queue;
        FareConfig c = m_config;
        c.epochs = 1;
        QSignalSpy finished(&queue, &JobQueue::jobFinished);
        auto *a = new FareJob(c, store());
        auto *b = new FareJob(c, store());
        queue.enqueue(a);
        queue.enqueue(b);
        QCOMPARE(queue.running().size(), 1);
        QCOMPARE(queue.pending().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        QCOMPARE(a->outcome(), JobOutcome::Finished);
        QCOMPARE(b->outcome(), JobOutcome::Finished);
    }
};

QTEST_GUILESS_MAIN(TestTrainingJob)
#include "tst_farejob.moc"
