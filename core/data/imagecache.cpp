#include "data/imagecache.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <cstring>
#include <mutex>
#include <numeric>

namespace equiscope {

namespace {
constexpr char kMagic[8] = {'E', 'Q', 'I', 'M', 'G', 'v', '1', '\0'};
constexpr qint64 kHeaderBytes = 64;

struct Header
{
    char magic[8];
    qint64 count;
    qint32 height, width, channels;
    char reserved[kHeaderBytes - 8 - 8 - 12];
};
static_assert(sizeof(Header) == kHeaderBytes, "cache header must be 64 bytes");
} // namespace

QString defaultCacheDirectory()
{
    const QByteArray env = qgetenv("EQUISCOPE_CACHE_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        base = QDir::tempPath();
    return base + QStringLiteral("/equiscope");
}

ImageCache::~ImageCache()
{
    if (m_file && m_mapped)
        m_file->unmap(m_mapped);
}

Expected<std::shared_ptr<ImageCache>> ImageCache::open(const QString &path)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return DataError{path, -1, -1, {}, {}, {}, file->errorString()};
    Header h{};
    if (file->read(reinterpret_cast<char *>(&h), kHeaderBytes) != kHeaderBytes ||
        std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
        return DataError{path,
                         -1,
                         0,
                         {},
                         QStringLiteral("an Equiscope image cache (EQIMGv1)"),
                         QStringLiteral("another file"),
                         {}};
    std::shared_ptr<ImageCache> cache(new ImageCache);
    cache->m_shape = Shape{h.count, h.height, h.width, h.channels};
    const qint64 expected = kHeaderBytes + h.count * cache->m_shape.imageBytes();
    if (h.count < 0 || h.height <= 0 || h.width <= 0 || h.channels <= 0 || file->size() != expected)
        return DataError{path,
                         -1,
                         -1,
                         {},
                         QStringLiteral("%1 bytes").arg(expected),
                         QStringLiteral("%1 bytes").arg(file->size()),
                         QStringLiteral("truncated cache")};
    cache->m_path = path;
    cache->m_mapped = file->map(0, file->size());
    if (!cache->m_mapped)
        return DataError{
            path, -1, -1, {}, {}, {}, QStringLiteral("cannot map: ") + file->errorString()};
    cache->m_data = cache->m_mapped + kHeaderBytes;
    cache->m_file = std::move(file);
    return cache;
}

Expected<std::shared_ptr<ImageCache>> ImageCache::build(const QString &path, const Shape &shape,
                                                        const Filler &fill,
                                                        const std::function<bool()> &cancelled)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString tmpPath = path + QStringLiteral(".partial");
    {
        QFile tmp(tmpPath);
        if (!tmp.open(QIODevice::ReadWrite | QIODevice::Truncate))
            return DataError{tmpPath, -1, -1, {}, {}, {}, tmp.errorString()};
        const qint64 total = kHeaderBytes + shape.count * shape.imageBytes();
        if (!tmp.resize(total))
            return DataError{
                tmpPath, -1, -1, {}, {}, {}, QStringLiteral("cannot allocate %1 bytes").arg(total)};
        Header h{};
        std::memcpy(h.magic, kMagic, sizeof kMagic);
        h.count = shape.count;
        h.height = shape.height;
        h.width = shape.width;
        h.channels = shape.channels;
        tmp.write(reinterpret_cast<const char *>(&h), kHeaderBytes);
        if (shape.count > 0) {
            uchar *mapped = tmp.map(0, total);
            if (!mapped)
                return DataError{
                    tmpPath, -1, -1, {}, {}, {}, QStringLiteral("cannot map for writing")};
            uchar *data = mapped + kHeaderBytes;
            // Chunks of images filled in parallel; the first error wins and stops the rest.
            const qint64 chunk = 256;
            std::vector<qint64> starts((size_t(shape.count) + size_t(chunk) - 1) / size_t(chunk));
            for (size_t i = 0; i < starts.size(); ++i)
                starts[i] = qint64(i) * chunk;
            std::atomic<bool> failed{false};
            std::mutex errorMutex;
            QString firstError;
            QtConcurrent::blockingMap(starts, [&](qint64 start) {
                for (qint64 i = start; i < std::min(start + chunk, shape.count); ++i) {
                    if (failed.load(std::memory_order_relaxed) || (cancelled && cancelled()))
                        return;
                    const QString err = fill(i, data + i * shape.imageBytes());
                    if (!err.isEmpty()) {
                        std::lock_guard<std::mutex> lock(errorMutex);
                        if (!failed.exchange(true))
                            firstError = err;
                        return;
                    }
                }
            });
            tmp.unmap(mapped);
            if (failed || (cancelled && cancelled())) {
                tmp.remove();
                DataError e;
                e.detail = failed ? firstError : QStringLiteral("import cancelled");
                return e;
            }
        }
        tmp.flush();
    }
    QFile::remove(path);
    if (!QFile::rename(tmpPath, path))
        return DataError{
            path, -1, -1, {}, {}, {}, QStringLiteral("cannot move the finished cache into place")};
    return open(path);
}

Expected<std::shared_ptr<ImageCache>>
ImageCache::openOrBuild(const QString &path, const Shape &shape, const Filler &fill,
                        const std::function<bool()> &cancelled)
{
    if (QFileInfo::exists(path)) {
        auto cached = open(path);
        if (cached) {
            const Shape &s = cached.value()->shape();
            if (s.count == shape.count && s.height == shape.height && s.width == shape.width &&
                s.channels == shape.channels)
                return cached;
        }
    }
    return build(path, shape, fill, cancelled);
}

} // namespace equiscope
