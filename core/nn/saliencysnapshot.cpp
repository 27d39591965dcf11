#include "nn/saliencysnapshot.h"

#include "nn/probeimages.h"

#include <QJsonArray>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

// Three decimals are far below what a colour map shows and keep a stored epoch small.
QJsonArray roundedArray(const QVector<float> &v)
{
    QJsonArray a;
    for (float x : v)
        a.append(std::round(double(x) * 1000.0) / 1000.0);
    return a;
}

DataError malformed(const QString &source, const QString &detail)
{
    DataError e;
    e.file = source;
    e.detail = QStringLiteral("malformed Grad-CAM snapshot: %1").arg(detail);
    return e;
}

} // namespace

QVector<float> SaliencySnapshot::heatOf(int i) const
{
    const int n = mapWidth * mapHeight;
    if (i < 0 || i >= size() || heat.size() < qsizetype(i + 1) * n)
        return {};
    return heat.mid(qsizetype(i) * n, n);
}

int SaliencySnapshot::groupCount(int group) const
{
    return int(std::count(groups.begin(), groups.end(), group));
}

QVector<float> SaliencySnapshot::groupHeat(int group) const
{
    const int n = mapWidth * mapHeight;
    QVector<float> mean(n, 0.0f);
    int count = 0;
    for (int i = 0; i < size(); ++i) {
        if (groups.value(i, -1) != group)
            continue;
        const QVector<float> h = heatOf(i);
        if (h.size() != n)
            continue;
        for (int k = 0; k < n; ++k)
            mean[k] += h[k];
        ++count;
    }
    if (count == 0)
        return {};
    for (float &v : mean)
        v /= float(count);
    return mean;
}

QImage SaliencySnapshot::groupImage(int group) const
{
    QVector<double> sum;
    int width = 0, height = 0, count = 0;
    for (int i = 0; i < size() && i < images.size(); ++i) {
        if (groups.value(i, -1) != group || images[i].isNull())
            continue;
        const QImage img = images[i].convertToFormat(QImage::Format_RGB888);
        if (count == 0) {
            width = img.width();
            height = img.height();
            sum.fill(0.0, qsizetype(width) * height * 3);
        } else if (img.width() != width || img.height() != height) {
            continue;
        }
        for (int y = 0; y < height; ++y) {
            const uchar *row = img.constScanLine(y);
            for (int x = 0; x < width * 3; ++x)
                sum[qsizetype(y) * width * 3 + x] += row[x];
        }
        ++count;
    }
    if (count == 0)
        return {};
    QImage mean(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        uchar *row = mean.scanLine(y);
        for (int x = 0; x < width * 3; ++x)
            row[x] = uchar(std::lround(sum[qsizetype(y) * width * 3 + x] / count));
    }
    return mean;
}

void SaliencySnapshot::attachImages(const ProbeImages &probe)
{
    images.clear();
    for (qint64 sample : samples)
        images << probe.image(sample);
}

QJsonObject SaliencySnapshot::toJson() const
{
    QJsonArray samplesJson, groupsJson, targetsJson;
    for (qint64 s : samples)
        samplesJson.append(double(s));
    for (int g : groups)
        groupsJson.append(g);
    for (int t : targets)
        targetsJson.append(t);
    return QJsonObject{{QStringLiteral("epoch"), epoch},
                       {QStringLiteral("explained"), explained},
                       {QStringLiteral("layer"), layer},
                       {QStringLiteral("mapWidth"), mapWidth},
                       {QStringLiteral("mapHeight"), mapHeight},
                       {QStringLiteral("samples"), samplesJson},
                       {QStringLiteral("groups"), groupsJson},
                       {QStringLiteral("groupLabels"), QJsonArray::fromStringList(groupLabels)},
                       {QStringLiteral("targets"), targetsJson},
                       {QStringLiteral("targetLabels"), QJsonArray::fromStringList(targetLabels)},
                       {QStringLiteral("heat"), roundedArray(heat)},
                       {QStringLiteral("score"), roundedArray(score)}};
}

