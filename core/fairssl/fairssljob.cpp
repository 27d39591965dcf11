#include "fairssl/fairssljob.h"

#include "store/artifactkinds.h"

#include "jobs/metricrows.h"

#include "data/datasetreader.h"
#include "distributed/dataparallelgroup.h"
#include "fairssl/fairsslpipeline.h"
#include "store/runstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace equiscope {

namespace {

const QString kStageKind = ArtifactKind::fairSslStage();
const QString kOutputsKind = ArtifactKind::fairSslOutputs();
const QString kThumbnailsKind = ArtifactKind::fairSslThumbnails();

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ArtifactRecord artifactOf(const QString &kind, const QString &name, const QString &mime,
                          std::optional<int> epoch = std::nullopt)
{
    ArtifactRecord a;
    a.kind = kind;
    a.name = name;
    a.mime = mime;
    a.epoch = epoch;
    return a;
}

/// Copies the stages of run @p from that run @p to would compute identically: for each stage in
/// order while @p from finished it with the same stage inputs, its report (marked), outputs and
/// thumbnails, and for the embed stage its epochs with their checkpoints. Returns the stages.
Expected<QStringList> copyFinishedStages(RunStore &store, const QString &from, const QString &to,
                                         const FairSslConfig &config, const QStringList &stages,
                                         int embedEpochs)
{
    auto source = store.run(from);
    if (!source)
        return source.error();
    auto sourceConfig = FairSslConfig::fromJson(source->config);
    if (!sourceConfig)
        return sourceConfig.error();
    QStringList copied;
    for (const QString &stage : stages) {
        const QJsonObject inputs = config.stageInputs(stage);
        if (inputs.isEmpty() || inputs != sourceConfig->stageInputs(stage))
            break;
        auto report = store.artifact(from, kStageKind, std::nullopt, stage);
        auto outputs = store.artifact(from, kOutputsKind, std::nullopt, stage);
        if (!report || !outputs)
            break;
        auto done = store.atomically([&]() -> Expected<Done> {
            QJsonObject json = QJsonDocument::fromJson(report->bytes).object();
            QJsonObject details = json.value(QStringLiteral("details")).toObject();
            details.insert(QStringLiteral("reusedFrom"), from);
            json.insert(QStringLiteral("details"), details);
            if (stage == QLatin1String("embed")) {
                auto epochs = store.epochs(from);
                if (!epochs)
                    return epochs.error();
                for (const EpochRecord &e : epochs.value()) {
                    if (e.epoch > embedEpochs)
                        continue;
                    auto checkpoint = store.artifact(from, ArtifactKind::checkpoint(), e.epoch);
                    if (!checkpoint)
                        return checkpoint.error();
                    auto r = store.recordEpochWithCheckpoint(to, e.epoch, e.metrics, e.wallSeconds,
                                                             checkpoint->bytes);
                    if (!r)
                        return r.error();
                }
            }
            if (auto thumbs = store.artifact(from, kThumbnailsKind, std::nullopt, stage)) {
                auto t = store.putArtifact(
                    to, artifactOf(kThumbnailsKind, stage, QStringLiteral("application/json")),
                    thumbs->bytes);
                if (!t)
                    return t.error();
            }
            auto o = store.putArtifact(
                to, artifactOf(kOutputsKind, stage, QStringLiteral("application/octet-stream")),
                outputs->bytes);
            if (!o)
                return o.error();
            auto r = store.putArtifact(
                to, artifactOf(kStageKind, stage, QStringLiteral("application/json")),
                compact(json));
            if (!r)
                return r.error();
            return Done{};
        });
        if (!done)
            return done.error();
        copied << stage;
    }
    return copied;
}

QVector<MetricRow> metricRows(const FairSslEvaluation &e)
{
    QVector<MetricRow> rows;
    appendMetric(rows, QStringLiteral("accuracy"), e.accuracy);
    if (e.biasProbeAccuracy >= 0) {
        appendMetric(rows, QStringLiteral("bias_probe_accuracy"), e.biasProbeAccuracy);
        appendMetric(rows, QStringLiteral("bias_probe_majority_rate"), e.biasProbeMajorityRate);
    }
    if (e.pseudoLabelAccuracy >= 0) {
        appendMetric(rows, QStringLiteral("pseudo_label_accuracy"), e.pseudoLabelAccuracy);
        for (auto it = e.pseudoLabelAccuracyByGroup.begin();
             it != e.pseudoLabelAccuracyByGroup.end(); ++it) {
            const QJsonObject g = it.value().toObject();
            rows.push_back(MetricRow{QStringLiteral("pseudo_label_accuracy"),
                                     g.value(QStringLiteral("value")).toDouble(),
                                     std::nullopt,
                                     std::nullopt,
                                     it.key(),
                                     qint64(g.value(QStringLiteral("size")).toDouble()),
                                     {}});
        }
    }
    rows += fairnessMetricRows(e.groupMetrics);
    return rows;
}

} // namespace

