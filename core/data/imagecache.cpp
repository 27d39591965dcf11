#include "data/imagecache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <mutex>
#include <numeric>

namespace equiscope {

namespace {
constexpr char kCacheMagic[8] = {'E', 'Q', 'I', 'M', 'G', 'v', '1', '\0'};
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

QString defaultScratchDirectory()
{
    return defaultCacheDirectory() + QStringLiteral("/scratch");
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
        std::memcmp(h.magic, kCacheMagic, sizeof kCacheMagic) != 0)
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

namespace {

/// Sets @p file to @p bytes with every block allocated on disk (posix_fallocate), falling back
/// to a plain resize where the file system cannot reserve (then the size check before is all
/// there is). Returns why it failed, or an empty string.
QString reserveFileSpace(QFile &file, qint64 bytes)
{
#ifdef Q_OS_UNIX
    const int rc = ::posix_fallocate(file.handle(), 0, off_t(bytes));
    if (rc == 0)
        return {};
    if (rc != EOPNOTSUPP && rc != EINVAL)
        return QString::fromLocal8Bit(std::strerror(rc));
#endif
    return file.resize(bytes) ? QString() : file.errorString();
}

/// Removes the unfinished caches ("<name>.<pid>.partial") in @p dir whose writing process is
/// gone: a killed import never leaves its partial file behind for longer than the next import.
void removeStalePartials(const QString &dir)
{
    const QStringList partials =
        QDir(dir).entryList({QStringLiteral("*.partial")}, QDir::Files | QDir::Hidden);
    for (const QString &name : partials) {
        const QStringList parts = name.split(QLatin1Char('.'));
        bool ok = false;
        const qint64 pid = parts.size() >= 3 ? parts.at(parts.size() - 2).toLongLong(&ok) : 0;
        // Partials of the old naming (no pid) and of dead processes go.
        if (!ok || pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
            QFile::remove(QDir(dir).filePath(name));
    }
}

} // namespace

Expected<std::shared_ptr<ImageCache>> ImageCache::build(const QString &path, const Shape &shape,
                                                        const Filler &fill,
                                                        const std::function<bool()> &cancelled)
{
    const QString dir = QFileInfo(path).absolutePath();
    QDir().mkpath(dir);
    removeStalePartials(dir);
    const qint64 imageBytes = shape.imageBytes();
    if (shape.count < 0 || shape.height <= 0 || shape.width <= 0 || shape.channels <= 0 ||
        (shape.count > 0 &&
         imageBytes > (std::numeric_limits<qint64>::max() - kHeaderBytes) / shape.count))
        return DataError{path,
                         -1,
                         -1,
                         {},
                         QStringLiteral("a cache shape that fits in a file"),
                         QStringLiteral("%1 images of %2×%3×%4")
                             .arg(shape.count)
                             .arg(shape.height)
                             .arg(shape.width)
                             .arg(shape.channels),
                         {}};
    const qint64 total = kHeaderBytes + shape.count * imageBytes;
    // Check the room before writing: a cache that cannot be finished must not fill the disk.
    const qint64 headroom = 64ll << 20;
    const QStorageInfo storage(dir);
    if (storage.isValid() && storage.bytesAvailable() >= 0 &&
        storage.bytesAvailable() < total + headroom)
        return DataError{path,
                         -1,
                         -1,
                         {},
                         QStringLiteral("%1 MiB free for the image cache (plus 64 MiB)")
                             .arg(double(total) / (1 << 20), 0, 'f', 1),
                         QStringLiteral("%1 MiB free on %2")
                             .arg(double(storage.bytesAvailable()) / (1 << 20), 0, 'f', 1)
                             .arg(storage.rootPath()),
                         QStringLiteral("not enough disk space")};
    const QString tmpPath =
        QStringLiteral("%1.%2.partial").arg(path).arg(QCoreApplication::applicationPid());
    auto failed = [&tmpPath](DataError error) -> Expected<std::shared_ptr<ImageCache>> {
        QFile::remove(tmpPath); // never leave a partial cache behind
        if (error.file.isEmpty())
            error.file = tmpPath;
        return error;
    };
    {
        QFile tmp(tmpPath);
        if (!tmp.open(QIODevice::ReadWrite | QIODevice::Truncate))
            return failed(DataError{tmpPath, -1, -1, {}, {}, {}, tmp.errorString()});
        // The blocks are reserved, not just the size set: pages of a sparse file that is mapped
        // are allocated when first written, and a disk that fills up meanwhile would end the
        // process with SIGBUS instead of an error.
        if (const QString why = reserveFileSpace(tmp, total); !why.isEmpty())
            return failed(DataError{tmpPath,
                                    -1,
                                    -1,
                                    {},
                                    QStringLiteral("%1 bytes for the image cache").arg(total),
                                    why,
                                    QStringLiteral("cannot reserve the disk space")});
        Header h{};
        std::memcpy(h.magic, kCacheMagic, sizeof kCacheMagic);
        h.count = shape.count;
        h.height = shape.height;
        h.width = shape.width;
        h.channels = shape.channels;
        if (tmp.write(reinterpret_cast<const char *>(&h), kHeaderBytes) != kHeaderBytes)
            return failed(DataError{tmpPath, -1, -1, {}, {}, {}, tmp.errorString()});
        if (shape.count > 0) {
            uchar *mapped = tmp.map(0, total);
            if (!mapped)
                return failed(DataError{
                    tmpPath, -1, -1, {}, {}, {}, QStringLiteral("cannot map for writing")});
            uchar *data = mapped + kHeaderBytes;
            // Chunks of images filled in parallel; the first error wins and stops the rest.
            const qint64 chunk = 256;
            std::vector<qint64> starts((size_t(shape.count) + size_t(chunk) - 1) / size_t(chunk));
            for (size_t i = 0; i < starts.size(); ++i)
                starts[i] = qint64(i) * chunk;
            std::atomic<bool> fillFailed{false};
            std::mutex errorMutex;
            QString firstError;
            QtConcurrent::blockingMap(starts, [&](qint64 start) {
                for (qint64 i = start; i < std::min(start + chunk, shape.count); ++i) {
                    if (fillFailed.load(std::memory_order_relaxed) || (cancelled && cancelled()))
                        return;
                    const QString err = fill(i, data + i * imageBytes);
                    if (!err.isEmpty()) {
                        std::lock_guard<std::mutex> lock(errorMutex);
                        if (!fillFailed.exchange(true))
                            firstError = err;
                        return;
                    }
                }
            });
            tmp.unmap(mapped);
            if (fillFailed || (cancelled && cancelled())) {
                tmp.close();
                DataError e;
                e.detail = fillFailed ? firstError : QStringLiteral("import cancelled");
                e.file = QStringLiteral(""); // the filler's text names its file
                QFile::remove(tmpPath);
                return e;
            }
        }
        if (!tmp.flush())
            return failed(DataError{tmpPath, -1, -1, {}, {}, {}, tmp.errorString()});
    }
    QFile::remove(path);
    if (!QFile::rename(tmpPath, path))
        return failed(DataError{
            path, -1, -1, {}, {}, {}, QStringLiteral("cannot move the finished cache into place")});
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
