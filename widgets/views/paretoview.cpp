#include "views/paretoview.h"

#include "families/familyregistry.h"

#include "common/plotstyle.h"
#include "common/tableitems.h"

#include "eval/paretofront.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <limits>

namespace equiscope {

namespace {

bool maximise(const QString &name)
{
    return metricDirection(name).value_or(ObjectiveDirection::Maximise) ==
           ObjectiveDirection::Maximise;
}

QString axisLabel(const QString &name)
{
    if (!metricDirection(name))
        return ParetoView::tr("%1 (direction unknown: higher taken as better)").arg(name);
    return maximise(name) ? ParetoView::tr("%1 (higher is better)").arg(name)
                          : ParetoView::tr("%1 (lower is better)").arg(name);
}

QDoubleSpinBox *makeSpin(QWidget *parent, const QString &name)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setAccessibleName(name);
    spin->setDecimals(4);
    spin->setRange(-1e9, 1e9);
    spin->setSingleStep(0.01);
    return spin;
}

} // namespace

ParetoView::ParetoView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Pareto front"));
    m_plot = new QCustomPlot(this);
    m_plot->setAccessibleName(tr("Pareto scatter plot"));
    m_plot->setMinimumSize(400, 300);
    PlotStyle::placeLegendBelow(m_plot, 4);
    m_plot->legend->setIconSize(32, 20); // room for the 18-pixel "on the front" ring
    m_xCombo = new QComboBox(this);
    m_xCombo->setAccessibleName(tr("X axis metric"));
    m_yCombo = new QComboBox(this);
    m_yCombo->setAccessibleName(tr("Y axis metric"));
    for (QComboBox *combo : {m_xCombo, m_yCombo})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_refX = makeSpin(this, tr("Reference point x"));
    m_refY = makeSpin(this, tr("Reference point y"));
    m_summary = new QLabel(this);
    m_summary->setAccessibleName(tr("Hypervolume"));
    m_summary->setWordWrap(true);

    m_table = new QTableWidget(this);
    m_table->setAccessibleName(tr("Runs on the Pareto plot"));
    m_table->setToolTip(tr("Enter or double-click opens the run."));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Run"), tr("Method"), tr("X"), tr("Y"), tr("Front")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);

    auto *controls = new QHBoxLayout;
    auto *axes = new QFormLayout;
    axes->addRow(tr("&X axis:"), m_xCombo);
    axes->addRow(tr("&Y axis:"), m_yCombo);
    auto *ref = new QFormLayout;
    ref->addRow(tr("R&eference x:"), m_refX);
    ref->addRow(tr("Refere&nce y:"), m_refY);
    controls->addLayout(axes);
    controls->addLayout(ref);
    controls->addWidget(m_summary, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_plot);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({700, 400}); // the table's size hint would otherwise take most of it
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    PlotStyle::applyPalette(m_plot, palette());

    auto axesChanged = [this] { recompute(true); };
    connect(m_xCombo, &QComboBox::currentTextChanged, this, axesChanged);
    connect(m_yCombo, &QComboBox::currentTextChanged, this, axesChanged);
    auto refChanged = [this] { recompute(false); };
    connect(m_refX, &QDoubleSpinBox::valueChanged, this, refChanged);
    connect(m_refY, &QDoubleSpinBox::valueChanged, this, refChanged);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ParetoView::clicked);
    connect(m_table, &QTableWidget::itemActivated, this, [this](QTableWidgetItem *item) {
        if (item && item->row() < m_ids.size())
            Q_EMIT runActivated(m_table->item(item->row(), 0)->data(Qt::UserRole).toString());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { draw(); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_watcher.result();
        if (!result) {
            m_summary->setText(
                tr("Could not read the run store: %1").arg(result.error().toString()));
            showRuns({});
        } else {
            showRuns(result.value());
        }
        Q_EMIT loaded();
    });
}

ParetoView::~ParetoView()
{
    m_watcher.waitForFinished();
}

void ParetoView::setStorePath(const QString &path)
{
    m_storePath = path;
    reload();
}

void ParetoView::reload()
{
    const QString path = m_storePath;
    m_watcher.waitForFinished();
    m_watcher.setFuture(QtConcurrent::run([path] { return loadRunSummaries(path); }));
}

