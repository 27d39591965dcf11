#pragma once

#include "families/methodfamily.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace equiscope {

/// The methods of every registered family (FamilyRegistry) as the launchers show them: titles,
/// descriptions, option labels and tool tips translated into the interface language.
class MethodRegistry
{
public:
    /// The registry in the current interface language.
    static const MethodRegistry &instance();

    const QList<MethodInfo> &methods() const { return m_methods; }
    /// The methods of @p family, in the family's order.
    QList<MethodInfo> methodsOf(RunFamily family) const;
    /// The registered families' names ("fare", "fair-ssl", "clustering"), in order.
    QStringList families() const;
    /// nullptr when there is no method called @p name.
    const MethodInfo *method(const QString &name) const;
    /// A text of the option tables (kMethodTextContext) in the interface language.
    static QString translate(const QString &text);

private:
    MethodRegistry();
    QList<MethodInfo> m_methods;
};

} // namespace equiscope
