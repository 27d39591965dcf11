#pragma once

#include "data/attributetable.h"
#include "util/expected.h"

#include <QString>

#include <vector>

namespace equiscope {

/// What drives a discrete × discrete or discrete × continuous association: the cell (a level of
/// each) whose count departs most from independence, or the level whose mean departs most from
/// the overall mean — with example rows to show.
struct AssociationCell
{
    QString attributeA;
    QString levelA;
    QString attributeB;
    QString levelB;      ///< empty when B is continuous
    qint64 rows = 0;     ///< rows in the cell (or of the level)
    double expected = 0; ///< rows expected if A and B were independent (discrete × discrete)
    double mean = 0;     ///< of B over the level's rows (discrete × continuous)
    double overallMean = 0;
    std::vector<qint64> examples; ///< a seeded sample of the cell's rows
    QString description;          ///< "color=red × label=3: 812 rows, 198 expected if independent"
};
/// Fails (naming both) when neither attribute is discrete or one is a vector.
Expected<AssociationCell> strongestCell(const AttributeTable &table, const QString &a,
                                        const QString &b, int examples = 8, quint64 seed = 0);

} // namespace equiscope
