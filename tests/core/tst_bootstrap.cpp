#include "eval/bootstrap.h"
#include "jobs/metricrows.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QtTest>

#include <cmath>
#include <random>

using namespace equiscope;

namespace {

/// @p n samples in @p groups groups; group g has accuracy ≈ 0.9 − 0.05 g, positives ≈ 40 %.
FairnessInput synthetic(int n, int groups, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    FairnessInput in;
    for (int g = 0; g < groups; ++g)
        in.groupLabels << QStringLiteral("g%1").arg(g);
    for (int i = 0; i < n; ++i) {
        const int g = i % groups;
        const int y = u(rng) < 0.4 ? 1 : 0;
        const bool correct = u(rng) < 0.9 - 0.05 * g;
        in.labels.push_back(y);
        in.predictions.push_back(correct ? y : 1 - y);
        in.groupOf.push_back(g);
    }
    return in;
}

double width(const Estimate &e)
{
    return e.hi - e.lo;
}

} // namespace

class TestBootstrap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intervalsContainPointEstimate()
    {
        FairnessOptions o;
        o.resamples = 500;
        auto r = evaluateFairness(synthetic(4000, 2, 7), o);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->resamples, 500);
        for (auto it = r->overall.cbegin(); it != r->overall.cend(); ++it) {
            QVERIFY2(it->lo <= it->value && it->value <= it->hi,
                     qPrintable(QStringLiteral("%1: %2 not in [%3, %4]")
                                    .arg(it.key())
                                    .arg(it->value)
                                    .arg(it->lo)
                                    .arg(it->hi)));
            QVERIFY2(it->hi > it->lo, qPrintable(it.key()));
        }
        for (const GroupReport &g : r->groups) {
            QCOMPARE(g.size, 2000);
            QCOMPARE(g.metrics.size(), 4);
            for (const Estimate &e : g.metrics)
                QVERIFY(e.lo <= e.value && e.value <= e.hi);
        }
    }

    void deterministicForSeedAndThreadCount()
    {
        const FairnessInput in = synthetic(3000, 3, 11);
        FairnessOptions o;
        o.resamples = 200;
        o.threads = 1;
        auto a = evaluateFairness(in, o);
        o.threads = 2;
        auto b = evaluateFairness(in, o);
        o.threads = 5;
        auto c = evaluateFairness(in, o);
        QVERIFY(a.ok() && b.ok() && c.ok());
        QCOMPARE(a->overall, b->overall);
        QCOMPARE(a->overall, c->overall);
        QCOMPARE(a->groups[2].metrics, c->groups[2].metrics);
        o.seed = 2;
        auto d = evaluateFairness(in, o);
        QVERIFY(!(d->overall == a->overall));
        QCOMPARE(d->metric(QStringLiteral("accuracy")).value,
                 a->metric(QStringLiteral("accuracy")).value);
    }

    void narrowerWithMoreData()
    {
        FairnessOptions o;
        o.resamples = 300;
        auto small = evaluateFairness(synthetic(400, 2, 3), o);
        auto large = evaluateFairness(synthetic(40000, 2, 3), o);
        for (const char *name :
             {"accuracy", "demographic_parity_difference", "equalized_odds_difference"}) {
            const QString n = QString::fromLatin1(name);
            QVERIFY2(width(large->metric(n)) < width(small->metric(n)) / 3, name);
        }
        QVERIFY(width(large->groups[0].metrics.value(QStringLiteral("accuracy"))) <
                width(small->groups[0].metrics.value(QStringLiteral("accuracy"))));
    }

    void widthMatchesBinomialTheory()
    {
        // One group of 400 with accuracy exactly 0.8: the resampled accuracy is Binomial(400,
        // .8)/400, sd = sqrt(.8 · .2 / 400) = 0.02, so the 95 % interval is about 2 · 1.96 · 0.02 =
        // 0.078 wide.
        FairnessInput in;
        for (int i = 0; i < 400; ++i) {
            in.labels.push_back(1);
            in.predictions.push_back(i % 5 == 0 ? 0 : 1);
            in.groupOf.push_back(0);
        }
        FairnessOptions o;
        o.minGroupSize = 1;
        o.resamples = 2000;
        auto r = evaluateFairness(in, o);
        const Estimate acc = r->groups[0].metrics.value(QStringLiteral("accuracy"));
        QCOMPARE(acc.value, 0.8);
        QVERIFY2(width(acc) > 0.068 && width(acc) < 0.088, qPrintable(QString::number(width(acc))));
        QVERIFY(std::abs((acc.lo + acc.hi) / 2 - 0.8) < 0.01);
    }

    void stratifiedResampleKeepsGroupSizes()
    {
        auto counts = tallyGroupCounts(synthetic(1000, 3, 5), FairnessOptions{});
        QVERIFY(counts.ok());
        std::mt19937_64 rng(1);
        for (int r = 0; r < 50; ++r) {
            const std::vector<GroupCounts> re = resampleStratified(counts.value(), rng);
            for (size_t g = 0; g < re.size(); ++g) {
                QCOMPARE(re[g].size(), counts.value()[g].size());
                for (size_t c = 0; c < re[g].cells.size(); ++c) {
                    QVERIFY(re[g].cells[c] >= 0);
                    if (counts.value()[g].cells[c] == 0)
                        QCOMPARE(re[g].cells[c], 0); // only observed outcomes are redrawn
                }
            }
        }
    }

    void constantGroupHasZeroWidth()
    {
        // Group 0 is always right and never selected; group 1 is noisy.
        FairnessInput in = synthetic(2000, 2, 9);
        for (size_t i = 0; i < in.labels.size(); ++i) {
            if (in.groupOf[i] == 0) {
                in.labels[i] = 0;
                in.predictions[i] = 0;
            }
        }
        FairnessOptions o;
        o.resamples = 300;
        auto r = evaluateFairness(in, o);
        const GroupReport &g = r->groups[0];
        QCOMPARE(g.metrics.value(QStringLiteral("accuracy")), (Estimate{1.0, 1.0, 1.0}));
        QCOMPARE(g.metrics.value(QStringLiteral("selection_rate")), (Estimate{0.0, 0.0, 0.0}));
        QVERIFY(std::isnan(g.metrics.value(QStringLiteral("true_positive_rate")).lo));
        QVERIFY(width(r->groups[1].metrics.value(QStringLiteral("accuracy"))) > 0);
    }

    void tooSmallAndUndefined()
    {
        FairnessInput in = synthetic(1000, 2, 4);
        in.groupLabels << QStringLiteral("tiny");
        for (int i = 0; i < 5; ++i) {
            in.labels.push_back(1);
            in.predictions.push_back(0);
            in.groupOf.push_back(2);
        }
        FairnessOptions o;
        o.resamples = 100;
        auto r = evaluateFairness(in, o);
        QVERIFY(r->groups[2].tooSmall);
        QCOMPARE(r->groups[2].size, 5);
        // The tiny group (accuracy 0) is the worst group: never above the overall accuracy, and
        // named with its size; the worst group large enough to judge is reported beside it.
        QCOMPARE(r->metric(QStringLiteral("worst_group_accuracy")).value, 0.0);
        QVERIFY(r->metric(QStringLiteral("worst_judged_group_accuracy")).value > 0.5);
        QCOMPARE(r->worstGroup, 2);
        QVERIFY(r->worstJudgedGroup == 0 || r->worstJudgedGroup == 1);
        const QJsonObject worst = r->worstGroupsJson();
        QCOMPARE(
            worst.value(QStringLiteral("worst_group")).toObject().value(QStringLiteral("label")),
            QJsonValue(QStringLiteral("tiny")));
        QCOMPARE(
            worst.value(QStringLiteral("worst_group")).toObject().value(QStringLiteral("size")),
            QJsonValue(5));
        QVERIFY(worst.value(QStringLiteral("worst_judged_group"))
                    .toObject()
                    .contains(QStringLiteral("ciLow")));
        auto back = FairnessReport::fromJson(r->toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->worstGroup, 2);
        QCOMPARE(back->worstJudgedGroup, r->worstJudgedGroup);
        // The store rows carry the size, and the label can be told back from them.
        const QVector<MetricRow> rows = fairnessMetricRows(r.value());
        for (const MetricRow &m : rows)
            if (m.group.isEmpty() && m.name == QLatin1String("worst_group_accuracy"))
                QCOMPARE(m.groupSize, std::optional<qint64>(5));
        QCOMPARE(worstGroupLabel(rows, QStringLiteral("worst_group_accuracy")),
                 QStringLiteral("tiny"));
        QCOMPARE(worstGroupLabel(rows, QStringLiteral("worst_judged_group_accuracy")),
                 r->groups[r->worstJudgedGroup].label);
        // A hostile index in a stored report is dropped, not used.
        QJsonObject hostile = r->toJson();
        hostile.insert(QStringLiteral("worstGroup"), 99);
        QCOMPARE(FairnessReport::fromJson(hostile)->worstGroup, -1);
        o.resamples = 0;
        auto p = evaluateFairness(in, o);
        QVERIFY(std::isnan(p->metric(QStringLiteral("accuracy")).lo));
        QVERIFY(!std::isnan(p->metric(QStringLiteral("accuracy")).value));
    }

    void jsonRoundTrip()
    {
        FairnessInput in = synthetic(600, 2, 1);
        for (size_t i = 0; i < in.labels.size(); ++i)
            if (in.groupOf[i] == 0)
                in.predictions[i] = in.labels[i]; // error 0 → skewed_error_ratio = inf
        FairnessOptions o;
        o.resamples = 50;
        o.seed = 0xfedcba9876543210ULL;
        auto r = evaluateFairness(in, o);
        QVERIFY(std::isinf(r->metric(QStringLiteral("skewed_error_ratio")).value));
        const QByteArray text = QJsonDocument(r->toJson()).toJson(QJsonDocument::Compact);
        auto back = FairnessReport::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY(back.ok());
        QCOMPARE(back->seed, o.seed);
        QCOMPARE(back->resamples, 50);
        QCOMPARE(back->overall, r->overall);
        QCOMPARE(back->groups.size(), 2);
        QCOMPARE(back->groups[1].metrics, r->groups[1].metrics);
        QCOMPARE(back->groups[1].positives, r->groups[1].positives);
        QVERIFY(!FairnessReport::fromJson(QJsonObject{}).ok());
    }

    void speed()
    {
        // 100k samples, 8 groups, 1000 resamples: logged, not asserted (shared machine).
        const FairnessInput in = synthetic(100000, 8, 21);
        FairnessOptions o;
        o.threads = 2;
        QElapsedTimer t;
        t.start();
        auto r = evaluateFairness(in, o);
        QVERIFY(r.ok());
        qInfo("100k samples, 8 groups, 1000 resamples: %lld ms", t.elapsed());
        QCOMPARE(r->groups.size(), 8);
    }
};

QTEST_GUILESS_MAIN(TestBootstrap)
#include "tst_bootstrap.moc"
