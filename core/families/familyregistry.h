#pragma once

#include "families/methodfamily.h"

#include <memory>
#include <optional>
#include <vector>

namespace equiscope {

/// The method families this build knows, in the order launchers list them. The CLI, the GUI,
/// reports, bundles and resume ask it which family a run, a config or a method belongs to and
/// what that family offers, instead of comparing names.
class FamilyRegistry
{
public:
    /// The registry with every built-in family (families/builtinfamilies.cpp).
    static const FamilyRegistry &instance();

    QList<const MethodFamily *> families() const;
    /// nullptr when no registered family has that id / name.
    const MethodFamily *family(RunFamily id) const;
    const MethodFamily *familyNamed(const QString &name) const;
    const MethodFamily *familyOfMethod(const QString &method) const;
    /// The family a run config belongs to: its "family" key, else the family of its "method",
    /// else the first family (FARE configs written before the key existed). A DataError names
    /// an unknown family or method.
    Expected<const MethodFamily *> familyOfConfig(const QJsonObject &config) const;
    /// Every method of every family, in order.
    QList<MethodInfo> methods() const;
    std::optional<MethodInfo> method(const QString &name) const;
    /// Every method name of every family.
    QStringList methodNames() const;

    /// Resumes run @p runId of the store at @p storePath with its family's job; nullptr (and
    /// @p error set) when the run cannot be read or its family is not registered.
    RunJob *resume(const QString &runId, const QString &storePath, QString *error = nullptr,
                   QObject *parent = nullptr) const;

    void add(std::unique_ptr<MethodFamily> family);

private:
    std::vector<std::unique_ptr<MethodFamily>> m_families;
};

/// Registers the families of this build: one line per family.
void registerBuiltinFamilies(FamilyRegistry &registry);

} // namespace equiscope
