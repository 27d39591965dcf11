#pragma once

#include <QString>

class QCustomPlot;
class QLabel;
class QLayout;
class QTableWidget;
class QWidget;

namespace equiscope {

/// The parts of an analysis tab that computes on request (Leakage, Subgroups): a status line, and
/// a plot above a read-only table that holds the same values.
struct AnalysisFrame
{
    QLabel *status = nullptr;
    QCustomPlot *plot = nullptr;
    QTableWidget *table = nullptr;
};

/// Lays @p owner out as @p controls (the tab's own options and its button) over the status line
/// (@p statusText) and the plot / table splitter (3 : 2); the names and the description are for
/// screen readers. The plot is styled (palette, legend below in @p legendColumns columns); the
/// caller sets its axes.
AnalysisFrame buildAnalysisFrame(QWidget *owner, QLayout *controls, const QString &statusText,
                                 const QString &statusName, const QString &plotName,
                                 const QString &plotDescription, const QString &tableName,
                                 int legendColumns);

} // namespace equiscope
