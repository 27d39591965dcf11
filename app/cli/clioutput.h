#pragma once

#include <QJsonObject>
#include <QString>

namespace equiscope::cli {

/// Standard output / error helpers: errors are one line on stderr, results on stdout.
void printOut(const QString &text);
void printJson(const QJsonObject &object);
int fail(const QString &message, int code = 1);

} // namespace equiscope::cli
