#include "families/familyregistry.h"

#include "store/runstore.h"

namespace equiscope {

const FamilyRegistry &FamilyRegistry::instance()
{
    static const FamilyRegistry registry = [] {
        FamilyRegistry r;
        registerBuiltinFamilies(r);
        return r;
    }();
    return registry;
}

void FamilyRegistry::add(std::unique_ptr<MethodFamily> family)
{
    m_families.push_back(std::move(family));
}

QList<const MethodFamily *> FamilyRegistry::families() const
{
    QList<const MethodFamily *> result;
    for (const auto &f : m_families)
        result.append(f.get());
    return result;
}

const MethodFamily *FamilyRegistry::family(RunFamily id) const
{
    for (const auto &f : m_families)
        if (f->id() == id)
            return f.get();
    return nullptr;
}

const MethodFamily *FamilyRegistry::familyNamed(const QString &name) const
{
    for (const auto &f : m_families)
        if (f->name() == name)
            return f.get();
    return nullptr;
}

const MethodFamily *FamilyRegistry::familyOfMethod(const QString &method) const
{
    for (const auto &f : m_families)
        if (f->hasMethod(method))
            return f.get();
    return nullptr;
}

Expected<const MethodFamily *> FamilyRegistry::familyOfConfig(const QJsonObject &config) const
{
    const auto unknown = [](const QString &field, const QString &expected, const QString &found) {
        DataError e;
        e.field = field;
        e.expected = expected;
        e.found = found;
        return e;
    };
    QStringList familyNames;
    for (const auto &f : m_families)
        familyNames << f->name();
    if (config.contains(QStringLiteral("family"))) {
        const QString name = config.value(QStringLiteral("family")).toString();
        if (const MethodFamily *f = familyNamed(name))
            return f;
        return unknown(QStringLiteral("family"), familyNames.join(QStringLiteral(", ")),
                       QStringLiteral("'%1'").arg(name));
    }
    if (config.contains(QStringLiteral("method"))) {
        const QString method = config.value(QStringLiteral("method")).toString();
        if (const MethodFamily *f = familyOfMethod(method))
            return f;
        return unknown(QStringLiteral("method"), methodNames().join(QStringLiteral(", ")),
                       QStringLiteral("'%1'").arg(method));
    }
    if (m_families.empty())
        return unknown(QStringLiteral("family"), QStringLiteral("a registered family"),
                       QStringLiteral("none registered"));
    return static_cast<const MethodFamily *>(m_families.front().get());
}

QList<MethodInfo> FamilyRegistry::methods() const
{
    QList<MethodInfo> result;
    for (const auto &f : m_families)
        result += f->methods();
    return result;
}

std::optional<MethodInfo> FamilyRegistry::method(const QString &name) const
{
    for (const auto &f : m_families)
        for (const MethodInfo &m : f->methods())
            if (m.name == name)
                return m;
    return std::nullopt;
}

QStringList FamilyRegistry::methodNames() const
{
    QStringList names;
    for (const MethodInfo &m : methods())
        names << m.name;
    return names;
}

RunJob *FamilyRegistry::resume(const QString &runId, const QString &storePath, QString *error,
                               QObject *parent) const
{
    auto fail = [error](const QString &message) -> RunJob * {
        if (error)
            *error = message;
        return nullptr;
    };
    RunFamily id = RunFamily::Fare;
    {
        auto store = RunStore::open(storePath);
        if (!store)
            return fail(store.error().toString());
        auto run = store.value()->run(runId);
        if (!run)
            return fail(run.error().toString());
        id = run->family;
    }
    if (const MethodFamily *f = family(id))
        return f->resumeJob(runId, storePath, parent);
    return fail(QStringLiteral("run %1 belongs to the %2 family, which this build cannot resume")
                    .arg(runId, runFamilyName(id)));
}

} // namespace equiscope
