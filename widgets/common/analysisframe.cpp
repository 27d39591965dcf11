#include "common/analysisframe.h"

#include "common/plotstyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace equiscope {

AnalysisFrame buildAnalysisFrame(QWidget *owner, QLayout *controls, const QString &statusText,
                                 const QString &statusName, const QString &plotName,
                                 const QString &plotDescription, const QString &tableName,
                                 int legendColumns)
{
    AnalysisFrame f;
    f.status = new QLabel(statusText);
    f.status->setWordWrap(true);
    f.status->setAccessibleName(statusName);

    f.plot = new QCustomPlot;
    f.plot->setAccessibleName(plotName);
    f.plot->setAccessibleDescription(plotDescription);
    f.plot->setMinimumSize(320, 220);
    PlotStyle::placeLegendBelow(f.plot, legendColumns);
    PlotStyle::applyPalette(f.plot, owner->palette());

    f.table = new QTableWidget;
    f.table->setAccessibleName(tableName);
    f.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    f.table->verticalHeader()->setVisible(false);
    f.table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(f.plot);
    split->addWidget(f.table);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(owner);
    layout->addLayout(controls);
    layout->addWidget(f.status);
    layout->addWidget(split, 1);
    return f;
}

} // namespace equiscope
