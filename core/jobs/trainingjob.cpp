#include "trainingjob.h"

#include "analysisartifacts.h"
#include "metricrows.h"

#include "data/datasetreader.h"
#include "engine/trainingsession.h"
#include "store/runstore.h"
#include "util/environment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

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

TrainingJob::TrainingJob(const RunConfig &config, const QString &storePath, QObject *parent)
    : RunJob(storePath, parent), m_config(config)
{
}

TrainingJob *TrainingJob::resume(const QString &runId, const QString &storePath, QObject *parent)
{
    auto *job = new TrainingJob(RunConfig(), storePath, parent);
    job->m_resumeRunId = runId;
    job->setRunId(runId);
    return job;
}

TrainingJob::~TrainingJob()
{
    // work() uses this object's members: stop it before they go.
    requestCancel();
    wait();
}

const RunConfig &TrainingJob::config() const
{
    return m_config;
}

QString TrainingJob::methodName() const
{
    return lossMethodName(m_config.loss.method);
}

QString TrainingJob::displayName() const
{
    return m_config.name;
}

void TrainingJob::work()
{
    std::unique_ptr<RunStore> store;
    QString runId;
    auto end = [&](JobOutcome outcome, const QString &message) {
        // An empty id: no run of ours in the store (not created yet, or another process's).
        if (!runId.isEmpty())
            setRunId(runId);
        finish(runId.isEmpty() ? nullptr : store.get(), outcome, message);
    };

    auto opened = RunStore::open(storePath());
    if (!opened)
        return end(JobOutcome::Failed, opened.error().toString());
    store = std::move(opened.value());

    RunConfig &config = m_config;
    int startEpoch = 1;
    if (!m_resumeRunId.isEmpty()) {
        const ResumeCheck check = checkResume(*store, m_resumeRunId);
        if (!check.config) {
            if (check.ours)
                runId = m_resumeRunId;
            return end(check.outcome, check.message);
        }
        auto parsed = RunConfig::fromJson(*check.config);
        if (!parsed)
            return end(JobOutcome::Failed, parsed.error().toString());
        config = parsed.value();
        runId = m_resumeRunId;
    }

    auto dataset = openJobDataset(config.dataset);
    if (!dataset)
        return end(datasetFailureOutcome(), dataset.error().toString());
    auto created = TrainingSession::create(config, dataset.value());
    if (!created)
        return end(JobOutcome::Failed, created.error().toString());
    std::unique_ptr<TrainingSession> session = std::move(created.value());

    if (runId.isEmpty()) {
        RunRecord record;
        record.name =
            config.name.isEmpty()
                ? QStringLiteral("%1 on %2").arg(lossMethodName(config.loss.method), dataset->name)
                : config.name;
        record.method = lossMethodName(config.loss.method);
        record.family = RunFamily::Fare;
        record.config = config.toJson();
        record.versions = environmentInfo().toJson();
        record.datasetFingerprint = dataset->fingerprint();
        record.datasetSpec = config.dataset.toJson();
        record.seed = qint64(config.seed);
        auto id = store->createRun(record);
        if (!id)
            return end(JobOutcome::Failed, id.error().toString());
        runId = id.value();
    } else {
        auto resumable = store->resumableEpoch(runId);
        if (resumable && resumable.value() >= 1) {
            auto checkpoint =
                store->artifact(runId, QStringLiteral("checkpoint"), resumable.value());
            if (!checkpoint)
                return end(JobOutcome::Failed, checkpoint.error().toString());
            auto restored = session->restoreCheckpoint(checkpoint->bytes);
            if (!restored)
                return end(JobOutcome::Failed, restored.error().toString());
            startEpoch = restored.value() + 1;
            Q_EMIT logMessage(
                QStringLiteral("resuming run %1 after epoch %2").arg(runId).arg(restored.value()));
        }
    }
    setRunId(runId);
    Q_EMIT runCreated(runId);
    store->markRunning(runId, QCoreApplication::applicationPid());
    Q_EMIT logMessage(QStringLiteral("run %1: %2, %3 steps per epoch on %4")
                          .arg(runId, lossMethodName(config.loss.method))
                          .arg(session->stepsPerEpoch())
                          .arg(session->deviceName()));

    QElapsedTimer sinceStart, sinceEmit, sinceHeartbeat;
    sinceStart.start();
    sinceEmit.start();
    sinceHeartbeat.start();
    qint64 stepsDone = 0;
    const qint64 stepsTotal = qint64(config.epochs - startEpoch + 1) * session->stepsPerEpoch();
    for (int epoch = startEpoch; epoch <= config.epochs; ++epoch) {
        auto report = session->runEpoch(epoch, cancelFlag(), [&](const StepProgress &s) {
            ++stepsDone;
            if (sinceHeartbeat.elapsed() > 10000) {
                store->heartbeat(runId);
                sinceHeartbeat.restart();
            }
            // Throttle: progress crosses threads at most ~10 times per second.
            if (sinceEmit.elapsed() < 100 && s.step != s.stepsPerEpoch)
                return;
            sinceEmit.restart();
            JobProgress p{s.epoch, config.epochs, s.step, s.stepsPerEpoch, s.loss, -1};
            const double rate =
                double(stepsDone) / std::max(1e-3, double(sinceStart.elapsed()) / 1000.0);
            if (stepsDone >= 3)
                p.etaSeconds = double(stepsTotal - stepsDone) / rate;
            Q_EMIT progressChanged(p);
        });
        if (!report)
            return end(JobOutcome::Failed, report.error().toString());
        if (report->cancelled)
            return end(JobOutcome::Cancelled,
                       QStringLiteral("cancelled during epoch %1; resumable from epoch %2")
                           .arg(epoch)
                           .arg(epoch - 1));
        QJsonObject metrics = report->toJson();
        const AttentionSnapshot snapshot = session->attentionSnapshot(epoch);
        const QByteArray checkpoint = session->saveCheckpoint(epoch);
        auto written = store->atomically([&]() -> Expected<Done> {
            auto e = store->recordEpochWithCheckpoint(runId, epoch, metrics, report->seconds,
                                                      checkpoint);
            if (!e)
                return e.error();
            if (snapshot.size > 0) {
                ArtifactRecord a;
                a.kind = QStringLiteral("attention");
                a.epoch = epoch;
                a.name = QStringLiteral("probe-batch");
                a.mime = QStringLiteral("application/json");
                auto put = store->putArtifact(
                    runId, a, QJsonDocument(snapshot.toJson()).toJson(QJsonDocument::Compact));
                if (!put)
                    return put.error();
            }
            return Done{};
        });
        if (!written)
            return end(JobOutcome::Failed, written.error().toString());
        if (auto analysis = storeEpochAnalysis(*store, runId, *session, epoch); !analysis)
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

    Q_EMIT logMessage(QStringLiteral("evaluating: linear probes on the frozen representation"));
    auto evaluation = session->evaluate(cancelFlag());
    if (!evaluation)
        return end(cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed,
                   evaluation.error().toString());
    const QJsonObject result = evaluation->toJson();
    setResult(result);
    store->putMetrics(runId, QStringLiteral("final"), metricRows(evaluation.value()));
    ArtifactRecord a;
    a.kind = QStringLiteral("evaluation");
    a.name = QStringLiteral("evaluation.json");
    a.mime = QStringLiteral("application/json");
    store->putArtifact(runId, a, QJsonDocument(result).toJson());
    if (auto analysis = storeFinalAnalysis(*store, runId, *session); !analysis)
        Q_EMIT logMessage(
            QStringLiteral("embeddings not stored: %1").arg(analysis.error().toString()));
    QString summary = QStringLiteral("accuracy %1").arg(evaluation->accuracy, 0, 'f', 4);
    if (evaluation->biasMse >= 0)
        summary += QStringLiteral(", bias_mse %1").arg(evaluation->biasMse, 0, 'f', 1);
    end(JobOutcome::Finished, summary);
}

} // namespace equiscope
