#include "data/datasetsummary.h"

#include <QJsonArray>
#include <QTextStream>

namespace equiscope {

namespace {
QJsonObject statsJson(const ContinuousStats &s)
{
    return QJsonObject{{QStringLiteral("min"), s.min},
                       {QStringLiteral("max"), s.max},
                       {QStringLiteral("mean"), s.mean}};
}
} // namespace

QJsonObject datasetSummaryJson(const Dataset &ds)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), ds.spec.format);
    o.insert(QStringLiteral("name"), ds.name);
    o.insert(QStringLiteral("samples"), ds.size);
    QJsonObject splits;
    const auto counts = ds.splitCounts();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        splits.insert(splitName(it.key()), it.value());
    o.insert(QStringLiteral("splits"), splits);
    QJsonArray attrs;
    for (const Attribute &a : ds.attributes.columns()) {
        QJsonObject j{{QStringLiteral("name"), a.name()},
                      {QStringLiteral("type"), attributeTypeName(a.type())}};
        if (a.isDiscrete()) {
            QJsonObject levels;
            const auto lc = a.levelCounts();
            for (int i = 0; i < a.levels().size(); ++i)
                levels.insert(a.levels()[i], lc[size_t(i)]);
            j.insert(QStringLiteral("levels"), levels);
        } else if (a.type() == AttributeType::Continuous) {
            j.insert(QStringLiteral("stats"), statsJson(a.stats()));
        } else {
            QJsonArray comps;
            for (int k = 0; k < a.dim(); ++k) {
                QJsonObject c = statsJson(a.stats(k));
                c.insert(QStringLiteral("component"),
                         a.componentNames().value(k, QString::number(k)));
                comps.append(c);
            }
            j.insert(QStringLiteral("dim"), a.dim());
            j.insert(QStringLiteral("stats"), comps);
        }
        const qint64 missing = a.missingCount();
        if (missing)
            j.insert(QStringLiteral("missing"), missing);
        attrs.append(j);
    }
    o.insert(QStringLiteral("attributes"), attrs);
    o.insert(QStringLiteral("skipped"), ds.skipped);
    if (!ds.skippedExamples.isEmpty())
        o.insert(QStringLiteral("skippedExamples"), QJsonArray::fromStringList(ds.skippedExamples));
    if (!ds.warnings.isEmpty())
        o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(ds.warnings));
    if (ds.images) {
        const auto &s = ds.images->shape();
        o.insert(QStringLiteral("image"), QJsonObject{{QStringLiteral("height"), s.height},
                                                      {QStringLiteral("width"), s.width},
                                                      {QStringLiteral("channels"), s.channels}});
    }
    if (ds.features)
        o.insert(QStringLiteral("featureDim"), ds.features->cols());
    o.insert(QStringLiteral("fingerprint"), ds.fingerprint());
    return o;
}

QString datasetSummaryText(const Dataset &ds)
{
    QString text;
    QTextStream out(&text);
    out << ds.name << " (" << ds.spec.format << ")\n";
    out << "samples: " << ds.size << "\n";
    const auto counts = ds.splitCounts();
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(splitName(it.key())).arg(it.value());
    out << "splits: " << parts.join(QStringLiteral(", ")) << "\n";
    if (ds.images)
        out << "images: " << ds.images->shape().width << "x" << ds.images->shape().height << "x"
            << ds.images->shape().channels << " (cache " << ds.images->path() << ")\n";
    if (ds.features)
        out << "features: " << ds.features->rows() << " x " << ds.features->cols() << "\n";
    out << "attributes:\n";
    for (const Attribute &a : ds.attributes.columns()) {
        out << "  " << a.name() << " [" << attributeTypeName(a.type()) << "]";
        if (a.isDiscrete()) {
            const auto lc = a.levelCounts();
            QStringList levels;
            for (int i = 0; i < a.levels().size(); ++i)
                levels << QStringLiteral("%1: %2").arg(a.levels()[i]).arg(lc[size_t(i)]);
            out << " " << levels.join(QStringLiteral(", "));
        } else {
            for (int k = 0; k < a.dim(); ++k) {
                const ContinuousStats s = a.stats(k);
                if (a.dim() > 1)
                    out << " " << a.componentNames().value(k, QString::number(k)) << ":";
                out << QStringLiteral(" min %1 max %2 mean %3")
                           .arg(s.min)
                           .arg(s.max)
                           .arg(s.mean, 0, 'f', 3);
            }
        }
        if (const qint64 m = a.missingCount())
            out << " (missing " << m << ")";
        out << "\n";
    }
    out << "skipped: " << ds.skipped << "\n";
    for (const QString &s : ds.skippedExamples)
        out << "  skipped " << s << "\n";
    for (const QString &w : ds.warnings)
        out << "warning: " << w << "\n";
    return text;
}

} // namespace equiscope
