#include "startoptions.h"

#include "families/familyregistry.h"
#include "shell/languagesettings.h"
#include "shell/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

namespace equiscope {

std::optional<StartOptions> parseStartOptions(const QApplication &app, int *exitCode)
{
    auto fail = [exitCode](const QString &message) -> std::optional<StartOptions> {
        qCritical("equiscope: %s", qPrintable(message));
        *exitCode = 2;
        return std::nullopt;
    };
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Equiscope — desktop fairness workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    // `--language CODE` shows that language for this start without changing the one chosen in
    // File → Settings. Command-line help and errors stay English, like equiscope-cli's.
    parser.addOption({QStringLiteral("language"),
                      QStringLiteral("Interface language for this start (en, de, fr); the "
                                     "default is the one chosen in File → Settings."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("screenshot"),
                      QStringLiteral("Write a PNG of the window and exit."),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("view"),
         QStringLiteral("View to show first (datasets, experiments, runs, compare, monitor; or "
                        "of the newest finished run: attention, saliency, embedding, "
                        "embedding-tsne, metrics, curves, leakage, subgroups, clustering, "
                        "cross-attention, pareto, compare-runs)."),
         QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("no-default"),
                      QStringLiteral("Do not open the default dataset at start.")});
    parser.addOption({QStringLiteral("dataset"),
                      QStringLiteral("Open this dataset at start instead of the default."),
                      QStringLiteral("FORMAT:PATH")});
    parser.addOption(
        {QStringLiteral("dataset-option"),
         QStringLiteral("Format option of --dataset (repeatable), e.g. imageSize=28 or "
                        "types=zip:categorical;age:continuous."),
         QStringLiteral("KEY=VALUE")});
    parser.addOption({QStringLiteral("sensitive"),
                      QStringLiteral("Sensitive attributes to pick in the launcher once the "
                                     "dataset is open (comma-separated)."),
                      QStringLiteral("A,B")});
    parser.addOption({QStringLiteral("dialog"),
                      QStringLiteral("Open a dialog at start: import (the dataset wizard), "
                                     "colorize (Create Colored MNIST) or associations (Scan "
                                     "Associations of the dataset)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("launch"),
                      QStringLiteral("Queue the run of a RunConfig JSON file at start."),
                      QStringLiteral("CONFIG")});
    parser.addOption({QStringLiteral("method"),
                      QStringLiteral("Method shown in the launcher (e.g. fair-ssl)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("run"), QStringLiteral("Run selected in the Runs view."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("tab"),
                      QStringLiteral("Run detail tab shown with --run (e.g. Stages)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("axes"), QStringLiteral("Pareto axes X,Y."), QStringLiteral("X,Y")});
    parser.addOption({QStringLiteral("theme"),
                      QStringLiteral("Appearance: system (default), light or dark."),
                      QStringLiteral("NAME")});
    parser.process(app);

    StartOptions o;
    o.theme = parser.isSet(QStringLiteral("theme"))
                  ? appThemeFromName(parser.value(QStringLiteral("theme")))
                  : savedAppTheme();
    o.language = LanguageSettings().language();
    if (parser.isSet(QStringLiteral("language"))) {
        o.language = parser.value(QStringLiteral("language"));
        if (!Translations::isAvailable(o.language))
            return fail(QStringLiteral("no language '%1' (en, de, fr)").arg(o.language));
    }
    o.screenshot = parser.value(QStringLiteral("screenshot"));
    o.view = parser.value(QStringLiteral("view"));
    o.noDefault = parser.isSet(QStringLiteral("no-default"));
    for (const QString &path : parser.values(QStringLiteral("launch"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1").arg(path));
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            return fail(QStringLiteral("%1: %2").arg(path, parseError.errorString()));
        // The family of the config decides how it is read and which job runs it.
        auto family = FamilyRegistry::instance().familyOfConfig(json);
        if (!family)
            return fail(QStringLiteral("%1: %2").arg(path, family.error().toString()));
        auto config = family.value()->parseConfig(json);
        if (!config)
            return fail(QStringLiteral("%1: %2").arg(path, config.error().toString()));
        o.launch.append(config.value());
    }
    if (parser.isSet(QStringLiteral("dataset"))) {
        const QString value = parser.value(QStringLiteral("dataset"));
        const int colon = int(value.indexOf(QLatin1Char(':')));
        if (colon <= 0)
            return fail(QStringLiteral("--dataset expects FORMAT:PATH, got '%1'").arg(value));
        o.dataset = DatasetSpec{value.left(colon), value.mid(colon + 1), {}};
        for (const QString &kv : parser.values(QStringLiteral("dataset-option"))) {
            const int eq = int(kv.indexOf(QLatin1Char('=')));
            if (eq <= 0)
                return fail(QStringLiteral("--dataset-option expects KEY=VALUE, got '%1'").arg(kv));
            const QString key = kv.left(eq), text = kv.mid(eq + 1);
            if (key == QLatin1String("types")) { // col:type;col2:type, as on the CLI
                QVariantMap types;
                for (const QString &pair : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                    types.insert(pair.section(QLatin1Char(':'), 0, 0),
                                 pair.section(QLatin1Char(':'), 1));
                o.dataset->options.insert(key, types);
            } else {
                o.dataset->options.insert(key, text);
            }
        }
    }
    o.dialog = parser.value(QStringLiteral("dialog"));
    if (!o.dialog.isEmpty() && o.dialog != QLatin1String("import") &&
        o.dialog != QLatin1String("colorize") && o.dialog != QLatin1String("associations"))
        return fail(
            QStringLiteral("no dialog named '%1' (import, colorize, associations)").arg(o.dialog));
    o.sensitive =
        parser.value(QStringLiteral("sensitive")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    o.method = parser.value(QStringLiteral("method"));
    o.run = parser.value(QStringLiteral("run"));
    o.tab = parser.value(QStringLiteral("tab"));
    if (parser.isSet(QStringLiteral("axes"))) {
        o.axes = parser.value(QStringLiteral("axes")).split(QLatin1Char(','));
        if (o.axes.size() != 2)
            return fail(QStringLiteral("--axes expects X,Y, got '%1'")
                            .arg(parser.value(QStringLiteral("axes"))));
    }
    return o;
}

} // namespace equiscope
