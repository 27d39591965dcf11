#pragma once

#include "nn/probeimages.h"
#include "nn/saliencysnapshot.h"
#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QListWidget;
class QSlider;

namespace equiscope {

/// Grad-CAM saliency of a run's probe batch: per-group averages (the group's mean image under its
/// mean heat map) above a grid of every probe image with its own overlay, an epoch slider over
/// the stored snapshots and an overlay opacity slider. Artifacts load and overlays render (with
/// OpenCV, in core) off the GUI thread.
class SaliencyView : public QWidget
{
    Q_OBJECT

public:
    explicit SaliencyView(QWidget *parent = nullptr);
    ~SaliencyView() override;

    /// Shows @p run of the store at @p storePath; loads its newest Grad-CAM snapshot.
    void setRun(const QString &storePath, const RunSummary &run);
    void showEpoch(int epoch);
    int currentEpoch() const { return m_epoch; }
    /// Overlay opacity in percent (0 = the image only, 100 = the heat map only).
    void setOpacity(int percent);

    const SaliencySnapshot &snapshot() const { return m_snapshot; }
    QListWidget *imageList() const { return m_images; }
    QListWidget *groupList() const { return m_groups; }
    QSlider *epochSlider() const { return m_slider; }

Q_SIGNALS:
    /// A snapshot was loaded and its overlays drawn.
    void snapshotShown(int epoch);
    void loadFailed(const QString &message);

private:
    struct Rendered
    {
        Expected<SaliencySnapshot> snapshot = DataError{};
        QVector<QImage> overlays;
        QVector<QImage> groupOverlays; ///< one per group of the snapshot (null when empty)
        ProbeImages probe;
    };
    void render(bool reload);
    void showRendered(const Rendered &r);

    QString m_storePath;
    RunSummary m_run;
    int m_epoch = -1;
    SaliencySnapshot m_snapshot;
    ProbeImages m_probeImages;
    QSlider *m_slider = nullptr;
    QSlider *m_opacity = nullptr;
    QLabel *m_epochLabel = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_scale = nullptr;
    QListWidget *m_groups = nullptr;
    QListWidget *m_images = nullptr;
    QFutureWatcher<Rendered> m_watcher;
    bool m_pending = false;
};

} // namespace equiscope
