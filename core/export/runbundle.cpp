#include "export/runbundle.h"

#include "store/artifactkinds.h"

#include "data/datasetreader.h"
#include "fare/farejob.h"
#include "fare/faresession.h"
#include "fare/modelstate.h"
#include "store/runstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <cmath>
#include <limits>

namespace equiscope {

namespace {

const QString kManifestKind = QStringLiteral("bundle-manifest");
const QString kSplitKind = QStringLiteral("bundle-split");

template <typename T> T need(Expected<T> e)
{
    if (!e)
        throw DataException(e.error());
    return std::move(e.value());
}

QJsonArray indexArray(const std::vector<qint64> &v)
{
    QJsonArray a;
    for (qint64 x : v)
        a.append(double(x));
    return a;
}

QString listDigest(const std::vector<qint64> &v)
{
    QByteArray bytes(reinterpret_cast<const char *>(v.data()),
                     qsizetype(v.size() * sizeof(qint64)));
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString listDigest(const QJsonArray &a)
{
    std::vector<qint64> v;
    for (const QJsonValue &x : a)
        v.push_back(qint64(x.toDouble()));
    return listDigest(v);
}

RunStoreOptions inlineOptions()
{
    RunStoreOptions o;
    o.externalThreshold = std::numeric_limits<qint64>::max(); // one file: everything inline
    o.recoverOnOpen = false;
    return o;
}

bool isUnitRange(double v)
{
    return v >= -1.0 && v <= 1.0;
}

} // namespace

QString cpuModelName()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("model name")) {
            const int colon = line.indexOf(':');
            return QString::fromUtf8(line.mid(colon + 1)).trimmed();
        }
    return {};
}

