#include "data/datasetreader.h"
#include "data/idxreader.h"
#include "fixtures.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestIdxReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QByteArray images(int n) const
    {
        QByteArray data(n * 28 * 28, Qt::Uninitialized);
        for (int i = 0; i < data.size(); ++i)
            data[i] = char(i % 251);
        return fixtures::idxBytes({n, 28, 28}, data);
    }
    QByteArray labels(int n) const
    {
        QByteArray data(n, Qt::Uninitialized);
        for (int i = 0; i < n; ++i)
            data[i] = char(i % 10);
        return fixtures::idxBytes({n}, data);
    }
    QString errorOf(const QString &path)
    {
        try {
            readIdxFile(path);
        } catch (const DataException &e) {
            return e.error().toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    }

    void readsPlainAndGzip_data()
    {
        QTest::addColumn<bool>("gz");
        QTest::newRow("plain") << false;
        QTest::newRow("gzip") << true;
    }
    void readsPlainAndGzip()
    {
        QFETCH(bool, gz);
        const QString sub = m_dir.filePath(gz ? QStringLiteral("gz") : QStringLiteral("plain"));
        const QString suffix = gz ? QStringLiteral(".gz") : QString();
        auto enc = [gz](const QByteArray &b) { return gz ? fixtures::gzip(b) : b; };
        QVERIFY(fixtures::writeFile(sub + "/train-images-idx3-ubyte" + suffix, enc(images(12))));
        QVERIFY(fixtures::writeFile(sub + "/train-labels-idx1-ubyte" + suffix, enc(labels(12))));
        QVERIFY(fixtures::writeFile(sub + "/t10k-images-idx3-ubyte" + suffix, enc(images(5))));
        QVERIFY(fixtures::writeFile(sub + "/t10k-labels-idx1-ubyte" + suffix, enc(labels(5))));
        auto ds = openDataset({QStringLiteral("idx"), sub, {}});
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        QCOMPARE(ds->size, 17);
        QCOMPARE(ds->splitCounts().value(Split::Train), 12);
        QCOMPARE(ds->splitCounts().value(Split::Test), 5);
        QCOMPARE(ds->images->shape().height, 28);
        QCOMPARE(ds->images->shape().channels, 1);
        // The test images follow the train images; pixel bytes survive the cache.
        QCOMPARE(int(ds->images->image(12)[3]), 3);
        const Attribute &label = ds->attributes.column(QStringLiteral("label"));
        QCOMPARE(label.code(13), 1);
        QCOMPARE(label.levelCounts()[0], 2 + 1);
        // Second open maps the same cache file.
        auto again = openDataset({QStringLiteral("idx"), sub, {}});
        QCOMPARE(again->images->path(), ds->images->path());
    }

    void wrongMagic()
    {
        QByteArray bad = images(2);
        bad[2] = 0x0d; // float type instead of unsigned byte
        const QString path = m_dir.filePath(QStringLiteral("bad-magic-idx3-ubyte"));
        fixtures::writeFile(path, bad);
        const QString e = errorOf(path);
        QVERIFY2(e.contains(path) && e.contains(QStringLiteral("magic")) && e.contains(QStringLiteral("0x00000d03")), qPrintable(e));
    }

    void truncatedData()
    {
        QByteArray bad = images(3);
        bad.chop(100);
        const QString path = m_dir.filePath(QStringLiteral("short-images-idx3-ubyte"));
        fixtures::writeFile(path, bad);
        const QString e = errorOf(path);
        QVERIFY2(e.contains(QStringLiteral("2352 data bytes")) && e.contains(QStringLiteral("2252 bytes")), qPrintable(e));
    }

    void truncatedGzip()
    {
        QByteArray gz = fixtures::gzip(images(50));
        gz.chop(gz.size() / 2);
        const QString path = m_dir.filePath(QStringLiteral("trunc-images-idx3-ubyte.gz"));
        fixtures::writeFile(path, gz);
        const QString e = errorOf(path);
        QVERIFY2(e.contains(path) && e.contains(QStringLiteral("truncated")), qPrintable(e));
    }

    void corruptGzip()
    {
        QByteArray gz = fixtures::gzip(images(50));
        for (int i = 20; i < 60; ++i)
            gz[i] = char(0xff);
        const QString path = m_dir.filePath(QStringLiteral("corrupt-images-idx3-ubyte.gz"));
        fixtures::writeFile(path, gz);
        const QString e = errorOf(path);
        QVERIFY2(e.contains(path) && e.contains(QStringLiteral("gzip")), qPrintable(e));
    }

    void countMismatch()
    {
        const QString sub = m_dir.filePath(QStringLiteral("mismatch"));
        fixtures::writeFile(sub + "/train-images-idx3-ubyte", images(10));
        fixtures::writeFile(sub + "/train-labels-idx1-ubyte", labels(9));
        auto ds = openDataset({QStringLiteral("idx"), sub, {}});
        QVERIFY(!ds.ok());
        const QString e = ds.error().toString();
        QVERIFY2(e.contains(QStringLiteral("train-labels-idx1-ubyte")) && e.contains(QStringLiteral("10 labels")) &&
                     e.contains(QStringLiteral("found 9 labels")),
                 qPrintable(e));
    }

    void emptyDataset()
    {
        const QString sub = m_dir.filePath(QStringLiteral("empty"));
        fixtures::writeFile(sub + "/train-images-idx3-ubyte", images(0));
        fixtures::writeFile(sub + "/train-labels-idx1-ubyte", labels(0));
        auto ds = openDataset({QStringLiteral("idx"), sub, {}});
        QVERIFY(!ds.ok());
        QVERIFY2(ds.error().toString().contains(QStringLiteral("empty dataset")), qPrintable(ds.error().toString()));
    }

    void missingFolder()
    {
        auto ds = openDataset({QStringLiteral("idx"), m_dir.filePath(QStringLiteral("nope")), {}});
        QVERIFY(!ds.ok());
        QVERIFY(ds.error().toString().contains(QStringLiteral("nope")));
    }

    void debianFashionMnist()
    {
        const QString dir = fixtures::fashionMnistDir();
        if (dir.isEmpty())
            QSKIP("dataset-fashion-mnist is not installed");
        auto ds = openDataset({QStringLiteral("idx"), dir, {}});
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        QCOMPARE(ds->size, 70000);
        QCOMPARE(ds->splitCounts().value(Split::Train), 60000);
        QCOMPARE(ds->splitCounts().value(Split::Test), 10000);
        const Attribute &label = ds->attributes.column(QStringLiteral("label"));
        QCOMPARE(label.levels().value(9), QStringLiteral("Ankle boot"));
        for (qint64 c : label.levelCounts())
            QCOMPARE(c, 7000);
    }
};

QTEST_GUILESS_MAIN(TestIdxReader)
#include "tst_idxreader.moc"
