// `equiscope-cli cluster` as a user runs it: feature files in, pred_labels.txt + metrics.json
// out, a run in the store; bad input is one clear line naming the file; --from-run clusters a
// trained encoder's embeddings.
#include "clusteringfixtures.h"
#include "enginefixtures.h"
#include "fixtures.h"

#include "store/runstore.h"

#include <torch/cuda.h>
#include <torch/script.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace equiscope;

class TestCliCluster : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_features;
    QString store() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }
    QString data(const QString &name) const
    {
        return QDir(m_dir.filePath(QStringLiteral("data"))).filePath(name);
    }
    QStringList tiny() const
    {
        return {"--k",     "10",    "--sub-clusters",   "2",  "--layers", "1",
                "--heads", "2",     "--width",          "32", "--epochs", "2",
                "--lr",    "0.003", "--min-group-size", "5",  "--store",  store()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_features = fixtures::writeClusteringFeatures(m_dir.filePath(QStringLiteral("data")));
    }

    void clusterWritesLabelsAndMetrics()
    {
        const QString out = m_dir.filePath(QStringLiteral("out"));
        const auto r = fixtures::runCli(QStringList{"cluster", "--features", m_features, "--labels",
                                                    data("labels.meta"), "--groups",
                                                    data("groups.txt"), "--out", out} +
                                        tiny());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value("status").toString(), QStringLiteral("finished"));
        QCOMPARE(summary.value("method").toString(), QStringLiteral("transformer-fair"));
        QVERIFY(summary.value("pairwise_f_score").toDouble() > 0.8);
        QFile labels(QDir(out).filePath("pred_labels.txt"));
        QVERIFY(labels.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = labels.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 320);
        for (const QByteArray &l : lines) {
            bool ok = false;
            l.toLongLong(&ok);
            QVERIFY(ok);
        }
        QFile metrics(QDir(out).filePath("metrics.json"));
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        const QJsonObject m = QJsonDocument::fromJson(metrics.readAll()).object();
        QCOMPARE(m.value("run").toString(), summary.value("run").toString());
        const QJsonObject headline = m.value("metrics").toObject();
        QVERIFY(headline.contains("bcubed_f_score") && headline.contains("nmi"));
        QVERIFY(headline.contains("pairwise_f_score_group_std"));
        QCOMPARE(m.value("report").toObject().value("groups").toArray().size(), 2);
        auto s = RunStore::open(store());
        QCOMPARE(s.value()->run(summary.value("run").toString())->family, RunFamily::Clustering);
    }

    void printConfigWritesEveryDefault()
    {
        const auto r = fixtures::runCli(
            {"cluster", "--features", m_features, "--method", "transformer", "--print-config"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject c = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(c.value("k").toInt(), 80);
        QCOMPARE(c.value("crossAttention").toBool(), false); // the plain transformer
        QCOMPARE(c.value("purityForm").toString(), QStringLiteral("upper-bound"));
        QCOMPARE(c.value("knn").toString(), QStringLiteral("exact"));
        // The approximate index and its knobs from flags; an unknown index is one clear line.
        const auto h = fixtures::runCli({"cluster", "--features", m_features, "--knn", "hnsw",
                                         "--hnsw-search-depth", "400", "--recall-sample", "50",
                                         "--print-config"});
        QVERIFY2(h.exitCode == 0, h.err.constData());
        const QJsonObject hc = QJsonDocument::fromJson(h.out).object();
        QCOMPARE(hc.value("knn").toString(), QStringLiteral("hnsw"));
        QCOMPARE(hc.value("hnswSearchDepth").toInt(), 400);
        QCOMPARE(hc.value("recallSample").toInt(), 50);
        const auto bad = fixtures::runCli(
            {"cluster", "--features", m_features, "--knn", "annoy", "--print-config"});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("exact, hnsw or ivf") && bad.err.count('\n') == 1,
                 bad.err.constData());
    }

    // The transformer's device: the same result wherever it runs (here auto is the CPU as well),
    // a device this LibTorch does not have is refused with its name.
    void dataParallelTrainingMatchesOneProcess()
    {
        // The transformer on 2 processes (docs/design/distributed.md): each runs its share of
        // every batch's anchors (batches of 25: 13 + 12), the loss sees all logits. Without
        // dropout (whose masks depend on the rows a process draws them for) the epochs' losses
        // and the clustering equal the one-process run's.
        const QString config = m_dir.filePath(QStringLiteral("no-dropout.json"));
        QVERIFY(fixtures::writeFile(config, R"({"dropout": 0.0})"));
        auto cluster = [&](const QString &tag, const QStringList &extra) {
            return fixtures::runCli(QStringList{"cluster", "--config", config, "--features",
                                                m_features, "--labels", data("labels.meta"),
                                                "--groups", data("groups.txt"), "--out",
                                                m_dir.filePath(QStringLiteral("dp-") + tag),
                                                "--batch", "25", "--threads", "1"} +
                                    tiny() + extra);
        };
        const auto one = cluster(QStringLiteral("one"), {});
        QVERIFY2(one.exitCode == 0, one.err.constData());
        const auto two = cluster(QStringLiteral("two"), {"--nproc", "2"});
        QVERIFY2(two.exitCode == 0, two.err.constData());
        const QJsonObject a = QJsonDocument::fromJson(one.out).object();
        const QJsonObject b = QJsonDocument::fromJson(two.out).object();
        auto s = RunStore::open(store());
        QVERIFY(s);
        const auto ea = s.value()->epochs(a.value("run").toString());
        const auto eb = s.value()->epochs(b.value("run").toString());
        QVERIFY(ea && eb);
        QCOMPARE(ea->size(), 2);
        QCOMPARE(eb->size(), 2);
        for (int i = 0; i < 2; ++i) {
            const double la = ea->at(i).metrics.value("loss").toDouble();
            const double lb = eb->at(i).metrics.value("loss").toDouble();
            QVERIFY2(std::abs(la - lb) <= 1e-5 * std::abs(la),
                     qPrintable(QStringLiteral("epoch %1: %2 vs %3").arg(i + 1).arg(la).arg(lb)));
        }
        QCOMPARE(b.value("pairwise_f_score").toDouble(), a.value("pairwise_f_score").toDouble());
        QCOMPARE(s.value()
                     ->run(b.value("run").toString())
                     ->versions.value("data_parallel")
                     .toObject()
                     .value("world_size")
                     .toInt(),
                 2);
        // Only rank 0 wrote the outputs, and the baselines train nothing to split.
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("dp-two/pred_labels.txt"))));
        const auto kmeans =
            cluster(QStringLiteral("kmeans"), {"--method", "kmeans", "--nproc", "2"});
        QVERIFY(kmeans.exitCode != 0);
        QVERIFY2(kmeans.err.contains("train in one process"), kmeans.err.constData());
    }

    void clusterDeviceIsChosenOrRefused()
    {
        auto cluster = [&](const QString &device, const QString &tag) {
            return fixtures::runCli(
                QStringList{"cluster", "--features", m_features, "--labels", data("labels.meta"),
                            "--groups", data("groups.txt"), "--out",
                            m_dir.filePath(QStringLiteral("dev-") + tag), "--device", device} +
                tiny());
        };
        const auto cpu = cluster(QStringLiteral("cpu"), QStringLiteral("cpu"));
        QVERIFY2(cpu.exitCode == 0, cpu.err.constData());
        const auto automatic = cluster(QStringLiteral("auto"), QStringLiteral("auto"));
        QVERIFY2(automatic.exitCode == 0, automatic.err.constData());
        const QJsonObject a = QJsonDocument::fromJson(cpu.out).object();
        const QJsonObject b = QJsonDocument::fromJson(automatic.out).object();
        if (!torch::cuda::is_available()) {
            QCOMPARE(a.value("pairwise_f_score").toDouble(),
                     b.value("pairwise_f_score").toDouble());
            const auto gpu = cluster(QStringLiteral("cuda:0"), QStringLiteral("gpu"));
            QVERIFY(gpu.exitCode != 0);
            QVERIFY2(gpu.err.contains("no CUDA device"), gpu.err.constData());
        }
        // Reduced precision of the transformer needs CUDA (LibTorch 1.13's CPU autocast cannot
        // run its layer norms in bf16): refused by name on the CPU, never silently fp32.
        auto withPrecision = [&](const QString &precision) {
            return fixtures::runCli(QStringList{"cluster", "--features", m_features, "--labels",
                                                data("labels.meta"), "--groups", data("groups.txt"),
                                                "--out",
                                                m_dir.filePath(QStringLiteral("prec-") + precision),
                                                "--device", "cpu", "--precision", precision} +
                                    tiny());
        };
        for (const QString &precision : {QStringLiteral("bf16"), QStringLiteral("fp16")}) {
            const auto refused = withPrecision(precision);
            QVERIFY(refused.exitCode != 0);
            QVERIFY2(refused.err.contains("needs a CUDA device"), refused.err.constData());
        }
        const auto unknown = cluster(QStringLiteral("tpu"), QStringLiteral("tpu"));
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains("auto, cpu or cuda"), unknown.err.constData());
    }

    void badInputIsOneClearLine_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("file");
        QTest::newRow("size") << "size"
                              << "features.bin";
        QTest::newRow("label count") << "labels"
                                     << "labels.meta";
        QTest::newRow("group count") << "groups"
                                     << "groups.txt";
        QTest::newRow("non-numeric label") << "nonnumeric"
                                           << "labels.meta:3";
        QTest::newRow("k >= N") << "k"
                                << "features.bin";
    }

    void badInputIsOneClearLine()
    {
        QFETCH(QString, what);
        QFETCH(QString, file);
        const QString dir = m_dir.filePath(QStringLiteral("bad-") + what);
        const QString features = fixtures::writeClusteringFeatures(dir, 6, 4, 4);
        auto append = [&](const QString &name, const QByteArray &bytes) {
            QFile f(QDir(dir).filePath(name));
            QVERIFY(f.open(QIODevice::Append));
            f.write(bytes);
        };
        QStringList args{"cluster",
                         "--features",
                         features,
                         "--groups",
                         QDir(dir).filePath("groups.txt"),
                         "--method",
                         "knn-threshold",
                         "--store",
                         store(),
                         "--out",
                         dir + "/out",
                         "--k",
                         "3",
                         "--sub-clusters",
                         "2"};
        if (what == "size")
            append("features.bin", "12345");
        if (what == "labels") {
            append("labels.meta", "1\n");
            args << "--dim"
                 << "4";
        }
        if (what == "groups")
            append("groups.txt", "rare\n");
        if (what == "nonnumeric") {
            QFile f(QDir(dir).filePath("labels.meta"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray b = f.readAll();
            f.close();
            QList<QByteArray> l = b.split('\n');
            l[2] = "abc";
            QVERIFY(fixtures::writeFile(f.fileName(), l.join('\n')));
        }
        if (what == "k")
            args << "--k"
                 << "24";
        const auto r = fixtures::runCli(args);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(file.toUtf8()), r.err.constData());
        QVERIFY(!QFile::exists(dir + "/out/pred_labels.txt"));
    }

    void clusterEmbeddingsOfARun()
    {
        // A FARE run on a tiny coloured dataset, then its encoder's embeddings: each test image
        // becomes an identity of four augmented views, grouped by colour.
        FareConfig c = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("images")), 320, 160);
        c.epochs = 1;
        const QString config = m_dir.filePath(QStringLiteral("fare.json"));
        QVERIFY(fixtures::writeFile(config, QJsonDocument(c.toJson()).toJson()));
        const QString runStore = m_dir.filePath(QStringLiteral("fare.sqlite"));
        const auto train = fixtures::runCli({"train", "--config", config, "--store", runStore});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        const QString run = QJsonDocument::fromJson(train.out).object().value("run").toString();
        const QString out = m_dir.filePath(QStringLiteral("from-run"));
        const auto r = fixtures::runCli(
            QStringList{"cluster", "--from-run", run.left(8), "--from-store", runStore, "--views",
                        "4", "--sample-limit", "60", "--sensitive", "color", "--method",
                        "knn-threshold", "--out", out, "--k", "10", "--store", store()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile labels(QDir(out).filePath("pred_labels.txt"));
        QVERIFY(labels.open(QIODevice::ReadOnly));
        QCOMPARE(labels.readAll().count('\n'), 240);
        const QJsonObject m = [&] {
            QFile f(QDir(out).filePath("metrics.json"));
            f.open(QIODevice::ReadOnly);
            return QJsonDocument::fromJson(f.readAll()).object();
        }();
        QCOMPARE(m.value("splits").toObject().value("test").toObject().value("identities").toInt(),
                 21); // 35 % of 60 source images
        QVERIFY(m.value("report").toObject().value("groups").toArray().size() >= 2);
        // Not a FARE-family run: a clear error.
        const QString clusteringRun = m.value("run").toString();
        const auto wrong = fixtures::runCli(
            {"cluster", "--from-run", clusteringRun, "--out", out, "--store", store()});
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains("FARE-family"), wrong.err.constData());
    }

    void clusterEmbeddingsOfATorchScriptEncoder()
    {
        // A TorchScript "encoder" written by LibTorch itself (pooled colour planes), over the
        // tiny coloured dataset: each test image an identity of three views.
        const FareConfig c =
            fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("script-images")), 64, 80);
        const QString script = m_dir.filePath(QStringLiteral("encoder.pt"));
        torch::jit::Module m("Encoder");
        m.define("def forward(self, x):\n"
                 "    return torch.avg_pool2d(x, [4, 4]).flatten(1)\n");
        m.save(script.toStdString());
        QStringList args{"cluster", "--encoder-script", script, "--format", c.dataset.format};
        for (auto it = c.dataset.options.begin(); it != c.dataset.options.end(); ++it)
            args << "--dataset-option" << it.key() + "=" + it.value().toString();
        const QString out = m_dir.filePath(QStringLiteral("from-script"));
        args << QStringList{"--views", "3",        "--sample-limit", "40",   "--sensitive",
                            "color",   "--method", "knn-threshold",  "--k",  "8",
                            "--out",   out,        "--store",        store()};
        const auto r = fixtures::runCli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile labels(QDir(out).filePath("pred_labels.txt"));
        QVERIFY(labels.open(QIODevice::ReadOnly));
        QCOMPARE(labels.readAll().count('\n'), 120);
        QFile metrics(QDir(out).filePath("metrics.json"));
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        const QJsonObject j = QJsonDocument::fromJson(metrics.readAll()).object();
        QCOMPARE(j.value("config").toObject().value("encoderScript").toString(), script);
        QVERIFY(j.value("metrics").toObject().value("pairwise_f_score").toDouble() > 0.0);

        // Not a TorchScript file; a forward() that does not fit the images: the file named.
        const QString junk = m_dir.filePath(QStringLiteral("junk.pt"));
        QVERIFY(fixtures::writeFile(junk, "not a module"));
        args[2] = junk;
        const auto bad = fixtures::runCli(args);
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(junk.toUtf8()) && bad.err.contains("TorchScript"),
                 bad.err.constData());
        torch::jit::Module wrong("Wrong");
        wrong.define("def forward(self, x):\n"
                     "    return torch.mm(x.flatten(1), torch.ones([5, 2]))\n");
        const QString mismatch = m_dir.filePath(QStringLiteral("wrong.pt"));
        wrong.save(mismatch.toStdString());
        args[2] = mismatch;
        const auto failed = fixtures::runCli(args);
        QVERIFY(failed.exitCode != 0);
        QVERIFY2(failed.err.contains(mismatch.toUtf8()) && failed.err.contains("forward()"),
                 failed.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCluster)
#include "tst_cli_cluster.moc"
