// Prediction audits against hand-computed tables: group sizes, rates, gaps, intersections,
// too-small groups, positive-class handling, score thresholds and AUC; plus the CLI.
#include "report/predictionaudit.h"

#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace equiscope;

namespace {

// Group F: (y, ŷ) = (1,1) (1,0) (0,0) (0,1) → accuracy 1/2, selection 1/2, TPR 1/2, FPR 1/2.
// Group M: (1,1) (1,1) (0,0) (0,0) (0,0) (1,0) → accuracy 5/6, selection 1/3, TPR 2/3, FPR 0.
const char kCsv[] = "id,y,yhat,score,sex,age\n"
                    "1,1,1,0.9,F,young\n"
                    "2,1,0,0.4,F,old\n"
                    "3,0,0,0.2,F,young\n"
                    "4,0,1,0.6,F,old\n"
                    "5,1,1,0.8,M,young\n"
                    "6,1,1,0.7,M,young\n"
                    "7,0,0,0.1,M,old\n"
                    "8,0,0,0.3,M,old\n"
                    "9,0,0,0.35,M,young\n"
                    "10,1,0,0.45,M,old\n"
                    "11,,1,0.5,M,old\n";

AuditOptions options(int minGroupSize = 3)
{
    AuditOptions o;
    o.labelColumn = QStringLiteral("y");
    o.predictionColumn = QStringLiteral("yhat");
    o.groupColumns = {QStringLiteral("sex")};
    o.minGroupSize = minGroupSize;
    o.resamples = 200;
    o.seed = 7;
    return o;
}

CsvTable table(const QByteArray &csv = kCsv)
{
    return CsvTable::parse(csv, QStringLiteral("predictions.csv"));
}

const GroupReport *group(const AuditResult &r, const QString &label)
{
    for (const GroupReport &g : r.report.groups)
        if (g.label == label)
            return &g;
    return nullptr;
}

} // namespace

