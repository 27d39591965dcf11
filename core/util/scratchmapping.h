#pragma once

#include "util/expected.h"

#include <QString>

#include <memory>

namespace equiscope {

/// Writable memory backed by a file nobody else can see: an unnamed file (O_TMPFILE, or a file
/// removed right after it is created where the file system lacks O_TMPFILE) in a directory,
/// mapped shared. The kernel can write its pages back and drop them under memory pressure, so
/// gigabytes of working data need not stay resident, and the file is gone when the mapping is
/// released, even if the process is killed.
class ScratchMapping
{
public:
    /// @p bytes of zeroed memory. The space is reserved on disk first, so a full disk is an
    /// error here (naming @p directory), not a SIGBUS on a later write.
    static Expected<std::unique_ptr<ScratchMapping>> create(const QString &directory, qint64 bytes);
    ~ScratchMapping();
    ScratchMapping(const ScratchMapping &) = delete;
    ScratchMapping &operator=(const ScratchMapping &) = delete;

    char *data() const { return m_data; }
    qint64 size() const { return m_size; }

private:
    ScratchMapping(char *data, qint64 size) : m_data(data), m_size(size) {}
    char *m_data = nullptr;
    qint64 m_size = 0;
};

} // namespace equiscope
