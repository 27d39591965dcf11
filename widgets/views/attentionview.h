#pragma once

#include "fare/attentionsnapshot.h"
#include "nn/probeimages.h"
#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QPoint>
#include <QWidget>

#include <memory>

class QCustomPlot;
class QCPAxisRect;
class QCPColorMap;
class QCPItemPixmap;
class QCPItemRect;
class QLabel;
class QSlider;
class QMouseEvent;

namespace equiscope {

struct Dataset;

/// One run's probe-batch attention: the b×b heatmap sorted by group and z with colour strips
/// along its top and left edges (group colour, and the sample's own colour when z is RGB), the
/// group×group average, an epoch slider over the stored snapshots, a cell panel with both images
/// and their z for the cell under the mouse (or the keyboard cursor: arrow keys on the heatmap),
/// and the attention entropy per epoch. Snapshots, images and the dataset load off the GUI thread.
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

    QCustomPlot *plot() const { return m_plot; }
    QCPColorMap *attentionMap() const { return m_map; }
    QCPColorMap *groupMap() const { return m_groupMap; }
    QSlider *epochSlider() const { return m_slider; }
    /// The snapshot as shown: rows and columns sorted by group, then z.
    const AttentionSnapshot &shownSnapshot() const { return m_snapshot; }
    /// The hover text for cell (@p row, @p column) of the shown (sorted) snapshot.
    QString cellDescription(int row, int column) const;
    /// The cell the panel describes (row = query, column = key), or (−1, −1).
    QPoint currentCell() const { return m_cell; }
    /// Describes cell (@p row, @p column) in the panel, as hovering it does.
    void selectCell(int row, int column);
    /// Pixel centre of cell (@p row, @p column) in plot() coordinates.
    QPointF cellPixel(int row, int column) const;
    /// Thumbnails the panel shows for the current cell (null when no image is available).
    QPixmap queryThumbnail() const;
    QPixmap keyThumbnail() const;

Q_SIGNALS:
    /// A snapshot was loaded and drawn.
    void snapshotShown(int epoch);
    void loadFailed(const QString &message);
    /// The panel now describes cell (@p row, @p column).
    void cellChanged(int row, int column);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void drawSnapshot();
    void drawStrips();
    void drawGroupMap();
    void drawEntropy();
    void applyPalette();
    void hoverAt(QMouseEvent *event);
    void requestImages();
    QImage sampleImage(int index) const;

    QString m_storePath;
    RunSummary m_run;
    int m_epoch = -1;
    QPoint m_cell{-1, -1};
    QCustomPlot *m_plot = nullptr;
    QCPAxisRect *m_topStrip = nullptr;
    QCPAxisRect *m_leftStrip = nullptr;
    QCPItemPixmap *m_topPixmap = nullptr;
    QCPItemPixmap *m_leftPixmap = nullptr;
    QCPItemRect *m_cursor = nullptr;
    QCPItemRect *m_rowGuide = nullptr;
    QCPItemRect *m_columnGuide = nullptr;
    QCustomPlot *m_groupPlot = nullptr;
    QCustomPlot *m_entropyPlot = nullptr;
    QCPColorMap *m_map = nullptr;
    QCPColorMap *m_groupMap = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_epochLabel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_cellText = nullptr;
    QLabel *m_queryImage = nullptr;
    QLabel *m_keyImage = nullptr;
    AttentionSnapshot m_snapshot;
    ProbeImages m_probeImages;
    std::shared_ptr<const Dataset> m_dataset;
    QFutureWatcher<Expected<AttentionSnapshot>> m_snapshotWatcher;
    QFutureWatcher<ProbeImages> m_imagesWatcher;
    QFutureWatcher<std::shared_ptr<const Dataset>> m_datasetWatcher;
};

/// @p s with rows and columns reordered by group, then by z (lexicographic); stable, so a
/// snapshot stored in that order comes back unchanged.
AttentionSnapshot sortedByGroupAndZ(const AttentionSnapshot &s);

} // namespace equiscope
