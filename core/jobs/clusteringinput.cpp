#include "clusteringinput.h"

#include "data/datasetreader.h"
#include "engine/runconfig.h"
#include "engine/trainingsession.h"
#include "store/runstore.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace equiscope {

namespace {

DataError inputError(const QString &file, const QString &detail)
{
    DataError e;
    e.file = file;
    e.detail = detail;
    return e;
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
        return inputError(path, QStringLiteral("%1 is a %2 run; embeddings come from a FARE-family "
                                               "run (fare, sparse-fare, infonce, …)")
                                    .arg(what, runFamilyName(run->family)));
    auto runConfig = RunConfig::fromJson(run->config);
    if (!runConfig)
        return runConfig.error();
    RunConfig rc = runConfig.value();
    if (!c.dataset.path.isEmpty())
        rc.dataset = c.dataset;
    auto checkpoint = store.value()->artifact(id.value(), QStringLiteral("checkpoint"));
    if (!checkpoint)
        return inputError(path, QStringLiteral("%1 has no checkpoint to take the encoder from: %2")
                                    .arg(what, checkpoint.error().toString()));
    if (log)
        log(QStringLiteral("embedding %1 with the encoder of %2 (epoch %3)")
                .arg(rc.dataset.path, what)
                .arg(checkpoint->record.epoch.value_or(-1)));
    ReadContext ctx;
    ctx.cancelled = [&cancel] { return cancel.load(); };
    auto ds = openDataset(rc.dataset, ctx);
    if (!ds)
        return ds.error();
    auto session = TrainingSession::create(rc, ds.value());
    if (!session)
        return session.error();
    auto restored = session.value()->restoreCheckpoint(checkpoint->bytes);
    if (!restored)
        return restored.error();

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
        return inputError(rc.dataset.path,
                          QStringLiteral("the %1 split has no samples").arg(c.sampleSplit));

    ClusteringData data;
    data.source = QStringLiteral("%1 of %2").arg(rc.dataset.path, what);
    int dim = 0;
    const int views = std::max(1, c.views);
    QVector<float> emb = views == 1
                             ? session.value()->embeddings(samples, &dim)
                             : session.value()->augmentedEmbeddings(samples, views, c.seed, &dim);
    if (cancel.load())
        return inputError(data.source, QStringLiteral("cancelled"));
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
            return inputError(
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
