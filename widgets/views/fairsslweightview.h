#pragma once

#include "runs/runsummary.h"
#include "views/fairsslrundata.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QLabel;

namespace equiscope {

/// The meta-learned sample weights of a fair-SSL run: for the chosen group, a heatmap of the
/// weight histogram over epochs (x: epoch, y: weight, colour: share of the group's images), and
/// the mean weight of every group per epoch. Loads the run's histograms off the GUI thread.
class FairSslWeightView : public QWidget
{
    Q_OBJECT

public:
    explicit FairSslWeightView(QWidget *parent = nullptr);
    ~FairSslWeightView() override;

    void setRun(const QString &storePath, const RunSummary &run);
    void showData(const FairSslRunData &data);
    /// Shows the histogram of group @p label.
    void showGroup(const QString &label);

    QComboBox *groupBox() const { return m_group; }
    QCPColorMap *histogramMap() const { return m_map; }
    QCustomPlot *meanPlot() const { return m_means; }

Q_SIGNALS:
    void loaded();

private:
    FairSslRunData m_data;
    QLabel *m_status = nullptr;
    QComboBox *m_group = nullptr;
    QCustomPlot *m_heatmap = nullptr;
    QCPColorMap *m_map = nullptr;
    QCustomPlot *m_means = nullptr;
    QFutureWatcher<Expected<FairSslRunData>> m_watcher;
};

} // namespace equiscope
