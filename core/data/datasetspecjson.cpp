#include "data/datasetspecjson.h"

#include "util/jsonfields.h"

namespace equiscope {

Expected<DatasetSpec> readDatasetSpec(const QJsonValue &json, const QString &file,
                                      const QString &path)
{
    if (!json.isObject())
        return DataError{file,
                         -1,
                         -1,
                         path,
                         QStringLiteral("an object"),
                         json.isString() ? QStringLiteral("'%1'").arg(json.toString())
                                         : QStringLiteral("a value of another type"),
                         {}};
    DatasetSpec spec;
    QJsonObject options;
    JsonFields fields(json.toObject(), file, path);
    fields.text(QStringLiteral("format"), spec.format)
        .text(QStringLiteral("path"), spec.path)
        .object(QStringLiteral("options"), options);
    if (auto e = fields.error())
        return *e;
    spec.options = options.toVariantMap();
    return spec;
}

} // namespace equiscope
