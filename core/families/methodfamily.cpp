#include "families/methodfamily.h"

namespace equiscope {

MethodOption MethodOption::real(const QString &key, const char *label, double def, double min,
                                double max, const char *tip, int decimals)
{
    MethodOption o;
    o.key = key;
    o.label = QString::fromUtf8(label);
    o.kind = Kind::Real;
    o.defaultValue = def;
    o.minimum = min;
    o.maximum = max;
    o.decimals = decimals;
    o.toolTip = QString::fromUtf8(tip);
    return o;
}

MethodOption MethodOption::integer(const QString &key, const char *label, int def, int min, int max,
                                   const char *tip)
{
    MethodOption o = real(key, label, def, min, max, tip, 0);
    o.kind = Kind::Integer;
    o.defaultValue = def;
    return o;
}

MethodOption MethodOption::choice(const QString &key, const char *label, const QStringList &choices,
                                  const char *tip)
{
    MethodOption o;
    o.key = key;
    o.label = QString::fromUtf8(label);
    o.kind = Kind::Choice;
    o.choices = choices;
    o.defaultValue = choices.value(0);
    o.toolTip = QString::fromUtf8(tip);
    return o;
}

MethodOption MethodOption::flag(const QString &key, const char *label, bool def, const char *tip)
{
    MethodOption o;
    o.key = key;
    o.label = QString::fromUtf8(label);
    o.kind = Kind::Flag;
    o.defaultValue = def;
    o.toolTip = QString::fromUtf8(tip);
    return o;
}

QString runViewName(RunView view)
{
    switch (view) {
    case RunView::Metrics:
        return QStringLiteral("metrics");
    case RunView::Curves:
        return QStringLiteral("curves");
    case RunView::Saliency:
        return QStringLiteral("saliency");
    case RunView::Embedding:
        return QStringLiteral("embedding");
    case RunView::Attention:
        return QStringLiteral("attention");
    case RunView::FairSslStages:
        return QStringLiteral("fair-ssl-stages");
    case RunView::FairSslWeights:
        return QStringLiteral("fair-ssl-weights");
    case RunView::FairSslGroups:
        return QStringLiteral("fair-ssl-groups");
    case RunView::Clustering:
        return QStringLiteral("clustering");
    case RunView::CrossAttention:
        return QStringLiteral("cross-attention");
    }
    return {};
}

MethodFamily::~MethodFamily() = default;

QString MethodFamily::name() const
{
    return runFamilyName(id());
}

QString MethodFamily::defaultMethod() const
{
    const QList<MethodInfo> all = methods();
    return all.isEmpty() ? QString() : all.first().name;
}

bool MethodFamily::hasMethod(const QString &method) const
{
    for (const MethodInfo &m : methods())
        if (m.name == method)
            return true;
    return false;
}

} // namespace equiscope
