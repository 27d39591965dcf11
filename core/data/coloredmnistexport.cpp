#include "data/coloredmnistexport.h"

#include "data/coloredmnist.h"
#include "data/foldercsvwriter.h"
#include "data/mnistjsonreader.h"

#include <QStandardPaths>

#include <QMap>

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
    const Dataset &data = ds.value();
    std::vector<qint64> rows;
    if (request.limit > 0 && request.limit < data.size) {
        // The first images of each split, in proportion, so the subset can be trained and
        // tested like the whole (a plain prefix of Fashion-MNIST is all train).
        const auto counts = data.splitCounts();
        QMap<Split, qint64> quota;
        qint64 assigned = 0;
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            quota[it.key()] = request.limit * it.value() / data.size;
            assigned += quota[it.key()];
        }
        // Rounding leftovers go to the largest split.
        Split largest = counts.firstKey();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            if (it.value() > counts.value(largest))
                largest = it.key();
        quota[largest] += request.limit - assigned;
        for (qint64 i = 0; i < data.size; ++i)
            if (quota[data.splits[size_t(i)]]-- > 0)
                rows.push_back(i);
    }
    auto csv = writeFolderCsv(data, request.outDir, context, rows);
    if (!csv)
        return csv.error();
    const qint64 written = rows.empty() ? data.size : qint64(rows.size());
    return ColorizeResult{csv.value(), data.name, written, data.images->shape().width};
}

} // namespace equiscope
