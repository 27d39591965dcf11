#include "data/idxreader.h"
#include "data/inputfile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace equiscope {

QByteArray readMaybeGzipped(const QString &path)
{
    QByteArray raw = readInputFile(path);
    const bool gz = raw.size() >= 2 && uchar(raw[0]) == 0x1f && uchar(raw[1]) == 0x8b;
    if (!gz)
        return raw;
    z_stream s{};
    if (inflateInit2(&s, 15 + 32) != Z_OK)
        throwDataProblem(path, QStringLiteral("zlib initialisation failed"));
    QByteArray out;
    out.resize(qsizetype(raw.size()) * 4 + 1024);
    s.next_in = reinterpret_cast<Bytef *>(raw.data());
    s.avail_in = uInt(raw.size());
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (s.total_out >= uLong(out.size())) {
            // A few KiB of gzip can claim gigabytes: stop at the largest real input.
            if (out.size() >= kMaxInputFileBytes / 2) {
                inflateEnd(&s);
                throwDataError(
                    path, -1,
                    QStringLiteral("at most %1 MiB uncompressed").arg(kMaxInputFileBytes >> 20),
                    QStringLiteral("more"));
            }
            out.resize(std::min<qint64>(qint64(out.size()) * 2, kMaxInputFileBytes));
        }
        s.next_out = reinterpret_cast<Bytef *>(out.data()) + s.total_out;
        s.avail_out = uInt(out.size() - qsizetype(s.total_out));
        rc = inflate(&s, Z_NO_FLUSH);
        if (rc == Z_STREAM_END)
            break;
        if (rc == Z_BUF_ERROR && s.avail_in == 0) {
            const qint64 at = qint64(s.total_in);
            inflateEnd(&s);
            throwDataErrorAt(path, at, QStringLiteral("more gzip data"),
                             QStringLiteral("end of file (truncated .gz)"));
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            const qint64 at = qint64(s.total_in);
            const QString msg = QString::fromLatin1(s.msg ? s.msg : "corrupt data");
            inflateEnd(&s);
            throwDataErrorAt(path, at, QStringLiteral("a valid gzip stream"), msg);
        }
    }
    out.resize(qsizetype(s.total_out));
    inflateEnd(&s);
    return out;
}

IdxArray readIdxFile(const QString &path, int expectedDims)
{
    const QByteArray bytes = readMaybeGzipped(path);
    if (bytes.size() < 4)
        throwDataErrorAt(path, 0, QStringLiteral("a 4-byte IDX magic number"),
                         QStringLiteral("%1 bytes").arg(bytes.size()));
    const auto *b = reinterpret_cast<const uchar *>(bytes.constData());
    const quint32 magic = quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3];
    const auto hex = [](quint32 v) {
        return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
    };
    if (b[0] != 0 || b[1] != 0 || b[2] != 0x08 || b[3] == 0 || b[3] > 4 ||
        (expectedDims > 0 && b[3] != expectedDims)) {
        const quint32 want = expectedDims > 0 ? 0x800u + quint32(expectedDims) : 0x800u;
        throwDataErrorAt(path, 0,
                         expectedDims > 0 ? QStringLiteral("IDX magic %1").arg(hex(want))
                                          : QStringLiteral("an IDX magic 0x0000080N"),
                         hex(magic));
    }
    IdxArray a;
    const int nd = b[3];
    if (bytes.size() < 4 + 4 * nd)
        throwDataErrorAt(path, 4, QStringLiteral("%1 dimension sizes").arg(nd),
                         QStringLiteral("end of file"));
    qint64 total = 1;
    for (int d = 0; d < nd; ++d) {
        const uchar *p = b + 4 + 4 * d;
        const quint32 v = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
        if (v > 0x7fffffff)
            throwDataErrorAt(path, 4 + 4 * d, QStringLiteral("a dimension size"),
                             QString::number(v));
        a.dims.push_back(int(v));
        // Four dimensions near 2^31 multiply past 2^63 (found by scripts/fuzz): the product is
        // checked before it can overflow; a product that fits is compared with the file below.
        if (v != 0 && total > std::numeric_limits<qint64>::max() / qint64(v))
            throwDataErrorAt(path, 4 + 4 * d,
                             QStringLiteral("dimension sizes whose product fits in 64 bits"),
                             QStringLiteral("dimension %1 of size %2 after a product of %3")
                                 .arg(d)
                                 .arg(v)
                                 .arg(total));
        total *= qint64(v);
    }
    const qint64 header = 4 + 4 * nd;
    if (qint64(bytes.size()) - header != total) {
        QStringList dims;
        for (int d : a.dims)
            dims << QString::number(d);
        throwDataErrorAt(path, header,
                         QStringLiteral("%1 data bytes for dimensions %2")
                             .arg(total)
                             .arg(dims.join(QLatin1Char('x'))),
                         QStringLiteral("%1 bytes").arg(qint64(bytes.size()) - header));
    }
    a.data = bytes.mid(header);
    return a;
}

QStringList mnistClassNames(const QString &path)
{
    if (path.contains(QLatin1String("fashion"), Qt::CaseInsensitive))
        return {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"),
                QStringLiteral("Pullover"),    QStringLiteral("Dress"),
                QStringLiteral("Coat"),        QStringLiteral("Sandal"),
                QStringLiteral("Shirt"),       QStringLiteral("Sneaker"),
                QStringLiteral("Bag"),         QStringLiteral("Ankle boot")};
    QStringList digits;
    for (int i = 0; i < 10; ++i)
        digits << QString::number(i);
    return digits;
}

