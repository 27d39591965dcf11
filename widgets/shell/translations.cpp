#include "shell/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace equiscope {

namespace {

struct Installed
{
    QString language = QStringLiteral("en");
    QList<QPointer<QTranslator>> translators;
};

Installed &installed()
{
    static Installed state;
    return state;
}

QTranslator *loadTranslator(const QString &file, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(file, directory))
        return translator;
    delete translator;
    return nullptr;
}

} // namespace

QList<Translations::Language> Translations::available()
{
    // Each name is written in its own language (and never translated): a person who cannot
    // read the current interface language still finds theirs.
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

bool Translations::isAvailable(const QString &code)
{
    for (const Language &l : available())
        if (l.code == code)
            return true;
    return false;
}

QString Translations::resolve(const QString &setting, const QStringList &uiLanguages)
{
    if (isAvailable(setting))
        return setting;
    for (const QString &ui : uiLanguages) {
        // "de-CH", "fr_FR", "en": the language part decides.
        const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0);
        if (isAvailable(code.toLower()))
            return code.toLower();
    }
    return QStringLiteral("en");
}

QString Translations::install(const QString &setting)
{
    Installed &state = installed();
    for (const QPointer<QTranslator> &t : std::as_const(state.translators)) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    state.translators.clear();
    state.language = QStringLiteral("en");

    const QString language = resolve(setting);
    // Dates and numbers in the interface language: the system's own conventions when it speaks
    // that language (en_GB dates stay British) or is the neutral C locale in English, the
    // language's default ones otherwise.
    const QLocale system = QLocale::system();
    const bool keepSystem = QLocale::languageToCode(system.language()) == language ||
                            (system.language() == QLocale::C && language == QLatin1String("en"));
    QLocale::setDefault(keepSystem ? system : QLocale(language));
    if (language == QLatin1String("en"))
        return state.language; // the source texts are English
    QTranslator *own =
        loadTranslator(QStringLiteral("equiscope_%1").arg(language), QStringLiteral(":/i18n"));
    if (!own) {
        qWarning("equiscope: no translation for '%s' compiled in; using English",
                 qPrintable(language));
        return state.language;
    }
    // Qt's own texts first, then ours: the translator installed last is asked first.
    if (QTranslator *qt = loadTranslator(QStringLiteral("qtbase_%1").arg(language),
                                         QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        state.translators.append(qt);
    }
    QCoreApplication::installTranslator(own);
    state.translators.append(own);
    state.language = language;
    return language;
}

QString Translations::current()
{
    return installed().language;
}

} // namespace equiscope
