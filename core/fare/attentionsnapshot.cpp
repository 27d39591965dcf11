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

AttentionSnapshot::SameGroupShare AttentionSnapshot::sameGroupShare() const
{
    SameGroupShare out;
    if (size < 2 || matrix.size() != qsizetype(size) * size || groups.size() != size)
        return out;
    double attentionSum = 0, uniformSum = 0;
    int rows = 0;
    for (int i = 0; i < size; ++i) {
        const int g = groups[i];
        if (g < 0)
            continue;
        double all = 0, same = 0;
        int others = 0; // other rows of the same group
        for (int j = 0; j < size; ++j) {
            if (j == i)
                continue;
            const double a = matrix[qsizetype(i) * size + j];
            all += a;
            if (groups[j] == g) {
                same += a;
                ++others;
            }
        }
        if (!(all > 0))
            continue;
        attentionSum += same / all;
        uniformSum += double(others) / double(size - 1);
        ++rows;
    }
    if (rows > 0) {
        out.attention = attentionSum / rows;
        out.uniform = uniformSum / rows;
    }
    return out;
}

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
