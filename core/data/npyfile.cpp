#include "data/npyfile.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

#include <climits>
#include <cstring>
#include <limits>

namespace equiscope {

namespace {

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the .npy reader and writer assume little-endian");

const QByteArray kNpyMagic = QByteArrayLiteral("\x93NUMPY");

QString hexBytes(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

struct NpyHeader
{
    QString descr;
    bool fortran = false;
    std::vector<qint64> shape;
};

// The header is a Python dict literal written by numpy; the three keys it always has are
// picked out individually so that key order and spacing do not matter.
NpyHeader parseHeader(const QString &path, qint64 offset, const QString &text)
{
    const QString expected =
        QStringLiteral("a header dict with 'descr', 'fortran_order' and 'shape'");
    const auto descr = QRegularExpression(QStringLiteral("'descr'\\s*:\\s*'([^']*)'")).match(text);
    const auto fortran =
        QRegularExpression(QStringLiteral("'fortran_order'\\s*:\\s*(True|False)")).match(text);
    const auto shape =
        QRegularExpression(QStringLiteral("'shape'\\s*:\\s*\\(([^)]*)\\)")).match(text);
    if (!descr.hasMatch() || !fortran.hasMatch() || !shape.hasMatch())
        throwDataErrorAt(path, offset, expected, QStringLiteral("'%1'").arg(text.trimmed()));
    NpyHeader h;
    h.descr = descr.captured(1);
    h.fortran = fortran.captured(1) == QLatin1String("True");
    const QStringList dims = shape.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &d : dims) {
        if (d.trimmed().isEmpty())
            continue;
        bool ok = false;
        const qint64 n = d.trimmed().toLongLong(&ok);
        if (!ok || n < 0)
            throwDataErrorAt(path, offset, QStringLiteral("non-negative integer dimensions"),
                             QStringLiteral("shape (%1)").arg(shape.captured(1)));
        h.shape.push_back(n);
    }
    return h;
}

NpyMatrix readOrThrow(const QString &path, NpyData mode)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throwDataProblem(path, QStringLiteral("cannot open: ") + f.errorString());
    const qint64 fileSize = f.size();
    const QByteArray start = f.read(12);
    if (start.size() < 10 || !start.startsWith(kNpyMagic))
        throwDataErrorAt(path, 0, QStringLiteral("the .npy magic \\x93NUMPY"),
                         start.isEmpty() ? QStringLiteral("an empty file")
                                         : hexBytes(start.left(6)));
    const int major = uchar(start[6]);
    if (major < 1 || major > 3)
        throwDataErrorAt(path, 6, QStringLiteral(".npy format version 1, 2 or 3"),
                         QStringLiteral("version %1.%2").arg(major).arg(uchar(start[7])));
    // Version 1 stores the header length in 2 bytes, versions 2 and 3 in 4 (little-endian).
    qint64 headerLength;
    qint64 headerStart;
    if (major == 1) {
        headerLength = qint64(uchar(start[8])) | qint64(uchar(start[9])) << 8;
        headerStart = 10;
    } else {
        if (start.size() < 12)
            throwDataErrorAt(path, 8, QStringLiteral("a 4-byte header length"),
                             QStringLiteral("end of file"));
        headerLength = 0;
        for (int k = 0; k < 4; ++k)
            headerLength |= qint64(uchar(start[8 + k])) << (8 * k);
        headerStart = 12;
    }
    const qint64 dataOffset = headerStart + headerLength;
    if (dataOffset > fileSize)
        throwDataErrorAt(path, headerStart,
                         QStringLiteral("a header of %1 bytes").arg(headerLength),
                         QStringLiteral("a file of %1 bytes").arg(fileSize));
    f.seek(headerStart);
    const QString headerText = QString::fromUtf8(f.read(headerLength));
    const NpyHeader h = parseHeader(path, headerStart, headerText);