Expected<BundleInfo> writeRunBundle(const QString &storePath, const QString &runKey,
                                    const QString &bundlePath, const BundleOptions &options)
{
    RunStoreOptions ro;
    ro.create = false;
    ro.recoverOnOpen = false;
    auto opened = RunStore::open(storePath, ro);
    if (!opened)
        return opened.error();
    const RunStore &src = *opened.value();
    if (QFileInfo(bundlePath).absoluteFilePath() == src.path())
        return fileError(bundlePath, QStringLiteral("the bundle cannot be the store itself"));
    BundleInfo info;
    info.path = QFileInfo(bundlePath).absoluteFilePath();
    try {
        const QString id = need(src.resolveRun(runKey));
        const RunRecord record = need(src.run(id));
        if (record.status != RunStatus::Finished)
            return fileError(storePath, QStringLiteral("run %1 is %2: only finished runs can be "
                                                       "bundled (their metrics are what a replay "
                                                       "checks)")
                                            .arg(id, runStatusName(record.status)));
        // A bundle vouches for the run it carries: a record the store could only partly read
        // is not bundled (its config or metrics would be replayed or checked as something else).
        if (!record.problems.isEmpty())
            return fileError(storePath, QStringLiteral("run %1 has a damaged record and is not "
                                                       "bundled: %2")
                                            .arg(id, record.problems.join(QStringLiteral("; "))));
        auto config = FareConfig::fromJson(record.config);
        if (!config) {
            DataError e = config.error();
            e.detail = QStringLiteral("the stored config of run %1 in %2").arg(id, storePath) +
                       (e.detail.isEmpty() ? QString() : QStringLiteral(": ") + e.detail);
            return e;
        }
        info.runId = id;

        // The split as the engine draws it (needs the dataset; recorded when available).
        QJsonObject split;
        QString splitNote;
        auto dataset = openDataset(config->dataset);
        if (dataset && dataset->fingerprint() == record.datasetFingerprint) {
            auto session = FareSession::create(config.value(), dataset.value());
            if (session) {
                split = QJsonObject{
                    {QStringLiteral("train"), indexArray(session.value()->trainSamples())},
                    {QStringLiteral("probeTrain"),
                     indexArray(session.value()->probeTrainSamples())},
                    {QStringLiteral("test"), indexArray(session.value()->testSamples())}};
            } else {
                splitNote = session.error().toString();
            }
        } else {
            splitNote = dataset ? QStringLiteral("the dataset here differs from the run's")
                                : dataset.error().toString();
        }

        QFile::remove(bundlePath);
        QFile::remove(bundlePath + QStringLiteral("-wal"));
        QFile::remove(bundlePath + QStringLiteral("-shm"));
        auto bundle = RunStore::open(bundlePath, inlineOptions());
        if (!bundle)
            return bundle.error();
        RunStore &dst = *bundle.value();
        RunRecord copy = record;
        copy.ownerPid = 0;
        need(dst.createRun(copy));
        for (const EpochRecord &e : need(src.epochs(id)))
            need(dst.recordEpoch(id, e.epoch, e.metrics, e.wallSeconds));
        QMap<QString, QVector<MetricRow>> byScope;
        for (const MetricRow &m : need(src.metrics(id, {})))
            byScope[m.scope].push_back(m);
        for (auto it = byScope.begin(); it != byScope.end(); ++it)
            need(dst.putMetrics(id, it.key(), it.value()));
        const QVector<ArtifactRecord> artifacts = need(src.artifacts(id));
        int lastCheckpoint = -1;
        for (const ArtifactRecord &a : artifacts)
            if (a.kind == ArtifactKind::checkpoint() && a.epoch)
                lastCheckpoint = std::max(lastCheckpoint, *a.epoch);
        for (const ArtifactRecord &a : artifacts) {
            if (a.kind == ArtifactKind::checkpoint() && !options.allCheckpoints &&
                a.epoch.value_or(-1) != lastCheckpoint)
                continue;
            ArtifactRecord c = a;
            c.id = 0;
            c.externalPath.clear();
            need(dst.putArtifact(id, c, need(src.artifactData(a))));
        }
        QJsonObject splitSizes;
        for (const QString &k : split.keys())
            splitSizes.insert(
                k, QJsonObject{{QStringLiteral("count"), split.value(k).toArray().size()},
                               {QStringLiteral("sha256"), listDigest(split.value(k).toArray())}});
        info.manifest = QJsonObject{
            {QStringLiteral("format"), QStringLiteral("equiscope-bundle")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("runId"), id},
            {QStringLiteral("created"), storeTimestamp(storeNow())},
            {QStringLiteral("seed"), QString::number(record.seed)},
            {QStringLiteral("threads"), record.versions.value(QStringLiteral("threads")).toInt()},
            {QStringLiteral("versions"), record.versions},
            {QStringLiteral("host"),
             QJsonObject{{QStringLiteral("name"), record.ownerHost},
                         {QStringLiteral("bundledOn"), QSysInfo::machineHostName()},
                         {QStringLiteral("cpu"), cpuModelName()},
                         {QStringLiteral("cores"), QThread::idealThreadCount()},
                         {QStringLiteral("kernel"), QSysInfo::kernelVersion()}}},
            {QStringLiteral("datasetFingerprint"), record.datasetFingerprint},
            {QStringLiteral("datasetSpec"), record.datasetSpec},
            {QStringLiteral("split"), splitSizes},
            {QStringLiteral("checkpointEpoch"), lastCheckpoint},
            {QStringLiteral("allCheckpoints"), options.allCheckpoints}};
        if (!splitNote.isEmpty())
            info.manifest.insert(QStringLiteral("splitNote"), splitNote);
        ArtifactRecord m;
        m.kind = kManifestKind;
        m.name = QStringLiteral("manifest.json");
        m.mime = QStringLiteral("application/json");
        need(dst.putArtifact(id, m, QJsonDocument(info.manifest).toJson()));
        if (!split.isEmpty()) {
            ArtifactRecord s;
            s.kind = kSplitKind;
            s.name = QStringLiteral("split.json");
            s.mime = QStringLiteral("application/json");
            need(dst.putArtifact(id, s, QJsonDocument(split).toJson(QJsonDocument::Compact)));
        }
    } catch (const DataException &e) {
        return e.error();
    }
    opened.value().reset();
    // Fold the WAL into the file so the bundle is one file.
    {
        auto reopened = RunStore::open(bundlePath, inlineOptions());
        if (!reopened)
            return reopened.error();
    }
    QFile::remove(bundlePath + QStringLiteral("-wal"));
    QFile::remove(bundlePath + QStringLiteral("-shm"));
    info.bytes = QFileInfo(bundlePath).size();
    return info;
}

