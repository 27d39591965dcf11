#pragma once

#include "fare/runleakage.h"
#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;

namespace equiscope {

/// The Leakage tab of a FARE-family run (docs/design/bias-discovery.md, "Representation
/// leakage"): on request, every attribute of the run's dataset is probed on the run's stored
/// representation, optionally on a baseline run's and on the raw pixels, on a worker thread;
/// shown as grouped bars with 95 % intervals (one colour and pattern per representation) and as
/// a table.
class LeakageView : public QWidget
{
    Q_OBJECT

public:
    explicit LeakageView(QWidget *parent = nullptr);
    ~LeakageView() override;

    /// Fills the baseline list from the store's other finished FARE-family runs; measures
    /// nothing until Measure is pressed (or measure() called).
    void setRun(const QString &storePath, const RunSummary &run);
    void measure();
    bool isMeasuring() const;

    QComboBox *baselineBox() const { return m_baseline; }
    QPushButton *measureButton() const { return m_measure; }
    QTableWidget *table() const { return m_table; }
    QCustomPlot *plot() const { return m_plot; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void measured(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(const Expected<RunLeakage> &result);

    QString m_storePath;
    QString m_runId;
    QComboBox *m_baseline = nullptr;
    QCheckBox *m_rawPixels = nullptr;
    QPushButton *m_measure = nullptr;
    QLabel *m_status = nullptr;
    QCustomPlot *m_plot = nullptr;
    QTableWidget *m_table = nullptr;
    QFutureWatcher<Expected<RunLeakage>> m_watcher;
};

} // namespace equiscope
