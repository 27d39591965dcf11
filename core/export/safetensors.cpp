#include "export/safetensors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <set>

namespace equiscope {

namespace {

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "safetensors data is little-endian");

// The reference implementation's dtype order; tensors are sorted by it, descending.
const QStringList kDtypeOrder{"BOOL", "U8",  "I8",  "F8_E5M2", "F8_E4M3", "I16", "U16", "F16",
                              "BF16", "I32", "U32", "F32",     "F64",     "I64", "U64"};

QByteArray jsonString(const QString &text)
{
    QByteArray out("\"");
    for (char c : text.toUtf8()) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += QByteArray("\\u00") + QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    return out + '"';
}

DataError formatError(const QString &file, qint64 offset, const QString &expected,
                      const QString &found)
{
    DataError e;
    e.file = file;
    e.offset = offset;
    e.expected = expected;
    e.found = found;
    return e;
}

} // namespace

Expected<QByteArray> encodeSafetensors(const QVector<NamedTensor> &tensors,
                                       const QMap<QString, QString> &metadata)
{
    QVector<const NamedTensor *> order;
    std::set<QString> names;
    for (const NamedTensor &t : tensors) {
        const int size = NamedTensor::elementSize(t.dtype);
        if (size == 0 || !kDtypeOrder.contains(t.dtype))
            return formatError({}, -1, QStringLiteral("a safetensors dtype"),
                               QStringLiteral("'%1' for tensor '%2'").arg(t.dtype, t.name));
        if (t.data.size() != t.elementCount() * size)
            return formatError(
                {}, -1,
                QStringLiteral("%1 bytes for tensor '%2'").arg(t.elementCount() * size).arg(t.name),
                QString::number(t.data.size()));
        if (t.name == QLatin1String("__metadata__") || !names.insert(t.name).second)
            return formatError({}, -1, QStringLiteral("unique tensor names"),
                               QStringLiteral("'%1' twice or reserved").arg(t.name));
        order.push_back(&t);
    }
    std::stable_sort(order.begin(), order.end(), [](const NamedTensor *a, const NamedTensor *b) {
        const int da = int(kDtypeOrder.indexOf(a->dtype)), db = int(kDtypeOrder.indexOf(b->dtype));
        if (da != db)
            return da > db;
        return a->name.toUtf8() < b->name.toUtf8();
    });
    QByteArray header("{");
    bool first = true;
    if (!metadata.isEmpty()) {
        header += "\"__metadata__\":{";
        bool firstMeta = true;
        for (auto it = metadata.begin(); it != metadata.end(); ++it) {
            if (!firstMeta)
                header += ',';
            firstMeta = false;
            header += jsonString(it.key()) + ':' + jsonString(it.value());
        }
        header += '}';
        first = false;
    }
    qint64 offset = 0;
    for (const NamedTensor *t : order) {
        if (!first)
            header += ',';
        first = false;
        QByteArray shape("[");
        for (size_t i = 0; i < t->shape.size(); ++i)
            shape += (i ? "," : "") + QByteArray::number(t->shape[i]);
        shape += ']';
        const qint64 end = offset + t->data.size();
        header += jsonString(t->name) + ":{\"dtype\":" + jsonString(t->dtype) +
                  ",\"shape\":" + shape + ",\"data_offsets\":[" + QByteArray::number(offset) + ',' +
                  QByteArray::number(end) + "]}";
        offset = end;
    }
    header += '}';
    // Padding with spaces makes the data start 8-byte aligned (as the reference writer does).
    header += QByteArray((8 - header.size() % 8) % 8, ' ');
    QByteArray out;
    out.reserve(8 + header.size() + offset);
    const quint64 n = quint64(header.size());
    for (int i = 0; i < 8; ++i)
        out += char((n >> (8 * i)) & 0xff);
    out += header;
    for (const NamedTensor *t : order)
        out += t->data;
    return out;
}

