#include "nn/probeimages.h"

#include <QBuffer>
#include <QJsonArray>

namespace equiscope {

QImage ProbeImages::image(qint64 sample) const
{
    const qsizetype i = samples.indexOf(sample);
    return i >= 0 && i < images.size() ? images.at(i) : QImage();
}

QJsonObject ProbeImages::toJson() const
{
    QJsonArray samplesJson, imagesJson;
    for (qint64 s : samples)
        samplesJson.append(double(s));
    for (const QImage &img : images) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        img.save(&buffer, "PNG");
        imagesJson.append(QString::fromLatin1(bytes.toBase64()));
    }
    return QJsonObject{{QStringLiteral("samples"), samplesJson},
                       {QStringLiteral("images"), imagesJson}};
}

Expected<ProbeImages> ProbeImages::fromJson(const QJsonObject &o, const QString &source)
{
    ProbeImages p;
    for (const QJsonValue &v : o.value(QStringLiteral("samples")).toArray())
        p.samples << qint64(v.toDouble());
    const QJsonArray images = o.value(QStringLiteral("images")).toArray();
    if (images.size() != p.samples.size()) {
        DataError e;
        e.file = source;
        e.detail = QStringLiteral("probe images: %1 samples but %2 images")
                       .arg(p.samples.size())
                       .arg(images.size());
        return e;
    }
    for (int i = 0; i < images.size(); ++i) {
        QImage img;
        if (!img.loadFromData(QByteArray::fromBase64(images.at(i).toString().toLatin1()), "PNG")) {
            DataError e;
            e.file = source;
            e.detail = QStringLiteral("probe images: image %1 (sample %2) is not a PNG")
                           .arg(i)
                           .arg(p.samples.at(i));
            return e;
        }
        p.images << img.convertToFormat(QImage::Format_RGB888);
    }
    return p;
}

} // namespace equiscope
