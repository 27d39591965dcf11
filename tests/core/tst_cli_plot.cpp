// `equiscope-cli plot curves|pareto` on a store written here: the figure's content is checked in
// the SVG (series, means, the front), the PNG by its size and that it is not blank.
#include "fixtures.h"

#include "store/runstore.h"

#include <QImage>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestCliPlot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString out(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        // Two methods × two seeds, three epochs each, plus one unfinished run that must not
        // show. "a" improves accuracy with seed-dependent noise; "b" trades accuracy for bias.
        m_store = m_dir.filePath(QStringLiteral("runs.sqlite"));
        auto store = RunStore::open(m_store);
        QVERIFY(store);
        auto add = [&](const QString &method, int seed, bool finish, double acc, double bias) {
            RunRecord r;
            r.name = QStringLiteral("demo %1 seed %2").arg(method).arg(seed);
            r.method = method;
            r.family = RunFamily::Fare;
            r.config = QJsonObject{{"learningRate", seed == 0 ? 0.3 : 0.1}};
            auto id = store.value()->createRun(r);
            QVERIFY(id);
            for (int e = 1; e <= 3; ++e)
                QVERIFY(store.value()->recordEpoch(
                    id.value(), e,
                    QJsonObject{{"accuracy", acc + 0.01 * e + 0.002 * seed},
                                {"bias_mse", bias - e},
                                {"loss", 5.0 - e}},
                    1.0));
            QVERIFY(store.value()->putMetrics(
                id.value(), QStringLiteral("final"),
                {MetricRow{
                     QStringLiteral("accuracy"), acc + 0.03 + 0.002 * seed, {}, {}, {}, {}, {}},
                 MetricRow{QStringLiteral("bias_mse"), bias - 3, {}, {}, {}, {}, {}}}));
            if (finish)
                QVERIFY(store.value()->finishRun(id.value(), RunStatus::Finished));
        };
        add(QStringLiteral("a"), 0, true, 0.70, 300);
        add(QStringLiteral("a"), 1, true, 0.70, 300);
        add(QStringLiteral("b"), 0, true, 0.60, 400);
        add(QStringLiteral("b"), 1, true, 0.60, 400);
        add(QStringLiteral("c"), 0, false, 0.10, 10);
    }

    void curvesAreMeansOverSeeds()
    {
        const QString svg = out(QStringLiteral("curves.svg"));
        const auto r = fixtures::runCli({"plot", "curves", "--store", m_store, "--metric",
                                         "accuracy", "--metric", "bias_mse", "--out", svg});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        // Two charts, one line per finished method with its run count; no unfinished run.
        QCOMPARE(text.count(QStringLiteral("<svg")), 3);
        QVERIFY(text.contains(QStringLiteral("a (n = 2)")));
        QVERIFY(text.contains(QStringLiteral("b (n = 2)")));
        QVERIFY(!text.contains(QStringLiteral("c (n =")));
        QVERIFY(text.contains(QStringLiteral("accuracy per epoch")));
        QVERIFY(text.contains(QStringLiteral("bias_mse per epoch")));

        const QString png = out(QStringLiteral("curves.png"));
        const auto p = fixtures::runCli({"plot", "curves", "--store", m_store, "--metric",
                                         "accuracy", "--match", "seed", "--out", png});
        QVERIFY2(p.exitCode == 0, p.err.constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000);
        // Not a blank page: the lines and labels darken a share of its pixels.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
        QVERIFY2(dark > 200, qPrintable(QString::number(dark)));
    }

    void paretoMarksTheFront()
    {
        const QString svg = out(QStringLiteral("pareto.svg"));
        const auto r = fixtures::runCli({"plot", "pareto", "--store", m_store, "--x", "accuracy",
                                         "--y", "bias_mse", "--out", svg});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Higher bias_mse is fairer (the bias regressor fails): a's seed 1 run has the best
        // accuracy, b's seed 1 run the best bias_mse; their seed 0 runs are dominated.
        QVERIFY2(r.err.contains("4 runs (2 on the front)"), r.err.constData());
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("a mean")) || text.contains(QStringLiteral(">a<")));
    }

    void byPointAveragesTheSeedsOfAGridPoint()
    {
        // "demo a seed 0" and "demo a seed 1" are one grid point, "demo a"; by name two series.
        const QString svg = out(QStringLiteral("points.svg"));
        const auto r = fixtures::runCli({"plot", "curves", "--store", m_store, "--metric",
                                         "accuracy", "--by", "point", "--out", svg});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        // The points' common leading word ("demo") is left out of the legend.
        QVERIFY(text.contains(QStringLiteral(">a (n = 2)")));
        QVERIFY(text.contains(QStringLiteral(">b (n = 2)")));
        QVERIFY(!text.contains(QStringLiteral("seed 0")));
        const auto bad = fixtures::runCli({"plot", "curves", "--store", m_store, "--metric",
                                           "accuracy", "--by", "colour", "--out", svg});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("method|name|point"), bad.err.constData());
    }

    void badRequestsSayWhatIsWrong()
    {
        const auto metric = fixtures::runCli(
            {"plot", "curves", "--store", m_store, "--metric", "acuracy", "--out", out("x.png")});
        QCOMPARE(metric.exitCode, 2);
        QVERIFY2(metric.err.contains("'acuracy'") && metric.err.contains("accuracy, bias_mse"),
                 metric.err.constData());
        const auto none = fixtures::runCli({"plot", "curves", "--store", m_store, "--metric",
                                            "accuracy", "--match", "zzz", "--out", out("x.png")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("'zzz'"), none.err.constData());
        // --where filters on the config: only the seed 0 runs (learning rate 0.3).
        const QString where = out(QStringLiteral("where.svg"));
        const auto lr =
            fixtures::runCli({"plot", "curves", "--store", m_store, "--metric", "accuracy",
                              "--where", "learningRate=3e-1", "--out", where});
        QVERIFY2(lr.exitCode == 0 && lr.err.contains("plot: 2 runs"), lr.err.constData());
        const auto suffix = fixtures::runCli(
            {"plot", "curves", "--store", m_store, "--metric", "accuracy", "--out", out("x.jpg")});
        QCOMPARE(suffix.exitCode, 1);
        QVERIFY2(suffix.err.contains(".png or .svg"), suffix.err.constData());
        const auto direction =
            fixtures::runCli({"plot", "pareto", "--store", m_store, "--x", "mystery", "--y",
                              "bias_mse", "--out", out("y.png")});
        QCOMPARE(direction.exitCode, 2);
        QVERIFY2(direction.err.contains("'mystery'"), direction.err.constData());
        const auto missing = fixtures::runCli({"plot", "curves", "--store",
                                               m_dir.filePath(QStringLiteral("none.sqlite")),
                                               "--metric", "accuracy", "--out", out("z.png")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("none.sqlite"), missing.err.constData());
        QVERIFY(!QFile::exists(out(QStringLiteral("z.png"))));
    }
};

QTEST_GUILESS_MAIN(TestCliPlot)
#include "tst_cli_plot.moc"
