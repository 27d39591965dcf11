#include "data/attributetable.h"

#include "util/expected.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace equiscope {

void AttributeTable::add(Attribute column)
{
    if (m_rows < 0)
        m_rows = column.size();
    Q_ASSERT(column.size() == m_rows);
    const int existing = indexOf(column.name());
    if (existing >= 0)
        m_columns[existing] = std::move(column);
    else
        m_columns.push_back(std::move(column));
}

int AttributeTable::indexOf(const QString &name) const
{
    for (int i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name() == name)
            return i;
    return -1;
}

const Attribute &AttributeTable::column(const QString &name) const
{
    const int i = indexOf(name);
    Q_ASSERT_X(i >= 0, "AttributeTable::column", qPrintable(name));
    return m_columns[i];
}

QStringList AttributeTable::names() const
{
    QStringList out;
    for (const Attribute &a : m_columns)
        out << a.name();
    return out;
}

AttributeTable AttributeTable::subset(const std::vector<qint64> &rows) const
{
    AttributeTable t(qint64(rows.size()));
    for (const Attribute &a : m_columns)
        t.add(a.subset(rows));
    return t;
}

namespace {

bool parseNumber(const QString &text, float *out)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (ok && std::isfinite(v)) {
        *out = float(v);
        return true;
    }
    return false;
}

QStringList splitVector(const QString &cell)
{
    return cell.split(QLatin1Char(';'), Qt::KeepEmptyParts);
}

// Natural order for levels: numbers numerically, otherwise alphabetically; so "2" < "10".
void sortLevels(QStringList &levels)
{
    std::sort(levels.begin(), levels.end(), [](const QString &a, const QString &b) {
        float x, y;
        const bool nx = parseNumber(a, &x), ny = parseNumber(b, &y);
        if (nx && ny)
            return x < y;
        if (nx != ny)
            return nx;
        return a < b;
    });
}

[[noreturn]] void cellError(const TextColumnOptions &o, qint64 index, const QString &name,
                            const QString &expected, const QString &found)
{
    const qint64 line = index < qint64(o.lines.size()) ? o.lines[size_t(index)] : -1;
    throwDataError(o.file, line, expected, QStringLiteral("'%1'").arg(found), name);
}

} // namespace

Attribute attributeFromText(const QString &name, const QStringList &rawCells,
                            const TextColumnOptions &options)
{
    QStringList cells;
    cells.reserve(rawCells.size());
    for (const QString &c : rawCells)
        cells << c.trimmed();

    // Infer: vector if every non-empty cell has the same number (>1) of ';'-separated numbers;
    // numeric if every non-empty cell parses; binary if exactly two distinct values.
    QSet<QString> distinct;
    bool allNumeric = true;
    int vectorDim = -1;
    bool allVector = true;
    bool allNumberLists = true; // every cell ≥ 2 ';'-separated numbers, whatever their count
    qint64 raggedCell = -1;     // the first cell whose count differs from the first one's
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString &c = cells[i];
        if (c.isEmpty())
            continue;
        distinct.insert(c);
        float v;
        if (allNumeric && !parseNumber(c, &v))
            allNumeric = false;
        if (allNumberLists) {
            const QStringList parts = splitVector(c);
            bool numeric = parts.size() > 1;
            for (const QString &p : parts)
                numeric = numeric && parseNumber(p, &v);
            if (!numeric) {
                allNumberLists = allVector = false;
            } else if (vectorDim >= 0 && vectorDim != parts.size()) {
                allVector = false;
                if (raggedCell < 0)
                    raggedCell = i;
            } else if (vectorDim < 0) {
                vectorDim = int(parts.size());
            }
        }
    }
    if (distinct.isEmpty())
        allVector = allNumberLists = false;
    // Vectors of different lengths are a broken file, not a categorical column with a level
    // per row.
    if (allNumberLists && raggedCell >= 0 && !options.forcedType)
        cellError(options, raggedCell, name,
                  QStringLiteral("%1 numbers separated by ';', like the first vector of the column")
                      .arg(vectorDim),
                  cells[raggedCell]);

    AttributeType type;
    if (options.forcedType) {
        type = *options.forcedType;
    } else if (allVector) {
        type = AttributeType::Vector;
    } else if (distinct.size() == 2) {
        type = AttributeType::Binary;
    } else if (allNumeric && !distinct.isEmpty()) {
        type = AttributeType::Continuous;
    } else {
        type = AttributeType::Categorical;
    }

    const float nan = std::numeric_limits<float>::quiet_NaN();
    switch (type) {
    case AttributeType::Binary:
    case AttributeType::Categorical: {
        QStringList levels(distinct.begin(), distinct.end());
        sortLevels(levels);
        if (type == AttributeType::Binary && levels.size() > 2) {
            const qint64 bad = cells.indexOf(levels.value(2));
            cellError(options, bad, name, QStringLiteral("a binary value (2 levels)"),
                      levels.value(2));
        }
        if (levels.size() > options.maxCategoricalLevels)
            throwDataError(options.file, -1,
                           QStringLiteral("at most %1 levels").arg(options.maxCategoricalLevels),
                           QStringLiteral("%1 distinct values").arg(levels.size()), name);
        QHash<QString, int> index;
        for (int i = 0; i < levels.size(); ++i)
            index.insert(levels[i], i);
        std::vector<int32_t> codes(size_t(cells.size()));
        for (qsizetype i = 0; i < cells.size(); ++i)
            codes[size_t(i)] = cells[i].isEmpty() ? -1 : index.value(cells[i]);
        return Attribute::discrete(name, type, levels, std::move(codes));
    }
    case AttributeType::Continuous: {
        std::vector<float> values(size_t(cells.size()), nan);
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (cells[i].isEmpty())
                continue;
            if (!parseNumber(cells[i], &values[size_t(i)]))
                cellError(options, i, name, QStringLiteral("a number"), cells[i]);
        }
        return Attribute::continuous(name, std::move(values));
    }
    case AttributeType::Vector: {
        if (vectorDim < 0) {
            // Forced vector type: take the dimension from the first non-empty cell.
            for (const QString &c : cells)
                if (!c.isEmpty()) {
                    vectorDim = int(splitVector(c).size());
                    break;
                }
        }
        if (vectorDim <= 0)
            throwDataError(options.file, -1, QStringLiteral("vector values like '1;2;3'"),
                           QStringLiteral("an empty column"), name);
        std::vector<float> values(size_t(cells.size()) * size_t(vectorDim), nan);
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (cells[i].isEmpty())
                continue;
            const QStringList parts = splitVector(cells[i]);
            if (parts.size() != vectorDim)
                cellError(options, i, name,
                          QStringLiteral("%1 numbers separated by ';'").arg(vectorDim), cells[i]);
            for (int k = 0; k < vectorDim; ++k)
                if (!parseNumber(parts[k], &values[size_t(i) * size_t(vectorDim) + size_t(k)]))
                    cellError(options, i, name, QStringLiteral("a number"), cells[i]);
        }
        return Attribute::vector(name, vectorDim, std::move(values));
    }
    }
    return {};
}

} // namespace equiscope
