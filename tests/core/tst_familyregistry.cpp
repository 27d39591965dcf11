// FamilyRegistry: walks every registered method family and checks that it provides everything
// docs/design/architecture.md ("Adding a method family") asks of one — so a fourth family that
// forgets a piece fails here, not in a user's hands.
#include "eval/metricdirection.h"
#include "families/familyregistry.h"
#include "jobs/runjob.h"

#include <QtTest>

#include <memory>

using namespace equiscope;

namespace {

// The default config of @p method, runnable: a clustering run needs an input the user chooses
// (a features file or a trained run), which its default leaves empty (parseConfig() says so).
QJsonObject runnableDefault(const MethodFamily *family, const QString &method)
{
    QJsonObject config = family->defaultConfig(method).value();
    if (family->id() == RunFamily::Clustering) {
        auto error = family->parseConfig(config);
        if (error)
            qFatal("a clustering config without an input was accepted");
        if (!error.error().toString().contains(QStringLiteral("dataset")))
            qFatal("%s", qPrintable(error.error().toString()));
        config.insert(QStringLiteral("fromRun"), QStringLiteral("some-trained-run"));
    }
    return config;
}

} // namespace

class TestFamilyRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStoredFamilyIsRegisteredOnce();
    void methodsAndOptionTables();
    void defaultConfigsRoundTrip();
    void optionDefaultsAreAccepted();
    void jobsComeFromTheFamily();
    void viewsAndParetoAxes();
    void configsFindTheirFamily();
    void configsAreReadStrictly();
    void designPagesExist();
    void resumeOfAnUnknownRunFails();
};

void TestFamilyRegistry::everyStoredFamilyIsRegisteredOnce()
{
    const FamilyRegistry &registry = FamilyRegistry::instance();
    QVERIFY(!registry.families().isEmpty());
    QSet<QString> names;
    for (const MethodFamily *f : registry.families()) {
        QVERIFY2(!names.contains(f->name()), qPrintable(f->name()));
        names.insert(f->name());
        QVERIFY(runFamilyFromName(f->name()) == std::optional<RunFamily>(f->id()));
        QCOMPARE(registry.family(f->id()), f);
        QCOMPARE(registry.familyNamed(f->name()), f);
        QVERIFY2(!f->title().isEmpty(), qPrintable(f->name()));
    }
    // Every id the store can hold has a family that reads, resumes and shows its runs.
    for (RunFamily id : {RunFamily::Fare, RunFamily::FairSsl, RunFamily::Clustering})
        QVERIFY2(registry.family(id), qPrintable(runFamilyName(id)));
    QCOMPARE(registry.familyNamed(QStringLiteral("no-such-family")), nullptr);
}

void TestFamilyRegistry::methodsAndOptionTables()
{
    const FamilyRegistry &registry = FamilyRegistry::instance();
    QSet<QString> methodNames;
    for (const MethodFamily *f : registry.families()) {
        const QList<MethodInfo> methods = f->methods();
        QVERIFY2(!methods.isEmpty(), qPrintable(f->name()));
        QCOMPARE(f->defaultMethod(), methods.first().name);
        for (const MethodInfo &m : methods) {
            // Method names are unique across families: a name alone finds its family.
            QVERIFY2(!methodNames.contains(m.name), qPrintable(m.name));
            methodNames.insert(m.name);
            QVERIFY(m.family == f->id());
            QCOMPARE(registry.familyOfMethod(m.name), f);
            QVERIFY(f->hasMethod(m.name));
            QVERIFY2(!m.title.isEmpty() && !m.description.isEmpty(), qPrintable(m.name));
            QSet<QString> keys;
            for (const MethodOption &o : m.options) {
                const QString where = m.name + QLatin1Char('/') + o.key;
                QVERIFY2(!o.key.isEmpty() && !keys.contains(o.key), qPrintable(where));
                keys.insert(o.key);
                QVERIFY2(!o.label.isEmpty() && !o.toolTip.isEmpty(), qPrintable(where));
                switch (o.kind) {
                case MethodOption::Kind::Real:
                case MethodOption::Kind::Integer:
                    QVERIFY2(o.minimum <= o.defaultValue.toDouble() &&
                                 o.defaultValue.toDouble() <= o.maximum,
                             qPrintable(where));
                    break;
                case MethodOption::Kind::Choice:
                    QVERIFY2(o.choices.contains(o.defaultValue.toString()), qPrintable(where));
                    break;
                case MethodOption::Kind::Flag:
                    QVERIFY2(o.defaultValue.typeId() == QMetaType::Bool, qPrintable(where));
                    break;
                }
            }
        }
    }
    QCOMPARE(registry.methodNames().size(), methodNames.size());
    QVERIFY(registry.method(QStringLiteral("sparse-fare")));
    QVERIFY(!registry.method(QStringLiteral("no-such-method")));
}