QString ReplayReport::summary() const
{
    QString mode = sameEnvironment
                       ? QStringLiteral("same machine, versions and thread count: bit-exact "
                                        "expected")
                       : QStringLiteral("different environment (%1): tolerance ±%2 absolute for "
                                        "metrics in [0, 1], ±%3% relative otherwise")
                             .arg(environmentDifferences.join(QStringLiteral("; ")))
                             .arg(tolerance.absolute)
                             .arg(tolerance.relative * 100);
    QString verdict;
    if (bitExact)
        verdict = QStringLiteral("bit-exact: all %1 numbers identical").arg(comparisons.size());
    else if (withinTolerance)
        verdict = QStringLiteral("not bit-exact, within tolerance");
    else
        verdict = QStringLiteral("DIFFERS beyond tolerance");
    return QStringLiteral("replay of %1 (%2): %3; split %4. %5")
        .arg(runId, mode, verdict,
             splitMatches ? QStringLiteral("identical") : QStringLiteral("NOT identical"),
             passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
}

QJsonObject ReplayReport::toJson() const
{
    QJsonArray c;
    for (const ReplayComparison &x : comparisons)
        c.append(QJsonObject{{QStringLiteral("what"), x.what},
                             {QStringLiteral("original"), x.original},
                             {QStringLiteral("replayed"), x.replayed},
                             {QStringLiteral("difference"), x.difference},
                             {QStringLiteral("exact"), x.exact},
                             {QStringLiteral("withinTolerance"), x.withinTolerance}});
    return QJsonObject{{QStringLiteral("run"), runId},
                       {QStringLiteral("replayRun"), replayRunId},
                       {QStringLiteral("replayStore"), replayStore},
                       {QStringLiteral("sameEnvironment"), sameEnvironment},
                       {QStringLiteral("environmentDifferences"),
                        QJsonArray::fromStringList(environmentDifferences)},
                       {QStringLiteral("splitMatches"), splitMatches},
                       {QStringLiteral("bitExact"), bitExact},
                       {QStringLiteral("withinTolerance"), withinTolerance},
                       {QStringLiteral("passed"), passed},
                       {QStringLiteral("toleranceAbsolute"), tolerance.absolute},
                       {QStringLiteral("toleranceRelative"), tolerance.relative},
                       {QStringLiteral("comparisons"), c},
                       {QStringLiteral("summary"), summary()}};
}

Expected<ReplayReport> replayBundle(const QString &bundlePath, const ReplayOptions &options,
                                    const std::function<void(const QString &)> &log,
                                    const std::atomic<bool> &cancel)
{
    auto say = [&](const QString &m) {
        if (log)
            log(m);
    };
    ReplayReport report;
    report.tolerance = options.tolerance;
    RunStoreOptions ro = inlineOptions();
    ro.create = false;
    auto opened = RunStore::open(bundlePath, ro);
    if (!opened)
        return opened.error();
    const RunStore &bundle = *opened.value();
    RunRecord record;
    QJsonObject manifest, split;
    QVector<EpochRecord> epochs;
    QVector<MetricRow> metrics;
    QByteArray checkpoint;
    try {
        const QVector<RunRecord> runs = need(bundle.runs());
        if (runs.size() != 1)
            return fileError(bundlePath, QStringLiteral("a bundle holds exactly one run; this file "
                                                        "has %1")
                                             .arg(runs.size()));
        record = runs.first();
        manifest =
            QJsonDocument::fromJson(need(bundle.artifact(record.id, kManifestKind)).bytes).object();
        if (manifest.value(QStringLiteral("format")).toString() !=
            QLatin1String("equiscope-bundle"))
            return fileError(bundlePath, QStringLiteral("not an Equiscope bundle (no manifest)"));
        auto s = bundle.artifact(record.id, kSplitKind);
        if (s)
            split = QJsonDocument::fromJson(s->bytes).object();
        epochs = need(bundle.epochs(record.id));
        metrics = need(bundle.metrics(record.id));
        checkpoint = need(bundle.artifact(record.id, ArtifactKind::checkpoint())).bytes;
    } catch (const DataException &e) {
        return e.error();
    }
    report.runId = record.id;
    auto parsed = FareConfig::fromJson(record.config);
    if (!parsed)
        return parsed.error();
    FareConfig config = parsed.value();
    const int recordedThreads = manifest.value(QStringLiteral("threads")).toInt();
    config.threads = options.threads > 0 ? options.threads
                                         : (recordedThreads > 0 ? recordedThreads : config.threads);

    // Same data, same split.
    say(QStringLiteral("opening %1 (%2)").arg(config.dataset.path, config.dataset.format));
    auto dataset = openDataset(config.dataset);
    if (!dataset)
        return dataset.error();
    if (dataset->fingerprint() != record.datasetFingerprint)
        return fileError(config.dataset.path,
                         QStringLiteral("the dataset here (fingerprint %1) is not the one the run "
                                        "used (%2): a replay needs the same data")
                             .arg(dataset->fingerprint(), record.datasetFingerprint));
    {
        auto session = FareSession::create(config, dataset.value());
        if (!session)
            return session.error();
        if (split.isEmpty()) {
            report.splitMatches = true; // nothing recorded to compare against
            say(QStringLiteral("the bundle has no split record; relying on the seed"));
        } else {
            report.splitMatches = listDigest(split.value(QStringLiteral("train")).toArray()) ==
                                      listDigest(session.value()->trainSamples()) &&
                                  listDigest(split.value(QStringLiteral("probeTrain")).toArray()) ==
                                      listDigest(session.value()->probeTrainSamples()) &&
                                  listDigest(split.value(QStringLiteral("test")).toArray()) ==
                                      listDigest(session.value()->testSamples());
        }
    }

    // Environment: bit-exact results are expected only on the same CPU with the same versions
    // and thread count.
    const QJsonObject versions = manifest.value(QStringLiteral("versions")).toObject();
    const QString cpu =
        manifest.value(QStringLiteral("host")).toObject().value(QStringLiteral("cpu")).toString();
    if (cpu != cpuModelName())
        report.environmentDifferences
            << QStringLiteral("CPU '%1' vs '%2'").arg(cpu, cpuModelName());
    QStringList checked{QStringLiteral("equiscope"), QStringLiteral("libtorch"),
                        QStringLiteral("blas"), QStringLiteral("qt")};
    std::unique_ptr<FareJob> job;
    QString replayStore = options.storePath;
    std::unique_ptr<QTemporaryDir> tmp;
    if (replayStore.isEmpty()) {
        tmp = std::make_unique<QTemporaryDir>();
        replayStore = tmp->filePath(QStringLiteral("replay.sqlite"));
    }
    report.replayStore = replayStore;
    config.name =
        QStringLiteral("replay of %1").arg(record.name.isEmpty() ? record.id : record.name);
    job = std::make_unique<FareJob>(config, replayStore);
    QObject::connect(
        job.get(), &FareJob::logMessage, job.get(), [&](const QString &m) { say(m); },
        Qt::DirectConnection);
    job->start();
    while (!job->wait(200))
        if (cancel.load())
            job->requestCancel();
    if (job->outcome() != JobOutcome::Finished)
        return fileError(replayStore,
                         QStringLiteral("the replay did not finish: %1").arg(job->message()));
    report.replayRunId = job->runId();

    auto replayed = RunStore::open(replayStore);
    if (!replayed)
        return replayed.error();
    QVector<EpochRecord> newEpochs;
    QVector<MetricRow> newMetrics;
    QByteArray newCheckpoint;
    RunRecord newRecord;
    try {
        newRecord = need(replayed.value()->run(report.replayRunId));
        newEpochs = need(replayed.value()->epochs(report.replayRunId));
        newMetrics = need(replayed.value()->metrics(report.replayRunId));
        newCheckpoint =
            need(replayed.value()->artifact(report.replayRunId, ArtifactKind::checkpoint())).bytes;
    } catch (const DataException &e) {
        return e.error();
    }
    for (const QString &k : checked)
        if (versions.value(k) != newRecord.versions.value(k))
            report.environmentDifferences
                << QStringLiteral("%1 %2 vs %3")
                       .arg(k, versions.value(k).toVariant().toString(),
                            newRecord.versions.value(k).toVariant().toString());
    const int newThreads = newRecord.versions.value(QStringLiteral("threads")).toInt();
    if (recordedThreads != newThreads)
        report.environmentDifferences
            << QStringLiteral("%1 threads vs %2").arg(recordedThreads).arg(newThreads);
    report.sameEnvironment = report.environmentDifferences.isEmpty();

    auto compare = [&](const QString &what, double a, double b) {
        ReplayComparison c;
        c.what = what;
        c.original = a;
        c.replayed = b;
        c.difference = std::abs(b - a);
        c.exact = a == b || (std::isnan(a) && std::isnan(b));
        const double allowed =
            isUnitRange(a) ? options.tolerance.absolute : options.tolerance.relative * std::abs(a);
        c.withinTolerance = c.exact || c.difference <= allowed;
        report.comparisons.push_back(c);
    };
    auto missing = [&](const QString &what, double a) {
        report.comparisons.push_back(ReplayComparison{what, a, NAN, INFINITY, false, false});
    };
    for (const EpochRecord &e : epochs) {
        const EpochRecord *match = nullptr;
        for (const EpochRecord &n : newEpochs)
            if (n.epoch == e.epoch)
                match = &n;
        for (const QString &key : {QStringLiteral("loss"), QStringLiteral("attentionEntropy")}) {
            if (!e.metrics.value(key).isDouble())
                continue;
            const QString what = QStringLiteral("epoch %1 %2").arg(e.epoch).arg(key);
            if (!match || !match->metrics.value(key).isDouble())
                missing(what, e.metrics.value(key).toDouble());
            else
                compare(what, e.metrics.value(key).toDouble(),
                        match->metrics.value(key).toDouble());
        }
    }
    for (const MetricRow &m : metrics) {
        if (m.scope != QLatin1String("final"))
            continue;
        const QString what =
            m.group.isEmpty() ? m.name : QStringLiteral("%1 [%2]").arg(m.name, m.group);
        const MetricRow *match = nullptr;
        for (const MetricRow &n : newMetrics)
            if (n.name == m.name && n.group == m.group && n.scope == m.scope)
                match = &n;
        if (!match) {
            missing(what, m.value);
            continue;
        }
        compare(what, m.value, match->value);
        if (m.ciLow && match->ciLow)
            compare(what + QStringLiteral(" CI low"), *m.ciLow, *match->ciLow);
        if (m.ciHigh && match->ciHigh)
            compare(what + QStringLiteral(" CI high"), *m.ciHigh, *match->ciHigh);
    }
    // Final weights: the largest absolute difference over every tensor.
    auto a = modelStateFromCheckpoint(config, checkpoint);
    auto b = modelStateFromCheckpoint(config, newCheckpoint);
    if (a && b) {
        double maxDiff = 0;
        bool identical = a->tensors.size() == b->tensors.size();
        for (int i = 0; identical && i < a->tensors.size(); ++i) {
            const NamedTensor &x = a->tensors[i], &y = b->tensors[i];
            if (x.data == y.data)
                continue;
            identical = false;
            if (x.dtype == QLatin1String("F32") && x.data.size() == y.data.size()) {
                const float *px = reinterpret_cast<const float *>(x.data.constData());
                const float *py = reinterpret_cast<const float *>(y.data.constData());
                for (qint64 k = 0; k < x.elementCount(); ++k)
                    maxDiff = std::max(maxDiff, double(std::abs(px[k] - py[k])));
            }
        }
        ReplayComparison w{QStringLiteral("final weights (max |Δ|)"),
                           0,
                           maxDiff,
                           maxDiff,
                           identical && maxDiff == 0,
                           true};
        report.comparisons.push_back(w);
    }
    report.bitExact = report.splitMatches;
    report.withinTolerance = report.splitMatches;
    for (const ReplayComparison &c : report.comparisons) {
        report.bitExact = report.bitExact && c.exact;
        report.withinTolerance = report.withinTolerance && c.withinTolerance;
    }
    report.passed = report.sameEnvironment ? report.bitExact : report.withinTolerance;
    if (tmp)
        report.replayStore = QStringLiteral("(temporary, removed)");
    return report;
}

} // namespace equiscope
