// The two back ends of the report charts: SVG text (HTML reports) and QPainter (PDF pages,
// images). chart.cpp lays a chart out on either through ChartCanvas.
#include "report/chart.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace equiscope {

namespace {

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

QString svgColor(const QColor &c)
{
    if (!c.isValid() || c.alpha() == 0)
        return QStringLiteral("none");
    return c.name(QColor::HexRgb);
}

class SvgCanvas : public ChartCanvas
{
public:
    QString out;

    void line(QPointF a, QPointF b, const QColor &color, double width, bool dashed) override
    {
        out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\" stroke=\"%5\" "
                              "stroke-width=\"%6\"%7/>")
                   .arg(num(a.x()), num(a.y()), num(b.x()), num(b.y()), svgColor(color),
                        QString::number(width),
                        dashed ? QStringLiteral(" stroke-dasharray=\"5 3\"") : QString());
    }
    void polyline(const QVector<QPointF> &points, const QColor &color, double width,
                  bool dashed) override
    {
        QString pts;
        for (const QPointF &p : points)
            pts += num(p.x()) + QLatin1Char(',') + num(p.y()) + QLatin1Char(' ');
        out += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" "
                              "stroke-width=\"%3\" stroke-linejoin=\"round\"%4/>")
                   .arg(pts.trimmed(), svgColor(color), QString::number(width),
                        dashed ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString());
    }
    void rect(const QRectF &r, const QColor &fill, const QColor &stroke,
              double strokeWidth) override
    {
        out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"%6/>")
                   .arg(num(r.x()), num(r.y()), num(r.width()), num(r.height()), svgColor(fill),
                        stroke.isValid() && strokeWidth > 0
                            ? QStringLiteral(" stroke=\"%1\" stroke-width=\"%2\"")
                                  .arg(svgColor(stroke), QString::number(strokeWidth))
                            : QString());
    }
    void circle(QPointF center, double radius, const QColor &fill, const QColor &stroke) override
    {
        out +=
            QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"%3\" fill=\"%4\"%5/>")
                .arg(num(center.x()), num(center.y()), QString::number(radius), svgColor(fill),
                     stroke.isValid()
                         ? QStringLiteral(" stroke=\"%1\" stroke-width=\"1\"").arg(svgColor(stroke))
                         : QString());
    }
    void text(QPointF at, const QString &text, double size, const QColor &color, Anchor anchor,
              bool bold, double rotation) override
    {
        const char *anchors[] = {"start", "middle", "end"};
        out +=
            QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" fill=\"%4\" "
                           "text-anchor=\"%5\"%6%7>%8</text>")
                .arg(num(at.x()), num(at.y()), QString::number(size), svgColor(color),
                     QLatin1String(anchors[int(anchor)]),
                     bold ? QStringLiteral(" font-weight=\"bold\"") : QString(),
                     rotation != 0 ? QStringLiteral(" transform=\"rotate(%1 %2 %3)\"")
                                         .arg(QString::number(rotation), num(at.x()), num(at.y()))
                                   : QString(),
                     text.toHtmlEscaped());
    }
    void image(const QRectF &target, const QImage &img) override
    {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        img.save(&buffer, "PNG");
        out += QStringLiteral("<image x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                              "preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" "
                              "href=\"data:image/png;base64,%5\"/>")
                   .arg(num(target.x()), num(target.y()), num(target.width()), num(target.height()),
                        QString::fromLatin1(png.toBase64()));
    }
};

class PainterCanvas : public ChartCanvas
{
public:
    explicit PainterCanvas(QPainter *p) : m_p(p) {}

    void line(QPointF a, QPointF b, const QColor &color, double width, bool dashed) override
    {
        m_p->setPen(pen(color, width, dashed));
        m_p->drawLine(a, b);
    }
    void polyline(const QVector<QPointF> &points, const QColor &color, double width,
                  bool dashed) override
    {
        m_p->setPen(pen(color, width, dashed));
        m_p->setBrush(Qt::NoBrush);
        m_p->drawPolyline(points.constData(), int(points.size()));
    }
    void rect(const QRectF &r, const QColor &fill, const QColor &stroke,
              double strokeWidth) override
    {
        m_p->setPen(stroke.isValid() && strokeWidth > 0 ? pen(stroke, strokeWidth, false)
                                                        : QPen(Qt::NoPen));
        m_p->setBrush(fill.isValid() && fill.alpha() > 0 ? QBrush(fill) : QBrush(Qt::NoBrush));
        m_p->drawRect(r);
    }
    void circle(QPointF center, double radius, const QColor &fill, const QColor &stroke) override
    {
        m_p->setPen(stroke.isValid() ? pen(stroke, 1, false) : QPen(Qt::NoPen));
        m_p->setBrush(fill);
        m_p->drawEllipse(center, radius, radius);
    }
    void text(QPointF at, const QString &text, double size, const QColor &color, Anchor anchor,
              bool bold, double rotation) override
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(std::max(1, int(std::lround(size))));
        font.setBold(bold);
        m_p->setFont(font);
        m_p->setPen(color);
        const double w = QFontMetricsF(font).horizontalAdvance(text);
        const double dx = anchor == Anchor::Start ? 0 : anchor == Anchor::Middle ? -w / 2 : -w;
        m_p->save();
        m_p->translate(at);
        if (rotation != 0)
            m_p->rotate(rotation);
        m_p->drawText(QPointF(dx, 0), text);
        m_p->restore();
    }
    void image(const QRectF &target, const QImage &img) override
    {
        m_p->save();
        m_p->setRenderHint(QPainter::SmoothPixmapTransform, false);
        m_p->drawImage(target, img);
        m_p->restore();
    }

private:
    static QPen pen(const QColor &color, double width, bool dashed)
    {
        QPen p(color, width);
        p.setCapStyle(Qt::FlatCap);
        if (dashed)
            p.setDashPattern({5.0 / width, 3.0 / width});
        return p;
    }
    QPainter *m_p;
};

} // namespace

QString chartToSvg(const ChartSpec &spec)
{
    SvgCanvas canvas;
    drawChart(spec, canvas);
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %2\" "
                          "width=\"%1\" height=\"%2\" role=\"img\" aria-label=\"%3\" "
                          "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">"
                          "<title>%3</title>%4</svg>")
        .arg(QString::number(spec.width), QString::number(spec.height), spec.title.toHtmlEscaped(),
             canvas.out);
}

void paintChart(const ChartSpec &spec, QPainter *painter, const QRectF &target)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    painter->translate(target.topLeft());
    painter->scale(target.width() / spec.width, target.height() / spec.height);
    PainterCanvas canvas(painter);
    drawChart(spec, canvas);
    painter->restore();
}

QImage chartToImage(const ChartSpec &spec, double scale)
{
    QImage img(int(std::ceil(spec.width * scale)), int(std::ceil(spec.height * scale)),
               QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    paintChart(spec, &p, QRectF(0, 0, img.width(), img.height()));
    p.end();
    return img;
}

} // namespace equiscope
