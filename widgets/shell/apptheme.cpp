#include "shell/apptheme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace equiscope {

namespace {

const QString kThemeKey = QStringLiteral("appearance/theme");

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), mid(90, 90, 95);
    const QColor highlight(42, 130, 218), disabled(140, 140, 140);
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = g == QPalette::Disabled;
        p.setColor(g, QPalette::Window, window);
        p.setColor(g, QPalette::WindowText, off ? disabled : text);
        p.setColor(g, QPalette::Base, base);
        p.setColor(g, QPalette::AlternateBase, QColor(40, 40, 43));
        p.setColor(g, QPalette::ToolTipBase, QColor(60, 60, 64));
        p.setColor(g, QPalette::ToolTipText, text);
        p.setColor(g, QPalette::PlaceholderText, disabled);
        p.setColor(g, QPalette::Text, off ? disabled : text);
        p.setColor(g, QPalette::Button, QColor(55, 55, 58));
        p.setColor(g, QPalette::ButtonText, off ? disabled : text);
        p.setColor(g, QPalette::BrightText, QColor(255, 90, 90));
        p.setColor(g, QPalette::Light, QColor(75, 75, 80));
        p.setColor(g, QPalette::Midlight, QColor(65, 65, 70));
        p.setColor(g, QPalette::Mid, mid);
        p.setColor(g, QPalette::Dark, QColor(25, 25, 27));
        p.setColor(g, QPalette::Shadow, QColor(10, 10, 10));
        p.setColor(g, QPalette::Highlight, off ? mid : highlight);
        p.setColor(g, QPalette::HighlightedText, Qt::white);
        p.setColor(g, QPalette::Link, QColor(86, 180, 233));
        p.setColor(g, QPalette::LinkVisited, QColor(204, 121, 167));
    }
    return p;
}

} // namespace

QString appThemeName(AppTheme theme)
{
    switch (theme) {
    case AppTheme::Light:
        return QStringLiteral("light");
    case AppTheme::Dark:
        return QStringLiteral("dark");
    case AppTheme::System:
        break;
    }
    return QStringLiteral("system");
}

AppTheme appThemeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return AppTheme::Light;
    if (name == QLatin1String("dark"))
        return AppTheme::Dark;
    return AppTheme::System;
}

void applyAppTheme(AppTheme theme)
{
    switch (theme) {
    case AppTheme::System:
        // A default palette has no role set: Qt resolves every role against the platform theme
        // again, and keeps doing so when the desktop switches between light and dark.
        QApplication::setPalette(QPalette());
        break;
    case AppTheme::Light:
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case AppTheme::Dark:
        // Fusion draws every control from the palette; native styles may ignore a dark one.
        if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
            QApplication::setStyle(fusion);
        QApplication::setPalette(darkPalette());
        break;
    }
}

AppTheme savedAppTheme()
{
    return appThemeFromName(QSettings().value(kThemeKey).toString());
}

void saveAppTheme(AppTheme theme)
{
    QSettings().setValue(kThemeKey, appThemeName(theme));
}

bool isDarkPalette()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::WindowText).lightness() > p.color(QPalette::Window).lightness();
}

} // namespace equiscope