void ParetoView::showRuns(const QVector<RunSummary> &runs)
{
    m_runs.clear();
    for (const RunSummary &r : runs)
        if (r.record.status == RunStatus::Finished)
            m_runs.push_back(r);
    const QStringList names = finalMetricNames(m_runs);
    const QString oldX = m_xCombo->currentText(), oldY = m_yCombo->currentText();
    const QSignalBlocker bx(m_xCombo), by(m_yCombo);
    m_xCombo->clear();
    m_yCombo->clear();
    m_xCombo->addItems(names);
    m_yCombo->addItems(names);
    // Prefer a metric every run has, so that runs of every family (FARE runs have bias_mse,
    // fair-SSL runs only group metrics) appear on the default axes.
    auto everyRunHas = [this](const QString &name) {
        for (const RunSummary &r : m_runs)
            if (!r.finalValue(name))
                return false;
        return true;
    };
    auto pick = [&](const QString &old, const QStringList &preferred) {
        if (names.contains(old))
            return old;
        for (const QString &p : preferred)
            if (everyRunHas(p))
                return p;
        for (const QString &p : preferred)
            if (names.contains(p))
                return p;
        return names.value(0);
    };
    // Each family names its performance (y) and fairness (x) metric, in registry order.
    QStringList preferredX, preferredY;
    for (const MethodFamily *family : FamilyRegistry::instance().families()) {
        const QStringList axes = family->paretoMetrics();
        if (axes.size() == 2 && !preferredY.contains(axes[0]))
            preferredY << axes[0];
        if (axes.size() == 2 && !preferredX.contains(axes[1]))
            preferredX << axes[1];
    }
    m_xCombo->setCurrentText(pick(oldX, preferredX));
    m_yCombo->setCurrentText(pick(oldY, preferredY));
    recompute(true);
}

void ParetoView::setAxes(const QString &x, const QString &y)
{
    {
        const QSignalBlocker bx(m_xCombo), by(m_yCombo);
        m_xCombo->setCurrentText(x);
        m_yCombo->setCurrentText(y);
    }
    recompute(true);
}

void ParetoView::setReference(double x, double y)
{
    {
        const QSignalBlocker bx(m_refX), by(m_refY);
        m_refX->setValue(x);
        m_refY->setValue(y);
    }
    recompute(false);
}

std::vector<double> ParetoView::reference() const
{
    return {m_refX->value(), m_refY->value()};
}

void ParetoView::recompute(bool resetReference)
{
    const QString xName = m_xCombo->currentText(), yName = m_yCombo->currentText();
    m_ids.clear();
    m_x.clear();
    m_y.clear();
    QVector<ParetoPoint> points;
    for (const RunSummary &r : m_runs) {
        const auto x = r.finalValue(xName), y = r.finalValue(yName);
        if (!x || !y)
            continue;
        m_ids << r.record.id;
        m_x.push_back(*x);
        m_y.push_back(*y);
        points.push_back(ParetoPoint{r.record.id, {*x, *y}});
    }
    auto dir = [](const QString &n) {
        return maximise(n) ? ObjectiveDirection::Maximise : ObjectiveDirection::Minimise;
    };
    const ParetoFront front({Objective{xName, dir(xName)}, Objective{yName, dir(yName)}}, points);
    m_onFront.assign(size_t(points.size()), false);
    for (int i = 0; i < points.size(); ++i)
        m_onFront[size_t(i)] = front.isOnFront(i);
    m_front = front.front();
    if (resetReference && !points.isEmpty()) {
        // The reports' rule (ParetoFront::paddedReference), so the Compare page and a report of
        // the same runs show the same hypervolume; the user may move the point afterwards.
        const std::vector<double> ref = front.paddedReference();
        const QSignalBlocker bx(m_refX), by(m_refY);
        m_refX->setValue(ref.at(0));
        m_refY->setValue(ref.at(1));
    }
    m_hypervolume = points.isEmpty() ? 0 : front.hypervolume(reference());
    m_summary->setText(
        points.isEmpty()
            ? tr("No finished run has both metrics.")
            : tr("%1 runs, %2 on the front. <b>Hypervolume: %3</b> — the shaded area the front "
                 "dominates, measured from the reference point (%4, %5).")
                  .arg(points.size())
                  .arg(m_front.size())
                  .arg(m_hypervolume, 0, 'g', 5)
                  .arg(m_refX->value(), 0, 'g', 5)
                  .arg(m_refY->value(), 0, 'g', 5));
    fillTable();
    draw();
}

