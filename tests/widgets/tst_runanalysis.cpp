// The analysis views on real runs: two tiny training jobs (FARE and its InfoNCE baseline) write
// their artifacts to a store, and the real widgets show them: attention, Grad-CAM saliency,
// embeddings, metrics, the Pareto front and the side-by-side comparison.
#include "runs/compareview.h"
#include "runs/rundetailview.h"
#include "runs/runspanel.h"
#include "views/attentionview.h"
#include "views/embeddingview.h"
#include "views/leakageview.h"
#include "views/paretoview.h"
#include "views/saliencyview.h"
#include "views/subgroupscanview.h"

#include "enginefixtures.h"
#include "fare/farejob.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>

#include <QJsonDocument>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace equiscope;

class TestRunAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void viewsShowTheFareRun();
    void baselineHasNoAttentionButSaliency();
    void paretoAndCompareTakeBothRuns();
    void binaryTargetFromGroupRows();

private:
    QString store() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }
    QString train(LossMethod method, const QString &name);

    QTemporaryDir m_dir;
    FareConfig m_config;
    QString m_fare, m_baseline;
};

QString TestRunAnalysis::train(LossMethod method, const QString &name)
{
    FareConfig c = m_config;
    c.loss.method = method;
    c.name = name;
    FareJob job(c, store());
    QSignalSpy finished(&job, &FareJob::finished);
    job.start();
    if (!finished.wait(300000) || job.outcome() != JobOutcome::Finished)
        qFatal("training %s did not finish: %s", qPrintable(name), qPrintable(job.message()));
    return job.runId();
}

void TestRunAnalysis::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    m_config = fixtures::tinyColoredRun(m_dir.filePath(QStringLiteral("data")));
    m_config.epochs = 2;
    m_config.trainLimit = 64;
    m_fare = train(LossMethod::Fare, QStringLiteral("fare"));
    m_baseline = train(LossMethod::InfoNce, QStringLiteral("infonce"));
}

void TestRunAnalysis::viewsShowTheFareRun()
{
    RunsPanel panel;
    panel.resize(1100, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(store());
    QVERIFY(loaded.wait(10000));
    RunDetailView *detail = panel.detailView();
    QSignalSpy attention(detail->attentionView(), &AttentionView::snapshotShown);
    QSignalSpy saliency(detail->saliencyView(), &SaliencyView::snapshotShown);
    QSignalSpy projected(detail->embeddingView(), &EmbeddingView::projected);
    panel.selectRun(m_fare);
    QVERIFY(detail->attentionTabVisible());
    QVERIFY(detail->saliencyTabVisible());
    QVERIFY(detail->embeddingTabVisible());

    QVERIFY(attention.wait(20000));
    QCOMPARE(detail->attentionView()->currentEpoch(), 2);
    const AttentionSnapshot &snap = detail->attentionView()->shownSnapshot();
    QCOMPARE(snap.size, m_config.probeBatch);
    QCOMPARE(detail->attentionView()->attentionMap()->data()->keySize(), m_config.probeBatch);
    // The stored probe batch, shown sorted by group.
    auto stored = readRunArtifact(store(), m_fare, QStringLiteral("attention"), 2);
    QVERIFY(stored.ok());
    QVector<qint64> storedSamples =
        AttentionSnapshot::fromJson(QJsonDocument::fromJson(stored.value()).object()).samples;
    QVector<qint64> shownSamples = snap.samples;
    std::sort(storedSamples.begin(), storedSamples.end());
    std::sort(shownSamples.begin(), shownSamples.end());
    QCOMPARE(shownSamples, storedSamples);
    QVERIFY(std::is_sorted(snap.groups.begin(), snap.groups.end()));
    detail->attentionView()->selectCell(0, snap.size - 1);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->attentionView()->keyThumbnail().isNull(), 10000);

    QVERIFY(saliency.count() > 0 || saliency.wait(20000));
    SaliencyView *sv = detail->saliencyView();
    QCOMPARE(sv->snapshot().size(), m_config.probeBatch);
    QCOMPARE(sv->imageList()->count(), m_config.probeBatch);
    QVERIFY(sv->groupList()->count() >= 1);
    QCOMPARE(sv->snapshot().images.size(), m_config.probeBatch);
    QVERIFY(!sv->snapshot().images.first().isNull()); // the stored probe images

    QVERIFY(projected.count() > 0 || projected.wait(20000));
    QCOMPARE(detail->embeddingView()->embeddings().count(), 160); // the whole tiny test split
    QCOMPARE(detail->embeddingView()->embeddings().dim, 84);
    QCOMPARE(detail->embeddingView()->points().size(), 320);
    QVERIFY(detail->metricsTable()->rowCount() > 5);
}

