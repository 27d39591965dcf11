#pragma once

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>

namespace equiscope::cli {

/// Standard output / error helpers: errors are one line on stderr, results on stdout.
void printOut(const QString &text);
void printJson(const QJsonObject &object);
int fail(const QString &message, int code = 1);

/// Option --@p name of @p parser as an integer in [@p min, @p max] (its default when not given);
/// false with @p error set ("--count: expected an integer from 1 to 1024, found '-5'") otherwise.
/// Every count, size and repeat a flag can set is bounded this way.
bool boundedIntOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                      qint64 *value, QString *error);

} // namespace equiscope::cli
