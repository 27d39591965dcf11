// LossConfig: defaults of docs/design/methods/fare.md, JSON round trip, clear errors for unknown
// values.
#include "losses/lossconfig.h"

#include <QtTest>

using namespace equiscope;

class TestLossConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const LossConfig c;
        QCOMPARE(c.temperature, 0.1);
        QCOMPARE(c.attentionScale, 1.0);
        QVERIFY(c.diagonal == LossConfig::Diagonal::Mask);
        QVERIFY(c.negativeScale == LossConfig::NegativeScale::One);
        QVERIFY(c.symmetric);
        QCOMPARE(c.bucketSize, 128);
        QCOMPARE(c.hashRounds, 1);
        QVERIFY(c.support == LossConfig::Support::Adjacent);
        QVERIFY(c.fairMode == LossConfig::FairMode::Batch);
        QCOMPARE(c.bins, 10);
        QVERIFY(c.kernel == LossConfig::Kernel::Cosine);
        QCOMPARE(c.lambda, 0.01);
    }

    void methodNames()
    {
        QCOMPARE(lossMethodNames(),
                 (QStringList{"infonce", "fair-infonce", "cclk", "fare", "sparse-fare"}));
        for (const QString &n : lossMethodNames())
            QCOMPARE(lossMethodName(lossMethodFromName(n).value()), n);
        const auto bad = lossMethodFromName(QStringLiteral("simclr"));
        QVERIFY(!bad);
        QVERIFY(bad.error().toString().contains(QStringLiteral("sparse-fare")));
    }

    void roundTrip()
    {
        LossConfig c;
        c.method = LossMethod::SparseFare;
        c.temperature = 0.5;
        c.diagonal = LossConfig::Diagonal::Keep;
        c.negativeScale = LossConfig::NegativeScale::BatchMinusOne;
        c.symmetric = false;
        c.bucketSize = 64;
        c.hashRounds = 3;
        c.support = LossConfig::Support::Intra;
        c.hashSeed = 12345678901234567ull;
        c.fairMode = LossConfig::FairMode::Mask;
        c.bins = 7;
        c.kernel = LossConfig::Kernel::Laplacian;
        c.bandwidth = 2.0;
        c.lambda = 0.1;
        const auto back = LossConfig::fromJson(c.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), c.toJson());
        QCOMPARE(back->hashSeed, c.hashSeed);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("diagonal") << "diagonal" << QJsonValue("drop");
        QTest::newRow("negativeScale") << "negativeScale" << QJsonValue("b");
        QTest::newRow("support") << "support" << QJsonValue("global");
        QTest::newRow("kernel") << "kernel" << QJsonValue("sigmoid");
        QTest::newRow("fairMode") << "fairMode" << QJsonValue(3);
        QTest::newRow("temperature") << "temperature" << QJsonValue(0);
        QTest::newRow("hashRounds") << "hashRounds" << QJsonValue(9);
        QTest::newRow("symmetric") << "symmetric" << QJsonValue("maybe");
        QTest::newRow("unknown key") << "temprature" << QJsonValue(0.2);
    }
    void errors()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject o;
        o.insert(key, value);
        const auto c = LossConfig::fromJson(o);
        QVERIFY(!c);
        QCOMPARE(c.error().field, key);
        QVERIFY(!c.error().toString().isEmpty());
    }

    void withOption()
    {
        const LossConfig c;
        auto d = c.withOption(QStringLiteral("negativeScale"), QStringLiteral("b-1"));
        QVERIFY(d);
        QVERIFY(d->negativeScale == LossConfig::NegativeScale::BatchMinusOne);
        d = d->withOption(QStringLiteral("symmetric"), QStringLiteral("off"));
        QVERIFY(d && !d->symmetric);
        d = d->withOption(QStringLiteral("bucketSize"), QStringLiteral("256"));
        QVERIFY(d && d->bucketSize == 256);
        QVERIFY(!c.withOption(QStringLiteral("bucketSize"), QStringLiteral("lots")));
        QVERIFY(!c.withOption(QStringLiteral("nope"), QStringLiteral("1")));
    }
};

QTEST_GUILESS_MAIN(TestLossConfig)
#include "tst_lossconfig.moc"
