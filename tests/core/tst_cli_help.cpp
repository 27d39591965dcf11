// Every `equiscope-cli ... --help` prints valid UTF-8 without mojibake (the option tables hold
// ×, τ, α and → and once printed them decoded as Latin-1: "SÃS", "cosine Ï", "Î±") and ends with
// the exit-code convention, which every command keeps: an unknown option or a missing value is
// a usage error (2), a bad file a data error (1).
#include "fixtures.h"

#include <QStringDecoder>
#include <QtTest>

class TestCliHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpIsValidUtf8_data();
    void helpIsValidUtf8();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void dataErrorsExitWithOne();
};

void TestCliHelp::helpIsValidUtf8_data()
{
    QTest::addColumn<QStringList>("command");
    const QList<QStringList> commands{
        {},
        {"datasets", "inspect"},
        {"datasets", "colorize"},
        {"datasets", "preview"},
        {"datasets", "scan"},
        {"train"},
        {"train", "--method", "fair-ssl"},
        {"cluster"},
        {"runs", "list"},
        {"runs", "show"},
        {"runs", "resume"},
        {"runs", "leakage"},
        {"runs", "delete"},
        {"runs", "merge"},
        {"runs", "export"},
        {"loss"},
        {"report"},
        {"export-model"},
        {"evaluate-model"},
        {"export-embeddings"},
        {"audit"},
        {"bundle"},
        {"replay"},
        {"demo"},
        {"methods"},
    };
    for (const QStringList &c : commands)
        QTest::newRow(c.isEmpty() ? "equiscope-cli" : qPrintable(c.join(QLatin1Char(' ')))) << c;
}

void TestCliHelp::helpIsValidUtf8()
{
    QFETCH(QStringList, command);
    const auto r = fixtures::runCli(command + QStringList{QStringLiteral("--help")}, 60000);
    QCOMPARE(r.exitCode, 0);
    const QByteArray text = r.out + r.err;
    QVERIFY2(text.size() > 40, text.constData());
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8(text);
    QVERIFY2(!utf8.hasError(), "not valid UTF-8");
    // UTF-8 read as Latin-1 and written again as UTF-8 shows up as Ã or Î followed by a
    // continuation character.
    for (const QString &mojibake :
         {QStringLiteral("Ã"), QStringLiteral("Î"), QStringLiteral("Ï"), QStringLiteral("â\u0080")})
        QVERIFY2(!decoded.contains(mojibake), qPrintable(decoded));
    QVERIFY2(decoded.contains(QStringLiteral("Exit codes: 0 done; 1 data error")),
             qPrintable(decoded));
}

void TestCliHelp::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "frobnicate";
    QTest::newRow("unknown option") << QStringList{"runs", "list", "--bogus"} << "bogus";
    QTest::newRow("missing value") << QStringList{"train", "--epochs"} << "epochs";
    QTest::newRow("unknown option, fair ssl")
        << QStringList{"train", "--method", "fair-ssl", "--no-such"} << "no-such";
    QTest::newRow("unknown option, cluster") << QStringList{"cluster", "--nope"} << "nope";
    QTest::newRow("bounded count")
        << QStringList{"loss",  "--method", "fare",  "--u1",     "a.npy", "--u2",
                       "b.npy", "--z",      "z.npy", "--repeat", "0"}
        << "repeat";
}

void TestCliHelp::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const auto r = fixtures::runCli(arguments, 60000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(named), r.err.constData());
}

void TestCliHelp::dataErrorsExitWithOne()
{
    const auto r = fixtures::runCli({"runs", "show", "x", "--store", "/nonexistent/runs.sqlite"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("/nonexistent/runs.sqlite"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
