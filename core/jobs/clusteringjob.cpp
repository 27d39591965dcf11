#include "clusteringjob.h"

#include "clusteringinput.h"

#include "engine/clusteringsession.h"
#include "store/runstore.h"
#include "util/environment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace equiscope {

namespace {

MetricRow metric(const QString &name, double value, const QString &group = {},
                 std::optional<qint64> size = std::nullopt)
{
    return MetricRow{name, value, std::nullopt, std::nullopt, group, size, {}};
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// Per-group purity distributions (the purity view's box plots and histograms).
QJsonObject purityJson(const ClusteringReport &r)
{
    QJsonArray groups;
    for (const GroupClustering &g : r.groups) {
        QJsonArray p;
        for (double v : g.purities)
            p.append(v);
        groups.append(
            QJsonObject{{QStringLiteral("label"), g.label},
                        {QStringLiteral("size"), g.size},
                        {QStringLiteral("tooSmall"), g.tooSmall},
                        {QStringLiteral("purities"), p},
                        {QStringLiteral("weightedPurity"), numberToJson(g.weightedPurity)}});
    }
    QJsonArray all;
    for (const ClusterInfo &c : r.clusters)
        all.append(numberToJson(c.purity));
    return QJsonObject{{QStringLiteral("purity"), numberToJson(r.purity)},
                       {QStringLiteral("clusterPurities"), all},
                       {QStringLiteral("groups"), groups}};
}

QJsonObject sizesJson(const ClusteringReport &r)
{
    QJsonArray histogram;
    for (const auto &h : r.sizes.histogram)
        histogram.append(QJsonArray{h.first, h.second});
    // Sizes of the clusters each group holds the majority of.
    QJsonArray byGroup;
    for (int g = 0; g < r.groups.size(); ++g) {
        QJsonArray sizes;
        for (const ClusterInfo &c : r.clusters)
            if (c.majorityGroup == g)
                sizes.append(c.size);
        byGroup.append(QJsonObject{{QStringLiteral("label"), r.groups[g].label},
                                   {QStringLiteral("sizes"), sizes}});
    }
    return QJsonObject{{QStringLiteral("clusters"), r.sizes.clusters},
                       {QStringLiteral("singletons"), r.sizes.singletons},
                       {QStringLiteral("min"), r.sizes.min},
                       {QStringLiteral("max"), r.sizes.max},
                       {QStringLiteral("mean"), numberToJson(r.sizes.mean)},
                       {QStringLiteral("median"), numberToJson(r.sizes.median)},
                       {QStringLiteral("classes"), r.overall.classes},
                       {QStringLiteral("histogram"), histogram},
                       {QStringLiteral("groups"), byGroup}};
}

} // namespace

QVector<MetricRow> clusteringMetricRows(const ClusteringResult &result)
{
    const ClusteringReport &r = result.report;
    QVector<MetricRow> rows;
    for (const auto &kv : r.overall.values())
        if (std::isfinite(kv.second))
            rows << metric(kv.first, kv.second);
    if (std::isfinite(r.purity))
        rows << metric(QStringLiteral("purity"), r.purity);
    rows << metric(QStringLiteral("clusters"), double(r.overall.clusters));
    rows << metric(QStringLiteral("classes"), double(r.overall.classes));
    for (auto it = r.acrossGroups.begin(); it != r.acrossGroups.end(); ++it) {
        if (std::isfinite(it->std))
            rows << metric(it.key() + QStringLiteral("_group_std"), it->std);
        if (std::isfinite(it->min))
            rows << metric(it.key() + QStringLiteral("_group_min"), it->min);
        if (std::isfinite(it->max))
            rows << metric(it.key() + QStringLiteral("_group_max"), it->max);
    }
    for (const GroupClustering &g : r.groups) {
        if (g.tooSmall) {
            rows << metric(QStringLiteral("too_small_to_judge"), 1.0, g.label, g.size);
        } else {
            for (const auto &kv : g.scores.values())
                if (std::isfinite(kv.second))
                    rows << metric(kv.first, kv.second, g.label, g.size);
        }
        if (std::isfinite(g.weightedPurity))
            rows << metric(QStringLiteral("weighted_purity"), g.weightedPurity, g.label, g.size);
    }
    return rows;
}

ClusteringJob::ClusteringJob(const ClusteringConfig &config, const QString &storePath,
                             QObject *parent)
    : RunJob(storePath, parent), m_config(config)
{
}

ClusteringJob *ClusteringJob::resume(const QString &runId, const QString &storePath,
                                     QObject *parent)
{
    auto *job = new ClusteringJob(ClusteringConfig(), storePath, parent);
    job->m_resumeRunId = runId;
    job->setRunId(runId);
    return job;
}

ClusteringJob::~ClusteringJob()
{
    // work() uses this object's members: stop it before they go.
    requestCancel();
    wait();
}

const ClusteringConfig &ClusteringJob::config() const
{
    return m_config;
}

std::vector<int64_t> ClusteringJob::predictedLabels() const
{
    QMutexLocker lock(&m_resultMutex);
    return m_predicted;
}

QJsonObject ClusteringJob::evaluation() const
{
    QMutexLocker lock(&m_resultMutex);
    return m_evaluation;
}

QString ClusteringJob::methodName() const
{
    return clusteringMethodName(m_config.method);
}

QString ClusteringJob::displayName() const
{
    return m_config.name;
}

void ClusteringJob::work()
{
    std::unique_ptr<RunStore> store;
    QString runId;
    auto end = [&](JobOutcome outcome, const QString &message) {
        if (!runId.isEmpty())
            setRunId(runId);
        finish(runId.isEmpty() ? nullptr : store.get(), outcome, message);
    };
    auto opened = RunStore::open(storePath());
    if (!opened)
        return end(JobOutcome::Failed, opened.error().toString());
    store = std::move(opened.value());

    ClusteringConfig &config = m_config;
    if (!m_resumeRunId.isEmpty()) {
        const ResumeCheck check = checkResume(*store, m_resumeRunId);
        if (!check.config) {
            if (check.ours)
                runId = m_resumeRunId;
            return end(check.outcome, check.message);
        }
        auto parsed = ClusteringConfig::fromJson(*check.config);
        if (!parsed)
            return end(JobOutcome::Failed, parsed.error().toString());
        config = parsed.value();
        runId = m_resumeRunId;
    }
    auto valid = config.validate();
    if (!valid)
        return end(JobOutcome::Failed, valid.error().toString());

    auto log = [this](const QString &m) { Q_EMIT logMessage(m); };
    auto data = loadClusteringData(config, storePath(), cancelFlag(), log);
    if (!data)
        return end(cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed,
                   data.error().toString());
    for (const QString &w : data->warnings)
        Q_EMIT logMessage(w);
    const QString source = data->source;
    auto created = ClusteringSession::create(config, std::move(data.value()));
    if (!created)
        return end(JobOutcome::Failed, created.error().toString());
    std::unique_ptr<ClusteringSession> session = std::move(created.value());
    const QString method = clusteringMethodName(config.method);

    if (runId.isEmpty()) {
        RunRecord record;
        record.name =
            config.name.isEmpty() ? QStringLiteral("%1 on %2").arg(method, source) : config.name;
        record.method = method;
        record.family = RunFamily::Clustering;
        record.config = config.toJson();
        record.versions = environmentInfo().toJson();
        record.datasetFingerprint =
            QStringLiteral("%1 rows × %2").arg(session->data().rows()).arg(session->data().dim());
        record.datasetSpec = config.dataset.toJson();
        record.seed = qint64(config.seed);
        auto id = store->createRun(record);
        if (!id)
            return end(JobOutcome::Failed, id.error().toString());
        runId = id.value();
    }
    setRunId(runId);
    Q_EMIT runCreated(runId);
    store->markRunning(runId, QCoreApplication::applicationPid());
    Q_EMIT logMessage(QStringLiteral("run %1: %2 on %3 (%4 × %5); %6")
                          .arg(runId, method, source)
                          .arg(session->data().rows())
                          .arg(session->data().dim())
                          .arg(session->splitSummary()));

    QElapsedTimer sinceEmit, sinceHeartbeat;
    sinceEmit.start();
    sinceHeartbeat.start();
    auto beat = [&] {
        if (sinceHeartbeat.elapsed() > 10000) {
            store->heartbeat(runId);
            sinceHeartbeat.restart();
        }
    };
    const int stageEpochs = session->trains() ? config.epochs : 1;
    QElapsedTimer graphTimer;
    graphTimer.start();
    auto graphs = session->buildGraphs(cancelFlag(), [&](qint64 done, qint64 total) {
        beat();
        if (sinceEmit.elapsed() < 100 && done != total)
            return;
        sinceEmit.restart();
        JobProgress p{1, 1, done, total, 0, -1, QStringLiteral("kNN graph")};
        Q_EMIT progressChanged(p);
    });
    if (!graphs)
        return end(cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed,
                   graphs.error().toString());
    if (config.method != ClusteringMethod::KMeans)
        Q_EMIT logMessage(QStringLiteral("kNN graphs (k = %1): %2 s")
                              .arg(config.k)
                              .arg(double(graphTimer.elapsed()) / 1000.0, 0, 'f', 1));

    int startEpoch = 1;
    if (session->trains() && !m_resumeRunId.isEmpty()) {
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

    if (session->trains()) {
        QElapsedTimer sinceStart;
        sinceStart.start();
        qint64 stepsDone = 0;
        const qint64 stepsTotal = qint64(config.epochs - startEpoch + 1) * session->stepsPerEpoch();
        for (int epoch = startEpoch; epoch <= config.epochs; ++epoch) {
            auto report =
                session->runEpoch(epoch, cancelFlag(), [&](qint64 step, qint64 steps, double loss) {
                    ++stepsDone;
                    beat();
                    // Throttle: progress crosses threads at most ~10 times per second.
                    if (sinceEmit.elapsed() < 100 && step != steps)
                        return;
                    sinceEmit.restart();
                    JobProgress p{epoch, stageEpochs, step, steps, loss, -1, {}};
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
            const QJsonObject metrics = report->toJson();
            const CrossAttentionSnapshot snapshot = session->crossAttentionSnapshot(epoch);
            const QByteArray checkpoint = session->saveCheckpoint(epoch);
            auto written = store->atomically([&]() -> Expected<Done> {
                auto e = store->recordEpochWithCheckpoint(runId, epoch, metrics, report->seconds,
                                                          checkpoint);
                if (!e)
                    return e.error();
                if (!snapshot.anchors.isEmpty()) {
                    ArtifactRecord a;
                    a.kind = QStringLiteral("cross-attention");
                    a.epoch = epoch;
                    a.name = QStringLiteral("anchors");
                    a.mime = QStringLiteral("application/json");
                    auto put = store->putArtifact(runId, a, compact(snapshot.toJson()));
                    if (!put)
                        return put.error();
                }
                return Done{};
            });
            if (!written)
                return end(JobOutcome::Failed, written.error().toString());
            Q_EMIT epochFinished(epoch, metrics);
            Q_EMIT logMessage(QStringLiteral("epoch %1/%2: loss %3 (BCE %4, 1−FM %5, purity %6), "
                                             "val F %7")
                                  .arg(epoch)
                                  .arg(config.epochs)
                                  .arg(report->loss, 0, 'f', 4)
                                  .arg(report->bce, 0, 'f', 4)
                                  .arg(report->fm, 0, 'f', 4)
                                  .arg(report->purityPenalty, 0, 'f', 4)
                                  .arg(report->valFScore, 0, 'f', 4));
        }
    }

    Q_EMIT progressChanged(
        JobProgress{stageEpochs, stageEpochs, 0, 1, 0, -1, QStringLiteral("inference")});
    Q_EMIT logMessage(QStringLiteral("clustering: thresholds on the validation identities, "
                                     "metrics on the test identities"));
    auto result = session->evaluate(cancelFlag());
    if (!result)
        return end(cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed,
                   result.error().toString());
    const QJsonObject evaluation = result->toJson(method);
    QByteArray predictions;
    for (int64_t label : result->predicted)
        predictions += QByteArray::number(qint64(label)) + '\n';
    auto written = store->atomically([&]() -> Expected<Done> {
        auto m =
            store->putMetrics(runId, QStringLiteral("final"), clusteringMetricRows(result.value()));
        if (!m)
            return m.error();
        const struct
        {
            const char *kind, *name, *mime;
            QByteArray bytes;
        } artifacts[] = {
            {"clustering", "evaluation.json", "application/json", compact(evaluation)},
            {"purity", "purity.json", "application/json", compact(purityJson(result->report))},
            {"cluster-sizes", "cluster-sizes.json", "application/json",
             compact(sizesJson(result->report))},
            {"predictions", "pred_labels.txt", "text/plain", predictions},
        };
        for (const auto &art : artifacts) {
            ArtifactRecord a;
            a.kind = QLatin1String(art.kind);
            a.name = QLatin1String(art.name);
            a.mime = QLatin1String(art.mime);
            auto put = store->putArtifact(runId, a, art.bytes);
            if (!put)
                return put.error();
        }
        return Done{};
    });
    if (!written)
        return end(JobOutcome::Failed, written.error().toString());
    {
        QMutexLocker lock(&m_resultMutex);
        m_predicted = result->predicted;
        m_evaluation = evaluation;
    }
    QJsonObject summary = result->headline();
    summary.insert(QStringLiteral("edge_threshold"), result->thresholds.edgeThreshold);
    summary.insert(QStringLiteral("shared_threshold"), result->thresholds.sharedThreshold);
    setResult(summary);
    const auto &o = result->report.overall;
    QString text = QStringLiteral("pairwise F %1, BCubed F %2, NMI %3 on %4 test samples")
                       .arg(o.pairwiseFScore, 0, 'f', 4)
                       .arg(o.bcubedFScore, 0, 'f', 4)
                       .arg(o.nmi, 0, 'f', 4)
                       .arg(o.samples);
    const Spread f = result->report.acrossGroups.value(QStringLiteral("pairwise_f_score"));
    if (std::isfinite(f.std))
        text += QStringLiteral(", F std across groups %1").arg(f.std, 0, 'f', 4);
    end(JobOutcome::Finished, text);
}

} // namespace equiscope
