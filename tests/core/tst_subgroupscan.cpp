// The worst-subgroup scan: a planted 3-attribute subgroup found first, the pruned search equal to
// the exhaustive one, the search-wide p-value keeping its level on data with no planted gap, the
// CSV path through the audit, and unusable input named.
#include "eval/subgroupscan.h"
#include "eval/testpredictions.h"
#include "report/predictionaudit.h"

#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace equiscope;

namespace {

struct Planted
{
    AttributeTable table;
    std::vector<int8_t> outcome;
};

/// @p attributes categorical attributes of @p levels levels, outcome rate @p base; rows with
/// a=1, b=2, c=0 (the first three attributes) have rate @p planted instead.
Planted planted(qint64 n, int attributes, int levels, double base, double plantedRate, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    Planted p;
    p.table = AttributeTable(n);
    std::vector<std::vector<int32_t>> codes(static_cast<size_t>(attributes),
                                            std::vector<int32_t>(static_cast<size_t>(n)));
    for (auto &c : codes)
        for (auto &v : c)
            v = int32_t(rng() % quint64(levels));
    QStringList names;
    for (int l = 0; l < levels; ++l)
        names << QString::number(l);
    for (int a = 0; a < attributes; ++a)
        p.table.add(Attribute::discrete(QString(QChar('a' + a)), AttributeType::Categorical, names,
                                        codes[size_t(a)]));
    p.outcome.resize(size_t(n));
    for (qint64 i = 0; i < n; ++i) {
        const bool inside = attributes >= 3 && codes[0][size_t(i)] == 1 &&
                            codes[1][size_t(i)] == 2 && codes[2][size_t(i)] == 0;
        p.outcome[size_t(i)] = int8_t(unit(rng) < (inside ? plantedRate : base));
    }
    return p;
}

double logLikelihood(double k, double n)
{
    double s = 0;
    if (k > 0)
        s += k * std::log(k / n);
    if (n - k > 0)
        s += (n - k) * std::log(1 - k / n);
    return s;
}

/// The exhaustive search: every intersection of up to 3 attributes, one level each, scored with
/// the Bernoulli likelihood ratio written out.
double exhaustiveBest(const Planted &p, qint64 minSize, bool twoSided, QString *label)
{
    const AttributeTable &t = p.table;
    const qint64 n = t.rowCount();
    double events = 0;
    for (const int8_t o : p.outcome)
        events += o;
    double best = 0;
    const int A = t.columnCount();
    const auto visit = [&](const std::vector<std::pair<int, int>> &conditions) {
        double size = 0, k = 0;
        for (qint64 r = 0; r < n; ++r) {
            bool in = true;
            for (const auto &[a, v] : conditions)
                in = in && t.column(a).code(r) == v;
            if (in) {
                ++size;
                k += p.outcome[size_t(r)];
            }
        }
        if (size < minSize || size >= n)
            return;
        const double inside = k / size, outside = (events - k) / (n - size);
        if (!twoSided && inside <= outside)
            return;
        const double score =
            logLikelihood(k, size) + logLikelihood(events - k, n - size) - logLikelihood(events, n);
        if (score > best + 1e-9) {
            best = score;
            QStringList parts;
            for (const auto &[a, v] : conditions)
                parts << t.column(a).name() + "=" + QString::number(v);
            *label = parts.join(QStringLiteral(" × "));
        }
    };
    const int L = int(t.column(0).levels().size());
    for (int a = 0; a < A; ++a)
        for (int va = 0; va < L; ++va) {
            visit({{a, va}});
            for (int b = a + 1; b < A; ++b)
                for (int vb = 0; vb < L; ++vb) {
                    visit({{a, va}, {b, vb}});
                    for (int c = b + 1; c < A; ++c)
                        for (int vc = 0; vc < L; ++vc)
                            visit({{a, va}, {b, vb}, {c, vc}});
                }
        }
    return best;
}

} // namespace

