#include "data/coloredmnist.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <random>

namespace equiscope {

QVector<QColor> tab10Palette()
{
    return {QColor(31, 119, 180),  QColor(255, 127, 14),  QColor(44, 160, 44),
            QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
            QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34),
            QColor(23, 190, 207)};
}

QStringList tab10Names()
{
    return {QStringLiteral("blue"), QStringLiteral("orange"), QStringLiteral("green"),
            QStringLiteral("red"),  QStringLiteral("purple"), QStringLiteral("brown"),
            QStringLiteral("pink"), QStringLiteral("gray"),   QStringLiteral("olive"),
            QStringLiteral("cyan")};
}

QString debianFashionMnistPath()
{
    return QStringLiteral("/usr/share/datasets/fashion-mnist");
}

ColoredMnistOptions ColoredMnistOptions::fromVariantMap(const QVariantMap &o)
{
    ColoredMnistOptions c;
    c.sigma = o.value(QStringLiteral("sigma"), c.sigma).toDouble();
    c.seed = o.value(QStringLiteral("seed"), c.seed).toULongLong();
    c.rho = o.value(QStringLiteral("rho"), c.rho).toDouble();
    return c;
}

Dataset colorizeDataset(const Dataset &grey, const ColoredMnistOptions &options,
                        const ReadContext &context)
{
    if (!grey.images || grey.images->shape().channels != 1)
        throwDataProblem(grey.spec.path,
                         QStringLiteral("ColorMNIST needs grey single-channel images"));
    if (!(options.rho >= 0.0 && options.rho <= 1.0))
        throwDataError(grey.spec.path, -1, QStringLiteral("rho in [0, 1]"),
                       QString::number(options.rho), QStringLiteral("rho"));
    if (!(options.sigma >= 0.0))
        throwDataError(grey.spec.path, -1, QStringLiteral("sigma ≥ 0"),
                       QString::number(options.sigma), QStringLiteral("sigma"));
    const QVector<QColor> palette = options.palette.isEmpty() ? tab10Palette() : options.palette;
    QStringList names = options.paletteNames.isEmpty() && options.palette.isEmpty()
                            ? tab10Names()
                            : options.paletteNames;
    while (names.size() < palette.size())
        names << palette[names.size()].name();
    const int nColours = int(palette.size());
    const Attribute &label = grey.attributes.column(QStringLiteral("label"));

    // One independent generator per image, seeded by (seed, index): the colour of an image does
    // not depend on the order or the number of images processed, nor on threads.
    const qint64 n = grey.size;
    std::vector<int32_t> colourOf(static_cast<size_t>(n));
    std::vector<float> rgb(size_t(n) * 3);
    for (qint64 i = 0; i < n; ++i) {
        std::mt19937_64 rng(options.seed * 0x9E3779B97F4A7C15ull +
                            quint64(i) * 0xBF58476D1CE4E5B9ull + 1);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const int cls = std::max(0, label.code(i));
        int c;
        if (unit(rng) < options.rho)
            c = cls % nColours;
        else
            c = int(rng() % quint64(nColours));
        colourOf[size_t(i)] = c;
        std::normal_distribution<double> noise(0.0, options.sigma);
        const QColor &base = palette[c];
        const int channels[3] = {base.red(), base.green(), base.blue()};
        for (int k = 0; k < 3; ++k)
            rgb[size_t(i) * 3 + size_t(k)] =
                float(std::clamp(std::round(channels[k] + noise(rng)), 0.0, 255.0));
    }

    Dataset out;
    out.spec = grey.spec;
    out.name = QStringLiteral("Colored %1").arg(grey.name);
    out.size = n;
    out.splits = grey.splits;
    out.attributes = grey.attributes;
    out.attributes.add(
        Attribute::discrete(QStringLiteral("color"), AttributeType::Categorical, names, colourOf));
    out.attributes.add(
        Attribute::vector(QStringLiteral("rgb"), 3, rgb,
                          {QStringLiteral("r"), QStringLiteral("g"), QStringLiteral("b")}));
    out.defaultTarget = QStringLiteral("label");
    out.defaultSensitive = {QStringLiteral("rgb")};

    const ImageCache::Shape s = grey.images->shape();
    QCryptographicHash key(QCryptographicHash::Sha1);
    key.addData(QByteArrayLiteral("colored-v1"));
    key.addData(grey.images->path().toUtf8());
    key.addData(QByteArrayView(reinterpret_cast<const char *>(rgb.data()),
                               qsizetype(rgb.size() * sizeof(float))));
    const QString dir = context.cacheDir.isEmpty() ? defaultCacheDirectory() : context.cacheDir;
    const qint64 pixels = qint64(s.height) * s.width;
    auto cache = ImageCache::openOrBuild(
        dir + QStringLiteral("/colored-%1.eqimg").arg(QString::fromLatin1(key.result().toHex())),
        ImageCache::Shape{n, s.height, s.width, 3},
        [&](qint64 i, uchar *dst) -> QString {
            const uchar *src = grey.images->image(i);
            const float *c = &rgb[size_t(i) * 3];
            for (qint64 p = 0; p < pixels; ++p) {
                const float bg = (255.0f - float(src[p])) / 255.0f;
                for (int k = 0; k < 3; ++k)
                    dst[p * 3 + k] = uchar(std::lround(bg * c[k]));
            }
            return {};
        },
        context.cancelled);
    if (!cache)
        throw DataException(cache.error());
    out.images = cache.value();
    return out;
}

Dataset readColoredMnist(const DatasetSpec &spec, const ReadContext &context)
{
    DatasetSpec source;
    source.path = spec.options.value(QStringLiteral("source")).toString();
    source.format = spec.options.value(QStringLiteral("sourceFormat")).toString();
    if (source.path.isEmpty())
        source.path = spec.path.isEmpty() ? debianFashionMnistPath() : spec.path;
    if (source.format.isEmpty())
        source.format = source.path.contains(QLatin1String("mnist-json")) ||
                                source.path.endsWith(QLatin1String("digits"))
                            ? QStringLiteral("mnist-json")
                            : QStringLiteral("idx");
    source.options = spec.options;
    auto grey = openDataset(source, context);
    if (!grey)
        throw DataException(grey.error());
    Dataset ds =
        colorizeDataset(grey.value(), ColoredMnistOptions::fromVariantMap(spec.options), context);
    ds.spec = spec;
    return ds;
}

} // namespace equiscope