Expected<SaliencySnapshot> SaliencySnapshot::fromJson(const QJsonObject &o, const QString &source)
{
    SaliencySnapshot s;
    s.epoch = o.value(QStringLiteral("epoch")).toInt();
    s.explained = o.value(QStringLiteral("explained")).toString();
    s.layer = o.value(QStringLiteral("layer")).toString();
    s.mapWidth = o.value(QStringLiteral("mapWidth")).toInt();
    s.mapHeight = o.value(QStringLiteral("mapHeight")).toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("samples")).toArray())
        s.samples << qint64(v.toDouble());
    for (const QJsonValue &v : o.value(QStringLiteral("groups")).toArray())
        s.groups << v.toInt(-1);
    for (const QJsonValue &v : o.value(QStringLiteral("groupLabels")).toArray())
        s.groupLabels << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("targets")).toArray())
        s.targets << v.toInt(-1);
    for (const QJsonValue &v : o.value(QStringLiteral("targetLabels")).toArray())
        s.targetLabels << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("heat")).toArray())
        s.heat << float(v.toDouble());
    for (const QJsonValue &v : o.value(QStringLiteral("score")).toArray())
        s.score << float(v.toDouble());
    const int n = s.size();
    if (n == 0)
        return malformed(source, QStringLiteral("no images"));
    if (s.mapWidth <= 0 || s.mapHeight <= 0)
        return malformed(source, QStringLiteral("map size %1×%2").arg(s.mapWidth).arg(s.mapHeight));
    if (s.heat.size() != qsizetype(n) * s.mapWidth * s.mapHeight)
        return malformed(source, QStringLiteral("%1 heat values for %2 maps of %3×%4")
                                     .arg(s.heat.size())
                                     .arg(n)
                                     .arg(s.mapWidth)
                                     .arg(s.mapHeight));
    if (s.groups.size() != n)
        return malformed(source,
                         QStringLiteral("%1 samples but %2 groups").arg(n).arg(s.groups.size()));
    return s;
}

QImage saliencyOverlay(const QImage &image, const QVector<float> &heat, int mapWidth, int mapHeight,
                       int size, double opacity)
{
    if (size <= 0)
        return {};
    cv::Mat base(size, size, CV_8UC3, cv::Scalar(0, 0, 0));
    if (!image.isNull()) {
        const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
        const cv::Mat src(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
                          size_t(rgb.bytesPerLine()));
        cv::resize(src, base, base.size(), 0, 0, cv::INTER_NEAREST);
    }
    if (mapWidth > 0 && mapHeight > 0 && heat.size() == qsizetype(mapWidth) * mapHeight) {
        cv::Mat map(mapHeight, mapWidth, CV_32F);
        for (int y = 0; y < mapHeight; ++y)
            for (int x = 0; x < mapWidth; ++x)
                map.at<float>(y, x) = std::clamp(heat[y * mapWidth + x], 0.0f, 1.0f);
        cv::Mat up, u8, coloured, rgb;
        // Bilinear: Grad-CAM maps are coarse (10×10, 4×4); blocks would suggest false precision.
        cv::resize(map, up, base.size(), 0, 0, cv::INTER_LINEAR);
        up.convertTo(u8, CV_8U, 255.0);
        cv::applyColorMap(u8, coloured, cv::COLORMAP_VIRIDIS); // BGR
        cv::cvtColor(coloured, rgb, cv::COLOR_BGR2RGB);
        // The colour covers the image in proportion to the heat: where the model does not look,
        // the image stays visible; where it looks, the colour map says how much.
        const double a = std::clamp(opacity, 0.0, 1.0);
        for (int y = 0; y < base.rows; ++y) {
            cv::Vec3b *dst = base.ptr<cv::Vec3b>(y);
            const cv::Vec3b *src = rgb.ptr<cv::Vec3b>(y);
            const float *h = up.ptr<float>(y);
            for (int x = 0; x < base.cols; ++x) {
                const double w = a * std::clamp(double(h[x]), 0.0, 1.0);
                for (int c = 0; c < 3; ++c)
                    dst[x][c] = uchar(std::lround((1.0 - w) * dst[x][c] + w * src[x][c]));
            }
        }
    }
    return QImage(base.data, base.cols, base.rows, int(base.step), QImage::Format_RGB888).copy();
}

} // namespace equiscope