FairSslJob::FairSslJob(const FairSslConfig &config, const QString &storePath, QObject *parent)
    : RunJob(storePath, parent), m_config(config)
{
}

FairSslJob *FairSslJob::resume(const QString &runId, const QString &storePath, QObject *parent)
{
    auto *job = new FairSslJob(FairSslConfig(), storePath, parent);
    job->setResumeRunId(runId);
    return job;
}

FairSslJob::~FairSslJob()
{
    // work() uses this object's members: stop it before they go.
    requestCancel();
    wait();
}

const FairSslConfig &FairSslJob::config() const
{
    return m_config;
}

QString FairSslJob::methodName() const
{
    return fairSslMethodName(m_config.method);
}

QString FairSslJob::displayName() const
{
    return m_config.name;
}

Expected<Done> FairSslJob::loadConfig(const QJsonObject &config)
{
    return readConfig(config, m_config);
}

Expected<Done> FairSslJob::prepare()
{
    auto dataset = openJobDataset(m_config.dataset);
    if (!dataset)
        return dataset.error();
    m_dataset = std::move(dataset.value());
    // Every input problem (files, encoder output, text embeddings, classes) shows up here,
    // before any stage runs.
    auto created = FairSslPipeline::create(m_config, *m_dataset);
    if (!created)
        return created.error();
    m_pipeline = std::move(created.value());
    return Done{};
}

RunRecord FairSslJob::newRunRecord() const
{
    return runRecord(m_config.name, m_dataset->name, m_config.toJson(), m_config.dataset.toJson(),
                     m_config.seed, m_dataset->fingerprint());
}

JobEnd FairSslJob::failedOrCancelled(const DataError &error, const QString &where) const
{
    if (cancelRequested())
        return JobEnd::cancelled(
            QStringLiteral("cancelled during %1; resumable from there").arg(where));
    return JobEnd::failed(error);
}

JobEnd FairSslJob::execute(RunStore &store, const QString &runId)
{
    if (!isResume() && !m_reuseFrom.isEmpty()) {
        auto copied = copyFinishedStages(store, m_reuseFrom, runId, m_config, m_pipeline->stages(),
                                         m_pipeline->epochsOf(QStringLiteral("embed")));
        if (!copied)
            return JobEnd::failed(copied.error());
        Q_EMIT logMessage(
            copied->isEmpty()
                ? QStringLiteral("run %1 shares no finished stage with this run").arg(m_reuseFrom)
                : QStringLiteral("stages %1 reused from run %2")
                      .arg(copied->join(QStringLiteral(", ")), m_reuseFrom));
    }
    Q_EMIT logMessage(QStringLiteral("run %1: %2 on %3, %4")
                          .arg(runId, methodName(), m_pipeline->deviceName(),
                               QString::fromUtf8(compact(m_pipeline->sampleCounts()))));
    return runStages(store, runId);
}

