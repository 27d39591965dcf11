#pragma once

#include "report/runsubgroupscan.h"
#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace equiscope {

/// The Subgroups tab of a run with stored test predictions (docs/design/bias-discovery.md,
/// "Worst-subgroup scan of a run"): on request, intersections of up to three attributes of the
/// run's dataset are searched on a worker thread for the subgroups its predictions serve worst;
/// shown as horizontal bars (the subgroup's rate with its 95 % interval, beside the overall rate)
/// and as a table with the gap, the score and the search-wide p-value.
class SubgroupScanView : public QWidget
{
    Q_OBJECT

public:
    explicit SubgroupScanView(QWidget *parent = nullptr);
    ~SubgroupScanView() override;

    /// Reads the run's classes (the false-negative, false-positive and selection rates need a
    /// binary target); scans nothing until Scan is pressed (or scan() called).
    void setRun(const QString &storePath, const RunSummary &run);
    void scan();
    bool isScanning() const;

    QComboBox *metricBox() const { return m_metric; }
    QSpinBox *conditionsBox() const { return m_conditions; }
    QSpinBox *minimumSizeBox() const { return m_minSize; }
    QPushButton *scanButton() const { return m_scan; }
    QTableWidget *table() const { return m_table; }
    QCustomPlot *plot() const { return m_plot; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void scanned(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(const Expected<RunSubgroupScan> &result);
    void clearResults();
    QString introText() const;

    QString m_storePath;
    QString m_runId;
    QComboBox *m_metric = nullptr;
    QSpinBox *m_conditions = nullptr;
    QSpinBox *m_minSize = nullptr;
    QPushButton *m_scan = nullptr;
    QLabel *m_status = nullptr;
    QCustomPlot *m_plot = nullptr;
    QTableWidget *m_table = nullptr;
    QFutureWatcher<Expected<RunSubgroupScan>> m_watcher;
};

} // namespace equiscope
