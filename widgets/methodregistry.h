#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace equiscope {

/// One option of a method, as the launcher shows it: the key is the LossConfig JSON key (FARE
/// family), the FairSslConfig JSON path (fair-ssl family, e.g. "dedup.threshold") or the
/// ClusteringConfig JSON key (clustering family).
struct MethodOption
{
    enum class Kind
    {
        Real,
        Integer,
        Choice,
        Flag
    };
    QString key;
    QString label;
    Kind kind = Kind::Real;
    QVariant defaultValue;
    double minimum = 0;
    double maximum = 0;
    int decimals = 4;
    QStringList choices; ///< for Kind::Choice
    QString toolTip;     ///< explains what the option does
};

/// One trainable method: its name (as RunConfig/LossConfig spell it), its family, a description
/// and the options that apply to it.
struct MethodInfo
{
    QString name;
    QString family; ///< "fare", "fair-ssl" or "clustering"
    QString title;
    QString description;
    QList<MethodOption> options;
};

/// The table of methods the launcher offers. Table-driven: adding a family is adding entries.
class MethodRegistry
{
    Q_DECLARE_TR_FUNCTIONS(MethodRegistry)

public:
    /// The registry with every built-in method.
    static const MethodRegistry &instance();

    const QList<MethodInfo> &methods() const { return m_methods; }
    QStringList families() const;
    /// nullptr when there is no method called @p name.
    const MethodInfo *method(const QString &name) const;
    void add(const MethodInfo &info) { m_methods.append(info); }

private:
    MethodRegistry();
    void addFairSslFamily();
    void addClusteringMethods();
    QList<MethodInfo> m_methods;
};

} // namespace equiscope