class TestSubgroupScan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void plantedSubgroupIsFoundFirst()
    {
        // 20,000 rows, 6 attributes of 4 levels; about 312 rows with a=1, b=2, c=0 err at 50 %,
        // the rest at 10 %.
        const Planted p = planted(20000, 6, 4, 0.10, 0.50, 7);
        SubgroupScanOptions o;
        o.nullReplicates = 99;
        auto scan = scanSubgroups(p.table, p.outcome, o);
        QVERIFY2(scan.ok(), qPrintable(scan.error().toString()));
        QVERIFY(!scan->subgroups.empty());
        const Subgroup &first = scan->subgroups.front();
        QCOMPARE(first.label(), QStringLiteral("a=1 × b=2 × c=0"));
        QVERIFY(first.significant);
        QCOMPARE(first.pValue, 0.01);
        QVERIFY(first.gapLow < 0.4 && 0.4 < first.gapHigh);
        QVERIFY(first.rateLow < first.rate && first.rate < first.rateHigh);
        // Refinements and generalisations of the planted subgroup are not listed again
        // (overlapping subgroups such as a=1 × b=2 × f=2 may be).
        const QStringList plantedConditions{"a=1", "b=2", "c=0"};
        for (size_t i = 1; i < scan->subgroups.size(); ++i) {
            const QStringList parts = scan->subgroups[i].label().split(" × ");
            const bool within = std::all_of(parts.begin(), parts.end(), [&](const QString &c) {
                return plantedConditions.contains(c);
            });
            QVERIFY2(!within, qPrintable(scan->subgroups[i].label()));
        }
        // Pruning: far fewer subgroups scored than exist.
        QCOMPARE(scan->subgroupsPossible, qint64(6 * 4 + 15 * 16 + 20 * 64));
        // Overlapping subgroups (a=1 × b=2 × f=2, two conditions of the planted one) deviate
        // only through the planted rows: scored on the rows outside it, none is significant.
        for (size_t i = 1; i < scan->subgroups.size(); ++i) {
            const QStringList parts = scan->subgroups[i].label().split(" × ");
            const auto shared = std::count_if(parts.begin(), parts.end(), [&](const QString &c) {
                return plantedConditions.contains(c);
            });
            if (shared >= 2)
                QVERIFY2(!scan->subgroups[i].significant, qPrintable(scan->toText()));
        }
        // Bounds prune where events are rare: an extension cannot gain more events than its
        // parent has (error rate 0.2 %: a third of the 1,544 subgroups scored).
        const Planted rare = planted(20000, 6, 4, 0.002, 0.3, 7);
        auto pruned = scanSubgroups(rare.table, rare.outcome, o);
        QCOMPARE(pruned->subgroups.front().label(), QStringLiteral("a=1 × b=2 × c=0"));
        QVERIFY2(pruned->subgroupsScored < pruned->subgroupsPossible / 2,
                 qPrintable(QString::number(pruned->subgroupsScored)));
        // The same seed, the same scan.
        auto again = scanSubgroups(p.table, p.outcome, o);
        QJsonObject a = scan->toJson(), b = again->toJson();
        a.remove("seconds");
        b.remove("seconds");
        QCOMPARE(a, b);
        QVERIFY(scan->toText().contains("a=1 × b=2 × c=0"));
    }

    void prunedSearchFindsTheExhaustiveBest_data()
    {
        QTest::addColumn<bool>("twoSided");
        QTest::newRow("error (higher only)") << false;
        QTest::newRow("selection (either way)") << true;
    }

    void prunedSearchFindsTheExhaustiveBest()
    {
        QFETCH(bool, twoSided);
        for (quint64 seed = 0; seed < 12; ++seed) {
            // Small planted effects of either sign, or none: the bounds must never cut the best.
            const double plantedRate = seed % 3 == 0 ? 0.3 : seed % 3 == 1 ? 0.05 : 0.2;
            const Planted p = planted(600, 4, 3, 0.2, plantedRate, seed);
            SubgroupScanOptions o;
            o.metric = twoSided ? SubgroupMetric::Selection : SubgroupMetric::Error;
            o.minGroupSize = 10;
            o.nullReplicates = 0;
            auto scan = scanSubgroups(p.table, p.outcome, o);
            QVERIFY(scan.ok());
            QString label;
            const double best = exhaustiveBest(p, 10, twoSided, &label);
            if (best == 0) {
                QVERIFY(scan->subgroups.empty());
                continue;
            }
            QVERIFY(!scan->subgroups.empty());
            QVERIFY2(std::abs(scan->subgroups.front().score - best) < 1e-9,
                     qPrintable(QStringLiteral("seed %1: %2 vs %3")
                                    .arg(seed)
                                    .arg(scan->subgroups.front().score)
                                    .arg(best)));
            QCOMPARE(scan->subgroups.front().label(), label);
        }
    }

    void noPlantedGapStaysWithinAlpha()
    {
        // 200 datasets with one outcome rate for everybody: the search-wide p-value reports a
        // subgroup as significant in at most a share alpha of them (plus sampling noise).
        const double alpha = 0.1;
        const int datasets = 200;
        int reported = 0;
        for (int seed = 0; seed < datasets; ++seed) {
            const Planted p = planted(300, 3, 3, 0.25, 0.25, quint64(seed) + 1000);
            SubgroupScanOptions o;
            o.nullReplicates = 39;
            o.alpha = alpha;
            o.minGroupSize = 10;
            o.seed = quint64(seed);
            auto scan = scanSubgroups(p.table, p.outcome, o);
            QVERIFY(scan.ok());
            reported += std::any_of(scan->subgroups.begin(), scan->subgroups.end(),
                                    [](const Subgroup &g) { return g.significant; });
        }
        const double limit = alpha + 3 * std::sqrt(alpha * (1 - alpha) / datasets);
        QVERIFY2(double(reported) / datasets <= limit, qPrintable(QString::number(reported)));
    }

    void unusableInputIsNamed()
    {
        const qint64 n = 200;
        std::vector<int32_t> two(n), one(n, 0), missing(n, -1);
        std::vector<float> age(n), rgb(size_t(n) * 3, 1.0f);
        std::vector<int8_t> outcome(n);
        for (qint64 i = 0; i < n; ++i) {
            two[size_t(i)] = int32_t(i % 2);
            age[size_t(i)] = float(20 + i % 50);
            outcome[size_t(i)] = int8_t(i % 5 == 0);
        }
        AttributeTable t(n);
        t.add(Attribute::discrete("sex", AttributeType::Binary, {"F", "M"}, two));
        t.add(Attribute::discrete("site", AttributeType::Categorical, {"x"}, one));
        t.add(Attribute::discrete("empty", AttributeType::Categorical, {"a", "b"}, missing));
        t.add(Attribute::continuous("age", age));
        t.add(Attribute::vector("rgb", 3, rgb));
        SubgroupScanOptions o;
        o.source = "preds.csv";
        o.nullReplicates = 9;
        auto scan = scanSubgroups(t, outcome, o);
        QVERIFY2(scan.ok(), qPrintable(scan.error().toString()));
        QCOMPARE(scan->attributes, (QStringList{"sex", "age"}));
        QCOMPARE(scan->skipped.size(), 3);
        QVERIFY(scan->skipped.at(0).second.contains("one level only"));
        QVERIFY(scan->skipped.at(1).second.contains("every value is missing"));
        QVERIFY(scan->skipped.at(2).second.contains("vector"));
        QVERIFY(scan->warnings.join(" ").contains("9 null scans cannot show significance"));
        // Every row the same outcome: nothing can deviate, said so, nothing reported.
        auto same = scanSubgroups(t, std::vector<int8_t>(n, 0), o);
        QVERIFY(same.ok() && same->subgroups.empty());
        QVERIFY(same->warnings.join(" ").contains("same outcome"));
        // Too few rows, a size mismatch, nothing usable: errors naming the file.
        o.minGroupSize = 150;
        auto refused = scanSubgroups(t, outcome, o);
        QVERIFY(!refused.ok() && refused.error().toString().contains("preds.csv") &&
                refused.error().toString().contains("fewer than twice the minimum group size"));
        o.minGroupSize = 30;
        refused = scanSubgroups(t, std::vector<int8_t>(n - 1, 0), o);
        QVERIFY(!refused.ok() && refused.error().toString().contains("199 outcomes for 200 rows"));
        AttributeTable useless(n);
        useless.add(Attribute::discrete("site", AttributeType::Categorical, {"x"}, one));
        refused = scanSubgroups(useless, outcome, o);
        QVERIFY(!refused.ok() && refused.error().toString().contains("nothing to scan"));
    }

    void predictionsCsvThroughTheAudit()
    {
        // Every column but label and prediction is scanned; women over 60 are misclassified.
        QByteArray csv = "y,yhat,sex,age,site\n";
        std::mt19937_64 rng(3);
        for (int i = 0; i < 3000; ++i) {
            const bool woman = rng() % 2, old = rng() % 3 == 0;
            const int y = int(rng() % 2);
            const bool wrong = (woman && old) ? rng() % 2 == 0 : rng() % 10 == 0;
            csv += QByteArray::number(y) + "," + QByteArray::number(wrong ? 1 - y : y) + "," +
                   (woman ? "F" : "M") + "," +
                   QByteArray::number(old ? 61 + int(rng() % 20) : 20 + int(rng() % 30)) + "," +
                   QByteArray::number(int(rng() % 3)) + "\n";
        }
        const QString path = m_dir.filePath("preds.csv");
        QVERIFY(fixtures::writeFile(path, csv));
        AuditOptions a;
        a.labelColumn = "y";
        a.predictionColumn = "yhat";
        SubgroupScanOptions o;
        o.nullReplicates = 49;
        auto scan = scanPredictionSubgroups(CsvTable::read(path), a, o);
        QVERIFY2(scan.ok(), qPrintable(scan.error().toString()));
        QCOMPARE(scan->attributes, (QStringList{"sex", "age", "site"}));
        const QString first = scan->subgroups.front().label();
        QVERIFY2(first.startsWith("sex=F × age="), qPrintable(first));
        QVERIFY(scan->subgroups.front().significant);
        // The CLI prints the same as JSON; the rates of a binary label work too.
        auto r = fixtures::runCli({"audit", path, "--label", "y", "--pred", "yhat", "--scan",
                                   "--null-scans", "49", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j.value("subgroups").toArray().at(0).toObject().value("label").toString(), first);
        r = fixtures::runCli({"audit", path, "--label", "y", "--pred", "yhat", "--scan",
                              "--scan-metric", "fpr", "--group", "sex", "--null-scans", "19"});
        QVERIFY2(r.exitCode == 0 && r.out.contains("false positive rate"), r.out.constData());
        // With --report: the audit's group metrics and the worst subgroups in one report.
        const QString html = m_dir.filePath("scan.html");
        r = fixtures::runCli({"audit", path, "--label", "y", "--pred", "yhat", "--scan", "--group",
                              "sex", "--group", "age", "--null-scans", "19", "--resamples", "50",
                              "--report", html});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QByteArray content = page.readAll();
        QVERIFY(content.contains("Bias discovery") && content.contains("Worst-subgroup scan"));
        QVERIFY(content.contains("sex=F"));
        r = fixtures::runCli(
            {"audit", path, "--label", "y", "--pred", "yhat", "--scan", "--scan-metric", "odds"});
        QCOMPARE(r.exitCode, 2);
        r = fixtures::runCli(
            {"audit", path, "--label", "y", "--pred", "yhat", "--scan", "--group", "height"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("height"));
        // A three-class label has no false-negative rate.
        const QString multi = m_dir.filePath("multi.csv");
        QVERIFY(fixtures::writeFile(multi, "y,yhat,g\n0,1,a\n1,2,b\n2,2,a\n0,0,b\n"));
        a.labelColumn = "y";
        o.metric = SubgroupMetric::FalseNegative;
        auto refused = scanPredictionSubgroups(CsvTable::read(multi), a, o);
        QVERIFY(!refused.ok() &&
                refused.error().toString().contains("a binary label for the fnr rate"));
    }

    void storedTestPredictionsAreChecked()
    {
        TestPredictions t;
        t.target = QStringLiteral("label");
        t.classNames = {QStringLiteral("no"), QStringLiteral("yes")};
        t.samples = {4, 0, 9};
        t.labels = {1, -1, 0};
        t.predictions = {1, 0, 1};
        auto back = TestPredictions::fromBytes(t.toBytes(), QStringLiteral("store"), 10);
        QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back->samples, t.samples);
        QCOMPARE(back->labels, t.labels);
        QCOMPARE(back->predictions, t.predictions);
        QCOMPARE(back->classNames, t.classNames);
        QCOMPARE(back->target, t.target);
        // A store is untrusted: a sample outside the dataset, a class outside the list, arrays
        // of different lengths, another format and garbage are errors naming the source.
        const auto bad = [&](const QByteArray &bytes, const char *expected) {
            auto r = TestPredictions::fromBytes(bytes, QStringLiteral("store.sqlite"), 10);
            QVERIFY(!r);
            QVERIFY2(r.error().toString().contains(QLatin1String("store.sqlite")) &&
                         r.error().toString().contains(QLatin1String(expected)),
                     qPrintable(r.error().toString()));
        };
        bad(QByteArray(t.toBytes()).replace("[4,0,9]", "[4,0,10]"), "not an index");
        bad(QByteArray(t.toBytes()).replace("[4,0,9]", "[4,-1,9]"), "not an index");
        bad(QByteArray(t.toBytes()).replace("[4,0,9]", "[4,0.5,9]"), "not an index");
        bad(QByteArray(t.toBytes()).replace("[1,0,1]", "[1,0,2]"), "outside the 2 classes");
        bad(QByteArray(t.toBytes()).replace("[1,-1,0]", "[1,-2,0]"), "outside the 2 classes");
        bad(QByteArray(t.toBytes()).replace("[1,0,1]", "[1,0]"), "as many of each");
        bad(QByteArray(t.toBytes()).replace("[\"no\",\"yes\"]", "[\"no\"]"), "1 classes");
        bad(QByteArray(t.toBytes()).replace("equiscope-test-predictions", "x"), "format 'x'");
        bad(QByteArray("\x00\x01garbage"), "not a test-predictions artifact");
    }
};

QTEST_GUILESS_MAIN(TestSubgroupScan)
#include "tst_subgroupscan.moc"
