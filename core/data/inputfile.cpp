#include "data/inputfile.h"

#include "util/expected.h"

#include <QFile>
#include <QFileInfo>

namespace equiscope {

QByteArray readInputFile(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        throwDataProblem(path, QStringLiteral("no such file"));
    if (!info.isFile())
        throwDataError(path, -1, QStringLiteral("a regular file"),
                       info.isDir() ? QStringLiteral("a folder")
                                    : QStringLiteral("a device, pipe or socket"));
    if (info.size() > maxBytes)
        throwDataError(path, -1, QStringLiteral("at most %1 MiB").arg(maxBytes >> 20),
                       QStringLiteral("%1 MiB").arg(info.size() >> 20));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throwDataProblem(path, QStringLiteral("cannot open: ") + f.errorString());
    // Read what the file holds now, never more than its size allows.
    const QByteArray bytes = f.read(info.size() + 1);
    if (bytes.size() > maxBytes)
        throwDataError(path, -1, QStringLiteral("at most %1 MiB").arg(maxBytes >> 20),
                       QStringLiteral("a file that grows while it is read"));
    return bytes;
}

} // namespace equiscope