    int itemSize = 0;
    if (h.descr == QLatin1String("<f4"))
        itemSize = 4;
    else if (h.descr == QLatin1String("<f8"))
        itemSize = 8;
    else
        throwDataErrorAt(path, headerStart,
                         QStringLiteral("float32 or float64 data ('<f4' or '<f8')"),
                         QStringLiteral("dtype '%1'").arg(h.descr));
    if (h.fortran)
        throwDataErrorAt(path, headerStart, QStringLiteral("C-order data (fortran_order False)"),
                         QStringLiteral("fortran_order True (save with np.ascontiguousarray)"));
    if (h.shape.empty() || h.shape.size() > 2) {
        QStringList dims;
        for (qint64 d : h.shape)
            dims << QString::number(d);
        throwDataErrorAt(path, headerStart, QStringLiteral("a 1-D or 2-D array"),
                         QStringLiteral("shape (%1)").arg(dims.join(QStringLiteral(", "))));
    }
    NpyMatrix m;
    m.dtype = h.descr;
    m.rows = h.shape[0];
    const qint64 cols = h.shape.size() == 2 ? h.shape[1] : 1;
    if (cols > INT_MAX)
        throwDataErrorAt(path, headerStart, QStringLiteral("at most %1 columns").arg(INT_MAX),
                         QStringLiteral("%1").arg(cols));
    m.cols = int(cols);
    const qint64 available = fileSize - dataOffset;
    // Division first: a corrupt shape must not overflow the byte count.
    const bool fits =
        m.cols == 0 || m.rows <= std::numeric_limits<qint64>::max() / itemSize / m.cols;
    const qint64 needed = fits ? m.rows * m.cols * itemSize : -1;
    if (!fits || needed != available)
        throwDataErrorAt(path, dataOffset,
                         QStringLiteral("%1×%2 %3 values (%4 bytes of data)")
                             .arg(m.rows)
                             .arg(m.cols)
                             .arg(h.descr)
                             .arg(fits ? QString::number(needed) : QStringLiteral("too many")),
                         QStringLiteral("%1 bytes").arg(available));
    m.dataOffset = dataOffset;
    if (mode == NpyData::LeaveData)
        return m; // checked: the caller maps or converts rows × cols values at dataOffset
    m.values.resize(size_t(m.rows) * size_t(m.cols));
    if (needed > 0) {
        const uchar *data = f.map(dataOffset, needed);
        if (!data)
            throwDataProblem(path, QStringLiteral("cannot map: ") + f.errorString());
        if (itemSize == 4) {
            std::memcpy(m.values.data(), data, size_t(needed));
        } else {
            for (size_t i = 0; i < m.values.size(); ++i) {
                double v;
                std::memcpy(&v, data + i * 8, 8);
                m.values[i] = float(v);
            }
        }
        f.unmap(const_cast<uchar *>(data));
    }
    return m;
}

} // namespace

Expected<NpyMatrix> readNpy(const QString &path, NpyData data)
{
    try {
        return readOrThrow(path, data);
    } catch (const DataException &e) {
        return e.error();
    }
}

bool writeNpy(const QString &path, const float *data, qint64 rows, int cols, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (rows < 0 || cols < 0 || (rows * cols > 0 && !data))
        return fail(QStringLiteral("%1: invalid matrix %2×%3").arg(path).arg(rows).arg(cols));
    QByteArray header =
        QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2), }")
            .arg(rows)
            .arg(cols)
            .toLatin1();
    // numpy pads the header with spaces and a final newline so the data starts on a 64-byte
    // boundary, which lets readers map it aligned.
    const qint64 unpadded = 10 + header.size() + 1;
    header.append(QByteArray(int((64 - unpadded % 64) % 64), ' '));
    header.append('\n');
    if (header.size() > 0xffff)
        return fail(QStringLiteral("%1: .npy header too long").arg(path));
    QByteArray prefix = kNpyMagic;
    prefix.append(char(1)).append(char(0));
    prefix.append(char(header.size() & 0xff)).append(char((header.size() >> 8) & 0xff));

    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
    const qint64 bytes = rows * cols * qint64(sizeof(float));
    if (f.write(prefix + header) != prefix.size() + header.size() ||
        (bytes > 0 && f.write(reinterpret_cast<const char *>(data), bytes) != bytes))
        return fail(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
    if (!f.commit())
        return fail(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
    return true;
}

} // namespace equiscope
