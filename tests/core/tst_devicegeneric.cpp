// The device-generic paths (docs/design/gpu.md): what a non-CPU device runs — tensor operations
// on the inputs' device, tiles one after another — forced on CPU tensors and held against the
// fused CPU engines: every loss (values and gradients), the training step and evaluation of the
// FARE family and of the fair-SSL pipeline, and the device names a config may carry.
#include "enginefixtures.h"
#include "fairsslfixtures.h"
#include "losstesting.h"

#include "data/datasetreader.h"
#include "fairssl/fairsslpipeline.h"
#include "fare/faresession.h"
#include "util/torchdevice_p.h"

#include <QTemporaryDir>

using namespace equiscope;
using namespace equiscope::losstesting;

namespace {

// Forces the device-generic path (and the device checks) for one scope.
struct GenericPath
{
    explicit GenericPath(bool on)
    {
        setDeviceGenericForced(on);
        setDeviceChecks(true);
    }
    ~GenericPath()
    {
        setDeviceGenericForced(false);
        setDeviceChecks(false);
    }
};

void expectClose(const QString &what, const torch::Tensor &generic, const torch::Tensor &fused)
{
    QVERIFY2(generic.defined() == fused.defined(), qPrintable(what + QStringLiteral(" defined")));
    if (!generic.defined())
        return;
    const double err = relErr(generic, fused);
    QVERIFY2(err < 1e-4, qPrintable(QStringLiteral("%1: relative error %2").arg(what).arg(err)));
}

} // namespace

