#include "coloredmnistexport.h"

#include "coloredmnist.h"
#include "foldercsvwriter.h"
#include "mnistjsonreader.h"

#include <QStandardPaths>

#include <numeric>

namespace equiscope {

QString fetchedMnistPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/equiscope/mnist");
}

Expected<DatasetSpec> colorSourceSpec(const QString &source)
{
    DatasetSpec spec;
    spec.format = QStringLiteral("idx");
    if (source.isEmpty() || source == QLatin1String("fashion-mnist")) {
        spec.path = debianFashionMnistPath();
    } else if (source == QLatin1String("mnist")) {
        spec.path = fetchedMnistPath();
        spec.format = QStringLiteral("mnist-json");
        if (mnistJsonDigitsDir(spec.path).isEmpty())
            return DataError{
                spec.path,
                -1,
                -1,
                {},
                {},
                {},
                QStringLiteral("MNIST digits not found: run scripts/fetch-mnist first")};
    } else {
        spec.path = source;
        if (!mnistJsonDigitsDir(source).isEmpty())
            spec.format = QStringLiteral("mnist-json");
    }
    return spec;
}

Expected<DatasetSpec> coloredSpec(const ColorizeRequest &request)
{
    auto source = colorSourceSpec(request.source);
    if (!source)
        return source.error();
    DatasetSpec spec;
    spec.format = QStringLiteral("colored");
    spec.options = {{QStringLiteral("source"), source->path},
                    {QStringLiteral("sourceFormat"), source->format},
                    {QStringLiteral("rho"), request.rho},
                    {QStringLiteral("sigma"), request.sigma},
                    {QStringLiteral("seed"), request.seed}};
    return spec;
}

Expected<ColorizeResult> writeColoredMnist(const ColorizeRequest &request,
                                           const ReadContext &context)
{
    if (request.outDir.isEmpty())
        return DataError{{},
                         -1,
                         -1,
                         QStringLiteral("out"),
                         QStringLiteral("an output folder"),
                         QStringLiteral("nothing"),
                         {}};
    auto spec = coloredSpec(request);
    if (!spec)
        return spec.error();
    // The colouring's own progress (decoding the source) is not the images written: keep the
    // caller's progress for the write below.
    ReadContext openContext = context;
    openContext.progress = nullptr;
    auto ds = openDataset(spec.value(), openContext);
    if (!ds)
        return ds.error();
    Dataset data = ds.value();
    if (request.limit > 0 && request.limit < data.size) {
        // A prefix keeps the mapped cache valid: images 0..limit-1 are the same bytes.
        std::vector<qint64> rows(static_cast<size_t>(request.limit));
        std::iota(rows.begin(), rows.end(), qint64(0));
        data.attributes = data.attributes.subset(rows);
        data.splits.resize(size_t(request.limit));
        data.size = request.limit;
    }
    auto csv = writeFolderCsv(data, request.outDir, context);
    if (!csv)
        return csv.error();
    return ColorizeResult{csv.value(), data.name, data.size};
}

} // namespace equiscope
