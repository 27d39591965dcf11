#include "util/scratchmapping.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace equiscope {

namespace {

/// A descriptor of a new file in @p dir that has no name, or -1 with errno set.
int unnamedFile(const QByteArray &dir)
{
#ifdef O_TMPFILE
    const int fd = ::open(dir.constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
        return fd;
#endif
    QByteArray path = dir + "/equiscope-scratch-XXXXXX";
    const int fd2 = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd2 >= 0)
        ::unlink(path.constData());
    return fd2;
}

} // namespace

Expected<std::unique_ptr<ScratchMapping>> ScratchMapping::create(const QString &directory,
                                                                 qint64 bytes)
{
    auto failed = [&](const QString &what, int error) {
        return fileError(directory, QStringLiteral("cannot %1 %2 MiB of scratch space: %3")
                                        .arg(what)
                                        .arg(double(bytes) / double(1 << 20), 0, 'f', 1)
                                        .arg(QString::fromLocal8Bit(std::strerror(error))));
    };
    if (bytes <= 0)
        return fileError(directory, QStringLiteral("scratch space of %1 bytes asked").arg(bytes));
    if (!QDir().mkpath(directory))
        return fileError(directory, QStringLiteral("cannot create the directory"));
    const int fd = unnamedFile(QFile::encodeName(directory));
    if (fd < 0)
        return failed(QStringLiteral("create a file for"), errno);
    // posix_fallocate returns the error rather than setting errno.
    if (const int rc = ::posix_fallocate(fd, 0, off_t(bytes)); rc != 0) {
        ::close(fd);
        return failed(QStringLiteral("reserve"), rc);
    }
    void *p = ::mmap(nullptr, size_t(bytes), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    const int mapError = errno;
    ::close(fd); // the mapping keeps the file alive
    if (p == MAP_FAILED)
        return failed(QStringLiteral("map"), mapError);
    return std::unique_ptr<ScratchMapping>(new ScratchMapping(static_cast<char *>(p), bytes));
}

ScratchMapping::~ScratchMapping()
{
    if (m_data)
        ::munmap(m_data, size_t(m_size));
}

} // namespace equiscope
