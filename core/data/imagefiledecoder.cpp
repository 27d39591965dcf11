#include "data/imagefiledecoder.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>

namespace equiscope {

int imageSizeOption(const QVariantMap &options, int fallback)
{
    const QString key = QStringLiteral("imageSize");
    if (!options.contains(key))
        return fallback;
    // Every image is decoded into a size × size × 3 cache: an unbounded size fills the disk.
    const QString text = options.value(key).toString().trimmed();
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < kMinImageSize || v > kMaxImageSize) {
        DataError e;
        e.file = QStringLiteral("dataset options");
        e.field = key;
        e.expected =
            QStringLiteral("an integer from %1 to %2").arg(kMinImageSize).arg(kMaxImageSize);
        e.found = QStringLiteral("'%1'").arg(options.value(key).toString());
        throw DataException(e);
    }
    return v;
}

std::shared_ptr<const ImageCache> decodeImageFiles(const QStringList &paths, int size,
                                                   const ReadContext &context)
{
    QCryptographicHash key(QCryptographicHash::Sha1);
    key.addData(QByteArrayLiteral("imagefiles-v1"));
    key.addData(QByteArray::number(size));
    for (const QString &p : paths) {
        const QFileInfo fi(p);
        key.addData(p.toUtf8());
        key.addData(QByteArray::number(fi.size()));
        key.addData(QByteArray::number(fi.lastModified().toMSecsSinceEpoch()));
    }
    const QString dir = context.cacheDir.isEmpty() ? defaultCacheDirectory() : context.cacheDir;
    const QString cachePath =
        dir + QStringLiteral("/images-%1.eqimg").arg(QString::fromLatin1(key.result().toHex()));
    if (QFileInfo::exists(cachePath)) {
        auto cached = ImageCache::open(cachePath);
        if (cached && cached.value()->count() == paths.size())
            return cached.value();
    }
    std::atomic<qint64> done{0};
    const qint64 total = paths.size();
    auto built = ImageCache::build(
        cachePath, ImageCache::Shape{total, size, size, 3},
        [&](qint64 i, uchar *dst) -> QString {
            const QString &path = paths[int(i)];
            cv::Mat img = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
            if (img.empty()) {
                DataError e;
                e.file = path;
                e.expected = QStringLiteral("a readable image (JPEG, PNG, BMP, …)");
                e.found = QFileInfo::exists(path) ? QStringLiteral("a file OpenCV cannot decode")
                                                  : QStringLiteral("no such file");
                return e.toString();
            }
            cv::Mat rgb;
            cv::cvtColor(img, rgb, cv::COLOR_BGR2RGB);
            cv::Mat out(size, size, CV_8UC3, dst);
            cv::resize(rgb, out, cv::Size(size, size), 0, 0, cv::INTER_AREA);
            if (out.data != dst) // resize reallocated (should not happen): copy back
                std::memcpy(dst, out.data, size_t(size) * size_t(size) * 3);
            const qint64 n = ++done;
            if (context.progress && (n % 512 == 0 || n == total))
                context.progress(n, total);
            return {};
        },
        context.cancelled);
    if (!built)
        throw DataException(built.error());
    return built.value();
}

} // namespace equiscope