void ParetoView::draw()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    const QString xName = m_xCombo->currentText(), yName = m_yCombo->currentText();
    m_plot->xAxis->setLabel(axisLabel(xName));
    m_plot->yAxis->setLabel(axisLabel(yName));
    const bool maxX = maximise(xName), maxY = maximise(yName);
    const QColor fg = PlotStyle::foreground(palette());
    const double rx = m_refX->value(), ry = m_refY->value();

    // The dominated region (what the hypervolume measures): boxes from the reference point to
    // every front point that beats it on both axes, drawn as one staircase polygon.
    auto better = [](double v, double ref, bool max) { return max ? v > ref : v < ref; };
    std::vector<int> counted;
    for (int i : m_front)
        if (better(m_x[size_t(i)], rx, maxX) && better(m_y[size_t(i)], ry, maxY))
            counted.push_back(i);
    if (!counted.empty()) {
        // From the point best on x to the point best on y.
        std::sort(counted.begin(), counted.end(), [&](int a, int b) {
            return maxX ? m_x[size_t(a)] > m_x[size_t(b)] : m_x[size_t(a)] < m_x[size_t(b)];
        });
        QVector<QCPCurveData> poly;
        int t = 0;
        poly.push_back(QCPCurveData(t++, rx, ry));
        double previousY = ry;
        for (int i : counted) {
            poly.push_back(QCPCurveData(t++, m_x[size_t(i)], previousY));
            poly.push_back(QCPCurveData(t++, m_x[size_t(i)], m_y[size_t(i)]));
            previousY = m_y[size_t(i)];
        }
        poly.push_back(QCPCurveData(t++, rx, previousY));
        poly.push_back(QCPCurveData(t++, rx, ry));
        auto *area = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        area->setName(tr("dominated region"));
        area->data()->set(poly, true);
        QColor fill = okabeIto(4);
        fill.setAlpha(50);
        area->setBrush(fill);
        area->setPen(Qt::NoPen);
    }

    // Step line through the front: the corner between neighbours takes the worse of each axis.
    if (!m_front.empty()) {
        auto *curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        curve->setName(tr("Pareto front"));
        curve->setPen(QPen(fg, 1.5, Qt::DashLine));
        QVector<double> cx, cy;
        for (size_t k = 0; k < m_front.size(); ++k) {
            const int i = m_front[k];
            if (k > 0) {
                const int p = m_front[k - 1];
                const double wx = maxX ? std::min(m_x[p], m_x[i]) : std::max(m_x[p], m_x[i]);
                const double wy = maxY ? std::min(m_y[p], m_y[i]) : std::max(m_y[p], m_y[i]);
                cx << wx;
                cy << wy;
            }
            cx << m_x[i];
            cy << m_y[i];
        }
        curve->setData(cx, cy);
    }
    // One scatter graph per method: its own colour and marker shape.
    QStringList methods;
    for (const QString &id : m_ids)
        if (!methods.contains(runMethod(id)))
            methods << runMethod(id);
    for (int mi = 0; mi < methods.size(); ++mi) {
        auto *graph = m_plot->addGraph();
        graph->setName(methods.at(mi));
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor colour = PlotStyle::categoryColour(mi, palette());
        graph->setScatterStyle(QCPScatterStyle(categoryMarker(mi), colour, colour, 9));
        for (int i = 0; i < m_ids.size(); ++i)
            if (runMethod(m_ids.at(i)) == methods.at(mi))
                graph->addData(m_x[size_t(i)], m_y[size_t(i)]);
    }
    // Front points get a ring around their marker.
    auto *ring = m_plot->addGraph();
    ring->setName(tr("on the front"));
    ring->setProperty("annotation", true); // marks points of the series, is not one
    ring->setLineStyle(QCPGraph::lsNone);
    ring->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(fg, 2), Qt::NoBrush, 18));
    for (size_t i = 0; i < m_onFront.size(); ++i)
        if (m_onFront[i])
            ring->addData(m_x[i], m_y[i]);
    auto *refGraph = m_plot->addGraph();
    refGraph->setName(tr("reference point"));
    refGraph->setProperty("annotation", true);
    refGraph->setLineStyle(QCPGraph::lsNone);
    refGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCrossSquare, QPen(okabeIto(5), 2), Qt::NoBrush, 12));
    refGraph->addData(rx, ry);
    // The run selected in the table: a square around its marker.
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (!selected.isEmpty()) {
        const int i = int(m_ids.indexOf(
            m_table->item(selected.first()->row(), 0)->data(Qt::UserRole).toString()));
        if (i >= 0) {
            auto *mark = m_plot->addGraph();
            mark->setName(tr("selected in the table"));
            mark->setProperty("annotation", true);
            mark->setLineStyle(QCPGraph::lsNone);
            mark->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(okabeIto(5), 2), Qt::NoBrush, 24));
            mark->addData(m_x[size_t(i)], m_y[size_t(i)]);
        }
    }
    for (int i = 0; i < m_ids.size(); ++i) {
        auto *label = new QCPItemText(m_plot);
        label->position->setCoords(m_x[size_t(i)], m_y[size_t(i)]);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(8, 0, 0, 6));
        label->setColor(fg);
        label->setText(runName(m_ids.at(i)));
    }
    m_plot->rescaleAxes();
    // Room around the points, more on the right where the run names are written.
    const QCPRange xr = m_plot->xAxis->range(), yr = m_plot->yAxis->range();
    const double dx = xr.size() > 0 ? xr.size() : 1.0, dy = yr.size() > 0 ? yr.size() : 1.0;
    m_plot->xAxis->setRange(xr.lower - 0.08 * dx, xr.upper + 0.3 * dx);
    m_plot->yAxis->setRange(yr.lower - 0.1 * dy, yr.upper + 0.12 * dy);
    m_plot->replot();
}

