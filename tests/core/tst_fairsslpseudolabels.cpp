// Pseudo-labels: k-means + labelled mapping, kNN propagation and zero-shot on separable clusters;
// the class text-embedding file (NPY, CSV) and its errors.
#include "fairssl/pseudolabels_p.h"

#include "data/npyfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

namespace {

namespace F = torch::nn::functional;

/// @p perClass points around each of @p classes random unit centres (spread @p noise), rows in
/// class order; the true class of row i is i / perClass.
torch::Tensor clusters(int classes, int perClass, double noise, torch::Tensor *centres)
{
    torch::manual_seed(11);
    *centres = F::normalize(torch::randn({classes, 16}), F::NormalizeFuncOptions().dim(1));
    auto x =
        centres->repeat_interleave(perClass, 0) + noise * torch::randn({classes * perClass, 16});
    return F::normalize(x, F::NormalizeFuncOptions().dim(1));
}

double accuracy(const pseudolabels::Labels &l, int perClass)
{
    int ok = 0;
    for (size_t i = 0; i < l.label.size(); ++i)
        ok += l.label[i] == int(i) / perClass;
    return double(ok) / double(l.label.size());
}

void labelled(int classes, int perClass, int count, std::vector<int64_t> *rows,
              std::vector<int> *cls)
{
    for (int c = 0; c < classes; ++c)
        for (int k = 0; k < count; ++k) {
            rows->push_back(int64_t(c) * perClass + k * 7);
            cls->push_back(c);
        }
}

} // namespace

class TestFairSslPseudoLabels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void kmeansWithLabelledMappingRecoversClusters()
    {
        torch::Tensor centres;
        const auto x = clusters(3, 200, 0.15, &centres);
        std::vector<int64_t> rows;
        std::vector<int> cls;
        labelled(3, 200, 10, &rows, &cls);
        const auto l = pseudolabels::kmeansLabels(x, rows, cls, 3, 5);
        QVERIFY2(accuracy(l, 200) > 0.97, qPrintable(QString::number(accuracy(l, 200))));
        for (float c : l.confidence)
            QVERIFY(c >= 0 && c <= 1);
        // Labelled rows keep their class, with full confidence.
        QCOMPARE(l.label[size_t(rows[12])], cls[12]);
        QCOMPARE(l.confidence[size_t(rows[12])], 1.0f);
        // Confidence (distance margin) is higher at the centre than between two clusters.
        auto probe = torch::cat(
            {centres[0].unsqueeze(0),
             F::normalize((centres[0] + centres[1]).unsqueeze(0), F::NormalizeFuncOptions().dim(1)),
             x});
        std::vector<int64_t> shifted;
        for (int64_t r : rows)
            shifted.push_back(r + 2);
        const auto lp = pseudolabels::kmeansLabels(probe, shifted, cls, 3, 5);
        QVERIFY(lp.confidence[0] > lp.confidence[1]);
    }

    void kmeansRestartsAreReproducible()
    {
        torch::Tensor centres;
        const auto x = clusters(4, 50, 0.3, &centres);
        QCOMPARE(pseudolabels::sphericalKMeans(x, 4, 9), pseudolabels::sphericalKMeans(x, 4, 9));
    }

    void knnPropagationRecoversClusters()
    {
        torch::Tensor centres;
        const auto x = clusters(3, 200, 0.15, &centres);
        std::vector<int64_t> rows;
        std::vector<int> cls;
        labelled(3, 200, 10, &rows, &cls);
        const auto l = pseudolabels::knnLabels(x, rows, cls, 3, 5);
        QVERIFY(accuracy(l, 200) > 0.97);
        // A row between two clusters gets a split vote.
        const auto mid =
            F::normalize((centres[0] + centres[2]).unsqueeze(0), F::NormalizeFuncOptions().dim(1));
        std::vector<int64_t> rows2;
        for (int64_t r : rows)
            rows2.push_back(r + 1);
        const auto l2 = pseudolabels::knnLabels(torch::cat({mid, x}), rows2, cls, 3, 20);
        QVERIFY(l2.confidence[0] < 0.95);
        QVERIFY(l2.confidence[1] > 0.99); // row 0 of x: deep inside class 0
    }

    void zeroShotFromTextFiles_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("npy") << "npy";
        QTest::newRow("csv with class names") << "csv";
    }

    void zeroShotFromTextFiles()
    {
        QFETCH(QString, suffix);
        torch::Tensor centres;
        const auto x = clusters(3, 100, 0.15, &centres);
        const QString path = m_dir.filePath(QStringLiteral("text.") + suffix);
        const auto c = centres.contiguous();
        if (suffix == QLatin1String("npy")) {
            QVERIFY(writeNpy(path, c.data_ptr<float>(), 3, 16));
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QStringList names{QStringLiteral("cat"), QStringLiteral("dog"),
                                    QStringLiteral("bird")};
            for (int r = 0; r < 3; ++r) {
                QStringList cells{names[r]};
                for (int k = 0; k < 16; ++k)
                    cells << QString::number(double(c[r][k].item<float>()), 'g', 9);
                f.write(cells.join(QLatin1Char(',')).toUtf8() + '\n');
            }
        }
        auto text = pseudolabels::readClassEmbeddings(path, 3, {}, 16);
        QVERIFY2(text.ok(), qPrintable(text.error().toString()));
        QVERIFY(torch::allclose(text.value(), centres, 1e-5, 1e-6));
        const auto l = pseudolabels::zeroShotLabels(x, text.value(), 100.0);
        QVERIFY(accuracy(l, 100) > 0.98);
        for (float conf : l.confidence)
            QVERIFY(conf > 1.0f / 3.0f - 1e-6f && conf <= 1.0f);
    }

    void textFileErrorsNameTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("two-rows.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("0.1,0.2,0.3\n0.3,0.2,0.1\n");
        f.close();
        auto rows = pseudolabels::readClassEmbeddings(
            path, 3, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, 3);
        QVERIFY(!rows.ok());
        const QString m = rows.error().toString();
        QVERIFY2(m.contains(path) && m.contains(QStringLiteral("3 rows")) &&
                     m.contains(QStringLiteral("2 rows")),
                 qPrintable(m));
        auto width = pseudolabels::readClassEmbeddings(path, 2, {}, 512);
        QVERIFY(!width.ok());
        QVERIFY2(width.error().toString().contains(QStringLiteral("512")),
                 qPrintable(width.error().toString()));
        auto missing =
            pseudolabels::readClassEmbeddings(m_dir.filePath(QStringLiteral("no.npy")), 2, {}, 0);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().toString().contains(QStringLiteral("no.npy")));
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("1,2\n3,x\n");
        b.close();
        auto cell = pseudolabels::readClassEmbeddings(bad, 2, {}, 0);
        QVERIFY(!cell.ok());
        QVERIFY2(cell.error().toString().contains(QStringLiteral(":2")),
                 qPrintable(cell.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestFairSslPseudoLabels)
#include "tst_fairsslpseudolabels.moc"
