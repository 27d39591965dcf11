#include "eval/testpredictions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace equiscope {

namespace {

const QString kFormat = QStringLiteral("equiscope-test-predictions");
constexpr int kVersion = 1;
// Far above any test split this tool trains on; a larger count is a damaged or hostile artifact.
constexpr qint64 kMaxRows = qint64(1) << 26;
constexpr int kMaxClasses = 100000;

DataError problem(const QString &source, const QString &message)
{
    return DataError{source, -1, -1, {}, {}, {}, message};
}

} // namespace

QByteArray TestPredictions::toBytes() const
{
    QJsonArray s, y, p, names;
    for (const qint64 v : samples)
        s.append(double(v));
    for (const int v : labels)
        y.append(v);
    for (const int v : predictions)
        p.append(v);
    for (const QString &n : classNames)
        names.append(n);
    const QJsonObject o{{QStringLiteral("format"), kFormat}, {QStringLiteral("version"), kVersion},
                        {QStringLiteral("target"), target},  {QStringLiteral("classes"), names},
                        {QStringLiteral("samples"), s},      {QStringLiteral("labels"), y},
                        {QStringLiteral("predictions"), p}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Expected<TestPredictions> TestPredictions::fromBytes(const QByteArray &bytes, const QString &source,
                                                     qint64 datasetSize)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject())
        return problem(
            source, QStringLiteral("not a test-predictions artifact: %1").arg(error.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != kFormat)
        return problem(source, QStringLiteral("not a test-predictions artifact (format '%1')")
                                   .arg(o.value(QStringLiteral("format")).toString()));
    if (o.value(QStringLiteral("version")).toInt() != kVersion)
        return problem(source, QStringLiteral("test predictions of version %1; this build reads "
                                              "version %2")
                                   .arg(o.value(QStringLiteral("version")).toInt())
                                   .arg(kVersion));
    TestPredictions t;
    t.target = o.value(QStringLiteral("target")).toString();
    const QJsonArray names = o.value(QStringLiteral("classes")).toArray();
    const QJsonArray s = o.value(QStringLiteral("samples")).toArray();
    const QJsonArray y = o.value(QStringLiteral("labels")).toArray();
    const QJsonArray p = o.value(QStringLiteral("predictions")).toArray();
    if (names.size() < 2 || names.size() > kMaxClasses)
        return problem(
            source,
            QStringLiteral("%1 classes (expected 2 to %2)").arg(names.size()).arg(kMaxClasses));
    if (s.size() > kMaxRows || s.size() != y.size() || s.size() != p.size())
        return problem(source, QStringLiteral("%1 samples, %2 labels and %3 predictions (expected "
                                              "as many of each, at most %4)")
                                   .arg(s.size())
                                   .arg(y.size())
                                   .arg(p.size())
                                   .arg(kMaxRows));
    for (const QJsonValue &n : names)
        t.classNames << n.toString();
    const int classes = int(names.size());
    t.samples.reserve(size_t(s.size()));
    t.labels.reserve(size_t(s.size()));
    t.predictions.reserve(size_t(s.size()));
    for (qsizetype i = 0; i < s.size(); ++i) {
        const double sample = s[i].toDouble(-1);
        const int label = y[i].toInt(-2), prediction = p[i].toInt(-1);
        if (!(sample >= 0) || sample != std::floor(sample) ||
            (datasetSize > 0 && sample >= double(datasetSize)))
            return problem(source, QStringLiteral("row %1: sample %2 is not an index of the "
                                                  "dataset (%3 samples)")
                                       .arg(i + 1)
                                       .arg(s[i].toVariant().toString())
                                       .arg(datasetSize));
        if (label < -1 || label >= classes || prediction < 0 || prediction >= classes)
            return problem(source,
                           QStringLiteral("row %1: class %2 or prediction %3 is outside "
                                          "the %4 classes")
                               .arg(i + 1)
                               .arg(y[i].toVariant().toString(), p[i].toVariant().toString())
                               .arg(classes));
        t.samples.push_back(qint64(sample));
        t.labels.push_back(label);
        t.predictions.push_back(prediction);
    }
    return t;
}

} // namespace equiscope
