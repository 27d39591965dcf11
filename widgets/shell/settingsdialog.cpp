#include "shell/settingsdialog.h"

#include "shell/languagesettings.h"
#include "shell/translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace equiscope {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    m_initial = LanguageSettings().language();

    m_language = new QComboBox;
    m_language->setAccessibleName(tr("Interface language"));
    QString systemName;
    const QString system = Translations::resolve(QString());
    for (const Translations::Language &l : Translations::available())
        if (l.code == system)
            systemName = l.name;
    m_language->addItem(tr("System default (%1)").arg(systemName), QString());
    for (const Translations::Language &l : Translations::available())
        m_language->addItem(l.name, l.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initial)));

    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("Language note"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_note);
    auto *interfaceBox = new QGroupBox(tr("Interface"));
    interfaceBox->setLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(interfaceBox);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateNote);
    updateNote();
    setMinimumWidth(420);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setLanguage(const QString &code)
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(code)));
}

void SettingsDialog::updateNote()
{
    // Widgets take their texts when they are built; rebuilding the window would lose the
    // monitor's curves and logs, so the switch waits for the next start.
    const bool differs = Translations::resolve(language()) != Translations::current();
    m_note->setText(differs ? tr("Equiscope shows the new language the next time it starts. "
                                 "Running jobs and the open dataset are not affected.")
                            : tr("This is the language shown now."));
}

void SettingsDialog::accept()
{
    m_changed = language() != m_initial;
    LanguageSettings().setLanguage(language());
    QDialog::accept();
}

} // namespace equiscope