void ParetoView::fillTable()
{
    const QSignalBlocker block(m_table);
    m_table->clearSelection();
    m_table->setRowCount(int(m_ids.size()));
    m_table->setHorizontalHeaderLabels(
        {tr("Run"), tr("Method"), m_xCombo->currentText(), m_yCombo->currentText(), tr("Front")});
    for (int i = 0; i < m_ids.size(); ++i) {
        auto *name = readOnlyItem(runName(m_ids.at(i)));
        name->setData(Qt::UserRole, m_ids.at(i));
        m_table->setItem(i, 0, name);
        m_table->setItem(i, 1, readOnlyItem(runMethod(m_ids.at(i))));
        m_table->setItem(i, 2, readOnlyItem(QString::number(m_x[size_t(i)], 'g', 5)));
        m_table->setItem(i, 3, readOnlyItem(QString::number(m_y[size_t(i)], 'g', 5)));
        m_table->setItem(i, 4, readOnlyItem(m_onFront[size_t(i)] ? tr("yes") : tr("no")));
    }
}

QString ParetoView::runName(const QString &id) const
{
    for (const RunSummary &r : m_runs)
        if (r.record.id == id)
            return r.record.name.isEmpty() ? r.record.id.left(8) : r.record.name;
    return id.left(8);
}

QString ParetoView::runMethod(const QString &id) const
{
    for (const RunSummary &r : m_runs)
        if (r.record.id == id)
            return r.record.method;
    return {};
}

void ParetoView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        PlotStyle::applyPalette(m_plot, palette());
        draw();
    }
    QWidget::changeEvent(event);
}

QStringList ParetoView::frontIds() const
{
    QStringList ids;
    for (int i : m_front)
        ids << m_ids.at(i);
    return ids;
}

QPointF ParetoView::pointPixel(const QString &runId) const
{
    const int i = m_ids.indexOf(runId);
    if (i < 0)
        return {};
    return {m_plot->xAxis->coordToPixel(m_x[size_t(i)]),
            m_plot->yAxis->coordToPixel(m_y[size_t(i)])};
}

void ParetoView::clicked(QMouseEvent *event)
{
    int best = -1;
    double bestDistance = 12 * 12; // pixels: a click near a marker picks it
    for (int i = 0; i < m_ids.size(); ++i) {
        const QPointF d = pointPixel(m_ids.at(i)) - event->position();
        const double dist = d.x() * d.x() + d.y() * d.y();
        if (dist <= bestDistance) {
            bestDistance = dist;
            best = i;
        }
    }
    if (best >= 0)
        Q_EMIT runActivated(m_ids.at(best));
}

} // namespace equiscope
