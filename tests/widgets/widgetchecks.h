#pragma once
// Checks shared by the accessibility and language tests: accessible names, keyboard reach
// (the real Tab chain), menu accelerators and clashing mnemonics. Each returns problems as
// readable lines; an empty list means the check passed.

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

namespace widgetchecks {

/// The letter after a single '&' ("&&" is a literal ampersand), lower-cased; null if none.
inline QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

/// How a widget shows up in a failure message.
inline QString describe(const QWidget *w)
{
    QString text = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        text += QLatin1Char('#') + w->objectName();
    if (!w->accessibleName().isEmpty())
        text += QStringLiteral(" \"%1\"").arg(w->accessibleName());
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (QString::fromLatin1(p->metaObject()->className())
                .startsWith(QLatin1String("equiscope::"))) {
            text += QStringLiteral(" in %1").arg(QString::fromLatin1(p->metaObject()->className()));
            break;
        }
    }
    return text;
}

/// The label whose buddy is @p w, if any (what screen readers announce via the label relation).
inline const QLabel *buddyLabel(const QWidget *w)
{
    for (const QLabel *label : w->window()->findChildren<QLabel *>())
        if (label->buddy() == w && !label->text().isEmpty())
            return label;
    return nullptr;
}

/// The name an assistive technology gets: an explicit accessible name, a buddy label, a
/// button's or group box's own text, or what the widget's accessible interface reports.
inline QString accessibleName(QWidget *w)
{
    if (!w->accessibleName().isEmpty())
        return w->accessibleName();
    if (const QLabel *label = buddyLabel(w))
        return label->text();
    if (auto *button = qobject_cast<QAbstractButton *>(w); button && !button->text().isEmpty())
        return button->text();
    if (auto *box = qobject_cast<QGroupBox *>(w); box && !box->title().isEmpty())
        return box->title();
    if (auto *bar = qobject_cast<QTabBar *>(w)) {
        // A tab bar is announced with its current tab.
        if (bar->currentIndex() >= 0 && !bar->tabText(bar->currentIndex()).isEmpty())
            return bar->tabText(bar->currentIndex());
    }
    return {};
}

/// Widgets a person should reach with Tab inside @p root: visible, enabled, taking Tab focus
/// themselves (not through a proxy such as a spin box's line edit).
inline QList<QWidget *> tabStops(QWidget *root)
{
    QList<QWidget *> out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->isEnabled() || w->focusProxy())
            continue;
        if ((w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus)
            out << w;
    }
    return out;
}

/// Presses Tab from the current focus widget until the focus is back where it started; the
/// widgets visited in order. @p trapped names a widget that kept the focus (a focus trap) or
/// is empty.
inline QList<QWidget *> walkTabChain(int maxSteps, QString *trapped)
{
    QList<QWidget *> visited;
    QWidget *start = QApplication::focusWidget();
    if (!start) {
        *trapped = QStringLiteral("nothing has the focus");
        return visited;
    }
    visited << start;
    QWidget *previous = start;
    int samePresses = 0;
    for (int step = 0; step < maxSteps; ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (!now) {
            *trapped = QStringLiteral("the focus left the window after %1").arg(describe(previous));
            return visited;
        }
        if (now == start)
            return visited;
        if (now == previous) {
            // Item views may move through their cells first; a widget keeping the focus for
            // many presses traps the keyboard.
            if (++samePresses > 50) {
                *trapped = describe(now);
                return visited;
            }
            continue;
        }
        samePresses = 0;
        if (!visited.contains(now))
            visited << now;
        previous = now;
    }
    *trapped = QStringLiteral("no cycle back to the start within %1 presses").arg(maxSteps);
    return visited;
}

/// Items without an accelerator and accelerators used twice, per menu (submenus separately).
inline QStringList menuProblems(const QMenu *menu, const QString &path)
{
    QStringList problems;
    QHash<QChar, QString> used;
    for (const QAction *a : menu->actions()) {
        if (a->isSeparator() || a->text().isEmpty() || !a->isVisible())
            continue;
        // Lists filled from data (recent files) carry paths, not accelerators.
        if (a->property("equiscope.noAccelerator").toBool() || !a->isEnabled())
            continue;
        const QChar key = mnemonic(a->text());
        if (key.isNull())
            problems << QStringLiteral("%1: \"%2\" has no accelerator").arg(path, a->text());
        else if (used.contains(key))
            problems << QStringLiteral("%1: &%2 in \"%3\" and \"%4\"")
                            .arg(path, key, used.value(key), a->text());
        else
            used.insert(key, a->text());
        if (a->menu())
            problems << menuProblems(a->menu(), path + QStringLiteral(" → ") + a->text());
    }
    return problems;
}

inline QStringList menuBarProblems(const QMenuBar *bar)
{
    QStringList problems;
    QHash<QChar, QString> used;
    for (const QAction *a : bar->actions()) {
        const QChar key = mnemonic(a->text());
        if (key.isNull())
            problems << QStringLiteral("menu bar: \"%1\" has no accelerator").arg(a->text());
        else if (used.contains(key))
            problems << QStringLiteral("menu bar: &%1 in \"%2\" and \"%3\"")
                            .arg(key, used.value(key), a->text());
        else
            used.insert(key, a->text());
        if (a->menu())
            problems << menuProblems(a->menu(), a->text());
    }
    return problems;
}

/// Alt+letter mnemonics that clash among the visible widgets under @p root (label buddies,
/// buttons, check boxes, group boxes, tabs) and the menu bar's titles: Qt fires neither.
inline QStringList mnemonicClashes(QWidget *root, const QMenuBar *bar)
{
    QStringList problems;
    QHash<QChar, QString> used;
    auto add = [&](const QString &text, const QString &owner) {
        const QChar key = mnemonic(text);
        if (key.isNull())
            return;
        if (used.contains(key))
            problems
                << QStringLiteral("Alt+%1: \"%2\" and \"%3\"").arg(key, used.value(key), owner);
        else
            used.insert(key, owner);
    };
    if (bar)
        for (const QAction *a : bar->actions())
            add(a->text(), QStringLiteral("menu %1").arg(a->text()));
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(label->text(), label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text(), button->text());
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(box->title(), box->title());
        else if (auto *tabs = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i), tabs->tabText(i));
    }
    return problems;
}

} // namespace widgetchecks
