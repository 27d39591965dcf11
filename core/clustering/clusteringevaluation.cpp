// ClusteringSession: thresholds on validation, clustering of every split, test metrics, and the
// Cross-attention snapshots of the attention view.
#include "clustering/clusteringsession_p.h"

#include "clustering/kmeansclustering.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>

namespace equiscope {

namespace {

std::vector<double> withValue(std::vector<double> grid, double value)
{
    if (std::find(grid.begin(), grid.end(), value) == grid.end())
        grid.push_back(value);
    return grid;
}

} // namespace

QJsonObject ClusteringResult::headline() const
{
    QJsonObject o;
    for (const auto &kv : report.overall.values())
        o.insert(kv.first, numberToJson(kv.second));
    o.insert(QStringLiteral("purity"), numberToJson(report.purity));
    o.insert(QStringLiteral("clusters"), report.overall.clusters);
    o.insert(QStringLiteral("classes"), report.overall.classes);
    o.insert(QStringLiteral("samples"), report.overall.samples);
    for (auto it = report.acrossGroups.begin(); it != report.acrossGroups.end(); ++it) {
        o.insert(it.key() + QStringLiteral("_group_std"), numberToJson(it->std));
        o.insert(it.key() + QStringLiteral("_group_min"), numberToJson(it->min));
        o.insert(it.key() + QStringLiteral("_group_max"), numberToJson(it->max));
    }
    if (!std::isnan(knnRecall)) {
        o.insert(QStringLiteral("knn_recall"), numberToJson(knnRecall));
        o.insert(QStringLiteral("knn_recall_group_min"), numberToJson(knnRecallGroupMin));
    }
    return o;
}

QJsonObject ClusteringResult::toJson(const QString &method) const
{
    QJsonObject splits;
    for (Split s : {Split::Train, Split::Val, Split::Test})
        splits.insert(splitName(s),
                      QJsonObject{{QStringLiteral("samples"), samples.value(s)},
                                  {QStringLiteral("identities"), identities.value(s)}});
    return QJsonObject{
        {QStringLiteral("method"), method},
        {QStringLiteral("evaluated"), QStringLiteral("test")},
        {QStringLiteral("thresholds"),
         QJsonObject{{QStringLiteral("edge"), thresholds.edgeThreshold},
                     {QStringLiteral("shared"), thresholds.sharedThreshold},
                     {QStringLiteral("tunedOnValidation"), thresholdsTuned},
                     {QStringLiteral("validationFScore"), numberToJson(thresholds.fScore)}}},
        {QStringLiteral("splits"), splits},
        {QStringLiteral("knn"), knn},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("metrics"), headline()},
        {QStringLiteral("report"), report.toJson()}};
}

CrossAttentionSnapshot ClusteringSession::crossAttentionSnapshot(int epoch)
{
    Private &p = *d;
    CrossAttentionSnapshot s;
    s.epoch = epoch;
    s.groupLabels = p.data.groupLabels;
    s.imageDataset = p.data.imageDataset;
    if (!p.model || !p.config.crossAttention || p.attentionAnchors.empty() || !p.graphsBuilt)
        return s;
    torch::NoGradGuard noGrad;
    p.model->eval();
    const auto anchors = torch::tensor(
        std::vector<int64_t>(p.attentionAnchors.begin(), p.attentionAnchors.end()), torch::kLong);
    const auto prob =
        torch::sigmoid(p.model->forward(p.tokens(p.test, anchors))).to(torch::kCPU).contiguous();
    const auto weights = p.model->lastCrossAttention().to(torch::kCPU).contiguous();
    p.model->train();
    const std::vector<int64_t> bounds = subClusterBounds(p.k, p.config.subClusters);
    const int64_t centroidEnd = bounds[1], furthestBegin = bounds[bounds.size() - 2];
    s.centroidSize = int(centroidEnd);
    s.furthestSize = int(p.k - furthestBegin);
    auto imageOf = [&](qint64 row) {
        return p.data.imageIndex.empty() ? qint64(-1) : p.data.imageIndex[size_t(row)];
    };
    for (int64_t a = 0; a < anchors.size(0); ++a) {
        const qint64 local = p.attentionAnchors[size_t(a)];
        const int32_t *nb = p.test.graph.neighboursOf(local);
        const qint64 row = p.test.rows[size_t(local)];
        const int64_t id = p.data.identity[size_t(row)];
        CrossAttentionAnchor c;
        c.row = row;
        c.group = p.data.groupOf.empty() ? -1 : p.data.groupOf[size_t(row)];
        c.image = imageOf(row);
        const float *pa = prob.data_ptr<float>() + a * p.k;
        for (int64_t j = 0; j < p.k; ++j) {
            const qint64 r = p.test.rows[size_t(nb[j])];
            const int same = p.data.identity[size_t(r)] == id ? 1 : 0;
            if (j < centroidEnd) {
                c.centroidRows << r;
                c.centroidImages << imageOf(r);
                c.centroidSame << same;
                c.centroidP << pa[j];
            }
            if (j >= furthestBegin) {
                c.furthestRows << r;
                c.furthestImages << imageOf(r);
                c.furthestSame << same;
                c.furthestP << pa[j];
            }
        }
        const float *w = weights.data_ptr<float>() + a * s.furthestSize * s.centroidSize;
        c.weights = QVector<float>(w, w + s.furthestSize * s.centroidSize);
        s.anchors << c;
    }
    return s;
}

