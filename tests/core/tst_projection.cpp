// PCA against a hand case, t-SNE for determinism, cancellation and cluster separation.
#include "eval/projection.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace equiscope;

namespace {

// Three well-separated Gaussian clusters in 10-D, 30 points each.
QVector<float> clusters(int perCluster, int dim, QVector<int> *labels)
{
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.0f, 0.3f);
    QVector<float> data;
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < perCluster; ++i) {
            for (int d = 0; d < dim; ++d)
                data << (d == c ? 10.0f : 0.0f) + noise(rng);
            *labels << c;
        }
    return data;
}

double distance(const QVector<float> &y, int a, int b)
{
    const double dx = y[2 * a] - y[2 * b], dy = y[2 * a + 1] - y[2 * b + 1];
    return std::sqrt(dx * dx + dy * dy);
}

} // namespace

class TestProjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pcaHandCase_data()
    {
        QTest::addColumn<double>("angle");
        QTest::addColumn<double>("shift");
        QTest::newRow("axis-aligned") << 0.0 << 0.0;
        QTest::newRow("rotated 30° and shifted") << 30.0 << 5.0;
        QTest::newRow("rotated 135° and shifted") << 135.0 << -2.0;
    }

    // Points (±2, 0) and (0, ±1) in a plane of 3-D space: variances 2 and 0.5 along the plane's
    // axes, none across it. Rotating and shifting the cloud must not change the projection.
    void pcaHandCase()
    {
        QFETCH(double, angle);
        QFETCH(double, shift);
        const double a = angle * M_PI / 180.0, c = std::cos(a), s = std::sin(a);
        const double plane[4][2] = {{2, 0}, {-2, 0}, {0, 1}, {0, -1}};
        QVector<float> data;
        for (const auto &p : plane)
            data << float(c * p[0] - s * p[1] + shift) << float(s * p[0] + c * p[1] + shift)
                 << float(shift);
        auto r = principalComponents(data, 4, 3, 2);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->points.size(), 8);
        QVERIFY(std::abs(r->explainedVarianceRatio[0] - 0.8) < 1e-6);
        QVERIFY(std::abs(r->explainedVarianceRatio[1] - 0.2) < 1e-6);
        // Component 1 is the direction of (±2, 0), component 2 of (0, ±1); signs are fixed by the
        // largest loading, so compare magnitudes and the pairing.
        for (int i = 0; i < 4; ++i) {
            QVERIFY2(std::abs(std::abs(r->points[2 * i]) - std::abs(plane[i][0])) < 1e-5,
                     qPrintable(QStringLiteral("point %1: %2").arg(i).arg(r->points[2 * i])));
            QVERIFY(std::abs(std::abs(r->points[2 * i + 1]) - std::abs(plane[i][1])) < 1e-5);
        }
        QVERIFY(std::abs(r->points[0] + r->points[2]) < 1e-5); // (2,0) and (−2,0) opposite
        // Unit components, orthogonal.
        double n0 = 0, n1 = 0, dot = 0;
        for (int k = 0; k < 3; ++k) {
            n0 += r->components[k] * r->components[k];
            n1 += r->components[3 + k] * r->components[3 + k];
            dot += r->components[k] * r->components[3 + k];
        }
        QVERIFY(std::abs(n0 - 1) < 1e-9 && std::abs(n1 - 1) < 1e-9 && std::abs(dot) < 1e-9);
    }

    void pcaRejectsBadInput()
    {
        QVERIFY(!principalComponents({1, 2, 3}, 1, 3).ok());
        QVERIFY(!principalComponents({1, 2, 3, 4, 5}, 2, 3).ok());
    }

    void tsneIsDeterministicForASeed()
    {
        QVector<int> labels;
        const QVector<float> data = clusters(20, 10, &labels);
        TsneOptions o;
        o.iterations = 300;
        o.perplexity = 10;
        o.seed = 42;
        auto a = tsne(data, 60, 10, o), b = tsne(data, 60, 10, o);
        QVERIFY2(a.ok(), qPrintable(a.error().toString()));
        QVERIFY(b.ok());
        QCOMPARE(a.value(), b.value());
        o.seed = 43;
        auto c = tsne(data, 60, 10, o);
        QVERIFY(c.ok());
        QVERIFY(a.value() != c.value());
        for (float v : a.value())
            QVERIFY(std::isfinite(v));
    }

    void tsneSeparatesClusters_data()
    {
        QTest::addColumn<double>("theta");
        QTest::newRow("exact") << 0.0;
        QTest::newRow("barnes-hut") << 0.5;
    }

    void tsneSeparatesClusters()
    {
        QFETCH(double, theta);
        QVector<int> labels;
        const int n = 90;
        const QVector<float> data = clusters(30, 10, &labels);
        TsneOptions o;
        o.perplexity = 15;
        o.iterations = 500;
        o.theta = theta;
        auto y = tsne(data, n, 10, o);
        QVERIFY2(y.ok(), qPrintable(y.error().toString()));
        // Every point's nearest neighbour in 2-D is from its own cluster, and clusters are far
        // apart compared with their size.
        double within = 0, between = 0;
        int withinCount = 0, betweenCount = 0;
        for (int i = 0; i < n; ++i) {
            int nearest = -1;
            double best = 1e300;
            for (int j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                const double d = distance(y.value(), i, j);
                if (d < best) {
                    best = d;
                    nearest = j;
                }
                if (labels[i] == labels[j]) {
                    within += d;
                    ++withinCount;
                } else {
                    between += d;
                    ++betweenCount;
                }
            }
            QCOMPARE(labels[nearest], labels[i]);
        }
        within /= withinCount;
        between /= betweenCount;
        QVERIFY2(between > 3 * within,
                 qPrintable(QStringLiteral("within %1, between %2").arg(within).arg(between)));
    }

    void tsneReportsProgressAndCancels()
    {
        QVector<int> labels;
        const QVector<float> data = clusters(10, 10, &labels);
        TsneOptions o;
        o.perplexity = 5;
        o.iterations = 200;
        int calls = 0, last = 0;
        auto done = tsne(data, 30, 10, o, [&](int iteration, int total) {
            ++calls;
            last = iteration;
            return total == 200;
        });
        QVERIFY(done.ok());
        QVERIFY(calls >= 20);
        QCOMPARE(last, 200);
        auto cancelled = tsne(data, 30, 10, o, [](int iteration, int) { return iteration < 50; });
        QVERIFY(!cancelled.ok());
        QVERIFY(cancelled.error().toString().contains(QStringLiteral("cancelled")));
    }

    void tsneHandlesDuplicatesAndWideInput()
    {
        // Identical rows (the quadtree keeps them in one leaf) and more columns than the PCA step.
        QVector<float> data;
        for (int i = 0; i < 40; ++i)
            for (int d = 0; d < 60; ++d)
                data << float(i < 20 ? (d % 3) : (i % 5) * 0.5 + d * 0.01);
        TsneOptions o;
        o.perplexity = 5;
        o.iterations = 100;
        o.pcaDimensions = 10;
        auto y = tsne(data, 40, 60, o);
        QVERIFY2(y.ok(), qPrintable(y.error().toString()));
        for (float v : y.value())
            QVERIFY(std::isfinite(v));
        QVERIFY(!tsne(data, 40, 61, o).ok());
    }
};

QTEST_GUILESS_MAIN(TestProjection)
#include "tst_projection.moc"
