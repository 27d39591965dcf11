#include "fare/attentionsnapshot.h"

#include <QJsonArray>

namespace equiscope {

namespace {
QJsonArray floats(const QVector<float> &v)
{
    QJsonArray a;
    for (float x : v)
        a.append(double(x));
    return a;
}
QVector<float> floatsFrom(const QJsonValue &v)
{
    QVector<float> out;
    for (const QJsonValue &x : v.toArray())
        out << float(x.toDouble());
    return out;
}
} // namespace

QJsonObject AttentionSnapshot::toJson() const
{
    QJsonArray samplesJson, groupsJson;
    for (qint64 s : samples)
        samplesJson.append(double(s));
    for (int g : groups)
        groupsJson.append(g);
    return QJsonObject{{QStringLiteral("epoch"), epoch},
                       {QStringLiteral("size"), size},
                       {QStringLiteral("matrix"), floats(matrix)},
                       {QStringLiteral("samples"), samplesJson},
                       {QStringLiteral("groups"), groupsJson},
                       {QStringLiteral("groupLabels"), QJsonArray::fromStringList(groupLabels)},
                       {QStringLiteral("groupMatrix"), floats(groupMatrix)},
                       {QStringLiteral("z"), floats(z)},
                       {QStringLiteral("zDim"), zDim}};
}

AttentionSnapshot AttentionSnapshot::fromJson(const QJsonObject &o)
{
    AttentionSnapshot s;
    s.epoch = o.value(QStringLiteral("epoch")).toInt();
    s.size = o.value(QStringLiteral("size")).toInt();
    s.matrix = floatsFrom(o.value(QStringLiteral("matrix")));
    for (const QJsonValue &v : o.value(QStringLiteral("samples")).toArray())
        s.samples << qint64(v.toDouble());
    for (const QJsonValue &v : o.value(QStringLiteral("groups")).toArray())
        s.groups << v.toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("groupLabels")).toArray())
        s.groupLabels << v.toString();
    s.groupMatrix = floatsFrom(o.value(QStringLiteral("groupMatrix")));
    s.z = floatsFrom(o.value(QStringLiteral("z")));
    s.zDim = o.value(QStringLiteral("zDim")).toInt();
    return s;
}

} // namespace equiscope