JobEnd FairSslJob::runStages(RunStore &store, const QString &runId)
{
    // Which stages are done (their report and outputs are in the store).
    QSet<QString> finished;
    if (auto reports = store.artifacts(runId, kStageKind))
        for (const ArtifactRecord &a : reports.value())
            finished.insert(a.name);
    const int resumable = store.resumableEpoch(runId).value_or(-1);
    // Data-parallel: rank 0 holds the run; the other ranks take the finished stages, the
    // checkpoints and every stage's outputs from it (their own store is scratch).
    const auto group = dataParallel();
    const bool records = recordsRun();
    if (group) {
        if (auto split = m_pipeline->setDataParallel(group); !split)
            return JobEnd::failed(split.error());
        QStringList done = finished.values();
        done.sort();
        auto shared = group->broadcastFromRankZero(records ? done.join(QLatin1Char('\n')).toUtf8()
                                                           : QByteArray());
        if (!shared)
            return epochFailed(shared.error());
        finished.clear();
        for (const QString &s : QString::fromUtf8(shared.value()).split(QLatin1Char('\n')))
            if (!s.isEmpty())
                finished.insert(s);
    }
    /// Rank 0's @p bytes on every rank (as they are in one process).
    auto fromRankZero = [&](const QByteArray &bytes) -> Expected<QByteArray> {
        if (!group)
            return bytes;
        return group->broadcastFromRankZero(records ? bytes : QByteArray());
    };

    // Progress units: one per epoch of the epoch stages, plus one for every stage's own pass.
    const QStringList stages = m_pipeline->stages();
    QHash<QString, int> unitBase, epochBase;
    int units = 0, epochsSoFar = 0;
    for (const QString &s : stages) {
        unitBase.insert(s, units);
        epochBase.insert(s, epochsSoFar);
        units += m_pipeline->epochsOf(s) + 1;
        epochsSoFar += m_pipeline->epochsOf(s);
    }
    auto report = [&](const QString &stage, int unit, qint64 step, qint64 steps, double loss,
                      bool force) {
        reportProgress(JobProgress{unit, units, step, steps, loss, -1, stage}, force);
    };

    for (const QString &stage : stages) {
        if (stage == QLatin1String("classifier"))
            break;
        if (finished.contains(stage)) {
            QByteArray outputBytes, reportBytes;
            if (records) {
                auto outputs = store.artifact(runId, kOutputsKind, std::nullopt, stage);
                auto stageReport = store.artifact(runId, kStageKind, std::nullopt, stage);
                if (!outputs || !stageReport)
                    return JobEnd::failed(outputs ? stageReport.error() : outputs.error());
                outputBytes = outputs->bytes;
                reportBytes = stageReport->bytes;
            }
            auto shared = fromRankZero(outputBytes);
            if (!shared)
                return epochFailed(shared.error());
            auto restored = m_pipeline->restoreStage(stage, shared.value());
            if (!restored)
                return JobEnd::failed(restored.error());
            Q_EMIT logMessage(
                QStringLiteral("stage %1: finished earlier, outputs restored").arg(stage));
            Q_EMIT stageFinished(stage, QJsonDocument::fromJson(reportBytes).object(), true);
            continue;
        }
        const int epochs = m_pipeline->epochsOf(stage);
        int startEpoch = 1;
        const int base = epochBase.value(stage);
        if (records && epochs > 0 && resumable > base) {
            auto checkpoint = store.artifact(runId, ArtifactKind::checkpoint(), resumable);
            if (!checkpoint)
                return JobEnd::failed(checkpoint.error());
            auto restored = m_pipeline->restoreCheckpoint(stage, checkpoint->bytes);
            if (!restored)
                return JobEnd::failed(restored.error());
            startEpoch = restored.value() + 1;
            Q_EMIT logMessage(QStringLiteral("stage %1: resuming after epoch %2")
                                  .arg(stage)
                                  .arg(restored.value()));
        }
        if (group && epochs > 0) {
            // Every rank starts the stage's epochs from rank 0's state: the initial weights or
            // the checkpoint it resumes (checkpoints do not depend on the number of ranks).
            if (auto ready = m_pipeline->prepareEpochs(stage); !ready)
                return JobEnd::failed(ready.error());
            auto state = fromRankZero(m_pipeline->checkpoint(stage, startEpoch - 1));
            if (!state)
                return epochFailed(state.error());
            if (!records) {
                auto restored = m_pipeline->restoreCheckpoint(stage, state.value());
                if (!restored)
                    return JobEnd::failed(restored.error());
                startEpoch = restored.value() + 1;
            }
        }
        Q_EMIT logMessage(QStringLiteral("stage %1: started").arg(stage));
        double epochSeconds = 0; // the stage's time is its epochs' plus its completion's
        for (int epoch = startEpoch; epoch <= epochs; ++epoch) {
            const int unit = unitBase.value(stage) + epoch;
            auto epochReport =
                m_pipeline->runEpoch(stage, epoch, cancelFlag(), [&](const StageProgress &s) {
                    report(stage, unit, s.step, s.steps, s.loss, false);
                });
            if (!epochReport)
                return group ? epochFailed(epochReport.error())
                             : failedOrCancelled(epochReport.error(),
                                                 QStringLiteral("stage %1").arg(stage));
            if (epochReport->cancelled)
                return JobEnd::cancelled(
                    QStringLiteral("cancelled during stage %1, epoch %2; resumable from epoch %3")
                        .arg(stage)
                        .arg(epoch)
                        .arg(epoch - 1));
            epochSeconds += epochReport->seconds;
            if (!records) {
                // Another rank than 0: rank 0 evaluates and records; this one goes on training.
                Q_EMIT logMessage(QStringLiteral("stage %1 epoch %2/%3: loss %4")
                                      .arg(stage)
                                      .arg(epoch)
                                      .arg(epochs)
                                      .arg(epochReport->loss, 0, 'f', 6));
                continue;
            }
            const int global = base + epoch;
            QJsonObject metrics = epochReport->toJson();
            metrics.insert(QStringLiteral("epoch"), global);
            if (m_config.epochEvaluationSamples > 0) {
                // Per-epoch accuracy and fairness curves (as the FARE family's): a failure
                // costs the curve point, not the run; a cancel stops it at the next step.
                auto probed =
                    m_pipeline->epochMetrics(stage, m_config.epochEvaluationSamples, cancelFlag());
                if (probed) {
                    for (auto it = probed->begin(); it != probed->end(); ++it)
                        metrics.insert(it.key(), it.value());
                } else if (!cancelRequested()) {
                    Q_EMIT logMessage(QStringLiteral("stage %1 epoch %2: no per-epoch metrics: %3")
                                          .arg(stage)
                                          .arg(epoch)
                                          .arg(probed.error().toString()));
                }
            }
            const QByteArray checkpoint = m_pipeline->checkpoint(stage, epoch);
            auto written = store.atomically([&]() -> Expected<Done> {
                auto e = store.recordEpochWithCheckpoint(runId, global, metrics,
                                                         epochReport->seconds, checkpoint);
                if (!e)
                    return e.error();
                if (!epochReport->weights.isEmpty()) {
                    auto put = store.putArtifact(
                        runId,
                        artifactOf(ArtifactKind::metaWeights(), QStringLiteral("histogram"),
                                   QStringLiteral("application/json"), global),
                        compact(epochReport->weights));
                    if (!put)
                        return put.error();
                }
                return Done{};
            });
            if (!written)
                return JobEnd::failed(written.error());
            Q_EMIT epochFinished(global, metrics);
            QString line = QStringLiteral("stage %1 epoch %2/%3: loss %4")
                               .arg(stage)
                               .arg(epoch)
                               .arg(epochs)
                               .arg(epochReport->loss, 0, 'f', 4);
            if (epochReport->metaLoss >= 0)
                line += QStringLiteral(", meta loss %1, mean weight %2")
                            .arg(epochReport->metaLoss, 0, 'f', 4)
                            .arg(metrics.value(QStringLiteral("weightMean")).toDouble(), 0, 'f', 3);
            Q_EMIT logMessage(
                line +
                QStringLiteral(", %1 images/s").arg(epochReport->imagesPerSecond, 0, 'f', 0));
        }
        const int unit = unitBase.value(stage) + epochs + 1;
        report(stage, unit, 0, 1, 0, true);
        if (!records) {
            // Rank 0 completes the stage (embeds, curates, labels) and hands over its outputs.
            auto shared = fromRankZero({});
            if (!shared)
                return epochFailed(shared.error());
            if (auto restored = m_pipeline->restoreStage(stage, shared.value()); !restored)
                return JobEnd::failed(restored.error());
            Q_EMIT logMessage(QStringLiteral("stage %1: outputs from rank 0").arg(stage));
            continue;
        }
        auto result = m_pipeline->completeStage(stage, cancelFlag(), [&](const StageProgress &s) {
            report(stage, unit, s.step, s.steps, s.loss, false);
        });
        if (!result)
            return failedOrCancelled(result.error(), QStringLiteral("stage %1").arg(stage));
        if (auto shared = fromRankZero(result->outputs); !shared)
            return epochFailed(shared.error());
        if (epochs > 0) {
            // Epochs trained by this process (a resumed stage's earlier epochs are not counted).
            result->report.details.insert(QStringLiteral("epochSeconds"), epochSeconds);
            result->report.seconds += epochSeconds;
        }
        const QJsonObject stageJson = result->report.toJson();
        auto written = store.atomically([&]() -> Expected<Done> {
            auto o = store.putArtifact(
                runId, artifactOf(kOutputsKind, stage, QStringLiteral("application/octet-stream")),
                result->outputs);
            if (!o)
                return o.error();
            if (!result->thumbnails.isEmpty()) {
                auto t = store.putArtifact(
                    runId, artifactOf(kThumbnailsKind, stage, QStringLiteral("application/json")),
                    compact(result->thumbnails));
                if (!t)
                    return t.error();
            }
            auto r = store.putArtifact(
                runId, artifactOf(kStageKind, stage, QStringLiteral("application/json")),
                compact(stageJson));
            if (!r)
                return r.error();
            return Done{};
        });
        if (!written)
            return JobEnd::failed(written.error());
        report(stage, unit, 1, 1, 0, true);
        Q_EMIT logMessage(QStringLiteral("stage %1: kept %2 of %3 (dropped %4) in %5 s")
                              .arg(stage)
                              .arg(result->report.kept)
                              .arg(result->report.input)
                              .arg(result->report.dropped)
                              .arg(result->report.seconds, 0, 'f', 1));
        Q_EMIT stageFinished(stage, stageJson, false);
    }

    if (!records)
        return JobEnd::finished(QStringLiteral("rank %1 of %2 trained its share; rank 0 "
                                               "evaluates and records the run")
                                    .arg(group->rank())
                                    .arg(group->worldSize()));
    return runClassifier(store, runId, unitBase.value(QStringLiteral("classifier")) + 1, units);
}

