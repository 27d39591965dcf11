#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

class QPainter;

namespace equiscope {

/// One series of a chart: a line / scatter series (x, y) or one bar per category (y only).
struct ChartSeries
{
    QString name;
    QVector<QPointF> points;
    QVector<double> low;  ///< optional lower error bar per point (NaN = none)
    QVector<double> high; ///< optional upper error bar per point (NaN = none)
    QColor color;         ///< invalid = palette colour of the series index
    bool line = true;     ///< join the points (line charts)
    bool markers = true;
    bool highlighted = false; ///< scatter: drawn larger and labelled
    QStringList pointLabels;  ///< scatter: one label per point (may be empty)
};

/// What a chart shows, independent of where it is drawn (SVG for HTML, QPainter for PDF).
struct ChartSpec
{
    enum class Kind
    {
        Line,    ///< numeric x (epochs), one polyline per series
        Bars,    ///< categories on x, one bar per series and category, optional error bars
        Scatter, ///< numeric x and y, optional Pareto front line and reference point
        Heatmap  ///< a matrix of values with a colour bar
    };
    Kind kind = Kind::Line;
    QString title;
    QString xLabel;
    QString yLabel;
    QVector<ChartSeries> series;
    QStringList categories;      ///< bars: one per category; heatmap: row/column labels
    QVector<bool> categoryMuted; ///< bars: categories drawn hatched ("too small to judge")
    bool integerX = false;       ///< line: ticks only at integers (epochs)
    std::optional<double> yMin;  ///< fixed y range (e.g. 0..1 for rates)
    std::optional<double> yMax;
    QVector<QPointF> frontLine;       ///< scatter: the Pareto front, in order
    std::optional<QPointF> reference; ///< scatter: the hypervolume reference point
    // Heatmap
    int rows = 0;
    int cols = 0;
    QVector<float> cells; ///< rows × cols, row-major; NaN = no value
    QString colorLabel;   ///< what the colours mean
    /// A fixed colour scale (e.g. 0..1 for association strengths, so that a weak matrix does not
    /// look saturated); unset: the range of the cells.
    std::optional<double> colorMin;
    std::optional<double> colorMax;
    bool cellLabels = false; ///< write the value into each cell (small matrices)
    double width = 720;
    double height = 300;
};

/// Where a chart is drawn: the same drawing code writes SVG (HTML report) and paints with
/// QPainter (PDF report, previews). Coordinates are in chart units (ChartSpec width × height).
class ChartCanvas
{
public:
    enum class Anchor
    {
        Start,
        Middle,
        End
    };
    virtual ~ChartCanvas() = default;
    virtual void line(QPointF a, QPointF b, const QColor &color, double width,
                      bool dashed = false) = 0;
    virtual void polyline(const QVector<QPointF> &points, const QColor &color, double width,
                          bool dashed = false) = 0;
    virtual void rect(const QRectF &r, const QColor &fill, const QColor &stroke = {},
                      double strokeWidth = 0) = 0;
    virtual void circle(QPointF center, double radius, const QColor &fill,
                        const QColor &stroke = {}) = 0;
    /// @p rotation in degrees around @p at (−90 = reading upwards).
    virtual void text(QPointF at, const QString &text, double size, const QColor &color,
                      Anchor anchor = Anchor::Start, bool bold = false, double rotation = 0) = 0;
    virtual void image(const QRectF &target, const QImage &image) = 0;
};

/// Draws @p spec onto @p canvas.
void drawChart(const ChartSpec &spec, ChartCanvas &canvas);

/// The chart as a standalone <svg> element (text escaped; heatmaps embed a PNG data URI).
QString chartToSvg(const ChartSpec &spec);

/// Paints @p spec scaled into @p target (PDF pages, previews).
void paintChart(const ChartSpec &spec, QPainter *painter, const QRectF &target);

/// The chart painted into an image of @p scale × its size (needs a QGuiApplication for fonts).
QImage chartToImage(const ChartSpec &spec, double scale = 2.0);

/// The colour-blind-safe palette used for series (Okabe–Ito order).
QColor paletteColor(int index);
/// Viridis colour of @p t in [0, 1].
QColor viridis(double t);

} // namespace equiscope