namespace {

struct IdxPair
{
    QString images, labels;
    Split split;
};

QString findFile(const QDir &dir, const QString &stem)
{
    for (const QString &name : {stem, stem + QStringLiteral(".gz")})
        if (dir.exists(name))
            return dir.filePath(name);
    return {};
}

QString labelsPathFor(const QString &imagesPath)
{
    QString p = imagesPath;
    p.replace(QLatin1String("images-idx3"), QLatin1String("labels-idx1"));
    p.replace(QLatin1String("images.idx3"), QLatin1String("labels.idx1"));
    return p;
}

} // namespace

Dataset readIdxDataset(const DatasetSpec &spec, const ReadContext &context)
{
    const QFileInfo fi(spec.path);
    if (!fi.exists())
        throwDataProblem(spec.path, QStringLiteral("no such file or folder"));
    QVector<IdxPair> pairs;
    if (fi.isDir()) {
        const QDir dir(spec.path);
        for (const auto &[prefix, split] : {std::pair{QStringLiteral("train"), Split::Train},
                                            std::pair{QStringLiteral("t10k"), Split::Test}}) {
            const QString img = findFile(dir, prefix + QStringLiteral("-images-idx3-ubyte"));
            const QString lab = findFile(dir, prefix + QStringLiteral("-labels-idx1-ubyte"));
            if (img.isEmpty() != lab.isEmpty())
                throwDataProblem(
                    img.isEmpty() ? lab : img,
                    QStringLiteral("its matching %1 file is missing")
                        .arg(img.isEmpty() ? QStringLiteral("images") : QStringLiteral("labels")));
            if (!img.isEmpty())
                pairs.push_back({img, lab, split});
        }
        if (pairs.isEmpty())
            throwDataError(
                spec.path, -1,
                QStringLiteral(
                    "train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz] (or t10k-*)"),
                QStringLiteral("no IDX files"));
    } else {
        const QString lab = labelsPathFor(spec.path);
        if (lab == spec.path || !QFileInfo::exists(lab))
            throwDataProblem(spec.path,
                             QStringLiteral("no labels file found beside it (expected %1)")
                                 .arg(QFileInfo(lab).fileName()));
        pairs.push_back({spec.path, lab,
                         spec.path.contains(QLatin1String("t10k")) ? Split::Test : Split::Train});
    }

    Dataset ds;
    ds.spec = spec;
    ds.name = spec.path.contains(QLatin1String("fashion"), Qt::CaseInsensitive)
                  ? QStringLiteral("Fashion-MNIST")
                  : QStringLiteral("MNIST (IDX)");
    QVector<IdxArray> images;
    std::vector<int32_t> labels;
    int height = 0, width = 0;
    QCryptographicHash key(QCryptographicHash::Sha1);
    key.addData(QByteArrayLiteral("idx-v1"));
    for (const IdxPair &p : pairs) {
        IdxArray img = readIdxFile(p.images, 3);
        IdxArray lab = readIdxFile(p.labels, 1);
        if (img.count() != lab.count())
            throwDataError(p.labels, -1,
                           QStringLiteral("%1 labels (as many as images in %2)")
                               .arg(img.count())
                               .arg(QFileInfo(p.images).fileName()),
                           QStringLiteral("%1 labels").arg(lab.count()));
        if ((height && (img.dims[1] != height || img.dims[2] != width)))
            throwDataError(p.images, -1, QStringLiteral("%1x%2 images").arg(height).arg(width),
                           QStringLiteral("%1x%2").arg(img.dims[1]).arg(img.dims[2]));
        height = img.dims[1];
        width = img.dims[2];
        for (qint64 i = 0; i < lab.count(); ++i) {
            const int v = uchar(lab.data[qsizetype(i)]);
            if (v > 9)
                throwDataErrorAt(p.labels, 8 + i, QStringLiteral("a class label 0-9"),
                                 QString::number(v));
            labels.push_back(v);
            ds.splits.push_back(p.split);
        }
        for (const QString &f : {p.images, p.labels}) {
            const QFileInfo info(f);
            key.addData(info.absoluteFilePath().toUtf8());
            key.addData(QByteArray::number(info.size()));
            key.addData(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
        }
        images.push_back(std::move(img));
    }
    ds.size = qint64(labels.size());
    if (ds.size == 0)
        throwDataProblem(pairs.front().images, QStringLiteral("empty dataset: 0 images"));

    const QString dir = context.cacheDir.isEmpty() ? defaultCacheDirectory() : context.cacheDir;
    const QString path =
        dir + QStringLiteral("/idx-%1.eqimg").arg(QString::fromLatin1(key.result().toHex()));
    const qint64 pixels = qint64(height) * width;
    auto cache = ImageCache::openOrBuild(
        path, ImageCache::Shape{ds.size, height, width, 1},
        [&](qint64 i, uchar *dst) -> QString {
            qint64 local = i;
            for (const IdxArray &a : images) {
                if (local < a.count()) {
                    std::memcpy(dst, a.data.constData() + local * pixels, size_t(pixels));
                    return {};
                }
                local -= a.count();
            }
            return QStringLiteral("index out of range");
        },
        context.cancelled);
    if (!cache)
        throw DataException(cache.error());
    ds.images = cache.value();
    const QStringList classes =
        spec.options.contains(QStringLiteral("classNames"))
            ? spec.options.value(QStringLiteral("classNames")).toStringList()
            : mnistClassNames(spec.path);
    ds.attributes.add(Attribute::discrete(QStringLiteral("label"), AttributeType::Categorical,
                                          classes, std::move(labels)));
    ds.defaultTarget = QStringLiteral("label");
    return ds;
}

} // namespace equiscope
