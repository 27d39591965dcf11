// A user-supplied TorchScript encoder: tiny modules generated here with Debian's python3-torch
// (skipped, saying so, when it is absent); the bad inputs of the pipeline each fail before
// anything trains, naming the file.
#include "fairsslfixtures.h"

#include "data/datasetreader.h"
#include "fairssl/fairssljob.h"
#include "fairssl/fairsslpipeline.h"
#include "fairssl/torchscriptencoder_p.h"
#include "store/runstore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

namespace {

const char *kGenerator = R"(
import sys, torch
class Good(torch.nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.fc = torch.nn.Linear(3 * 8 * 8, 8)
    def forward(self, x):
        return self.fc(torch.nn.functional.adaptive_avg_pool2d(x, 8).flatten(1))
class BadShape(torch.nn.Module):
    def forward(self, x):
        return x.mean(1)
torch.jit.script(Good()).save(sys.argv[1] + '/good.pt')
torch.jit.script(BadShape()).save(sys.argv[1] + '/bad-shape.pt')
)";

/// Debian's python3 with torch (the system one first: a user's pyenv may lack torch).
QString pythonWithTorch()
{
    for (const QString &candidate :
         {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess p;
        p.start(candidate, {QStringLiteral("-c"), QStringLiteral("import torch")});
        if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return candidate;
    }
    return {};
}

TorchScriptInput smallInput()
{
    TorchScriptInput in;
    in.size = 16;
    in.channels = 3;
    in.mean = {0.5, 0.5, 0.5};
    in.std = {0.25, 0.25, 0.25};
    return in;
}

} // namespace

class TestFairSslTorchScript : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fixtures::FairSslFixture m_fixture;
    QString m_good, m_badShape;

    FairSslConfig scriptConfig() const
    {
        FairSslConfig c = m_fixture.config;
        c.encoderSource = QStringLiteral("torchscript");
        c.encoderPath = m_good;
        c.encoderInputSize = 16;
        c.encoderMean = {0.5, 0.5, 0.5};
        c.encoderStd = {0.25, 0.25, 0.25};
        c.dedupThreshold = 0.9999;
        return c;
    }

