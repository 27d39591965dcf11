#include "data/featurereader.h"
#include "data/inputfile.h"

#include "data/csvtable.h"
#include "data/imagecache.h"
#include "data/npyfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include <cmath>

namespace equiscope {

namespace {

// Benchmarks such as ImageNet have 1000 classes; label files are trusted with more levels than
// the cap meant for free-form CSV columns.
constexpr int kMaxLabelLevels = 1 << 20;

struct TextLines
{
    QString file;
    QStringList values;
    std::vector<qint64> lines;
};

/// One trimmed value per line; trailing blank lines (a final newline) are not values.
TextLines readLines(const QString &path)
{
    TextLines t;
    t.file = path;
    const QList<QByteArray> raw = readInputFile(path).split('\n');
    for (qsizetype i = 0; i < raw.size(); ++i) {
        t.values << QString::fromUtf8(raw[i]).trimmed();
        t.lines.push_back(i + 1);
    }
    while (!t.values.isEmpty() && t.values.last().isEmpty()) {
        t.values.removeLast();
        t.lines.pop_back();
    }
    return t;
}

Attribute categoricalColumn(const QString &name, const TextLines &t, const QString &what)
{
    for (qsizetype i = 0; i < t.values.size(); ++i)
        if (t.values[i].isEmpty())
            throwDataError(t.file, t.lines[size_t(i)], what, QStringLiteral("an empty line"));
    TextColumnOptions o;
    o.forcedType = AttributeType::Categorical;
    o.file = t.file;
    o.lines = t.lines;
    o.maxCategoricalLevels = kMaxLabelLevels;
    return attributeFromText(name, t.values, o);
}

Attribute labelColumn(const TextLines &t)
{
    for (qsizetype i = 0; i < t.values.size(); ++i) {
        bool ok = false;
        t.values[i].toLongLong(&ok);
        if (!ok)
            throwDataError(t.file, t.lines[size_t(i)], QStringLiteral("an integer label"),
                           QStringLiteral("'%1'").arg(t.values[i]));
    }
    return categoricalColumn(QStringLiteral("label"), t, QStringLiteral("an integer label"));
}

void checkLineCount(const TextLines &t, qint64 rows, const QString &what)
{
    if (qint64(t.values.size()) != rows)
        throwDataError(t.file, -1,
                       QStringLiteral("%1 lines (one %2 per sample)").arg(rows).arg(what),
                       QStringLiteral("%1 lines").arg(t.values.size()));
}

/// A file option, or {}. Relative paths are looked up beside the features file first (where
/// benchmark folders keep them), then in the working directory (as typed on a command line).
QString optionPath(const QVariantMap &options, const QString &key, const QDir &base)
{
    const QString value = options.value(key).toString();
    if (value.isEmpty())
        return {};
    QString path = QFileInfo(value).isRelative() ? base.filePath(value) : value;
    if (!QFileInfo::exists(path) && QFileInfo::exists(value))
        path = QFileInfo(value).absoluteFilePath();
    if (!QFileInfo::exists(path))
        throwDataError(path, -1, QStringLiteral("the '%1' file").arg(key),
                       QStringLiteral("no such file"));
    return path;
}

bool isNumber(const QString &text)
{
    bool ok = false;
    text.trimmed().toDouble(&ok);
    return ok;
}

/// features.bin: the row count comes from the labels, the width from the size (or "dim").
void readBin(const QString &path, const QString &labelsPath, const QVariantMap &options,
             Dataset &ds)
{
    const qint64 bytes = QFileInfo(path).size();
    int dim = 0;
    if (options.contains(QStringLiteral("dim"))) {
        bool ok = false;
        // Parsed from the text: a QVariant conversion would wrap 4294967304 to 8.
        dim = options.value(QStringLiteral("dim")).toString().trimmed().toInt(&ok);
        if (!ok || dim <= 0)
            throwDataError(
                path, -1, QStringLiteral("a positive integer 'dim' option"),
                QStringLiteral("'%1'").arg(options.value(QStringLiteral("dim")).toString()));
    }
    qint64 rows = 0;
    if (!labelsPath.isEmpty()) {
        const TextLines labels = readLines(labelsPath);
        rows = labels.values.size();
        if (rows == 0)
            throwDataProblem(labelsPath, QStringLiteral("empty dataset: no labels"));
        const qint64 rowBytes = 4 * rows;
        if (bytes % rowBytes != 0 || bytes == 0)
            throwDataError(path, -1,
                           QStringLiteral("%1×D float32 values (a multiple of 4·%1 = %2 bytes; "
                                          "%1 rows = the lines of %3)")
                               .arg(rows)
                               .arg(rowBytes)
                               .arg(QFileInfo(labelsPath).fileName()),
                           QStringLiteral("%1 bytes").arg(bytes));
        if (dim > 0 && bytes != rowBytes * dim)
            throwDataError(path, -1,
                           QStringLiteral("%1×%2 float32 values (%3 bytes; %1 rows = the lines of "
                                          "%4)")
                               .arg(rows)
                               .arg(dim)
                               .arg(rowBytes * dim)
                               .arg(QFileInfo(labelsPath).fileName()),
                           QStringLiteral("%1 bytes").arg(bytes));
        dim = int(bytes / rowBytes);
        ds.attributes.add(labelColumn(labels));
    } else {
        if (dim <= 0)
            throwDataError(QFileInfo(path).absoluteDir().filePath(QStringLiteral("labels.meta")),
                           -1,
                           QStringLiteral("a labels file (one label per sample) or a 'dim' option"),
                           QStringLiteral("no such file"));
        if (bytes % (4 * qint64(dim)) != 0 || bytes == 0)
            throwDataError(path, -1,
                           QStringLiteral("N×%1 float32 values (a multiple of %2 bytes)")
                               .arg(dim)
                               .arg(4 * qint64(dim)),
                           QStringLiteral("%1 bytes").arg(bytes));
        rows = bytes / (4 * qint64(dim));
        ds.warnings << QStringLiteral("no labels file: %1 rows inferred from 'dim'").arg(rows);
    }
    auto mapped = FeatureMatrix::map(path, rows, dim);
    if (!mapped)
        throw DataException(mapped.error());
    ds.features = mapped.value();
}

/// A numeric CSV matrix; a non-numeric first row is a header, naming label/group columns.
void readCsvMatrix(const QString &path, Dataset &ds)
{
    const CsvTable t = CsvTable::read(path);
    const bool hasHeader = !std::all_of(t.header.begin(), t.header.end(),
                                        [](const QString &c) { return isNumber(c); });
    std::vector<QStringList> rows = t.rows;
    std::vector<qint64> lines = t.lines;
    if (!hasHeader) {
        rows.insert(rows.begin(), t.header);
        lines.insert(lines.begin(), 1);
    }
    if (rows.empty())
        throwDataProblem(path, QStringLiteral("empty dataset: no rows"));
    std::vector<int> featureColumns;
    for (int c = 0; c < t.header.size(); ++c) {
        const QString name = hasHeader ? t.header[c].toLower() : QString();
        if (name != QLatin1String("label") && name != QLatin1String("group"))
            featureColumns.push_back(c);
    }
    if (featureColumns.empty())
        throwDataError(path, 1, QStringLiteral("at least one numeric feature column"),
                       QStringLiteral("only '%1'").arg(t.header.join(QLatin1Char(','))));
    const int dim = int(featureColumns.size());
    std::vector<float> values(rows.size() * size_t(dim));
    for (size_t r = 0; r < rows.size(); ++r) {
        for (int k = 0; k < dim; ++k) {
            const int c = featureColumns[size_t(k)];
            bool ok = false;
            const QString cell = rows[r][c].trimmed();
            values[r * size_t(dim) + size_t(k)] = cell.toFloat(&ok);
            if (!ok)
                throwDataError(path, lines[r], QStringLiteral("a number"),
                               QStringLiteral("'%1'").arg(cell),
                               hasHeader ? t.header[c] : QStringLiteral("column %1").arg(c + 1));
        }
    }
    if (hasHeader) {
        for (int c = 0; c < t.header.size(); ++c) {
            const QString name = t.header[c].toLower();
            if (name != QLatin1String("label") && name != QLatin1String("group"))
                continue;
            TextLines column{path, {}, lines};
            for (const QStringList &row : rows)
                column.values << row[c].trimmed();
            ds.attributes.add(categoricalColumn(name, column, QStringLiteral("a %1").arg(name)));
        }
    }
    ds.features = std::make_shared<FeatureMatrix>(qint64(rows.size()), dim, std::move(values));
}

} // namespace

/// A NaN or infinite feature poisons every distance and kNN list it enters, silently: refused,
/// naming the first one's row and column (1-based).
void checkFinite(const QString &path, const FeatureMatrix &m)
{
    const float *values = m.data();
    const qint64 count = m.rows() * qint64(m.cols());
    for (qint64 i = 0; i < count; ++i)
        if (!std::isfinite(values[i])) {
            DataError e;
            e.file = path;
            e.field =
                QStringLiteral("row %1, column %2").arg(i / m.cols() + 1).arg(i % m.cols() + 1);
            e.expected = QStringLiteral("a finite number");
            e.found = QString::number(double(values[i]));
            throw DataException(e);
        }
}

Dataset readFeatures(const DatasetSpec &spec, const ReadContext &context)
{
    Q_UNUSED(context) // nothing here is slow enough to report progress or to cancel
    QString path = spec.path;
    if (QFileInfo(path).isDir()) {
        path = QDir(spec.path).filePath(QStringLiteral("features.bin"));
        if (!QFileInfo::exists(path))
            throwDataError(spec.path, -1,
                           QStringLiteral("features.bin, or a .csv / .npy feature matrix"),
                           QStringLiteral("a folder without features.bin"));
    }
    if (!QFileInfo(path).isFile())
        throwDataError(path, -1, QStringLiteral("a feature file"), QStringLiteral("no such file"));
    const QDir base = QFileInfo(path).absoluteDir();
    const QString suffix = QFileInfo(path).suffix().toLower();

    Dataset ds;
    ds.spec = spec;
    ds.name = base.dirName() + QLatin1Char('/') + QFileInfo(path).fileName();
    QString labelsPath = optionPath(spec.options, QStringLiteral("labels"), base);
    const bool explicitLabels = !labelsPath.isEmpty();
    const QString sibling = base.filePath(QStringLiteral("labels.meta"));
    if (!explicitLabels && QFileInfo::exists(sibling))
        labelsPath = sibling;

    if (suffix == QLatin1String("npy")) {
        // float32 data is memory-mapped like features.bin; float64 is converted, into a
        // scratch file when large.
        Expected<NpyMatrix> m = readNpy(path, NpyData::LeaveData);
        if (!m)
            throw DataException(m.error());
        if (m->rows == 0 || m->cols == 0)
            throwDataProblem(
                path, QStringLiteral("empty dataset: shape (%1, %2)").arg(m->rows).arg(m->cols));
        auto features = m->dtype == QLatin1String("<f4")
                            ? FeatureMatrix::map(path, m->rows, m->cols, m->dataOffset)
                            : FeatureMatrix::convertFloat64(path, m->rows, m->cols, m->dataOffset,
                                                            defaultScratchDirectory(),
                                                            FeatureMatrix::kScratchAboveBytes);
        if (!features)
            throw DataException(features.error());
        ds.features = features.value();
    } else if (suffix == QLatin1String("csv")) {
        readCsvMatrix(path, ds);
        // A label column in the CSV wins over a labels.meta that merely lies beside it.
        if (!explicitLabels && ds.attributes.contains(QStringLiteral("label")))
            labelsPath.clear();
    } else {
        readBin(path, labelsPath, spec.options, ds);
        labelsPath.clear(); // consumed: the labels defined the row count
    }
    ds.size = ds.features->rows();
    checkFinite(path, *ds.features);

    if (!labelsPath.isEmpty()) {
        const TextLines labels = readLines(labelsPath);
        checkLineCount(labels, ds.size, QStringLiteral("label"));
        ds.attributes.add(labelColumn(labels));
    }
    const QString groupsPath = optionPath(spec.options, QStringLiteral("groups"), base);
    if (!groupsPath.isEmpty()) {
        const TextLines groups = readLines(groupsPath);
        checkLineCount(groups, ds.size, QStringLiteral("group"));
        ds.attributes.add(
            categoricalColumn(QStringLiteral("group"), groups, QStringLiteral("a group label")));
    }

    ds.splits = splitsFromOptions(ds.size, spec.options);
    if (ds.attributes.contains(QStringLiteral("label")))
        ds.defaultTarget = QStringLiteral("label");
    if (ds.attributes.contains(QStringLiteral("group")))
        ds.defaultSensitive = {QStringLiteral("group")};
    return ds;
}

} // namespace equiscope
