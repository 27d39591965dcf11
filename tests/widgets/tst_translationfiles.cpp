// The .ts files are complete and consistent: every message has a finished, non-empty
// translation (every plural form too), keeps the source's placeholders (%1…, %n), HTML tags,
// accelerator, trailing colon or ellipsis, and keyboard shortcuts verbatim; and the .qm files
// compiled into the widgets library answer with exactly these translations.
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

/// translations/@p file in the source tree (ctest runs the test in the build tree), or "".
QString tsPath(const QString &file)
{
    const QString path = QStringLiteral(EQUISCOPE_SOURCE_DIR "/translations/") + file;
    return QFile::exists(path) ? path : QString();
}

struct Message
{
    QString context;
    QString source;
    QString comment; ///< disambiguation
    bool numerus = false;
    QString type;             ///< "", "unfinished", "vanished", "obsolete"
    QStringList translations; ///< one per plural form (one when not numerus)
    qint64 line = 0;
};

QList<Message> readTs(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open").arg(path);
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message *current = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            messages.append(Message{});
            current = &messages.last();
            current->context = context;
            current->numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            current->line = xml.lineNumber();
        } else if (current && name == QLatin1String("source")) {
            current->source = xml.readElementText();
        } else if (current && name == QLatin1String("comment")) {
            current->comment = xml.readElementText();
        } else if (current && name == QLatin1String("translation")) {
            current->type = xml.attributes().value(QLatin1String("type")).toString();
            if (!current->numerus)
                current->translations << xml.readElementText();
        } else if (current && name == QLatin1String("numerusform")) {
            current->translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

/// %1…%99 and %n, sorted, each once per occurrence.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2}|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

QStringList tags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("</?([a-zA-Z][a-zA-Z0-9]*)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0).toLower();
    out.sort();
    return out;
}

int accelerators(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        // "&amp;" etc. never reach here (the XML reader decodes them); "& " is prose.
        if (text.at(i + 1).isLetterOrNumber())
            ++count;
    }
    return count;
}

bool isShortcut(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^((Ctrl|Shift|Alt|Meta)\\+)+([A-Z0-9]|F\\d{1,2}|,|\\.|Del|Space)$"));
    return re.match(text).hasMatch();
}

QString where(const QString &file, const Message &m)
{
    return QStringLiteral("%1:%2 [%3] \"%4\"").arg(file).arg(m.line).arg(m.context, m.source);
}

} // namespace

class TestTranslationFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isCompleteAndConsistent_data();
    void isCompleteAndConsistent();
    void compiledTranslationsMatch_data();
    void compiledTranslationsMatch();
    void bothLanguagesHaveTheSameMessages();
};

void TestTranslationFiles::isCompleteAndConsistent_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void TestTranslationFiles::isCompleteAndConsistent()
{
    QFETCH(QString, language);
    const QString file = QStringLiteral("equiscope_%1.ts").arg(language);
    const QString path = tsPath(file);
    QVERIFY2(!path.isEmpty(), qPrintable(file + QStringLiteral(" not found")));
    QString declared, error;
    const QList<Message> messages = readTs(path, &declared, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(declared.left(2), language);
    QVERIFY(messages.size() > 100);

    QStringList problems;
    for (const Message &m : messages) {
        const QString at = where(file, m);
        if (m.source.isEmpty()) {
            // A "TRANSLATOR" comment that was meant as "//:" makes such an entry.
            problems << QStringLiteral("%1: message without source text").arg(at);
            continue;
        }
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1: translation is %2").arg(at, m.type);
            continue;
        }
        // German and French have two plural forms (one, other).
        if (m.numerus && m.translations.size() != 2)
            problems << QStringLiteral("%1: %2 plural forms, expected 2")
                            .arg(at)
                            .arg(m.translations.size());
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problems << QStringLiteral("%1: empty translation").arg(at);
                continue;
            }
            if (placeholders(t) != placeholders(m.source))
                problems << QStringLiteral("%1: placeholders %2 in \"%3\"")
                                .arg(at, placeholders(t).join(QLatin1Char(',')), t);
            if (tags(t) != tags(m.source))
                problems << QStringLiteral("%1: HTML tags differ in \"%2\"").arg(at, t);
            if (accelerators(t) != accelerators(m.source))
                problems << QStringLiteral("%1: %2 accelerator(s) in \"%3\"")
                                .arg(at)
                                .arg(accelerators(t))
                                .arg(t);
            if (isShortcut(m.source) && t != m.source)
                problems << QStringLiteral("%1: shortcut translated as \"%2\"").arg(at, t);
            if (m.source.endsWith(QLatin1Char(':')) != t.endsWith(QLatin1Char(':')))
                problems << QStringLiteral("%1: trailing colon in \"%2\"").arg(at, t);
            if (m.source.endsWith(QChar(0x2026)) != t.endsWith(QChar(0x2026)))
                problems << QStringLiteral("%1: trailing ellipsis in \"%2\"").arg(at, t);
            // French typography: a no-break space before : ; ? ! and inside « », so a line
            // never starts with the sign; German and French quotes, not straight ones.
            static const QRegularExpression breakable(QStringLiteral("( [:;?!»]|« )"));
            if (language == QLatin1String("fr") && t.contains(breakable))
                problems
                    << QStringLiteral("%1: breakable space at a French sign in \"%2\"").arg(at, t);
            if (t.contains(QLatin1Char('"')))
                problems << QStringLiteral("%1: straight quotes in \"%2\"").arg(at, t);
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) +
                        problems.join(QLatin1Char('\n'))));
    qInfo("%s: %d messages, all finished", qPrintable(file), int(messages.size()));
}

void TestTranslationFiles::compiledTranslationsMatch_data()
{
    isCompleteAndConsistent_data();
}

void TestTranslationFiles::compiledTranslationsMatch()
{
    QFETCH(QString, language);
    const QString file = QStringLiteral("equiscope_%1.ts").arg(language);
    QString declared, error;
    const QList<Message> messages = readTs(tsPath(file), &declared, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/equiscope_%1.qm").arg(language)),
             "the .qm file is not compiled into the widgets library");
    QStringList stale;
    for (const Message &m : messages) {
        const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8(),
                         comment = m.comment.toUtf8();
        if (m.numerus) {
            // n = 1 takes the first form and n = 5 the second in both languages.
            const QString one = translator.translate(
                context, source, comment.isEmpty() ? nullptr : comment.constData(), 1);
            const QString many = translator.translate(
                context, source, comment.isEmpty() ? nullptr : comment.constData(), 5);
            if (one != m.translations.value(0) || many != m.translations.value(1))
                stale << where(file, m);
        } else if (translator.translate(context, source,
                                        comment.isEmpty() ? nullptr : comment.constData()) !=
                   m.translations.value(0)) {
            stale << where(file, m);
        }
    }
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("the compiled .qm differs:\n") +
                                         stale.join(QLatin1Char('\n'))));
}

void TestTranslationFiles::bothLanguagesHaveTheSameMessages()
{
    QSet<QString> keys[2];
    int i = 0;
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("fr")}) {
        QString declared, error;
        const QList<Message> messages =
            readTs(tsPath(QStringLiteral("equiscope_%1.ts").arg(language)), &declared, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const Message &m : messages)
            keys[i].insert(m.context + QChar(0) + m.source + QChar(0) + m.comment);
        ++i;
    }
    QCOMPARE(keys[0].size(), keys[1].size());
    QVERIFY(keys[0] == keys[1]);
}

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translationfiles.moc"
