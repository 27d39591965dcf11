#include "fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace fuzz {

QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

QString writeInput(const QString &name, const QByteArray &content)
{
    static const QString folder = [] {
        const QString base = QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                                 ? QStringLiteral("/dev/shm")
                                 : QDir::tempPath();
        const QString dir = QStringLiteral("%1/equiscope-fuzz-%2").arg(base).arg(getpid());
        QDir().mkpath(dir);
        return dir;
    }();
    const QString path = folder + QLatin1Char('/') + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

void requireMessage(const equiscope::DataError &error)
{
    if (error.toString().trimmed().isEmpty()) {
        std::fprintf(stderr, "fuzz: an error without a message\n");
        std::abort();
    }
}

void expectCleanRejection(const std::function<void()> &read)
{
    try {
        read();
    } catch (const equiscope::DataException &e) {
        requireMessage(e.error());
    }
}

} // namespace fuzz
