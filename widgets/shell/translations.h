#pragma once

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace equiscope {

/// The interface languages and their translators. Equiscope's own messages come from the .qm
/// files compiled into the widgets library (:/i18n/equiscope_<code>.qm); Qt's standard texts
/// (dialog buttons, file dialogs, context menus) from the Qt installation's qtbase_<code>.qm
/// when it is installed (Debian: qt6-translations-l10n).
class Translations
{
public:
    struct Language
    {
        QString code; ///< "en", "de", "fr"
        QString name; ///< in the language itself, as the settings dialog lists it
    };

    /// The languages Equiscope ships, English (the source language) first.
    static QList<Language> available();
    static bool isAvailable(const QString &code);
    /// The language @p setting stands for: itself when available, else (the empty "system
    /// default") the first of @p uiLanguages that is available, else English.
    static QString resolve(const QString &setting,
                           const QStringList &uiLanguages = QLocale::system().uiLanguages());
    /// Removes the translators of a previous call and installs those of resolve(@p setting)
    /// on the application. Call before building windows: widgets take their texts when they
    /// are built. Returns the language installed; English when a .qm file cannot be loaded.
    static QString install(const QString &setting);
    /// The language of the last install() ("en" before any).
    static QString current();
};

} // namespace equiscope
