#include "testsettings.h"

#include <QDir>
#include <QSettings>

namespace fixtures {

void isolateSettings(const QString &directory)
{
    QDir().mkpath(directory);
    for (const QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        for (const QSettings::Scope scope : {QSettings::UserScope, QSettings::SystemScope})
            QSettings::setPath(format, scope, directory);
    QSettings().clear();
}

} // namespace fixtures