class TestPredictionAudit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void overallMetricsMatchHandComputedTable_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<double>("expected");
        QTest::newRow("accuracy") << "accuracy" << 7.0 / 10.0;
        QTest::newRow("worst group accuracy") << "worst_group_accuracy" << 0.5;
        QTest::newRow("accuracy std") << "accuracy_std" << (5.0 / 6.0 - 0.5) / 2.0;
        QTest::newRow("demographic parity difference")
            << "demographic_parity_difference" << 0.5 - 1.0 / 3.0;
        QTest::newRow("demographic parity ratio")
            << "demographic_parity_ratio" << (1.0 / 3.0) / 0.5;
        QTest::newRow("equalized odds difference") << "equalized_odds_difference" << 0.5;
        QTest::newRow("equal opportunity difference")
            << "equal_opportunity_difference" << 2.0 / 3.0 - 0.5;
        QTest::newRow("EO mean gap")
            << "equalized_odds_mean_gap" << 50.0 * ((2.0 / 3.0 - 0.5) + 0.5);
        QTest::newRow("skewed error ratio") << "skewed_error_ratio" << 0.5 / (1.0 / 6.0);
    }
    void overallMetricsMatchHandComputedTable()
    {
        QFETCH(QString, metric);
        QFETCH(double, expected);
        auto r = auditPredictions(table(), options());
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        const Estimate e = r->report.metric(metric);
        QVERIFY(std::abs(e.value - expected) < 1e-12);
        // A percentile interval (which need not contain a gap's point estimate; a ratio's upper
        // end is +inf when some resample has a group without errors).
        QVERIFY(!std::isnan(e.lo) && !std::isnan(e.hi) && e.lo <= e.hi);
    }

    void groupRowsAndSizes()
    {
        auto r = auditPredictions(table(), options());
        QVERIFY(r.ok());
        QCOMPARE(r->rows, 11);
        QCOMPARE(r->skippedRows, 1); // row 11 has no label
        QCOMPARE(r->classNames, QStringList({"0", "1"}));
        QCOMPARE(r->report.groups.size(), 2);
        const GroupReport *f = group(r.value(), QStringLiteral("sex=F"));
        const GroupReport *m = group(r.value(), QStringLiteral("sex=M"));
        QVERIFY(f && m);
        QCOMPARE(f->size, 4);
        QCOMPARE(m->size, 6);
        QCOMPARE(m->positives, 3);
        QCOMPARE(m->negatives, 3);
        QCOMPARE(f->metrics.value("accuracy").value, 0.5);
        QCOMPARE(m->metrics.value("selection_rate").value, 2.0 / 6.0);
        QCOMPARE(m->metrics.value("true_positive_rate").value, 2.0 / 3.0);
        QCOMPARE(m->metrics.value("false_positive_rate").value, 0.0);
        QVERIFY(!f->tooSmall && !m->tooSmall);
        QVERIFY(r->toText().contains("sex=F"));
    }

    void smallGroupsAreNotJudged()
    {
        auto r = auditPredictions(table(), options(5));
        QVERIFY(r.ok());
        QVERIFY(group(r.value(), "sex=F")->tooSmall);
        QVERIFY(!group(r.value(), "sex=M")->tooSmall);
        // One judged group: no gap to measure, the worst judged group is that one; the worst
        // group over all groups is the small one (accuracy 1/2), which is not hidden.
        QVERIFY(std::isnan(r->report.metric("demographic_parity_difference").value));
        QCOMPARE(r->report.metric("worst_judged_group_accuracy").value, 5.0 / 6.0);
        QCOMPARE(r->report.metric("worst_group_accuracy").value, 0.5);
        QVERIFY2(r->toText().contains("(sex=F, n = "), qPrintable(r->toText()));
        QVERIFY(r->toText().contains("too small to judge"));
        const ReportRun run = r->toReportRun();
        bool flagged = false;
        for (const MetricRow &m : run.finalMetrics)
            flagged = flagged ||
                      (m.name == "too_small_to_judge" && m.group == "sex=F" && m.groupSize == 4);
        QVERIFY(flagged);
    }

    void intersectionalGroups()
    {
        AuditOptions o = options(1);
        o.groupColumns = {QStringLiteral("sex"), QStringLiteral("age")};
        auto r = auditPredictions(table(), o);
        QVERIFY(r.ok());
        QCOMPARE(r->report.groups.size(), 4);
        // F×old: rows 2 and 4 → (1,0) (0,1): accuracy 0.
        const GroupReport *fo = group(r.value(), QStringLiteral("sex=F × age=old"));
        QVERIFY(fo);
        QCOMPARE(fo->size, 2);
        QCOMPARE(fo->metrics.value("accuracy").value, 0.0);
        const GroupReport *my = group(r.value(), QStringLiteral("sex=M × age=young"));
        QVERIFY(my);
        QCOMPARE(my->size, 3);
        QCOMPARE(my->metrics.value("accuracy").value, 1.0);
        QCOMPARE(r->report.metric("worst_group_accuracy").value, 0.0);
    }

    void textLabelsAndThePositiveClass()
    {
        QByteArray csv = "label,pred,g\n";
        for (int i = 0; i < 4; ++i)
            csv += "yes,yes,a\nno,no,a\nyes,no,b\nno,no,b\n";
        AuditOptions o = options(1);
        o.labelColumn = "label";
        o.predictionColumn = "pred";
        o.groupColumns = {"g"};
        auto r = auditPredictions(table(csv), o);
        QVERIFY(r.ok());
        QCOMPARE(r->classNames, QStringList({"no", "yes"})); // "yes" is positive
        QVERIFY(r->warnings.isEmpty());
        QCOMPARE(group(r.value(), "g=a")->metrics.value("true_positive_rate").value, 1.0);
        QCOMPARE(group(r.value(), "g=b")->metrics.value("true_positive_rate").value, 0.0);
        QCOMPARE(r->report.metric("demographic_parity_difference").value, 0.5);

        o.positiveLabel = "no";
        r = auditPredictions(table(csv), o);
        QVERIFY(r.ok());
        QCOMPARE(r->classNames, QStringList({"yes", "no"}));
        // With "no" positive: a predicts "no" half the time, b always.
        QCOMPARE(r->report.metric("demographic_parity_difference").value, 0.5);
        QCOMPARE(group(r.value(), "g=b")->metrics.value("selection_rate").value, 1.0);

        o.positiveLabel = "maybe";
        QVERIFY(!auditPredictions(table(csv), o).ok());
    }

    void scoresAreThresholdedAndGiveAuc()
    {
        AuditOptions withPred = options();
        AuditOptions fromScore = options();
        fromScore.predictionColumn.clear();
        fromScore.scoreColumn = "score";
        fromScore.threshold = 0.5;
        auto a = auditPredictions(table(), withPred);
        auto b = auditPredictions(table(), fromScore);
        QVERIFY(a.ok() && b.ok());
        // The scores are ≥ 0.5 exactly where yhat = 1 (row 11 is unlabelled either way).
        for (const QString &m :
             {"accuracy", "demographic_parity_difference", "equalized_odds_difference"})
            QCOMPARE(b->report.metric(m).value, a->report.metric(m).value);

        withPred.scoreColumn = "score";
        auto c = auditPredictions(table(), withPred);
        QVERIFY(c.ok());
        QCOMPARE(c->scores.size(), 2);
        // F: positives 0.9, 0.4; negatives 0.2, 0.6 → pairs won: (0.9>0.2, 0.9>0.6, 0.4>0.2) = 3/4.
        // M: positives 0.8, 0.7, 0.45; negatives 0.1, 0.3, 0.35 → all 9 pairs won.
        for (const GroupScoreStats &s : c->scores) {
            if (s.label == "sex=F")
                QCOMPARE(s.auc, 0.75);
            else
                QCOMPARE(s.auc, 1.0);
        }
    }

    void badColumnsNameTheFile()
    {
        AuditOptions o = options();
        o.groupColumns = {"race"};
        auto r = auditPredictions(table(), o);
        QVERIFY(!r.ok());
        QVERIFY(r.error().toString().contains("predictions.csv"));
        QVERIFY(r.error().toString().contains("race"));
        o = options();
        o.labelColumn.clear();
        QVERIFY(!auditPredictions(table(), o).ok());
        QByteArray bad = "y,yhat,score,sex\n1,1,high,F\n";
        o = options();
        o.scoreColumn = "score";
        r = auditPredictions(table(bad), o);
        QVERIFY(!r.ok());
        QVERIFY(r.error().toString().contains("high"));
        // Scores are probabilities: NaN, infinities and values outside [0, 1] name their line.
        for (const char *score : {"nan", "inf", "1.5", "-0.1"}) {
            const QByteArray csv =
                QByteArray("y,yhat,score,sex\n1,1,0.7,F\n0,0,") + score + QByteArray(",M\n");
            r = auditPredictions(table(csv), o);
            QVERIFY2(!r.ok(), score);
            QVERIFY2(r.error().toString().contains("probability from 0 to 1") &&
                         r.error().toString().contains(":3:"),
                     qPrintable(r.error().toString()));
        }
    }

    void cliPrintsJsonAndWritesAReport()
    {
        const QString csv = m_dir.filePath("preds.csv");
        QVERIFY(fixtures::writeFile(csv, kCsv));
        const QString html = m_dir.filePath("audit.html");
        auto r = fixtures::runCli({"audit", csv, "--label", "y", "--pred", "yhat", "--group", "sex",
                                   "--min-group-size", "3", "--resamples", "100", "--json",
                                   "--report", html});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("rows").toInt(), 11);
        QCOMPARE(o.value("groups").toArray().size(), 2);
        QCOMPARE(
            o.value("overall").toObject().value("accuracy").toObject().value("value").toDouble(),
            0.7);
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray page = f.readAll();
        QVERIFY(page.contains("Prediction audit"));
        QVERIFY(page.contains("sex=F"));
        QVERIFY(page.contains("Demographic parity difference"));

        r = fixtures::runCli({"audit", csv, "--label", "y", "--group", "sex"});
        QCOMPARE(r.exitCode, 2);
        r = fixtures::runCli({"audit", csv, "--label", "y", "--pred", "nope", "--group", "sex"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nope"));
    }
};

QTEST_GUILESS_MAIN(TestPredictionAudit)
#include "tst_predictionaudit.moc"
