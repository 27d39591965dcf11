// Inputs and flags that used to crash, hang, fill the disk or silently change a run: each is now
// a one-line error on stderr that names the file (or flag) and the key, and a non-zero exit.
#include "data/npyfile.h"
#include "enginefixtures.h"
#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace equiscope;

class TestCliHostile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_idx;
    QString m_config;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList cache() const { return {QStringLiteral("--cache-dir"), path("cache")}; }

    QString writeConfig(const QString &name, const QJsonObject &change)
    {
        QJsonObject o = QJsonDocument::fromJson([this] {
                            QFile f(m_config);
                            f.open(QIODevice::ReadOnly);
                            return f.readAll();
                        }())
                            .object();
        for (auto it = change.begin(); it != change.end(); ++it)
            o.insert(it.key(), it.value());
        const QString file = path(name);
        fixtures::writeFile(file, QJsonDocument(o).toJson());
        return file;
    }

private Q_SLOTS:
    void initTestCase();
    void previewCountIsBounded();
    void imageSizeIsBounded();
    void deviceAsDatasetFileIsRefused();
    void configTypesAndKeysAreChecked_data();
    void configTypesAndKeysAreChecked();
    void flagsAreCheckedLikeTheConfig_data();
    void flagsAreCheckedLikeTheConfig();
    void lossRefusesNonFiniteInputsAndUnboundedRepeats();
};

void TestCliHostile::initTestCase()
{
    qputenv("EQUISCOPE_CACHE_DIR", path("cache").toUtf8());
    const int n = 20;
    QByteArray img(n * 784, 0), lab(n, 0);
    for (int i = 0; i < n; ++i) {
        lab[i] = char(i % 2);
        for (int p = 0; p < 784; ++p)
            img[i * 784 + p] = char((p + i) % 256);
    }
    m_idx = path("idx");
    fixtures::writeFile(m_idx + "/train-images-idx3-ubyte", fixtures::idxBytes({n, 28, 28}, img));
    fixtures::writeFile(m_idx + "/train-labels-idx1-ubyte", fixtures::idxBytes({n}, lab));
    const FareConfig c = fixtures::tinyColoredRun(path("data"), 64, 32);
    m_config = path("run.json");
    fixtures::writeFile(m_config, QJsonDocument(c.toJson()).toJson());
}

void TestCliHostile::previewCountIsBounded()
{
    for (const char *count : {"-5", "0", "100000", "many"}) {
        const auto r = fixtures::runCli(QStringList{"datasets", "preview", "--format", "idx", m_idx,
                                                    "--out", path("grid.png"), "--count", count} +
                                        cache());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--count") && r.err.contains("1 to 4096"), r.err.constData());
    }
}

void TestCliHostile::imageSizeIsBounded()
{
    // A 20-image folder with --image-size 100000 once wrote a 600 GB cache.
    QDir().mkpath(path("folder/img"));
    QStringList csv{QStringLiteral("file,label")};
    for (int i = 0; i < 3; ++i) {
        const QString name = QStringLiteral("img/%1.png").arg(i);
        QVERIFY(fixtures::writeSyntheticImage(path("folder/") + name, 16, 16, unsigned(i)));
        csv << QStringLiteral("%1,%2").arg(name).arg(i % 2);
    }
    QVERIFY(fixtures::writeLines(path("folder/attributes.csv"), csv));
    for (const char *size : {"100000", "0", "abc"}) {
        const auto r = fixtures::runCli(QStringList{"datasets", "inspect", "--format", "folder-csv",
                                                    path("folder"), "--image-size", size} +
                                        cache());
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("imageSize") && r.err.contains("8 to 1024"), r.err.constData());
    }
    QVERIFY(QDir(path("cache")).entryList({"*.partial"}, QDir::Files).isEmpty());
}

void TestCliHostile::deviceAsDatasetFileIsRefused()
{
    // An IDX "file" that is a link to a device: reading it would never end.
    const QString dir = path("device-idx");
    QDir().mkpath(dir);
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir + "/train-images-idx3-ubyte"));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir + "/train-labels-idx1-ubyte"));
    const auto r = fixtures::runCli(
        QStringList{"datasets", "inspect", "--format", "idx", dir} + cache(), 30000);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("a regular file") && r.err.contains("device"), r.err.constData());
}

