#include "nn/embeddingset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <cstring>

namespace equiscope {

namespace {

const QByteArray kMagic = QByteArrayLiteral("EQEMB1\n");

DataError problem(const QString &source, const QString &detail)
{
    DataError e;
    e.file = source;
    e.detail = QStringLiteral("embeddings: %1").arg(detail);
    return e;
}

} // namespace

QByteArray EmbeddingSet::toBytes() const
{
    QJsonArray samplesJson, targetsJson, groupsJson;
    for (qint64 s : samples)
        samplesJson.append(double(s));
    for (int t : targets)
        targetsJson.append(t);
    for (int g : groups)
        groupsJson.append(g);
    const QByteArray header =
        QJsonDocument(
            QJsonObject{{QStringLiteral("count"), count()},
                        {QStringLiteral("dim"), dim},
                        {QStringLiteral("samples"), samplesJson},
                        {QStringLiteral("targets"), targetsJson},
                        {QStringLiteral("groups"), groupsJson},
                        {QStringLiteral("targetLabels"), QJsonArray::fromStringList(targetLabels)},
                        {QStringLiteral("groupLabels"), QJsonArray::fromStringList(groupLabels)},
                        {QStringLiteral("targetName"), targetName}})
            .toJson(QJsonDocument::Compact);
    QByteArray out = kMagic;
    quint32 length = qToLittleEndian(quint32(header.size()));
    out.append(reinterpret_cast<const char *>(&length), 4);
    out.append(header);
    const qsizetype start = out.size();
    out.resize(start + values.size() * qsizetype(sizeof(float)));
    char *dst = out.data() + start;
    for (float v : values) {
        quint32 bits = 0;
        std::memcpy(&bits, &v, 4);
        bits = qToLittleEndian(bits);
        std::memcpy(dst, &bits, 4);
        dst += 4;
    }
    return out;
}

Expected<EmbeddingSet> EmbeddingSet::fromBytes(const QByteArray &bytes, const QString &source)
{
    if (!bytes.startsWith(kMagic))
        return problem(source, QStringLiteral("not an embeddings artifact (no EQEMB1 header)"));
    if (bytes.size() < kMagic.size() + 4)
        return problem(source, QStringLiteral("truncated before the header length"));
    quint32 length = 0;
    std::memcpy(&length, bytes.constData() + kMagic.size(), 4);
    length = qFromLittleEndian(length);
    const qsizetype headerStart = kMagic.size() + 4;
    if (bytes.size() < headerStart + qsizetype(length))
        return problem(source, QStringLiteral("truncated header (%1 of %2 bytes)")
                                   .arg(bytes.size() - headerStart)
                                   .arg(length));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.mid(headerStart, length), &error);
    if (!doc.isObject())
        return problem(source, QStringLiteral("bad header: %1").arg(error.errorString()));
    const QJsonObject o = doc.object();
    EmbeddingSet e;
    e.dim = o.value(QStringLiteral("dim")).toInt();
    const int count = o.value(QStringLiteral("count")).toInt(-1);
    for (const QJsonValue &v : o.value(QStringLiteral("samples")).toArray())
        e.samples << qint64(v.toDouble());
    for (const QJsonValue &v : o.value(QStringLiteral("targets")).toArray())
        e.targets << v.toInt(-1);
    for (const QJsonValue &v : o.value(QStringLiteral("groups")).toArray())
        e.groups << v.toInt(-1);
    for (const QJsonValue &v : o.value(QStringLiteral("targetLabels")).toArray())
        e.targetLabels << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("groupLabels")).toArray())
        e.groupLabels << v.toString();
    e.targetName = o.value(QStringLiteral("targetName")).toString();
    if (count < 0 || e.dim <= 0 || e.samples.size() != count || e.targets.size() != count ||
        e.groups.size() != count)
        return problem(source, QStringLiteral("header says %1 rows of dimension %2 but lists %3 "
                                              "samples, %4 targets and %5 groups")
                                   .arg(count)
                                   .arg(e.dim)
                                   .arg(e.samples.size())
                                   .arg(e.targets.size())
                                   .arg(e.groups.size()));
    const qsizetype dataStart = headerStart + qsizetype(length);
    const qsizetype expected = qsizetype(count) * e.dim * qsizetype(sizeof(float));
    if (bytes.size() - dataStart != expected)
        return problem(source, QStringLiteral("%1 bytes of values, expected %2 (%3 × %4 float32)")
                                   .arg(bytes.size() - dataStart)
                                   .arg(expected)
                                   .arg(count)
                                   .arg(e.dim));
    e.values.resize(qsizetype(count) * e.dim);
    const char *src = bytes.constData() + dataStart;
    for (qsizetype i = 0; i < e.values.size(); ++i) {
        quint32 bits = 0;
        std::memcpy(&bits, src + i * 4, 4);
        bits = qFromLittleEndian(bits);
        std::memcpy(&e.values[i], &bits, 4);
    }
    return e;
}

} // namespace equiscope
