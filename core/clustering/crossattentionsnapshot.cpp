#include "clustering/crossattentionsnapshot.h"

#include <QJsonArray>

namespace equiscope {

namespace {

template <typename T> QJsonArray toArray(const QVector<T> &values)
{
    QJsonArray a;
    for (const T &v : values)
        a.append(double(v));
    return a;
}

template <typename T> QVector<T> fromArray(const QJsonValue &value)
{
    QVector<T> out;
    for (const QJsonValue &v : value.toArray())
        out << T(v.toDouble());
    return out;
}

} // namespace

QJsonObject CrossAttentionSnapshot::toJson() const
{
    QJsonArray anchorArray;
    for (const CrossAttentionAnchor &a : anchors)
        anchorArray.append(
            QJsonObject{{QStringLiteral("row"), double(a.row)},
                        {QStringLiteral("group"), a.group},
                        {QStringLiteral("image"), double(a.image)},
                        {QStringLiteral("centroidRows"), toArray(a.centroidRows)},
                        {QStringLiteral("furthestRows"), toArray(a.furthestRows)},
                        {QStringLiteral("centroidImages"), toArray(a.centroidImages)},
                        {QStringLiteral("furthestImages"), toArray(a.furthestImages)},
                        {QStringLiteral("centroidSame"), toArray(a.centroidSame)},
                        {QStringLiteral("furthestSame"), toArray(a.furthestSame)},
                        {QStringLiteral("centroidP"), toArray(a.centroidP)},
                        {QStringLiteral("furthestP"), toArray(a.furthestP)},
                        {QStringLiteral("weights"), toArray(a.weights)}});
    return QJsonObject{{QStringLiteral("epoch"), epoch},
                       {QStringLiteral("centroidSize"), centroidSize},
                       {QStringLiteral("furthestSize"), furthestSize},
                       {QStringLiteral("groupLabels"), QJsonArray::fromStringList(groupLabels)},
                       {QStringLiteral("imageDataset"), imageDataset},
                       {QStringLiteral("anchors"), anchorArray}};
}

CrossAttentionSnapshot CrossAttentionSnapshot::fromJson(const QJsonObject &o)
{
    CrossAttentionSnapshot s;
    s.epoch = o.value(QStringLiteral("epoch")).toInt();
    s.centroidSize = o.value(QStringLiteral("centroidSize")).toInt();
    s.furthestSize = o.value(QStringLiteral("furthestSize")).toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("groupLabels")).toArray())
        s.groupLabels << v.toString();
    s.imageDataset = o.value(QStringLiteral("imageDataset")).toObject();
    for (const QJsonValue &v : o.value(QStringLiteral("anchors")).toArray()) {
        const QJsonObject a = v.toObject();
        CrossAttentionAnchor c;
        c.row = qint64(a.value(QStringLiteral("row")).toDouble());
        c.group = a.value(QStringLiteral("group")).toInt(-1);
        c.image = qint64(a.value(QStringLiteral("image")).toDouble(-1));
        c.centroidRows = fromArray<qint64>(a.value(QStringLiteral("centroidRows")));
        c.furthestRows = fromArray<qint64>(a.value(QStringLiteral("furthestRows")));
        c.centroidImages = fromArray<qint64>(a.value(QStringLiteral("centroidImages")));
        c.furthestImages = fromArray<qint64>(a.value(QStringLiteral("furthestImages")));
        c.centroidSame = fromArray<int>(a.value(QStringLiteral("centroidSame")));
        c.furthestSame = fromArray<int>(a.value(QStringLiteral("furthestSame")));
        c.centroidP = fromArray<float>(a.value(QStringLiteral("centroidP")));
        c.furthestP = fromArray<float>(a.value(QStringLiteral("furthestP")));
        c.weights = fromArray<float>(a.value(QStringLiteral("weights")));
        s.anchors << c;
    }
    return s;
}

} // namespace equiscope
