#include "clustering/clusteringsession_p.h"

#include "data/imagecache.h"
#include "util/environment.h"
#include "util/torchdevice_p.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <sstream>

namespace equiscope {

namespace {

/// @p out = (@p in − @p mean) / ‖in − mean‖ (a zero row stays zero); false when @p in holds a
/// NaN or an infinity.
bool centredUnitRow(const float *in, const float *mean, int dim, float *out)
{
    double squares = 0;
    bool finite = true;
    for (int j = 0; j < dim; ++j) {
        finite = finite && std::isfinite(in[j]);
        out[j] = in[j] - mean[j];
        squares += double(out[j]) * double(out[j]);
    }
    const float scale = float(1.0 / std::max(std::sqrt(squares), 1e-12));
    for (int j = 0; j < dim; ++j)
        out[j] *= scale;
    return finite;
}

} // namespace

quint64 clusteringStreamSeed(quint64 seed, quint64 purpose, quint64 epoch)
{
    quint64 x = seed * 0x9E3779B97F4A7C15ull ^
                (purpose + 0x632BE59BD9B4E019ull) * 0xBF58476D1CE4E5B9ull ^
                epoch * 0x94D049BB133111EBull;
    x ^= x >> 31;
    x *= 0xD6E8FEB86659FD93ull;
    return x ^ (x >> 32);
}

QJsonObject ClusteringEpochReport::toJson() const
{
    QJsonObject o{{QStringLiteral("epoch"), epoch},
                  {QStringLiteral("loss"), loss},
                  {QStringLiteral("bce"), bce},
                  {QStringLiteral("fm_loss"), fm},
                  {QStringLiteral("purity_penalty"), purityPenalty},
                  {QStringLiteral("learningRate"), learningRate},
                  {QStringLiteral("seconds"), seconds},
                  {QStringLiteral("anchorsPerSecond"), anchorsPerSecond}};
    if (std::isfinite(valFScore))
        o.insert(QStringLiteral("val_pairwise_f_score"), valFScore);
    if (std::isfinite(valFScoreMin))
        o.insert(QStringLiteral("val_pairwise_f_score_group_min"), valFScoreMin);
    if (std::isfinite(valFScoreStd))
        o.insert(QStringLiteral("val_pairwise_f_score_group_std"), valFScoreStd);
    return o;
}

ClusteringSession::ClusteringSession() : d(std::make_unique<Private>()) {}
ClusteringSession::~ClusteringSession() = default;

const ClusteringConfig &ClusteringSession::config() const
{
    return d->config;
}

const ClusteringData &ClusteringSession::data() const
{
    return d->data;
}

bool ClusteringSession::trains() const
{
    return clusteringMethodTrains(d->config.method);
}

qint64 ClusteringSession::stepsPerEpoch() const
{
    return d->stepsPerEpoch;
}

std::array<qint64, 3> ClusteringSession::splitRows() const
{
    return {d->train.size(), d->val.size(), d->test.size()};
}

QString ClusteringSession::splitSummary() const
{
    QStringList parts;
    for (const ClusteringSplit *s : {&d->train, &d->val, &d->test})
        parts << QStringLiteral("%1 %2 samples / %3 identities")
                     .arg(splitName(s->split))
                     .arg(s->size())
                     .arg(s->identities);
    QString summary = parts.join(QStringLiteral(", "));
    if (d->featuresOutOfCore)
        summary += QStringLiteral("; features out of core (memory-mapped scratch files in %1)")
                       .arg(defaultScratchDirectory());
    return summary;
}

Expected<std::unique_ptr<ClusteringSession>>
ClusteringSession::create(const ClusteringConfig &config, ClusteringData data)
{
    auto valid = config.validate();
    if (!valid)
        return valid.error();
    const QString file = data.source;
    const qint64 n = data.rows();
    if (n == 0 || data.identity.size() != size_t(n))
        return fileError(file, QStringLiteral("%1 identity labels for %2 feature rows")
                                   .arg(data.identity.size())
                                   .arg(n));
    if (!data.groupOf.empty() && data.groupOf.size() != size_t(n))
        return fileError(
            file,
            QStringLiteral("%1 group labels for %2 feature rows").arg(data.groupOf.size()).arg(n));
    if (config.k >= n)
        return fileError(file, QStringLiteral("k = %1 must be smaller than the number of "
                                              "samples (%2)")
                                   .arg(config.k)
                                   .arg(n));
    std::unique_ptr<ClusteringSession> s(new ClusteringSession);
    Private &p = *s->d;
    p.config = config;
    p.data = std::move(data);
    p.k = config.k;

    // Split the identities (never samples of one identity across splits).
    std::vector<int64_t> ids(p.data.identity.begin(), p.data.identity.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const qint64 u = qint64(ids.size());
    if (u < 3)
        return fileError(file, QStringLiteral("%1 distinct identities: train, validation and "
                                              "test need at least one each")
                                   .arg(u));
    std::mt19937_64 rng(clusteringStreamSeed(config.seed, 1, 0));
    std::shuffle(ids.begin(), ids.end(), rng);
    const qint64 nTest =
        std::clamp<qint64>(std::llround(config.testFraction * double(u)), 1, u - 2);
    const qint64 nVal =
        std::clamp<qint64>(std::llround(config.valFraction * double(u)), 1, u - 1 - nTest);
    std::map<int64_t, Split> splitOfIdentity;
    for (qint64 i = 0; i < u; ++i)
        splitOfIdentity[ids[size_t(i)]] =
            i < nTest ? Split::Test : (i < nTest + nVal ? Split::Val : Split::Train);
    p.train.split = Split::Train;
    p.val.split = Split::Val;
    p.test.split = Split::Test;
    for (qint64 r = 0; r < n; ++r)
        p.split(splitOfIdentity[p.data.identity[size_t(r)]]).rows.push_back(r);
    p.train.identities = u - nTest - nVal;
    p.val.identities = nVal;
    p.test.identities = nTest;
    for (ClusteringSplit *sp : {&p.train, &p.val, &p.test}) {
        if (sp->size() <= config.k && config.method != ClusteringMethod::KMeans)
            return fileError(
                file, QStringLiteral("k = %1 must be smaller than every split: the %2 split has "
                                     "%3 samples (%4 identities). Lower k or use more samples.")
                          .arg(config.k)
                          .arg(splitName(sp->split))
                          .arg(sp->size())
                          .arg(sp->identities));
    }

    try {
        configureTorchThreads(config.threads);
        p.device = resolveTorchDevice(config.device);
        p.precision = precisionType(config.precision, p.device);
        // LibTorch 1.13's CPU autocast hands bf16 activations to layer norms with fp32 weights,
        // which its CPU kernel refuses (CUDA autocast runs layer norms in fp32).
        if (p.precision != torch::kFloat && !p.device.is_cuda())
            return fileError(p.data.source,
                             QStringLiteral("precision %1 of the clustering transformer needs a "
                                            "CUDA device; on the CPU use fp32")
                                 .arg(config.precision));
        torch::manual_seed(config.seed);
        const int dim = p.data.dim();
        // The centre comes from the training identities only (no label is used for it).
        std::vector<double> centre(static_cast<size_t>(dim), 0.0);
        if (config.centerFeatures) {
            for (qint64 r : p.train.rows) {
                const float *f = p.data.features->row(r);
                for (int j = 0; j < dim; ++j)
                    centre[size_t(j)] += f[j];
            }
            for (double &c : centre)
                c /= double(std::max<qint64>(1, p.train.size()));
        }
        const std::vector<float> mean(centre.begin(), centre.end());
        // Large inputs keep the centred, normalised split features in scratch files the kernel
        // can page out (out of core: a million 256-d rows are 1 GB); small ones in memory.
        const qint64 splitBytes = p.data.rows() * qint64(dim) * qint64(sizeof(float));
        const bool outOfCore =
            config.featureScratchMiB > 0 && splitBytes > (qint64(config.featureScratchMiB) << 20);
        for (ClusteringSplit *sp : {&p.train, &p.val, &p.test}) {
            const qint64 m = sp->size();
            torch::Tensor x;
            if (outOfCore) {
                auto scratch =
                    ScratchMapping::create(defaultScratchDirectory(),
                                           std::max<qint64>(1, m * dim * qint64(sizeof(float))));
                if (!scratch)
                    return scratch.error();
                sp->scratch = std::move(scratch.value());
                x = torch::from_blob(sp->scratch->data(), {m, dim}, torch::kFloat32);
            } else {
                x = torch::empty({m, dim}, torch::kFloat32);
            }
            float *dst = x.data_ptr<float>();
            std::vector<int64_t> idv(static_cast<size_t>(m));
            for (qint64 i = 0; i < m; ++i) {
                const qint64 row = sp->rows[size_t(i)];
                if (!centredUnitRow(p.data.features->row(row), mean.data(), dim, dst + i * dim))
                    return fileError(file, QStringLiteral("the features contain NaN or infinite "
                                                          "values (row %1)")
                                               .arg(row + 1));
                idv[size_t(i)] = p.data.identity[size_t(row)];
            }
            sp->features = x;
            sp->identity = torch::tensor(idv, torch::kLong);
        }
        p.featuresOutOfCore = outOfCore;
        if (clusteringMethodTrains(config.method)) {
            ClusterTransformerOptions mo;
            mo.featureDim = dim;
            mo.k = config.k;
            mo.width = config.modelWidth(dim);
            mo.layers = config.layers;
            mo.heads = config.heads;
            mo.subClusters = config.subClusters;
            mo.dropout = config.dropout;
            mo.crossAttention = config.crossAttention;
            mo.crossAttentionAll = config.crossAttentionAll;
            p.model = ClusterTransformer(mo);
            p.model->to(p.device);
            p.optimizer = std::make_unique<torch::optim::AdamW>(
                p.model->parameters(),
                torch::optim::AdamWOptions(config.learningRate).weight_decay(config.weightDecay));
            const qint64 anchors = config.anchorsPerEpoch > 0
                                       ? std::min(config.anchorsPerEpoch, p.train.size())
                                       : p.train.size();
            p.stepsPerEpoch = (anchors + config.batchSize - 1) / config.batchSize;
        }
        // Fixed anchors for the attention view: test rows, taking groups in turn so a rare
        // group is shown too.
        if (config.attentionAnchors > 0 && config.crossAttention &&
            clusteringMethodTrains(config.method)) {
            std::map<int, std::vector<qint64>> byGroup;
            for (qint64 i = 0; i < p.test.size(); ++i) {
                const qint64 row = p.test.rows[size_t(i)];
                byGroup[p.data.groupOf.empty() ? 0 : p.data.groupOf[size_t(row)]].push_back(i);
            }
            std::mt19937_64 pick(clusteringStreamSeed(config.seed, 2, 0));
            for (auto &entry : byGroup)
                std::shuffle(entry.second.begin(), entry.second.end(), pick);
            for (size_t round = 0; int(p.attentionAnchors.size()) < config.attentionAnchors;
                 ++round) {
                bool any = false;
                for (auto &entry : byGroup) {
                    if (round < entry.second.size() &&
                        int(p.attentionAnchors.size()) < config.attentionAnchors) {
                        p.attentionAnchors.push_back(entry.second[round]);
                        any = true;
                    }
                }
                if (!any)
                    break;
            }
        }
    } catch (const std::exception &e) {
        return fileError(
            file,
            QStringLiteral("could not set up clustering: %1").arg(QString::fromUtf8(e.what())));
    }
    return s;
}

Expected<Done> ClusteringSession::buildGraphs(const std::atomic<bool> &cancel,
                                              const std::function<void(qint64, qint64)> &progress)
{
    Private &p = *d;
    if (p.config.method == ClusteringMethod::KMeans) {
        p.graphsBuilt = true;
        return Done{}; // k-means needs no graph
    }
    // Every split is clustered (the predicted labels cover every row), so each needs a graph.
    const std::vector<ClusteringSplit *> needed{&p.train, &p.val, &p.test};
    qint64 total = 0, before = 0;
    for (ClusteringSplit *s : needed)
        total += s->size();
    for (ClusteringSplit *s : needed) {
        KnnOptions o;
        o.index = p.config.knn;
        o.memoryBytes = qint64(p.config.knnMemoryMiB) << 20;
        o.hnswLinks = p.config.hnswLinks;
        o.hnswBuildDepth = p.config.hnswBuildDepth;
        o.hnswSearchDepth = p.config.hnswSearchDepth;
        o.ivfCells = p.config.ivfCells;
        o.ivfProbes = p.config.ivfProbes;
        o.seed = clusteringStreamSeed(p.config.seed, 7, quint64(s->split));
        o.rowsNormalized = true; // normalised (and checked finite) in create()
        if (p.featuresOutOfCore)
            o.scratchDirectory = defaultScratchDirectory();
        o.cancel = &cancel;
        o.progress = [&](qint64 done, qint64) {
            if (progress)
                progress(before + done, total);
        };
        auto g = buildKnnGraph(s->features.data_ptr<float>(), s->size(), p.data.dim(), p.k, o);
        if (!g) {
            DataError e = g.error();
            e.file = p.data.source;
            return e;
        }
        s->graph = std::move(g.value());
        if (p.config.knn != KnnIndex::Exact && p.config.recallSample > 0) {
            // The recall of the approximate graph, per group: an index that misses more of a
            // minority's neighbours would make the clustering less fair before any training.
            std::vector<int> groupOf(static_cast<size_t>(s->size()), -1);
            if (!p.data.groupOf.empty())
                for (qint64 i = 0; i < s->size(); ++i)
                    groupOf[size_t(i)] = p.data.groupOf[size_t(s->rows[size_t(i)])];
            auto recall = measureKnnRecall(
                s->features.data_ptr<float>(), s->size(), p.data.dim(), s->graph,
                p.config.recallSample, clusteringStreamSeed(p.config.seed, 8, quint64(s->split)),
                groupOf, true);
            if (!recall) {
                DataError e = recall.error();
                e.file = p.data.source;
                return e;
            }
            s->recall = recall.value();
            // Fail before training and inference, not after hours of work on a poor graph.
            if (p.config.minRecall > 0 && s->recall->recall < p.config.minRecall)
                return fileError(
                    p.data.source,
                    QStringLiteral("the %1 graph of the %2 split found recall@%3 %4 of the exact "
                                   "neighbours on %5 sampled rows, below the asked %6: %7")
                        .arg(knnIndexName(p.config.knn).toUpper(), splitName(s->split))
                        .arg(p.k)
                        .arg(s->recall->recall, 0, 'f', 4)
                        .arg(s->recall->sampled)
                        .arg(p.config.minRecall, 0, 'f', 4)
                        .arg(p.config.knn == KnnIndex::Hnsw
                                 ? QStringLiteral("raise hnswSearchDepth (and hnswBuildDepth), "
                                                  "or use ivf or exact")
                                 : QStringLiteral("raise ivfProbes, or use exact")));
        }
        // A view, not an int64 copy (640 MB per million rows at k = 80): index_select takes
        // int32 indices.
        s->neighbours =
            torch::from_blob(s->graph.neighbours.data(), {s->size(), p.k}, torch::kInt32);
        before += s->size();
    }
    p.graphsBuilt = true;
    return Done{};
}

torch::Tensor ClusteringSession::Private::tokens(const ClusteringSplit &s,
                                                 const torch::Tensor &anchors) const
{
    const int64_t b = anchors.size(0);
    const auto idx = s.neighbours.index_select(0, anchors).reshape({-1});
    const auto f = s.features.index_select(0, idx).view({b, k, -1});
    const auto sims = torch::bmm(f, f.transpose(1, 2));
    return torch::cat({f, sims}, 2).to(device);
}

torch::Tensor ClusteringSession::Private::targets(const ClusteringSplit &s,
                                                  const torch::Tensor &anchors) const
{
    const int64_t b = anchors.size(0);
    const auto idx = s.neighbours.index_select(0, anchors).reshape({-1});
    const auto ids = s.identity.index_select(0, idx).view({b, k});
    return (ids == s.identity.index_select(0, anchors).unsqueeze(1)).to(device, torch::kFloat32);
}

std::vector<float>
ClusteringSession::Private::probabilities(const ClusteringSplit &s, const std::atomic<bool> *cancel,
                                          const std::function<void(qint64 rows)> &scored)
{
    torch::NoGradGuard noGrad;
    model->eval();
    std::vector<float> out(size_t(s.size() * k));
    const int64_t chunk = 256;
    for (int64_t a = 0; a < s.size(); a += chunk) {
        if (cancel && cancel->load()) {
            model->train();
            return {};
        }
        const int64_t b = std::min<int64_t>(chunk, s.size() - a);
        const auto anchors = torch::arange(a, a + b, torch::kLong);
        const auto prob =
            torch::sigmoid(model->forward(tokens(s, anchors))).to(torch::kCPU).contiguous();
        std::copy_n(prob.data_ptr<float>(), b * k, out.begin() + a * k);
        if (scored)
            scored(a + b);
    }
    model->train();
    return out;
}

std::vector<float>
ClusteringSession::Private::edgeScores(ClusteringSplit &s, const std::atomic<bool> *cancel,
                                       const std::function<void(qint64 rows)> &scored)
{
    if (config.method == ClusteringMethod::KnnThreshold)
        return s.graph.similarities;
    return probabilities(s, cancel, scored);
}

} // namespace equiscope
