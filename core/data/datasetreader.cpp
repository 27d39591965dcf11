#include "data/datasetreader.h"
#include <QHash>
#include <QJsonDocument>
#include <memory>

#include "data/celebareader.h"
#include "data/coloredmnist.h"
#include "data/fairfacereader.h"
#include "data/featurereader.h"
#include "data/foldercsvreader.h"
#include "data/idxreader.h"
#include "data/mnistjsonreader.h"
#include "data/utkfacereader.h"

#include <QFileInfo>

namespace equiscope {

QStringList datasetFormats()
{
    return {QStringLiteral("idx"),        QStringLiteral("mnist-json"), QStringLiteral("colored"),
            QStringLiteral("celeba"),     QStringLiteral("fairface"),   QStringLiteral("utkface"),
            QStringLiteral("folder-csv"), QStringLiteral("features")};
}

std::vector<Split> splitsFromOptions(qint64 count, const QVariantMap &options)
{
    SplitOptions s;
    s.seed = options.value(QStringLiteral("splitSeed"), 0).toULongLong();
    s.testFraction = options.value(QStringLiteral("testFraction"), 0.2).toDouble();
    s.valFraction = options.value(QStringLiteral("valFraction"), 0.0).toDouble();
    return randomSplits(count, s);
}

Expected<Dataset> openDataset(const DatasetSpec &spec, const ReadContext &context)
{
    try {
        Dataset ds;
        const QString f = spec.format.trimmed().toLower();
        if (f == QLatin1String("idx"))
            ds = readIdxDataset(spec, context);
        else if (f == QLatin1String("mnist-json"))
            ds = readMnistJson(spec, context);
        else if (f == QLatin1String("colored"))
            ds = readColoredMnist(spec, context);
        else if (f == QLatin1String("celeba"))
            ds = readCelebA(spec, context);
        else if (f == QLatin1String("fairface"))
            ds = readFairFace(spec, context);
        else if (f == QLatin1String("utkface"))
            ds = readUtkFace(spec, context);
        else if (f == QLatin1String("folder-csv"))
            ds = readFolderCsv(spec, context);
        else if (f == QLatin1String("features"))
            ds = readFeatures(spec, context);
        else
            return DataError{
                spec.path,
                -1,
                -1,
                QStringLiteral("format"),
                QStringLiteral("one of %1").arg(datasetFormats().join(QStringLiteral(", "))),
                QStringLiteral("'%1'").arg(spec.format),
                {}};
        if (ds.size == 0)
            return DataError{
                spec.path, -1, -1, {}, {}, {}, QStringLiteral("empty dataset: no samples")};
        if (qint64(ds.splits.size()) != ds.size)
            ds.splits = splitsFromOptions(ds.size, spec.options);
        ds.spec = spec;
        return ds;
    } catch (const DataException &e) {
        return e.error();
    } catch (const std::bad_alloc &) {
        return DataError{
            spec.path, -1, -1, {}, {}, {}, QStringLiteral("out of memory while reading")};
    } catch (const std::exception &e) {
        // Third-party code (OpenCV) may throw its own exceptions: report, never crash.
        return DataError{spec.path, -1, -1, {}, {}, {}, QString::fromUtf8(e.what())};
    }
}

DatasetOpener cachingDatasetOpener()
{
    auto cache = std::make_shared<QHash<QByteArray, Dataset>>();
    return [cache](const DatasetSpec &spec) -> Expected<Dataset> {
        const QByteArray key = QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact);
        if (auto it = cache->constFind(key); it != cache->constEnd())
            return it.value();
        auto opened = openDataset(spec);
        if (opened)
            cache->insert(key, opened.value());
        return opened;
    };
}

} // namespace equiscope