Expected<ClusteringResult> ClusteringSession::evaluate(const std::atomic<bool> &cancel,
                                                       const EvaluationProgress &progress)
{
    Private &p = *d;
    auto report = [&](const QString &stage, qint64 done, qint64 total) {
        if (progress)
            progress(stage, done, total);
    };
    auto scoreReporter = [&](const ClusteringSplit &s) {
        const QString stage = QStringLiteral("scoring %1").arg(splitName(s.split));
        return [&report, stage, rows = s.size()](qint64 done) { report(stage, done, rows); };
    };
    auto cancelled = [&] { return fileError(p.data.source, QStringLiteral("cancelled")); };
    QElapsedTimer timer;
    timer.start();
    ClusteringResult r;
    const qint64 n = p.data.rows();
    r.predicted.assign(size_t(n), -1);
    r.splitOf.assign(size_t(n), Split::Train);
    try {
        std::map<Split, std::vector<int64_t>> labels;
        if (p.config.method == ClusteringMethod::KMeans) {
            for (ClusteringSplit *s : {&p.train, &p.val, &p.test}) {
                report(QStringLiteral("k-means %1").arg(splitName(s->split)), 0, s->size());
                auto km = kMeansClusters(s->features.data_ptr<float>(), s->size(), p.data.dim(),
                                         int(s->identities), p.config.kmeansIterations,
                                         clusteringStreamSeed(p.config.seed, 5, quint64(s->split)),
                                         &cancel);
                if (!km)
                    return fileError(p.data.source, km.error().toString());
                labels[s->split] = km.value();
            }
            r.thresholds.fScore = kUndefined;
        } else {
            if (!p.graphsBuilt)
                return fileError(p.data.source, QStringLiteral("the kNN graphs are missing"));
            const bool cosine = p.config.method == ClusteringMethod::KnnThreshold;
            const std::vector<float> valScores = p.edgeScores(p.val, &cancel, scoreReporter(p.val));
            if (cancel.load())
                return cancelled();
            r.thresholds.edgeThreshold = p.config.edgeThreshold;
            r.thresholds.sharedThreshold = p.config.sharedThreshold;
            if (p.config.tuneThresholds) {
                std::vector<double> edgeGrid;
                if (cosine) {
                    // Cosines depend on the embedding: the grid follows the neighbour
                    // similarities of the validation graph (5th … 95th percentile).
                    std::vector<double> sims;
                    for (qint64 a = 0; a < p.val.size(); ++a)
                        for (int j = 1; j < p.k; ++j)
                            sims.push_back(valScores[size_t(a * p.k + j)]);
                    std::sort(sims.begin(), sims.end());
                    for (int q = 1; q <= 19; ++q)
                        edgeGrid.push_back(sortedPercentile(sims, q / 20.0));
                } else {
                    // Probabilities: a model that ranks well may still be calibrated low.
                    edgeGrid = {0.05, 0.1, 0.2,  0.3, 0.4,  0.5, 0.6,
                                0.7,  0.8, 0.85, 0.9, 0.95, 0.98};
                }
                edgeGrid = withValue(edgeGrid, p.config.edgeThreshold);
                const std::vector<double> sharedGrid =
                    withValue({0.0, 0.2, 0.35, 0.5, 0.65, 0.8}, p.config.sharedThreshold);
                r.thresholds =
                    chooseThresholds(p.val.graph, valScores, p.truthOf(p.val), edgeGrid, sharedGrid,
                                     &cancel, [&](qint64 done, qint64 total) {
                                         report(QStringLiteral("thresholds"), done, total);
                                     });
                if (r.thresholds.cancelled)
                    return cancelled();
                r.thresholdsTuned = true;
            } else {
                r.thresholds.fScore =
                    clusteringScores(Contingency(p.truthOf(p.val),
                                                 clusterKnnGraph(p.val.graph, valScores,
                                                                 r.thresholds.edgeThreshold,
                                                                 r.thresholds.sharedThreshold)))
                        .pairwiseFScore;
            }
            for (ClusteringSplit *s : {&p.train, &p.val, &p.test}) {
                const std::vector<float> scores =
                    s == &p.val ? valScores : p.edgeScores(*s, &cancel, scoreReporter(*s));
                if (cancel.load())
                    return cancelled();
                const QString stage = QStringLiteral("clustering %1").arg(splitName(s->split));
                report(stage, 0, s->size());
                labels[s->split] = clusterKnnGraph(s->graph, scores, r.thresholds.edgeThreshold,
                                                   r.thresholds.sharedThreshold);
                report(stage, s->size(), s->size());
            }
        }
        // Global labels: each split's clusters numbered after the previous split's.
        int64_t offset = 0;
        for (ClusteringSplit *s : {&p.train, &p.val, &p.test}) {
            const std::vector<int64_t> &l = labels[s->split];
            int64_t maxLabel = -1;
            for (qint64 i = 0; i < s->size(); ++i) {
                r.predicted[size_t(s->rows[size_t(i)])] = offset + l[size_t(i)];
                r.splitOf[size_t(s->rows[size_t(i)])] = s->split;
                maxLabel = std::max(maxLabel, l[size_t(i)]);
            }
            offset += maxLabel + 1;
            r.samples[s->split] = s->size();
            r.identities[s->split] = s->identities;
        }
        auto report = p.scoreSplit(p.test, labels[Split::Test]);
        if (!report)
            return report.error();
        r.report = report.value();
        r.knn = QJsonObject{{QStringLiteral("index"), knnIndexName(p.config.knn)}};
        if (p.test.recall) {
            QJsonObject recall;
            for (ClusteringSplit *s : {&p.train, &p.val, &p.test})
                if (s->recall)
                    recall.insert(splitName(s->split), s->recall->recall);
            // Per group on the test split; groups with fewer sampled rows than minGroupSize are
            // listed but left out of the minimum, as for the clustering scores.
            QJsonArray byGroup;
            for (const auto &[group, cell] : p.test.recall->byGroup) {
                const QString label = group >= 0 && group < p.data.groupLabels.size()
                                          ? p.data.groupLabels.at(group)
                                          : QStringLiteral("(none)");
                byGroup.append(QJsonObject{{QStringLiteral("group"), label},
                                           {QStringLiteral("rows"), cell.first},
                                           {QStringLiteral("recall"), cell.second}});
                if (group >= 0 && cell.first >= p.config.minGroupSize)
                    r.knnRecallGroupMin = std::isnan(r.knnRecallGroupMin)
                                              ? cell.second
                                              : std::min(r.knnRecallGroupMin, cell.second);
            }
            r.knn.insert(QStringLiteral("k"), p.k);
            qint64 widened = 0;
            for (ClusteringSplit *s : {&p.train, &p.val, &p.test})
                widened += s->graph.widenedRows;
            if (p.config.knn == KnnIndex::Ivf)
                r.knn.insert(QStringLiteral("widenedRows"), widened);
            r.knn.insert(QStringLiteral("recallSample"), p.test.recall->sampled);
            r.knn.insert(QStringLiteral("recall"), recall);
            r.knn.insert(QStringLiteral("testRecallByGroup"), byGroup);
            r.knnRecall = p.test.recall->recall;
        }
    } catch (const std::exception &e) {
        return fileError(p.data.source,
                         QStringLiteral("clustering failed: %1").arg(QString::fromUtf8(e.what())));
    }
    r.seconds = double(timer.nsecsElapsed()) / 1e9;
    return r;
}

std::vector<int64_t> ClusteringSession::Private::truthOf(const ClusteringSplit &s) const
{
    std::vector<int64_t> t(size_t(s.size()));
    for (qint64 i = 0; i < s.size(); ++i)
        t[size_t(i)] = data.identity[size_t(s.rows[size_t(i)])];
    return t;
}

Expected<ClusteringReport>
ClusteringSession::Private::scoreSplit(const ClusteringSplit &s,
                                       const std::vector<int64_t> &predicted) const
{
    ClusteringInput in;
    in.truth = truthOf(s);
    in.predicted = predicted;
    if (!data.groupOf.empty())
        for (qint64 row : s.rows)
            in.groupOf.push_back(data.groupOf[size_t(row)]);
    in.groupLabels = data.groupLabels;
    ClusteringOptions options;
    options.minGroupSize = config.minGroupSize;
    return evaluateClustering(in, options);
}

} // namespace equiscope
