#include "views/leakageview.h"

#include "common/analysisframe.h"
#include "common/plotstyle.h"

#include "store/runstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace equiscope {

namespace {

QString valueText(const AttributeLeakage *a)
{
    if (!a || !std::isfinite(a->value))
        return QStringLiteral("—");
    const bool accuracy = a->measure == QLatin1String("accuracy");
    const auto fmt = [&](double v) {
        return accuracy ? QLocale().toString(100 * v, 'f', 1) + QLatin1Char('%')
                        : QLocale().toString(v, 'f', 3);
    };
    QString text = fmt(a->value);
    if (std::isfinite(a->low) && std::isfinite(a->high))
        text += QStringLiteral(" [%1, %2]").arg(fmt(a->low), fmt(a->high));
    return text;
}

} // namespace

LeakageView::LeakageView(QWidget *parent) : QWidget(parent)
{
    m_baseline = new QComboBox;
    m_baseline->setAccessibleName(tr("Baseline run"));
    m_baseline->setToolTip(tr("Another FARE-family run to compare with, e.g. the InfoNCE run "
                              "of the same data."));
    m_rawPixels = new QCheckBox(tr("Ra&w pixels"));
    m_rawPixels->setChecked(true);
    m_rawPixels->setToolTip(tr("Also probe the images' pixels, average-pooled to at most 8 × 8: "
                               "what a linear probe gets without any learned representation."));
    m_measure = new QPushButton(tr("Mea&sure Leakage"));
    connect(m_measure, &QPushButton::clicked, this, &LeakageView::measure);
    auto *form = new QFormLayout;
    form->addRow(tr("&Baseline:"), m_baseline);
    auto *row = new QHBoxLayout;
    row->addLayout(form, 1);
    row->addWidget(m_rawPixels);
    row->addWidget(m_measure);

    const AnalysisFrame frame =
        buildAnalysisFrame(this, row,
                           tr("How well can each attribute of the dataset be read off this run's "
                              "representation? Measure Leakage fits a linear probe per attribute."),
                           tr("Leakage status"), tr("Leakage per attribute"),
                           tr("Out-of-fold probe accuracy (discrete attributes) or R² "
                              "(numbers, vectors) per attribute and representation, "
                              "with 95 % intervals; the table holds the same values."),
                           tr("Leakage table"), 3);
    m_status = frame.status;
    m_plot = frame.plot;
    m_table = frame.table;
    m_plot->yAxis->setRange(0, 1.05);
    m_plot->yAxis->setLabel(tr("accuracy or R²"));

    connect(&m_watcher, &QFutureWatcher<Expected<RunLeakage>>::finished, this,
            [this] { show(m_watcher.result()); });
}

LeakageView::~LeakageView()
{
    m_watcher.waitForFinished();
}

bool LeakageView::isMeasuring() const
{
    return m_watcher.isRunning();
}

void LeakageView::setRun(const QString &storePath, const RunSummary &run)
{
    m_watcher.waitForFinished();
    m_storePath = storePath;
    m_runId = run.record.id;
    m_baseline->clear();
    m_baseline->addItem(tr("(none)"), QString());
    RunStoreOptions options;
    options.create = false;
    options.readOnly = true;
    if (auto store = RunStore::open(storePath, options)) {
        RunFilter filter;
        filter.family = RunFamily::Fare;
        filter.status = RunStatus::Finished;
        if (auto runs = store.value()->runs(filter))
            for (const RunRecord &r : runs.value())
                if (r.id != run.record.id && r.datasetFingerprint == run.record.datasetFingerprint)
                    m_baseline->addItem(
                        QStringLiteral("%1 (%2, %3)").arg(r.name, r.method, r.id.left(8)), r.id);
    }
    m_plot->clearPlottables();
    m_plot->replot();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_status->setText(tr("How well can each attribute of the dataset be read off this run's "
                         "representation? Measure Leakage fits a linear probe per attribute."));
}

void LeakageView::measure()
{
    if (isMeasuring() || m_runId.isEmpty())
        return;
    RunLeakageRequest request;
    request.storePath = m_storePath;
    request.run = m_runId;
    request.baseline = m_baseline->currentData().toString();
    request.rawPixels = m_rawPixels->isChecked();
    m_measure->setEnabled(false);
    m_status->setText(tr("Probing every attribute…"));
    m_watcher.setFuture(QtConcurrent::run([request] { return measureRunLeakage(request); }));
}

