#pragma once

#include "data/attributehistogram.h"

#include <qcustomplot.h>

namespace equiscope {

/// The distribution of one attribute: bars per level for binary/categorical columns (levels
/// with fewer samples than the minimum group size hatched and flagged), a histogram for
/// continuous columns, one step line with its own marker per component for vectors (RGB).
/// Okabe–Ito colours plus hatching and marker shapes, so nothing relies on colour alone.
class AttributeHistogramPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit AttributeHistogramPlot(QWidget *parent = nullptr);

    void setAttribute(const Attribute &column, int minGroupSize = 30, int bins = 24);
    void clearAttribute();
    const AttributeHistogram &histogram() const { return m_histogram; }
    QString attributeName() const { return m_name; }

    /// Heights as drawn: per level (discrete) or per bin of component @p series.
    QVector<double> barHeights(int series = 0) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    AttributeHistogram m_histogram;
    QString m_name;
    QString m_type;
    int m_minGroupSize = 30;
};

} // namespace equiscope
