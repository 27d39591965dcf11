// Tests of the FairFace reader on small folders written in the real FairFace layout.
#include "data/fairfacereader.h"
#include "fixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

namespace {

const QStringList kAges = {"0-2",   "3-9",   "10-19", "20-29",       "30-39",
                           "40-49", "50-59", "60-69", "more than 70"};
const QStringList kRaces = {"White",           "Black",  "Latino_Hispanic", "East Asian",
                            "Southeast Asian", "Indian", "Middle Eastern"};
constexpr int kTrain = 9;
constexpr int kVal = 5;
const QString kHeader = QStringLiteral("file,age,gender,race,service_test");

QStringList labelLines(const QString &part, int count, int offset)
{
    QStringList lines{kHeader};
    for (int i = 0; i < count; ++i) {
        const int k = i + offset;
        lines << QStringLiteral("%1/%2.jpg,%3,%4,%5,%6")
                     .arg(part)
                     .arg(i + 1)
                     .arg(kAges[k % kAges.size()],
                          k % 2 ? QStringLiteral("Female") : QStringLiteral("Male"),
                          kRaces[k % kRaces.size()],
                          k % 3 ? QStringLiteral("True") : QStringLiteral("False"));
    }
    return lines;
}

} // namespace

class TestFairFaceReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_cache;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString root() const { return m_dir->path() + QStringLiteral("/fairface"); }
    QString trainCsv() const { return root() + QStringLiteral("/fairface_label_train.csv"); }
    QString valCsv() const { return root() + QStringLiteral("/fairface_label_val.csv"); }
    Dataset read()
    {
        return readFairFace(DatasetSpec{QStringLiteral("fairface"), root(), {}}, ReadContext{});
    }
    QString error()
    {
        return fixtures::dataErrorOf([this] { read(); });
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
        for (int i = 0; i < kTrain; ++i)
            QVERIFY(fixtures::writeSyntheticImage(
                root() + QStringLiteral("/train/%1.jpg").arg(i + 1), 96, 96, unsigned(i)));
        for (int i = 0; i < kVal; ++i)
            QVERIFY(fixtures::writeSyntheticImage(root() + QStringLiteral("/val/%1.jpg").arg(i + 1),
                                                  96, 96, unsigned(100 + i)));
        QVERIFY(fixtures::writeLines(trainCsv(), labelLines("train", kTrain, 0)));
        QVERIFY(fixtures::writeLines(valCsv(), labelLines("val", kVal, kTrain)));
    }

    void goodFolder()
    {
        const Dataset ds = read();
        QCOMPARE(ds.size, kTrain + kVal);
        QCOMPARE(ds.name, QStringLiteral("FairFace"));
        QCOMPARE(ds.itemNames.front(), QStringLiteral("train/1.jpg"));
        QCOMPARE(ds.itemNames.back(), QStringLiteral("val/5.jpg"));
        QCOMPARE(ds.attributes.names(), QStringList({"age", "gender", "race", "service_test"}));

        const Attribute &age = ds.attributes.column("age");
        QCOMPARE(age.type(), AttributeType::Categorical);
        QCOMPARE(age.levels(), kAges); // natural bin order, not alphabetical
        QCOMPARE(age.code(1), 1);
        QCOMPARE(age.displayValue(8), QStringLiteral("more than 70"));
        const Attribute &gender = ds.attributes.column("gender");
        QCOMPARE(gender.type(), AttributeType::Binary);
        QCOMPARE(gender.levels(), QStringList({"Male", "Female"}));
        QCOMPARE(gender.levelCounts(), std::vector<qint64>({7, 7}));
        const Attribute &race = ds.attributes.column("race");
        QCOMPARE(race.type(), AttributeType::Categorical);
        QCOMPARE(race.levels(), kRaces);
        QCOMPARE(race.displayValue(3), QStringLiteral("East Asian"));
        const Attribute &service = ds.attributes.column("service_test");
        QCOMPARE(service.type(), AttributeType::Binary);
        QCOMPARE(service.levels(), QStringList({"False", "True"}));

        const auto counts = ds.splitCounts();
        QCOMPARE(counts.value(Split::Train), kTrain);
        QCOMPARE(counts.value(Split::Val), 0);
        QCOMPARE(counts.value(Split::Test), kVal);
        QCOMPARE(ds.splits.back(), Split::Test);
        QCOMPARE(ds.warnings.size(), 1);
        QVERIFY(ds.warnings.front().contains("no test split"));

        QCOMPARE(ds.defaultTarget, QStringLiteral("gender"));
        QCOMPARE(ds.defaultSensitive, QStringList({"race"}));
        QCOMPARE(ds.images->count(), kTrain + kVal);
        QCOMPARE(ds.images->shape().width, 64);
    }

    void secondOpenReusesCache()
    {
        const Dataset first = read();
        const QString path = first.images->path();
        const QDateTime written = QFileInfo(path).lastModified();
        const Dataset second = read();
        QCOMPARE(second.images->path(), path);
        QCOMPARE(QFileInfo(path).lastModified(), written);
        QCOMPARE(second.fingerprint(), first.fingerprint());
    }

    void unknownRaceKeptWithWarning()
    {
        QStringList lines = labelLines("train", kTrain, 0);
        lines[2] = QStringLiteral("train/2.jpg,20-29,Male,Martian,False");
        QVERIFY(fixtures::writeLines(trainCsv(), lines));
        const Dataset ds = read();
        QCOMPARE(ds.attributes.column("race").levels().size(), kRaces.size() + 1);
        QCOMPARE(ds.attributes.column("race").displayValue(1), QStringLiteral("Martian"));
        QCOMPARE(ds.warnings.size(), 2);
    }

    void missingCsv()
    {
        QVERIFY(QFile::remove(valCsv()));
        const QString e = error();
        QVERIFY2(e.contains("fairface_label_val.csv") && e.contains("no such file"), qPrintable(e));
    }

    void wrongHeader()
    {
        QStringList lines = labelLines("train", kTrain, 0);
        lines[0] = QStringLiteral("file,age,sex,race,service_test");
        QVERIFY(fixtures::writeLines(trainCsv(), lines));
        const QString e = error();
        QVERIFY2(e.contains("fairface_label_train.csv:1") &&
                     e.contains("expected the header 'file,age,gender,race,service_test'") &&
                     e.contains("found 'file,age,sex,race,service_test'"),
                 qPrintable(e));
    }

    void raggedRow()
    {
        QStringList lines = labelLines("val", kVal, kTrain);
        lines[3] = QStringLiteral("val/3.jpg,20-29,Male,White");
        QVERIFY(fixtures::writeLines(valCsv(), lines));
        const QString e = error();
        QVERIFY2(e.contains("fairface_label_val.csv:4") && e.contains("expected 5 fields") &&
                     e.contains("found 4 fields"),
                 qPrintable(e));
    }

    void unknownGender()
    {
        QStringList lines = labelLines("train", kTrain, 0);
        lines[5] = QStringLiteral("train/5.jpg,20-29,Unknown,White,True");
        QVERIFY(fixtures::writeLines(trainCsv(), lines));
        const QString e = error();
        QVERIFY2(e.contains("fairface_label_train.csv:6") && e.contains("'gender'") &&
                     e.contains("expected Male or Female") && e.contains("found 'Unknown'"),
                 qPrintable(e));
    }

    void unknownAge()
    {
        QStringList lines = labelLines("train", kTrain, 0);
        lines[1] = QStringLiteral("train/1.jpg,70+,Male,White,True");
        QVERIFY(fixtures::writeLines(trainCsv(), lines));
        const QString e = error();
        QVERIFY2(e.contains("fairface_label_train.csv:2") && e.contains("'age'") &&
                     e.contains("found '70+'"),
                 qPrintable(e));
    }

    void missingImage()
    {
        QVERIFY(QFile::remove(root() + "/train/3.jpg"));
        const QString e = error();
        QVERIFY2(e.contains("fairface_label_train.csv:4") && e.contains("train/3.jpg") &&
                     e.contains("expected an existing image file"),
                 qPrintable(e));
    }

    void emptyLabelFiles()
    {
        QVERIFY(fixtures::writeLines(trainCsv(), {kHeader}));
        QVERIFY(fixtures::writeLines(valCsv(), {kHeader}));
        const QString e = error();
        QVERIFY2(e.contains("empty dataset"), qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestFairFaceReader)
#include "tst_fairfacereader.moc"
