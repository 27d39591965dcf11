#include "launch/methodregistry.h"

#include "families/familyregistry.h"
#include "shell/translations.h"

#include <QHash>

namespace equiscope {

QString MethodRegistry::translate(const QString &text)
{
    return text.isEmpty()
               ? text
               : QCoreApplication::translate(kMethodTextContext, text.toUtf8().constData());
}

MethodRegistry::MethodRegistry()
{
    for (const MethodFamily *family : FamilyRegistry::instance().families()) {
        for (MethodInfo m : family->methods()) {
            m.title = translate(m.title);
            m.description = translate(m.description);
            for (MethodOption &o : m.options) {
                o.label = translate(o.label);
                o.toolTip = translate(o.toolTip);
            }
            m_methods.append(m);
        }
    }
}

const MethodRegistry &MethodRegistry::instance()
{
    // Texts are translated when a registry is built: one registry per interface language (a
    // process switches language only in tests, but then the launcher must not keep the first
    // language's texts). Never freed, so handed-out pointers stay valid.
    static QHash<QString, const MethodRegistry *> registries;
    const QString language = Translations::current();
    const MethodRegistry *&registry = registries[language];
    if (!registry)
        registry = new MethodRegistry;
    return *registry;
}

QList<MethodInfo> MethodRegistry::methodsOf(RunFamily family) const
{
    QList<MethodInfo> result;
    for (const MethodInfo &m : m_methods)
        if (m.family == family)
            result.append(m);
    return result;
}

QStringList MethodRegistry::families() const
{
    QStringList result;
    for (const MethodFamily *family : FamilyRegistry::instance().families())
        result.append(family->name());
    return result;
}

const MethodInfo *MethodRegistry::method(const QString &name) const
{
    for (const MethodInfo &m : m_methods)
        if (m.name == name)
            return &m;
    return nullptr;
}

} // namespace equiscope
