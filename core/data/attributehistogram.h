#pragma once

#include "data/attribute.h"

#include <vector>

namespace equiscope {

/// The distribution of one attribute column, ready to plot: one count per level for discrete
/// columns; equal-width bins over the common range of all components for continuous and
/// vector columns (one count series per component, so an RGB colour gives three).
struct AttributeHistogram
{
    bool discrete = true;
    QStringList labels;                      ///< level names (discrete) or "[a, b)" bin labels
    std::vector<double> edges;               ///< bins + 1 edges (continuous/vector only)
    QStringList series;                      ///< component names; one entry for scalar columns
    std::vector<std::vector<qint64>> counts; ///< [series][bin]; missing values are not counted
    qint64 missing = 0;                      ///< rows with a missing value (any component)

    int binCount() const { return int(labels.size()); }
    double binCentre(int bin) const
    {
        return discrete ? bin : (edges[size_t(bin)] + edges[size_t(bin) + 1]) / 2;
    }
    double binWidth() const { return discrete || edges.size() < 2 ? 1.0 : edges[1] - edges[0]; }
};

/// Counts @p column into a histogram; @p bins is used for continuous and vector columns
/// (values equal to the maximum fall into the last bin).
AttributeHistogram attributeHistogram(const Attribute &column, int bins = 20);

} // namespace equiscope
