#include "data/attribute.h"

#include <cmath>
#include <limits>

namespace equiscope {

QString attributeTypeName(AttributeType type)
{
    switch (type) {
    case AttributeType::Binary:
        return QStringLiteral("binary");
    case AttributeType::Categorical:
        return QStringLiteral("categorical");
    case AttributeType::Continuous:
        return QStringLiteral("continuous");
    case AttributeType::Vector:
        return QStringLiteral("vector");
    }
    return {};
}

std::optional<AttributeType> attributeTypeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("binary"))
        return AttributeType::Binary;
    if (n == QLatin1String("categorical"))
        return AttributeType::Categorical;
    if (n == QLatin1String("continuous"))
        return AttributeType::Continuous;
    if (n == QLatin1String("vector"))
        return AttributeType::Vector;
    return std::nullopt;
}

Attribute Attribute::discrete(const QString &name, AttributeType type, QStringList levels,
                              std::vector<int32_t> codes)
{
    Attribute a;
    a.m_name = name;
    a.m_type = type;
    a.m_levels = std::move(levels);
    a.m_codes = std::move(codes);
    return a;
}

Attribute Attribute::continuous(const QString &name, std::vector<float> values)
{
    Attribute a;
    a.m_name = name;
    a.m_type = AttributeType::Continuous;
    a.m_values = std::move(values);
    return a;
}

Attribute Attribute::vector(const QString &name, int dim, std::vector<float> values,
                            QStringList componentNames)
{
    Attribute a;
    a.m_name = name;
    a.m_type = AttributeType::Vector;
    a.m_dim = dim;
    a.m_values = std::move(values);
    a.m_componentNames = std::move(componentNames);
    return a;
}

qint64 Attribute::size() const
{
    if (isDiscrete())
        return qint64(m_codes.size());
    return m_dim > 0 ? qint64(m_values.size() / size_t(m_dim)) : 0;
}

std::vector<qint64> Attribute::levelCounts() const
{
    std::vector<qint64> counts(size_t(m_levels.size()), 0);
    for (int32_t c : m_codes)
        if (c >= 0 && c < int32_t(counts.size()))
            ++counts[size_t(c)];
    return counts;
}

qint64 Attribute::missingCount() const
{
    qint64 missing = 0;
    if (isDiscrete()) {
        for (int32_t c : m_codes)
            missing += c < 0;
    } else {
        for (qint64 r = 0; r < size(); ++r)
            missing += std::isnan(value(r, 0));
    }
    return missing;
}

ContinuousStats Attribute::stats(int component) const
{
    ContinuousStats s;
    double sum = 0;
    s.min = std::numeric_limits<double>::infinity();
    s.max = -std::numeric_limits<double>::infinity();
    for (qint64 r = 0; r < size(); ++r) {
        const double v = value(r, component);
        if (std::isnan(v)) {
            ++s.missing;
            continue;
        }
        s.min = std::min(s.min, v);
        s.max = std::max(s.max, v);
        sum += v;
        ++s.count;
    }
    if (s.count == 0)
        s.min = s.max = 0;
    s.mean = s.count ? sum / double(s.count) : 0;
    return s;
}

QString Attribute::displayValue(qint64 row) const
{
    if (isDiscrete()) {
        const int c = code(row);
        return c < 0 ? QString() : m_levels.value(c);
    }
    QStringList parts;
    for (int k = 0; k < m_dim; ++k) {
        const float v = value(row, k);
        parts << (std::isnan(v) ? QString() : QString::number(double(v), 'g', 6));
    }
    return parts.join(QLatin1Char(';'));
}

Attribute Attribute::subset(const std::vector<qint64> &rows) const
{
    Attribute a = *this;
    if (isDiscrete()) {
        a.m_codes.resize(rows.size());
        for (size_t i = 0; i < rows.size(); ++i)
            a.m_codes[i] = m_codes[size_t(rows[i])];
    } else {
        a.m_values.resize(rows.size() * size_t(m_dim));
        for (size_t i = 0; i < rows.size(); ++i)
            for (int k = 0; k < m_dim; ++k)
                a.m_values[i * size_t(m_dim) + size_t(k)] = value(rows[i], k);
    }
    return a;
}

} // namespace equiscope
