// Representation leakage probes: an attribute written into the features is read back (accuracy
// near 1, R² near 1), one that is not stays at chance, rare levels and unusable input are named.
#include "nn/representationleakage.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace equiscope;

class TestRepresentationLeakage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writtenAttributesAreReadBackOthersStayAtChance()
    {
        // 600 rows, 6 features: one-hot colour (3 levels) + noise, a value 2·f3, noise.
        const qint64 n = 600;
        const int dim = 6;
        std::mt19937_64 rng(4);
        std::normal_distribution<double> g(0, 1);
        QVector<float> x(n * dim);
        std::vector<int32_t> colour(n), label(n), rare(n);
        std::vector<float> value(n), pair(size_t(n) * 2), missing(n, std::nanf(""));
        for (qint64 i = 0; i < n; ++i) {
            colour[size_t(i)] = int32_t(rng() % 3);
            label[size_t(i)] = int32_t(rng() % 2); // not in the features
            rare[size_t(i)] = i < 3 ? 2 : colour[size_t(i)] % 2;
            for (int c = 0; c < dim; ++c)
                x[i * dim + c] = float(0.1 * g(rng));
            x[i * dim + colour[size_t(i)]] += 1.0f;
            x[i * dim + 3] = float(g(rng));
            value[size_t(i)] = 2 * x[i * dim + 3] + float(0.05 * g(rng));
            pair[size_t(i) * 2] = x[i * dim + 3];
            pair[size_t(i) * 2 + 1] = float(g(rng)); // half of the vector is noise
        }
        AttributeTable t(n);
        t.add(Attribute::discrete("colour", AttributeType::Categorical, {"r", "g", "b"}, colour));
        t.add(Attribute::discrete("label", AttributeType::Binary, {"0", "1"}, label));
        t.add(Attribute::discrete("rare", AttributeType::Categorical, {"p", "q", "s"}, rare));
        t.add(Attribute::continuous("value", value));
        t.add(Attribute::vector("pair", 2, pair));
        t.add(Attribute::continuous("missing", missing));
        LeakageOptions o;
        o.resamples = 200;
        auto p = probeLeakage(x, dim, t, o, QStringLiteral("synthetic"));
        QVERIFY2(p.ok(), qPrintable(p.error().toString()));
        QCOMPARE(p->attributes.size(), 6);
        const AttributeLeakage *c = p->attribute("colour");
        QCOMPARE(c->measure, QStringLiteral("accuracy"));
        QVERIFY(c->value > 0.97 && c->low <= c->value && c->value <= c->high);
        QVERIFY(std::abs(c->chance - 1.0 / 3) < 0.06);
        const AttributeLeakage *l = p->attribute("label");
        QVERIFY2(std::abs(l->value - 0.5) < 0.08, qPrintable(QString::number(l->value)));
        QVERIFY(l->low < 0.55); // its interval reaches chance
        const AttributeLeakage *r = p->attribute("rare");
        QCOMPARE(r->levels, 2);
        QCOMPARE(r->rows, n - 3);
        QVERIFY(r->note.contains("1 level(s) with fewer than 5 rows"));
        const AttributeLeakage *v = p->attribute("value");
        QCOMPARE(v->measure, QStringLiteral("r2"));
        QVERIFY(v->value > 0.99);
        const AttributeLeakage *pr = p->attribute("pair");
        QVERIFY2(pr->value > 0.4 && pr->value < 0.6, qPrintable(QString::number(pr->value)));
        QVERIFY(std::isnan(p->attribute("missing")->value));
        QVERIFY(p->attribute("missing")->note.contains("not probed"));
        // The same seed gives the same probes.
        auto again = probeLeakage(x, dim, t, o, QStringLiteral("synthetic"));
        QCOMPARE(again->toJson(), p->toJson());
    }

    void unusableInputIsAClearError()
    {
        AttributeTable t(10);
        t.add(Attribute::continuous("v", std::vector<float>(10, 1.0f)));
        LeakageOptions o;
        auto p = probeLeakage(QVector<float>(9 * 2, 0.0f), 2, t, o, QStringLiteral("emb.bin"));
        QVERIFY(!p.ok() && p.error().toString().contains("emb.bin") &&
                p.error().toString().contains("for 10 rows"));
        AttributeTable few(8);
        few.add(Attribute::continuous("v", std::vector<float>(8, 1.0f)));
        p = probeLeakage(QVector<float>(8 * 2, 0.0f), 2, few, o, QStringLiteral("emb.bin"));
        QVERIFY(!p.ok() && p.error().toString().contains("8 rows: too few for 5-fold"));
        AttributeTable big(20);
        big.add(Attribute::continuous("v", std::vector<float>(20, 1.0f)));
        QVector<float> bad(20 * 2, 0.0f);
        bad[7] = std::nanf("");
        p = probeLeakage(bad, 2, big, o, QStringLiteral("emb.bin"));
        QVERIFY(!p.ok() && p.error().toString().contains("non-finite"));
    }
};

QTEST_GUILESS_MAIN(TestRepresentationLeakage)
#include "tst_representationleakage.moc"