Expected<SafetensorsContent> decodeSafetensors(const QByteArray &bytes, const QString &file)
{
    if (bytes.size() < 8)
        return formatError(file, 0, QStringLiteral("an 8-byte header length"),
                           QStringLiteral("%1 bytes").arg(bytes.size()));
    quint64 n = 0;
    for (int i = 7; i >= 0; --i)
        n = (n << 8) | quint8(bytes[i]);
    if (n < 2 || n > quint64(bytes.size() - 8) || n > 100u * 1024 * 1024)
        return formatError(file, 0,
                           QStringLiteral("a header length of at most %1").arg(bytes.size() - 8),
                           QString::number(n));
    const QByteArray header = bytes.mid(8, qsizetype(n));
    if (header[0] != '{')
        return formatError(
            file, 8, QStringLiteral("a JSON object starting with '{'"),
            QStringLiteral("byte 0x%1").arg(quint8(header[0]), 2, 16, QLatin1Char('0')));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(header, &err);
    if (!doc.isObject())
        return formatError(file, 8 + err.offset, QStringLiteral("a JSON header"),
                           err.errorString());
    const QJsonObject o = doc.object();
    const qint64 dataStart = 8 + qint64(n);
    const qint64 dataSize = bytes.size() - dataStart;
    SafetensorsContent content;
    struct Entry
    {
        qint64 begin, end;
        NamedTensor t;
    };
    std::vector<Entry> entries;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__")) {
            const QJsonObject meta = it.value().toObject();
            for (auto m = meta.begin(); m != meta.end(); ++m) {
                if (!m.value().isString())
                    return formatError(file, 8, QStringLiteral("string values in __metadata__"),
                                       QStringLiteral("'%1'").arg(m.key()));
                content.metadata.insert(m.key(), m.value().toString());
            }
            continue;
        }
        const QJsonObject info = it.value().toObject();
        NamedTensor t;
        t.name = it.key();
        t.dtype = info.value(QStringLiteral("dtype")).toString();
        const int size = NamedTensor::elementSize(t.dtype);
        if (size == 0)
            return formatError(file, 8, QStringLiteral("a known dtype for '%1'").arg(t.name),
                               t.dtype);
        for (const QJsonValue &v : info.value(QStringLiteral("shape")).toArray()) {
            if (!v.isDouble() || v.toDouble() < 0)
                return formatError(
                    file, 8, QStringLiteral("non-negative dimensions for '%1'").arg(t.name),
                    QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));
            t.shape.push_back(qint64(v.toDouble()));
        }
        const QJsonArray off = info.value(QStringLiteral("data_offsets")).toArray();
        if (off.size() != 2)
            return formatError(file, 8,
                               QStringLiteral("data_offsets [begin, end] for '%1'").arg(t.name),
                               QString::number(off.size()) + QStringLiteral(" values"));
        const qint64 begin = qint64(off[0].toDouble()), end = qint64(off[1].toDouble());
        if (begin < 0 || end < begin || end > dataSize || end - begin != t.elementCount() * size)
            return formatError(file, dataStart + begin,
                               QStringLiteral("%1 bytes for '%2' inside the %3-byte data")
                                   .arg(t.elementCount() * size)
                                   .arg(t.name)
                                   .arg(dataSize),
                               QStringLiteral("offsets [%1, %2]").arg(begin).arg(end));
        t.data = bytes.mid(qsizetype(dataStart + begin), qsizetype(end - begin));
        entries.push_back({begin, end, t});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.begin < b.begin; });
    qint64 expected = 0;
    for (const Entry &e : entries) {
        if (e.begin != expected)
            return formatError(
                file, dataStart + e.begin,
                QStringLiteral("tensor data without gaps or overlaps (next at %1)").arg(expected),
                QStringLiteral("'%1' at %2").arg(e.t.name).arg(e.begin));
        expected = e.end;
        content.tensors.push_back(e.t);
    }
    if (expected != dataSize)
        return formatError(file, dataStart + expected,
                           QStringLiteral("tensors covering all %1 data bytes").arg(dataSize),
                           QStringLiteral("%1 bytes covered").arg(expected));
    return content;
}

Expected<Done> writeSafetensorsFile(const QString &path, const QVector<NamedTensor> &tensors,
                                    const QMap<QString, QString> &metadata)
{
    auto bytes = encodeSafetensors(tensors, metadata);
    if (!bytes) {
        DataError e = bytes.error();
        e.file = path;
        return e;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes.value()) != bytes->size() || !f.commit())
        return DataError{
            path, -1, -1, {}, {}, {}, QStringLiteral("cannot write: %1").arg(f.errorString())};
    return Done{};
}

Expected<SafetensorsContent> readSafetensorsFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return DataError{
            path, -1, -1, {}, {}, {}, QStringLiteral("cannot read: %1").arg(f.errorString())};
    return decodeSafetensors(f.readAll(), path);
}

} // namespace equiscope
