#include "data/datasetpreview.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <numeric>
#include <random>

namespace equiscope {

QImage datasetImage(const Dataset &ds, qint64 index)
{
    if (!ds.images || index < 0 || index >= ds.images->count())
        return {};
    const auto &s = ds.images->shape();
    if (s.channels == 1)
        return QImage(ds.images->image(index), s.width, s.height, s.width,
                      QImage::Format_Grayscale8)
            .convertToFormat(QImage::Format_RGB888);
    return QImage(ds.images->image(index), s.width, s.height, s.width * 3, QImage::Format_RGB888)
        .copy();
}

QImage renderPreviewGrid(const Dataset &ds, const PreviewOptions &o)
{
    QStringList attrs = o.attributes;
    if (attrs.isEmpty()) {
        if (!ds.defaultTarget.isEmpty())
            attrs << ds.defaultTarget;
        attrs << ds.defaultSensitive;
        if (attrs.isEmpty())
            attrs = ds.attributes.names().mid(0, 2);
    }
    attrs.erase(std::remove_if(attrs.begin(), attrs.end(),
                               [&](const QString &a) { return !ds.attributes.contains(a); }),
                attrs.end());
    const qint64 n = std::min<qint64>(o.count, ds.size);
    std::vector<qint64> picks(size_t(ds.size));
    std::iota(picks.begin(), picks.end(), 0);
    if (o.seed != 0) {
        std::mt19937_64 rng(o.seed);
        std::shuffle(picks.begin(), picks.end(), rng);
    }
    picks.resize(size_t(n));

    const int cols = std::max(1, std::min<int>(o.columns, int(n)));
    const int rows = int((n + cols - 1) / cols);
    const int lineH = 14;
    const int textH = 4 + lineH * int(attrs.size());
    const int cell = o.cellSize;
    const int pad = 4;
    cv::Mat canvas(rows * (cell + textH + pad) + pad, cols * (cell + pad) + pad, CV_8UC3,
                   cv::Scalar(250, 250, 250));
    for (qint64 k = 0; k < n; ++k) {
        const qint64 idx = picks[size_t(k)];
        const int r = int(k / cols), c = int(k % cols);
        const int x = pad + c * (cell + pad), y = pad + r * (cell + textH + pad);
        if (ds.images) {
            QImage img = datasetImage(ds, idx);
            cv::Mat src(img.height(), img.width(), CV_8UC3, const_cast<uchar *>(img.constBits()),
                        size_t(img.bytesPerLine()));
            cv::Mat roi = canvas(cv::Rect(x, y, cell, cell));
            cv::resize(src, roi, roi.size(), 0, 0, cv::INTER_NEAREST);
        } else {
            cv::rectangle(canvas, cv::Rect(x, y, cell, cell), cv::Scalar(220, 220, 220),
                          cv::FILLED);
            cv::putText(canvas, "#" + std::to_string(idx), cv::Point(x + 4, y + cell / 2),
                        cv::FONT_HERSHEY_SIMPLEX, 0.4, cv::Scalar(60, 60, 60), 1, cv::LINE_AA);
        }
        for (int a = 0; a < attrs.size(); ++a) {
            const Attribute &col = ds.attributes.column(attrs[a]);
            QString text = QStringLiteral("%1=%2").arg(col.name(), col.displayValue(idx));
            // Hershey fonts are ASCII-only and the cell is narrow: keep what fits.
            std::string s = text.toLatin1().toStdString();
            int base = 0;
            while (s.size() > 3 &&
                   cv::getTextSize(s, cv::FONT_HERSHEY_SIMPLEX, 0.35, 1, &base).width > cell)
                s.pop_back();
            cv::putText(canvas, s, cv::Point(x, y + cell + lineH * (a + 1)),
                        cv::FONT_HERSHEY_SIMPLEX, 0.35, cv::Scalar(30, 30, 30), 1, cv::LINE_AA);
        }
    }
    return QImage(canvas.data, canvas.cols, canvas.rows, int(canvas.step), QImage::Format_RGB888)
        .copy();
}

} // namespace equiscope
