#include "data/imagecache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestImageCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QStringList partials() const
    {
        return QDir(m_dir.path()).entryList({QStringLiteral("*.partial")}, QDir::Files);
    }

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
        QVERIFY(partials().isEmpty());
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
        QVERIFY(partials().isEmpty());
    }

    void cancelledBuildLeavesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("c.eqimg"));
        auto built = ImageCache::build(
            path, {600, 2, 2, 1}, [](qint64, uchar *) { return QString(); }, [] { return true; });
        QVERIFY(!built.ok());
        QVERIFY(!QFile::exists(path));
    }

    void truncatedCacheIsRejected()
    {
        const QString path = m_dir.filePath(QStringLiteral("d.eqimg"));
        QVERIFY(
            ImageCache::build(path, {10, 2, 2, 1}, [](qint64, uchar *) { return QString(); }).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() - 3));
        f.close();
        auto opened = ImageCache::open(path);
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().toString().contains(QStringLiteral("truncated")));
        // openOrBuild repairs it.
        auto rebuilt =
            ImageCache::openOrBuild(path, {10, 2, 2, 1}, [](qint64, uchar *) { return QString(); });
        QVERIFY(rebuilt.ok());
    }

    void sizeBeyondTheDiskIsRefusedBeforeWriting()
    {
        // 2^40 images of 64×64×3: the free-space check refuses it before a byte is written.
        const QString path = m_dir.filePath(QStringLiteral("huge.eqimg"));
        auto built = ImageCache::build(path, {qint64(1) << 40, 64, 64, 3},
                                       [](qint64, uchar *) { return QString(); });
        QVERIFY(!built.ok());
        QVERIFY2(built.error().toString().contains(QStringLiteral("not enough disk space")),
                 qPrintable(built.error().toString()));
        QVERIFY(!QFile::exists(path));
        QVERIFY(partials().isEmpty());
        // A shape whose byte count overflows is refused as such.
        auto overflow = ImageCache::build(path, {qint64(1) << 62, 1024, 1024, 3},
                                          [](qint64, uchar *) { return QString(); });
        QVERIFY(!overflow.ok());
        QVERIFY(partials().isEmpty());
    }

    void stalePartialsOfDeadProcessesAreRemoved()
    {
        // A partial cache of a process that no longer exists (pid 2^22 + 1 is above Linux's
        // pid_max default), one of the old naming, and one of this live process.
        const QString dead = m_dir.filePath(QStringLiteral("x.eqimg.4194305.partial"));
        const QString old = m_dir.filePath(QStringLiteral("y.eqimg.partial"));
        const QString live = m_dir.filePath(
            QStringLiteral("z.eqimg.%1.partial").arg(QCoreApplication::applicationPid()));
        for (const QString &file : {dead, old, live}) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("partial");
        }
        QVERIFY(ImageCache::build(m_dir.filePath(QStringLiteral("f.eqimg")), {4, 2, 2, 1},
                                  [](qint64, uchar *) { return QString(); })
                    .ok());
        QVERIFY(!QFile::exists(dead));
        QVERIFY(!QFile::exists(old));
        QVERIFY(QFile::exists(live));
        QFile::remove(live);
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
