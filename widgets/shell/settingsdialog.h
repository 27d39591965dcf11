#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace equiscope {

/// File → Settings: the interface language (system default, English, Deutsch, Français).
/// Accepting stores the choice (LanguageSettings); Equiscope shows it from the next start, so
/// running jobs and the opened dataset are never touched by a switch.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    /// The code chosen in the dialog ("" = system default).
    QString language() const;
    /// Selects @p code ("" = system default) as if a person picked it.
    void setLanguage(const QString &code);
    /// True after accept() when the stored language differs from the one before.
    bool languageChanged() const { return m_changed; }

    QComboBox *languageBox() const { return m_language; }

    void accept() override;

private:
    void updateNote();

    QComboBox *m_language = nullptr;
    QLabel *m_note = nullptr;
    QString m_initial;
    bool m_changed = false;
};

} // namespace equiscope