    QString writeText(const QString &name, int rows, int cols)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        for (int r = 0; r < rows; ++r) {
            QStringList cells{r == 0 ? QStringLiteral("top") : QStringLiteral("bottom")};
            for (int k = 0; k < cols; ++k)
                cells << QString::number((r * 7 + k * 3) % 5 - 2);
            f.write(cells.join(QLatin1Char(',')).toUtf8() + '\n');
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString python = pythonWithTorch();
        if (python.isEmpty())
            QSKIP("python3 with torch (Debian: python3-torch) is not installed: cannot generate "
                  "the TorchScript test modules");
        // torch.jit.script reads the module's source: run it from a file, not with -c.
        const QString script = m_dir.filePath(QStringLiteral("generate.py"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kGenerator);
        file.close();
        QProcess p;
        p.start(python, {script, m_dir.path()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        m_good = m_dir.filePath(QStringLiteral("good.pt"));
        m_badShape = m_dir.filePath(QStringLiteral("bad-shape.pt"));
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_fixture = fixtures::writeFairSslFixture(m_dir.filePath(QStringLiteral("data")));
    }

    void loadsAndEmbeds()
    {
        auto e = TorchScriptEncoder::load(m_good, smallInput(), torch::kCPU);
        QVERIFY2(e.ok(), qPrintable(e.error().toString()));
        QCOMPARE(e.value()->dim(), 8);
        auto images = torch::randint(0, 256, {5, 28, 28, 3}, torch::kUInt8);
        const auto out = e.value()->embed(images);
        QCOMPARE(out.sizes(), (c10::IntArrayRef{5, 8}));
        QVERIFY(torch::equal(out, e.value()->embed(images))); // deterministic
        QVERIFY(!torch::allclose(out[0], out[1]));
        // Grey images are repeated to the three channels the module expects.
        const auto grey = e.value()->embed(images.narrow(3, 0, 1).contiguous());
        QCOMPARE(grey.sizes(), (c10::IntArrayRef{5, 8}));
    }

    void badEncoderFilesNameTheFile()
    {
        const QString notScript = m_dir.filePath(QStringLiteral("not-a-module.pt"));
        QFile f(notScript);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a TorchScript archive\n");
        f.close();
        auto a = TorchScriptEncoder::load(notScript, smallInput(), torch::kCPU);
        QVERIFY(!a.ok());
        QVERIFY2(a.error().toString().contains(notScript) &&
                     a.error().toString().contains(QStringLiteral("TorchScript")),
                 qPrintable(a.error().toString()));
        auto b = TorchScriptEncoder::load(m_badShape, smallInput(), torch::kCPU);
        QVERIFY(!b.ok());
        QVERIFY2(b.error().toString().contains(m_badShape) &&
                     b.error().toString().contains(QStringLiteral("[2, 16, 16]")),
                 qPrintable(b.error().toString()));
        TorchScriptInput wrongChannels = smallInput();
        wrongChannels.channels = 1;
        wrongChannels.mean = {0.5};
        wrongChannels.std = {0.25};
        auto c = TorchScriptEncoder::load(m_good, wrongChannels, torch::kCPU);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().toString().contains(QStringLiteral("forward failed")),
                 qPrintable(c.error().toString()));
        auto d = TorchScriptEncoder::load(m_dir.filePath(QStringLiteral("missing.pt")),
                                          smallInput(), torch::kCPU);
        QVERIFY(!d.ok());
        QVERIFY(d.error().toString().contains(QStringLiteral("missing.pt")));
    }

    void textEmbeddingRowsMustMatchTheClasses()
    {
        auto ds = openDataset(m_fixture.config.dataset);
        QVERIFY(ds.ok());
        FairSslConfig c = scriptConfig();
        c.pseudoLabelMode = QStringLiteral("zero-shot");
        c.textEmbeddingsPath = writeText(QStringLiteral("three-rows.csv"), 3, 8);
        auto created = FairSslPipeline::create(c, ds.value());
        QVERIFY(!created.ok());
        QVERIFY2(created.error().toString().contains(c.textEmbeddingsPath) &&
                     created.error().toString().contains(QStringLiteral("2 rows")),
                 qPrintable(created.error().toString()));
        c.textEmbeddingsPath = writeText(QStringLiteral("wide.csv"), 2, 12);
        created = FairSslPipeline::create(c, ds.value());
        QVERIFY(!created.ok());
        QVERIFY2(created.error().toString().contains(QStringLiteral("8 numbers per row")),
                 qPrintable(created.error().toString()));
    }

    void badInputFailsTheJobBeforeAnyStage()
    {
        FairSslConfig c = scriptConfig();
        c.encoderPath = m_badShape;
        const QString storePath = m_dir.filePath(QStringLiteral("bad.sqlite"));
        FairSslJob job(c, storePath);
        QSignalSpy progress(&job, &FairSslJob::progressChanged);
        QSignalSpy finished(&job, &FairSslJob::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).value<JobOutcome>(), JobOutcome::Failed);
        QVERIFY2(finished.first().at(1).toString().contains(m_badShape),
                 qPrintable(finished.first().at(1).toString()));
        QCOMPARE(progress.count(), 0);
        QVERIFY(job.runId().isEmpty()); // nothing was recorded
    }

    void zeroShotRunWithTheScriptEncoder()
    {
        FairSslConfig c = scriptConfig();
        c.pseudoLabelMode = QStringLiteral("zero-shot");
        c.textEmbeddingsPath = writeText(QStringLiteral("two-rows.csv"), 2, 8);
        c.epochs = 1;
        FairSslJob job(c, m_dir.filePath(QStringLiteral("runs.sqlite")));
        QSignalSpy finished(&job, &FairSslJob::finished);
        QSignalSpy epochs(&job, &FairSslJob::epochFinished);
        job.start();
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).value<JobOutcome>() == JobOutcome::Finished,
                 qPrintable(finished.first().at(1).toString()));
        QCOMPARE(epochs.count(), 1); // no SimCLR epochs with a TorchScript encoder
        auto s = RunStore::open(m_dir.filePath(QStringLiteral("runs.sqlite")));
        auto embed = s.value()->artifact(job.runId(), QStringLiteral("fairssl-stage"), std::nullopt,
                                         QStringLiteral("embed"));
        QVERIFY(embed.ok());
        QVERIFY(embed->bytes.contains("good.pt"));
        auto pseudo = s.value()->artifact(job.runId(), QStringLiteral("fairssl-stage"),
                                          std::nullopt, QStringLiteral("pseudo-label"));
        QVERIFY(pseudo->bytes.contains("zero-shot"));
    }
};

QTEST_GUILESS_MAIN(TestFairSslTorchScript)
#include "tst_fairssltorchscript.moc"