void TestFamilyRegistry::defaultConfigsRoundTrip()
{
    for (const MethodFamily *f : FamilyRegistry::instance().families()) {
        for (const MethodInfo &m : f->methods()) {
            auto config = f->defaultConfig(m.name);
            QVERIFY2(config, qPrintable(m.name + QStringLiteral(": ") +
                                        (config ? QString() : config.error().toString())));
            QCOMPARE(config->value(QStringLiteral("family")).toString(), f->name());
            QCOMPARE(config->value(QStringLiteral("method")).toString(), m.name);
            const QJsonObject runnable = runnableDefault(f, m.name);
            auto parsed = f->parseConfig(runnable);
            QVERIFY2(parsed, qPrintable(m.name + QStringLiteral(": ") +
                                        (parsed ? QString() : parsed.error().toString())));
            // The JSON is the reproducible spec: parsing it again changes nothing.
            QCOMPARE(parsed.value(), runnable);
        }
        QVERIFY(!f->defaultConfig(QStringLiteral("no-such-method")));
    }
}

void TestFamilyRegistry::optionDefaultsAreAccepted()
{
    // Every option a launcher shows is accepted by the family's own config, at its default.
    for (const MethodFamily *f : FamilyRegistry::instance().families()) {
        for (const MethodInfo &m : f->methods()) {
            const QJsonObject config = runnableDefault(f, m.name);
            for (const MethodOption &o : m.options) {
                const QString text = o.kind == MethodOption::Kind::Flag
                                         ? (o.defaultValue.toBool() ? QStringLiteral("true")
                                                                    : QStringLiteral("false"))
                                         : o.defaultValue.toString();
                auto changed = f->withOption(config, o.key, text);
                QVERIFY2(changed, qPrintable(m.name + QLatin1Char('/') + o.key + QLatin1Char('=') +
                                             text + QStringLiteral(": ") +
                                             (changed ? QString() : changed.error().toString())));
            }
            auto bad = f->withOption(config, QStringLiteral("noSuchOption"), QStringLiteral("1"));
            QVERIFY2(!bad, qPrintable(m.name));
            QVERIFY(bad.error().toString().contains(QStringLiteral("noSuchOption")));
        }
    }
}

void TestFamilyRegistry::jobsComeFromTheFamily()
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
    for (const MethodFamily *f : FamilyRegistry::instance().families()) {
        for (const MethodInfo &m : f->methods()) {
            auto job = f->createJob(runnableDefault(f, m.name), store);
            QVERIFY2(job, qPrintable(m.name));
            std::unique_ptr<RunJob> owned(job.value()); // never started
            QVERIFY(owned->family() == f->id());
            QCOMPARE(owned->methodName(), m.name);
            QCOMPARE(owned->storePath(), store);
        }
        std::unique_ptr<RunJob> resumed(f->resumeJob(QStringLiteral("some-run"), store));
        QVERIFY(resumed);
        QVERIFY(resumed->family() == f->id());
        QCOMPARE(resumed->runId(), QStringLiteral("some-run"));
    }
    // A config the family rejects makes no job.
    const MethodFamily *fare = FamilyRegistry::instance().family(RunFamily::Fare);
    QJsonObject broken = fare->defaultConfig().value();
    broken.insert(QStringLiteral("epochs"), 0);
    QVERIFY(!fare->createJob(broken, store));
}

