// Rules that keep the source tree the way docs/design/architecture.md ("Layout checks")
// describes it: no source file past 600 lines, no method family recognised by comparing its
// name outside the registry and the family folders, and every document a comment cites exists
// in this repository, and the device-generic engines create no tensor on an implicit device
// (docs/design/gpu.md). (Which folder may include which is checked at configure time:
// cmake/EquiscopeLayering.cmake.)
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QString kRoot = QStringLiteral(EQUISCOPE_SOURCE_DIR);

struct SourceFile
{
    QString path; ///< relative to the repository
    QStringList lines;
};

QList<SourceFile> sources(const QStringList &folders)
{
    QList<SourceFile> result;
    for (const QString &folder : folders) {
        QDirIterator it(kRoot + QLatin1Char('/') + folder,
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            SourceFile s;
            s.path = QDir(kRoot).relativeFilePath(file);
            s.lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
            if (!s.lines.isEmpty() && s.lines.last().isEmpty())
                s.lines.removeLast();
            result.append(s);
        }
    }
    return result;
}

const QStringList kSourceFolders{QStringLiteral("core"), QStringLiteral("widgets"),
                                 QStringLiteral("app"), QStringLiteral("tests"),
                                 QStringLiteral("bench")};

// The code of a line without its // comment (string literals with // are rare enough here).
QString codeOf(const QString &line)
{
    const int comment = int(line.indexOf(QLatin1String("//")));
    return comment < 0 ? line : line.left(comment);
}

// Tensor factories in `text` whose arguments name no device or options: on a GPU each would put
// a tensor on the CPU next to device tensors. Allowed: options / a device / the host named in the
// arguments, a factory moved at once (`.to(`), a module parameter (moved with its module).
QStringList tensorsOnAnImplicitDevice(const QString &text, int *calls)
{
    static const QRegularExpression factory(QStringLiteral(
        "torch::(eye|arange|zeros|ones|full|empty|randn|rand|randint|randperm|tensor|"
        "from_blob|linspace)\\("));
    static const QRegularExpression named(
        QStringLiteral("options|opts|Opts|device|Device|host|Host|kCPU"));
    QStringList found;
    auto it = factory.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        qsizetype i = m.capturedEnd(), depth = 1;
        while (i < text.size() && depth > 0) {
            depth += text[i] == QLatin1Char('(') ? 1 : text[i] == QLatin1Char(')') ? -1 : 0;
            ++i;
        }
        ++*calls;
        const QString args = text.mid(m.capturedEnd(), i - 1 - m.capturedEnd());
        const bool movedAtOnce = text.mid(i, 4) == QLatin1String(".to(");
        const bool parameter = text.mid(std::max<qsizetype>(0, m.capturedStart() - 40), 40)
                                   .contains(QLatin1String("register_parameter"));
        if (!named.match(args).hasMatch() && !movedAtOnce && !parameter)
            found << QStringLiteral("line %1: %2")
                         .arg(text.left(m.capturedStart()).count(QLatin1Char('\n')) + 1)
                         .arg(text.mid(m.capturedStart(), i - m.capturedStart()).simplified());
    }
    return found;
}

} // namespace

class TestSourceRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeIsThere();
    void noFileOverSixHundredLines();
    void familiesAreNotRecognisedByName();
    void commentsCiteDocumentsOfThisRepository();
    void deviceGenericCodeNamesTheDeviceOfEveryTensor();
};

void TestSourceRules::treeIsThere()
{
    // Guards the other checks: they must never pass because they found nothing.
    QVERIFY2(sources(kSourceFolders).size() > 300, qPrintable(kRoot));
}

void TestSourceRules::noFileOverSixHundredLines()
{
    QStringList tooLong;
    for (const SourceFile &s : sources(kSourceFolders))
        if (s.lines.size() > 600)
            tooLong << QStringLiteral("%1: %2 lines").arg(s.path).arg(s.lines.size());
    QVERIFY2(tooLong.isEmpty(), qPrintable(tooLong.join(QLatin1Char('\n'))));
}

