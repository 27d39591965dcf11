#include "data/attributetable.h"
#include "data/csvtable.h"
#include "util/expected.h"

#include <QtTest>

#include <cmath>

using namespace equiscope;

class TestAttributeTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void infersTypes_data()
    {
        QTest::addColumn<QStringList>("cells");
        QTest::addColumn<int>("type");
        QTest::newRow("binary numbers")
            << QStringList{"1", "-1", "1"} << int(AttributeType::Binary);
        QTest::newRow("binary words")
            << QStringList{"Male", "Female", ""} << int(AttributeType::Binary);
        QTest::newRow("continuous")
            << QStringList{"1.5", "2", "30"} << int(AttributeType::Continuous);
        QTest::newRow("categorical")
            << QStringList{"a", "b", "c"} << int(AttributeType::Categorical);
        QTest::newRow("vector") << QStringList{"1;2;3", "4;5;6"} << int(AttributeType::Vector);
    }
    void infersTypes()
    {
        QFETCH(QStringList, cells);
        QFETCH(int, type);
        QCOMPARE(int(attributeFromText(QStringLiteral("x"), cells).type()), type);
    }

    void levelsAndMissing()
    {
        const Attribute a = attributeFromText(QStringLiteral("age"), {"10", "2", "", "10", "x"});
        QCOMPARE(a.type(), AttributeType::Categorical);
        QCOMPARE(a.levels(), (QStringList{"2", "10", "x"})); // numbers in numeric order first
        QCOMPARE(a.levelCounts(), (std::vector<qint64>{1, 2, 1}));
        QCOMPARE(a.missingCount(), 1);
        QCOMPARE(a.code(2), -1);
    }

    void continuousStats()
    {
        const Attribute a = attributeFromText(QStringLiteral("v"), {"1", "", "3", "8"});
        const ContinuousStats s = a.stats();
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 8.0);
        QCOMPARE(s.mean, 4.0);
        QCOMPARE(s.missing, 1);
        QVERIFY(std::isnan(a.value(1)));
    }

    void vectorValues()
    {
        const Attribute a = attributeFromText(QStringLiteral("rgb"), {"1;2;3", "4;5;6"});
        QCOMPARE(a.dim(), 3);
        QCOMPARE(a.value(1, 2), 6.0f);
        QCOMPARE(a.displayValue(0), QStringLiteral("1;2;3"));
    }

    void raggedVectorsAreAnError()
    {
        // Once a categorical column with a level per row: now the cell, its line and the
        // expected length are named.
        TextColumnOptions o;
        o.file = QStringLiteral("attrs.csv");
        o.lines = {2, 3, 4, 5};
        try {
            attributeFromText(QStringLiteral("rgb"), {"1;2;3", "4;5;6", "7;8", "1;1;1"}, o);
            QFAIL("expected an error");
        } catch (const DataException &e) {
            const QString msg = e.error().toString();
            QVERIFY2(msg.contains(QStringLiteral("attrs.csv:4")) &&
                         msg.contains(QStringLiteral("'rgb'")) &&
                         msg.contains(QStringLiteral("3 numbers separated by ';'")) &&
                         msg.contains(QStringLiteral("'7;8'")),
                     qPrintable(msg));
        }
        // Cells that are not all number lists stay categorical, as before.
        QCOMPARE(attributeFromText(QStringLiteral("x"), {"1;2", "a;b", "c"}).type(),
                 AttributeType::Categorical);
    }

    void forcedTypeThatDoesNotParse()
    {
        TextColumnOptions o;
        o.forcedType = AttributeType::Continuous;
        o.file = QStringLiteral("attrs.csv");
        o.lines = {2, 3, 4};
        try {
            attributeFromText(QStringLiteral("age"), {"1", "two", "3"}, o);
            QFAIL("expected an error");
        } catch (const DataException &e) {
            const QString msg = e.error().toString();
            QVERIFY2(msg.contains(QStringLiteral("attrs.csv:3")) &&
                         msg.contains(QStringLiteral("'age'")) &&
                         msg.contains(QStringLiteral("a number")) &&
                         msg.contains(QStringLiteral("'two'")),
                     qPrintable(msg));
        }
    }

    void forcedCategoricalFromNumbers()
    {
        TextColumnOptions o;
        o.forcedType = AttributeType::Categorical;
        const Attribute a = attributeFromText(QStringLiteral("race"), {"0", "1", "2", "1"}, o);
        QCOMPARE(a.type(), AttributeType::Categorical);
        QCOMPARE(a.levels().size(), 3);
    }

    void subsetKeepsRows()
    {
        AttributeTable t;
        t.add(attributeFromText(QStringLiteral("a"), {"x", "y", "z"}));
        t.add(attributeFromText(QStringLiteral("b"), {"1.5", "2.5", "3.5"}));
        const AttributeTable s = t.subset({2, 0});
        QCOMPARE(s.rowCount(), 2);
        QCOMPARE(s.column(QStringLiteral("a")).displayValue(0), QStringLiteral("z"));
        QCOMPARE(s.column(QStringLiteral("b")).value(1), 1.5f);
    }

    void csvQuotesAndCrLf()
    {
        const CsvTable t = CsvTable::parse(
            "file,name\r\na.jpg,\"Doe, \"\"J\"\"\"\r\n\r\nb.jpg,x\r\n", QStringLiteral("t.csv"));
        QCOMPARE(t.header, (QStringList{"file", "name"}));
        QCOMPARE(int(t.rows.size()), 2);
        QCOMPARE(t.rows[0][1], QStringLiteral("Doe, \"J\""));
        QCOMPARE(t.lines[1], 4);
    }

    void csvRaggedRow()
    {
        try {
            CsvTable::parse("a,b,c\n1,2,3\n4,5\n", QStringLiteral("r.csv"));
            QFAIL("expected an error");
        } catch (const DataException &e) {
            QCOMPARE(e.error().toString(),
                     QStringLiteral("r.csv:3: expected 3 fields, found 2 fields"));
        }
    }

    void csvEmptyFile()
    {
        QVERIFY_THROWS_EXCEPTION(DataException, CsvTable::parse("", QStringLiteral("e.csv")));
    }
};

QTEST_GUILESS_MAIN(TestAttributeTable)
#include "tst_attributetable.moc"
