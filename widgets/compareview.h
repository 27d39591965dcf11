#pragma once

#include "runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

class QCustomPlot;
class QTableWidget;
class QLabel;

namespace equiscope {

/// Side-by-side comparison of runs: the config keys that differ (flattened JSON paths), their
/// loss curves overlaid, and their final metrics (runs as columns, CIs where present).
class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(QWidget *parent = nullptr);
    ~CompareView() override;

    void setStorePath(const QString &path) { m_storePath = path; }
    /// Loads @p ids from the store off the GUI thread; loaded() follows.
    void setRuns(const QStringList &ids);

    QTableWidget *configTable() const { return m_configTable; }
    QTableWidget *metricsTable() const { return m_metricsTable; }
    QCustomPlot *lossPlot() const { return m_lossPlot; }

Q_SIGNALS:
    void loaded();

private:
    void showRuns(const QVector<RunSummary> &runs);

    QString m_storePath;
    QLabel *m_status = nullptr;
    QTableWidget *m_configTable = nullptr;
    QTableWidget *m_metricsTable = nullptr;
    QCustomPlot *m_lossPlot = nullptr;
    QFutureWatcher<Expected<QVector<RunSummary>>> m_watcher;
};

} // namespace equiscope
