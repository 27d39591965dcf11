#pragma once

#include <QColor>
#include <QString>

namespace equiscope {

/// Light or dark appearance. System (the default) takes the palette of the desktop's platform
/// theme and follows it when it changes; Light and Dark override it.
enum class AppTheme
{
    System,
    Light,
    Dark
};

/// "system", "light", "dark".
QString appThemeName(AppTheme theme);
/// The theme called @p name; System for anything else.
AppTheme appThemeFromName(const QString &name);
/// Applies @p theme to the application palette; every view restyles its plots on the
/// PaletteChange event that follows.
void applyAppTheme(AppTheme theme);
/// The theme stored in the settings ("appearance/theme").
AppTheme savedAppTheme();
void saveAppTheme(AppTheme theme);
/// Whether the current application palette is dark (text lighter than the window).
bool isDarkPalette();
/// The frame of unchecked check boxes and radio buttons in the dark theme.
QColor indicatorFrameColour();

} // namespace equiscope