void LeakageView::show(const Expected<RunLeakage> &result)
{
    m_measure->setEnabled(true);
    m_plot->clearPlottables();
    if (!result) {
        m_status->setText(tr("Cannot measure: %1").arg(result.error().toString()));
        m_plot->replot();
        Q_EMIT measured(false);
        return;
    }
    const RunLeakage &leak = result.value();
    if (leak.probes.isEmpty()) {
        Q_EMIT measured(false);
        return;
    }
    const QVector<AttributeLeakage> &attributes = leak.probes.first().attributes;
    m_status->setText(tr("%1-fold linear probes on %2 test images; 95 % bootstrap intervals. A "
                         "fair representation hides the protected attribute and keeps the target.")
                          .arg(leak.folds)
                          .arg(QLocale().toString(leak.probes.first().rows)) +
                      (leak.warnings.isEmpty()
                           ? QString()
                           : QLatin1Char(' ') + leak.warnings.join(QLatin1Char(' '))));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int k = 0; k < attributes.size(); ++k)
        ticker->addTick(k, attributes.at(k).attribute);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, attributes.size() - 0.4);
    const int probes = int(leak.probes.size());
    const double width = 0.8 / probes;
    m_plot->legend->setVisible(true);
    for (int i = 0; i < probes; ++i) {
        const LeakageProbe &p = leak.probes.at(i);
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(p.source);
        bars->setWidth(width);
        const QColor colour = PlotStyle::categoryColour(i, palette());
        bars->setBrush(QBrush(colour, i == 0   ? Qt::SolidPattern
                                      : i == 1 ? Qt::Dense3Pattern
                                               : Qt::BDiagPattern));
        bars->setPen(QPen(colour));
        auto *errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
        errors->removeFromLegend();
        errors->setPen(QPen(PlotStyle::foreground(palette())));
        QVector<double> keys, values, minus, plus;
        for (int k = 0; k < attributes.size(); ++k) {
            const AttributeLeakage *a = p.attribute(attributes.at(k).attribute);
            const double v = a && std::isfinite(a->value) ? std::max(0.0, a->value) : 0.0;
            keys << k - 0.4 + width * (i + 0.5);
            values << v;
            minus << (a && std::isfinite(a->low) ? std::max(0.0, v - a->low) : 0.0);
            plus << (a && std::isfinite(a->high) ? std::max(0.0, a->high - v) : 0.0);
        }
        bars->setData(keys, values);
        errors->setDataPlottable(bars);
        errors->setData(minus, plus);
    }
    m_plot->replot();

    QStringList header{tr("Attribute"), tr("Measure")};
    for (const LeakageProbe &p : leak.probes)
        header << p.source;
    header << tr("Chance");
    m_table->clear();
    m_table->setColumnCount(int(header.size()));
    m_table->setHorizontalHeaderLabels(header);
    m_table->setRowCount(int(attributes.size()));
    for (int row = 0; row < attributes.size(); ++row) {
        const AttributeLeakage &a = attributes.at(row);
        const bool accuracy = a.measure == QLatin1String("accuracy");
        m_table->setItem(row, 0, new QTableWidgetItem(a.attribute));
        m_table->setItem(row, 1, new QTableWidgetItem(accuracy ? tr("accuracy") : tr("R²")));
        for (int i = 0; i < probes; ++i) {
            const AttributeLeakage *x = leak.probes.at(i).attribute(a.attribute);
            auto *item = new QTableWidgetItem(valueText(x));
            if (x && !x->note.isEmpty())
                item->setToolTip(x->note);
            m_table->setItem(row, 2 + i, item);
        }
        m_table->setItem(
            row, 2 + probes,
            new QTableWidgetItem(accuracy
                                     ? QLocale().toString(100 * a.chance, 'f', 1) + QLatin1Char('%')
                                     : QStringLiteral("0")));
    }
    Q_EMIT measured(true);
}

void LeakageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        PlotStyle::applyPalette(m_plot, palette());
        m_plot->replot();
    }
    QWidget::changeEvent(event);
}

} // namespace equiscope
