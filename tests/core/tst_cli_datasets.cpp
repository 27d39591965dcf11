// Drives `equiscope-cli datasets ...` as a user would: a real child process, its exit code,
// stdout (JSON) and stderr (one-line errors naming the file).
#include "fixtures.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

class TestCliDatasets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_idx;

    QStringList cache() const { return {QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cache"))}; }

private Q_SLOTS:
    void initTestCase()
    {
        const int n = 60;
        QByteArray img(n * 784, 0), lab(n, 0);
        for (int i = 0; i < n; ++i) {
            lab[i] = char(i % 3);
            for (int p = 0; p < 784; ++p)
                img[i * 784 + p] = char((p * 7 + i) % 256);
        }
        m_idx = m_dir.filePath(QStringLiteral("idx"));
        fixtures::writeFile(m_idx + "/train-images-idx3-ubyte.gz", fixtures::gzip(fixtures::idxBytes({n, 28, 28}, img)));
        fixtures::writeFile(m_idx + "/train-labels-idx1-ubyte.gz", fixtures::gzip(fixtures::idxBytes({n}, lab)));
    }

    void inspectJson()
    {
        const auto r = fixtures::runCli(QStringList{"datasets", "inspect", "--format", "idx", m_idx, "--json"} + cache());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("format").toString(), QStringLiteral("idx"));
        QCOMPARE(o.value("samples").toInt(), 60);
        QCOMPARE(o.value("splits").toObject().value("train").toInt(), 60);
        QCOMPARE(o.value("skipped").toInt(), 0);
        const QJsonObject label = o.value("attributes").toArray().at(0).toObject();
        QCOMPARE(label.value("name").toString(), QStringLiteral("label"));
        QCOMPARE(label.value("type").toString(), QStringLiteral("categorical"));
        QCOMPARE(label.value("levels").toObject().value("2").toInt(), 20);
    }

    void inspectText()
    {
        const auto r = fixtures::runCli(QStringList{"datasets", "inspect", "--format", "idx", m_idx} + cache());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("samples: 60"));
        QVERIFY(r.out.contains("label [categorical]"));
    }

    void errorsAreOneLineNamingTheFile()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad"));
        fixtures::writeFile(bad + "/train-images-idx3-ubyte", QByteArray("\x00\x00\x08\x03\x00\x00", 6));
        fixtures::writeFile(bad + "/train-labels-idx1-ubyte", fixtures::idxBytes({0}, {}));
        const auto r = fixtures::runCli(QStringList{"datasets", "inspect", "--format", "idx", bad} + cache());
        QVERIFY(r.exitCode != 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("train-images-idx3-ubyte"), r.err.constData());
        QVERIFY(r.out.isEmpty());

        const auto unknown = fixtures::runCli({"datasets", "inspect", "--format", "tiff", bad});
        QVERIFY(unknown.exitCode != 0);
        QVERIFY(unknown.err.contains("one of idx"));
    }

    void colorizeRoundTripsThroughFolderCsv()
    {
        const QString out = m_dir.filePath(QStringLiteral("colored"));
        const auto r = fixtures::runCli(QStringList{"datasets", "colorize", "--source", m_idx, "--out", out, "--rho", "0.5",
                                                    "--seed", "3", "--limit", "30"} + cache());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto back = fixtures::runCli(QStringList{"datasets", "inspect", "--format", "folder-csv", out, "--json"} + cache());
        QVERIFY2(back.exitCode == 0, back.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(back.out).object();
        QCOMPARE(o.value("samples").toInt(), 30);
        QStringList types;
        for (const auto &a : o.value("attributes").toArray())
            types << a.toObject().value("name").toString() + ":" + a.toObject().value("type").toString();
        QCOMPARE(types, (QStringList{"label:categorical", "color:categorical", "rgb:vector"}));
        QCOMPARE(o.value("image").toObject().value("channels").toInt(), 3);
    }

    void scanFindsThePlantedColourShortcut()
    {
        // rho 1: every image's colour is its class's, so colour predicts the label completely.
        const QString out = m_dir.filePath(QStringLiteral("shortcut"));
        const auto r = fixtures::runCli(QStringList{"datasets", "colorize", "--source", m_idx, "--out", out, "--rho", "1"} + cache());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto scan = fixtures::runCli(QStringList{"datasets", "scan", "--format", "folder-csv", out, "--target", "label",
                                                       "--permutations", "199", "--json"} + cache());
        QVERIFY2(scan.exitCode == 0, scan.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(scan.out).object();
        QCOMPARE(o.value("rows").toInt(), 60);
        QCOMPARE(o.value("target").toString(), QStringLiteral("label"));
        QCOMPARE(o.value("pairs").toArray().size(), 3);
        const QJsonObject first = o.value("findings").toArray().at(0).toObject();
        QVERIFY2(first.value("text").toString().startsWith(QStringLiteral("color predicts the target label: V = 1.00")),
                 scan.out.constData());
        QVERIFY(first.value("target").toBool());
        // The text form lists the same finding; an unknown target is a data error naming it.
        const auto text = fixtures::runCli(QStringList{"datasets", "scan", "--format", "folder-csv", out, "--permutations", "199"} + cache());
        QVERIFY2(text.exitCode == 0 && text.out.contains("color predicts the target label"), text.out.constData());
        const auto unknown = fixtures::runCli(QStringList{"datasets", "scan", "--format", "folder-csv", out, "--target", "age"} + cache());
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("no attribute 'age'"), unknown.err.constData());
        const auto badRate = fixtures::runCli(QStringList{"datasets", "scan", "--format", "folder-csv", out, "--fdr", "2"} + cache());
        QCOMPARE(badRate.exitCode, 2);
        // The IDX fixture has one attribute: nothing to scan, said plainly.
        const auto lonely = fixtures::runCli(QStringList{"datasets", "scan", "--format", "idx", m_idx} + cache());
        QCOMPARE(lonely.exitCode, 1);
        QVERIFY2(lonely.err.contains("nothing to scan"), lonely.err.constData());
    }

    void previewWritesAnnotatedGrid()
    {
        const QString png = m_dir.filePath(QStringLiteral("grid.png"));
        const auto r = fixtures::runCli(QStringList{"datasets", "preview", "--format", "idx", m_idx, "--out", png,
                                                    "--count", "12", "--columns", "4"} + cache());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage img(png);
        QVERIFY(!img.isNull());
        QVERIFY(img.width() > 4 * 100 && img.height() > 3 * 100);
        const auto bad = fixtures::runCli(QStringList{"datasets", "preview", "--format", "idx", m_idx, "--out", png,
                                                      "--attributes", "nope"} + cache());
        QVERIFY(bad.exitCode != 0);
        QVERIFY(bad.err.contains("no attribute 'nope'"));
    }
};

QTEST_GUILESS_MAIN(TestCliDatasets)
#include "tst_cli_datasets.moc"