void TestCliHostile::configTypesAndKeysAreChecked_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("string epochs") << R"({"epochs": "ten"})"
                                   << "'epochs': expected a whole number";
    QTest::newRow("fractional epochs") << R"({"epochs": 2.5})"
                                       << "'epochs'";
    QTest::newRow("a billion epochs") << R"({"epochs": 1000000000})"
                                      << "from 1 to 100000";
    QTest::newRow("unknown method") << R"({"method": "bogus", "loss": {}})"
                                    << "bogus";
    QTest::newRow("negative train limit") << R"({"trainLimit": -5})"
                                          << "'trainLimit'";
    QTest::newRow("misspelt key") << R"({"epochz": 3})"
                                  << "'epochz': expected one of";
    QTest::newRow("nested type") << R"({"augment": {"horizontalFlip": "yes"}})"
                                 << "'augment.horizontalFlip': expected true or false";
    QTest::newRow("nested unknown") << R"({"augment": {"flip": true}})"
                                    << "'augment.flip'";
    QTest::newRow("unknown family") << R"({"family": "no-such-family"})"
                                    << "'family'";
    QTest::newRow("clustering family") << R"({"family": "clustering"})"
                                       << "run with 'equiscope-cli cluster'";
    QTest::newRow("sensitive not strings") << R"({"sensitive": [1, 2]})"
                                           << "'sensitive'";
    // Found by bench/hostile/campaign.py: numbers of the right type but meaningless.
    QTest::newRow("negative jitter") << R"({"augment": {"jitterStrength": -1e300}})"
                                     << "'augment.jitterStrength'";
    QTest::newRow("probability above 1") << R"({"augment": {"grayscaleProbability": 1.5}})"
                                         << "'augment.grayscaleProbability'";
    QTest::newRow("crop minimum above maximum")
        << R"({"augment": {"cropScaleMin": 0.9, "cropScaleMax": 0.2}})"
        << "'augment'";
    QTest::newRow("dataset format a number") << R"({"dataset": {"format": 7}})"
                                             << "'dataset.format'";
}

void TestCliHostile::flagsAreCheckedLikeTheConfig_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("negative seed") << QStringList{"--seed", "-1"} << "--seed";
    QTest::newRow("a batch an int cannot hold")
        << QStringList{"--batch", "999999999999"} << "--batch";
    QTest::newRow("100000 threads") << QStringList{"--threads", "100000"} << "'threads'";
    QTest::newRow("negative train limit") << QStringList{"--train-limit", "-5"} << "--train-limit";
    QTest::newRow("infinite learning rate") << QStringList{"--lr", "inf"} << "'learningRate'";
}

void TestCliHostile::flagsAreCheckedLikeTheConfig()
{
    // Flags set the config directly: the same bounds as the JSON reader's, exit code 2.
    QFETCH(QStringList, flags);
    QFETCH(QString, mentions);
    const auto r = fixtures::runCli(QStringList{"train", "--print-config"} + flags);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliHostile::configTypesAndKeysAreChecked()
{
    QFETCH(QString, json);
    QFETCH(QString, mentions);
    const QString file =
        writeConfig(QStringLiteral("bad-%1.json").arg(QTest::currentDataTag()).replace(' ', '-'),
                    QJsonDocument::fromJson(json.toUtf8()).object());
    const auto r = fixtures::runCli(
        {"train", "--config", file, "--store", path("runs.sqlite"), "--print-config"});
    QVERIFY2(r.exitCode != 0, r.out.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliHostile::lossRefusesNonFiniteInputsAndUnboundedRepeats()
{
    std::vector<float> u(8 * 4, 0.5f), z(8, 1.0f);
    for (size_t i = 0; i < u.size(); ++i)
        u[i] = float(i % 5) * 0.1f + 0.05f;
    QVERIFY(writeNpy(path("u1.npy"), u.data(), 8, 4));
    u[13] = std::numeric_limits<float>::quiet_NaN();
    QVERIFY(writeNpy(path("u2.npy"), u.data(), 8, 4));
    QVERIFY(writeNpy(path("z.npy"), z.data(), 8, 1));
    const auto nan = fixtures::runCli({"loss", "--method", "infonce", "--u1", path("u1.npy"),
                                       "--u2", path("u2.npy"), "--z", path("z.npy")});
    QVERIFY(nan.exitCode != 0);
    QVERIFY2(nan.err.contains("u2") && nan.err.contains("finite values") &&
                 nan.err.contains("row 3, column 1"),
             nan.err.constData());
    // Every method on valid inputs with a continuous three-column z: under scripts/test
    // --sanitize this caught a memset of an empty buffer in the CCLK path.
    std::vector<float> z3(8 * 3);
    for (size_t i = 0; i < z3.size(); ++i)
        z3[i] = float(i % 7) * 0.3f - 1.0f;
    QVERIFY(writeNpy(path("z3.npy"), z3.data(), 8, 3));
    for (const char *method : {"fare", "sparse-fare", "infonce", "fair-infonce", "cclk"}) {
        const auto valid = fixtures::runCli({"loss", "--method", method, "--u1", path("u1.npy"),
                                             "--u2", path("u1.npy"), "--z", path("z3.npy")});
        QVERIFY2(valid.exitCode == 0, (QByteArray(method) + ": " + valid.err).constData());
    }
    const auto repeat =
        fixtures::runCli({"loss", "--method", "infonce", "--u1", path("u1.npy"), "--u2",
                          path("u1.npy"), "--z", path("z.npy"), "--repeat", "100000000"});
    QCOMPARE(repeat.exitCode, 2);
    QVERIFY2(repeat.err.contains("--repeat"), repeat.err.constData());
}

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
