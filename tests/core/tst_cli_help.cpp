// Every `equiscope-cli ... --help` prints valid UTF-8 without mojibake: the option tables hold
// ×, τ, α and → and once printed them decoded as Latin-1 ("SÃS", "cosine Ï", "Î±").
#include "fixtures.h"

#include <QStringDecoder>
#include <QtTest>

class TestCliHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpIsValidUtf8_data();
    void helpIsValidUtf8();
};

void TestCliHelp::helpIsValidUtf8_data()
{
    QTest::addColumn<QStringList>("command");
    const QList<QStringList> commands{
        {},
        {"datasets", "inspect"},
        {"datasets", "colorize"},
        {"datasets", "preview"},
        {"train"},
        {"train", "--method", "fair-ssl"},
        {"cluster"},
        {"runs", "list"},
        {"runs", "show"},
        {"runs", "resume"},
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
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
