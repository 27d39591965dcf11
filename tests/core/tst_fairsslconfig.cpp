#include "fairssl/fairsslconfig.h"
#include "families/familyregistry.h"
#include "fare/fareconfig.h"

#include <QJsonArray>
#include <QtTest>

using namespace equiscope;

class TestFairSslConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultRoundTripsWithEveryKeyWritten()
    {
        const FairSslConfig c = FairSslConfig::coloredFashionMnistDefault();
        QVERIFY(c.validate().ok());
        const QJsonObject json = c.toJson();
        QCOMPARE(json.value(QStringLiteral("family")).toString(), QStringLiteral("fair-ssl"));
        QCOMPARE(json.value(QStringLiteral("method")).toString(), QStringLiteral("fair-ssl"));
        // Every option the table knows is written, nested under its section.
        for (const QString &key : FairSslConfig::optionKeys()) {
            if (key == QLatin1String("method") || key == QLatin1String("name") ||
                key == QLatin1String("seed")) {
                QVERIFY2(json.contains(key), qPrintable(key));
                continue;
            }
            // Later options at the value their absence stands for (fp32, Adam, no warm-up, the
            // SupCon meta loss) are left out, so that configs from before them keep their hashes.
            const QStringList parts = key.split(QLatin1Char('.'));
            const QJsonObject section = parts.size() == 2 ? json.value(parts[0]).toObject() : json;
            const bool leftOut =
                QStringList{QStringLiteral("precision"), QStringLiteral("optimizer"),
                            QStringLiteral("metaWeight.warmupEpochs"),
                            QStringLiteral("metaWeight.metaLoss")}
                    .contains(key);
            QVERIFY2(section.contains(parts.last()) != leftOut, qPrintable(key));
        }
        FairSslConfig sgd = c;
        sgd.optimizer = QStringLiteral("sgd");
        QCOMPARE(sgd.toJson().value(QStringLiteral("optimizer")).toString(), QStringLiteral("sgd"));
        QCOMPARE(FairSslConfig::fromJson(sgd.toJson())->optimizer, QStringLiteral("sgd"));
        sgd.optimizer = QStringLiteral("lars");
        QVERIFY(!sgd.validate());
        FairSslConfig reduced = c;
        reduced.precision = QStringLiteral("bf16");
        QCOMPARE(reduced.toJson().value(QStringLiteral("precision")).toString(),
                 QStringLiteral("bf16"));
        QCOMPARE(FairSslConfig::fromJson(reduced.toJson())->precision, QStringLiteral("bf16"));
        QCOMPARE(json.value(QStringLiteral("dedup"))
                     .toObject()
                     .value(QStringLiteral("threshold"))
                     .toDouble(),
                 0.95);
        QCOMPARE(json.value(QStringLiteral("retrieval"))
                     .toObject()
                     .value(QStringLiteral("perSeed"))
                     .toInt(),
                 2);
        QCOMPARE(json.value(QStringLiteral("supcon"))
                     .toObject()
                     .value(QStringLiteral("temperature"))
                     .toDouble(),
                 0.07);
        auto back = FairSslConfig::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QCOMPARE(back->toJson(), json);
    }

    void aStoredConfigWithoutTheMetaWeightFixesKeepsItsBehaviour()
    {
        // A run stored before the meta-weighting fixes resumes and replays as it was trained:
        // absent keys mean the old behaviour, not today's defaults.
        QJsonObject json = FairSslConfig::coloredFashionMnistDefault().toJson();
        QJsonObject meta = json.value(QStringLiteral("metaWeight")).toObject();
        for (const char *key : {"minPerCell", "output", "minWeight", "warmupEpochs", "metaLoss"})
            meta.remove(QLatin1String(key));
        json.insert(QStringLiteral("metaWeight"), meta);
        const auto old = FairSslConfig::fromJson(json);
        QVERIFY2(old.ok(), qPrintable(old.error().toString()));
        QCOMPARE(old->metaMinPerCell, 0);
        QCOMPARE(old->metaOutput, QStringLiteral("sigmoid"));
        QCOMPARE(old->metaMinWeight, 0.0);
        QCOMPARE(old->metaWarmupEpochs, 0);
        QCOMPARE(old->metaLoss, QStringLiteral("supcon"));
        QCOMPARE(old->toJson(), json); // and it is written back without them: the same hash
        // Today's defaults are the fixes, written out.
        const FairSslConfig now = FairSslConfig::coloredFashionMnistDefault();
        QCOMPARE(now.metaOutput, QStringLiteral("centred"));
        const QJsonObject written = now.toJson().value(QStringLiteral("metaWeight")).toObject();
        QCOMPARE(written.value(QStringLiteral("minPerCell")).toInt(), 8);
        QCOMPARE(written.value(QStringLiteral("minWeight")).toDouble(), 0.1);
        QCOMPARE(FairSslConfig::fromJson(now.toJson())->toJson(), now.toJson());
        auto ce =
            now.withOption(QStringLiteral("metaWeight.metaLoss"), QStringLiteral("cross-entropy"));
        QVERIFY(ce.ok() && ce->validate().ok());
        QCOMPARE(ce->toJson()
                     .value(QStringLiteral("metaWeight"))
                     .toObject()
                     .value(QStringLiteral("metaLoss"))
                     .toString(),
                 QStringLiteral("cross-entropy"));
    }

    void optionsFromText_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("jsonPath");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dedup") << "dedup.threshold"
                               << "0.9"
                               << "dedup.threshold"
                               << "0.9";
        QTest::newRow("retrieval") << "retrieval.perSeed"
                                   << "5"
                                   << "retrieval.perSeed"
                                   << "5";
        QTest::newRow("quality off") << "quality.enabled"
                                     << "false"
                                     << "quality.enabled"
                                     << "false";
        QTest::newRow("mode") << "pseudoLabels.mode"
                              << "knn"
                              << "pseudoLabels.mode"
                              << "knn";
        QTest::newRow("scope") << "metaWeight.scope"
                               << "full"
                               << "metaWeight.scope"
                               << "full";
        QTest::newRow("levels") << "targetLevels"
                                << "Coat,Pullover"
                                << "targetLevels"
                                << "Coat,Pullover";
    }

    void optionsFromText()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, jsonPath);
        QFETCH(QString, expected);
        auto c = FairSslConfig::coloredFashionMnistDefault().withOption(key, value);
        QVERIFY2(c.ok(), qPrintable(c.error().toString()));
        const QJsonObject json = c->toJson();
        const QStringList parts = jsonPath.split(QLatin1Char('.'));
        const QJsonValue v = parts.size() == 2 ? json.value(parts[0]).toObject().value(parts[1])
                                               : json.value(parts[0]);
        QString text;
        if (v.isArray()) {
            QStringList items;
            for (const QJsonValue &x : v.toArray())
                items << x.toString();
            text = items.join(QLatin1Char(','));
        } else if (v.isBool()) {
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        } else if (v.isDouble()) {
            text = QString::number(v.toDouble());
        } else {
            text = v.toString();
        }
        QCOMPARE(text, expected);
    }

    void badValuesNameTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("threshold out of range") << "dedup.threshold"
                                                << "1.5";
        QTest::newRow("unknown mode") << "pseudoLabels.mode"
                                      << "magic";
        QTest::newRow("zero meta fraction") << "metaWeight.fraction"
                                            << "0";
        QTest::newRow("unknown scope") << "metaWeight.scope"
                                       << "everything";
        QTest::newRow("unknown weight output") << "metaWeight.output"
                                               << "softmax";
        QTest::newRow("floor of 1") << "metaWeight.minWeight"
                                    << "1";
        QTest::newRow("unknown meta loss") << "metaWeight.metaLoss"
                                           << "mse";
        QTest::newRow("warm-up as long as the training") << "metaWeight.warmupEpochs"
                                                         << "5";
        QTest::newRow("negative per cell") << "metaWeight.minPerCell"
                                           << "-1";
        QTest::newRow("one level") << "targetLevels"
                                   << "Coat";
        QTest::newRow("zero-shot without file") << "pseudoLabels.mode"
                                                << "zero-shot";
        QTest::newRow("torchscript without file") << "encoder.source"
                                                  << "torchscript";
        QTest::newRow("negative per-epoch evaluation") << "epochEvaluationSamples"
                                                       << "-1";
    }

    void badValuesNameTheKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        auto c = FairSslConfig::coloredFashionMnistDefault().withOption(key, value);
        QVERIFY(c.ok()); // text parses; validate() judges the value
        auto valid = c->validate();
        QVERIFY(!valid.ok());
        const QString message = valid.error().toString();
        QVERIFY2(message.contains(key.section(QLatin1Char('.'), 0, 0)), qPrintable(message));
    }

    void targetCannotBeSensitive()
    {
        // Groups of the target would compare each class with itself: a run asked for through a
        // family (CLI train, the launchers) is refused, in both families that have a target.
        FairSslConfig ssl = FairSslConfig::coloredFashionMnistDefault();
        ssl.sensitive = {ssl.target};
        QVERIFY(ssl.validate().ok()); // internal sessions may still name one attribute for both
        const MethodFamily *fairSsl = FamilyRegistry::instance().family(RunFamily::FairSsl);
        auto parsed = fairSsl->parseConfig(ssl.toJson());
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().toString().contains(QStringLiteral("other than the target")),
                 qPrintable(parsed.error().toString()));
        FareConfig fare;
        fare.target = QStringLiteral("label");
        fare.sensitive = {QStringLiteral("color"), QStringLiteral("label")};
        const MethodFamily *fareFamily = FamilyRegistry::instance().family(RunFamily::Fare);
        auto job = fareFamily->createJob(fare.toJson(), QStringLiteral("unused.sqlite"));
        QVERIFY(!job.ok());
        QVERIFY2(job.error().toString().contains(QStringLiteral("'label'")),
                 qPrintable(job.error().toString()));
        fare.sensitive = {QStringLiteral("color")};
        QVERIFY2(fareFamily->parseConfig(fare.toJson()).ok(),
                 qPrintable(fareFamily->parseConfig(fare.toJson()).error().toString()));
    }

    void unknownOptionAndWrongTypeAreErrors()
    {
        auto c = FairSslConfig().withOption(QStringLiteral("dedup.tau"), QStringLiteral("1"));
        QVERIFY(!c.ok());
        QVERIFY(c.error().toString().contains(QStringLiteral("dedup.tau")));
        QJsonObject json = FairSslConfig::coloredFashionMnistDefault().toJson();
        QJsonObject dedup = json.value(QStringLiteral("dedup")).toObject();
        dedup.insert(QStringLiteral("threshold"), QStringLiteral("high"));
        json.insert(QStringLiteral("dedup"), dedup);
        auto parsed = FairSslConfig::fromJson(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().toString().contains(QStringLiteral("dedup.threshold")),
                 qPrintable(parsed.error().toString()));
        json = FairSslConfig().toJson();
        json.insert(QStringLiteral("family"), QStringLiteral("fare"));
        QVERIFY(!FairSslConfig::fromJson(json).ok());
        // An integer beyond what a 64-bit integer holds is refused by name, not converted
        // (undefined behaviour, found by scripts/fuzz; fuzz/regressions/config/).
        for (double huge : {1e51, -1e30, 9007199254740994.0}) {
            json = FairSslConfig::coloredFashionMnistDefault().toJson();
            json.insert(QStringLiteral("epochs"), huge);
            parsed = FairSslConfig::fromJson(json);
            QVERIFY(!parsed.ok());
            QVERIFY2(parsed.error().toString().contains(QStringLiteral("epochs")),
                     qPrintable(parsed.error().toString()));
            json = FairSslConfig::coloredFashionMnistDefault().toJson();
            json.insert(QStringLiteral("seed"), huge);
            parsed = FairSslConfig::fromJson(json);
            QVERIFY(!parsed.ok());
            QVERIFY(parsed.error().toString().contains(QStringLiteral("seed")));
        }
    }

    void nameAndDatasetAreReadStrictly_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("name of the wrong type") << "name" << QJsonValue(7) << "'name'";
        QTest::newRow("dataset not an object") << "dataset" << QJsonValue("mnist") << "dataset";
        QTest::newRow("misspelt dataset key")
            << "dataset" << QJsonValue(QJsonObject{{"fromat", "idx"}}) << "dataset.fromat";
        QTest::newRow("dataset path not text")
            << "dataset" << QJsonValue(QJsonObject{{"path", 3}}) << "dataset.path";
        QTest::newRow("dataset options not an object")
            << "dataset" << QJsonValue(QJsonObject{{"options", "x"}}) << "dataset.options";
    }

    void nameAndDatasetAreReadStrictly()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QJsonObject json = FairSslConfig::coloredFashionMnistDefault().toJson();
        json.insert(key, value);
        const auto parsed = FairSslConfig::fromJson(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().toString().contains(named) &&
                     parsed.error().toString().contains(QStringLiteral("fair-ssl run config")),
                 qPrintable(parsed.error().toString()));
    }

    void stageInputsDecideWhatMayBeShared()
    {
        const FairSslConfig full = FairSslConfig::coloredFashionMnistDefault();
        FairSslConfig supcon = full, simclr = full, otherDedup = full, otherSeed = full;
        supcon.method = FairSslMethod::SupCon;
        supcon.epochs = 3; // training options never matter to the curation stages
        supcon.epochEvaluationSamples = 500;
        simclr.method = FairSslMethod::SimClr;
        otherDedup.dedupThreshold = 0.9;
        otherSeed.seed = 1;
        for (const char *stage : {"embed", "dedup", "retrieve", "quality"})
            QCOMPARE(supcon.stageInputs(QLatin1String(stage)),
                     full.stageInputs(QLatin1String(stage)));
        // The pseudo-label stage builds the meta set only for the weighted method.
        QVERIFY(supcon.stageInputs(QStringLiteral("pseudo-label")) !=
                full.stageInputs(QStringLiteral("pseudo-label")));
        QCOMPARE(simclr.stageInputs(QStringLiteral("embed")),
                 full.stageInputs(QStringLiteral("embed")));
        QCOMPARE(otherDedup.stageInputs(QStringLiteral("embed")),
                 full.stageInputs(QStringLiteral("embed")));
        QVERIFY(otherDedup.stageInputs(QStringLiteral("dedup")) !=
                full.stageInputs(QStringLiteral("dedup")));
        QVERIFY(otherSeed.stageInputs(QStringLiteral("embed")) !=
                full.stageInputs(QStringLiteral("embed")));
        QVERIFY(full.stageInputs(QStringLiteral("train")).isEmpty()); // never shared
    }

    void methodsAndTheirStages()
    {
        QCOMPARE(fairSslMethodNames().size(), 4);
        for (const QString &name : fairSslMethodNames())
            QCOMPARE(fairSslMethodName(fairSslMethodFromName(name).value()), name);
        QVERIFY(!fairSslMethodFromName(QStringLiteral("fare")).ok());
        QCOMPARE(fairSslStages(FairSslMethod::FairSsl).size(), 7);
        QCOMPARE(fairSslStages(FairSslMethod::SimClr),
                 QStringList({QStringLiteral("embed"), QStringLiteral("classifier")}));
        QCOMPARE(fairSslStages(FairSslMethod::SupervisedCe).first(), QStringLiteral("train"));
        FairSslConfig c;
        c.method = FairSslMethod::SupCon;
        QVERIFY(!c.metaWeighted());
        c.method = FairSslMethod::FairSsl;
        QVERIFY(c.metaWeighted());
    }
};

QTEST_GUILESS_MAIN(TestFairSslConfig)
#include "tst_fairsslconfig.moc"
