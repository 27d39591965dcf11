#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace fixtures {

/// Writes a small synthetic image (random blobs on a gradient, deterministic per seed) in the
/// format given by the file suffix (.jpg/.png). Returns false on failure.
bool writeSyntheticImage(const QString &path, int width, int height, unsigned seed);

/// Writes a file, creating folders as needed.
bool writeFile(const QString &path, const QByteArray &content);

/// Writes @p lines, each ended by a newline (UTF-8), creating folders as needed.
bool writeLines(const QString &path, const QStringList &lines);

/// The message of the DataException @p f throws, or "<no error>" when it throws none.
QString dataErrorOf(const std::function<void()> &f);

/// IDX file bytes: magic 0x0000 08 <ndims>, big-endian sizes, then @p data.
QByteArray idxBytes(const std::vector<int> &dims, const QByteArray &data);
/// Gzip-compresses @p content (a real .gz stream that zlib/gunzip read).
QByteArray gzip(const QByteArray &content);

/// Runs equiscope-cli with @p args; captures exit code, stdout, stderr.
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
CliResult runCli(const QStringList &args, int timeoutMs = 300000);

/// The folder of Debian's Fashion-MNIST package, or empty when it is not installed.
QString fashionMnistDir();

} // namespace fixtures
