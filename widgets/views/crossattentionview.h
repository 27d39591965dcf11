#pragma once

#include "clustering/crossattentionsnapshot.h"
#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QGridLayout;
class QLabel;

namespace equiscope {

struct Dataset;

/// The Cross-attention of a clustering run for a chosen anchor: furthest-sub-cluster tokens
/// (rows) × centroid-sub-cluster tokens (columns), with each token's rank, p and whether it has
/// the anchor's identity; thumbnail strips of both sub-clusters when the features are embeddings
/// of an image dataset. Snapshots are stored per epoch; both load off the GUI thread.
class CrossAttentionView : public QWidget
{
    Q_OBJECT

public:
    explicit CrossAttentionView(QWidget *parent = nullptr);
    ~CrossAttentionView() override;

    /// Shows @p run of the store at @p storePath: its newest Cross-attention snapshot.
    void setRun(const QString &storePath, const RunSummary &run);
    void showAnchor(int index);

    QCPColorMap *attentionMap() const { return m_map; }
    QComboBox *epochBox() const { return m_epoch; }
    QComboBox *anchorBox() const { return m_anchor; }
    const CrossAttentionSnapshot &snapshot() const { return m_snapshot; }
    /// Thumbnails currently shown (0 without images).
    int thumbnailCount() const;

Q_SIGNALS:
    void snapshotShown(int epoch);
    void loadFailed(const QString &message);

private:
    struct Loaded
    {
        QVector<int> epochs;
        CrossAttentionSnapshot snapshot;
        std::shared_ptr<const Dataset> images;
        QString error;
    };
    void load(int epoch);
    void drawThumbnails(const CrossAttentionAnchor &a);

    QString m_storePath;
    RunSummary m_run;
    CrossAttentionSnapshot m_snapshot;
    std::shared_ptr<const Dataset> m_images;
    QComboBox *m_epoch = nullptr;
    QComboBox *m_anchor = nullptr;
    QLabel *m_status = nullptr;
    QCustomPlot *m_plot = nullptr;
    QCPColorMap *m_map = nullptr;
    QWidget *m_strips = nullptr;
    QGridLayout *m_stripLayout = nullptr;
    QFutureWatcher<Loaded> m_watcher;
};

} // namespace equiscope
