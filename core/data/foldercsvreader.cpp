#include "data/foldercsvreader.h"

#include "data/csvtable.h"
#include "data/imagefiledecoder.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace equiscope {

namespace {

QString findCsv(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        const QStringList csvs =
            QDir(path).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
        if (csvs.size() != 1)
            throwDataError(path, -1, QStringLiteral("exactly one .csv file in the folder"),
                           csvs.isEmpty() ? QStringLiteral("none")
                                          : QStringLiteral("%1 (%2)")
                                                .arg(csvs.size())
                                                .arg(csvs.join(QStringLiteral(", "))));
        return QDir(path).filePath(csvs.front());
    }
    if (!info.isFile())
        throwDataError(path, -1, QStringLiteral("a CSV file or a folder holding one"),
                       QStringLiteral("no such file"));
    return path;
}

} // namespace

QString typesSidecarPath(const QString &csvPath)
{
    const QFileInfo fi(csvPath);
    return fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() +
           QStringLiteral(".types.json");
}

namespace {

/// The "types" option: {column: "binary" | "categorical" | "continuous" | "vector"}.
QHash<QString, AttributeType> typeOverrides(const QVariantMap &options, const QString &csv,
                                            const QStringList &attributeColumns)
{
    QHash<QString, AttributeType> out;
    const QVariantMap types = options.value(QStringLiteral("types")).toMap();
    for (auto it = types.constBegin(); it != types.constEnd(); ++it) {
        if (!attributeColumns.contains(it.key()))
            throwDataError(csv, -1,
                           QStringLiteral("a type override for one of the columns %1")
                               .arg(attributeColumns.join(QStringLiteral(", "))),
                           QStringLiteral("unknown column '%1'").arg(it.key()));
        const QString name = it.value().toString();
        const auto type = attributeTypeFromName(name);
        if (!type)
            throwDataError(csv, -1, QStringLiteral("binary, categorical, continuous or vector"),
                           QStringLiteral("type '%1'").arg(name), it.key());
        out.insert(it.key(), *type);
    }
    return out;
}

/// The types recorded beside @p csv for the given columns ({} when there is no sidecar).
QVariantMap sidecarTypes(const QString &csv, const QStringList &attributeColumns)
{
    QVariantMap typeOptions;
    const QString sidecar = typesSidecarPath(csv);
    if (!QFileInfo::exists(sidecar))
        return typeOptions;
    QFile f(sidecar);
    QJsonParseError err{};
    const QJsonDocument doc =
        f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll(), &err) : QJsonDocument();
    if (!doc.isObject())
        throwDataError(sidecar, -1, QStringLiteral("a JSON object {column: type}"),
                       err.error ? err.errorString() : QStringLiteral("unreadable file"));
    const QVariantMap saved = doc.object().toVariantMap();
    for (auto it = saved.begin(); it != saved.end(); ++it)
        if (attributeColumns.contains(it.key()))
            typeOptions.insert(it.key(), it.value());
    return typeOptions;
}

/// Reads the CSV and checks the header (BOM, empty or duplicated names, no rows).
CsvTable readCheckedCsv(const QString &csv)
{
    CsvTable t = CsvTable::read(csv);
    if (!t.header.isEmpty() && t.header.front().startsWith(QChar(0xfeff))) // BOM from Excel
        t.header.front().remove(0, 1);
    if (t.rows.empty())
        throwDataProblem(csv, QStringLiteral("empty dataset: no rows after the header"));
    // A duplicated or unnamed column would silently replace or hide another attribute.
    QHash<QString, int> seen;
    for (int c = 0; c < t.header.size(); ++c) {
        if (t.header[c].isEmpty())
            throwDataError(csv, 1, QStringLiteral("a name for every column"),
                           QStringLiteral("an empty name for column %1").arg(c + 1));
        if (seen.contains(t.header[c]))
            throwDataError(csv, 1, QStringLiteral("unique column names"),
                           QStringLiteral("'%1' twice").arg(t.header[c]));
        seen.insert(t.header[c], c);
    }
    return t;
}

/// The first column named "split" (any case) after the path column, or -1.
int splitColumnOf(const CsvTable &t)
{
    for (int c = 1; c < t.header.size(); ++c)
        if (t.header[c].compare(QLatin1String("split"), Qt::CaseInsensitive) == 0)
            return c;
    return -1;
}

Split splitFromText(const CsvTable &t, size_t row, int column)
{
    const QString v = t.rows[row][column].trimmed().toLower();
    if (v == QLatin1String("train"))
        return Split::Train;
    if (v == QLatin1String("val") || v == QLatin1String("valid") ||
        v == QLatin1String("validation"))
        return Split::Val;
    if (v == QLatin1String("test"))
        return Split::Test;
    throwDataError(t.file, t.lines[row], QStringLiteral("train, val or test"),
                   QStringLiteral("'%1'").arg(t.rows[row][column].trimmed()), t.header[column]);
}

/// The first attribute whose lower-case name is in @p candidates (in that order), or {}.
QString firstNamed(const QStringList &attributes, const QStringList &candidates)
{
    for (const QString &c : candidates)
        for (const QString &a : attributes)
            if (a.compare(c, Qt::CaseInsensitive) == 0)
                return a;
    return {};
}

} // namespace

