#pragma once

#include <QJsonObject>
#include <QString>

namespace equiscope {

/// Typed access to the launcher's remembered values in QSettings: per method family the last
/// config its form described (saved on every launch and when the window closes), and the family
/// shown. The values are the user's own, but a settings file can still be edited or come from
/// another version: a remembered config is read like any other config, and refused with the
/// reason when it does not parse.
class LauncherSettings
{
public:
    /// The remembered config of @p family (the family's name); empty when there is none or it is
    /// not a JSON object (then @p error, if given, says why).
    QJsonObject rememberedConfig(const QString &family, QString *error = nullptr) const;
    void rememberConfig(const QString &family, const QJsonObject &config);
    void forgetConfig(const QString &family);

    /// The family the Experiments page showed last; empty when none.
    QString lastFamily() const;
    void setLastFamily(const QString &family);
};

} // namespace equiscope
