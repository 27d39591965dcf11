#pragma once

#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QTableWidget;
class QLabel;

namespace equiscope {

/// Side-by-side comparison of two or more runs: the config (flattened JSON paths) with the keys
/// that differ highlighted (or only those), an epoch metric's curves overlaid, and the final
/// metrics (runs as columns, CIs where present, the best run of each metric in bold).
class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(QWidget *parent = nullptr);
    ~CompareView() override;

    void setStorePath(const QString &path) { m_storePath = path; }
    /// Loads @p ids from the store off the GUI thread; loaded() follows.
    void setRuns(const QStringList &ids);
    /// Shows every config key (differing ones highlighted) instead of the differing ones only.
    void setShowAllKeys(bool all);
    /// Plots epoch metric @p name ("loss" by default) for every run.
    void setCurveMetric(const QString &name);

    /// The flattened config keys whose values are not the same in all compared runs.
    QStringList differingKeys() const { return m_differing; }
    QTableWidget *configTable() const { return m_configTable; }
    QTableWidget *metricsTable() const { return m_metricsTable; }
    QCustomPlot *lossPlot() const { return m_lossPlot; }
    QComboBox *curveMetricCombo() const { return m_curveMetric; }

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showRuns(const QVector<RunSummary> &runs);
    void showConfig();
    void showMetrics();
    void showCurves();

    QString m_storePath;
    QVector<RunSummary> m_runs;
    QStringList m_headers;
    QStringList m_differing;
    QLabel *m_status = nullptr;
    QCheckBox *m_allKeys = nullptr;
    QComboBox *m_curveMetric = nullptr;
    QTableWidget *m_configTable = nullptr;
    QTableWidget *m_metricsTable = nullptr;
    QCustomPlot *m_lossPlot = nullptr;
    QFutureWatcher<Expected<QVector<RunSummary>>> m_watcher;
};

} // namespace equiscope
