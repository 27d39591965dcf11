// RunStore: folding stores into one (sweeps write one store per process) and CSV export.
#include "store/runstore.h"

#include "store/sqliteconnection.h"
#include "store/sqlitestatement.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace equiscope {

namespace {

QJsonValue optionalJson(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvNumber(const SqliteStatement &s, int column)
{
    return s.isNull(column) ? QString()
                            : QString::number(s.real(column), 'g', QLocale::FloatingPointShortest);
}

} // namespace

QByteArray RunStore::contentDigest(const QString &id) const
{
    // Everything a run is made of except where its bytes happen to live (inline or file).
    const RunRecord r = readRun(id);
    QJsonObject run{{QStringLiteral("id"), r.id},
                    {QStringLiteral("name"), r.name},
                    {QStringLiteral("method"), r.method},
                    {QStringLiteral("family"), runFamilyName(r.family)},
                    {QStringLiteral("config"), r.config},
                    {QStringLiteral("status"), runStatusName(r.status)},
                    {QStringLiteral("statusMessage"), r.statusMessage},
                    {QStringLiteral("created"), storeTimestamp(r.createdAt)},
                    {QStringLiteral("started"), storeTimestamp(r.startedAt)},
                    {QStringLiteral("finished"), storeTimestamp(r.finishedAt)},
                    {QStringLiteral("versions"), r.versions},
                    {QStringLiteral("fingerprint"), r.datasetFingerprint},
                    {QStringLiteral("datasetSpec"), r.datasetSpec},
                    {QStringLiteral("seed"), QString::number(r.seed)},
                    {QStringLiteral("pid"), QString::number(r.ownerPid)},
                    {QStringLiteral("host"), r.ownerHost},
                    {QStringLiteral("heartbeat"), storeTimestamp(r.heartbeatAt)},
                    {QStringLiteral("epoch"), r.currentEpoch},
                    {QStringLiteral("notes"), r.notes}};
    QJsonArray epochs;
    for (const EpochRecord &e : readEpochs(id))
        epochs.append(QJsonArray{e.epoch, e.metrics, e.wallSeconds, storeTimestamp(e.recordedAt)});
    QJsonArray metrics;
    for (const MetricRow &m : readMetrics(id, {}))
        metrics.append(QJsonArray{
            m.scope, m.name, m.value, optionalJson(m.ciLow), optionalJson(m.ciHigh), m.group,
            m.groupSize ? QJsonValue(QString::number(*m.groupSize)) : QJsonValue()});
    QJsonArray artifacts;
    for (const ArtifactRecord &a : readArtifacts(id, {}))
        artifacts.append(QJsonArray{a.kind, a.epoch ? QJsonValue(*a.epoch) : QJsonValue(), a.name,
                                    a.mime, QString::number(a.size), a.sha256,
                                    storeTimestamp(a.createdAt)});
    const QJsonArray all{run, epochs, metrics, artifacts};
    return QCryptographicHash::hash(QJsonDocument(all).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256);
}

Expected<QByteArray> RunStore::runDigest(const QString &id) const
{
    return locked([&] {
        readRun(id);
        return contentDigest(id);
    });
}

void RunStore::copyRunFrom(const RunStore &source, const QString &id)
{
    const auto need = [](auto result) {
        if (!result)
            throw DataException(result.error());
        return std::move(result.value());
    };
    SqliteTransaction tx(*m_db);
    insertRunRow(need(source.run(id)));
    for (const EpochRecord &e : need(source.epochs(id)))
        upsertEpochRow(id, e);
    for (const MetricRow &m : need(source.metrics(id, {})))
        insertMetricRow(id, m.scope, m);
    // One artifact in memory at a time: checkpoints can be large.
    for (const ArtifactRecord &a : need(source.artifacts(id)))
        writeArtifact(id, a, need(source.artifactData(a)));
    tx.commit();
}

Expected<MergeReport> RunStore::mergeStores(const QStringList &sources, const QString &into)
{
    auto target = open(into);
    if (!target)
        return target.error();
    RunStore &dst = *target.value();
    RunStoreOptions readOptions;
    readOptions.create = false;
    readOptions.recoverOnOpen = false; // a merge never rewrites its inputs
    std::vector<std::unique_ptr<RunStore>> stores;
    for (const QString &path : sources) {
        if (QFileInfo(path).absoluteFilePath() == dst.path())
            return DataError{
                path, -1, -1, {}, {}, {}, QStringLiteral("a store cannot be merged into itself")};
        auto source = open(path, readOptions);
        if (!source)
            return source.error();
        stores.push_back(std::move(source.value()));
    }
    MergeReport report;
    for (const auto &src : stores) {
        auto runs = src->runs();
        if (!runs)
            return runs.error();
        // Oldest first so the target's insertion order follows creation.
        for (auto it = runs->crbegin(); it != runs->crend(); ++it) {
            const QString &id = it->id;
            auto result = dst.locked([&] {
                SqliteStatement exists(*dst.m_db, "SELECT 1 FROM runs WHERE id = ?1");
                if (!exists.bind(1, id).next()) {
                    dst.copyRunFrom(*src, id);
                    return 0;
                }
                const QByteArray mine = dst.contentDigest(id);
                auto theirs = src->locked([&] { return src->contentDigest(id); });
                if (!theirs)
                    throw DataException(theirs.error());
                return mine == theirs.value() ? 1 : 2;
            });
            if (!result) {
                report.conflicts.append(
                    MergeConflict{id, src->path(),
                                  QStringLiteral("not copied: %1").arg(result.error().toString())});
            } else if (result.value() == 0) {
                report.copied.append(id);
            } else if (result.value() == 1) {
                report.skipped.append(id);
            } else {
                report.conflicts.append(
                    MergeConflict{id, src->path(),
                                  QStringLiteral("already in %1 with different content; "
                                                 "left unchanged")
                                      .arg(dst.path())});
            }
        }
    }
    return report;
}

Expected<Done> RunStore::exportMetricsCsv(QIODevice *out) const
{
    if (!out || !out->isWritable())
        return DataError{m_path,
                         -1,
                         -1,
                         {},
                         {},
                         {},
                         QStringLiteral("CSV export needs a device open for writing")};
    return locked([&] {
        const auto write = [&](const QStringList &fields) {
            const QByteArray line = (fields.join(QLatin1Char(',')) + QLatin1Char('\n')).toUtf8();
            if (out->write(line) != line.size())
                throwDataProblem(m_path,
                                 QStringLiteral("writing CSV failed: %1").arg(out->errorString()));
        };
        write({QStringLiteral("run_id"), QStringLiteral("run_name"), QStringLiteral("method"),
               QStringLiteral("status"), QStringLiteral("scope"), QStringLiteral("metric"),
               QStringLiteral("group"), QStringLiteral("group_size"), QStringLiteral("value"),
               QStringLiteral("ci_lo"), QStringLiteral("ci_hi")});
        // Stored metrics (final, per group, with CIs) first, then every number of the per-epoch
        // records (loss, learning rate, ...) as scope "epoch:N", so the CSV holds all metrics.
        SqliteStatement s(*m_db,
                          "SELECT r.id, r.name, r.method, r.status, m.scope, m.name, "
                          "m.group_label, m.group_size, m.value, m.ci_lo, m.ci_hi, "
                          "r.created_at AS c, 0 AS part, 0 AS epoch, m.id AS k "
                          "FROM metrics m JOIN runs r ON r.id = m.run_id "
                          "UNION ALL "
                          "SELECT r.id, r.name, r.method, r.status, 'epoch:' || e.epoch, j.key, "
                          "NULL, NULL, j.value, NULL, NULL, r.created_at, 1, e.epoch, j.id "
                          "FROM epochs e JOIN runs r ON r.id = e.run_id, json_each(e.metrics) j "
                          "WHERE j.type IN ('integer', 'real') "
                          "ORDER BY c, 1, part, epoch, 5, k");
        while (s.next()) {
            write({csvField(s.text(0)), csvField(s.text(1)), csvField(s.text(2)), s.text(3),
                   csvField(s.text(4)), csvField(s.text(5)), csvField(s.text(6)),
                   s.isNull(7) ? QString() : QString::number(s.int64(7)), csvNumber(s, 8),
                   csvNumber(s, 9), csvNumber(s, 10)});
        }
        return Done{};
    });
}

} // namespace equiscope