Dataset readFolderCsv(const DatasetSpec &spec, const ReadContext &context)
{
    const QString csv = findCsv(spec.path);
    const CsvTable t = readCheckedCsv(csv);
    const int splitColumn = splitColumnOf(t);
    QStringList attributeColumns;
    for (int c = 1; c < t.header.size(); ++c)
        if (c != splitColumn)
            attributeColumns << t.header[c];
    // Column types saved beside the CSV (by writeFolderCsv) come first; the user's win.
    QVariantMap typeOptions = sidecarTypes(csv, attributeColumns);
    const QVariantMap userTypes = spec.options.value(QStringLiteral("types")).toMap();
    for (auto it = userTypes.begin(); it != userTypes.end(); ++it)
        typeOptions.insert(it.key(), it.value());
    const auto overrides =
        typeOverrides({{QStringLiteral("types"), typeOptions}}, csv, attributeColumns);

    const QDir base = QFileInfo(csv).absoluteDir();
    Dataset ds;
    ds.spec = spec;
    ds.name = base.dirName();
    ds.size = qint64(t.rows.size());
    QStringList paths;
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const QString file = t.rows[i][0].trimmed();
        if (file.isEmpty())
            throwDataError(csv, t.lines[i], QStringLiteral("an image path"),
                           QStringLiteral("an empty cell"), t.header[0]);
        const QString path = QDir::cleanPath(base.absoluteFilePath(file));
        // Checked here so the message names the CSV line; undecodable files are reported by
        // decodeImageFiles.
        if (!QFileInfo(path).isFile())
            throwDataError(csv, t.lines[i], QStringLiteral("an existing image file"),
                           QStringLiteral("no file %1").arg(path), t.header[0]);
        ds.itemNames << file;
        paths << path;
    }

    for (int c = 1; c < t.header.size(); ++c) {
        if (c == splitColumn)
            continue;
        TextColumnOptions options;
        options.file = csv;
        options.lines = t.lines;
        const auto forced = overrides.constFind(t.header[c]);
        if (forced != overrides.constEnd())
            options.forcedType = forced.value();
        ds.attributes.add(attributeFromText(t.header[c], t.column(c), options));
    }
    if (ds.attributes.columnCount() == 0)
        ds.warnings << QStringLiteral("%1 has no attribute columns besides the image path")
                           .arg(QFileInfo(csv).fileName());

    if (splitColumn >= 0) {
        ds.splits.reserve(t.rows.size());
        for (size_t i = 0; i < t.rows.size(); ++i)
            ds.splits.push_back(splitFromText(t, i, splitColumn));
    } else {
        ds.splits = splitsFromOptions(ds.size, spec.options);
    }

    ds.defaultSensitive = QStringList{
        firstNamed(attributeColumns, {QStringLiteral("group"), QStringLiteral("sensitive"),
                                      QStringLiteral("color")})};
    ds.defaultSensitive.removeAll(QString());
    ds.defaultTarget = firstNamed(
        attributeColumns, {QStringLiteral("label"), QStringLiteral("target"), QStringLiteral("y")});
    if (ds.defaultTarget.isEmpty()) {
        // The first attribute, unless it is the suggested sensitive one.
        for (const QString &a : std::as_const(attributeColumns))
            if (!ds.defaultSensitive.contains(a)) {
                ds.defaultTarget = a;
                break;
            }
    }

    ds.images = decodeImageFiles(paths, imageSizeOption(spec.options, 64), context);
    return ds;
}

Expected<FolderCsvColumns> inspectFolderCsvColumns(const QString &path)
{
    try {
        FolderCsvColumns out;
        out.csv = findCsv(path);
        const CsvTable t = readCheckedCsv(out.csv);
        out.rows = qint64(t.rows.size());
        const int splitColumn = splitColumnOf(t);
        if (splitColumn >= 0)
            out.splitColumn = t.header[splitColumn];
        QStringList attributeColumns;
        for (int c = 1; c < t.header.size(); ++c)
            if (c != splitColumn)
                attributeColumns << t.header[c];
        const QVariantMap saved = sidecarTypes(out.csv, attributeColumns);
        for (int c = 1; c < t.header.size(); ++c) {
            if (c == splitColumn)
                continue;
            FolderCsvColumn col;
            col.name = t.header[c];
            const QStringList cells = t.column(c);
            QSet<QString> distinct;
            for (const QString &raw : cells) {
                const QString cell = raw.trimmed();
                if (cell.isEmpty()) {
                    ++col.missing;
                } else if (!distinct.contains(cell)) {
                    distinct.insert(cell);
                    if (col.examples.size() < 5)
                        col.examples << cell;
                }
            }
            col.distinctValues = int(distinct.size());
            TextColumnOptions options;
            options.file = out.csv;
            options.lines = t.lines;
            // The same parser the reader runs, once per type: the wizard can then say at once
            // why an override would fail, with the reader's own message.
            for (AttributeType type : {AttributeType::Binary, AttributeType::Categorical,
                                       AttributeType::Continuous, AttributeType::Vector}) {
                options.forcedType = type;
                try {
                    attributeFromText(col.name, cells, options);
                } catch (const DataException &e) {
                    col.typeErrors[size_t(type)] = e.error().toString();
                }
            }
            const auto savedType = attributeTypeFromName(saved.value(col.name).toString());
            if (savedType) {
                col.type = *savedType;
                col.fromSidecar = true;
            } else {
                options.forcedType.reset();
                // Inference only fails on too many categorical levels: the reader would fail
                // the same way, and the categorical error then says why.
                try {
                    col.type = attributeFromText(col.name, cells, options).type();
                } catch (const DataException &) {
                    col.type = AttributeType::Categorical;
                }
            }
            out.columns.push_back(col);
        }
        return out;
    } catch (const DataException &e) {
        return e.error();
    }
}

QString typesOptionText(const QVariantMap &types)
{
    QStringList parts;
    for (auto it = types.constBegin(); it != types.constEnd(); ++it)
        parts << QStringLiteral("%1:%2").arg(it.key(), it.value().toString());
    return parts.join(QLatin1Char(';'));
}

} // namespace equiscope
