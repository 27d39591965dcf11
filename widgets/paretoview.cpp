#include "paretoview.h"

#include "plotstyle.h"

#include "eval/paretofront.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
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

    auto *controls = new QHBoxLayout;
    auto *axes = new QFormLayout;
    axes->addRow(tr("X axis:"), m_xCombo);
    axes->addRow(tr("Y axis:"), m_yCombo);
    auto *ref = new QFormLayout;
    ref->addRow(tr("Reference x:"), m_refX);
    ref->addRow(tr("Reference y:"), m_refY);
    controls->addLayout(axes);
    controls->addLayout(ref);
    controls->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);

    auto axesChanged = [this] { recompute(true); };
    connect(m_xCombo, &QComboBox::currentTextChanged, this, axesChanged);
    connect(m_yCombo, &QComboBox::currentTextChanged, this, axesChanged);
    auto refChanged = [this] { recompute(false); };
    connect(m_refX, &QDoubleSpinBox::valueChanged, this, refChanged);
    connect(m_refY, &QDoubleSpinBox::valueChanged, this, refChanged);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ParetoView::clicked);
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
    auto pick = [&names](const QString &old, const QStringList &preferred) {
        if (names.contains(old))
            return old;
        for (const QString &p : preferred)
            if (names.contains(p))
                return p;
        return names.value(0);
    };
    m_xCombo->setCurrentText(
        pick(oldX, {QStringLiteral("bias_mse"), QStringLiteral("equalized_odds_difference"),
                    QStringLiteral("pairwise_f_score_group_std")}));
    m_yCombo->setCurrentText(
        pick(oldY, {QStringLiteral("accuracy"), QStringLiteral("pairwise_f_score")}));
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
        const std::vector<double> ref = front.defaultReference();
        const QSignalBlocker bx(m_refX), by(m_refY);
        m_refX->setValue(ref.at(0));
        m_refY->setValue(ref.at(1));
    }
    m_hypervolume = points.isEmpty() ? 0 : front.hypervolume(reference());
    m_summary->setText(tr("%1 runs, %2 on the front. Hypervolume: %3 (reference %4, %5)")
                           .arg(points.size())
                           .arg(m_front.size())
                           .arg(m_hypervolume, 0, 'g', 5)
                           .arg(m_refX->value(), 0, 'g', 5)
                           .arg(m_refY->value(), 0, 'g', 5));
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

    // Step line through the front: the corner between neighbours takes the worse of each axis.
    if (!m_front.empty()) {
        auto *curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        curve->setName(tr("Pareto front"));
        curve->setPen(QPen(QColor(0, 0, 0), 1.5, Qt::DashLine));
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
    for (const RunSummary &r : m_runs)
        if (m_ids.contains(r.record.id) && !methods.contains(r.record.method))
            methods << r.record.method;
    for (int mi = 0; mi < methods.size(); ++mi) {
        auto *graph = m_plot->addGraph();
        graph->setName(methods.at(mi));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(markerShape(mi), okabeIto(mi), okabeIto(mi), 9));
        for (int i = 0; i < m_ids.size(); ++i)
            for (const RunSummary &r : m_runs)
                if (r.record.id == m_ids.at(i) && r.record.method == methods.at(mi))
                    graph->addData(m_x[size_t(i)], m_y[size_t(i)]);
    }
    // Front points get a ring around their marker.
    auto *ring = m_plot->addGraph();
    ring->setName(tr("on the front"));
    ring->setLineStyle(QCPGraph::lsNone);
    ring->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::NoBrush, 18));
    for (size_t i = 0; i < m_onFront.size(); ++i)
        if (m_onFront[i])
            ring->addData(m_x[i], m_y[i]);
    auto *refGraph = m_plot->addGraph();
    refGraph->setName(tr("reference point"));
    refGraph->setLineStyle(QCPGraph::lsNone);
    refGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCrossSquare, QPen(okabeIto(5), 2), Qt::NoBrush, 12));
    refGraph->addData(m_refX->value(), m_refY->value());
    for (int i = 0; i < m_ids.size(); ++i) {
        auto *label = new QCPItemText(m_plot);
        label->position->setCoords(m_x[size_t(i)], m_y[size_t(i)]);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(8, 0, 0, 6));
        for (const RunSummary &r : m_runs)
            if (r.record.id == m_ids.at(i))
                label->setText(r.record.name.isEmpty() ? r.record.id.left(8) : r.record.name);
    }
    m_plot->rescaleAxes();
    m_plot->xAxis->scaleRange(1.25);
    m_plot->yAxis->scaleRange(1.25);
    m_plot->replot();
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
