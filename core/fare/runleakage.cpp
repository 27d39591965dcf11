#include "fare/runleakage.h"

#include "data/datasetreader.h"
#include "data/imagecache.h"
#include "eval/summarystats.h"
#include "fare/fareconfig.h"
#include "nn/embeddingset.h"
#include "store/artifactkinds.h"
#include "store/runstore.h"
#include "util/texttable.h"

#include <QJsonArray>

#include <cmath>

namespace equiscope {

namespace {

/// A run's stored representation with the attributes of its images, from its own dataset.
struct RunFeatures
{
    RunRecord run;
    EmbeddingSet embeddings;
    Dataset dataset;
    AttributeTable attributes; ///< one row per embedding row
};

Expected<RunFeatures> loadRunFeatures(RunStore &store, const QString &storePath, const QString &key,
                                      const DatasetOpener &open)
{
    auto id = store.resolveRun(key);
    if (!id)
        return id.error();
    auto run = store.run(id.value());
    if (!run)
        return run.error();
    RunFeatures f;
    f.run = run.value();
    const QString what = QStringLiteral("run %1 (%2)").arg(f.run.id.left(8), f.run.method);
    if (f.run.family != RunFamily::Fare)
        return fileError(storePath, QStringLiteral("%1 is a %2 run; leakage is probed on the "
                                                   "representation of a FARE-family run")
                                        .arg(what, runFamilyName(f.run.family)));
    auto artifact = store.artifact(f.run.id, ArtifactKind::embeddings());
    if (!artifact)
        return fileError(storePath, QStringLiteral("%1 has no stored representation (it is "
                                                   "written when a run finishes): %2")
                                        .arg(what, artifact.error().toString()));
    auto set = EmbeddingSet::fromBytes(artifact->bytes, what);
    if (!set)
        return set.error();
    f.embeddings = set.value();
    auto config = FareConfig::fromJson(f.run.config);
    if (!config)
        return config.error();
    auto ds = open ? open(config->dataset) : openDataset(config->dataset, ReadContext{});
    if (!ds)
        return ds.error();
    f.dataset = ds.value();
    // Sample indices come from the store: checked against the dataset before use.
    std::vector<qint64> rows;
    for (const qint64 s : f.embeddings.samples) {
        if (s < 0 || s >= f.dataset.size)
            return fileError(storePath, QStringLiteral("%1: sample %2 of its representation is "
                                                       "outside its dataset (%3 samples): was the "
                                                       "dataset changed?")
                                            .arg(what)
                                            .arg(s)
                                            .arg(f.dataset.size));
        rows.push_back(s);
    }
    f.attributes = f.dataset.attributes.subset(rows);
    return f;
}

QString cell(const AttributeLeakage *a)
{
    if (!a || !std::isfinite(a->value))
        return QStringLiteral("—");
    const bool percent = a->measure == QLatin1String("accuracy");
    const auto fmt = [&](double v) {
        return percent ? QString::number(100 * v, 'f', 1) + QLatin1Char('%')
                       : QString::number(v, 'f', 3);
    };
    QString text = fmt(a->value);
    if (std::isfinite(a->low) && std::isfinite(a->high))
        text += QStringLiteral(" [%1, %2]").arg(fmt(a->low), fmt(a->high));
    return text;
}

} // namespace

QVector<float> pooledPixels(const Dataset &dataset, const QVector<qint64> &samples, int *dim)
{
    *dim = 0;
    if (!dataset.images)
        return {};
    const ImageCache::Shape &s = dataset.images->shape();
    const int poolY = std::max(1, (s.height + 7) / 8), poolX = std::max(1, (s.width + 7) / 8);
    const int outH = (s.height + poolY - 1) / poolY, outW = (s.width + poolX - 1) / poolX;
    *dim = outH * outW * s.channels;
    QVector<float> out;
    out.reserve(samples.size() * *dim);
    for (const qint64 sample : samples) {
        if (sample < 0 || sample >= s.count) {
            *dim = 0;
            return {};
        }
        const uchar *img = dataset.images->image(sample);
        for (int oy = 0; oy < outH; ++oy)
            for (int ox = 0; ox < outW; ++ox)
                for (int c = 0; c < s.channels; ++c) {
                    double sum = 0;
                    int n = 0;
                    for (int y = oy * poolY; y < std::min(s.height, (oy + 1) * poolY); ++y)
                        for (int x = ox * poolX; x < std::min(s.width, (ox + 1) * poolX); ++x) {
                            sum += img[(qint64(y) * s.width + x) * s.channels + c];
                            ++n;
                        }
                    out.append(float(sum / (255.0 * std::max(1, n))));
                }
    }
    return out;
}

Expected<RunLeakage> measureRunLeakage(const RunLeakageRequest &request)
{
    RunStoreOptions storeOptions;
    storeOptions.create = false;
    auto store = RunStore::open(request.storePath, storeOptions);
    if (!store)
        return store.error();
    auto main = loadRunFeatures(*store.value(), request.storePath, request.run, request.open);
    if (!main)
        return main.error();
    RunLeakage result;
    result.runId = main->run.id;
    result.runName = main->run.name;
    result.method = main->run.method;
    result.folds = request.options.folds;
    const auto probe = [&](const QVector<float> &features, int dim, const AttributeTable &table,
                           const QString &source) -> Expected<Done> {
        auto p = probeLeakage(features, dim, table, request.options, source);
        if (!p)
            return p.error();
        result.probes.append(p.value());
        return Done{};
    };
    auto done = probe(main->embeddings.values, main->embeddings.dim, main->attributes,
                      QStringLiteral("%1 (run %2)").arg(main->run.method, main->run.id.left(8)));
    if (!done)
        return done.error();
    if (!request.baseline.isEmpty()) {
        auto base =
            loadRunFeatures(*store.value(), request.storePath, request.baseline, request.open);
        if (!base)
            return base.error();
        if (base->run.datasetFingerprint != main->run.datasetFingerprint)
            result.warnings << QStringLiteral("the baseline was trained on other data (dataset "
                                              "fingerprints differ): compare with care");
        done = probe(base->embeddings.values, base->embeddings.dim, base->attributes,
                     QStringLiteral("%1 (run %2)").arg(base->run.method, base->run.id.left(8)));
        if (!done)
            return done.error();
    }
    if (request.rawPixels) {
        int dim = 0;
        const QVector<float> pixels = pooledPixels(main->dataset, main->embeddings.samples, &dim);
        if (dim == 0)
            result.warnings << QStringLiteral("the dataset has no images: no raw-pixel probe");
        else if (!(done = probe(pixels, dim, main->attributes, QStringLiteral("raw pixels"))))
            return done.error();
    }
    return result;
}

QJsonObject RunLeakage::toJson() const
{
    QJsonArray list;
    for (const LeakageProbe &p : probes)
        list.append(p.toJson());
    return QJsonObject{{QStringLiteral("run"), runId},
                       {QStringLiteral("name"), runName},
                       {QStringLiteral("method"), method},
                       {QStringLiteral("probes"), list},
                       {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
}

QString RunLeakage::toText() const
{
    if (probes.isEmpty())
        return {};
    QVector<QStringList> rows;
    QStringList header{QStringLiteral("attribute"), QStringLiteral("measure")};
    for (const LeakageProbe &p : probes)
        header << p.source;
    header << QStringLiteral("chance");
    rows.append(header);
    for (const AttributeLeakage &a : probes.first().attributes) {
        QStringList row{a.attribute, a.measure};
        for (const LeakageProbe &p : probes)
            row << cell(p.attribute(a.attribute));
        row << (a.measure == QLatin1String("accuracy") && std::isfinite(a.chance)
                    ? QString::number(100 * a.chance, 'f', 1) + QLatin1Char('%')
                    : QStringLiteral("0"));
        rows.append(row);
    }
    QString text = QStringLiteral("representation leakage of run %1 (%2): linear probes, %3-fold, "
                                  "on %4 test images; 95 % bootstrap intervals\n")
                       .arg(runId.left(8), method)
                       .arg(folds)
                       .arg(probes.first().rows);
    text += alignedColumns(rows);
    for (const AttributeLeakage &a : probes.first().attributes)
        if (!a.note.isEmpty())
            text += QStringLiteral("note: %1: %2\n").arg(a.attribute, a.note);
    for (const QString &w : warnings)
        text += QStringLiteral("warning: %1\n").arg(w);
    return text;
}

} // namespace equiscope
