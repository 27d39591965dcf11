#include "data/dataset.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>
#include <random>

namespace equiscope {

QString splitName(Split split)
{
    switch (split) {
    case Split::Train:
        return QStringLiteral("train");
    case Split::Val:
        return QStringLiteral("val");
    case Split::Test:
        return QStringLiteral("test");
    }
    return {};
}

QJsonObject DatasetSpec::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), format);
    o.insert(QStringLiteral("path"), path);
    o.insert(QStringLiteral("options"), QJsonObject::fromVariantMap(options));
    return o;
}

DatasetSpec DatasetSpec::fromJson(const QJsonObject &json)
{
    DatasetSpec s;
    s.format = json.value(QStringLiteral("format")).toString();
    s.path = json.value(QStringLiteral("path")).toString();
    s.options = json.value(QStringLiteral("options")).toObject().toVariantMap();
    return s;
}

QMap<Split, qint64> Dataset::splitCounts() const
{
    QMap<Split, qint64> counts;
    for (Split s : splits)
        ++counts[s];
    return counts;
}

std::vector<qint64> Dataset::indicesOf(Split split) const
{
    std::vector<qint64> out;
    for (size_t i = 0; i < splits.size(); ++i)
        if (splits[i] == split)
            out.push_back(qint64(i));
    return out;
}

QString Dataset::fingerprint() const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
    h.addData(QByteArray::number(size));
    for (const Attribute &a : attributes.columns()) {
        h.addData(a.name().toUtf8());
        h.addData(a.levels().join(QLatin1Char('\x1f')).toUtf8());
        h.addData(QByteArrayView(reinterpret_cast<const char *>(a.codes().data()),
                                 qsizetype(a.codes().size() * sizeof(int32_t))));
        h.addData(QByteArrayView(reinterpret_cast<const char *>(a.values().data()),
                                 qsizetype(a.values().size() * sizeof(float))));
    }
    h.addData(
        QByteArrayView(reinterpret_cast<const char *>(splits.data()), qsizetype(splits.size())));
    if (images) {
        // Sample the pixels rather than hashing gigabytes: every 97th image.
        const qint64 bytes = images->shape().imageBytes();
        for (qint64 i = 0; i < images->count(); i += 97)
            h.addData(QByteArrayView(reinterpret_cast<const char *>(images->image(i)), bytes));
    }
    return QString::fromLatin1(h.result().toHex().left(16));
}

std::vector<Split> randomSplits(qint64 count, const SplitOptions &options)
{
    std::vector<Split> splits(size_t(count), Split::Train);
    std::vector<qint64> order(static_cast<size_t>(count));
    for (qint64 i = 0; i < count; ++i)
        order[size_t(i)] = i;
    std::mt19937_64 rng(options.seed);
    std::shuffle(order.begin(), order.end(), rng);
    const qint64 nTest = qint64(double(count) * options.testFraction + 0.5);
    const qint64 nVal = qint64(double(count) * options.valFraction + 0.5);
    for (qint64 i = 0; i < nTest && i < count; ++i)
        splits[size_t(order[size_t(i)])] = Split::Test;
    for (qint64 i = nTest; i < nTest + nVal && i < count; ++i)
        splits[size_t(order[size_t(i)])] = Split::Val;
    return splits;
}

} // namespace equiscope
