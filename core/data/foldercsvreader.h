#pragma once

#include "data/datasetreader.h"

#include <array>

namespace equiscope {

/// Opens an image folder described by a CSV: @p spec.path is the CSV (or a folder holding
/// exactly one .csv). The first column is each image's path relative to the CSV's folder; the
/// other columns are attributes whose types are inferred (binary, categorical, continuous,
/// vector) unless spec.options["types"] ({column: type name}) forces them. A column named
/// "split" (train/val/test) gives the splits; otherwise they are random from the spec's options.
/// Throws DataException naming the file, line and column of the first problem.
Dataset readFolderCsv(const DatasetSpec &spec, const ReadContext &context);

/// The file beside a CSV that records its column types ("attributes.csv" →
/// "attributes.types.json"), written by writeFolderCsv so a round trip keeps the types.
QString typesSidecarPath(const QString &csvPath);

/// One attribute column of a folder-csv CSV as the reader will see it, before any image is
/// decoded: what the import wizard shows so a person can override the inferred type.
struct FolderCsvColumn
{
    QString name;
    AttributeType type = AttributeType::Categorical; ///< used without an override
    bool fromSidecar = false; ///< the type comes from the ".types.json" beside the CSV
    int distinctValues = 0;   ///< non-empty distinct cells
    qint64 missing = 0;       ///< empty cells
    QStringList examples;     ///< a few distinct values, in file order
    /// Per type (index = AttributeType): empty when the column parses as that type, else the
    /// reader's error (file, line, field, expected, found).
    std::array<QString, 4> typeErrors;

    QString errorAs(AttributeType t) const { return typeErrors[size_t(t)]; }
};

struct FolderCsvColumns
{
    QString csv; ///< the CSV file the path resolved to
    qint64 rows = 0;
    QString splitColumn; ///< empty when there is none
    QVector<FolderCsvColumn> columns;
};

/// Reads the CSV of a folder-csv dataset (@p path: the CSV or its folder) and describes every
/// attribute column; image files are not touched. Fails like readFolderCsv on a bad CSV.
Expected<FolderCsvColumns> inspectFolderCsvColumns(const QString &path);

/// The CLI spelling of a "types" option ({column: type}): "age:continuous;zip:categorical".
QString typesOptionText(const QVariantMap &types);

} // namespace equiscope
