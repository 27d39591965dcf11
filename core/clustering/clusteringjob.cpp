#include "clustering/clusteringjob.h"

#include "distributed/dataparallelgroup.h"

#include "store/artifactkinds.h"

#include "clustering/clusteringinput.h"

#include "clustering/clusteringsession.h"
#include "store/runstore.h"

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
    // Approximate kNN graphs: how much of the exact neighbourhood was found, per group too.
    if (std::isfinite(result.knnRecall)) {
        rows << metric(QStringLiteral("knn_recall"), result.knnRecall);
        if (std::isfinite(result.knnRecallGroupMin))
            rows << metric(QStringLiteral("knn_recall_group_min"), result.knnRecallGroupMin);
        for (const QJsonValue &v :
             result.knn.value(QStringLiteral("testRecallByGroup")).toArray()) {
            const QJsonObject g = v.toObject();
            rows << metric(QStringLiteral("knn_recall"),
                           g.value(QStringLiteral("recall")).toDouble(),
                           g.value(QStringLiteral("group")).toString(),
                           g.value(QStringLiteral("rows")).toInteger());
        }
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
    job->setResumeRunId(runId);
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

Expected<Done> ClusteringJob::loadConfig(const QJsonObject &config)
{
    return readConfig(config, m_config);
}

Expected<Done> ClusteringJob::prepare()
{
    if (auto valid = m_config.validate(); !valid)
        return valid.error();
    auto log = [this](const QString &m) { Q_EMIT logMessage(m); };
    auto data = loadClusteringData(m_config, storePath(), cancelFlag(), log);
    if (!data)
        return data.error();
    for (const QString &w : data->warnings)
        Q_EMIT logMessage(w);
    m_source = data->source;
    auto created = ClusteringSession::create(m_config, std::move(data.value()));
    if (!created)
        return created.error();
    m_session = std::move(created.value());
    return Done{};
}

RunRecord ClusteringJob::newRunRecord() const
{
    return runRecord(
        m_config.name, m_source, m_config.toJson(), m_config.dataset.toJson(), m_config.seed,
        QStringLiteral("%1 rows × %2").arg(m_session->data().rows()).arg(m_session->data().dim()));
}

JobEnd ClusteringJob::execute(RunStore &store, const QString &runId)
{
    Q_EMIT logMessage(QStringLiteral("run %1: %2 on %3 (%4 × %5); %6")
                          .arg(runId, methodName(), m_source)
                          .arg(m_session->data().rows())
                          .arg(m_session->data().dim())
                          .arg(m_session->splitSummary()));
    QElapsedTimer graphTimer;
    graphTimer.start();
    auto graphs = m_session->buildGraphs(cancelFlag(), [&](qint64 done, qint64 total) {
        reportProgress(JobProgress{1, 1, done, total, 0, -1, QStringLiteral("kNN graph")});
    });
    if (!graphs)
        return {cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed,
                graphs.error().toString()};
    if (m_config.method != ClusteringMethod::KMeans)
        Q_EMIT logMessage(QStringLiteral("kNN graphs (k = %1): %2 s")
                              .arg(m_config.k)
                              .arg(double(graphTimer.elapsed()) / 1000.0, 0, 'f', 1));

    int startEpoch = 1;
    if (m_session->trains() && isResume()) {
        auto checkpoint = lastCheckpoint(store, runId);
        if (!checkpoint)
            return JobEnd::failed(checkpoint.error());
        if (checkpoint->epoch >= 1) {
            auto restored = m_session->restoreCheckpoint(checkpoint->bytes);
            if (!restored)
                return JobEnd::failed(restored.error());
            startEpoch = restored.value() + 1;
            Q_EMIT logMessage(
                QStringLiteral("resuming run %1 after epoch %2").arg(runId).arg(restored.value()));
        }
    }

    if (const auto group = dataParallel()) {
        // Every rank starts from rank 0's state: its initial weights or the checkpoint it
        // resumes (docs/design/distributed.md).
        auto state = group->broadcastFromRankZero(
            group->rank() == 0 ? m_session->saveCheckpoint(startEpoch - 1) : QByteArray());
        if (!state)
            return epochFailed(state.error());
        if (group->rank() != 0) {
            auto restored = m_session->restoreCheckpoint(state.value());
            if (!restored)
                return JobEnd::failed(restored.error());
            startEpoch = restored.value() + 1;
        }
        if (auto split = m_session->setDataParallel(group); !split)
            return JobEnd::failed(split.error());
    }
    if (m_session->trains()) {
        if (JobEnd trained = train(store, runId, startEpoch);
            trained.outcome != JobOutcome::Finished)
            return trained;
    }
    if (!recordsRun())
        return JobEnd::finished(QStringLiteral("rank %1 of %2 trained %3 epochs; rank 0 evaluates "
                                               "and records the run")
                                    .arg(dataParallel()->rank())
                                    .arg(dataParallel()->worldSize())
                                    .arg(m_config.epochs));
    return evaluateAndStore(store, runId);
}

JobEnd ClusteringJob::train(RunStore &store, const QString &runId, int startEpoch)
{
    for (int epoch = startEpoch; epoch <= m_config.epochs; ++epoch) {
        auto report =
            m_session->runEpoch(epoch, cancelFlag(), [&](qint64 step, qint64 steps, double loss) {
                reportProgress(JobProgress{epoch, m_config.epochs, step, steps, loss});
            });
        if (!report)
            return epochFailed(report.error());
        if (report->cancelled)
            return cancelledDuringEpoch(epoch);
        if (!recordsRun()) {
            Q_EMIT logMessage(QStringLiteral("epoch %1/%2: loss %3")
                                  .arg(epoch)
                                  .arg(m_config.epochs)
                                  .arg(report->loss, 0, 'f', 6));
            continue;
        }
        const QJsonObject metrics = report->toJson();
        const CrossAttentionSnapshot snapshot = m_session->crossAttentionSnapshot(epoch);
        const QByteArray checkpoint = m_session->saveCheckpoint(epoch);
        auto written = store.atomically([&]() -> Expected<Done> {
            auto e =
                store.recordEpochWithCheckpoint(runId, epoch, metrics, report->seconds, checkpoint);
            if (!e)
                return e.error();
            if (!snapshot.anchors.isEmpty()) {
                ArtifactRecord a;
                a.kind = ArtifactKind::crossAttention();
                a.epoch = epoch;
                a.name = QStringLiteral("anchors");
                a.mime = QStringLiteral("application/json");
                auto put = store.putArtifact(runId, a, compact(snapshot.toJson()));
                if (!put)
                    return put.error();
            }
            return Done{};
        });
        if (!written)
            return JobEnd::failed(written.error());
        Q_EMIT epochFinished(epoch, metrics);
        Q_EMIT logMessage(QStringLiteral("epoch %1/%2: loss %3 (BCE %4, 1−FM %5, purity %6), "
                                         "val F %7")
                              .arg(epoch)
                              .arg(m_config.epochs)
                              .arg(report->loss, 0, 'f', 4)
                              .arg(report->bce, 0, 'f', 4)
                              .arg(report->fm, 0, 'f', 4)
                              .arg(report->purityPenalty, 0, 'f', 4)
                              .arg(report->valFScore, 0, 'f', 4));
    }
    return JobEnd::finished({});
}

JobEnd ClusteringJob::evaluateAndStore(RunStore &store, const QString &runId)
{
    const QString method = methodName();
    const int stageEpochs = m_session->trains() ? m_config.epochs : 1;
    reportProgress(JobProgress{stageEpochs, stageEpochs, 0, 1, 0, -1, QStringLiteral("inference")},
                   true);
    Q_EMIT logMessage(QStringLiteral("clustering: thresholds on the validation identities, "
                                     "metrics on the test identities"));
    // Each stage gets its own bar and ETA: at a million rows scoring and the threshold search
    // take minutes, and the progress reports also keep the run's heartbeat going.
    QString currentStage;
    QElapsedTimer stageTimer;
    auto result =
        m_session->evaluate(cancelFlag(), [&](const QString &stage, qint64 done, qint64 total) {
            if (stage != currentStage) {
                currentStage = stage;
                stageTimer.start();
            }
            const double seconds = double(stageTimer.elapsed()) / 1000.0;
            const double eta = done > 0 && done < total && seconds > 0.5
                                   ? seconds * double(total - done) / double(done)
                                   : -1.0;
            reportProgress(JobProgress{1, 1, done, total, 0, eta, stage}, done == 0);
        });
    if (!result)
        return {cancelRequested() ? JobOutcome::Cancelled : JobOutcome::Failed,
                result.error().toString()};
    const QJsonObject evaluation = result->toJson(method);
    QByteArray predictions;
    for (int64_t label : result->predicted)
        predictions += QByteArray::number(qint64(label)) + '\n';
    auto written = store.atomically([&]() -> Expected<Done> {
        auto m =
            store.putMetrics(runId, QStringLiteral("final"), clusteringMetricRows(result.value()));
        if (!m)
            return m.error();
        const struct
        {
            QString kind;
            const char *name, *mime;
            QByteArray bytes;
        } artifacts[] = {
            {ArtifactKind::clustering(), "evaluation.json", "application/json",
             compact(evaluation)},
            {ArtifactKind::purity(), "purity.json", "application/json",
             compact(purityJson(result->report))},
            {ArtifactKind::clusterSizes(), "cluster-sizes.json", "application/json",
             compact(sizesJson(result->report))},
            {ArtifactKind::predictions(), "pred_labels.txt", "text/plain", predictions},
        };
        for (const auto &art : artifacts) {
            ArtifactRecord a;
            a.kind = art.kind;
            a.name = QLatin1String(art.name);
            a.mime = QLatin1String(art.mime);
            auto put = store.putArtifact(runId, a, art.bytes);
            if (!put)
                return put.error();
        }
        return Done{};
    });
    if (!written)
        return JobEnd::failed(written.error());
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
    return JobEnd::finished(text);
}

} // namespace equiscope
