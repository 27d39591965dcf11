// Tests of the UTKFace reader on small folders written in the real UTKFace layout.
#include "data/utkfacereader.h"
#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

namespace {

const int kAges[] = {1, 22, 35, 47, 58, 63, 76, 90};
constexpr int kGood = 8;

QString goodName(int i, bool chip)
{
    return QStringLiteral("%1_%2_%3_201701171420%4.jpg%5")
        .arg(kAges[i])
        .arg(i % 2)
        .arg(i % 5)
        .arg(i, 5, 10, QLatin1Char('0'))
        .arg(chip ? QStringLiteral(".chip.jpg") : QString());
}

// Names like those of the real set that cannot be used, in sorted order.
const QStringList kBadNames = {
    "25_2_0_20170116184028385.jpg",  // gender out of range
    "30_0_9_20170116184028385.jpg",  // race out of range
    "30_0_x_20170116184028385.jpg",  // race not a number
    "53__0_20170116184028385.jpg",   // empty gender field
    "61_1_20170109142408075.jpg",    // missing race field (a real UTKFace file)
    "abc_0_1_20170116184028385.jpg", // age not a number
};

} // namespace

class TestUtkFaceReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_cache;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString root() const { return m_dir->path() + QStringLiteral("/utk"); }
    QString images() const { return root() + QStringLiteral("/UTKFace"); }
    Dataset read(const QString &path, const QVariantMap &options = {})
    {
        return readUtkFace(DatasetSpec{QStringLiteral("utkface"), path, options}, ReadContext{});
    }
    void writeFolder(const QString &folder, bool chip, bool withBad)
    {
        for (int i = 0; i < kGood; ++i)
            QVERIFY(fixtures::writeSyntheticImage(folder + QLatin1Char('/') + goodName(i, chip), 80,
                                                  80, unsigned(i)));
        if (withBad)
            for (int i = 0; i < kBadNames.size(); ++i)
                QVERIFY(fixtures::writeSyntheticImage(folder + QLatin1Char('/') + kBadNames[i], 80,
                                                      80, unsigned(50 + i)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        qputenv("EQUISCOPE_CACHE_DIR", m_cache.path().toLocal8Bit());
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void goodFolderWithSkippedNames()
    {
        writeFolder(images(), false, true);
        QVERIFY(fixtures::writeFile(images() + "/README.txt", "not an image"));
        const Dataset ds = read(root()); // the archive's root, holding UTKFace/
        QCOMPARE(ds.size, kGood);
        QCOMPARE(ds.name, QStringLiteral("UTKFace"));
        QCOMPARE(ds.itemNames.size(), kGood);
        QStringList sorted = ds.itemNames;
        sorted.sort();
        QCOMPARE(ds.itemNames, sorted);

        const Attribute &age = ds.attributes.column("age");
        QCOMPARE(age.type(), AttributeType::Continuous);
        QCOMPARE(age.stats().min, 1.0);
        QCOMPARE(age.stats().max, 90.0);
        const Attribute &gender = ds.attributes.column("gender");
        QCOMPARE(gender.type(), AttributeType::Binary);
        QCOMPARE(gender.levels(), QStringList({"male", "female"}));
        QCOMPARE(gender.levelCounts(), std::vector<qint64>({4, 4}));
        const Attribute &race = ds.attributes.column("race");
        QCOMPARE(race.type(), AttributeType::Categorical);
        QCOMPARE(race.levels(), QStringList({"White", "Black", "Asian", "Indian", "Others"}));
        const int first = int(ds.itemNames.indexOf(goodName(3, false)));
        QVERIFY(first >= 0);
        QCOMPARE(age.value(first), 47.f);
        QCOMPARE(gender.displayValue(first), QStringLiteral("female"));
        QCOMPARE(race.displayValue(first), QStringLiteral("Indian"));

        QCOMPARE(ds.skipped, qint64(kBadNames.size()));
        QCOMPARE(ds.skippedExamples.size(), 5);
        QCOMPARE(ds.skippedExamples[0],
                 QStringLiteral("25_2_0_20170116184028385.jpg: gender field '2' out of range 0-1"));
        QCOMPARE(ds.skippedExamples[2],
                 QStringLiteral("30_0_x_20170116184028385.jpg: race field 'x' is not a number"));
        QCOMPARE(ds.skippedExamples[3],
                 QStringLiteral("53__0_20170116184028385.jpg: empty gender field"));
        QCOMPARE(ds.skippedExamples[4],
                 QStringLiteral("61_1_20170109142408075.jpg: missing race field"));
        QCOMPARE(ds.warnings.size(), 1);

        QCOMPARE(qint64(ds.splits.size()), ds.size);
        QCOMPARE(ds.splitCounts().value(Split::Test), 2); // default test fraction 0.2 of 8
        QCOMPARE(ds.defaultTarget, QStringLiteral("gender"));
        QCOMPARE(ds.defaultSensitive, QStringList({"race"}));
        QCOMPARE(ds.images->count(), kGood);
        QCOMPARE(ds.images->shape().width, 64);
    }

    void alignedChipNamesInFolderItself()
    {
        writeFolder(root(), true, false);
        const Dataset ds = read(root(), {{QStringLiteral("imageSize"), 48}});
        QCOMPARE(ds.size, kGood);
        QCOMPARE(ds.skipped, 0);
        QVERIFY(ds.itemNames.front().endsWith(".jpg.chip.jpg"));
        QCOMPARE(ds.images->shape().width, 48);
        QCOMPARE(ds.attributes.column("race").code(ds.itemNames.indexOf(goodName(4, true))), 4);
    }

    void cropPart1Subfolder()
    {
        writeFolder(root() + "/crop_part1", false, false);
        QCOMPARE(read(root()).size, kGood);
    }

    void splitOptions()
    {
        writeFolder(images(), false, false);
        const Dataset ds = read(images(), {{QStringLiteral("testFraction"), 0.25},
                                           {QStringLiteral("valFraction"), 0.25},
                                           {QStringLiteral("splitSeed"), 7}});
        QCOMPARE(ds.splitCounts().value(Split::Test), 2);
        QCOMPARE(ds.splitCounts().value(Split::Val), 2);
        QCOMPARE(ds.splitCounts().value(Split::Train), 4);
    }

    void secondOpenReusesCache()
    {
        writeFolder(images(), false, true);
        const Dataset first = read(images());
        const QString path = first.images->path();
        const QDateTime written = QFileInfo(path).lastModified();
        const Dataset second = read(images());
        QCOMPARE(second.images->path(), path);
        QCOMPARE(QFileInfo(path).lastModified(), written);
        QCOMPARE(second.fingerprint(), first.fingerprint());
    }

    void noValidFile()
    {
        for (const QString &name : kBadNames)
            QVERIFY(fixtures::writeSyntheticImage(images() + QLatin1Char('/') + name, 40, 40, 1));
        const QString e = fixtures::dataErrorOf([this] { read(root()); });
        QVERIFY2(e.contains(images()) && e.contains("empty dataset") &&
                     e.contains("none of the 6 .jpg files"),
                 qPrintable(e));
    }

    void noImagesAtAll()
    {
        QVERIFY(QDir().mkpath(images()));
        const QString e = fixtures::dataErrorOf([this] { read(root()); });
        QVERIFY2(e.contains(root()) && e.contains("empty dataset"), qPrintable(e));
    }

    void missingFolder()
    {
        const QString e = fixtures::dataErrorOf([this] { read(root() + "/nope"); });
        QVERIFY2(e.contains("nope") && e.contains("no such folder"), qPrintable(e));
    }

    void corruptImage()
    {
        writeFolder(images(), false, false);
        QVERIFY(fixtures::writeFile(images() + QLatin1Char('/') + goodName(2, false), "garbage"));
        const QString e = fixtures::dataErrorOf([this] { read(images()); });
        QVERIFY2(e.contains(goodName(2, false)) && e.contains("readable image"), qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestUtkFaceReader)
#include "tst_utkfacereader.moc"