void TestSourceRules::familiesAreNotRecognisedByName()
{
    // A family id compared with a string, or a method name probed for a family's prefix: both
    // belong in the family's folder, reached through FamilyRegistry / MethodFamily.
    const QString ids = QStringLiteral("(fare|fair-ssl|clustering)");
    const QString literal = QStringLiteral("(QLatin1String|QStringLiteral|QString|u)?\\(?\"");
    const QList<QRegularExpression> patterns{
        QRegularExpression(QStringLiteral("(==|!=)\\s*") + literal + ids + QStringLiteral("\"")),
        QRegularExpression(QStringLiteral("\"") + ids + QStringLiteral("\"\\)?\\s*(==|!=)")),
        QRegularExpression(QStringLiteral("\\.(contains|startsWith|endsWith)\\(") + literal +
                           QStringLiteral("(fare|sparse|fair|transformer|simclr|supcon|knn|"
                                          "kmeans|clustering)")),
    };
    const QStringList allowed{QStringLiteral("core/families/"), QStringLiteral("core/fare/"),
                              QStringLiteral("core/fairssl/"), QStringLiteral("core/clustering/"),
                              QStringLiteral("tests/")};
    QStringList found;
    int scanned = 0;
    for (const SourceFile &s : sources(kSourceFolders)) {
        bool inAllowed = false;
        for (const QString &a : allowed)
            inAllowed = inAllowed || s.path.startsWith(a);
        if (inAllowed)
            continue;
        ++scanned;
        for (int i = 0; i < s.lines.size(); ++i)
            for (const QRegularExpression &p : patterns)
                if (p.match(codeOf(s.lines[i])).hasMatch())
                    found << QStringLiteral("%1:%2: %3")
                                 .arg(s.path)
                                 .arg(i + 1)
                                 .arg(s.lines[i].trimmed());
    }
    QVERIFY(scanned > 100);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));

    // The patterns do catch what they are for.
    const QStringList caught{
        QStringLiteral("if (run.family == QLatin1String(\"fair-ssl\"))"),
        QStringLiteral("run.method.contains(QLatin1String(\"fare\"), Qt::CaseInsensitive)"),
        QStringLiteral("info->name.startsWith(QLatin1String(\"transformer\"))")};
    for (const QString &line : caught) {
        bool hit = false;
        for (const QRegularExpression &p : patterns)
            hit = hit || p.match(line).hasMatch();
        QVERIFY2(hit, qPrintable(line));
    }
}

void TestSourceRules::commentsCiteDocumentsOfThisRepository()
{
    // Every document a source cites is in the repository; the specification files the project
    // started from are not, so citing them by bare name is an error.
    const QRegularExpression cited(QStringLiteral("\\b(docs/[A-Za-z0-9_./-]+\\.md)"));
    const QRegularExpression bare(
        QStringLiteral("(?<![/A-Za-z-])(specs/|(fare|fair-ssl|fair-clustering|metrics|datasets|"
                       "design|performance)\\.md)"));
    QStringList problems;
    int citations = 0;
    QList<SourceFile> files = sources(kSourceFolders + QStringList{QStringLiteral("cmake")});
    for (const SourceFile &s : files) {
        if (s.path == QLatin1String("tests/core/tst_sourcerules.cpp")) // its own patterns
            continue;
        for (int i = 0; i < s.lines.size(); ++i) {
            const QString &line = s.lines[i];
            auto it = cited.globalMatch(line);
            while (it.hasNext()) {
                const QString doc = it.next().captured(1);
                ++citations;
                if (!QFileInfo::exists(kRoot + QLatin1Char('/') + doc))
                    problems << QStringLiteral("%1:%2: cites %3, which does not exist")
                                    .arg(s.path)
                                    .arg(i + 1)
                                    .arg(doc);
            }
            if (bare.match(line).hasMatch())
                problems << QStringLiteral("%1:%2: cites a document outside the repository: %3")
                                .arg(s.path)
                                .arg(i + 1)
                                .arg(line.trimmed());
        }
    }
    QVERIFY(citations > 20);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestSourceRules::deviceGenericCodeNamesTheDeviceOfEveryTensor()
{
    // The checker itself: a bare factory is caught, the allowed forms are not.
    int calls = 0;
    QCOMPARE(
        tensorsOnAnImplicitDevice(QStringLiteral("auto m = torch::eye(b, torch::kBool);"), &calls)
            .size(),
        1);
    QVERIFY(tensorsOnAnImplicitDevice(
                QStringLiteral("torch::eye(b, u.options()); torch::tensor(v, torch::kLong)"
                               ".to(device); register_parameter(\"W\", torch::eye(3));"),
                &calls)
                .isEmpty());
    // The files whose code runs on the inputs' device (docs/design/gpu.md, "What runs where").
    const QStringList deviceGeneric{QStringLiteral("core/losses/cclkloss.cpp"),
                                    QStringLiteral("core/losses/fairinfonceloss.cpp"),
                                    QStringLiteral("core/losses/fareloss.cpp"),
                                    QStringLiteral("core/losses/infonceloss.cpp"),
                                    QStringLiteral("core/losses/lossevaluation.cpp"),
                                    QStringLiteral("core/losses/sparsefareloss.cpp"),
                                    QStringLiteral("core/losses/weightednegatives.cpp"),
                                    QStringLiteral("core/fairssl/supconloss.cpp"),
                                    QStringLiteral("core/fairssl/metaweightnet.cpp"),
                                    QStringLiteral("core/fairssl/trainstage.cpp"),
                                    QStringLiteral("core/fare/gradcam.cpp"),
        QStringLiteral("core/clustering/clusteringloss.cpp"),
        QStringLiteral("core/clustering/clusteringmodel.cpp")};
    QStringList problems;
    calls = 0;
    for (const QString &path : deviceGeneric) {
        QFile f(kRoot + QLatin1Char('/') + path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QString code;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')))
            code += codeOf(line) + QLatin1Char('\n');
        for (const QString &p : tensorsOnAnImplicitDevice(code, &calls))
            problems << path + QLatin1Char(':') + p;
    }
    QVERIFY(calls > 30);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestSourceRules)
#include "tst_sourcerules.moc"
