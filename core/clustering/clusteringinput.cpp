#include "clustering/clusteringinput.h"

#include "store/artifactkinds.h"

#include "data/datasetreader.h"
#include "fare/fareconfig.h"
#include "fare/faresession.h"
#include "store/runstore.h"

#include <QFileInfo>

#include <algorithm>
#include <numeric>
#include <random>

namespace equiscope {

namespace {

Expected<ClusteringData> embedded(const ClusteringConfig &c, const FareConfig &rc,
                                  const QString &what, const std::atomic<bool> &cancel,
                                  const std::function<void(const QString &)> &log,
                                  const QByteArray &checkpoint);

/// Embeddings of c.dataset by the TorchScript module c.encoderScript.
Expected<ClusteringData> fromScript(const ClusteringConfig &c, const std::atomic<bool> &cancel,
                                    const std::function<void(const QString &)> &log)
{
    if (!QFileInfo::exists(c.encoderScript))
        return fileError(c.encoderScript, QStringLiteral("no such TorchScript encoder file"));
    FareConfig rc; // only its dataset and test-time / augmentation transforms are used
    rc.dataset = c.dataset;
    if (log)
        log(QStringLiteral("embedding %1 with the TorchScript encoder %2")
                .arg(c.dataset.path.isEmpty() ? c.dataset.format : c.dataset.path,
                     c.encoderScript));
    return embedded(c, rc, QStringLiteral("TorchScript encoder %1").arg(c.encoderScript), cancel,
                    log, QByteArray());
}

Expected<ClusteringData> fromRun(const ClusteringConfig &c, const QString &storePath,
                                 const std::atomic<bool> &cancel,
                                 const std::function<void(const QString &)> &log)
{
    const QString path = c.fromRunStore.isEmpty() ? storePath : c.fromRunStore;
    RunStoreOptions options;
    options.create = false;
    auto store = RunStore::open(path, options);
    if (!store)
        return store.error();
    auto id = store.value()->resolveRun(c.fromRun);
    if (!id)
        return id.error();
    auto run = store.value()->run(id.value());
    if (!run)
        return run.error();
    const QString what = QStringLiteral("run %1 (%2)").arg(id.value().left(8), run->name);
    if (run->family != RunFamily::Fare)
        return fileError(path, QStringLiteral("%1 is a %2 run; embeddings come from a FARE-family "
                                              "run (fare, sparse-fare, infonce, …)")
                                   .arg(what, runFamilyName(run->family)));
    auto runConfig = FareConfig::fromJson(run->config);
    if (!runConfig)
        return runConfig.error();
    FareConfig rc = runConfig.value();
    if (!c.dataset.path.isEmpty())
        rc.dataset = c.dataset;
    auto checkpoint = store.value()->artifact(id.value(), ArtifactKind::checkpoint());
    if (!checkpoint)
        return fileError(path, QStringLiteral("%1 has no checkpoint to take the encoder from: %2")
                                   .arg(what, checkpoint.error().toString()));
    if (log)
        log(QStringLiteral("embedding %1 with the encoder of %2 (epoch %3)")
                .arg(rc.dataset.path, what)
                .arg(checkpoint->record.epoch.value_or(-1)));
    return embedded(c, rc, what, cancel, log, checkpoint->bytes);
}

/// The rows of c's sample split embedded by a run's restored encoder (@p checkpoint) or, when
/// @p checkpoint is empty, by the TorchScript module c.encoderScript.
Expected<ClusteringData> embedded(const ClusteringConfig &c, const FareConfig &rc,
                                  const QString &what, const std::atomic<bool> &cancel,
                                  const std::function<void(const QString &)> &log,
                                  const QByteArray &checkpoint)
{
    Q_UNUSED(log)
    ReadContext ctx;
    ctx.cancelled = [&cancel] { return cancel.load(); };
    auto ds = openDataset(rc.dataset, ctx);
    if (!ds)
        return ds.error();
    // Checked before the (slow) embedding: a sensitive attribute the dataset lacks would leave
    // the run without groups, and the default "group" of feature files is no exception here.
    for (const QString &name : c.sensitive)
        if (!ds->attributes.contains(name))
            return fileError(
                rc.dataset.path,
                QStringLiteral("sensitive attribute '%1' is not an attribute of the "
                               "dataset of %2 (attributes: %3)")
                    .arg(name, what, ds->attributes.names().join(QStringLiteral(", "))));
    FareConfig sessionConfig = rc;
    if (checkpoint.isEmpty()) {
        // A TorchScript encoder: the session only prepares the images, but its config must
        // still name a discrete target and a sensitive attribute of the dataset, and its batch
        // must fit the training split of a small dataset.
        sessionConfig.batchSize = 4;
        for (const QString &name : ds->attributes.names()) {
            if (ds->attributes.column(name).isDiscrete()) {
                sessionConfig.target = name;
                sessionConfig.sensitive = {name};
                break;
            }
        }
    }
    auto session = FareSession::create(sessionConfig, ds.value());
    if (!session)
        return session.error();
    if (!checkpoint.isEmpty()) {
        auto restored = session.value()->restoreCheckpoint(checkpoint);
        if (!restored)
            return restored.error();
    }

    std::vector<qint64> samples;
    if (c.sampleSplit == QLatin1String("all")) {
        samples.resize(size_t(ds->size));
        std::iota(samples.begin(), samples.end(), 0);
    } else {
        const Split s = c.sampleSplit == QLatin1String("train") ? Split::Train
                        : c.sampleSplit == QLatin1String("val") ? Split::Val
                                                                : Split::Test;
        samples = ds->indicesOf(s);
    }
    if (c.sampleLimit > 0 && qint64(samples.size()) > c.sampleLimit) {
        std::mt19937_64 rng(c.seed * 0x9E3779B97F4A7C15ull + 101);
        std::shuffle(samples.begin(), samples.end(), rng);
        samples.resize(size_t(c.sampleLimit));
        std::sort(samples.begin(), samples.end());
    }
    if (samples.empty())
        return fileError(rc.dataset.path,
                         QStringLiteral("the %1 split has no samples").arg(c.sampleSplit));

    ClusteringData data;
    data.source = QStringLiteral("%1 of %2").arg(rc.dataset.path, what);
    int dim = 0;
    const int views = std::max(1, c.views);
    QVector<float> emb;
    if (checkpoint.isEmpty()) {
        auto scripted =
            session.value()->scriptedEmbeddings(c.encoderScript, samples, views, c.seed, &dim);
        if (!scripted)
            return scripted.error();
        emb = std::move(scripted.value());
    } else {
        emb = views == 1 ? session.value()->embeddings(samples, &dim)
                         : session.value()->augmentedEmbeddings(samples, views, c.seed, &dim);
    }
    if (cancel.load())
        return fileError(data.source, QStringLiteral("cancelled"));
    const qint64 rows = qint64(samples.size()) * views;
    data.features =
        std::make_shared<FeatureMatrix>(rows, dim, std::vector<float>(emb.begin(), emb.end()));
    // Sample-major rows: row i·views + v is view v of source sample i.
    std::vector<qint64> source(static_cast<size_t>(rows));
    for (qint64 r = 0; r < rows; ++r)
        source[size_t(r)] = samples[size_t(r / views)];
    if (views > 1) {
        for (qint64 r = 0; r < rows; ++r)
            data.identity.push_back(source[size_t(r)]);
    } else {
        if (!ds->attributes.contains(c.identity) || !ds->attributes.column(c.identity).isDiscrete())
            return fileError(
                rc.dataset.path,
                QStringLiteral("identity '%1' is not a discrete attribute of the "
                               "dataset (attributes: %2)")
                    .arg(c.identity, ds->attributes.names().join(QStringLiteral(", "))));
        const Attribute &id = ds->attributes.column(c.identity);
        for (qint64 r = 0; r < rows; ++r)
            data.identity.push_back(id.code(source[size_t(r)]));
    }
    ClusteringData groups;
    groups.source = data.source;
    auto assigned = assignClusteringGroups(ds->attributes, c, rc.dataset.path, groups);
    if (!assigned)
        return assigned.error();
    data.groupLabels = groups.groupLabels;
    data.warnings = groups.warnings;
    if (!groups.groupOf.empty())
        for (qint64 r = 0; r < rows; ++r)
            data.groupOf.push_back(groups.groupOf[size_t(source[size_t(r)])]);
    if (ds->images) {
        data.imageDataset = rc.dataset.toJson();
        data.imageIndex = source;
    }
    auto sub = subsampleGroupIdentities(c, data);
    if (!sub)
        return sub.error();
    return data;
}

} // namespace

Expected<ClusteringData> loadClusteringData(const ClusteringConfig &config,
                                            const QString &storePath,
                                            const std::atomic<bool> &cancel,
                                            const std::function<void(const QString &)> &log)
{
    if (!config.fromRun.isEmpty())
        return fromRun(config, storePath, cancel, log);
    if (!config.encoderScript.isEmpty())
        return fromScript(config, cancel, log);
    if (log)
        log(QStringLiteral("opening %1 (%2)").arg(config.dataset.path, config.dataset.format));
    ReadContext ctx;
    ctx.cancelled = [&cancel] { return cancel.load(); };
    auto ds = openDataset(config.dataset, ctx);
    if (!ds)
        return ds.error();
    return clusteringDataFromDataset(ds.value(), config);
}

} // namespace equiscope