void TestFamilyRegistry::viewsAndParetoAxes()
{
    for (const MethodFamily *f : FamilyRegistry::instance().families()) {
        const QStringList axes = f->paretoMetrics();
        QCOMPARE(axes.size(), 2);
        for (const QString &metric : axes)
            QVERIFY2(metricDirection(metric), qPrintable(f->name() + QLatin1Char(':') + metric));
        for (const MethodInfo &m : f->methods()) {
            RunRecord run;
            run.family = f->id();
            run.method = m.name;
            run.config = runnableDefault(f, m.name);
            for (RunView v : f->views(run))
                QVERIFY2(!runViewName(v).isEmpty(), qPrintable(m.name));
        }
    }
    // The family, not a name test, says which run has which view.
    const FamilyRegistry &registry = FamilyRegistry::instance();
    auto viewsOf = [&](const QString &method, const QJsonObject &config = {}) {
        RunRecord run;
        run.method = method;
        run.config = config;
        return registry.familyOfMethod(method)->views(run);
    };
    QVERIFY(viewsOf(QStringLiteral("fare")).contains(RunView::Attention));
    QVERIFY(viewsOf(QStringLiteral("sparse-fare")).contains(RunView::Attention));
    QVERIFY(!viewsOf(QStringLiteral("infonce")).contains(RunView::Attention));
    QVERIFY(viewsOf(QStringLiteral("supcon")).contains(RunView::FairSslStages));
    const QJsonObject cross{{QStringLiteral("crossAttention"), true}};
    QVERIFY(viewsOf(QStringLiteral("transformer-fair"), cross).contains(RunView::CrossAttention));
    QVERIFY(!viewsOf(QStringLiteral("kmeans"), cross).contains(RunView::CrossAttention));
    QVERIFY(viewsOf(QStringLiteral("kmeans")).contains(RunView::Clustering));
}

void TestFamilyRegistry::configsFindTheirFamily()
{
    const FamilyRegistry &registry = FamilyRegistry::instance();
    for (const MethodFamily *f : registry.families()) {
        auto found = registry.familyOfConfig(runnableDefault(f, f->defaultMethod()));
        QVERIFY(found);
        QCOMPARE(found.value(), f);
        auto byMethod =
            registry.familyOfConfig(QJsonObject{{QStringLiteral("method"), f->defaultMethod()}});
        QVERIFY(byMethod);
        QCOMPARE(byMethod.value(), f);
    }
    auto unknownFamily =
        registry.familyOfConfig(QJsonObject{{QStringLiteral("family"), QStringLiteral("nope")}});
    QVERIFY(!unknownFamily);
    QVERIFY(unknownFamily.error().toString().contains(QStringLiteral("family")));
    auto unknownMethod =
        registry.familyOfConfig(QJsonObject{{QStringLiteral("method"), QStringLiteral("nope")}});
    QVERIFY(!unknownMethod);
    QVERIFY(unknownMethod.error().toString().contains(QStringLiteral("method")));
    // Configs written before the family key existed are FARE configs.
    auto legacy = registry.familyOfConfig(QJsonObject{});
    QVERIFY(legacy);
    QVERIFY(legacy.value()->id() == RunFamily::Fare);
}

void TestFamilyRegistry::configsAreReadStrictly()
{
    // A config is a reproducible spec: in every family a misspelt key or a wrongly typed value
    // is an error naming it, never a silently kept default.
    for (const MethodFamily *f : FamilyRegistry::instance().families()) {
        QJsonObject unknown = runnableDefault(f, f->defaultMethod());
        unknown.insert(QStringLiteral("epochz"), 3);
        auto rejected = f->parseConfig(unknown);
        QVERIFY2(!rejected, qPrintable(f->name()));
        QVERIFY2(rejected.error().toString().contains(QStringLiteral("epochz")),
                 qPrintable(rejected.error().toString()));
        QJsonObject wrongType = runnableDefault(f, f->defaultMethod());
        wrongType.insert(QStringLiteral("epochs"), QStringLiteral("ten"));
        rejected = f->parseConfig(wrongType);
        QVERIFY2(!rejected, qPrintable(f->name()));
        QVERIFY2(rejected.error().toString().contains(QStringLiteral("epochs")),
                 qPrintable(rejected.error().toString()));
    }
}

void TestFamilyRegistry::designPagesExist()
{
    for (const MethodFamily *f : FamilyRegistry::instance().families()) {
        const QString page = f->designPage();
        QVERIFY2(page.startsWith(QLatin1String("docs/design/methods/")), qPrintable(page));
        QVERIFY2(QFileInfo::exists(QStringLiteral(EQUISCOPE_SOURCE_DIR "/") + page),
                 qPrintable(page));
    }
}

void TestFamilyRegistry::resumeOfAnUnknownRunFails()
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<RunJob> job(FamilyRegistry::instance().resume(
        QStringLiteral("no-such-run"), dir.filePath(QStringLiteral("runs.sqlite")), &error));
    QVERIFY(!job);
    QVERIFY2(error.contains(QStringLiteral("no-such-run")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestFamilyRegistry)
#include "tst_familyregistry.moc"
