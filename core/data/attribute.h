#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace equiscope {

/// The kind of values an attribute column holds (docs/design/datasets.md "Attribute schema").
enum class AttributeType
{
    Binary,      ///< two levels
    Categorical, ///< a fixed set of levels
    Continuous,  ///< one real number per sample
    Vector,      ///< several real numbers per sample, e.g. an RGB colour
};

QString attributeTypeName(AttributeType type);
std::optional<AttributeType> attributeTypeFromName(const QString &name);

/// Summary statistics of a continuous or vector component, ignoring missing values (NaN).
struct ContinuousStats
{
    double min = 0;
    double max = 0;
    double mean = 0;
    qint64 count = 0;
    qint64 missing = 0;
};

/// One typed column of the attribute table. Discrete columns store a level code per sample
/// (-1 = missing); continuous and vector columns store floats (NaN = missing), row-major.
class Attribute
{
public:
    Attribute() = default;
    static Attribute discrete(const QString &name, AttributeType type, QStringList levels,
                              std::vector<int32_t> codes);
    static Attribute continuous(const QString &name, std::vector<float> values);
    static Attribute vector(const QString &name, int dim, std::vector<float> values,
                            QStringList componentNames = {});

    const QString &name() const { return m_name; }
    AttributeType type() const { return m_type; }
    bool isDiscrete() const
    {
        return m_type == AttributeType::Binary || m_type == AttributeType::Categorical;
    }
    qint64 size() const;

    const QStringList &levels() const { return m_levels; }
    const std::vector<int32_t> &codes() const { return m_codes; }
    int code(qint64 row) const { return m_codes[size_t(row)]; }
    /// Count of each level (index = level code); missing values are not counted.
    std::vector<qint64> levelCounts() const;
    qint64 missingCount() const;

    int dim() const { return m_dim; }
    const std::vector<float> &values() const { return m_values; }
    float value(qint64 row, int component = 0) const
    {
        return m_values[size_t(row) * size_t(m_dim) + size_t(component)];
    }
    const QStringList &componentNames() const { return m_componentNames; }
    ContinuousStats stats(int component = 0) const;

    /// The value of one row as text (level name, number, or "r;g;b").
    QString displayValue(qint64 row) const;

    /// A copy holding only the given rows, in that order.
    Attribute subset(const std::vector<qint64> &rows) const;

private:
    QString m_name;
    AttributeType m_type = AttributeType::Categorical;
    QStringList m_levels;
    std::vector<int32_t> m_codes;
    int m_dim = 1;
    std::vector<float> m_values;
    QStringList m_componentNames;
};

} // namespace equiscope
