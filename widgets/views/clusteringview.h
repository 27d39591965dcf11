#pragma once

#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace equiscope {

/// A clustering run's fairness at a glance: the chosen score per sensitive group as bars with the
/// overall value and the std across groups, the purity of the predicted clusters per group (box
/// plots and histograms) and the cluster-size distribution. Artifacts load off the GUI thread.
class ClusteringView : public QWidget
{
    Q_OBJECT

public:
    explicit ClusteringView(QWidget *parent = nullptr);
    ~ClusteringView() override;

    /// Shows @p run (a clustering run) of the store at @p storePath.
    void setRun(const QString &storePath, const RunSummary &run);
    /// Score shown in the per-group bars (pairwise_f_score, bcubed_f_score, nmi, …).
    void setScore(const QString &name);
    /// Group whose purity histogram is drawn against all clusters (default: the smallest).
    void setHistogramGroup(const QString &label);
    QComboBox *histogramGroupBox() const { return m_histogramGroup; }

    QCustomPlot *scorePlot() const { return m_scorePlot; }
    QCustomPlot *purityBoxPlot() const { return m_boxPlot; }
    QCustomPlot *purityHistogram() const { return m_histogram; }
    QCustomPlot *sizePlot() const { return m_sizePlot; }
    QLabel *summaryLabel() const { return m_summary; }
    /// Groups drawn in the purity box plot, in order.
    QStringList purityGroups() const { return m_purityGroups; }

Q_SIGNALS:
    /// The purity and size artifacts were loaded and drawn (or failed: see the summary).
    void loaded();

private:
    struct Artifacts
    {
        QJsonObject purity;
        QJsonObject sizes;
        QString error;
    };
    void drawScores();
    void drawPurity();
    void drawHistogram();
    void drawSizes();
    /// Tick text of a group: its label without the attribute name all groups share.
    QString shortLabel(const QString &label) const;

    RunSummary m_run;
    Artifacts m_artifacts;
    QStringList m_purityGroups;
    QComboBox *m_score = nullptr;
    QComboBox *m_histogramGroup = nullptr;
    QString m_commonPrefix;
    QLabel *m_summary = nullptr;
    QCustomPlot *m_scorePlot = nullptr;
    QCustomPlot *m_boxPlot = nullptr;
    QCustomPlot *m_histogram = nullptr;
    QCustomPlot *m_sizePlot = nullptr;
    QFutureWatcher<Artifacts> m_watcher;
};

} // namespace equiscope
