#pragma once

#include <QString>

namespace equiscope {

/// Typed access to the interface language in QSettings ("ui/language"): an empty code follows
/// the system, otherwise "en", "de" or "fr". Read at start (app/gui/main.cpp); the settings
/// dialog writes it.
class LanguageSettings
{
public:
    /// The stored choice; empty when the system language is followed (also for unknown codes).
    QString language() const;
    /// Stores @p code ("" = system default); an unknown code is stored as "".
    void setLanguage(const QString &code);
};

} // namespace equiscope