JobEnd FairSslJob::runClassifier(RunStore &store, const QString &runId, int unit, int units)
{
    const QString classifier = QStringLiteral("classifier");
    Q_EMIT logMessage(QStringLiteral("stage classifier: linear classifier on the frozen encoder"));
    QElapsedTimer timer;
    timer.start();
    auto evaluation = m_pipeline->evaluate(cancelFlag(), [&](const StageProgress &s) {
        reportProgress(JobProgress{unit, units, s.step, s.steps, 0, -1, classifier});
    });
    if (!evaluation)
        return failedOrCancelled(evaluation.error(), QStringLiteral("stage classifier"));
    const QJsonObject result = evaluation->toJson();
    setResult(result);
    StageReport stageReport;
    stageReport.stage = classifier;
    stageReport.input = evaluation->probeTrainSamples;
    stageReport.kept = evaluation->testSamples;
    stageReport.seconds = double(timer.nsecsElapsed()) / 1e9;
    QJsonObject details;
    for (auto it = result.begin(); it != result.end(); ++it)
        if (it.value().isDouble())
            details.insert(it.key(), it.value());
    stageReport.details = details;
    auto written = store.atomically([&]() -> Expected<Done> {
        auto m = store.putMetrics(runId, QStringLiteral("final"), metricRows(evaluation.value()));
        if (!m)
            return m.error();
        auto a = store.putArtifact(runId,
                                   artifactOf(ArtifactKind::evaluation(),
                                              QStringLiteral("evaluation.json"),
                                              QStringLiteral("application/json")),
                                   QJsonDocument(result).toJson());
        if (!a)
            return a.error();
        auto r = store.putArtifact(
            runId, artifactOf(kStageKind, classifier, QStringLiteral("application/json")),
            compact(stageReport.toJson()));
        if (!r)
            return r.error();
        auto t = store.putArtifact(runId,
                                   artifactOf(ArtifactKind::testPredictions(),
                                              QStringLiteral("test-predictions.json"),
                                              QStringLiteral("application/json")),
                                   evaluation->predictions.toBytes());
        if (!t)
            return t.error();
        return Done{};
    });
    if (!written)
        return JobEnd::failed(written.error());
    Q_EMIT stageFinished(classifier, stageReport.toJson(), false);
    QString summary = QStringLiteral("accuracy %1").arg(evaluation->accuracy, 0, 'f', 4);
    const QJsonObject worst = result.value(QStringLiteral("worst_group")).toObject();
    if (worst.value(QStringLiteral("accuracy")).isDouble())
        summary += QStringLiteral(", worst group %1 (n = %2) %3")
                       .arg(worst.value(QStringLiteral("label")).toString())
                       .arg(worst.value(QStringLiteral("size")).toInteger())
                       .arg(worst.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 4);
    if (result.value(QStringLiteral("accuracy_std")).isDouble())
        summary += QStringLiteral(", accuracy_std %1")
                       .arg(result.value(QStringLiteral("accuracy_std")).toDouble(), 0, 'f', 4);
    return JobEnd::finished(summary);
}

} // namespace equiscope
