#pragma once

#include "nn/embeddingset.h"
#include "runs/runsummary.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QCPTextElement;
class QMouseEvent;
class QProgressBar;
class QPushButton;

namespace equiscope {

struct Dataset;

/// 2-D projection of the representations a run stored at its end (a test subset): PCA at once,
/// t-SNE on request (seeded, off the GUI thread, with progress and cancel). Points are coloured by
/// group or by target with the colour-blind-safe palette and a marker shape per category; hovering
/// a point shows its image and labels.
class EmbeddingView : public QWidget
{
    Q_OBJECT

public:
    enum class Method
    {
        Pca,
        Tsne
    };
    enum class ColourBy
    {
        Group,
        Target
    };

    explicit EmbeddingView(QWidget *parent = nullptr);
    ~EmbeddingView() override;

    /// Shows @p run of the store at @p storePath: loads its embeddings and projects them by PCA.
    void setRun(const QString &storePath, const RunSummary &run);
    /// Projects with @p method (t-SNE starts a background computation; projected() follows).
    void setMethod(Method method);
    Method method() const;
    void setColourBy(ColourBy by);
    /// Stops a running t-SNE; the previous projection stays.
    void cancelProjection();
    bool isProjecting() const;

    const EmbeddingSet &embeddings() const { return m_set; }
    /// The plotted 2-D points (rows × 2) of the current method.
    const QVector<float> &points() const { return m_points; }
    QCustomPlot *plot() const { return m_plot; }
    /// Pixel position of row @p row in plot().
    QPointF pointPixel(int row) const;
    /// The row the detail panel shows (hovered), or −1.
    int hoveredRow() const { return m_hovered; }
    /// Describes row @p row in the detail panel, as hovering it does.
    void showDetails(int row);
    /// The detail panel's text (the hovered point's labels and coordinates).
    QString detailsText() const;
    /// Whether the run's dataset (for the hovered point's image) is open.
    bool hasDataset() const { return m_dataset != nullptr; }

Q_SIGNALS:
    /// A projection finished and was drawn.
    void projected();
    void loadFailed(const QString &message);
    /// The run's dataset finished opening (successfully or not).
    void datasetLoaded();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Projection
    {
        Expected<QVector<float>> points = DataError{};
        QString xLabel, yLabel, note;
    };
    void project();
    void draw();
    void hoverAt(QMouseEvent *event);

    QString m_storePath;
    RunSummary m_run;
    EmbeddingSet m_set;
    QVector<float> m_points;
    Method m_shown = Method::Pca;
    QString m_xLabel, m_yLabel;
    int m_hovered = -1;
    std::shared_ptr<const Dataset> m_dataset;
    QComboBox *m_method = nullptr;
    QComboBox *m_colour = nullptr;
    QDoubleSpinBox *m_perplexity = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QCPTextElement *m_legendNote = nullptr; ///< in the legend when categories > 8
    QCustomPlot *m_plot = nullptr;
    QLabel *m_image = nullptr;
    QLabel *m_details = nullptr;
    QFutureWatcher<Expected<EmbeddingSet>> m_loadWatcher;
    QFutureWatcher<Projection> m_projectWatcher;
    QFutureWatcher<std::shared_ptr<const Dataset>> m_datasetWatcher;
};

} // namespace equiscope
