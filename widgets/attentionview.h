#pragma once

#include "engine/trainingsession.h"
#include "runsummary.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>

#include <memory>

class QCustomPlot;
class QCPColorMap;
class QLabel;
class QSlider;
class QFrame;
class QMouseEvent;

namespace equiscope {

struct Dataset;

/// One run's probe-batch attention: the b×b heatmap with group (and RGB) strips, the group×group
/// average, an epoch slider over the stored snapshots, per-cell hover details with both images,
/// and the attention entropy per epoch. Snapshots and the dataset load off the GUI thread.
class AttentionView : public QWidget
{
    Q_OBJECT

public:
    explicit AttentionView(QWidget *parent = nullptr);
    ~AttentionView() override;

    /// Shows @p run of the store at @p storePath; loads its newest attention snapshot.
    void setRun(const QString &storePath, const RunSummary &run);
    /// Loads the snapshot of @p epoch (one of the run's attention epochs).
    void showEpoch(int epoch);
    int currentEpoch() const { return m_epoch; }

    QCPColorMap *attentionMap() const { return m_map; }
    QCPColorMap *groupMap() const { return m_groupMap; }
    QSlider *epochSlider() const { return m_slider; }
    /// The hover text for cell (@p row, @p column) of the current snapshot.
    QString cellDescription(int row, int column) const;

Q_SIGNALS:
    /// A snapshot was loaded and drawn.
    void snapshotShown(int epoch);
    void loadFailed(const QString &message);

protected:
    void leaveEvent(QEvent *event) override;

private:
    void drawSnapshot();
    void drawEntropy();
    void hoverAt(QMouseEvent *event);
    void requestDataset();

    QString m_storePath;
    RunSummary m_run;
    int m_epoch = -1;
    QCustomPlot *m_plot = nullptr;
    QCustomPlot *m_groupPlot = nullptr;
    QCustomPlot *m_entropyPlot = nullptr;
    QCPColorMap *m_map = nullptr;
    QCPColorMap *m_groupMap = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_epochLabel = nullptr;
    QLabel *m_status = nullptr;
    QFrame *m_popup = nullptr;
    QLabel *m_popupText = nullptr;
    QLabel *m_popupImageA = nullptr;
    QLabel *m_popupImageB = nullptr;
    AttentionSnapshot m_snapshot;
    std::shared_ptr<const Dataset> m_dataset;
    QFutureWatcher<Expected<AttentionSnapshot>> m_snapshotWatcher;
    QFutureWatcher<std::shared_ptr<const Dataset>> m_datasetWatcher;
};

} // namespace equiscope
