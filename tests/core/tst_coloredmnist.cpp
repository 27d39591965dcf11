#include "data/coloredmnist.h"
#include "data/coloredmnistexport.h"
#include "data/datasetreader.h"
#include "fixtures.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>

using namespace equiscope;

class TestColoredMnist : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_idx;

    Dataset colored(double rho, quint64 seed, double sigma = 40)
    {
        DatasetSpec spec{QStringLiteral("colored"), QString(), {}};
        spec.options = {{QStringLiteral("source"), m_idx}, {QStringLiteral("sourceFormat"), QStringLiteral("idx")},
                        {QStringLiteral("rho"), rho}, {QStringLiteral("seed"), seed}, {QStringLiteral("sigma"), sigma}};
        auto ds = openDataset(spec);
        if (!ds)
            qFatal("%s", qPrintable(ds.error().toString()));
        return ds.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        const int n = 400;
        QByteArray img(n * 784, 0), lab(n, 0);
        for (int i = 0; i < n; ++i) {
            lab[i] = char(i % 10);
            for (int p = 0; p < 784; ++p)
                img[i * 784 + p] = char(p < 392 ? 255 : (p % 2 ? 0 : 128)); // top half "ink"
        }
        m_idx = m_dir.filePath(QStringLiteral("idx"));
        fixtures::writeFile(m_idx + "/train-images-idx3-ubyte", fixtures::idxBytes({n, 28, 28}, img));
        fixtures::writeFile(m_idx + "/train-labels-idx1-ubyte", fixtures::idxBytes({n}, lab));
    }

    void pixelFormulaAndStoredColour()
    {
        const Dataset ds = colored(0.0, 3);
        QCOMPARE(ds.images->shape().channels, 3);
        const Attribute &rgb = ds.attributes.column(QStringLiteral("rgb"));
        QCOMPARE(rgb.dim(), 3);
        for (qint64 i : {0, 17, 399}) {
            const uchar *px = ds.images->image(i);
            // Ink (intensity 255) is black; background (0) is the colour; 128 is half.
            QCOMPARE(int(px[0]), 0);
            for (int k = 0; k < 3; ++k) {
                const float c = rgb.value(i, k);
                QVERIFY(c >= 0 && c <= 255);
                QCOMPARE(int(px[(392 + 1) * 3 + k]), int(std::lround(c)));
                QCOMPARE(int(px[(392) * 3 + k]), int(std::lround((127.0f / 255.0f) * c)));
            }
        }
    }

    void deterministicPerSeed()
    {
        const Dataset a = colored(0.0, 5), b = colored(0.0, 5), c = colored(0.0, 6);
        QCOMPARE(a.attributes.column(QStringLiteral("rgb")).values(), b.attributes.column(QStringLiteral("rgb")).values());
        QVERIFY(a.attributes.column(QStringLiteral("rgb")).values() != c.attributes.column(QStringLiteral("rgb")).values());
        QCOMPARE(a.images->path(), b.images->path());
    }

    void rhoControlsCorrelation()
    {
        auto agreement = [](const Dataset &ds) {
            const Attribute &label = ds.attributes.column(QStringLiteral("label"));
            const Attribute &colour = ds.attributes.column(QStringLiteral("color"));
            int same = 0;
            for (qint64 i = 0; i < ds.size; ++i)
                same += label.code(i) == colour.code(i);
            return double(same) / double(ds.size);
        };
        QCOMPARE(agreement(colored(1.0, 1)), 1.0);
        const double independent = agreement(colored(0.0, 1));
        QVERIFY2(independent < 0.2, qPrintable(QString::number(independent))); // chance is 0.1
        const double half = agreement(colored(0.5, 1));
        QVERIFY2(half > 0.45 && half < 0.65, qPrintable(QString::number(half))); // 0.5 + 0.5·0.1
    }

    void noNoiseGivesPaletteColours()
    {
        const Dataset ds = colored(0.0, 2, 0.0);
        const Attribute &rgb = ds.attributes.column(QStringLiteral("rgb"));
        const Attribute &colour = ds.attributes.column(QStringLiteral("color"));
        const QColor expected = tab10Palette()[colour.code(10)];
        QCOMPARE(int(rgb.value(10, 0)), expected.red());
        QCOMPARE(int(rgb.value(10, 2)), expected.blue());
        QCOMPARE(colour.levels(), tab10Names());
    }

    void exportWritesAFolderCsvPrefix()
    {
        // What `datasets colorize` and the GUI dialog run: the first N coloured images.
        ColorizeRequest r;
        r.source = m_idx;
        r.outDir = m_dir.filePath(QStringLiteral("export"));
        r.rho = 1.0;
        r.sigma = 0;
        r.seed = 5;
        r.limit = 25;
        std::atomic<qint64> reported{0};
        std::atomic<bool> wrongTotal{false};
        ReadContext context;
        context.progress = [&](qint64 done, qint64 total) { // called from worker threads
            wrongTotal = wrongTotal || total != 25;
            qint64 seen = reported.load();
            while (done > seen && !reported.compare_exchange_weak(seen, done)) {
            }
        };
        auto written = writeColoredMnist(r, context);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        QCOMPARE(written->images, qint64(25));
        QCOMPARE(written->csv, r.outDir + QStringLiteral("/attributes.csv"));
        QCOMPARE(reported.load(), qint64(25));
        QVERIFY(!wrongTotal);
        auto back = openDataset(DatasetSpec{QStringLiteral("folder-csv"), written->csv, {}});
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back->size, qint64(25));
        const Dataset full = colored(1.0, 5, 0);
        for (qint64 i = 0; i < 25; ++i)
            QCOMPARE(back->attributes.column(QStringLiteral("rgb")).displayValue(i),
                     full.attributes.column(QStringLiteral("rgb")).displayValue(i));
        // ρ = 1, σ = 0: every image has its class's palette colour.
        QCOMPARE(back->attributes.column(QStringLiteral("color")).displayValue(3), tab10Names()[3]);
    }

    void exportLimitKeepsTheSplitProportions()
    {
        // 30 train + 10 test images; 8 of them: 6 train, 2 test, the first of each split.
        const QString idx = m_dir.filePath(QStringLiteral("idx-split"));
        for (const auto &[prefix, n] :
             {std::pair{QStringLiteral("train"), 30}, std::pair{QStringLiteral("t10k"), 10}}) {
            QByteArray img(n * 784, char(200)), lab(n, 0);
            for (int i = 0; i < n; ++i)
                lab[i] = char(i % 10);
            fixtures::writeFile(idx + "/" + prefix + "-images-idx3-ubyte",
                                fixtures::idxBytes({n, 28, 28}, img));
            fixtures::writeFile(idx + "/" + prefix + "-labels-idx1-ubyte",
                                fixtures::idxBytes({n}, lab));
        }
        ColorizeRequest r;
        r.source = idx;
        r.outDir = m_dir.filePath(QStringLiteral("export-split"));
        r.limit = 8;
        auto written = writeColoredMnist(r);
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        QCOMPARE(written->images, qint64(8));
        QCOMPARE(written->imageSize, 28);
        auto back = openDataset(DatasetSpec{
            QStringLiteral("folder-csv"), written->csv, {{QStringLiteral("imageSize"), 28}}});
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back->splitCounts().value(Split::Train), qint64(6));
        QCOMPARE(back->splitCounts().value(Split::Test), qint64(2));
        QCOMPARE(back->images->shape().width, 28);
        // Written row 6 is the first test image (label 0), row 5 the sixth train image.
        QCOMPARE(back->attributes.column(QStringLiteral("label")).displayValue(5),
                 QStringLiteral("5"));
        QCOMPARE(back->attributes.column(QStringLiteral("label")).displayValue(6),
                 QStringLiteral("0"));
    }

    void exportNamesAMissingSource()
    {
        QStandardPaths::setTestModeEnabled(true); // no fetched MNIST in the test data dir
        ColorizeRequest r;
        r.source = QStringLiteral("mnist");
        r.outDir = m_dir.filePath(QStringLiteral("never"));
        auto written = writeColoredMnist(r);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().toString().contains(QStringLiteral("scripts/fetch-mnist")),
                 qPrintable(written.error().toString()));
        r.source = m_idx;
        r.outDir.clear();
        QVERIFY(!writeColoredMnist(r).ok());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("never"))));
    }

    void invalidRho()
    {
        DatasetSpec spec{QStringLiteral("colored"), QString(), {}};
        spec.options = {{QStringLiteral("source"), m_idx}, {QStringLiteral("rho"), 1.5}};
        auto ds = openDataset(spec);
        QVERIFY(!ds.ok());
        QVERIFY(ds.error().toString().contains(QStringLiteral("rho in [0, 1]")));
    }
};

QTEST_GUILESS_MAIN(TestColoredMnist)
#include "tst_coloredmnist.moc"
