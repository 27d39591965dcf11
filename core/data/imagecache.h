#pragma once

#include "util/expected.h"

#include <QFile>
#include <QString>

#include <functional>
#include <memory>

namespace equiscope {

/// A read-only, memory-mapped file of N fixed-size uint8 images (H×W×C, row-major, RGB or grey).
/// Images are decoded once into such a file; later opens map it, so opening is instant and
/// datasets larger than RAM page in on demand.
class ImageCache
{
public:
    struct Shape
    {
        qint64 count = 0;
        int height = 0;
        int width = 0;
        int channels = 0;
        qint64 imageBytes() const { return qint64(height) * width * channels; }
    };

    /// Maps an existing cache file; fails on a wrong magic or a size that does not match.
    static Expected<std::shared_ptr<ImageCache>> open(const QString &path);

    /// Fills the image at @p index into @p dst (imageBytes() bytes); returns an error text or {}.
    using Filler = std::function<QString(qint64 index, uchar *dst)>;
    /// Writes a cache file atomically: images are filled in parallel into a temporary file that
    /// is renamed into place only when every image succeeded, so a killed import leaves nothing
    /// half-written. @p cancelled, if set, is polled to abort.
    static Expected<std::shared_ptr<ImageCache>> build(const QString &path, const Shape &shape,
                                                       const Filler &fill,
                                                       const std::function<bool()> &cancelled = {});

    /// Maps the cache at @p path if it exists with the right shape, otherwise builds it.
    static Expected<std::shared_ptr<ImageCache>>
    openOrBuild(const QString &path, const Shape &shape, const Filler &fill,
                const std::function<bool()> &cancelled = {});

    const Shape &shape() const { return m_shape; }
    qint64 count() const { return m_shape.count; }
    const uchar *image(qint64 index) const { return m_data + index * m_shape.imageBytes(); }
    const QString &path() const { return m_path; }

    ~ImageCache();

private:
    ImageCache() = default;
    QString m_path;
    std::unique_ptr<QFile> m_file;
    const uchar *m_data = nullptr;
    uchar *m_mapped = nullptr;
    Shape m_shape;
};

/// The directory where decoded image caches live (QStandardPaths cache location, or the
/// EQUISCOPE_CACHE_DIR environment variable, which tests use).
QString defaultCacheDirectory();
/// Where scratch files of out-of-core work are made (util/scratchmapping.h): "scratch" in the
/// cache directory.
QString defaultScratchDirectory();

} // namespace equiscope
