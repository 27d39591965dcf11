#include "datasets/datasetsettings.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSettings>

namespace equiscope {

namespace {
const QString kRecent = QStringLiteral("datasets/recent");
const QString kLastFormat = QStringLiteral("datasets/lastFormat");
const QString kLastDirectory = QStringLiteral("datasets/lastDirectory");

QString specKey(const DatasetSpec &spec)
{
    return QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
}
} // namespace

QList<DatasetSpec> DatasetSettings::recentDatasets() const
{
    QList<DatasetSpec> out;
    for (const QString &json : QSettings().value(kRecent).toStringList()) {
        const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
        if (doc.isObject())
            out << DatasetSpec::fromJson(doc.object());
    }
    return out;
}

void DatasetSettings::addRecentDataset(const DatasetSpec &spec)
{
    QSettings settings;
    QStringList recent = settings.value(kRecent).toStringList();
    const QString key = specKey(spec);
    recent.removeAll(key);
    recent.prepend(key);
    settings.setValue(kRecent, recent.mid(0, kMaxRecent));
}

void DatasetSettings::clearRecentDatasets()
{
    QSettings().remove(kRecent);
}

QString DatasetSettings::lastFormat() const
{
    return QSettings().value(kLastFormat, QStringLiteral("folder-csv")).toString();
}

void DatasetSettings::setLastFormat(const QString &format)
{
    QSettings().setValue(kLastFormat, format);
}

QString DatasetSettings::lastDirectory() const
{
    return QSettings().value(kLastDirectory).toString();
}

void DatasetSettings::setLastDirectory(const QString &directory)
{
    QSettings().setValue(kLastDirectory, directory);
}

QString DatasetSettings::displayName(const DatasetSpec &spec)
{
    if (spec.format == QLatin1String("colored")) {
        const QString source = spec.options.value(QStringLiteral("source"), spec.path).toString();
        return QCoreApplication::translate("DatasetSettings", "colored — %1 (ρ = %2)")
            .arg(source.isEmpty() ? QCoreApplication::translate("DatasetSettings", "Fashion-MNIST")
                                  : source)
            .arg(spec.options.value(QStringLiteral("rho"), 0.0).toDouble());
    }
    return QCoreApplication::translate("DatasetSettings", "%1 — %2").arg(spec.format, spec.path);
}

} // namespace equiscope
