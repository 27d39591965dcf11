#include "shell/languagesettings.h"

#include "shell/translations.h"

#include <QSettings>

namespace equiscope {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

QString LanguageSettings::language() const
{
    const QString code = QSettings().value(kLanguage).toString();
    // A hand-edited or future code falls back to the system language instead of English.
    return Translations::isAvailable(code) ? code : QString();
}

void LanguageSettings::setLanguage(const QString &code)
{
    QSettings().setValue(kLanguage, Translations::isAvailable(code) ? code : QString());
}

} // namespace equiscope
