#include "views/fairsslgroupview.h"

#include "common/plotstyle.h"
#include "common/tableitems.h"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace equiscope {

namespace {

const QStringList &rateNames()
{
    static const QStringList names{QStringLiteral("accuracy"), QStringLiteral("true_positive_rate"),
                                   QStringLiteral("false_positive_rate"),
                                   QStringLiteral("selection_rate"),
                                   QStringLiteral("pseudo_label_accuracy")};
    return names;
}

const QStringList &aggregateNames()
{
    static const QStringList names{QStringLiteral("accuracy"),
                                   QStringLiteral("worst_group_accuracy"),
                                   QStringLiteral("accuracy_std"),
                                   QStringLiteral("accuracy_max_min_ratio"),
                                   QStringLiteral("skewed_error_ratio"),
                                   QStringLiteral("equalized_odds_difference"),
                                   QStringLiteral("demographic_parity_difference"),
                                   QStringLiteral("equal_opportunity_difference"),
                                   QStringLiteral("pseudo_label_accuracy"),
                                   QStringLiteral("bias_probe_accuracy")};
    return names;
}

} // namespace

FairSslGroupView::FairSslGroupView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Per-group results"));
    m_plot = new QCustomPlot(this);
    m_plot->setAccessibleName(tr("Per-group rates with 95 % confidence intervals"));
    m_plot->setMinimumSize(240, 220);
    m_plot->yAxis->setLabel(tr("rate (95 % bootstrap CI)"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_summary = new QTableWidget(this);
    m_summary->setAccessibleName(tr("Fairness metrics with confidence intervals"));
    m_summary->setColumnCount(3);
    m_summary->setHorizontalHeaderLabels({tr("Metric"), tr("Value"), tr("95 % CI")});
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->horizontalHeader()->setStretchLastSection(true);
    m_summary->verticalHeader()->hide();
    m_summary->setAlternatingRowColors(true);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_plot);
    splitter->addWidget(m_summary);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

void FairSslGroupView::setRun(const RunSummary &run)
{
    m_run = run;
    draw();
}

void FairSslGroupView::draw()
{
    // Groups in store order; a group is "too small" when the store says so.
    QStringList groups;
    QHash<QString, qint64> sizes;
    QSet<QString> tooSmall;
    QHash<QString, QHash<QString, const MetricRow *>> cell; // metric → group → row
    for (const MetricRow &m : m_run.finalMetrics) {
        if (m.group.isEmpty())
            continue;
        if (!groups.contains(m.group))
            groups << m.group;
        if (m.groupSize && m.name != QLatin1String("pseudo_label_accuracy"))
            sizes.insert(m.group, *m.groupSize);
        if (m.name == QLatin1String("too_small_to_judge"))
            tooSmall.insert(m.group);
        else
            cell[m.name].insert(m.group, &m);
    }
    m_drawn.clear();
    for (const QString &name : rateNames())
        if (cell.contains(name))
            m_drawn << name;

    m_plot->clearPlottables();
    m_plot->clearItems();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int g = 0; g < groups.size(); ++g)
        ticker->addTick(
            g, tooSmall.contains(groups[g])
                   ? tr("%1\ntoo small (n = %2)").arg(groups[g]).arg(sizes.value(groups[g]))
                   : tr("%1\nn = %2").arg(groups[g]).arg(sizes.value(groups[g])));
    const int series = std::max<qsizetype>(1, m_drawn.size());
    const double width = 0.8 / series;
    for (int s = 0; s < m_drawn.size(); ++s) {
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(m_drawn[s]);
        bars->setBrush(okabeIto(s));
        bars->setPen(QPen(okabeIto(s).darker(130)));
        bars->setWidth(width * 0.9);
        auto *errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
        errors->setDataPlottable(bars);
        errors->setPen(QPen(palette().color(QPalette::WindowText), 1.2));
        errors->removeFromLegend();
        QVector<double> keys, values, minus, plus;
        for (int g = 0; g < groups.size(); ++g) {
            const MetricRow *row = cell.value(m_drawn[s]).value(groups[g]);
            if (!row || tooSmall.contains(groups[g]))
                continue;
            keys << g - 0.4 + width * (s + 0.5);
            values << row->value;
            minus << (row->ciLow ? row->value - *row->ciLow : 0);
            plus << (row->ciHigh ? *row->ciHigh - row->value : 0);
        }
        bars->setData(keys, values);
        errors->setData(minus, plus);
    }
    if (const auto overall = m_run.finalValue(QStringLiteral("accuracy"))) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, *overall);
        line->point2->setCoords(1, *overall);
        line->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine));
        auto *label = new QCPItemText(m_plot);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(0.01, 0.02);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(tr("dashed: overall accuracy %1").arg(*overall, 0, 'f', 3));
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, std::max<qsizetype>(1, groups.size()) - 0.4);
    m_plot->yAxis->setRange(0, 1.1);
    m_plot->replot();

    QVector<const MetricRow *> rows;
    for (const QString &name : aggregateNames())
        if (const MetricRow *r = m_run.finalRow(name))
            rows << r;
    m_summary->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const MetricRow &m = *rows[i];
        m_summary->setItem(i, 0, readOnlyItem(m.name));
        m_summary->setItem(i, 1, readOnlyItem(QString::number(m.value, 'f', 4)));
        m_summary->setItem(i, 2,
                           readOnlyItem(m.ciLow && m.ciHigh
                                            ? QStringLiteral("[%1, %2]")
                                                  .arg(QString::number(*m.ciLow, 'f', 4),
                                                       QString::number(*m.ciHigh, 'f', 4))
                                            : QString()));
    }
}

} // namespace equiscope
