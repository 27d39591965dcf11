#include "shell/apptheme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace equiscope {

namespace {

const QString kThemeKey = QStringLiteral("appearance/theme");

// Fusion draws the frame of a check box or radio button in the window colour darkened, which
// on a dark window is all but invisible (1.1:1 against the field). In a dark palette this style
// draws that frame again in indicatorFrameColour(), at least 3:1 against the window and the
// field (WCAG AA for controls).
class DarkIndicatorStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool box =
            element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
        if ((!box && element != PE_IndicatorRadioButton) ||
            option->palette.color(QPalette::WindowText).lightness() <=
                option->palette.color(QPalette::Window).lightness())
            return;
        if (option->state & State_HasFocus && option->state & State_KeyboardFocusChange)
            return; // Fusion's focus frame (the highlight colour) already stands out
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(indicatorFrameColour(), 1));
        const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -1.5, -1.5);
        if (box)
            painter->drawRect(r);
        else
            painter->drawEllipse(r);
        painter->restore();
    }
};

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), mid(90, 90, 95);
    // White on the highlight reaches 5.7:1 (WCAG AA); the lighter blue (42, 130, 218) had 4:1.
    const QColor highlight(28, 103, 190), disabled(140, 140, 140);
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = g == QPalette::Disabled;
        p.setColor(g, QPalette::Window, window);
        p.setColor(g, QPalette::WindowText, off ? disabled : text);
        p.setColor(g, QPalette::Base, base);
        p.setColor(g, QPalette::AlternateBase, QColor(40, 40, 43));
        p.setColor(g, QPalette::ToolTipBase, QColor(60, 60, 64));
        p.setColor(g, QPalette::ToolTipText, text);
        // Hint text sits on the window as well as in fields: 5.3:1 on the window (WCAG AA asks
        // 4.5:1); the disabled grey (140) only reached 4.1:1.
        p.setColor(g, QPalette::PlaceholderText, QColor(160, 160, 164));
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
            QApplication::setStyle(new DarkIndicatorStyle(fusion));
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

QColor indicatorFrameColour()
{
    return QColor(128, 128, 134);
}

bool isDarkPalette()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::WindowText).lightness() > p.color(QPalette::Window).lightness();
}

} // namespace equiscope
