#include "fixtures.h"

#include "util/expected.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <zlib.h>

#include <random>

namespace fixtures {

bool writeLines(const QString &path, const QStringList &lines)
{
    return writeFile(path, (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
}

QString dataErrorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const equiscope::DataException &e) {
        return e.error().toString();
    }
    return QStringLiteral("<no error>");
}

bool writeSyntheticImage(const QString &path, int width, int height, unsigned seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    std::mt19937 rng(seed);
    cv::Mat img(height, width, CV_8UC3);
    const int base = int(rng() % 200);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            img.at<cv::Vec3b>(y, x) =
                cv::Vec3b(uchar(base + x % 50), uchar(y % 255), uchar(seed % 255));
    for (int k = 0; k < 3; ++k)
        cv::circle(img, cv::Point(int(rng() % unsigned(width)), int(rng() % unsigned(height))),
                   int(4 + rng() % 12), cv::Scalar(rng() % 255, rng() % 255, rng() % 255), -1);
    return cv::imwrite(path.toStdString(), img);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray idxBytes(const std::vector<int> &dims, const QByteArray &data)
{
    QByteArray out;
    out.append(char(0)).append(char(0)).append(char(0x08)).append(char(dims.size()));
    for (int d : dims) {
        out.append(char((d >> 24) & 0xff)).append(char((d >> 16) & 0xff));
        out.append(char((d >> 8) & 0xff)).append(char(d & 0xff));
    }
    return out + data;
}

QByteArray gzip(const QByteArray &content)
{
    z_stream s{};
    deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&s, uLong(content.size()))) + 32, Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(content.data()));
    s.avail_in = uInt(content.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(int(s.total_out));
    deflateEnd(&s);
    return out;
}

CliResult runCli(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(QStringLiteral(EQUISCOPE_CLI_PATH), args);
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString fashionMnistDir()
{
    const QString dir = QStringLiteral("/usr/share/datasets/fashion-mnist");
    return QFileInfo::exists(dir + QStringLiteral("/train-images-idx3-ubyte.gz")) ? dir : QString();
}

} // namespace fixtures
