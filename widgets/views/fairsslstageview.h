#pragma once

#include "runs/runsummary.h"
#include "views/fairsslrundata.h"

#include <QFutureWatcher>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QListWidget;
class QTableWidget;

namespace equiscope {

/// The stages of one fair-SSL run: a table of what each stage took in, kept and dropped (with
/// its own numbers: leaks removed, pseudo-label accuracy, meta set…), a kept/dropped bar chart
/// of the curation funnel, and thumbnails of the dropped near-duplicates (beside the image they
/// duplicate) and of the low-quality images. Loads the run's artifacts off the GUI thread.
class FairSslStageView : public QWidget
{
    Q_OBJECT

public:
    explicit FairSslStageView(QWidget *parent = nullptr);
    ~FairSslStageView() override;

    void setRun(const QString &storePath, const RunSummary &run);
    /// Shows already loaded data (also what setRun() ends with).
    void showData(const FairSslRunData &data);

    QTableWidget *stageTable() const { return m_table; }
    QCustomPlot *funnelPlot() const { return m_funnel; }
    QListWidget *duplicateList() const { return m_duplicates; }
    QListWidget *lowQualityList() const { return m_lowQuality; }

Q_SIGNALS:
    void loaded();

private:
    QTableWidget *m_table = nullptr;
    QCustomPlot *m_funnel = nullptr;
    QListWidget *m_duplicates = nullptr;
    QListWidget *m_lowQuality = nullptr;
    QLabel *m_duplicatesLabel = nullptr;
    QLabel *m_lowQualityLabel = nullptr;
    QLabel *m_status = nullptr;
    QFutureWatcher<Expected<FairSslRunData>> m_watcher;
};

} // namespace equiscope
