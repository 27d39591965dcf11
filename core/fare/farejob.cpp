#include "fare/farejob.h"

#include "store/artifactkinds.h"

#include "fare/fareanalysisartifacts.h"
#include "jobs/metricrows.h"

#include "data/datasetreader.h"
#include "distributed/dataparallelgroup.h"
#include "fare/faresession.h"
#include "store/runstore.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {
/// The final metrics as store rows: probe accuracy and bias first, then every group metric
/// with its CI and group size.
QVector<MetricRow> metricRows(const EvaluationReport &r)
{
    QVector<MetricRow> rows;
    appendMetric(rows, QStringLiteral("accuracy"), r.accuracy);
    if (r.biasMse >= 0) {
        appendMetric(rows, QStringLiteral("bias_mse"), r.biasMse);
        appendMetric(rows, QStringLiteral("bias_r2"), r.biasR2);
    }
    if (r.biasProbeAccuracy >= 0) {
        appendMetric(rows, QStringLiteral("bias_probe_accuracy"), r.biasProbeAccuracy);
        appendMetric(rows, QStringLiteral("bias_probe_majority_rate"), r.biasProbeMajorityRate);
    }
    rows += fairnessMetricRows(r.groupMetrics);
    return rows;
}
} // namespace

FareJob::FareJob(const FareConfig &config, const QString &storePath, QObject *parent)
    : RunJob(storePath, parent), m_config(config)
{
}

FareJob *FareJob::resume(const QString &runId, const QString &storePath, QObject *parent)
{
    auto *job = new FareJob(FareConfig(), storePath, parent);
    job->setResumeRunId(runId);
    return job;
}

FareJob::~FareJob()
{
    // work() uses this object's members: stop it before they go.
    requestCancel();
    wait();
}

const FareConfig &FareJob::config() const
{
    return m_config;
}

QString FareJob::methodName() const
{
    return lossMethodName(m_config.loss.method);
}

QString FareJob::displayName() const
{
    return m_config.name;
}

Expected<Done> FareJob::loadConfig(const QJsonObject &config)
{
    return readConfig(config, m_config);
}

Expected<Done> FareJob::prepare()
{
    auto dataset = openJobDataset(m_config.dataset);
    if (!dataset)
        return dataset.error();
    m_dataset = std::move(dataset.value());
    auto created = FareSession::create(m_config, *m_dataset);
    if (!created)
        return created.error();
    m_session = std::move(created.value());
    return Done{};
}

RunRecord FareJob::newRunRecord() const
{
    return runRecord(m_config.name, m_dataset->name, m_config.toJson(), m_config.dataset.toJson(),
                     m_config.seed, m_dataset->fingerprint());
}

