#include "data/foldercsvwriter.h"

#include "data/foldercsvreader.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QDir>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <atomic>
#include <numeric>

namespace equiscope {

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString v = value;
    v.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

Expected<QString> writeFolderCsv(const Dataset &ds, const QString &outDir,
                                 const ReadContext &context, const std::vector<qint64> &rows)
{
    if (!ds.images)
        return DataError{
            outDir, -1, -1, {}, {}, {}, QStringLiteral("the dataset has no images to write")};
    const QDir out(outDir);
    if (!out.mkpath(QStringLiteral("images")))
        return DataError{outDir, -1, -1, {}, {}, {}, QStringLiteral("cannot create the folder")};
    // Output j holds sample rowOf(j): all samples in order, or the chosen ones.
    const qint64 count = rows.empty() ? ds.size : qint64(rows.size());
    auto rowOf = [&](qint64 j) { return rows.empty() ? j : rows[size_t(j)]; };
    const int digits = std::max(6, int(QString::number(count).size()));
    auto nameOf = [&](qint64 i) {
        return QStringLiteral("images/%1.png").arg(i, digits, 10, QLatin1Char('0'));
    };

    std::vector<qint64> indices(static_cast<size_t>(count));
    std::iota(indices.begin(), indices.end(), 0);
    std::atomic<bool> failed{false};
    std::atomic<qint64> done{0};
    QtConcurrent::blockingMap(indices, [&](qint64 i) {
        if (failed || (context.cancelled && context.cancelled()))
            return;
        const auto &s = ds.images->shape();
        cv::Mat img(s.height, s.width, s.channels == 1 ? CV_8UC1 : CV_8UC3,
                    const_cast<uchar *>(ds.images->image(rowOf(i))));
        cv::Mat bgr;
        if (s.channels == 3)
            cv::cvtColor(img, bgr, cv::COLOR_RGB2BGR);
        else
            bgr = img;
        if (!cv::imwrite(out.filePath(nameOf(i)).toStdString(), bgr))
            failed = true;
        const qint64 n = ++done;
        // About a hundred reports whatever the size, so a progress bar moves for small sets too.
        if (context.progress && (n % std::max<qint64>(1, count / 100) == 0 || n == count))
            context.progress(n, count);
    });
    if (failed)
        return DataError{out.filePath(QStringLiteral("images")),   -1, -1, {}, {}, {},
                         QStringLiteral("cannot write PNG images")};
    if (context.cancelled && context.cancelled())
        return DataError{outDir, -1, -1, {}, {}, {}, QStringLiteral("cancelled")};

    const QString csvPath = out.filePath(QStringLiteral("attributes.csv"));
    QSaveFile csv(csvPath);
    if (!csv.open(QIODevice::WriteOnly))
        return DataError{csvPath, -1, -1, {}, {}, {}, csv.errorString()};
    QStringList header{QStringLiteral("file")};
    for (const Attribute &a : ds.attributes.columns())
        header << csvField(a.name());
    header << QStringLiteral("split");
    QByteArray text = header.join(QLatin1Char(',')).toUtf8() + '\n';
    for (qint64 i = 0; i < count; ++i) {
        QStringList row{nameOf(i)};
        for (const Attribute &a : ds.attributes.columns())
            row << csvField(a.displayValue(rowOf(i)));
        row << splitName(ds.splits[size_t(rowOf(i))]);
        text += row.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    csv.write(text);
    if (!csv.commit())
        return DataError{csvPath, -1, -1, {}, {}, {}, csv.errorString()};
    QJsonObject types;
    for (const Attribute &a : ds.attributes.columns())
        types.insert(a.name(), attributeTypeName(a.type()));
    QSaveFile typesFile(typesSidecarPath(csvPath));
    if (!typesFile.open(QIODevice::WriteOnly) ||
        typesFile.write(QJsonDocument(types).toJson()) < 0 || !typesFile.commit())
        return DataError{typesFile.fileName(), -1, -1, {}, {}, {}, typesFile.errorString()};
    return csvPath;
}

} // namespace equiscope
