#pragma once

#include <QByteArray>
#include <QString>

namespace equiscope {

/// The largest input file a reader loads whole (the biggest real one, an image-attribute CSV or
/// an IDX archive, is a few hundred MiB).
inline constexpr qint64 kMaxInputFileBytes = qint64(8) << 30;

/// The whole of dataset file @p path. Only a regular file is read (a link is followed, but a
/// device, FIFO or folder is refused: reading /dev/zero would never end) of at most @p maxBytes;
/// anything else throws a DataException naming the file.
QByteArray readInputFile(const QString &path, qint64 maxBytes = kMaxInputFileBytes);

} // namespace equiscope
