#include "launch/launchersettings.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QSettings>

namespace equiscope {

namespace {

const QString kLastFamily = QStringLiteral("launcher/family");

QString configKey(const QString &family)
{
    return QStringLiteral("launcher/%1/config").arg(family);
}

} // namespace

QJsonObject LauncherSettings::rememberedConfig(const QString &family, QString *error) const
{
    const QByteArray text = QSettings().value(configKey(family)).toString().toUtf8();
    if (text.isEmpty())
        return {};
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parse);
    if (parse.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error =
                parse.error != QJsonParseError::NoError
                    ? QStringLiteral("%1 at offset %2").arg(parse.errorString()).arg(parse.offset)
                    : QStringLiteral("not a JSON object");
        return {};
    }
    return document.object();
}

void LauncherSettings::rememberConfig(const QString &family, const QJsonObject &config)
{
    QSettings().setValue(configKey(family),
                         QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact)));
}

void LauncherSettings::forgetConfig(const QString &family)
{
    QSettings().remove(configKey(family));
}

QString LauncherSettings::lastFamily() const
{
    return QSettings().value(kLastFamily).toString();
}

void LauncherSettings::setLastFamily(const QString &family)
{
    QSettings().setValue(kLastFamily, family);
}

} // namespace equiscope
