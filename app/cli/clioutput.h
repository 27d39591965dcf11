#pragma once

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>

namespace equiscope::cli {

/// Standard output / error helpers: errors are one line on stderr, results on stdout.
void printOut(const QString &text);
void printJson(const QJsonObject &object);
int fail(const QString &message, int code = 1);

/// Exit codes of every command (kExitCodes in --help): 0 done, 1 a data error (a file, store,
/// dataset, model or config that is missing or wrong), 2 a usage error (an unknown command or
/// option, a missing or malformed argument), 3 cancelled (the run stays resumable).
constexpr int kExitData = 1, kExitUsage = 2, kExitCancelled = 3;
/// The exit-code convention as printed at the end of every --help.
QString exitCodesHelp();

/// QCommandLineParser::process() with the project's exit codes: an unknown option or a missing
/// option value prints one line naming it and exits with kExitUsage (process() would exit with
/// 1, the data-error code); --help prints the help and the exit codes and exits with 0.
void parseOrExit(QCommandLineParser &parser, const QStringList &arguments);

/// Option --@p name of @p parser as an integer in [@p min, @p max] (its default when not given);
/// false with @p error set ("--count: expected an integer from 1 to 1024, found '-5'") otherwise.
/// Every count, size and repeat a flag can set is bounded this way.
bool boundedIntOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                      qint64 *value, QString *error);

} // namespace equiscope::cli
