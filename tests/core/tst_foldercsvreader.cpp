// Tests of the image-folder + CSV reader.
#include "data/foldercsvreader.h"
#include "fixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

namespace {

constexpr int kRows = 10;
const QString kHeader = QStringLiteral("file,label,group,score,rgb");

QString imagePath(int i)
{
    // One name needs CSV quoting, as real exports produce.
    return i == 3 ? QStringLiteral("images/img 03,x.png")
                  : QStringLiteral("images/img_%1.png").arg(i, 2, 10, QLatin1Char('0'));
}

QString quotedPath(int i)
{
    return i == 3 ? QLatin1Char('"') + imagePath(i) + QLatin1Char('"') : imagePath(i);
}

QStringList csvLines()
{
    const QStringList groups = {"A", "B", "C"};
    QStringList lines{kHeader};
    for (int i = 0; i < kRows; ++i)
        lines << QStringLiteral("%1,%2,%3,%4,%5;%6;0")
                     .arg(quotedPath(i))
                     .arg(i % 2)
                     .arg(groups[i % 3])
                     .arg(0.5 * i)
                     .arg(25 * i)
                     .arg(255 - 25 * i);
    return lines;
}

} // namespace

class TestFolderCsvReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_cache;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString root() const { return m_dir->path() + QStringLiteral("/faces"); }
    QString csv() const { return root() + QStringLiteral("/labels.csv"); }
    Dataset read(const QVariantMap &options = {}, const QString &path = {})
    {
        return readFolderCsv(
            DatasetSpec{QStringLiteral("folder-csv"), path.isEmpty() ? csv() : path, options},
            ReadContext{});
    }
    QString error(const QVariantMap &options = {}, const QString &path = {})
    {
        return fixtures::dataErrorOf([&] { read(options, path); });
    }
    static QVariantMap types(const QString &column, const QString &type)
    {
        return {{QStringLiteral("types"), QVariantMap{{column, type}}}};
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
        for (int i = 0; i < kRows; ++i)
            QVERIFY(fixtures::writeSyntheticImage(root() + QLatin1Char('/') + imagePath(i), 40, 30,
                                                  unsigned(i)));
        QVERIFY(fixtures::writeLines(csv(), csvLines()));
    }

    void goodFolder()
    {
        const Dataset ds = read();
        QCOMPARE(ds.size, kRows);
        QCOMPARE(ds.name, QStringLiteral("faces"));
        QCOMPARE(ds.itemNames[3], QStringLiteral("images/img 03,x.png"));
        QCOMPARE(ds.attributes.names(), QStringList({"label", "group", "score", "rgb"}));
        QCOMPARE(ds.attributes.column("label").type(), AttributeType::Binary);
        QCOMPARE(ds.attributes.column("group").type(), AttributeType::Categorical);
        QCOMPARE(ds.attributes.column("group").levels(), QStringList({"A", "B", "C"}));
        QCOMPARE(ds.attributes.column("group").levelCounts(), std::vector<qint64>({4, 3, 3}));
        QCOMPARE(ds.attributes.column("score").type(), AttributeType::Continuous);
        QCOMPARE(ds.attributes.column("score").value(4), 2.f);
        QCOMPARE(ds.attributes.column("rgb").type(), AttributeType::Vector);
        QCOMPARE(ds.attributes.column("rgb").dim(), 3);
        QCOMPARE(qint64(ds.splits.size()), ds.size);
        QCOMPARE(ds.splitCounts().value(Split::Test), 2);
        QCOMPARE(ds.defaultTarget, QStringLiteral("label"));
        QCOMPARE(ds.defaultSensitive, QStringList({"group"}));
        QCOMPARE(ds.images->count(), kRows);
        QCOMPARE(ds.images->shape().width, 64);
    }

    void folderHoldingOneCsv() { QCOMPARE(read({}, root()).size, kRows); }

    void folderWithTwoCsvs()
    {
        QVERIFY(fixtures::writeLines(root() + "/other.csv", csvLines()));
        const QString e = error({}, root());
        QVERIFY2(e.contains("exactly one .csv") && e.contains("labels.csv, other.csv"),
                 qPrintable(e));
    }

    void folderWithoutCsv()
    {
        const QString e = error({}, root() + "/images");
        QVERIFY2(e.contains("exactly one .csv") && e.contains("found none"), qPrintable(e));
    }

    void splitColumn()
    {
        QStringList lines = csvLines();
        lines[0] += QStringLiteral(",split");
        for (int i = 1; i <= kRows; ++i)
            lines[i] += i <= 6   ? QStringLiteral(",train")
                        : i <= 8 ? QStringLiteral(",val")
                                 : QStringLiteral(",TEST");
        QVERIFY(fixtures::writeLines(csv(), lines));
        const Dataset ds = read();
        QVERIFY(!ds.attributes.contains("split"));
        QCOMPARE(ds.splitCounts().value(Split::Train), 6);
        QCOMPARE(ds.splitCounts().value(Split::Val), 2);
        QCOMPARE(ds.splitCounts().value(Split::Test), 2);
        QCOMPARE(ds.splits[9], Split::Test);
    }

    void badSplitValue()
    {
        QStringList lines = csvLines();
        lines[0] += QStringLiteral(",split");
        for (int i = 1; i <= kRows; ++i)
            lines[i] += i == 5 ? QStringLiteral(",holdout") : QStringLiteral(",train");
        QVERIFY(fixtures::writeLines(csv(), lines));
        const QString e = error();
        QVERIFY2(e.contains("labels.csv:6") && e.contains("'split'") &&
                     e.contains("expected train, val or test") && e.contains("found 'holdout'"),
                 qPrintable(e));
    }

    void typeOverrides()
    {
        const Dataset ds = read(types("label", "categorical"));
        QCOMPARE(ds.attributes.column("label").type(), AttributeType::Categorical);
        const Dataset cont = read(types("label", "Continuous"));
        QCOMPARE(cont.attributes.column("label").type(), AttributeType::Continuous);
    }

    void overrideUnknownColumn()
    {
        const QString e = error(types("nope", "binary"));
        QVERIFY2(e.contains("labels.csv") && e.contains("unknown column 'nope'") &&
                     e.contains("label, group, score, rgb"),
                 qPrintable(e));
    }

    void overrideUnknownType()
    {
        const QString e = error(types("group", "ordinal"));
        QVERIFY2(e.contains("labels.csv") && e.contains("'group'") &&
                     e.contains("binary, categorical, continuous or vector") &&
                     e.contains("found type 'ordinal'"),
                 qPrintable(e));
    }

    void overrideThatDoesNotParse()
    {
        const QString e = error(types("group", "continuous"));
        QVERIFY2(e.contains("labels.csv:2") && e.contains("'group'") &&
                     e.contains("expected a number") && e.contains("found 'A'"),
                 qPrintable(e));
    }

    void emptyCsv()
    {
        QVERIFY(fixtures::writeLines(csv(), {kHeader}));
        const QString e = error();
        QVERIFY2(e.contains("labels.csv") && e.contains("empty dataset"), qPrintable(e));
    }

    void raggedRow()
    {
        QStringList lines = csvLines();
        lines[7] += QStringLiteral(",extra");
        QVERIFY(fixtures::writeLines(csv(), lines));
        const QString e = error();
        QVERIFY2(e.contains("labels.csv:8") && e.contains("expected 5 fields") &&
                     e.contains("found 6 fields"),
                 qPrintable(e));
    }

    void missingImage()
    {
        QVERIFY(QFile::remove(root() + "/images/img_05.png"));
        const QString e = error();
        QVERIFY2(e.contains("labels.csv:7") && e.contains("images/img_05.png") &&
                     e.contains("expected an existing image file"),
                 qPrintable(e));
    }

    void unreadableImage()
    {
        QVERIFY(fixtures::writeFile(root() + "/images/img_06.png", "not a png"));
        const QString e = error();
        QVERIFY2(e.contains("img_06.png") && e.contains("readable image"), qPrintable(e));
    }

    void defaultsWithoutConventionalNames()
    {
        QVERIFY(
            fixtures::writeLines(csv(), {"path,color,smiling", imagePath(0) + ",red,yes",
                                         imagePath(1) + ",green,no", imagePath(2) + ",red,no"}));
        const Dataset ds = read();
        QCOMPARE(ds.size, 3);
        QCOMPARE(ds.defaultSensitive, QStringList({"color"}));
        QCOMPARE(ds.defaultTarget, QStringLiteral("smiling")); // first non-sensitive column
    }

    void inspectReportsColumnsWithoutImages()
    {
        // The wizard's view of the CSV: the reader's inferred types, and per type the error an
        // override would give. Images are not needed: remove one to prove they are not read.
        QVERIFY(QFile::remove(root() + "/images/img_05.png"));
        auto cols = inspectFolderCsvColumns(root());
        QVERIFY2(cols.ok(), qPrintable(cols.error().toString()));
        QCOMPARE(cols->csv, csv());
        QCOMPARE(cols->rows, qint64(kRows));
        QCOMPARE(cols->splitColumn, QString());
        QCOMPARE(cols->columns.size(), 4);
        const FolderCsvColumn &group = cols->columns[1];
        QCOMPARE(group.name, QStringLiteral("group"));
        QCOMPARE(group.type, AttributeType::Categorical);
        QCOMPARE(group.distinctValues, 3);
        QCOMPARE(group.examples, QStringList({"A", "B", "C"}));
        QVERIFY(group.errorAs(AttributeType::Categorical).isEmpty());
        // The same message the reader gives for that override (overrideThatDoesNotParse).
        QVERIFY2(group.errorAs(AttributeType::Continuous).contains("labels.csv:2") &&
                     group.errorAs(AttributeType::Continuous).contains("found 'A'"),
                 qPrintable(group.errorAs(AttributeType::Continuous)));
        QVERIFY(group.errorAs(AttributeType::Binary).contains("a binary value"));
        QCOMPARE(cols->columns[0].type, AttributeType::Binary);
        QCOMPARE(cols->columns[2].type, AttributeType::Continuous);
        QVERIFY(cols->columns[2].errorAs(AttributeType::Categorical).isEmpty());
        QCOMPARE(cols->columns[3].type, AttributeType::Vector);
        QCOMPARE(typesOptionText({{"score", "categorical"}, {"group", "categorical"}}),
                 QStringLiteral("group:categorical;score:categorical"));
    }

    void inspectFollowsTheTypesSidecar()
    {
        QVERIFY(fixtures::writeFile(typesSidecarPath(csv()), R"({"score": "categorical"})"));
        auto cols = inspectFolderCsvColumns(csv());
        QVERIFY(cols.ok());
        QCOMPARE(cols->columns[2].type, AttributeType::Categorical);
        QVERIFY(cols->columns[2].fromSidecar);
        QCOMPARE(read().attributes.column("score").type(), AttributeType::Categorical);
    }

    void inspectFailsLikeTheReader()
    {
        QStringList lines = csvLines();
        lines[7] += QStringLiteral(",extra");
        QVERIFY(fixtures::writeLines(csv(), lines));
        auto cols = inspectFolderCsvColumns(csv());
        QVERIFY(!cols.ok());
        QCOMPARE(cols.error().toString(), error());
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
};

QTEST_GUILESS_MAIN(TestFolderCsvReader)
#include "tst_foldercsvreader.moc"