void TestRunAnalysis::baselineHasNoAttentionButSaliency()
{
    RunsPanel panel;
    panel.resize(1100, 900);
    panel.show();
    QSignalSpy loaded(&panel, &RunsPanel::loaded);
    panel.setStorePath(store());
    QVERIFY(loaded.wait(10000));
    panel.selectRun(m_baseline);
    QVERIFY(!panel.detailView()->attentionTabVisible()); // InfoNCE has no attention
    QVERIFY(panel.detailView()->saliencyTabVisible());   // but a LeNet to explain
    QVERIFY(panel.detailView()->embeddingTabVisible());

    // Leakage: the InfoNCE run beside the FARE run as the baseline, and the raw pixels.
    RunDetailView *detail = panel.detailView();
    QVERIFY(detail->leakageTabVisible());
    LeakageView *leakage = detail->leakageView();
    QCOMPARE(leakage->baselineBox()->count(), 2); // (none) and the FARE run of the same data
    leakage->baselineBox()->setCurrentIndex(1);
    QSignalSpy measured(leakage, &LeakageView::measured);
    leakage->measureButton()->click();
    QVERIFY(measured.wait(60000));
    QCOMPARE(measured.first().first().toBool(), true);
    // label, color, rgb × (this run, the baseline, raw pixels, chance).
    QCOMPARE(leakage->table()->rowCount(), 3);
    QCOMPARE(leakage->table()->columnCount(), 6);
    QCOMPARE(leakage->plot()->plottableCount(), 6); // bars and error bars of three probes
    QVERIFY(leakage->table()->item(0, 2)->text().contains(QLatin1Char('%')));

    // Subgroups: the run's stored test predictions searched over its dataset's attributes. The
    // MNIST-family target has ten classes, so only the error rate can be chosen.
    QVERIFY(detail->subgroupsTabVisible());
    SubgroupScanView *subgroups = detail->subgroupScanView();
    auto *rates = qobject_cast<QStandardItemModel *>(subgroups->metricBox()->model());
    QVERIFY(rates && rates->item(0)->isEnabled() && !rates->item(1)->isEnabled());
    subgroups->minimumSizeBox()->setValue(5);
    QSignalSpy scanned(subgroups, &SubgroupScanView::scanned);
    subgroups->scanButton()->click();
    QVERIFY(!subgroups->scanButton()->isEnabled() || scanned.count() > 0);
    QVERIFY(scanned.count() > 0 || scanned.wait(30000));
    QCOMPARE(scanned.first().first().toBool(), true);
    QCOMPARE(subgroups->table()->columnCount(), 8);
    QVERIFY2(subgroups->statusLabel()->text().contains(QStringLiteral("160")),
             qPrintable(subgroups->statusLabel()->text()));
    for (int row = 0; row < subgroups->table()->rowCount(); ++row)
        QVERIFY(subgroups->table()->item(row, 0)->text().startsWith(QStringLiteral("color=")));
    QCOMPARE(subgroups->plot()->plottableCount(), 4); // two bar sets and their error bars
}

void TestRunAnalysis::paretoAndCompareTakeBothRuns()
{
    ParetoView pareto;
    pareto.resize(900, 600);
    pareto.show();
    QSignalSpy loaded(&pareto, &ParetoView::loaded);
    pareto.setStorePath(store());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(pareto.pointIds().size(), 2);
    QVERIFY(!pareto.frontIds().isEmpty());
    QVERIFY(std::isfinite(pareto.hypervolume()) && pareto.hypervolume() >= 0);

    CompareView compare;
    compare.setStorePath(store());
    compare.show();
    QSignalSpy compared(&compare, &CompareView::loaded);
    compare.setRuns({m_fare, m_baseline});
    QVERIFY(compared.wait(10000));
    QVERIFY(compare.differingKeys().contains(QStringLiteral("method")));
    QVERIFY(compare.differingKeys().contains(QStringLiteral("name")));
    QVERIFY(!compare.differingKeys().contains(QStringLiteral("seed")));
    QCOMPARE(compare.lossPlot()->graphCount(), 2);
}

void TestRunAnalysis::binaryTargetFromGroupRows()
{
    // The Subgroups tab offers FNR, FPR and selection rate for binary targets: known from the
    // per-group rows (binary targets have selection rates), not from reading the predictions.
    RunSummary multiclass;
    multiclass.finalMetrics = {
        MetricRow{QStringLiteral("accuracy"), 0.8, {}, {}, {}, {}, {}},
        MetricRow{QStringLiteral("accuracy"), 0.7, {}, {}, QStringLiteral("red"), 40, {}}};
    QVERIFY(!multiclass.hasBinaryTarget());
    RunSummary binary = multiclass;
    binary.finalMetrics << MetricRow{
        QStringLiteral("selection_rate"), 0.4, {}, {}, QStringLiteral("red"), 40, {}};
    QVERIFY(binary.hasBinaryTarget());
    // A whole-population row of that name (no group) does not make a target binary.
    RunSummary overall = multiclass;
    overall.finalMetrics << MetricRow{QStringLiteral("selection_rate"), 0.4, {}, {}, {}, {}, {}};
    QVERIFY(!overall.hasBinaryTarget());
}

QTEST_MAIN(TestRunAnalysis)
#include "tst_runanalysis.moc"
