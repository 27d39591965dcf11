// What a run will cost before it starts, through the family interface: the estimate's
// arithmetic (a stage without an estimate makes the total a lower bound), the calibration
// timer, every family's estimate of a tiny run (stages, sizes, a measured rate), the kNN
// graph's rows² scaling when the budget runs out, and past runs taking over from calibration.
#include "families/familyregistry.h"
#include "families/runcostestimate.h"

#include "clusteringfixtures.h"
#include "enginefixtures.h"
#include "fare/farejob.h"

#include "clustering/clusteringcost.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace equiscope;

class TestRunCostEstimate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    static const CostStage *stage(const RunCostEstimate &e, const QString &name)
    {
        for (const CostStage &s : e.stages)
            if (s.name == name)
                return &s;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("EQUISCOPE_CACHE_DIR", path("cache").toUtf8());
    }

    void totalsCountOnlyEstimatedStages()
    {
        CostStage a;
        a.name = "train";
        a.items = 1000;
        a.stepsPerEpoch = 8;
        a.epochs = 3;
        a.itemsPerSecond = 500;
        a.minutes = 0.1;
        a.basis = "calibration";
        CostStage b;
        b.name = "classifier";
        b.items = 40;
        b.basis = "not estimated";
        RunCostEstimate e{{a, a}};
        QCOMPARE(e.minutes(), 0.2);
        QVERIFY(e.complete());
        QVERIFY(e.summary().startsWith(QStringLiteral("≈ 12 s")));
        e.stages << b;
        QCOMPARE(e.minutes(), 0.2);
        QVERIFY(!e.complete());
        QVERIFY(e.summary().startsWith(QStringLiteral("at least 12 s")));
        const QJsonObject json = e.toJson();
        QCOMPARE(json.value("complete").toBool(), false);
        QCOMPARE(json.value("seconds").toDouble(), 12.0);
        QVERIFY(json.value("stages").toArray().at(2).toObject().value("minutes").isNull());
        QCOMPARE(json.value("stages").toArray().at(0).toObject().value("steps").toInteger(), 24);
        QVERIFY(!e.longerThanAnHour());
        e.stages[0].minutes = 61;
        QVERIFY(e.longerThanAnHour());
    }

    void calibrationTimerSkipsTheWarmUpAndStops()
    {
        std::atomic<bool> cancel{false};
        CalibrationTimer timer(3, cancel);
        QCOMPARE(timer.stepsPerSecond(), 0.0);
        timer.step(); // warm-up: not timed
        QCOMPARE(timer.timedSteps(), 0);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!timer.stopFlag().load());
            QThread::msleep(5);
            timer.step();
        }
        QVERIFY(timer.stopFlag().load());
        QCOMPARE(timer.timedSteps(), 3);
        QVERIFY(timer.stepsPerSecond() > 0 && timer.stepsPerSecond() < 400); // ≥ 5 ms a step
        std::atomic<bool> cancelled{true};
        CalibrationTimer stopped(100, cancelled);
        stopped.step();
        QVERIFY(stopped.stopFlag().load());
        QVERIFY(stopped.cancelled());
    }

    void everyFamilyEstimatesATinyRun()
    {
        // FARE: one stage, calibrated (a new store has no past runs).
        const FareConfig fare = fixtures::tinyColoredRun(path("colored"));
        std::atomic<bool> cancel{false};
        const QString store = path("runs.sqlite");
        auto cost = FamilyRegistry::instance()
                        .family(RunFamily::Fare)
                        ->estimateCost(fare.toJson(), store, cancel);
        QVERIFY2(cost.ok(), qPrintable(cost.error().toString()));
        QCOMPARE(cost->stages.size(), 1);
        const CostStage &train = cost->stages.first();
        QCOMPARE(train.epochs, fare.epochs);
        QCOMPARE(train.items, train.stepsPerEpoch * fare.batchSize);
        QVERIFY(train.items > 0 && train.items <= 320);
        QVERIFY(train.itemsPerSecond > 0);
        QVERIFY(train.basis.startsWith("calibration"));
        QVERIFY(cost->complete());
        QVERIFY(std::abs(train.minutes -
                         double(train.items) * train.epochs / train.itemsPerSecond / 60) < 1e-9);

        // After a finished run like it, its throughput replaces the calibration.
        FareJob job(fare, store);
        job.start();
        job.wait();
        QCOMPARE(job.outcome(), JobOutcome::Finished);
        cost = FamilyRegistry::instance()
                   .family(RunFamily::Fare)
                   ->estimateCost(fare.toJson(), store, cancel);
        QVERIFY(cost.ok());
        QVERIFY2(cost->stages.first().basis.contains("1 past run like it"),
                 qPrintable(cost->stages.first().basis));

        // Clustering: input, kNN graph, training and evaluation; the graph of a tiny input is
        // built within the budget, so training is calibrated.
        const QString features = fixtures::writeClusteringFeatures(path("clusters"), 40, 8, 16);
        const ClusteringConfig clustering = fixtures::tinyClusteringRun(features);
        cost = FamilyRegistry::instance()
                   .family(RunFamily::Clustering)
                   ->estimateCost(clustering.toJson(), store, cancel);
        QVERIFY2(cost.ok(), qPrintable(cost.error().toString()));
        QVERIFY(stage(cost.value(), "input") && stage(cost.value(), "input")->items == 320);
        const CostStage *knn = stage(cost.value(), "kNN graph");
        QVERIFY(knn && knn->estimated() && knn->basis == "built here");
        const CostStage *fit = stage(cost.value(), "train");
        QVERIFY(fit && fit->estimated() && fit->basis.startsWith("calibration"));
        QCOMPARE(fit->unit, QStringLiteral("anchors"));
        QVERIFY(!stage(cost.value(), "inference and evaluation")->estimated());
        QVERIFY(!cost->complete());

        // A bad config is refused with its reason before anything runs.
        QJsonObject broken = clustering.toJson();
        broken.insert("epochs", "ten");
        QVERIFY(!FamilyRegistry::instance()
                     .family(RunFamily::Clustering)
                     ->estimateCost(broken, store, cancel)
                     .ok());
    }

    void knnBeyondItsBudgetIsScaledByRowsSquared()
    {
        const QString features = fixtures::writeClusteringFeatures(path("big"), 150, 10, 16);
        ClusteringConfig c = fixtures::tinyClusteringRun(features);
        c.knnMemoryMiB = 1; // many small blocks, so progress arrives before the graph is done
        std::atomic<bool> cancel{false};
        auto cost = estimateClusteringCost(c, path("none.sqlite"), cancel, 0.0);
        QVERIFY2(cost.ok(), qPrintable(cost.error().toString()));
        const CostStage *knn = stage(cost.value(), "kNN graph");
        QVERIFY(knn);
        // A zero budget stops at the first finished block: the rate of its rows is scaled.
        QVERIFY2(knn->basis.contains("train rows timed here, scaled by rows²"),
                 qPrintable(knn->basis));
        QVERIFY(knn->estimated() && knn->itemsPerSecond > 0);
        QCOMPARE(knn->items, qint64(1500));
        // Without the graph, training cannot be timed and there is no past run.
        const CostStage *fit = stage(cost.value(), "train");
        QVERIFY(fit && !fit->estimated());
        QVERIFY(fit->basis.contains("needs the kNN graph first"));
        QVERIFY(fit->stepsPerEpoch > 0); // its size is known all the same
    }
};

QTEST_GUILESS_MAIN(TestRunCostEstimate)
#include "tst_runcostestimate.moc"
