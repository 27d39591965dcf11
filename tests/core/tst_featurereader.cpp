// Tests of the feature-file reader: features.bin + labels.meta (the clustering benchmark
// format), CSV and NPY matrices.
#include "data/featurematrix.h"
#include "data/featurereader.h"
#include "data/npyfile.h"
#include "fixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <limits>

using namespace equiscope;

namespace {

constexpr int kRows = 12;
constexpr int kDim = 5;

float valueAt(int r, int c)
{
    return float(r) * 10.f + float(c) * 0.25f;
}

QByteArray featureBytes(int rows, int dim)
{
    std::vector<float> v;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < dim; ++c)
            v.push_back(valueAt(r, c));
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size() * 4));
}

QByteArray lines(int count, const std::function<QString(int)> &line)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += line(i).toUtf8() + '\n';
    return out;
}

} // namespace

class TestFeatureReader : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString file(const QString &name) const { return m_dir->path() + "/mnist/" + name; }
    Dataset read(const QString &path, const QVariantMap &options = {})
    {
        return readFeatures(DatasetSpec{QStringLiteral("features"), path, options}, ReadContext{});
    }
    QString error(const QString &path, const QVariantMap &options = {})
    {
        return fixtures::dataErrorOf([&] { read(path, options); });
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(fixtures::writeFile(file("features.bin"), featureBytes(kRows, kDim)));
        QVERIFY(fixtures::writeFile(file("labels.meta"),
                                    lines(kRows, [](int i) { return QString::number(i % 3); })));
    }

    void binaryWithLabels()
    {
        const Dataset ds = read(file("features.bin"));
        QCOMPARE(ds.size, kRows);
        QVERIFY(ds.features);
        QVERIFY(!ds.images);
        QCOMPARE(ds.features->rows(), kRows);
        QCOMPARE(ds.features->cols(), kDim); // inferred from the size and the label count
        QCOMPARE(ds.features->row(7)[3], valueAt(7, 3));
        const Attribute &label = ds.attributes.column("label");
        QCOMPARE(label.type(), AttributeType::Categorical);
        QCOMPARE(label.levels(), QStringList({"0", "1", "2"}));
        QCOMPARE(label.levelCounts(), std::vector<qint64>({4, 4, 4}));
        QCOMPARE(qint64(ds.splits.size()), ds.size);
        QCOMPARE(ds.defaultTarget, QStringLiteral("label"));
        QVERIFY(ds.defaultSensitive.isEmpty());
        QCOMPARE(ds.name, QStringLiteral("mnist/features.bin"));
    }

    void folderAndDimOption()
    {
        const Dataset ds = read(m_dir->path() + "/mnist", {{"dim", kDim}});
        QCOMPARE(ds.features->cols(), kDim);
        const QString e = error(file("features.bin"), {{"dim", 6}});
        QVERIFY2(e.contains("features.bin") && e.contains("expected 12×6 float32 values") &&
                     e.contains("found 240 bytes"),
                 qPrintable(e));
    }

    void nonFiniteFeatureIsRefused()
    {
        // A NaN would silently poison every distance it enters (bench/hostile/campaign.py).
        QByteArray bytes = featureBytes(kRows, kDim);
        const float nan = std::numeric_limits<float>::quiet_NaN();
        std::memcpy(bytes.data() + (7 * kDim + 2) * 4, &nan, 4);
        QVERIFY(fixtures::writeFile(file("features.bin"), bytes));
        const QString e = error(file("features.bin"));
        QVERIFY2(e.contains("features.bin") && e.contains("row 8, column 3") &&
                     e.contains("a finite number") && e.contains("nan"),
                 qPrintable(e));
    }

    void sizeNotMultipleOfRows()
    {
        QVERIFY(fixtures::writeFile(file("features.bin"), featureBytes(kRows, kDim) + "ab"));
        const QString e = error(file("features.bin"));
        QVERIFY2(e.contains("features.bin") && e.contains("expected 12×D float32 values") &&
                     e.contains("4·12 = 48 bytes") && e.contains("found 242 bytes"),
                 qPrintable(e));
    }

    void nonIntegerLabel()
    {
        QVERIFY(fixtures::writeFile(file("labels.meta"), lines(kRows, [](int i) {
                                        return i == 3 ? QStringLiteral("1.5") : QStringLiteral("1");
                                    })));
        const QString e = error(file("features.bin"));
        QVERIFY2(e.contains("labels.meta:4") && e.contains("expected an integer label") &&
                     e.contains("found '1.5'"),
                 qPrintable(e));
    }

    void labelsOptionAndGroups()
    {
        QVERIFY(fixtures::writeFile(file("other_labels.txt"),
                                    lines(kRows, [](int i) { return QString::number(i % 2); })));
        QVERIFY(fixtures::writeFile(file("groups.txt"), lines(kRows, [](int i) {
                                        return i < 4 ? QStringLiteral("red")
                                                     : QStringLiteral("green");
                                    })));
        // Relative option paths are taken relative to the features file.
        const Dataset ds = read(file("features.bin"),
                                {{"labels", "other_labels.txt"}, {"groups", file("groups.txt")}});
        QCOMPARE(ds.attributes.column("label").levels().size(), 2);
        const Attribute &group = ds.attributes.column("group");
        QCOMPARE(group.type(), AttributeType::Categorical);
        QCOMPARE(group.levels(), QStringList({"green", "red"}));
        QCOMPARE(group.displayValue(0), QStringLiteral("red"));
        QCOMPARE(ds.defaultSensitive, QStringList({"group"}));
    }

    void groupsLineCountMismatch()
    {
        QVERIFY(fixtures::writeFile(file("groups.txt"),
                                    lines(kRows - 1, [](int) { return QStringLiteral("a"); })));
        const QString e = error(file("features.bin"), {{"groups", file("groups.txt")}});
        QVERIFY2(e.contains("groups.txt") && e.contains("expected 12 lines") &&
                     e.contains("found 11 lines"),
                 qPrintable(e));
    }

    void missingLabels()
    {
        QVERIFY(QFile::remove(file("labels.meta")));
        const QString e = error(file("features.bin"));
        QVERIFY2(e.contains("labels.meta") && e.contains("'dim' option"), qPrintable(e));
        const Dataset ds = read(file("features.bin"), {{"dim", 4}});
        QCOMPARE(ds.size, 15); // 240 bytes / (4 × 4)
        QVERIFY(!ds.attributes.contains("label"));
        const QString explicitMissing = error(file("features.bin"), {{"labels", "nope.meta"}});
        QVERIFY2(explicitMissing.contains("nope.meta") && explicitMissing.contains("no such file"),
                 qPrintable(explicitMissing));
    }

    void emptyLabels()
    {
        QVERIFY(fixtures::writeFile(file("labels.meta"), "\n"));
        const QString e = error(file("features.bin"));
        QVERIFY2(e.contains("labels.meta") && e.contains("empty dataset"), qPrintable(e));
    }

    void csvWithHeader()
    {
        QVERIFY(fixtures::writeFile(file("emb.csv"), "f1,f2,f3,label,group\n" + lines(6, [](int i) {
                                                         return QStringLiteral("%1,%2,%3,%4,%5")
                                                             .arg(i)
                                                             .arg(i * 0.5)
                                                             .arg(-i)
                                                             .arg(i % 2)
                                                             .arg(i < 3 ? QStringLiteral("x")
                                                                        : QStringLiteral("y"));
                                                     })));
        const Dataset ds = read(file("emb.csv"));
        QCOMPARE(ds.size, 6);
        QCOMPARE(ds.features->cols(), 3);
        QCOMPARE(ds.features->row(4)[1], 2.f);
        QCOMPARE(ds.attributes.names(), QStringList({"label", "group"}));
        QCOMPARE(ds.defaultTarget, QStringLiteral("label"));
        QCOMPARE(ds.defaultSensitive, QStringList({"group"}));
    }

    void csvWithoutHeader()
    {
        QVERIFY(fixtures::writeFile(file("m.csv"), "1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n"
                                                   "15,16\n17,18\n19,20\n21,22\n23,24\n"));
        const Dataset ds = read(file("m.csv")); // labels.meta beside it (12 lines) is used
        QCOMPARE(ds.size, 12);
        QCOMPARE(ds.features->cols(), 2);
        QCOMPARE(ds.features->row(0)[0], 1.f);
        QVERIFY(ds.attributes.contains("label"));
    }

    void csvBadCell()
    {
        QVERIFY(fixtures::writeFile(file("m.csv"), "a,b\n1,2\n3,oops\n"));
        const QString e = error(file("m.csv"));
        QVERIFY2(e.contains("m.csv:3") && e.contains("'b'") && e.contains("expected a number") &&
                     e.contains("found 'oops'"),
                 qPrintable(e));
    }

    void npyWithSiblingLabels()
    {
        std::vector<float> v(kRows * 3);
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = float(i);
        QVERIFY(writeNpy(file("emb.npy"), v.data(), kRows, 3));
        const Dataset ds = read(file("emb.npy"));
        QCOMPARE(ds.size, kRows);
        QCOMPARE(ds.features->cols(), 3);
        QCOMPARE(ds.features->row(2)[1], 7.f);
        QCOMPARE(ds.attributes.column("label").levels().size(), 3);
        // float32 data is mapped from the file, never copied whole (like features.bin).
        QVERIFY(ds.features->isMapped());
        QCOMPARE(ds.features->row(kRows - 1)[2], float(kRows * 3 - 1));
    }

    void npyFloat64IsConverted()
    {
        // A float64 matrix: version 1 header, then 12 × 2 doubles (labels.meta has 12 lines).
        QByteArray header = "{'descr': '<f8', 'fortran_order': False, 'shape': (12, 2), }";
        header += QByteArray(64 - 10 - header.size() - 1, ' ') + '\n';
        QByteArray bytes("\x93NUMPY\x01\x00", 8);
        bytes += char(header.size() & 0xff);
        bytes += char(header.size() >> 8);
        bytes += header;
        for (int i = 0; i < kRows * 2; ++i) {
            const double v = i * 0.5;
            bytes += QByteArray(reinterpret_cast<const char *>(&v), 8);
        }
        QVERIFY(fixtures::writeFile(file("d.npy"), bytes));
        const Dataset ds = read(file("d.npy"));
        QCOMPARE(ds.size, qint64(kRows));
        QVERIFY(!ds.features->isMapped());
        QVERIFY(!ds.features->isInScratch()); // small: converted into memory
        QCOMPARE(ds.features->row(11)[1], 11.5f);
        // Above the limit the converted values go to a scratch file: the same values.
        const auto meta = readNpy(file("d.npy"), NpyData::LeaveData);
        QVERIFY(meta && meta->values.empty());
        auto large = FeatureMatrix::convertFloat64(file("d.npy"), meta->rows, meta->cols,
                                                   meta->dataOffset, file("scratch"), 16);
        QVERIFY2(large, qPrintable(large.error().toString()));
        QVERIFY(large.value()->isInScratch());
        for (qint64 r = 0; r < kRows; ++r)
            for (int c = 0; c < 2; ++c)
                QCOMPARE(large.value()->row(r)[c], ds.features->row(r)[c]);
    }

    void npyLabelCountMismatch()
    {
        std::vector<float> v(10 * 2, 1.f);
        QVERIFY(writeNpy(file("emb.npy"), v.data(), 10, 2));
        const QString e = error(file("emb.npy"));
        QVERIFY2(e.contains("labels.meta") && e.contains("expected 10 lines") &&
                     e.contains("found 12 lines"),
                 qPrintable(e));
    }

    void npyBadDtype()
    {
        QByteArray header = "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }";
        while ((10 + header.size() + 1) % 64)
            header += ' ';
        header += '\n';
        QByteArray bytes = QByteArrayLiteral("\x93NUMPY\x01");
        bytes += char(0);
        bytes += char(header.size());
        bytes += char(0);
        QVERIFY(fixtures::writeFile(file("i.npy"), bytes + header + QByteArray(32, 0)));
        const QString e = error(file("i.npy"));
        QVERIFY2(e.contains("i.npy") && e.contains("found dtype '<i8'"), qPrintable(e));
    }

    void missingFile()
    {
        const QString e = error(file("nothing.bin"));
        QVERIFY2(e.contains("nothing.bin") && e.contains("no such file"), qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestFeatureReader)
#include "tst_featurereader.moc"
