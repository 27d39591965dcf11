#pragma once

#include "data/attribute.h"

#include <QHash>
#include <QVector>

namespace equiscope {

/// The typed attribute columns of a dataset; every column has one entry per sample.
class AttributeTable
{
public:
    AttributeTable() = default;
    explicit AttributeTable(qint64 rows) : m_rows(rows) {}

    qint64 rowCount() const { return m_rows; }
    int columnCount() const { return int(m_columns.size()); }
    /// Adds or replaces a column; its size must equal rowCount() (set by the first column).
    void add(Attribute column);
    bool contains(const QString &name) const { return indexOf(name) >= 0; }
    int indexOf(const QString &name) const;
    const Attribute &column(int index) const { return m_columns[index]; }
    const Attribute &column(const QString &name) const;
    QStringList names() const;
    const QVector<Attribute> &columns() const { return m_columns; }

    AttributeTable subset(const std::vector<qint64> &rows) const;

private:
    qint64 m_rows = -1;
    QVector<Attribute> m_columns;
};

/// Builds a typed column from text cells (CSV): infers binary / categorical / continuous /
/// vector ("a;b;c") unless a type is forced. Empty cells are missing values.
/// Throws DataException naming @p file, the line and the cell when a forced type does not parse.
struct TextColumnOptions
{
    std::optional<AttributeType> forcedType;
    QString file;              ///< for error messages
    std::vector<qint64> lines; ///< the source line of each cell, for error messages
    int maxCategoricalLevels = 1000;
};
Attribute attributeFromText(const QString &name, const QStringList &cells,
                            const TextColumnOptions &options = {});

} // namespace equiscope
