// Tests of the .npy reader and writer.
#include "data/npyfile.h"
#include "fixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace equiscope;

namespace {

/// A .npy file as numpy writes it: magic, version, header length, padded dict, data.
QByteArray npyBytes(const QByteArray &dict, const QByteArray &data, int major = 1)
{
    const int prefix = major == 1 ? 10 : 12;
    QByteArray header = dict;
    while ((prefix + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QByteArray out = QByteArrayLiteral("\x93NUMPY");
    out += char(major);
    out += char(0);
    const int lengthBytes = major == 1 ? 2 : 4;
    for (int k = 0; k < lengthBytes; ++k)
        out += char((header.size() >> (8 * k)) & 0xff);
    return out + header + data;
}

template <typename T> QByteArray rawBytes(const std::vector<T> &values)
{
    return QByteArray(reinterpret_cast<const char *>(values.data()),
                      qsizetype(values.size() * sizeof(T)));
}

} // namespace

class TestNpyFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString errorOf(const QByteArray &bytes)
    {
        const QString p = path(QStringLiteral("bad.npy"));
        if (!fixtures::writeFile(p, bytes))
            return QStringLiteral("<cannot write>");
        const auto m = readNpy(p);
        return m ? QStringLiteral("<no error>") : m.error().toString();
    }

private Q_SLOTS:
    void writeThenRead()
    {
        std::vector<float> values(3 * 4);
        for (size_t i = 0; i < values.size(); ++i)
            values[i] = float(i) * 0.5f - 1.f;
        QString error;
        QVERIFY2(writeNpy(path("m.npy"), values.data(), 3, 4, &error), qPrintable(error));

        QFile f(path("m.npy"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\x93NUMPY\x01\x00"));
        const int headerLength = uchar(bytes[8]) | uchar(bytes[9]) << 8;
        QCOMPARE((10 + headerLength) % 64, 0); // numpy's alignment
        const QByteArray header = bytes.mid(10, headerLength);
        QVERIFY(header.contains("'descr': '<f4'"));
        QVERIFY(header.contains("'fortran_order': False"));
        QVERIFY(header.contains("'shape': (3, 4)"));
        QVERIFY(header.endsWith('\n'));
        QCOMPARE(bytes.size(), 10 + headerLength + 48);

        const auto m = readNpy(path("m.npy"));
        QVERIFY2(m.ok(), qPrintable(m.error().toString()));
        QCOMPARE(m->rows, 3);
        QCOMPARE(m->cols, 4);
        QCOMPARE(m->dtype, QStringLiteral("<f4"));
        QCOMPARE(m->values, values);
    }

    void readFloat64Version2()
    {
        const std::vector<double> values = {1.5, -2.25, 3.0, 1e10, 0.0, 7.0};
        QVERIFY(fixtures::writeFile(
            path("d.npy"), npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                                    rawBytes(values), 2)));
        const auto m = readNpy(path("d.npy"));
        QVERIFY2(m.ok(), qPrintable(m.error().toString()));
        QCOMPARE(m->rows, 2);
        QCOMPARE(m->cols, 3);
        QCOMPARE(m->values[1], -2.25f);
        QCOMPARE(m->values[3], 1e10f);
    }

    void readOneDimensional()
    {
        const std::vector<float> values = {1, 2, 3, 4, 5};
        QVERIFY(fixtures::writeFile(
            path("v.npy"),
            npyBytes("{'shape': (5,), 'fortran_order': False, 'descr': '<f4'}", rawBytes(values))));
        const auto m = readNpy(path("v.npy"));
        QVERIFY2(m.ok(), qPrintable(m.error().toString()));
        QCOMPARE(m->rows, 5);
        QCOMPARE(m->cols, 1);
    }

    void rejectsOtherDtypes()
    {
        const std::vector<qint64> values = {1, 2, 3, 4};
        const QString e = errorOf(npyBytes(
            "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }", rawBytes(values)));
        QVERIFY2(e.contains("bad.npy") && e.contains("'<f4' or '<f8'") &&
                     e.contains("found dtype '<i8'"),
                 qPrintable(e));
        const QString big = errorOf(npyBytes(
            "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }", QByteArray(16, 0)));
        QVERIFY2(big.contains("found dtype '>f4'"), qPrintable(big));
    }

    void rejectsFortranOrder()
    {
        const QString e = errorOf(npyBytes(
            "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", QByteArray(16, 0)));
        QVERIFY2(e.contains("bad.npy") && e.contains("expected C-order data") &&
                     e.contains("fortran_order True"),
                 qPrintable(e));
    }

    void rejectsThreeDimensions()
    {
        const QString e = errorOf(npyBytes(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }", QByteArray(32, 0)));
        QVERIFY2(e.contains("expected a 1-D or 2-D array") && e.contains("shape (2, 2, 2)"),
                 qPrintable(e));
    }

    void rejectsTruncatedData()
    {
        const QByteArray bytes = npyBytes(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (10, 3), }", QByteArray(100, 0));
        const QString e = errorOf(bytes);
        QVERIFY2(e.contains("bad.npy (byte 128)") && e.contains("10×3 <f4 values (120 bytes") &&
                     e.contains("found 100 bytes"),
                 qPrintable(e));
    }

    void rejectsBadMagic()
    {
        const QString e = errorOf(QByteArray("PK\x03\x04 this is a zip archive"));
        QVERIFY2(e.contains("bad.npy (byte 0)") && e.contains("magic"), qPrintable(e));
        const QString empty = errorOf(QByteArray());
        QVERIFY2(empty.contains("an empty file"), qPrintable(empty));
    }

    void rejectsBrokenHeader()
    {
        const QString e = errorOf(npyBytes("{'descr': '<f4'}", QByteArray(16, 0)));
        QVERIFY2(e.contains("'descr', 'fortran_order' and 'shape'"), qPrintable(e));
        QByteArray shortHeader =
            npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1)}", QByteArray(4, 0));
        shortHeader[8] = char(0xff); // header length beyond the end of the file
        shortHeader[9] = char(0x7f);
        const QString h = errorOf(shortHeader);
        QVERIFY2(h.contains("bad.npy (byte 10)") && h.contains("header of"), qPrintable(h));
    }

    void writeFailsIntoMissingFolder()
    {
        const float v = 1.f;
        QString error;
        QVERIFY(!writeNpy(path("no/such/folder/x.npy"), &v, 1, 1, &error));
        QVERIFY2(error.contains("x.npy"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestNpyFile)
#include "tst_npyfile.moc"