JobEnd FareJob::execute(RunStore &store, const QString &runId)
{
    const FareConfig &config = m_config;
    FareSession &session = *m_session;
    int startEpoch = 1;
    if (isResume()) {
        auto checkpoint = lastCheckpoint(store, runId);
        if (!checkpoint)
            return JobEnd::failed(checkpoint.error());
        if (checkpoint->epoch >= 1) {
            auto restored = session.restoreCheckpoint(checkpoint->bytes);
            if (!restored)
                return JobEnd::failed(restored.error());
            startEpoch = restored.value() + 1;
            Q_EMIT logMessage(
                QStringLiteral("resuming run %1 after epoch %2").arg(runId).arg(restored.value()));
        }
    }
    if (const auto group = dataParallel()) {
        // Every rank starts from rank 0's state: its initial weights, or the checkpoint it
        // resumes (taken with any number of ranks: checkpoints do not depend on it).
        auto state = group->broadcastFromRankZero(
            group->rank() == 0 ? session.saveCheckpoint(startEpoch - 1) : QByteArray());
        if (!state)
            return epochFailed(state.error());
        if (group->rank() != 0) {
            auto restored = session.restoreCheckpoint(state.value());
            if (!restored)
                return JobEnd::failed(restored.error());
            startEpoch = restored.value() + 1;
        }
        if (auto split = session.setDataParallel(group); !split)
            return JobEnd::failed(split.error());
    }
    const bool records = recordsRun();
    Q_EMIT logMessage(QStringLiteral("run %1: %2, %3 steps per epoch on %4")
                          .arg(runId, methodName())
                          .arg(session.stepsPerEpoch())
                          .arg(session.deviceName()));

    for (int epoch = startEpoch; epoch <= config.epochs; ++epoch) {
        auto report = session.runEpoch(epoch, cancelFlag(), [&](const StepProgress &s) {
            reportProgress(JobProgress{s.epoch, config.epochs, s.step, s.stepsPerEpoch, s.loss});
        });
        if (!report)
            return epochFailed(report.error());
        if (report->cancelled)
            return cancelledDuringEpoch(epoch);
        if (!records) {
            // Another rank than 0: rank 0 evaluates and records; this one goes on training.
            Q_EMIT logMessage(QStringLiteral("epoch %1/%2: loss %3")
                                  .arg(epoch)
                                  .arg(config.epochs)
                                  .arg(report->meanLoss, 0, 'f', 6));
            continue;
        }
        QJsonObject metrics = report->toJson();
        if (config.epochEvaluationSamples > 0) {
            // Per-epoch accuracy and fairness curves: a quick probe on a fixed subset. A failure
            // costs the curve point, not the run; a cancel stops the run at the next step.
            auto probed = session.epochMetrics(config.epochEvaluationSamples, cancelFlag());
            if (probed) {
                for (auto it = probed->begin(); it != probed->end(); ++it)
                    metrics.insert(it.key(), it.value());
            } else if (!cancelRequested()) {
                Q_EMIT logMessage(QStringLiteral("epoch %1: no per-epoch metrics: %2")
                                      .arg(epoch)
                                      .arg(probed.error().toString()));
            }
        }
        const AttentionSnapshot snapshot = session.attentionSnapshot(epoch);
        if (const auto share = snapshot.sameGroupShare(); share.attention >= 0) {
            // Whether FARE's attention concentrates on same-group samples, epoch by epoch.
            metrics.insert(QStringLiteral("attention_same_group"), share.attention);
            metrics.insert(QStringLiteral("attention_same_group_uniform"), share.uniform);
        }
        const QByteArray checkpoint = session.saveCheckpoint(epoch);
        auto written = store.atomically([&]() -> Expected<Done> {
            auto e =
                store.recordEpochWithCheckpoint(runId, epoch, metrics, report->seconds, checkpoint);
            if (!e)
                return e.error();
            if (snapshot.size > 0) {
                ArtifactRecord a;
                a.kind = ArtifactKind::attention();
                a.epoch = epoch;
                a.name = QStringLiteral("probe-batch");
                a.mime = QStringLiteral("application/json");
                auto put = store.putArtifact(
                    runId, a, QJsonDocument(snapshot.toJson()).toJson(QJsonDocument::Compact));
                if (!put)
                    return put.error();
            }
            return Done{};
        });
        if (!written)
            return JobEnd::failed(written.error());
        if (auto analysis = storeEpochAnalysis(store, runId, session, epoch); !analysis)
            Q_EMIT logMessage(QStringLiteral("epoch %1: saliency not stored: %2")
                                  .arg(epoch)
                                  .arg(analysis.error().toString()));
        Q_EMIT epochFinished(epoch, metrics);
        Q_EMIT logMessage(QStringLiteral("epoch %1/%2: loss %3, %4 images/s")
                              .arg(epoch)
                              .arg(config.epochs)
                              .arg(report->meanLoss, 0, 'f', 4)
                              .arg(report->imagesPerSecond, 0, 'f', 0));
    }

    if (!records)
        return JobEnd::finished(QStringLiteral("rank %1 of %2 trained %3 epochs; rank 0 evaluates "
                                               "and records the run")
                                    .arg(dataParallel()->rank())
                                    .arg(dataParallel()->worldSize())
                                    .arg(config.epochs));
    Q_EMIT logMessage(QStringLiteral("evaluating: linear probes on the frozen representation"));
    // Evaluation can take longer than a small run's training: it reports its stages as
    // progress of its own (0–100 %) with an ETA from its own pace, and stops when cancelled.
    QElapsedTimer evaluationClock;
    evaluationClock.start();
    QString lastStage;
    auto evaluation = session.evaluate(cancelFlag(), [&](const QString &stage, double done) {
        JobProgress p;
        p.epoch = 1;
        p.epochs = 1;
        p.stepsPerEpoch = 1000;
        p.step = std::clamp(qint64(done * 1000.0), qint64(0), qint64(999));
        p.stage = QStringLiteral("evaluating: %1").arg(stage);
        const double seconds = double(evaluationClock.elapsed()) / 1000.0;
        p.etaSeconds = done > 0.02 ? seconds * (1.0 - done) / done : -1;
        // The first report of a stage is never throttled away: a fast stage is still shown.
        reportProgress(p, stage != lastStage);
        lastStage = stage;
    });
    if (!evaluation)
        return {cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed,
                evaluation.error().toString()};
    const QJsonObject result = evaluation->toJson();
    setResult(result);
    store.putMetrics(runId, QStringLiteral("final"), metricRows(evaluation.value()));
    ArtifactRecord a;
    a.kind = ArtifactKind::evaluation();
    a.name = QStringLiteral("evaluation.json");
    a.mime = QStringLiteral("application/json");
    store.putArtifact(runId, a, QJsonDocument(result).toJson());
    a.kind = ArtifactKind::testPredictions();
    a.name = QStringLiteral("test-predictions.json");
    if (auto put = store.putArtifact(runId, a, evaluation->predictions.toBytes()); !put)
        Q_EMIT logMessage(
            QStringLiteral("test predictions not stored: %1").arg(put.error().toString()));
    if (auto analysis = storeFinalAnalysis(store, runId, session); !analysis)
        Q_EMIT logMessage(
            QStringLiteral("embeddings not stored: %1").arg(analysis.error().toString()));
    QString summary = QStringLiteral("accuracy %1").arg(evaluation->accuracy, 0, 'f', 4);
    if (evaluation->biasMse >= 0)
        summary += QStringLiteral(", bias_mse %1").arg(evaluation->biasMse, 0, 'f', 1);
    return JobEnd::finished(summary);
}

} // namespace equiscope