class TestDeviceGeneric : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { resetSwitches(); }
    void cleanup()
    {
        resetSwitches();
        setDeviceGenericForced(false);
    }

    void everyLossMatchesTheFusedEngine_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("withGroups");
        QTest::addColumn<bool>("inDouble");
        QTest::addColumn<int>("b");
        const QStringList names = {QStringLiteral("infonce"),
                                   QStringLiteral("fair-infonce"),
                                   QStringLiteral("cclk-cosine"),
                                   QStringLiteral("cclk-rbf"),
                                   QStringLiteral("fare-mask-sym"),
                                   QStringLiteral("fare-keep-asym"),
                                   QStringLiteral("sparse-adjacent-r1"),
                                   QStringLiteral("sparse-intra-r3"),
                                   QStringLiteral("sparse-adjacent-r2-asym")};
        for (const QString &name : names) {
            for (bool inDouble : {false, true}) {
                for (int b : {40, 200}) {
                    QTest::addRow("%s-%s-b%d", qPrintable(name), inDouble ? "f64" : "f32", b)
                        << name << true << inDouble << b;
                }
            }
        }
        // Fair-InfoNCE without group ids bins z by k-means on the host.
        QTest::addRow("fair-infonce-kmeans-f32-b200")
            << QStringLiteral("fair-infonce") << false << false << 200;
    }
    void everyLossMatchesTheFusedEngine()
    {
        QFETCH(QString, name);
        QFETCH(bool, withGroups);
        QFETCH(bool, inDouble);
        QFETCH(int, b);
        // Ragged tiles, so both paths walk many of them.
        lossdetail::setDenseBlockRowsOverride(17);
        lossdetail::setFusedTileOverride(17, 23);
        auto loss = namedLoss(name);
        Batch x = makeBatch(b, 24, 3, 19);
        if (!withGroups)
            x.groups = torch::Tensor();
        if (!inDouble)
            x = toFloat(x);
        else
            loss->to(torch::kDouble);
        perturbAttention(*loss, 3);

        const Result fused = run(*loss, LossPath::Fast, x);
        Result generic;
        {
            GenericPath forced(true);
            generic = run(*loss, LossPath::Fast, x);
            QVERIFY2(!generic.fused, "the device-generic path must not enter a fused engine");
        }
        QVERIFY(std::isfinite(generic.loss));
        QVERIFY2(std::abs(generic.loss - fused.loss) <= 1e-4 * std::abs(fused.loss),
                 qPrintable(QStringLiteral("loss %1 (generic) vs %2 (fused)")
                                .arg(generic.loss, 0, 'g', 10)
                                .arg(fused.loss, 0, 'g', 10)));
        expectClose(QStringLiteral("du1"), generic.du1, fused.du1);
        expectClose(QStringLiteral("du2"), generic.du2, fused.du2);
        expectClose(QStringLiteral("dW_Q"), generic.dwq, fused.dwq);
        expectClose(QStringLiteral("dW_K"), generic.dwk, fused.dwk);
        if (std::isfinite(fused.entropy))
            QVERIFY2(
                std::abs(generic.entropy - fused.entropy) < 1e-4 * std::abs(fused.entropy),
                qPrintable(
                    QStringLiteral("entropy %1 vs %2").arg(generic.entropy).arg(fused.entropy)));
        QCOMPARE(generic.empty, fused.empty);

        // The reference formulas build their masks on the inputs' device as well.
        GenericPath forced(true);
        const Result reference = run(*loss, LossPath::Reference, x);
        QVERIFY(std::abs(reference.loss - fused.loss) <= 1e-4 * std::abs(fused.loss));
    }

    // Mixed precision on the generic path: the products in bf16, the statistics in fp32.
    void bf16ProductsStayCloseToFp32_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"infonce", "fair-infonce", "cclk-cosine", "fare-mask-sym", "sparse-intra-r3"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void bf16ProductsStayCloseToFp32()
    {
        QFETCH(QString, name);
        auto loss = namedLoss(name);
        perturbAttention(*loss, 3);
        const Batch x = toFloat(makeBatch(256, 32, 3, 8));
        GenericPath forced(true);
        const Result fp32 = run(*loss, LossPath::Fast, x);
        loss->setProductType(torch::kBFloat16);
        const Result bf16 = run(*loss, LossPath::Fast, x);
        loss->setProductType(torch::ScalarType::Undefined);
        const double lossErr = std::abs(bf16.loss - fp32.loss) / std::abs(fp32.loss);
        const double gradErr = relErr(bf16.du1, fp32.du1);
        qInfo("%s: bf16 products: loss rel. diff %.2e, du1 rel. diff %.2e", qPrintable(name),
              lossErr, gradErr);
        QVERIFY(lossErr > 0); // the products really ran in bf16
        QVERIFY2(lossErr < 5e-3, "bf16 loss drifted past 5e-3 of fp32");
        QVERIFY2(gradErr < 3e-2, "bf16 gradient drifted past 3e-2 of fp32");
        QCOMPARE(bf16.du1.scalar_type(), torch::kFloat);
    }

    // A run's precision: autocast for the encoder, fp16 refused on the CPU.
    void farePrecisionOption()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        FareConfig c = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("fare")), 192, 96);
        c.device = QStringLiteral("cpu");
        auto ds = openDataset(c.dataset);
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        auto epochLoss = [&](const QString &precision) {
            FareConfig run = c;
            run.precision = precision;
            auto s = FareSession::create(run, ds.value());
            if (!s.ok())
                return -1.0;
            std::atomic<bool> cancel{false};
            auto r = s.value()->runEpoch(1, cancel);
            return r.ok() ? r->meanLoss : -1.0;
        };
        const double fp32 = epochLoss(QStringLiteral("fp32"));
        const double bf16 = epochLoss(QStringLiteral("bf16"));
        qInfo("FARE epoch loss fp32 %.6f, bf16 %.6f", fp32, bf16);
        QVERIFY(fp32 > 0 && bf16 > 0);
        QVERIFY(bf16 != fp32);
        QVERIFY2(std::abs(bf16 - fp32) < 0.02 * fp32, "bf16 epoch loss past 2 % of fp32");

        FareConfig half = c;
        half.precision = QStringLiteral("fp16");
        const auto refused = half.validate();
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().toString().contains(QStringLiteral("fp16 needs a CUDA device")));
        half.precision = QStringLiteral("fp8");
        QVERIFY(!half.validate().ok());
        // Absent from a config's JSON means fp32; a reduced precision is written and read back.
        QVERIFY(!c.toJson().contains(QStringLiteral("precision")));
        FareConfig reduced = c;
        reduced.precision = QStringLiteral("bf16");
        auto back = FareConfig::fromJson(reduced.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->precision, QStringLiteral("bf16"));
    }

    // A large batch through the generic path: tiles one after another, nothing b x b.
    void largeBatchStaysTiled()
    {
        auto loss = namedLoss(QStringLiteral("fare-mask-sym"));
        const Batch x = toFloat(makeBatch(4096, 16, 3, 4));
        const Result fused = run(*loss, LossPath::Fast, x);
        GenericPath forced(true);
        const Result generic = run(*loss, LossPath::Fast, x);
        QVERIFY(std::abs(generic.loss - fused.loss) <= 1e-4 * std::abs(fused.loss));
        expectClose(QStringLiteral("du1"), generic.du1, fused.du1);
        expectClose(QStringLiteral("dW_Q"), generic.dwq, fused.dwq);
    }

    void devicesAreResolvedOrRefused()
    {
        QCOMPARE(resolveTorchDevice(QStringLiteral("cpu")), torch::Device(torch::kCPU));
        const torch::Device automatic = resolveTorchDevice(QStringLiteral("auto"));
        QCOMPARE(automatic.is_cuda(), torch::cuda::is_available());
        auto refusal = [](const QString &name) {
            try {
                resolveTorchDevice(name);
            } catch (const std::exception &e) {
                return QString::fromUtf8(e.what());
            }
            return QString();
        };
        QVERIFY(refusal(QStringLiteral("tpu")).contains(QStringLiteral("auto, cpu, cuda")));
        if (!torch::cuda::is_available()) {
            const QString why = refusal(QStringLiteral("cuda:0"));
            QVERIFY2(why.contains(QStringLiteral("no CUDA device")), qPrintable(why));
        } else {
            QVERIFY(refusal(QStringLiteral("cuda:x")).contains(QStringLiteral("cuda:N")));
            QVERIFY(refusal(QStringLiteral("cuda:999")).contains(QStringLiteral("present")));
        }
        // The discipline check names what is misplaced.
        setDeviceChecks(true);
        const auto t = torch::zeros({2});
        expectOnDevice(t, torch::Device(torch::kCPU), "t");
        bool thrown = false;
        try {
            expectOnDevice(t, torch::Device(torch::kMeta), "the loss");
        } catch (const c10::Error &e) {
            thrown = QString::fromUtf8(e.what()).contains(QStringLiteral("the loss is on cpu"));
        }
        setDeviceChecks(false);
        QVERIFY(thrown);
    }

    // One epoch of each FARE-family method and its evaluation, generic against fused.
    void fareTrainingStepIsDeviceGeneric_data()
    {
        QTest::addColumn<int>("method");
        QTest::addRow("infonce") << int(LossMethod::InfoNce);
        QTest::addRow("fair-infonce") << int(LossMethod::FairInfoNce);
        QTest::addRow("cclk") << int(LossMethod::Cclk);
        QTest::addRow("fare") << int(LossMethod::Fare);
        QTest::addRow("sparsefare") << int(LossMethod::SparseFare);
    }
    void fareTrainingStepIsDeviceGeneric()
    {
        QFETCH(int, method);
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        FareConfig c = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("fare")), 192, 96);
        c.loss.method = LossMethod(method);
        c.loss.bucketSize = 32;
        c.loss.fairMode = LossConfig::FairMode::Mask;
        c.device = QStringLiteral("auto");
        auto ds = openDataset(c.dataset);
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        auto oneEpoch = [&](bool generic, double *loss, double *accuracy) {
            GenericPath forced(generic);
            auto s = FareSession::create(c, ds.value());
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
            std::atomic<bool> cancel{false};
            auto r = s.value()->runEpoch(1, cancel);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
            *loss = r->meanLoss;
            auto e = s.value()->epochMetrics(96, cancel);
            QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().toString()));
            *accuracy = e->value(QStringLiteral("accuracy")).toDouble(-1);
        };
        double fusedLoss = 0, genericLoss = 0, fusedAcc = 0, genericAcc = 0;
        oneEpoch(false, &fusedLoss, &fusedAcc);
        oneEpoch(true, &genericLoss, &genericAcc);
        qInfo("epoch loss %.9g (fused) %.9g (generic), probe accuracy %.4f / %.4f", fusedLoss,
              genericLoss, fusedAcc, genericAcc);
        QVERIFY(std::isfinite(fusedLoss) && fusedLoss > 0);
        QVERIFY2(std::abs(genericLoss - fusedLoss) <= 1e-4 * fusedLoss,
                 qPrintable(QStringLiteral("epoch loss %1 (generic) vs %2 (fused)")
                                .arg(genericLoss, 0, 'g', 10)
                                .arg(fusedLoss, 0, 'g', 10)));
        QVERIFY(fusedAcc >= 0);
        // Same parameters up to float rounding: the probe sees the same representation.
        QVERIFY2(std::abs(genericAcc - fusedAcc) <= 0.02,
                 qPrintable(QStringLiteral("accuracy %1 vs %2").arg(genericAcc).arg(fusedAcc)));
    }

    // The fair-SSL pipeline's SimCLR stage trains on the InfoNCE engine: generic against fused.
    void fairSslEmbedStepIsDeviceGeneric()
    {
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        const auto fixture = fixtures::writeFairSslFixture(m_dir.filePath(QStringLiteral("ssl")));
        auto ds = openDataset(fixture.config.dataset);
        QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
        auto oneEpoch = [&](bool generic, QString *error) {
            GenericPath forced(generic);
            auto created = FairSslPipeline::create(fixture.config, ds.value());
            if (!created.ok()) {
                *error = created.error().toString();
                return -1.0;
            }
            std::atomic<bool> cancel{false};
            auto r = created.value()->runEpoch(QStringLiteral("embed"), 1, cancel);
            if (!r.ok())
                *error = r.error().toString();
            return r.ok() ? r->loss : -1.0;
        };
        QString error;
        // Mixed precision of the same stage: bf16 forwards, within 2 % of fp32 after one epoch.
        {
            FairSslConfig reduced = fixture.config;
            reduced.device = QStringLiteral("cpu");
            reduced.precision = QStringLiteral("bf16");
            auto created = FairSslPipeline::create(reduced, ds.value());
            QVERIFY2(created.ok(),
                     qPrintable(created.ok() ? QString() : created.error().toString()));
            std::atomic<bool> cancel{false};
            auto bf16 = created.value()->runEpoch(QStringLiteral("embed"), 1, cancel);
            QVERIFY2(bf16.ok(), qPrintable(bf16.ok() ? QString() : bf16.error().toString()));
            const double fp32 = oneEpoch(false, &error);
            qInfo("SimCLR epoch loss fp32 %.6f, bf16 %.6f", fp32, bf16->loss);
            QVERIFY(bf16->loss != fp32);
            QVERIFY(std::abs(bf16->loss - fp32) < 0.02 * fp32);
            reduced.precision = QStringLiteral("fp16");
            QVERIFY(!reduced.validate().ok());
        }
        const double fused = oneEpoch(false, &error);
        QVERIFY2(fused > 0, qPrintable(error));
        const double generic = oneEpoch(true, &error);
        QVERIFY2(generic > 0, qPrintable(error));
        qInfo("SimCLR epoch loss %.9g (fused) %.9g (generic)", fused, generic);
        QVERIFY2(std::abs(generic - fused) <= 1e-4 * fused,
                 qPrintable(QStringLiteral("SimCLR epoch loss %1 (generic) vs %2 (fused)")
                                .arg(generic, 0, 'g', 10)
                                .arg(fused, 0, 'g', 10)));
    }
};

QTEST_GUILESS_MAIN(TestDeviceGeneric)
#include "tst_devicegeneric.moc"
