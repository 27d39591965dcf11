#include "data/imagecache.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestImageCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void buildThenMap()
    {
        const QString path = m_dir.filePath(QStringLiteral("a.eqimg"));
        const ImageCache::Shape shape{1000, 4, 5, 3};
        auto built = ImageCache::build(path, shape, [](qint64 i, uchar *dst) {
            for (int b = 0; b < 60; ++b)
                dst[b] = uchar((i + b) % 256);
            return QString();
        });
        QVERIFY2(built.ok(), qPrintable(built.error().toString()));
        QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
        auto opened = ImageCache::open(path);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value()->count(), 1000);
        QCOMPARE(int(opened.value()->image(999)[1]), (999 + 1) % 256);
    }

    void failedFillLeavesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("b.eqimg"));
        auto built = ImageCache::build(path, {600, 2, 2, 1}, [](qint64 i, uchar *) {
            return i == 444 ? QStringLiteral("img444.jpg: unreadable") : QString();
        });
        QVERIFY(!built.ok());
        QCOMPARE(built.error().toString(), QStringLiteral("img444.jpg: unreadable"));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
    }

    void cancelledBuildLeavesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("c.eqimg"));
        auto built = ImageCache::build(path, {600, 2, 2, 1}, [](qint64, uchar *) { return QString(); },
                                       [] { return true; });
        QVERIFY(!built.ok());
        QVERIFY(!QFile::exists(path));
    }

    void truncatedCacheIsRejected()
    {
        const QString path = m_dir.filePath(QStringLiteral("d.eqimg"));
        QVERIFY(ImageCache::build(path, {10, 2, 2, 1}, [](qint64, uchar *) { return QString(); }).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() - 3));
        f.close();
        auto opened = ImageCache::open(path);
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().toString().contains(QStringLiteral("truncated")));
        // openOrBuild repairs it.
        auto rebuilt = ImageCache::openOrBuild(path, {10, 2, 2, 1}, [](qint64, uchar *) { return QString(); });
        QVERIFY(rebuilt.ok());
    }

    void wrongMagic()
    {
        const QString path = m_dir.filePath(QStringLiteral("e.eqimg"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100, 'x'));
        f.close();
        QVERIFY(!ImageCache::open(path).ok());
    }
};

QTEST_GUILESS_MAIN(TestImageCache)
#include "tst_imagecache.moc"
