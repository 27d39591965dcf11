// Tests of the CelebA reader on small folders written in the real CelebA layout.
#include "data/celebareader.h"
#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

namespace {

// The header line of the real list_attr_celeba.txt.
const QStringList kNames =
    QStringLiteral(
        "5_o_Clock_Shadow Arched_Eyebrows Attractive Bags_Under_Eyes Bald Bangs Big_Lips "
        "Big_Nose Black_Hair Blond_Hair Blurry Brown_Hair Bushy_Eyebrows Chubby Double_Chin "
        "Eyeglasses Goatee Gray_Hair Heavy_Makeup High_Cheekbones Male Mouth_Slightly_Open "
        "Mustache Narrow_Eyes No_Beard Oval_Face Pale_Skin Pointy_Nose Receding_Hairline "
        "Rosy_Cheeks Sideburns Smiling Straight_Hair Wavy_Hair Wearing_Earrings Wearing_Hat "
        "Wearing_Lipstick Wearing_Necklace Wearing_Necktie Young")
        .split(QLatin1Char(' '));
constexpr int kImages = 10;

QString imageName(int i)
{
    return QStringLiteral("%1.jpg").arg(i + 1, 6, 10, QLatin1Char('0'));
}

bool present(int image, int attribute)
{
    if (kNames[attribute] == QLatin1String("Male"))
        return image % 2 == 0;
    if (kNames[attribute] == QLatin1String("Young"))
        return image % 3 != 0;
    return (image * 7 + attribute * 3) % 5 < 2;
}

/// The lines of list_attr_celeba.txt, formatted like the real file (values right-aligned in
/// 3-character columns, so separated by one or two spaces).
QStringList attrLines()
{
    QStringList lines{QString::number(kImages), kNames.join(QLatin1Char(' ')) + QLatin1Char(' ')};
    for (int i = 0; i < kImages; ++i) {
        QString line = imageName(i);
        for (int k = 0; k < kNames.size(); ++k)
            line += present(i, k) ? QStringLiteral("  1") : QStringLiteral(" -1");
        lines << line;
    }
    return lines;
}

QStringList partitionLines()
{
    QStringList lines;
    for (int i = 0; i < kImages; ++i)
        lines << imageName(i) + QStringLiteral(" %1").arg(i < 6 ? 0 : i < 8 ? 1 : 2);
    return lines;
}

} // namespace

class TestCelebAReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_cache;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString root() const { return m_dir->path() + QStringLiteral("/celeba"); }
    Dataset read(const QVariantMap &options = {})
    {
        return readCelebA(DatasetSpec{QStringLiteral("celeba"), root(), options}, ReadContext{});
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
        for (int i = 0; i < kImages; ++i)
            QVERIFY(fixtures::writeSyntheticImage(root() + "/img_align_celeba/" + imageName(i), 178,
                                                  218, unsigned(i + 1)));
        QVERIFY(fixtures::writeLines(root() + "/list_attr_celeba.txt", attrLines()));
        QVERIFY(fixtures::writeLines(root() + "/list_eval_partition.txt", partitionLines()));
        QStringList identity;
        for (int i = 0; i < kImages; ++i)
            identity << imageName(i) + QStringLiteral(" %1").arg(2880 + i / 2);
        QVERIFY(fixtures::writeLines(root() + "/identity_CelebA.txt", identity));
    }

    void goodFolder()
    {
        const Dataset ds = read();
        QCOMPARE(ds.size, kImages);
        QCOMPARE(ds.name, QStringLiteral("CelebA"));
        QCOMPARE(ds.itemNames.size(), kImages);
        QCOMPARE(ds.itemNames.front(), QStringLiteral("000001.jpg"));
        QCOMPARE(ds.attributes.columnCount(), 41);
        QCOMPARE(ds.attributes.rowCount(), kImages);
        for (int k = 0; k < kNames.size(); ++k) {
            const Attribute &a = ds.attributes.column(kNames[k]);
            QCOMPARE(a.type(), AttributeType::Binary);
            QCOMPARE(a.levels(), QStringList({"-1", "1"}));
            for (int i = 0; i < kImages; ++i)
                QCOMPARE(a.code(i), present(i, k) ? 1 : 0);
        }
        QCOMPARE(ds.attributes.column("Male").levelCounts(), std::vector<qint64>({5, 5}));
        const Attribute &identity = ds.attributes.column("identity");
        QCOMPARE(identity.type(), AttributeType::Categorical);
        QCOMPARE(identity.levels().size(), 5);
        QCOMPARE(identity.levels().front(), QStringLiteral("2880"));
        QCOMPARE(identity.code(9), 4);

        const auto counts = ds.splitCounts();
        QCOMPARE(counts.value(Split::Train), 6);
        QCOMPARE(counts.value(Split::Val), 2);
        QCOMPARE(counts.value(Split::Test), 2);
        QCOMPARE(ds.splits[7], Split::Val);
        QCOMPARE(ds.defaultTarget, QStringLiteral("Attractive"));
        QCOMPARE(ds.defaultSensitive, QStringList({"Male", "Young"}));
        QVERIFY(ds.warnings.isEmpty());

        QVERIFY(ds.images);
        QCOMPARE(ds.images->count(), kImages);
        QCOMPARE(ds.images->shape().width, 64);
        QCOMPARE(ds.images->shape().height, 64);
        QCOMPARE(ds.images->shape().channels, 3);
        QVERIFY(ds.images->path().startsWith(m_cache.path()));
    }

    void imageSizeOption()
    {
        const Dataset ds = read({{QStringLiteral("imageSize"), 32}});
        QCOMPARE(ds.images->shape().width, 32);
    }

    void secondOpenReusesCache()
    {
        const Dataset first = read();
        const QString path = first.images->path();
        const QDateTime written = QFileInfo(path).lastModified();
        const Dataset second = read();
        QCOMPARE(second.images->path(), path);
        QCOMPARE(QFileInfo(path).lastModified(), written); // mapped, not rewritten
        QCOMPARE(second.fingerprint(), first.fingerprint());
    }

    void withoutOptionalFiles()
    {
        QVERIFY(QFile::remove(root() + "/list_eval_partition.txt"));
        QVERIFY(QFile::remove(root() + "/identity_CelebA.txt"));
        const Dataset ds = read({{QStringLiteral("testFraction"), 0.3}});
        QCOMPARE(qint64(ds.splits.size()), kImages);
        QCOMPARE(ds.splitCounts().value(Split::Test), 3);
        QVERIFY(!ds.attributes.contains("identity"));
        QCOMPARE(ds.warnings.size(), 1);
        QVERIFY(ds.warnings.front().contains("list_eval_partition.txt"));
    }

    void countMismatch()
    {
        QStringList lines = attrLines();
        lines[0] = QStringLiteral("12");
        QVERIFY(fixtures::writeLines(root() + "/list_attr_celeba.txt", lines));
        const QString e = error();
        QVERIFY2(e.contains("list_attr_celeba.txt") && e.contains("expected 12") &&
                     e.contains("found 10"),
                 qPrintable(e));
    }

    void rowWithMissingField()
    {
        QStringList lines = attrLines();
        lines[4].chop(3); // line 5 loses its last value
        QVERIFY(fixtures::writeLines(root() + "/list_attr_celeba.txt", lines));
        const QString e = error();
        QVERIFY2(e.contains("list_attr_celeba.txt:5") && e.contains("expected 41 fields") &&
                     e.contains("found 40 fields"),
                 qPrintable(e));
    }

    void rowWithExtraField()
    {
        QStringList lines = attrLines();
        lines[6] += QStringLiteral("  1");
        QVERIFY(fixtures::writeLines(root() + "/list_attr_celeba.txt", lines));
        const QString e = error();
        QVERIFY2(e.contains("list_attr_celeba.txt:7") && e.contains("found 42 fields"),
                 qPrintable(e));
    }

    void badValue()
    {
        QStringList lines = attrLines();
        QStringList fields = lines[3].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        fields[1 + kNames.indexOf("Attractive")] = QStringLiteral("2");
        lines[3] = fields.join(QLatin1Char(' '));
        QVERIFY(fixtures::writeLines(root() + "/list_attr_celeba.txt", lines));
        const QString e = error();
        QVERIFY2(e.contains("list_attr_celeba.txt:4") && e.contains("Attractive") &&
                     e.contains("expected 1 or -1") && e.contains("found '2'"),
                 qPrintable(e));
    }

    void imageMissingFromPartition()
    {
        QStringList lines = partitionLines();
        lines.removeAt(6);
        QVERIFY(fixtures::writeLines(root() + "/list_eval_partition.txt", lines));
        const QString e = error();
        QVERIFY2(e.contains("list_eval_partition.txt") && e.contains("000007.jpg"), qPrintable(e));
    }

    void badPartitionValue()
    {
        QStringList lines = partitionLines();
        lines[2] = QStringLiteral("000003.jpg 3");
        QVERIFY(fixtures::writeLines(root() + "/list_eval_partition.txt", lines));
        const QString e = error();
        QVERIFY2(e.contains("list_eval_partition.txt:3") && e.contains("found '3'"), qPrintable(e));
    }

    void imageMissingFromIdentity()
    {
        QVERIFY(fixtures::writeLines(root() + "/identity_CelebA.txt",
                                     {QStringLiteral("000001.jpg 1")}));
        const QString e = error();
        QVERIFY2(e.contains("identity_CelebA.txt") && e.contains("000002.jpg"), qPrintable(e));
    }

    void missingAttributeFile()
    {
        QVERIFY(QFile::remove(root() + "/list_attr_celeba.txt"));
        const QString e = error();
        QVERIFY2(e.contains("list_attr_celeba.txt") && e.contains("no such file"), qPrintable(e));
    }

    void missingImage()
    {
        QVERIFY(QFile::remove(root() + "/img_align_celeba/000003.jpg"));
        const QString e = error();
        QVERIFY2(e.contains("000003.jpg") && e.contains("no such file"), qPrintable(e));
    }

    void corruptImage()
    {
        QVERIFY(fixtures::writeFile(root() + "/img_align_celeba/000004.jpg", "not a jpeg"));
        const QString e = error();
        QVERIFY2(e.contains("000004.jpg") && e.contains("expected a readable image"),
                 qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestCelebAReader)
#include "tst_celebareader.moc"
